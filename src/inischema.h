/*
 * inischema.h - one table of known keys per kind of INI file.
 *
 * Like Redis's static_configs[]: every key of the page template, the
 * user's settings and the meeting file has one row (section, key, type,
 * bounds, default). The same row serves the check of the whole file (an
 * unknown section or key is an error with the file, the line and a Dutch
 * suggestion: "bedoelde u marge_boven?"), the type check of its value and
 * the default when the key is absent, so defaults live in one place.
 *
 * To add a key: add a row to the owner's table (templates: template.c,
 * settings: app.c, meetings: cmd_agenda.c). A row with key "*" accepts any
 * key in its section; the owner checks those itself (the [school] keys are
 * the fields of the case's school group).
 */
#ifndef INISCHEMA_H
#define INISCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct ini;

enum ini_type {
	INI_TEXT,    /* any text; {names} are the user's business */
	INI_NUMBER,  /* a number in [min, max] (a decimal comma is fine) */
	INI_BOOL,    /* ja/nee (true/false, 1/0) */
	INI_COLOR,   /* "#RRGGBB" */
	INI_CHOICE,  /* one of `choices`, written "a|b|c" */
};

struct ini_row {
	const char *section;
	const char *key;         /* "*": any key of the section */
	enum ini_type type;
	double min, max;         /* INI_NUMBER */
	const char *def;         /* the default, written as in the file; NULL: none */
	const char *choices;     /* INI_CHOICE */
};

struct ini_schema {
	const char *what;        /* "het sjabloon", "de instellingen", "het vergaderbestand" */
	const struct ini_row *rows;
	size_t n;
	int code;                /* exit code of its errors (EXIT_USAGE, EXIT_SYSTEM) */
};

#define INI_SCHEMA(what, rows, code) { (what), (rows), sizeof(rows) / sizeof((rows)[0]), (code) }

/*
 * Check every section and key of ini against the schema, and every value
 * against its row's type. The first problem is the error, with file and
 * line; a near miss names the key that was probably meant.
 */
int inischema_check(const struct ini_schema *s, const struct ini *ini, struct err *e);

/* The row of section/key (or the section's "*" row); NULL when unknown. */
const struct ini_row *inischema_row(const struct ini_schema *s, const char *section, const char *key);

/* The value as written, else the row's default, else NULL. */
const char *inischema_text(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key);

/* Typed values: the file's value or the row's default; an unknown key or a bad value is an error. */
int inischema_number(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		     double *out, struct err *e);
int inischema_bool(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		   bool *out, struct err *e);
int inischema_color(const struct ini_schema *s, const struct ini *ini, const char *section, const char *key,
		    uint32_t *out, struct err *e);

/*
 * The name among `names` (n of them) closest to `word` when it is close
 * enough to be a typo (a swap of two neighbours is one edit; up to 1 edit
 * for names of 3 letters, 2 up to 6, 3 for longer); NULL else.
 */
const char *inischema_suggest(const char *word, const char *const *names, size_t n);

#endif
