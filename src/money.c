/*
 * money.c - Dutch money notation (see money.h).
 *
 * The dot only groups thousands and the comma only separates cents, as on
 * a Dutch invoice. "12.50" is therefore ambiguous and refused with a hint
 * rather than guessed: a guess could make an offerte a hundred times off.
 */
#include "money.h"
#include "buf.h"

#include <ctype.h>
#include <string.h>

#include "banned.h"

static const char hint[] = "Typ een bedrag zoals 1.234,56 of € 80.";

static const char *skip_ws(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s += 2; /* no-break space */
		else
			return s;
	}
}

static const char *skip_euro(const char *s)
{
	if (!strncmp(s, "\xE2\x82\xAC", 3))
		return s + 3;
	if (!strncmp(s, "EUR", 3) || !strncmp(s, "eur", 3))
		return s + 3;
	return s;
}

bool money_parse(const char *in, int64_t *cents, struct buf *msg)
{
	const char *s = skip_ws(in);
	int64_t whole = 0;
	int frac = 0, fracd = 0, groupd = 0, ngroups = 0, firstd = 0;
	bool grouped = false;

	s = skip_ws(skip_euro(s));
	if (*s == '-') {
		buf_adds(msg, "Een bedrag kan niet negatief zijn.");
		return false;
	}
	if (*s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		goto bad;
	while (isdigit((unsigned char)*s) || *s == '.') {
		if (*s == '.') {
			if (ngroups == 0)
				firstd = groupd;
			else if (groupd != 3)
				goto ambiguous;
			if (firstd == 0 || firstd > 3)
				goto ambiguous;
			grouped = true;
			ngroups++;
			groupd = 0;
			s++;
			continue;
		}
		if (whole > MONEY_MAX_CENTS / 100)
			goto toobig;
		whole = whole * 10 + (*s - '0');
		groupd++;
		s++;
	}
	if (grouped && groupd != 3)
		goto ambiguous;
	if (*s == ',') {
		s++;
		if (*s == '-') {
			s++;
		} else {
			while (isdigit((unsigned char)*s)) {
				if (fracd == 2)
					goto bad_cents;
				frac = frac * 10 + (*s - '0');
				fracd++;
				s++;
			}
			if (!fracd)
				goto bad;
			if (fracd == 1)
				frac *= 10;
		}
	}
	s = skip_ws(s);
	s = skip_ws(skip_euro(s));
	if (*s)
		goto bad;
	if (whole > MONEY_MAX_CENTS / 100 || whole * 100 + frac > MONEY_MAX_CENTS)
		goto toobig;
	*cents = whole * 100 + frac;
	return true;
bad_cents:
	buf_adds(msg, "Een bedrag heeft hoogstens twee cijfers achter de komma. De komma staat voor de centen, "
		      "de punt tussen duizendtallen: schrijf 1.234,56.");
	return false;
ambiguous:
	buf_adds(msg, "Gebruik de punt alleen tussen duizendtallen en de komma voor centen, bijvoorbeeld 1.234,56.");
	return false;
toobig:
	buf_adds(msg, "Dit bedrag is te groot (hoogstens € 999.999.999,99).");
	return false;
bad:
	buf_adds(msg, hint);
	return false;
}

void money_fmt(struct buf *b, int64_t cents, bool with_sign)
{
	char digits[32];
	int n = 0, i;
	uint64_t v;
	bool neg = cents < 0;

	v = neg ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	if (with_sign)
		buf_adds(b, "\xE2\x82\xAC ");
	if (neg)
		buf_addch(b, '-');
	uint64_t whole = v / 100;
	do {
		digits[n++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	for (i = n - 1; i >= 0; i--) {
		buf_addch(b, digits[i]);
		if (i && i % 3 == 0)
			buf_addch(b, '.');
	}
	buf_addf(b, ",%02d", (int)(v % 100));
}
