/*
 * anon.c - the replacement list of the anonymised copy (see anon.h).
 *
 * Texts are compared by their matching key (unicode.h): NFC, case
 * folded, every Unicode space, hyphen and apostrophe lumped, soft
 * hyphens and zero-width characters dropped. A replacement starts and
 * ends on a word boundary of the key (Unicode categories) and on a
 * character boundary of the original text; the map from key to original
 * lets the untouched parts of the text be copied as they were written.
 *
 * Values are added in every notation people use for them: a name whole
 * and each of its parts (of any length, particles such as "de" and "van"
 * only within the whole name), a date in each notation the date field
 * accepts and in the printed forms, a phone number by its digits
 * (whatever separators or +31/0031 prefix are written), everything else
 * as written (e-mail addresses thus case-insensitively).
 */
#include "anon.h"
#include "buf.h"
#include "date.h"
#include "field.h"
#include "form.h"
#include "mem.h"
#include "unicode.h"
#include "utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct repl {
	char *key;   /* matching key of the value */
	size_t klen;
	char *to;
};

#define PHONE_MAX 24

struct anon {
	struct repl *repl;
	size_t nrepl, rcap;
	char (*phone)[PHONE_MAX]; /* national digits: "0641235678" */
	size_t nphone, pcap;
};

static const char omitted[] = "[weggelaten]";

/* ---- building the list ----------------------------------------------- */

static void add_repl(struct anon *A, const char *from, const char *to)
{
	struct buf k = BUF_INIT;
	size_t i;

	if (!from || unicode_key_base(from, strlen(from), &k) < 0)
		goto out;
	buf_trim(&k);
	if (!k.len)
		goto out;
	for (i = 0; i < A->nrepl; i++)
		if (A->repl[i].klen == k.len && !memcmp(A->repl[i].key, k.s, k.len))
			goto out;
	ARRAY_GROW(A->repl, A->nrepl, A->rcap);
	A->repl[A->nrepl].klen = k.len;
	A->repl[A->nrepl].key = buf_detach(&k, NULL);
	A->repl[A->nrepl].to = xstrdup(to);
	A->nrepl++;
out:
	buf_release(&k);
}

/*
 * The national digits of a phone number as written: separators dropped,
 * +31 / 0031 (and a "(0)" after it) turned into the leading 0. False when
 * it has too few or too many digits to be one.
 */
static bool phone_digits(const char *s, size_t n, char out[PHONE_MAX])
{
	char d[PHONE_MAX * 2];
	size_t nd = 0, i, skip = 0;
	bool plus = n && s[0] == '+';

	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i])) {
			if (nd + 1 >= sizeof(d))
				return false;
			d[nd++] = s[i];
		}
	d[nd] = '\0';
	if (plus && nd > 2 && d[0] == '3' && d[1] == '1')
		skip = 2;
	else if (!plus && nd > 4 && !memcmp(d, "0031", 4))
		skip = 4;
	if (skip) {
		out[0] = '0';
		if (d[skip] == '0')
			skip++;
		if (nd - skip + 2 > PHONE_MAX)
			return false;
		memcpy(out + 1, d + skip, nd - skip + 1);
		nd = nd - skip + 1;
	} else {
		if (nd + 1 > PHONE_MAX)
			return false;
		memcpy(out, d, nd + 1);
	}
	return nd >= 6;
}

static void add_phone(struct anon *A, const char *s)
{
	char d[PHONE_MAX];

	if (!phone_digits(s, strlen(s), d))
		return;
	ARRAY_GROW(A->phone, A->nphone, A->pcap);
	memcpy(A->phone[A->nphone++], d, PHONE_MAX);
}

/* Every notation of a date a person or this program writes. */
static void add_date(struct anon *A, int day)
{
	static const char seps[] = "-/.";
	struct buf s = BUF_INIT;
	int y, m, d, i, pd, pm;

	date_to_ymd(day, &y, &m, &d);
	date_fmt_long(&s, day);
	add_repl(A, s.s, omitted);
	for (i = 0; seps[i]; i++)
		for (pd = 0; pd < 2; pd++)
			for (pm = 0; pm < 2; pm++) {
				buf_reset(&s);
				buf_addf(&s, pd ? "%02d%c" : "%d%c", d, seps[i]);
				buf_addf(&s, pm ? "%02d%c%d" : "%d%c%d", m, seps[i], y);
				add_repl(A, s.s, omitted);
				buf_reset(&s);
				buf_addf(&s, "%d%c", y, seps[i]);
				buf_addf(&s, pm ? "%02d%c" : "%d%c", m, seps[i]);
				buf_addf(&s, pd ? "%02d" : "%d", d);
				add_repl(A, s.s, omitted);
			}
	{
		static const char *const abbr[] = { "jan", "feb", "mrt", "apr", "mei", "jun",
						    "jul", "aug", "sep", "okt", "nov", "dec" };

		buf_reset(&s);
		buf_addf(&s, "%d %s %d", d, abbr[m - 1], y);
		add_repl(A, s.s, omitted);
		buf_reset(&s);
		buf_addf(&s, "%d %s. %d", d, abbr[m - 1], y);
		add_repl(A, s.s, omitted);
	}
	buf_release(&s);
}

/* Name particles: part of a whole name, never replaced on their own. */
static bool is_particle(const char *part, size_t n)
{
	static const char *const particles[] = {
		"van", "de", "der", "den", "het", "ten", "ter", "te", "'t", "in", "op", "la", "le",
		"du", "da", "di", "von", "dos", "del", "el", "al", "d'", "l'",
	};
	struct buf k = BUF_INIT;
	size_t i;
	bool r = false;

	if (unicode_key(part, n, &k) == 0)
		for (i = 0; i < sizeof(particles) / sizeof(particles[0]) && !r; i++)
			r = !strcmp(k.s, particles[i]);
	buf_release(&k);
	return r;
}

/* Is cp a separator between name parts: a space or hyphen of any kind? */
static bool name_sep(const char *s, size_t n)
{
	struct buf k = BUF_INIT;
	bool r;

	unicode_key(s, n, &k);
	r = !strcmp(k.s, " ") || !strcmp(k.s, "-");
	buf_release(&k);
	return r;
}

/* Call fn for each part of a name: start and length in name. */
static void each_part(const char *name, void (*fn)(void *, const char *, size_t), void *ctx)
{
	size_t n = strlen(name), i = 0, start = 0;

	while (i <= n) {
		uint32_t cp;
		size_t l = i < n ? utf8_decode(name + i, n - i, &cp) : 0;

		if (i < n && !l)
			l = 1;
		if (i == n || name_sep(name + i, l)) {
			if (i > start)
				fn(ctx, name + start, i - start);
			start = i + (i < n ? l : 0);
		}
		if (i == n)
			break;
		i += l;
	}
}

static void add_initial(void *ctx, const char *part, size_t n)
{
	struct buf *out = ctx;
	uint32_t cp;
	size_t l;

	if (is_particle(part, n))
		return;
	/* skip what is not a letter ("'t", quotes) */
	while (n && (l = utf8_decode(part, n, &cp)) && !unicode_is_letter(cp)) {
		part += l;
		n -= l;
	}
	if (!n || !(l = utf8_decode(part, n, &cp)))
		return;
	utf8_encode(out, unicode_upper(cp));
	buf_addch(out, '.');
}

/* "Eline Ünal-de Jonge" -> "E.Ü.J." (particles skipped) */
static void initials(const char *name, struct buf *out)
{
	each_part(name, add_initial, out);
	if (!out->len)
		buf_adds(out, "X.");
}

static void add_name_part(void *ctx, const char *part, size_t n)
{
	struct anon *A = ctx;
	struct buf p = BUF_INIT, ini = BUF_INIT;

	if (!is_particle(part, n)) {
		buf_add(&p, part, n);
		initials(p.s, &ini);
		add_repl(A, p.s, ini.s);
	}
	buf_release(&p);
	buf_release(&ini);
}

static void collect_names(struct anon *A, const struct field *def, const json *v)
{
	const json *it;
	size_t i;
	int d;

	if (!v)
		return;
	if (def->type->kind == FT_GROEP) {
		for (i = 0; i < def->nsub; i++)
			collect_names(A, &def->sub[i], json_get(v, def->sub[i].key));
		return;
	}
	if (def->type->kind == FT_LIJST) {
		for (it = json_first(v); it; it = json_next(it))
			for (i = 0; i < def->nsub; i++)
				collect_names(A, &def->sub[i], json_get(it, def->sub[i].key));
		return;
	}
	if (def->privacy == PRIV_INITIALS && json_is_string(v)) {
		struct buf ini = BUF_INIT;

		initials(json_str(v), &ini);
		add_repl(A, json_str(v), ini.s);
		each_part(json_str(v), add_name_part, A); /* "Zoë", "Ünal", "Ng" */
		buf_release(&ini);
	} else if (def->privacy == PRIV_OMIT && value_filled(v) && json_is_string(v)) {
		if (def->type->kind == FT_DATUM && date_parse_iso(json_str(v), &d))
			add_date(A, d);
		else if (def->type->kind == FT_TELEFOON)
			add_phone(A, json_str(v));
		add_repl(A, json_str(v), omitted);
	}
}

static int by_length(const void *a, const void *b)
{
	size_t la = ((const struct repl *)a)->klen, lb = ((const struct repl *)b)->klen;

	return (la < lb) - (la > lb);
}

struct anon *anon_build(const struct formset *fs, const json *root)
{
	struct anon *A = xcalloc(1, sizeof(*A));
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct form *f = &fs->forms[i];

		collect_names(A, &f->root, json_get(root, f->id));
	}
	if (A->nrepl > 1)
		qsort(A->repl, A->nrepl, sizeof(*A->repl), by_length);
	return A;
}

bool anon_empty(const struct anon *A)
{
	return !A || (!A->nrepl && !A->nphone);
}

void anon_free(struct anon *A)
{
	size_t i;

	if (!A)
		return;
	for (i = 0; i < A->nrepl; i++) {
		free(A->repl[i].key);
		free(A->repl[i].to);
	}
	free(A->repl);
	free(A->phone);
	free(A);
}

/* ---- replacing ---------------------------------------------------------- */

/* Does key byte i start a character of the original text? */
static bool at_char(const size_t *map, size_t i)
{
	return i == 0 || map[i] != map[i - 1];
}

/*
 * A phone number of the list starting at key[i]: digits with separators
 * in between. Returns the length of the longest match or 0.
 */
static size_t phone_at(const struct anon *A, const struct buf *k, const size_t *map, size_t i)
{
	size_t j = i, best = 0, p;
	char d[PHONE_MAX];

	if (k->s[j] == '+')
		j++;
	while (j < k->len && (isdigit((unsigned char)k->s[j]) || (j > i && strchr(" -()./", k->s[j])))) {
		j++;
		if (!isdigit((unsigned char)k->s[j - 1]) || (j < k->len && isdigit((unsigned char)k->s[j])))
			continue;
		/* a group of digits ends at j */
		if (!at_char(map, j) || !unicode_word_boundary(k->s, k->len, j) ||
		    !phone_digits(k->s + i, j - i, d))
			continue;
		for (p = 0; p < A->nphone; p++)
			if (!strcmp(A->phone[p], d))
				best = j - i;
	}
	return best;
}

void anon_apply(const struct anon *A, const char *s, struct buf *out)
{
	struct buf k = BUF_INIT;
	size_t n = strlen(s), *map = NULL, i = 0, pos = 0, r;

	if (anon_empty(A) || unicode_key_base_map(s, n, &k, &map) < 0) {
		buf_add(out, s, n);
		goto out;
	}
	while (i < k.len) {
		size_t mlen = 0;
		const char *to = NULL;

		if (at_char(map, i) && unicode_word_boundary(k.s, k.len, i)) {
			for (r = 0; r < A->nrepl && !to; r++) {
				const struct repl *R = &A->repl[r];
				size_t e = i + R->klen;

				if (R->klen <= k.len - i && R->key[0] == k.s[i] && !memcmp(R->key, k.s + i, R->klen) &&
				    at_char(map, e) && unicode_word_boundary(k.s, k.len, e)) {
					mlen = R->klen;
					to = R->to;
				}
			}
			if (!to && A->nphone && (k.s[i] == '+' || isdigit((unsigned char)k.s[i])) &&
			    (mlen = phone_at(A, &k, map, i)))
				to = omitted;
		}
		if (to) {
			buf_add(out, s + pos, map[i] - pos);
			buf_adds(out, to);
			pos = map[i + mlen];
			i += mlen;
		} else {
			i++;
		}
	}
	buf_add(out, s + pos, n - pos);
out:
	buf_release(&k);
	free(map);
}
