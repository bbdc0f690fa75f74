/*
 * form.h - the form definitions from forms/<id>.json.
 *
 * forms/formulieren.json lists the forms in order; each forms/<id>.json
 * defines one form: its title, whether it holds one record or a list of
 * records ("meervoud", like MDO-verslagen), when it applies, how it is
 * printed ("weergave") and its fields. See docs/formulieren.md.
 *
 * A form's fields hang under a root field: a groep for a single form, a
 * lijst for a "meervoud" form. Paths therefore resolve the same way at
 * every level: "voorblad.hoofdvraag", "mdo[2].aanwezigen[1].naam".
 *
 * The formset owns everything it loaded; release it with formset_release().
 */
#ifndef FORM_H
#define FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "field.h"
#include "layouts.h"

struct err;
struct findings;
struct expr_env;

struct form {
	char *id;
	char *title;
	char *desc;           /* one-sentence purpose, may be NULL */
	char *file;           /* where it was defined, for messages */
	bool repeated;        /* "meervoud": the value is a list of records */
	char *item_title;     /* title of one record, e.g. "MDO-verslag" */
	struct expr *cond;    /* when the form applies at all (NULL: always) */
	char *cond_src;
	const struct layout_def *layout; /* "weergave": how it is printed (layouts.h) */
	const struct field *role[ROLE_COUNT]; /* "rollen": the field playing each role, or NULL */
	struct field root;    /* groep (single) or lijst (repeated) */
	json *print;          /* "afdruk": texts for the PDF; owned, may be NULL */
};

struct formset {
	struct form *forms;
	size_t n, cap;
	char *dir;
};
#define FORMSET_INIT { NULL, 0, 0, NULL }

/* Load forms/formulieren.json and every form it lists from dir. */
int formset_load(struct formset *fs, const char *dir, struct err *e);
void formset_release(struct formset *fs);

const struct form *formset_get(const struct formset *fs, const char *id);

/*
 * Replace "{name}" in titles, labels, help texts and option labels with
 * lookup(name) (regional names such as {swv}). A name without a value is
 * an error naming the form file.
 */
typedef const char *(*formset_lookup_fn)(void *ctx, const char *name);
int formset_expand(struct formset *fs, formset_lookup_fn lookup, void *ctx, struct err *e);
/* Change the label of the field at a definition path ("voorblad.hoofdvraag"). */
int formset_set_label(struct formset *fs, const char *path, const char *label, struct err *e);

/*
 * The definition of the value at `path` (indexes allowed and ignored for
 * lookup: "mdo[1].datum" -> the MDO form's datum field). Returns NULL with
 * a Dutch message naming the unknown part.
 */
const struct field *formset_field(const struct formset *fs, const char *path, struct err *e);

/*
 * Does field f apply? Evaluates f's own condition (with env->record set to
 * the record holding f, for relative paths); for a form's root, the form's.
 * Callers walk down from the root, so a parent's condition is checked first.
 */
bool field_applies(const struct field *f, const struct expr_env *env);

/*
 * Check every value in a case against its definition: types, lengths,
 * options, dates. Each problem becomes an error finding (code
 * "ongeldige-waarde") naming the path. Unknown keys are left alone.
 */
void formset_validate(const struct formset *fs, const json *root, struct findings *out);

/* The field playing role r in form f ("rollen"), or NULL. */
static inline const struct field *form_role(const struct form *f, enum layout_role_id r)
{
	return f ? f->role[r] : NULL;
}

/*
 * Walk the values of a case along their definitions: fn is called for
 * every field that has a value (groups and lists too, before what they
 * hold), with the record that holds it and its path with indexes
 * ("mdo[2].aanwezigen[1].naam"). fn returns WALK_ON, WALK_SKIP (not into
 * this group or list) or WALK_STOP (formset_walk() then returns 1).
 */
enum { WALK_ON = 0, WALK_SKIP = 1, WALK_STOP = 2 };
typedef int (*formset_walk_fn)(const struct field *f, const json *v, const json *rec, const char *path, void *ctx);
int formset_walk(const struct formset *fs, const json *root, formset_walk_fn fn, void *ctx);

/* Full path of a definition, without indexes: "mdo.aanwezigen.naam". */
void field_def_path(const struct field *f, struct buf *out);

#endif
