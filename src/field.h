/*
 * field.h - field definitions and the table of field types.
 *
 * A field (one question on a form) is read from forms/<id>.json by form.c.
 * Its type is a row in one table here: the type's name in the data files,
 * how typed text becomes a value (parse), how a stored value is checked
 * (check) and how it is shown (format). Prompting, `zet`, loading a case
 * and printing all go through the same row, so they cannot disagree.
 *
 * Values as stored in a case file (JSON):
 *   kort, tekst, email, telefoon, bestand  string
 *   datum                                  string "jjjj-mm-dd"
 *   tijd                                   string "uu:mm"
 *   janee                                  true / false
 *   keuze                                  string: the option's key
 *   meerkeuze                              array of option keys
 *   getal                                  number
 *   bedrag                                 integer number of euro cents
 *   groep                                  object of sub-fields
 *   lijst                                  array of objects of sub-fields
 */
#ifndef FIELD_H
#define FIELD_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct expr;
struct form;
typedef struct cJSON json;

enum ftype_kind {
	FT_KORT, FT_TEKST, FT_DATUM, FT_TIJD, FT_JANEE, FT_KEUZE, FT_MEERKEUZE,
	FT_GETAL, FT_BEDRAG, FT_EMAIL, FT_TELEFOON, FT_BESTAND, FT_GROEP, FT_LIJST,
};

/*
 * How a field is printed ("afdruk"): with its form (the default), not at
 * all because it only steers the questions ("nee"), or for a lijst, each
 * item as a block of its own instead of a row of a table ("blokken").
 */
enum print_mode { PRINT_DEFAULT, PRINT_NONE, PRINT_BLOCKS };

/* How a personal value appears in an anonymised print (issue: --anoniem). */
enum privacy { PRIV_NONE, PRIV_INITIALS, PRIV_OMIT };

struct choice {
	char *key;
	char *label;
};

struct field;

/* What parse() may need to know beyond the field itself. */
struct field_ctx {
	const char *basedir; /* folder of the case file, for relative file paths */
	int today;           /* day number of "vandaag" */
};

struct ftype {
	const char *name;  /* as written in forms/<id>.json */
	enum ftype_kind kind;
	const char *desc;  /* Dutch, for `dossier formulieren` */
	const char *hint;  /* Dutch input hint, e.g. "dd-mm-jjjj"; may be NULL */
	/* Typed text -> new value (caller owns *out). Dutch reason on failure. */
	int (*parse)(const struct field *f, const char *text, const struct field_ctx *ctx,
		     json **out, struct buf *msg);
	/* Is a stored value acceptable? Dutch reason on failure. */
	int (*check)(const struct field *f, const json *v, struct buf *msg);
	/* Readable text for a stored value (plain, one line for short types). */
	void (*format)(const struct field *f, const json *v, struct buf *out);
};

struct field {
	char *key;
	char *label;
	char *help;             /* may be NULL */
	char *column_label;     /* "kolomlabel": a short label for table headings; may be NULL */
	const struct ftype *type;
	bool required;
	struct expr *cond;      /* NULL: always applies */
	char *cond_src;
	struct choice *choices; /* keuze, meerkeuze */
	size_t nchoices;
	struct field *sub;      /* groep, lijst */
	size_t nsub;
	char **columns;         /* lijst: sub-field keys shown as table columns */
	size_t ncolumns;
	char *item_name;        /* lijst: one item, e.g. "aanwezige" */
	char *summary;          /* lijst: "{naam} ({rol})" */
	size_t min_items;       /* lijst: at least this many when required */
	size_t max_len;         /* text types: characters */
	bool has_min, has_max;  /* getal */
	double min, max;
	bool integer;           /* getal: whole numbers only */
	bool no_future;         /* datum: may not lie after today */
	bool boxed;             /* print in a framed box */
	enum print_mode print;  /* "afdruk" */
	enum privacy privacy;
	char *suggest;          /* path ([*] allowed) whose values are offered */
	const struct field *parent; /* enclosing groep/lijst; NULL for a form's root */
	const struct form *form;
};

const struct ftype *ftype_find(const char *name);
/* The whole table, for listings; *n receives the number of rows. */
const struct ftype *ftype_all(size_t *n);

static inline bool field_is_container(const struct field *f)
{
	return f->type->kind == FT_GROEP || f->type->kind == FT_LIJST;
}

/* Sub-field of a groep/lijst by key, or NULL. */
const struct field *field_sub(const struct field *f, const char *key);
/* Option of a keuze/meerkeuze field by key, or NULL. */
const struct choice *field_choice(const struct field *f, const char *key);

/* Is a stored value "filled in" (not absent, not "", not an empty list)? */
bool value_filled(const json *v);

/*
 * Expand a list item's summary template: "{naam} ({rol})" with each {key}
 * replaced by the formatted sub-field value. Without a template, the first
 * two filled short sub-fields joined by ", ".
 */
void field_item_summary(const struct field *list, const json *item, struct buf *out);

/* Default maximum lengths (characters) of the text types. */
#define FIELD_SHORT_MAX 300
#define FIELD_LONG_MAX 100000
#define FIELD_MAX_ITEMS 2000

#endif
