/*
 * date.c - day numbers, parsing and Dutch formatting (see date.h).
 *
 * The conversions are the well-known days-from-civil algorithms (era of
 * 400 years), exact for every Gregorian date and free of time zones.
 */
#include "date.h"
#include "buf.h"
#include "utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banned.h"

static const char *const month_names[] = {
	"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december",
};
static const char *const day_names[] = {
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};

int date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 &&
	       d >= 1 && d <= days_in_month(y, m);
}

/* Read 1..maxd digits; return count read (0 on none). */
static int digits(const char *s, int maxd, int *val)
{
	int n = 0, v = 0;

	while (n < maxd && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	*val = v;
	return n;
}

bool date_parse_iso(const char *s, int *days)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || digits(s, 4, &y) != 4 || s[4] != '-' ||
	    digits(s + 5, 2, &m) != 2 || s[7] != '-' || digits(s + 8, 2, &d) != 2)
		return false;
	if (!date_valid_ymd(y, m, d))
		return false;
	*days = date_from_ymd(y, m, d);
	return true;
}

static bool is_sep(char c)
{
	return c == '-' || c == '/' || c == '.';
}

bool date_parse_user(const char *in, int *days, struct buf *msg)
{
	struct buf t = BUF_INIT;
	const char *s;
	int a, b, c, na, nb, nc, y, m, d;
	bool ok = false;

	buf_adds(&t, in);
	buf_trim(&t);
	s = t.s;
	if (utf8_fold_equal(s, "vandaag")) {
		*days = date_today();
		ok = true;
		goto out;
	}
	if (utf8_fold_equal(s, "gisteren")) {
		*days = date_today() - 1;
		ok = true;
		goto out;
	}
	na = digits(s, 4, &a);
	if (!na || !is_sep(s[na]))
		goto bad;
	nb = digits(s + na + 1, 2, &b);
	if (!nb || !is_sep(s[na + 1 + nb]))
		goto bad;
	nc = digits(s + na + 1 + nb + 1, 4, &c);
	if (!nc || s[na + 1 + nb + 1 + nc])
		goto bad;
	if (na == 4) {
		y = a, m = b, d = c;
	} else if (nc == 4 && na <= 2) {
		d = a, m = b, y = c;
	} else {
		if (nc == 2 && na <= 2)
			buf_adds(msg, "Schrijf het jaar voluit, bijvoorbeeld 14-03-2024.");
		else
			goto bad;
		goto out;
	}
	if (m < 1 || m > 12) {
		buf_addf(msg, "Maand %d bestaat niet; gebruik dd-mm-jjjj, bijvoorbeeld 14-03-2024.", m);
		goto out;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		buf_addf(msg, "Het jaar %d ligt buiten %d-%d.", y, DATE_MIN_YEAR, DATE_MAX_YEAR);
		goto out;
	}
	if (d < 1 || d > days_in_month(y, m)) {
		buf_addf(msg, "%s %d heeft geen dag %d.", month_names[m - 1], y, d);
		msg->s[0] = (char)toupper((unsigned char)msg->s[0]);
		goto out;
	}
	*days = date_from_ymd(y, m, d);
	ok = true;
	goto out;
bad:
	buf_adds(msg, "Dit is geen datum. Typ dd-mm-jjjj (bijvoorbeeld 14-03-2024) of 'vandaag'.");
out:
	buf_release(&t);
	return ok;
}

/* A day from seconds since 1970 in the environment variable `name`, or -1. */
static int day_from_env(const char *name)
{
	const char *v = getenv(name);

	if (v && *v) {
		char *end;
		long long t = strtoll(v, &end, 10);

		if (!*end && t >= 0 && t < 4102444800LL)
			return (int)(t / 86400);
	}
	return -1;
}

int date_today(void)
{
	time_t now;
	struct tm tm;
	int d = day_from_env("DOSSIER_TEST_TODAY");

	if (d >= 0)
		return d;
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return (int)(now / 86400);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int date_print_day(void)
{
	int d = day_from_env("SOURCE_DATE_EPOCH");

	return d >= 0 ? d : date_today();
}

int date_weekday(int days)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (days + 3) % 7;

	return w < 0 ? w + 7 : w;
}

int date_age(int birth, int day)
{
	int by, bm, bd, y, m, d, age;

	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(day, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

void date_fmt_iso(struct buf *b, int days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	buf_addf(b, "%04d-%02d-%02d", y, m, d);
}

void date_fmt_short(struct buf *b, int days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	buf_addf(b, "%02d-%02d-%04d", d, m, y);
}

void date_fmt_long(struct buf *b, int days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	buf_addf(b, "%d %s %d", d, month_names[m - 1], y);
}

void date_fmt_weekday(struct buf *b, int days)
{
	buf_addf(b, "%s ", day_names[date_weekday(days)]);
	date_fmt_long(b, days);
}

bool time_parse(const char *s, int *minutes)
{
	int h, m, nh, nm;

	while (*s == ' ')
		s++;
	nh = digits(s, 2, &h);
	if (!nh || (s[nh] != ':' && s[nh] != '.'))
		return false;
	nm = digits(s + nh + 1, 2, &m);
	if (nm != 2)
		return false;
	s += nh + 1 + nm;
	while (*s == ' ')
		s++;
	if (*s || h > 23 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

void time_fmt(struct buf *b, int minutes)
{
	buf_addf(b, "%02d.%02d", minutes / 60, minutes % 60);
}
