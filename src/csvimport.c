/*
 * csvimport.c - absence exports through libcsv (see csvimport.h).
 *
 * The file is read whole (at most CSV_MAX_FILE), checked or converted to
 * UTF-8, and streamed through libcsv; the field callback keeps the
 * fields of the current record, the record callback turns them into one
 * row (date, kind, minutes, times) or an error. At the end the rows are
 * sorted by day and kind and added up.
 */
#include "csvimport.h"
#include "buf.h"
#include "date.h"
#include "err.h"
#include "fileio.h"
#include "ini.h"
#include "mem.h"
#include "timeline.h"
#include "utf8.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define CSV_MAX_FILE (64u << 20)
#define MAX_FIELDS 64
#define MAX_ERRORS 10

/* The columns a mapping can name, in [kolommen]. */
enum col { C_DATE, C_CODE, C_HOURS, C_MINUTES, C_BEGIN, C_END, C_TIMES, C_N };
static const char *const col_keys[C_N] = { "datum", "soort", "uren", "minuten", "begin", "eind", "keer" };

struct code { char *code; int kind; /* -1: negeer */ };

struct mapping {
	struct ini *ini;
	char delim;
	bool latin1;
	const char *col_name[C_N]; /* header names (borrowed from ini) */
	struct code *codes;
	size_t ncodes;
};

struct reader {
	const char *file;         /* the name in messages */
	struct mapping *M;
	struct buf field[MAX_FIELDS];
	size_t nfields;
	size_t row;               /* current record, header = 1 */
	int col_at[C_N];          /* field index of each column, -1 = not mapped */
	bool header_done, header_bad;
	struct absence_day *rows;
	size_t n, cap;
	size_t ignored;
	struct buf errs;
	size_t nerr;
};

static void release_mapping(struct mapping *M)
{
	size_t i;

	for (i = 0; i < M->ncodes; i++)
		free(M->codes[i].code);
	free(M->codes);
	ini_free(M->ini);
}

static int load_mapping(struct mapping *M, const char *path, const char *encoding, struct err *e)
{
	const char *sep, *enc;
	size_t i, nk;
	struct buf where = BUF_INIT;
	int r = -1;

	memset(M, 0, sizeof(*M));
	if (ini_load(path, &M->ini, e))
		return -1;
	sep = ini_get(M->ini, "bron", "scheidingsteken");
	if (!sep || !strcmp(sep, "puntkomma"))
		M->delim = ';';
	else if (!strcmp(sep, "komma"))
		M->delim = ',';
	else if (!strcmp(sep, "tab"))
		M->delim = '\t';
	else {
		ini_where(M->ini, "bron", "scheidingsteken", &where);
		err_set(e, EXIT_SYSTEM, "%s: scheidingsteken '%s' onbekend (puntkomma, komma of tab)", where.s, sep);
		goto out;
	}
	enc = encoding ? encoding : ini_get(M->ini, "bron", "codering");
	if (!enc || !strcmp(enc, "utf-8") || !strcmp(enc, "utf8"))
		M->latin1 = false;
	else if (!strcmp(enc, "latin-1") || !strcmp(enc, "latin1") || !strcmp(enc, "iso-8859-1"))
		M->latin1 = true;
	else {
		if (encoding)
			err_set(e, EXIT_USAGE, "codering '%s' onbekend (utf-8 of latin-1)", enc);
		else {
			ini_where(M->ini, "bron", "codering", &where);
			err_set(e, EXIT_SYSTEM, "%s: codering '%s' onbekend (utf-8 of latin-1)", where.s, enc);
		}
		goto out;
	}
	for (i = 0; i < C_N; i++)
		M->col_name[i] = ini_get(M->ini, "kolommen", col_keys[i]);
	if (!M->col_name[C_DATE] || !M->col_name[C_CODE] ||
	    (!M->col_name[C_HOURS] && !M->col_name[C_MINUTES] && !(M->col_name[C_BEGIN] && M->col_name[C_END]))) {
		err_set(e, EXIT_SYSTEM,
			"%s: [kolommen] noemt 'datum', 'soort' en de tijd: 'uren', 'minuten' of 'begin' en 'eind'", path);
		goto out;
	}
	nk = ini_nkeys(M->ini, "codes");
	M->codes = xcalloc(nk + 1, sizeof(*M->codes));
	for (i = 0; i < nk; i++) {
		const char *code = ini_key(M->ini, "codes", i), *kind = code ? ini_get(M->ini, "codes", code) : NULL;
		int k = kind && !strcmp(kind, "negeer") ? -1 : timeline_kind_find(kind);

		if (!code)
			continue;
		if (k < 0 && !(kind && !strcmp(kind, "negeer"))) {
			ini_where(M->ini, "codes", code, &where);
			err_set(e, EXIT_SYSTEM, "%s: code '%s' wordt '%s'; kies ongeoorloofd, geoorloofd, ziek, te-laat, luxe of negeer",
				where.s, code, kind ? kind : "");
			goto out;
		}
		M->codes[M->ncodes].code = xstrdup(code);
		M->codes[M->ncodes++].kind = k;
	}
	if (!M->ncodes) {
		err_set(e, EXIT_SYSTEM, "%s: [codes] is leeg: noem welke code welk soort verzuim is", path);
		goto out;
	}
	r = 0;
out:
	buf_release(&where);
	if (r)
		release_mapping(M);
	return r;
}

static void row_error(struct reader *R, int col, const char *fmt, const char *value)
{
	R->nerr++;
	if (R->nerr > MAX_ERRORS)
		return;
	buf_addf(&R->errs, "\n  %s, rij %zu", R->file, R->row);
	if (col >= 0)
		buf_addf(&R->errs, ", kolom '%s'", R->M->col_name[col]);
	buf_adds(&R->errs, ": ");
	buf_addf(&R->errs, fmt, value);
}

/* Trimmed copy in place: the field's text without surrounding spaces. */
static const char *field_text(struct reader *R, int col)
{
	struct buf *b;

	if (R->col_at[col] < 0 || (size_t)R->col_at[col] >= R->nfields)
		return "";
	b = &R->field[R->col_at[col]];
	return b->s ? b->s : "";
}

static int digits(const char *s, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && s[n] >= '0' && s[n] <= '9')
		v = v * 10 + (s[n++] - '0');
	*out = v;
	return n;
}

/* jjjj-mm-dd, dd-mm-jjjj, d-m-jjjj (also with / or .) */
static bool parse_date(const char *s, int *day)
{
	int a, b, c, na, nb, nc;

	na = digits(s, 4, &a);
	if (!na || (s[na] != '-' && s[na] != '/' && s[na] != '.'))
		return false;
	nb = digits(s + na + 1, 2, &b);
	if (!nb || s[na + 1 + nb] != s[na])
		return false;
	nc = digits(s + na + nb + 2, 4, &c);
	if (!nc || s[na + nb + 2 + nc])
		return false;
	if (na == 4 && nc <= 2) {
		if (!date_valid_ymd(a, b, c))
			return false;
		*day = date_from_ymd(a, b, c);
		return true;
	}
	if (na > 2 || nc != 4 || !date_valid_ymd(c, b, a))
		return false;
	*day = date_from_ymd(c, b, a);
	return true;
}

/* A number of hours or minutes, "2", "2,5" or "2.5", in hundredths; false when not one. */
static bool parse_amount(const char *s, long *hundredths)
{
	long v = 0;
	int n = 0, frac = 0;

	if (!*s)
		return false;
	while (*s >= '0' && *s <= '9' && n < 7) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (!n || (*s >= '0' && *s <= '9'))
		return false;
	v *= 100;
	if (*s == ',' || *s == '.') {
		s++;
		if (*s >= '0' && *s <= '9')
			v += 10 * (*s++ - '0'), frac++;
		if (*s >= '0' && *s <= '9')
			v += *s++ - '0', frac++;
		if (!frac)
			return false;
	}
	if (*s)
		return false;
	*hundredths = v;
	return true;
}

static int find_code(const struct mapping *M, const char *code, bool *found)
{
	size_t i;

	*found = false;
	for (i = 0; i < M->ncodes; i++)
		if (utf8_fold_equal(M->codes[i].code, code)) {
			*found = true;
			return M->codes[i].kind;
		}
	return -1;
}

static void header(struct reader *R)
{
	size_t i, c;

	for (c = 0; c < C_N; c++) {
		R->col_at[c] = -1;
		if (!R->M->col_name[c])
			continue;
		for (i = 0; i < R->nfields; i++)
			if (R->field[i].s && utf8_fold_equal(R->field[i].s, R->M->col_name[c])) {
				R->col_at[c] = (int)i;
				break;
			}
		if (R->col_at[c] < 0 && c != C_TIMES) { /* 'keer' may be left out */
			R->nerr++;
			if (R->nerr <= MAX_ERRORS)
				buf_addf(&R->errs, "\n  %s, rij 1: de kolom '%s' ontbreekt in de kopregel", R->file,
					 R->M->col_name[c]);
		}
	}
	R->header_done = true;
}

static void record(struct reader *R)
{
	const char *s;
	struct absence_day row;
	long amount = 0;
	int c, b, en;
	bool found;

	if (R->nfields == 1 && (!R->field[0].s || !*R->field[0].s))
		return; /* an empty line */
	if (!R->header_done) {
		header(R);
		return;
	}
	if (R->nerr && R->row == 2 && R->errs.len && strstr(R->errs.s, ", rij 1:"))
		R->header_bad = true;
	if (R->header_bad)
		return; /* the columns are unknown: the header's error says enough */
	memset(&row, 0, sizeof(row));
	for (c = 0; c < C_N; c++)
		if (R->col_at[c] >= 0 && (size_t)R->col_at[c] >= R->nfields) {
			row_error(R, c, "%sde rij heeft te weinig kolommen", "");
			return;
		}
	s = field_text(R, C_DATE);
	if (!parse_date(s, &row.day)) {
		row_error(R, C_DATE, "'%s' is geen datum (dd-mm-jjjj of jjjj-mm-dd)", s);
		return;
	}
	s = field_text(R, C_CODE);
	row.kind = find_code(R->M, s, &found);
	if (!found) {
		row_error(R, C_CODE, "code '%s' staat niet in [codes] van de koppeling", s);
		return;
	}
	if (R->col_at[C_HOURS] >= 0) {
		s = field_text(R, C_HOURS);
		if (!parse_amount(s, &amount) || amount > 2400) {
			row_error(R, C_HOURS, "'%s' is geen aantal uren (bijvoorbeeld 2 of 2,5; hoogstens 24)", s);
			return;
		}
		row.minutes = (amount * 60 + 50) / 100;
	} else if (R->col_at[C_MINUTES] >= 0) {
		s = field_text(R, C_MINUTES);
		if (!parse_amount(s, &amount) || amount > 144000 || amount % 100) {
			row_error(R, C_MINUTES, "'%s' is geen aantal minuten (een heel getal, hoogstens 1440)", s);
			return;
		}
		row.minutes = amount / 100;
	} else {
		s = field_text(R, C_BEGIN);
		if (!time_parse(s, &b)) {
			row_error(R, C_BEGIN, "'%s' is geen tijd (uu:mm)", s);
			return;
		}
		s = field_text(R, C_END);
		if (!time_parse(s, &en) || en < b) {
			row_error(R, C_END, "'%s' is geen tijd (uu:mm) na het begin", s);
			return;
		}
		row.minutes = en - b;
	}
	row.times = 1;
	if (R->col_at[C_TIMES] >= 0) {
		s = field_text(R, C_TIMES);
		if (!*s)
			row.times = 0;
		else if (!parse_amount(s, &amount) || amount % 100 || amount > 10000) {
			row_error(R, C_TIMES, "'%s' is geen aantal keren (een heel getal)", s);
			return;
		} else
			row.times = amount / 100;
	}
	if (row.kind < 0) {
		R->ignored++;
		return;
	}
	ARRAY_GROW(R->rows, R->n, R->cap);
	R->rows[R->n++] = row;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *R = data;
	struct buf *b;

	if (R->nfields >= MAX_FIELDS) {
		R->nfields++;
		return;
	}
	b = &R->field[R->nfields++];
	buf_reset(b);
	while (len && (*(char *)s == ' '))
		s = (char *)s + 1, len--;
	while (len && ((char *)s)[len - 1] == ' ')
		len--;
	buf_add(b, s, len);
}

static void on_record(int c, void *data)
{
	struct reader *R = data;

	(void)c;
	R->row++;
	if (R->nfields > MAX_FIELDS) {
		row_error(R, -1, "%smeer dan 64 kolommen", "");
		R->nfields = 0;
		return;
	}
	record(R);
	R->nfields = 0;
}

static int by_day_kind(const void *a, const void *b)
{
	const struct absence_day *x = a, *y = b;

	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->kind > y->kind) - (x->kind < y->kind);
}

/* Latin-1 to UTF-8: every byte is its own code point. */
static void latin1_to_utf8(struct buf *in)
{
	struct buf out = BUF_INIT;
	size_t i;

	buf_grow(&out, in->len + in->len / 8 + 16);
	for (i = 0; i < in->len; i++)
		if ((unsigned char)in->s[i] < 0x80)
			buf_addch(&out, in->s[i]);
		else
			utf8_encode(&out, (unsigned char)in->s[i]);
	buf_release(in);
	*in = out;
}

int csvimport_read(const char *csv_path, const char *display_name, const char *map_path, const char *encoding,
		   struct absence_import *out, struct err *e)
{
	struct mapping M;
	struct reader R;
	struct csv_parser p;
	struct buf text = BUF_INIT;
	size_t i, bad, off = 0;
	int r = -1;

	memset(out, 0, sizeof(*out));
	if (load_mapping(&M, map_path, encoding, e))
		return -1;
	memset(&R, 0, sizeof(R));
	R.file = display_name;
	R.M = &M;
	if (file_read(csv_path, CSV_MAX_FILE, &text, e))
		goto out_map;
	if (text.len >= 3 && !memcmp(text.s, "\xEF\xBB\xBF", 3))
		off = 3;
	if (M.latin1)
		latin1_to_utf8(&text);
	else if (!utf8_check(text.s + off, text.len - off, &bad)) {
		size_t line, col;

		utf8_line_col(text.s, off + bad, &line, &col);
		err_set(e, EXIT_INVALID,
			"%s, regel %zu: geen geldige UTF-8-tekst; is het bestand in Latin-1 opgeslagen? Geef dan --codering latin-1 mee",
			display_name, line);
		goto out_map;
	}
	for (i = off; i < text.len; i++)
		if (text.s[i] != ' ' && text.s[i] != '\n' && text.s[i] != '\r' && text.s[i] != '\t')
			break;
	if (i >= text.len) {
		err_set(e, EXIT_INVALID, "%s: het bestand is leeg; er is niets ingelezen", display_name);
		goto out_map;
	}
	if (csv_init(&p, CSV_APPEND_NULL)) {
		err_set(e, EXIT_SYSTEM, "geen geheugen voor het inlezen van %s", display_name);
		goto out_map;
	}
	csv_set_delim(&p, (unsigned char)M.delim);
	if (csv_parse(&p, text.s + off, text.len - off, on_field, on_record, &R) != text.len - off ||
	    csv_fini(&p, on_field, on_record, &R)) {
		err_set(e, EXIT_INVALID, "%s, rij %zu: %s", display_name, R.row + 1, csv_strerror(csv_error(&p)));
		csv_free(&p);
		goto out;
	}
	csv_free(&p);
	if (R.nerr) {
		err_set(e, EXIT_INVALID, "%s is niet ingelezen; %zu %s:%s%s", display_name, R.nerr,
			R.nerr == 1 ? "rij is onleesbaar" : "rijen zijn onleesbaar", R.errs.s,
			R.nerr > MAX_ERRORS ? "\n  (en meer)" : "");
		goto out;
	}
	if (!R.n && !R.ignored) {
		err_set(e, EXIT_INVALID, "%s: het bestand heeft alleen een kopregel, geen verzuim; er is niets ingelezen",
			display_name);
		goto out;
	}
	if (R.n > 1)
		qsort(R.rows, R.n, sizeof(*R.rows), by_day_kind);
	for (i = 0; i < R.n; i++) {
		if (out->n && out->v[out->n - 1].day == R.rows[i].day && out->v[out->n - 1].kind == R.rows[i].kind) {
			out->v[out->n - 1].minutes += R.rows[i].minutes;
			out->v[out->n - 1].times += R.rows[i].times;
		} else {
			if (!out->v)
				out->v = xcalloc(R.n, sizeof(*out->v));
			out->v[out->n++] = R.rows[i];
		}
	}
	out->rows = R.n + R.ignored;
	out->ignored = R.ignored;
	out->source = xstrdup(ini_get(M.ini, "bron", "naam") ? ini_get(M.ini, "bron", "naam") : map_path);
	r = 0;
out:
	if (r)
		absence_import_release(out);
out_map:
	for (i = 0; i < MAX_FIELDS; i++)
		buf_release(&R.field[i]);
	free(R.rows);
	buf_release(&R.errs);
	buf_release(&text);
	release_mapping(&M);
	return r;
}

void absence_import_release(struct absence_import *imp)
{
	free(imp->v);
	free(imp->source);
	memset(imp, 0, sizeof(*imp));
}
