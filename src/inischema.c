/*
 * inischema.c - INI files checked against a table of known keys (see inischema.h).
 */
#include "inischema.h"
#include "buf.h"
#include "err.h"
#include "ini.h"
#include "mem.h"
#include "utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

/*
 * Edit distance of two short names, where swapping two neighbours counts
 * as one edit ("regoi" is one step from "regio"); large for long names.
 */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[40][40];

	if (la >= 40 || lb >= 40)
		return (size_t)-1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *inischema_suggest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t i, bd = (size_t)-1, len = strlen(word);
	size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;

	for (i = 0; i < n; i++) {
		size_t d = distance(word, names[i]);

		if (d < bd) {
			bd = d;
			best = names[i];
		}
	}
	return bd <= limit ? best : NULL;
}

static bool section_known(const struct ini_schema *s, const char *section)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->rows[i].section, section))
			return true;
	return false;
}

const struct ini_row *inischema_row(const struct ini_schema *s, const char *section, const char *key)
{
	const struct ini_row *any = NULL;
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->rows[i].section, section))
			continue;
		if (!strcmp(s->rows[i].key, key))
			return &s->rows[i];
		if (!strcmp(s->rows[i].key, "*"))
			any = &s->rows[i];
	}
	return any;
}

static int fail(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		struct err *e, const char *fmt, ...) PRINTF_LIKE(6, 7);
static int fail(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		struct err *e, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	ini_where(ini, section, key, &b);
	if (key)
		buf_addf(&b, ": [%s] %s", section, key);
	else
		buf_addf(&b, ": [%s]", section);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	err_set(e, s->code, "%s", b.s);
	buf_release(&b);
	return -1;
}

static int unknown_section(const struct ini_schema *s, const struct ini *ini, const char *section, struct err *e)
{
	const char **names = xcalloc(s->n + 1, sizeof(*names));
	struct buf list = BUF_INIT;
	size_t i, k, n = 0;
	const char *hint;
	int r;

	for (i = 0; i < s->n; i++) {
		for (k = 0; k < n; k++)
			if (!strcmp(names[k], s->rows[i].section))
				break;
		if (k == n) {
			names[n++] = s->rows[i].section;
			buf_addf(&list, "%s[%s]", list.len ? ", " : "", s->rows[i].section);
		}
	}
	hint = inischema_suggest(section, names, n);
	if (hint)
		r = fail(s, ini, section, NULL, e, ": onbekende groep in %s; bedoelde u [%s]?", s->what, hint);
	else
		r = fail(s, ini, section, NULL, e, ": onbekende groep in %s (bekend: %s)", s->what, list.s);
	free(names);
	buf_release(&list);
	return r;
}

static int unknown_key(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		       struct err *e)
{
	const char **names = xcalloc(s->n + 1, sizeof(*names));
	struct buf list = BUF_INIT;
	size_t i, n = 0;
	const char *hint;
	int r;

	for (i = 0; i < s->n; i++) {
		if (!strcmp(s->rows[i].section, section)) {
			names[n++] = s->rows[i].key;
			buf_addf(&list, "%s%s", list.len ? ", " : "", s->rows[i].key);
		}
	}
	hint = inischema_suggest(key, names, n);
	if (hint)
		r = fail(s, ini, section, key, e, ": onbekende sleutel; bedoelde u %s?", hint);
	else
		r = fail(s, ini, section, key, e, ": onbekende sleutel (in [%s] horen: %s)", section, list.s);
	free(names);
	buf_release(&list);
	return r;
}

/* Parse v as the row's type; *num and *color receive numbers and colours. */
static int parse_value(const struct ini_row *row, const char *v, double *num, uint32_t *color, bool *flag)
{
	struct buf t = BUF_INIT;
	char *end;
	size_t i;
	int r = 0;

	switch (row->type) {
	case INI_TEXT:
		return 0;
	case INI_NUMBER:
		buf_adds(&t, v);
		for (i = 0; i < t.len; i++)
			if (t.s[i] == ',')
				t.s[i] = '.';
		*num = strtod(t.s, &end);
		r = end == t.s || *end || !(*num >= row->min && *num <= row->max) ? -1 : 0;
		buf_release(&t);
		return r;
	case INI_BOOL:
		if (utf8_fold_equal(v, "ja") || utf8_fold_equal(v, "true") || !strcmp(v, "1"))
			*flag = true;
		else if (utf8_fold_equal(v, "nee") || utf8_fold_equal(v, "false") || !strcmp(v, "0"))
			*flag = false;
		else
			return -1;
		return 0;
	case INI_COLOR:
		if (v[0] == '#')
			v++;
		if (strlen(v) != 6)
			return -1;
		*color = 0;
		for (i = 0; i < 6; i++) {
			if (!isxdigit((unsigned char)v[i]))
				return -1;
			*color = *color * 16 + (uint32_t)(isdigit((unsigned char)v[i]) ? v[i] - '0'
										: tolower((unsigned char)v[i]) - 'a' + 10);
		}
		return 0;
	case INI_CHOICE: {
		const char *p = row->choices;
		size_t n = strlen(v);

		while (p && *p) {
			size_t k = strcspn(p, "|");

			if (k == n && !strncasecmp(p, v, n))
				return 0;
			p += k + (p[k] == '|');
		}
		return -1;
	}
	}
	return -1;
}

static int bad_value(const struct ini_schema *s, const struct ini *ini, const struct ini_row *row,
		     const char *section, const char *key, const char *v, struct err *e)
{
	struct buf choices = BUF_INIT;
	int r;

	switch (row->type) {
	case INI_NUMBER:
		r = fail(s, ini, section, key, e, " = %s: verwacht een getal van %g tot %g", *v ? v : "(leeg)", row->min,
			 row->max);
		break;
	case INI_BOOL:
		r = fail(s, ini, section, key, e, " = %s: verwacht ja of nee", *v ? v : "(leeg)");
		break;
	case INI_COLOR:
		r = fail(s, ini, section, key, e,
			 " = %s: schrijf een kleur als \"#RRGGBB\" (met aanhalingstekens), bijvoorbeeld \"#1F3A68\"",
			 *v ? v : "(leeg)");
		break;
	default:
		for (const char *p = row->choices; p && *p;) {
			size_t k = strcspn(p, "|");

			buf_addf(&choices, "%s%.*s", choices.len ? (p[k] ? ", " : " of ") : "", (int)k, p);
			p += k + (p[k] == '|');
		}
		r = fail(s, ini, section, key, e, " = %s: kies %s", *v ? v : "(leeg)", choices.s);
		break;
	}
	buf_release(&choices);
	return r;
}

int inischema_check(const struct ini_schema *s, const struct ini *ini, struct err *e)
{
	size_t i, k;

	if (!ini)
		return 0;
	for (i = 0; i < ini_nsections(ini); i++) {
		const char *sec = ini_section(ini, i);

		if (!section_known(s, sec))
			return unknown_section(s, ini, sec, e);
		for (k = 0; k < ini_nkeys(ini, sec); k++) {
			const char *key = ini_key(ini, sec, k);
			const struct ini_row *row = inischema_row(s, sec, key);
			const char *v = ini_get(ini, sec, key);
			double num;
			uint32_t color;
			bool flag;

			if (!row)
				return unknown_key(s, ini, sec, key, e);
			if (v && parse_value(row, v, &num, &color, &flag))
				return bad_value(s, ini, row, sec, key, v, e);
		}
	}
	return 0;
}

const char *inischema_text(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key)
{
	const char *v = ini_get(ini, section, key);
	const struct ini_row *row;

	if (v)
		return v;
	row = inischema_row(s, section, key);
	return row ? row->def : NULL;
}

/* The row and the text to parse (the file's or the default) for a typed getter. */
static const struct ini_row *typed(const struct ini_schema *s, const struct ini *ini, const char *section,
				   const char *key, enum ini_type type, const char **v, struct err *e)
{
	const struct ini_row *row = inischema_row(s, section, key);

	if (!row || row->type != type) {
		/* a program error: the owner asks for a key its table does not have */
		err_set(e, EXIT_SYSTEM, "interne fout: [%s] %s staat niet als dit type in de tabel van %s", section, key,
			s->what);
		return NULL;
	}
	*v = ini_get(ini, section, key);
	if (!*v)
		*v = row->def;
	return row;
}

int inischema_number(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		     double *out, struct err *e)
{
	const char *v;
	const struct ini_row *row = typed(s, ini, section, key, INI_NUMBER, &v, e);
	uint32_t color;
	bool flag;

	if (!row)
		return -1;
	*out = 0;
	if (v && parse_value(row, v, out, &color, &flag))
		return bad_value(s, ini, row, section, key, v, e);
	return 0;
}

int inischema_bool(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		   bool *out, struct err *e)
{
	const char *v;
	const struct ini_row *row = typed(s, ini, section, key, INI_BOOL, &v, e);
	double num;
	uint32_t color;

	if (!row)
		return -1;
	*out = false;
	if (v && parse_value(row, v, &num, &color, out))
		return bad_value(s, ini, row, section, key, v, e);
	return 0;
}

int inischema_color(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		    uint32_t *out, struct err *e)
{
	const char *v;
	const struct ini_row *row = typed(s, ini, section, key, INI_COLOR, &v, e);
	double num;
	bool flag;

	if (!row)
		return -1;
	*out = 0;
	if (v && parse_value(row, v, &num, out, &flag))
		return bad_value(s, ini, row, section, key, v, e);
	return 0;
}
