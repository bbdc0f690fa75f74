/*
 * field.c - the field types: parse typed text, check stored values, format.
 *
 * Every message here is what a user reads after typing something wrong,
 * so each says what is expected and gives an example. The parsers accept
 * what people actually type (a leading "€", "j" for ja, an option's number
 * or the start of its name) and store one canonical form.
 */
#include "field.h"
#include "buf.h"
#include "date.h"
#include "err.h"
#include "fileio.h"
#include "image.h"
#include "json.h"
#include "mem.h"
#include "money.h"
#include "unicode.h"
#include "usable.h"
#include "utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

/* ---- helpers ---------------------------------------------------------- */

static void trimmed(struct buf *t, const char *text)
{
	buf_adds(t, text);
	buf_trim(t);
}

static size_t max_len(const struct field *f)
{
	if (f->max_len)
		return f->max_len;
	return f->type->kind == FT_TEKST ? FIELD_LONG_MAX : FIELD_SHORT_MAX;
}

static int check_text(const struct field *f, const char *s, size_t len, bool multiline, struct buf *msg)
{
	size_t n;

	if (!utf8_check(s, len, NULL)) {
		buf_adds(msg, "bevat ongeldige tekens (geen geldige UTF-8)");
		return -1;
	}
	if (utf8_has_control(s, len, multiline)) {
		buf_adds(msg, multiline ? "bevat stuurtekens die niet in een tekst horen"
				       : "moet op één regel passen (geen regeleinden of stuurtekens)");
		return -1;
	}
	n = utf8_length(s, len);
	if (n > max_len(f)) {
		buf_addf(msg, "is te lang (%zu tekens; hoogstens %zu)", n, max_len(f));
		return -1;
	}
	return 0;
}

/* Text is stored in its canonical form (NFC): "Zoë" typed as e + U+0308 becomes one character. */
static void to_nfc(struct buf *t)
{
	struct buf n = BUF_INIT;

	if (!unicode_nfc(t->s, t->len, &n)) {
		buf_reset(t);
		buf_add(t, n.s, n.len);
	}
	buf_release(&n);
}

static int want_string(const json *v, const char *what, struct buf *msg)
{
	if (json_is_string(v))
		return 0;
	buf_addf(msg, "verwacht %s, maar vond %s", what, json_type_name(v));
	return -1;
}

bool value_filled(const json *v)
{
	switch (json_type(v)) {
	case JSON_BOOL: case JSON_NUMBER: return true;
	case JSON_STRING: return json_str(v)[0] != '\0';
	case JSON_ARRAY: case JSON_OBJECT: return json_len(v) > 0;
	default: return false;
	}
}

/* ---- kort / tekst ----------------------------------------------------- */

static int parse_short(const struct field *f, const char *text, const struct field_ctx *ctx,
		       json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	int r;

	(void)ctx;
	trimmed(&t, text);
	r = check_text(f, t.s, t.len, false, msg);
	if (!r) {
		to_nfc(&t);
		*out = json_new_string(t.s);
	}
	buf_release(&t);
	return r;
}

static int check_short(const struct field *f, const json *v, struct buf *msg)
{
	if (want_string(v, "tekst", msg))
		return -1;
	return check_text(f, json_str(v), strlen(json_str(v)), false, msg);
}

/* Long text: keep the lines, drop trailing blanks per line and at the end. */
static int parse_long(const struct field *f, const char *text, const struct field_ctx *ctx,
		      json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	const char *p = text;
	int r;

	(void)ctx;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
			n--;
		buf_add(&t, p, n);
		if (!nl)
			break;
		buf_addch(&t, '\n');
		p = nl + 1;
	}
	buf_trim(&t);
	r = check_text(f, t.s, t.len, true, msg);
	if (!r) {
		to_nfc(&t);
		*out = json_new_string(t.s);
	}
	buf_release(&t);
	return r;
}

static int check_long(const struct field *f, const json *v, struct buf *msg)
{
	if (want_string(v, "tekst", msg))
		return -1;
	return check_text(f, json_str(v), strlen(json_str(v)), true, msg);
}

static void format_string(const struct field *f, const json *v, struct buf *out)
{
	(void)f;
	if (json_is_string(v))
		buf_adds(out, json_str(v));
}

/* ---- datum ------------------------------------------------------------ */

static int future_check(const struct field *f, int days, int today, struct buf *msg)
{
	if (f->no_future && days > today) {
		buf_adds(msg, "Deze datum ligt in de toekomst; vul de datum in waarop het gebeurd is.");
		return -1;
	}
	return 0;
}

static int parse_date(const struct field *f, const char *text, const struct field_ctx *ctx,
		      json **out, struct buf *msg)
{
	int days;
	struct buf t = BUF_INIT;

	if (!date_parse_user(text, &days, msg))
		return -1;
	if (future_check(f, days, ctx ? ctx->today : date_today(), msg))
		return -1;
	date_fmt_iso(&t, days);
	*out = json_new_string(t.s);
	buf_release(&t);
	return 0;
}

static int check_date(const struct field *f, const json *v, struct buf *msg)
{
	int days;

	(void)f;
	if (want_string(v, "een datum", msg))
		return -1;
	if (!date_parse_iso(json_str(v), &days)) {
		buf_addf(msg, "'%s' is geen bestaande datum (verwacht jjjj-mm-dd)", json_str(v));
		return -1;
	}
	return 0;
}

static void format_date(const struct field *f, const json *v, struct buf *out)
{
	int days;

	(void)f;
	if (date_parse_iso(json_str(v), &days))
		date_fmt_short(out, days);
	else if (json_is_string(v))
		buf_adds(out, json_str(v));
}

/* ---- tijd ------------------------------------------------------------- */

static int parse_time(const struct field *f, const char *text, const struct field_ctx *ctx,
		      json **out, struct buf *msg)
{
	int min;
	struct buf t = BUF_INIT;

	(void)f, (void)ctx;
	if (!time_parse(text, &min)) {
		buf_adds(msg, "Dit is geen tijd. Typ uu.mm, bijvoorbeeld 14.30.");
		return -1;
	}
	buf_addf(&t, "%02d:%02d", min / 60, min % 60);
	*out = json_new_string(t.s);
	buf_release(&t);
	return 0;
}

static int check_time(const struct field *f, const json *v, struct buf *msg)
{
	int min;

	(void)f;
	if (want_string(v, "een tijd", msg))
		return -1;
	if (!time_parse(json_str(v), &min)) {
		buf_addf(msg, "'%s' is geen tijd (verwacht uu:mm)", json_str(v));
		return -1;
	}
	return 0;
}

static void format_time(const struct field *f, const json *v, struct buf *out)
{
	int min;

	(void)f;
	if (json_is_string(v) && time_parse(json_str(v), &min))
		time_fmt(out, min);
}

/* ---- janee ------------------------------------------------------------ */

static int parse_bool(const struct field *f, const char *text, const struct field_ctx *ctx,
		      json **out, struct buf *msg)
{
	static const char *const yes[] = { "ja", "j", "yes", "y", "true", "1", "waar" };
	static const char *const no[] = { "nee", "n", "no", "false", "0", "onwaar" };
	struct buf t = BUF_INIT;
	size_t i;
	int r = -1;

	(void)f, (void)ctx;
	trimmed(&t, text);
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (utf8_fold_equal(t.s, yes[i])) {
			*out = json_new_bool(true);
			r = 0;
		}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (utf8_fold_equal(t.s, no[i])) {
			*out = json_new_bool(false);
			r = 0;
		}
	if (r)
		buf_adds(msg, "Antwoord met ja of nee (j/n).");
	buf_release(&t);
	return r;
}

static int check_bool(const struct field *f, const json *v, struct buf *msg)
{
	(void)f;
	if (json_is_bool(v))
		return 0;
	buf_addf(msg, "verwacht ja/nee (true of false), maar vond %s", json_type_name(v));
	return -1;
}

static void format_bool(const struct field *f, const json *v, struct buf *out)
{
	(void)f;
	if (json_is_bool(v))
		buf_adds(out, json_bool(v) ? "ja" : "nee");
}

/* ---- keuze / meerkeuze ------------------------------------------------ */

const struct choice *field_choice(const struct field *f, const char *key)
{
	size_t i;

	for (i = 0; key && i < f->nchoices; i++)
		if (!strcmp(f->choices[i].key, key))
			return &f->choices[i];
	return NULL;
}

static void list_choices(const struct field *f, struct buf *msg)
{
	size_t i;

	buf_adds(msg, " Kies een nummer of een naam:");
	for (i = 0; i < f->nchoices; i++)
		buf_addf(msg, "%s %zu = %s", i ? "," : "", i + 1, f->choices[i].label);
	buf_addch(msg, '.');
}

/* One option from a number, key, label or unique label prefix; NULL if none. */
static const struct choice *match_choice(const struct field *f, const char *t, struct buf *msg)
{
	const struct choice *hit = NULL;
	char *end;
	long n;
	size_t i, nhits = 0;

	if (!*t)
		goto none;
	n = strtol(t, &end, 10);
	if (!*end && end != t) {
		if (n >= 1 && (size_t)n <= f->nchoices)
			return &f->choices[n - 1];
		buf_addf(msg, "Nummer %s staat niet in de lijst.", t);
		list_choices(f, msg);
		return NULL;
	}
	for (i = 0; i < f->nchoices; i++)
		if (utf8_fold_equal(t, f->choices[i].key) || utf8_fold_equal(t, f->choices[i].label))
			return &f->choices[i];
	for (i = 0; i < f->nchoices; i++)
		if (utf8_fold_prefix(f->choices[i].label, t) || utf8_fold_prefix(f->choices[i].key, t)) {
			hit = &f->choices[i];
			nhits++;
		}
	if (nhits == 1)
		return hit;
	if (nhits > 1) {
		buf_addf(msg, "'%s' past bij meer dan één keuze.", t);
		list_choices(f, msg);
		return NULL;
	}
none:
	buf_addf(msg, "'%s' is geen van de keuzes.", t);
	list_choices(f, msg);
	return NULL;
}

static int parse_choice(const struct field *f, const char *text, const struct field_ctx *ctx,
			json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	const struct choice *c;

	(void)ctx;
	trimmed(&t, text);
	c = match_choice(f, t.s, msg);
	buf_release(&t);
	if (!c)
		return -1;
	*out = json_new_string(c->key);
	return 0;
}

static int check_choice(const struct field *f, const json *v, struct buf *msg)
{
	if (want_string(v, "een keuze", msg))
		return -1;
	if (!field_choice(f, json_str(v))) {
		buf_addf(msg, "'%s' is geen van de keuzes", json_str(v));
		return -1;
	}
	return 0;
}

static void format_choice(const struct field *f, const json *v, struct buf *out)
{
	const struct choice *c = field_choice(f, json_str(v));

	if (c)
		buf_adds(out, c->label);
	else if (json_is_string(v))
		buf_adds(out, json_str(v));
}

static int parse_multi(const struct field *f, const char *text, const struct field_ctx *ctx,
		       json **out, struct buf *msg)
{
	json *arr = json_new_array();
	const char *p = text;
	struct buf t = BUF_INIT;

	(void)ctx;
	trimmed(&t, text);
	if (utf8_fold_equal(t.s, "geen") || utf8_fold_equal(t.s, "-")) {
		buf_release(&t);
		*out = arr;
		return 0;
	}
	if (utf8_fold_equal(t.s, "alle")) {
		size_t i;

		for (i = 0; i < f->nchoices; i++)
			json_append(arr, json_new_string(f->choices[i].key));
		buf_release(&t);
		*out = arr;
		return 0;
	}
	while (*p) {
		const char *sep = p + strcspn(p, ",;");
		const struct choice *c;
		const json *it;
		bool dup = false;

		buf_reset(&t);
		buf_add(&t, p, (size_t)(sep - p));
		buf_trim(&t);
		p = *sep ? sep + 1 : sep;
		if (!t.len)
			continue;
		c = match_choice(f, t.s, msg);
		if (!c)
			goto fail;
		for (it = json_first(arr); it; it = json_next(it))
			dup |= !strcmp(json_str(it), c->key);
		if (!dup)
			json_append(arr, json_new_string(c->key));
	}
	buf_release(&t);
	*out = arr;
	return 0;
fail:
	buf_release(&t);
	json_free(arr);
	return -1;
}

static int check_multi(const struct field *f, const json *v, struct buf *msg)
{
	const json *it;

	if (!json_is_array(v)) {
		buf_addf(msg, "verwacht een lijst van keuzes, maar vond %s", json_type_name(v));
		return -1;
	}
	for (it = json_first(v); it; it = json_next(it))
		if (check_choice(f, it, msg))
			return -1;
	return 0;
}

static void format_multi(const struct field *f, const json *v, struct buf *out)
{
	const json *it;
	bool first = true;

	for (it = json_first(v); it; it = json_next(it)) {
		if (!first)
			buf_adds(out, ", ");
		format_choice(f, it, out);
		first = false;
	}
}

/* ---- getal ------------------------------------------------------------ */

static int range_check(const struct field *f, double d, struct buf *msg)
{
	if (!isfinite(d) || fabs(d) > 1e12) {
		buf_adds(msg, "Dit getal is te groot.");
		return -1;
	}
	if (f->integer && d != floor(d)) {
		buf_adds(msg, "Typ een heel getal.");
		return -1;
	}
	if (f->has_min && d < f->min) {
		buf_addf(msg, "Het getal moet minstens %g zijn.", f->min);
		return -1;
	}
	if (f->has_max && d > f->max) {
		buf_addf(msg, "Het getal mag hoogstens %g zijn.", f->max);
		return -1;
	}
	return 0;
}

static int parse_number(const struct field *f, const char *text, const struct field_ctx *ctx,
			json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	char *end;
	double d;
	size_t i;
	int r = -1;

	(void)ctx;
	trimmed(&t, text);
	for (i = 0; i < t.len; i++)
		if (t.s[i] == ',')
			t.s[i] = '.';
		else if (!(isdigit((unsigned char)t.s[i]) || t.s[i] == '-' || t.s[i] == '+'))
			goto bad;
	if (!t.len)
		goto bad;
	errno = 0;
	d = strtod(t.s, &end);
	if (*end || errno)
		goto bad;
	r = range_check(f, d, msg);
	if (!r)
		*out = json_new_number(d);
	buf_release(&t);
	return r;
bad:
	buf_adds(msg, "Typ een getal, bijvoorbeeld 12 of 2,5.");
	buf_release(&t);
	return -1;
}

static int check_number(const struct field *f, const json *v, struct buf *msg)
{
	if (!json_is_number(v)) {
		buf_addf(msg, "verwacht een getal, maar vond %s", json_type_name(v));
		return -1;
	}
	return range_check(f, json_num(v), msg);
}

static void format_number(const struct field *f, const json *v, struct buf *out)
{
	double d = json_num(v);
	size_t start = out->len, i;

	(void)f;
	if (d == floor(d) && fabs(d) < 1e15)
		buf_addf(out, "%.0f", d);
	else
		buf_addf(out, "%.2f", d);
	for (i = start; i < out->len; i++)
		if (out->s[i] == '.')
			out->s[i] = ',';
	/* "2,50" -> "2,5" */
	if (memchr(out->s + start, ',', out->len - start)) {
		while (out->len > start && out->s[out->len - 1] == '0')
			buf_setlen(out, out->len - 1);
		if (out->s[out->len - 1] == ',')
			buf_setlen(out, out->len - 1);
	}
}

/* ---- bedrag ----------------------------------------------------------- */

static int parse_money(const struct field *f, const char *text, const struct field_ctx *ctx,
		       json **out, struct buf *msg)
{
	int64_t c;

	(void)f, (void)ctx;
	if (!money_parse(text, &c, msg))
		return -1;
	*out = json_new_number((double)c);
	return 0;
}

static int check_money(const struct field *f, const json *v, struct buf *msg)
{
	double d = json_num(v);

	(void)f;
	if (!json_is_number(v)) {
		buf_addf(msg, "verwacht een bedrag in centen (heel getal), maar vond %s", json_type_name(v));
		return -1;
	}
	if (!isfinite(d)) { /* 1e400 in the file: cJSON makes it infinite */
		buf_adds(msg, d > 0 ? "het bedrag is te groot" : "een bedrag kan niet negatief zijn");
		return -1;
	}
	if (d != floor(d) || d < 0) {
		buf_addf(msg, "%g is geen geldig bedrag in centen (heel getal van 0 tot %lld)", d,
			 (long long)MONEY_MAX_CENTS);
		return -1;
	}
	return 0;
}

static void format_money(const struct field *f, const json *v, struct buf *out)
{
	(void)f;
	money_fmt(out, (int64_t)json_num(v), true);
}

/* ---- email ------------------------------------------------------------ */

static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *p, *dot;
	size_t local, label = 0;

	if (!at || strchr(at + 1, '@') || strlen(s) > 254)
		return false;
	local = (size_t)(at - s);
	if (!local || local > 64 || s[0] == '.' || at[-1] == '.')
		return false;
	for (p = s; p < at; p++)
		if (!(isalnum((unsigned char)*p) || strchr(".!#$%&'*+/=?^_`{|}~-", *p)) ||
		    (*p == '.' && p[1] == '.'))
			return false;
	dot = strrchr(at, '.');
	if (!dot || strlen(dot + 1) < 2)
		return false;
	for (p = at + 1; *p; p++) {
		if (*p == '.') {
			if (!label || p[-1] == '-')
				return false;
			label = 0;
			continue;
		}
		if (!(isalnum((unsigned char)*p) || (*p == '-' && label)))
			return false;
		label++;
	}
	for (p = dot + 1; *p; p++)
		if (!isalpha((unsigned char)*p))
			return false;
	return label > 0;
}

static int parse_email(const struct field *f, const char *text, const struct field_ctx *ctx,
		       json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	int r = 0;

	(void)f, (void)ctx;
	trimmed(&t, text);
	if (!email_ok(t.s)) {
		buf_adds(msg, "Dit is geen e-mailadres. Typ bijvoorbeeld naam@school.nl.");
		r = -1;
	} else {
		*out = json_new_string(t.s);
	}
	buf_release(&t);
	return r;
}

static int check_email(const struct field *f, const json *v, struct buf *msg)
{
	(void)f;
	if (want_string(v, "een e-mailadres", msg))
		return -1;
	if (!email_ok(json_str(v))) {
		buf_addf(msg, "'%s' is geen geldig e-mailadres", json_str(v));
		return -1;
	}
	return 0;
}

/* ---- telefoon --------------------------------------------------------- */

static bool phone_ok(const char *s)
{
	char d[32];
	size_t n = 0;
	const char *p = s;
	bool plus = false;

	if (*p == '+') {
		plus = true;
		p++;
	}
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof(d))
				return false;
			d[n++] = *p;
		} else if (!strchr(" -()./", *p)) {
			return false;
		}
	}
	d[n] = '\0';
	if (plus && n >= 2 && d[0] == '3' && d[1] == '1')
		return n == 11 && d[2] != '0';
	if (!plus && n >= 4 && !memcmp(d, "0031", 4))
		return n == 13 && d[4] != '0';
	if (plus)
		return n >= 8 && n <= 15;
	return n == 10 && d[0] == '0' && d[1] != '0';
}

static int parse_phone(const struct field *f, const char *text, const struct field_ctx *ctx,
		       json **out, struct buf *msg)
{
	struct buf t = BUF_INIT;
	int r = 0;

	(void)f, (void)ctx;
	trimmed(&t, text);
	if (!phone_ok(t.s)) {
		buf_adds(msg, "Dit is geen telefoonnummer. Typ bijvoorbeeld 070-3456789, 06-12345678 of +31 70 345 6789.");
		r = -1;
	} else {
		*out = json_new_string(t.s);
	}
	buf_release(&t);
	return r;
}

static int check_phone(const struct field *f, const json *v, struct buf *msg)
{
	(void)f;
	if (want_string(v, "een telefoonnummer", msg))
		return -1;
	if (!phone_ok(json_str(v))) {
		buf_addf(msg, "'%s' is geen geldig telefoonnummer", json_str(v));
		return -1;
	}
	return 0;
}

/* ---- bestand ---------------------------------------------------------- */

/*
 * Store a typed path so that it still works when the case folder moves:
 * relative to the case's folder when the file lies inside it, else absolute.
 */
static void storage_path(const char *typed, const char *basedir, struct buf *out)
{
	char *abs = realpath(typed, NULL);
	char *base = basedir ? realpath(basedir, NULL) : NULL;
	size_t bl = base ? strlen(base) : 0;

	if (abs && base && !strncmp(abs, base, bl) && abs[bl] == '/')
		buf_adds(out, abs + bl + 1);
	else
		buf_adds(out, abs ? abs : typed);
	free(abs);
	free(base);
}

static int parse_file(const struct field *f, const char *text, const struct field_ctx *ctx,
		      json **out, struct buf *msg)
{
	struct buf t = BUF_INIT, stored = BUF_INIT;
	const char *home = getenv("HOME");
	int r = -1;

	buf_adds(&t, text);
	buf_trim(&t);
	if (t.len >= 2 && t.s[0] == '~' && t.s[1] == '/' && home) {
		buf_adds(&stored, home);
		buf_add(&stored, t.s + 1, t.len - 1);
		buf_sets(&t, stored.s);
		buf_reset(&stored);
	}
	if (!t.len) {
		buf_adds(msg, "Typ de naam van een bestand.");
		goto out;
	}
	if (check_text(f, t.s, t.len, false, msg))
		goto out;
	{
		struct usable u;
		struct buf why = BUF_INIT;

		if (usable_check(t.s, &u, &why)) {
			buf_addf(msg, "%s '%s' %s%s%s.", u.kind == FILE_PNG || u.kind == FILE_JPEG ? "De afbeelding" : "Het bestand",
				 t.s, why.s, u.errnum ? ": " : "", u.errnum ? errno_nl(u.errnum) : "");
			buf_release(&why);
			goto out;
		}
		buf_release(&why);
	}
	storage_path(t.s, ctx ? ctx->basedir : NULL, &stored);
	*out = json_new_string(stored.s);
	r = 0;
out:
	buf_release(&t);
	buf_release(&stored);
	return r;
}

static int check_file(const struct field *f, const json *v, struct buf *msg)
{
	if (want_string(v, "een bestandsnaam", msg))
		return -1;
	return check_text(f, json_str(v), strlen(json_str(v)), false, msg);
}

/* ---- groep / lijst ---------------------------------------------------- */

static int check_group(const struct field *f, const json *v, struct buf *msg)
{
	(void)f;
	if (json_is_object(v))
		return 0;
	buf_addf(msg, "verwacht een groep velden ({...}), maar vond %s", json_type_name(v));
	return -1;
}

static int check_list(const struct field *f, const json *v, struct buf *msg)
{
	const json *it;
	size_t i = 0;

	if (!json_is_array(v)) {
		buf_addf(msg, "verwacht een lijst ([...]), maar vond %s", json_type_name(v));
		return -1;
	}
	if (json_len(v) > FIELD_MAX_ITEMS) {
		buf_addf(msg, "heeft te veel regels (%zu; hoogstens %d)", json_len(v), FIELD_MAX_ITEMS);
		return -1;
	}
	for (it = json_first(v); it; it = json_next(it)) {
		i++;
		if (!json_is_object(it)) {
			buf_addf(msg, "regel %zu: verwacht een groep velden ({...}), maar vond %s", i,
				 json_type_name(it));
			return -1;
		}
	}
	(void)f;
	return 0;
}

static void format_list(const struct field *f, const json *v, struct buf *out)
{
	(void)f;
	buf_addf(out, "%zu ingevuld", json_len(v));
}

static void format_group(const struct field *f, const json *v, struct buf *out)
{
	(void)f, (void)v;
	buf_adds(out, "(groep)");
}

static int parse_container(const struct field *f, const char *text, const struct field_ctx *ctx,
			   json **out, struct buf *msg)
{
	(void)text, (void)ctx, (void)out;
	buf_addf(msg, "'%s' bestaat uit meerdere velden; vul die één voor één in.", f->label);
	return -1;
}

/* ---- the table -------------------------------------------------------- */

static const struct ftype types[] = {
	{ "kort", FT_KORT, "korte tekst op één regel", NULL, parse_short, check_short, format_string },
	{ "tekst", FT_TEKST, "lange tekst, meerdere regels", NULL, parse_long, check_long, format_string },
	{ "datum", FT_DATUM, "datum (dd-mm-jjjj)", "dd-mm-jjjj", parse_date, check_date, format_date },
	{ "tijd", FT_TIJD, "tijdstip (uu.mm)", "uu.mm", parse_time, check_time, format_time },
	{ "janee", FT_JANEE, "ja of nee", "j/n", parse_bool, check_bool, format_bool },
	{ "keuze", FT_KEUZE, "één keuze uit een lijst", NULL, parse_choice, check_choice, format_choice },
	{ "meerkeuze", FT_MEERKEUZE, "een of meer keuzes uit een lijst", NULL, parse_multi, check_multi, format_multi },
	{ "getal", FT_GETAL, "getal", NULL, parse_number, check_number, format_number },
	{ "bedrag", FT_BEDRAG, "bedrag in euro (1.234,56)", "bijv. 1.234,56", parse_money, check_money, format_money },
	{ "email", FT_EMAIL, "e-mailadres", "naam@voorbeeld.nl", parse_email, check_email, format_string },
	{ "telefoon", FT_TELEFOON, "telefoonnummer", "bijv. 070-3456789", parse_phone, check_phone, format_string },
	{ "bestand", FT_BESTAND, "bestand (PDF, PNG of JPEG)", "pad naar het bestand", parse_file, check_file, format_string },
	{ "groep", FT_GROEP, "groep velden", NULL, parse_container, check_group, format_group },
	{ "lijst", FT_LIJST, "lijst van regels", NULL, parse_container, check_list, format_list },
};

const struct ftype *ftype_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(types[i].name, name))
			return &types[i];
	return NULL;
}

const struct ftype *ftype_all(size_t *n)
{
	*n = sizeof(types) / sizeof(types[0]);
	return types;
}

const struct field *field_sub(const struct field *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->nsub; i++)
		if (!strcmp(f->sub[i].key, key))
			return &f->sub[i];
	return NULL;
}

/*
 * Summary from a template such as "{naam} – {rol} ({aanwezigheid})". The
 * literal text joining two values belongs to the value after it, so an
 * empty value takes its separator along ("Eline Ünal", not "Eline Ünal – ").
 */
void field_item_summary(const struct field *list, const json *item, struct buf *out)
{
	const char *t = list->summary;
	size_t i, shown = 0;

	if (t) {
		struct buf lit = BUF_INIT, val = BUF_INIT;
		bool any = false, last_empty = false, leading = true;

		while (*t) {
			const char *close;

			if (*t == '{' && (close = strchr(t, '}'))) {
				char *key = xstrndup(t + 1, (size_t)(close - t - 1));
				const struct field *sf = field_sub(list, key);
				const json *v = json_get(item, key);

				buf_reset(&val);
				if (sf && value_filled(v))
					sf->type->format(sf, v, &val);
				if (val.len) {
					if (any || leading)
						buf_add(out, lit.s, lit.len);
					buf_add(out, val.s, val.len);
					any = true;
				}
				leading = false;
				last_empty = !val.len;
				buf_reset(&lit);
				free(key);
				t = close + 1;
			} else {
				buf_addch(&lit, *t++);
			}
		}
		if (any && !last_empty)
			buf_add(out, lit.s, lit.len);
		buf_release(&lit);
		buf_release(&val);
		return;
	}
	for (i = 0; i < list->nsub && shown < 2; i++) {
		const struct field *sf = &list->sub[i];
		const json *v = json_get(item, sf->key);

		if (field_is_container(sf) || sf->type->kind == FT_TEKST || !value_filled(v))
			continue;
		if (shown++)
			buf_adds(out, ", ");
		sf->type->format(sf, v, out);
	}
}
