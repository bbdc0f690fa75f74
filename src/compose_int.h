/*
 * compose_int.h - what the parts of compose share (not a public API).
 *
 * compose.c holds the frame: the text path into the PDF (put()), names
 * and values in data-file texts, the plan of sections, the contents and
 * the dispatch on each form's layout (layouts.h). The printers live in
 * files of their own and are reached only through the table in
 * compose.c:
 *
 *   compose_fields.c    the generic way: every field in its form's order,
 *                       lists as tables (or blocks), the cover page
 *   compose_consent.c   the consent statement with its signature blocks
 *   compose_quote.c     the quote: lines by category, sums, payers
 *   compose_check.c     the completeness checklist and the timeline
 *   compose_absence.c   the Verzuimbeeld: hours per week as a chart, the weeks
 *   compose_att.c       the attachments: overview, separator and scan pages
 *   compose_agenda.c    the meeting's agenda (a document of its own)
 *
 * No printer names a form id or a field key: forms are found by layout,
 * fields by role (form_role()) or by walking the definition.
 */
#ifndef COMPOSE_INT_H
#define COMPOSE_INT_H

#include "buf.h"
#include "compose.h"
#include "expr.h"
#include "form.h"
#include "words.h"

#include <stdbool.h>
#include <stddef.h>

struct anon;

enum section_kind { S_FORM, S_GROUP, S_SCAN, S_CHECKLIST, S_TIMELINE, S_ABSENCE, S_ATT_HEAD, S_ATT };

struct section {
	char *title;
	int level;
	int anchor;
	const struct form *form;  /* S_FORM, S_GROUP, S_ATT_HEAD: the form */
	const json *record;       /* S_FORM: the record printed */
	size_t index;             /* 1-based number within the form; S_ATT: the attachment number */
	const struct att *att;    /* S_ATT, S_SCAN */
	enum section_kind kind;
};

struct comp {
	const struct compose_in *in;
	struct ldoc *doc;
	struct flow f;
	struct anon *anon;        /* the anonymised copy only */
	struct section *sec;
	size_t nsec, scap;
	struct expr_env env;
	int cover_anchor, toc_anchor;
};

/* ---- text into the PDF (compose.c) ---- */

/* Append s as it must appear: reflowed by the text rule? no; anonymised, cleaned. */
void put(const struct comp *C, const char *s, struct buf *out);
/* out = put(s) (s may be NULL). */
void prep(const struct comp *C, const char *s, struct buf *out);
/* out = put(compose_expand(text)). */
void text_of(const struct comp *C, const char *text, struct buf *out);
/* out = a fixed word of the template, with {name, value} pairs (may be NULL), expanded and prepared. */
void word_of(const struct comp *C, enum word w, const char *const *vars, struct buf *out);
/*
 * Expand a print text of form f whose {key} names the fields of `rec`
 * (formatted as printed; {key:lang} a long date, {lijst:sub} the values
 * of one sub-field of a list joined with "en"), then the names of
 * compose_expand(); prepared for print into out.
 */
void record_text(const struct comp *C, const struct form *f, const json *rec, const char *text, struct buf *out);
/*
 * As record_text(), with the fields of one item of a list first ({nr} its
 * number); an empty item field takes its text from `empty` (may be NULL).
 */
void item_text(const struct comp *C, const struct form *f, const json *rec, const struct field *list,
	       const json *item, const char *nr, const json *empty, const char *text, struct buf *out);
/* Does a print text name fields of the record, all of them empty (or withheld)? */
bool record_text_empty(const struct comp *C, const struct form *f, const json *rec, const char *text);
/* Does a text of the form's "afdruk" show the field (as {key} or {form.key})? */
bool print_texts_show(const struct form *f, const struct field *fd);
/* A label with a capital first letter, prepared. */
void label_text(const struct comp *C, const char *label, struct buf *out);
/* A stored value formatted for print (nothing when withheld in an anonymised copy). */
void format_value(const struct comp *C, const struct field *f, const json *v, bool long_date, struct buf *out);
/* Is the field withheld from this print (anonymised copy of a "weglaten" value)? */
bool withheld(const struct comp *C, const struct field *f);
/* The print text of a form's "afdruk" at key, or NULL. */
const char *print_text(const struct form *f, const char *key);
/* The first form with layout kind k, or NULL. */
const struct form *form_with_layout(const struct comp *C, enum layout_kind k);

/* ---- sections (compose.c) ---- */

/* Start a section's page (or continue on this one when its form allows) and place its anchor. */
void section_title(struct comp *C, const struct section *s, const char *title);
/* The first section of a form, or NULL. */
const struct section *section_of_form(const struct comp *C, const struct form *f);

/* ---- printers ---- */

/*
 * A printer may take over some fields of the form it prints: when
 * takes(fd) is true, print() prints field fd (value v) instead of the
 * generic way. Hooks may be NULL.
 */
struct field_hooks {
	bool (*takes)(const struct field *fd, void *ctx);
	void (*print)(struct comp *C, const struct field *fd, const json *v, void *ctx);
	void *ctx;
	bool skip_shown;   /* leave out fields a print text of the form already shows */
};

/* label/value rows collected before they are poured as one table */
struct kv {
	struct tbuild tb;
};
void kv_init(struct kv *t);
void kv_add(struct kv *t, const char *label, const char *value);
/* Pour the rows (if any) as a two-column table with a shaded label column; empties t. */
void kv_flush(struct comp *C, struct kv *t);
void kv_flow(struct flow *f, struct kv *t);
void kv_release(struct kv *t);

/* compose_fields.c */
void print_fields(struct comp *C, const struct field *def, const json *rec, int depth, const struct field_hooks *h);
void print_list(struct comp *C, const struct field *f, const json *v);
void list_item_extras(struct comp *C, const struct field *f, const json *item, size_t r,
		      const struct field *const *shown, size_t nshown, struct kv *kv);
void print_form_section(struct comp *C, const struct section *s);
/* The section's title and the form's "inleiding"; the form's "voetnoot". */
void print_form_intro(struct comp *C, const struct section *s);
void print_form_footnote(struct comp *C, const struct section *s);
void print_cover(struct comp *C, const struct form *f);
/* compose_consent.c */
void print_consent(struct comp *C, const struct section *s);
/* compose_quote.c */
void print_quote(struct comp *C, const struct section *s);
void print_quote_totals(struct comp *C);
/* compose_check.c */
void print_checklist(struct comp *C, const struct section *s);
void print_timeline(struct comp *C, const struct section *s);
void print_timeline_table(struct comp *C, bool with_phase);
/* compose_absence.c */
/* Does the case hold an absence registration (imported or typed) to draw? */
bool absence_page_wanted(const struct comp *C);
void print_absence(struct comp *C, const struct section *s);
/* compose_att.c */
void print_attachments_head(struct comp *C, const struct section *s);
void print_attachment(struct comp *C, const struct section *s);

#endif
