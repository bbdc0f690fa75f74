/*
 * compose_fields.c - the generic printer: every field of a form, in the
 * form's order, taken from the definition (see compose_int.h).
 *
 * Short fields collect into one label/value table until a long text, a
 * group or a list comes; long texts follow the text rule (textrule.h) as
 * headed paragraphs or a framed box ("kader"); groups print their fields
 * under a heading; lists print as a table of their "kolommen" with the
 * other filled sub-fields listed after it per item, or item by item
 * ("afdruk": "blokken"). A field with "afdruk": "nee" only steers the
 * questions and is never printed; a field whose value a print text of its
 * form already shows (the cover's facts, the consent's statements) is not
 * repeated when the printer asks for that.
 */
#include "compose_int.h"
#include "casus.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "rules.h"
#include "template.h"
#include "textrule.h"
#include "timeline.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static bool is_short(const struct field *f)
{
	return f->type->kind != FT_TEKST && !field_is_container(f);
}

static bool printable(const struct comp *C, const struct field *f)
{
	return f->print != PRINT_NONE && !withheld(C, f);
}

/* A long text by the text rule, prepared for print. */
static void long_text(const struct comp *C, const char *s, struct buf *out)
{
	struct buf r = BUF_INIT;

	text_reflow(s, &r);
	prep(C, r.s, out);
	buf_release(&r);
}

/* The heading of a field: the form's "koppen" text for it, else its label. */
static void field_heading(const struct comp *C, const struct field *f, struct buf *out)
{
	const char *kop = f->form && f->parent == &f->form->root ? json_get_str(json_get(f->form->print, "koppen"), f->key)
								      : NULL;

	if (kop) {
		text_of(C, kop, out);
		if (out->len && out->s[0] >= 'a' && out->s[0] <= 'z')
			out->s[0] = (char)(out->s[0] - 32);
	} else {
		label_text(C, f->label, out);
	}
}

/* A value on one line: container values by their items' summaries; dates long or short (tables). */
static void inline_value(const struct comp *C, const struct field *f, const json *v, bool long_date, struct buf *out)
{
	struct buf raw = BUF_INIT;

	if (f->type->kind == FT_LIJST) {
		const json *it;

		for (it = json_first(v); it; it = json_next(it)) {
			if (raw.len)
				buf_adds(&raw, "; ");
			field_item_summary(f, it, &raw);
		}
	} else if (f->type->kind == FT_GROEP) {
		size_t i;

		for (i = 0; i < f->nsub; i++) {
			struct buf one = BUF_INIT;

			if (printable(C, &f->sub[i]))
				inline_value(C, &f->sub[i], json_get(v, f->sub[i].key), long_date, &one);
			if (one.len)
				buf_addf(&raw, "%s%s: %s", raw.len ? "; " : "", f->sub[i].label, one.s);
			buf_release(&one);
		}
	} else if (f->type->kind == FT_TEKST) {
		text_reflow(json_str(v), &raw);
	} else {
		format_value(C, f, v, long_date, &raw);
	}
	prep(C, raw.s, out);
	buf_release(&raw);
}

/* Each item on its own: a heading "Item n" and its fields. */
static void list_blocks(struct comp *C, const struct field *f, const json *v, int depth)
{
	const json *it;
	size_t n = 0;
	struct buf t = BUF_INIT, h = BUF_INIT;

	for (it = json_first(v); it; it = json_next(it)) {
		buf_reset(&t);
		buf_addf(&t, "%s %zu", f->item_name ? f->item_name : f->label, ++n);
		label_text(C, t.s, &h);
		flow_heading(&C->f, h.s, 2);
		print_fields(C, f, it, depth + 1, NULL);
	}
	buf_release(&t);
	buf_release(&h);
}

/*
 * The filled sub-fields of list item number r that a table does not show
 * (not among the `nshown` fields in shown), as label/value rows in kv:
 * "Ouder of verzorger 1: Telefoon". The caller has set C->env.record.
 */
void list_item_extras(struct comp *C, const struct field *f, const json *item, size_t r,
		      const struct field *const *shown, size_t nshown, struct kv *kv)
{
	struct buf t = BUF_INIT, lab = BUF_INIT;
	size_t i, c;

	for (i = 0; i < f->nsub; i++) {
		const struct field *sf = &f->sub[i];

		for (c = 0; c < nshown && shown[c] != sf; c++)
			;
		if (c < nshown || !printable(C, sf) || !value_filled(json_get(item, sf->key)) ||
		    !field_applies(sf, &C->env))
			continue;
		buf_reset(&t);
		buf_addf(&t, "%s %zu: %s", f->item_name ? f->item_name : f->label, r, sf->label);
		label_text(C, t.s, &lab);
		inline_value(C, sf, json_get(item, sf->key), true, &t);
		kv_add(kv, lab.s, t.s);
	}
	buf_release(&t);
	buf_release(&lab);
}

/*
 * A list as a table of its columns ("kolommen", or its first short
 * fields), then every other filled sub-field of each item as label/value
 * rows ("Ouder 1: telefoon"), so nothing entered is left out.
 */
void print_list(struct comp *C, const struct field *f, const json *v)
{
	const struct field *cols[8];
	size_t ncols = 0, i, r = 0;
	struct tbuild tb;
	struct kv extras;
	struct buf t = BUF_INIT;
	const json *it;
	const json *saved = C->env.record;

	if (f->print == PRINT_BLOCKS) {
		list_blocks(C, f, v, 1);
		return;
	}
	for (i = 0; i < (f->ncolumns ? f->ncolumns : f->nsub) && ncols < 7; i++) {
		const struct field *c = f->ncolumns ? field_sub(f, f->columns[i]) : &f->sub[i];

		if (c && printable(C, c) && (f->ncolumns || (is_short(c) && ncols < 4)))
			cols[ncols++] = c;
	}
	kv_init(&extras);
	tb_init(&tb, ncols + 1);
	tb_row(&tb, ROW_HEADER);
	word_of(C, W_NR, NULL, &t);
	tb_cell(&tb, t.s);
	for (i = 0; i < ncols; i++) {
		label_text(C, cols[i]->column_label ? cols[i]->column_label : cols[i]->label, &t);
		tb_cell(&tb, t.s)->font = FONT_BOLD;
	}
	for (it = json_first(v); it; it = json_next(it)) {
		r++;
		C->env.record = it;
		tb_row(&tb, ROW_NORMAL);
		buf_reset(&t);
		buf_addf(&t, "%zu", r);
		tb_cell(&tb, t.s);
		for (i = 0; i < ncols; i++) {
			enum ftype_kind k = cols[i]->type->kind;

			buf_reset(&t);
			if (field_applies(cols[i], &C->env))
				inline_value(C, cols[i], json_get(it, cols[i]->key), false, &t);
			tb_cell(&tb, t.s)->align = (k == FT_BEDRAG || k == FT_GETAL) ? AL_RIGHT : AL_LEFT;
		}
		list_item_extras(C, f, it, r, cols, ncols, &extras);
	}
	C->env.record = saved;
	if (ncols)
		tb_flow(&C->f, &tb);
	tb_release(&tb);
	if (extras.tb.n) {
		flow_space(&C->f, 4);
		kv_flush(C, &extras);
	}
	kv_release(&extras);
	buf_release(&t);
}

static void insert_block(struct comp *C, const char *what)
{
	struct buf t = BUF_INIT;

	if (!strcmp(what, "tijdlijn") && C->in->tl->has_start) {
		word_of(C, W_TL_SO_FAR, NULL, &t);
		flow_heading(&C->f, t.s, 2);
		print_timeline_table(C, false);
	} else if (!strcmp(what, "offerte_totalen")) {
		print_quote_totals(C);
	}
	buf_release(&t);
}

static void print_field(struct comp *C, const struct field *f, const json *v, struct kv *kv, int depth)
{
	struct buf head = BUF_INIT, val = BUF_INIT;

	if (is_short(f)) {
		if (!value_filled(v)) {
			if (f->required) {
				label_text(C, f->label, &head);
				word_of(C, W_EMPTY, NULL, &val);
				kv_add(kv, head.s, val.s);
			}
		} else {
			label_text(C, f->label, &head);
			inline_value(C, f, v, true, &val);
			kv_add(kv, head.s, val.s);
		}
		goto out;
	}
	if (!value_filled(v) && !f->required)
		goto out;
	kv_flush(C, kv);
	field_heading(C, f, &head);
	flow_heading(&C->f, head.s, depth <= 0 ? 1 : 2);
	if (!value_filled(v)) {
		word_of(C, W_NOT_FILLED, NULL, &val);
		flow_note(&C->f, val.s);
	} else if (f->type->kind == FT_TEKST) {
		long_text(C, json_str(v), &val);
		if (f->boxed)
			flow_box(&C->f, val.s, true);
		else
			flow_text(&C->f, val.s);
	} else if (f->type->kind == FT_LIJST) {
		print_list(C, f, v);
	} else {
		print_fields(C, f, v, depth + 1, NULL);
	}
out:
	buf_release(&head);
	buf_release(&val);
}

void print_fields(struct comp *C, const struct field *def, const json *rec, int depth, const struct field_hooks *h)
{
	const json *saved = C->env.record;
	const struct form *form = def->form;
	const json *inserts = form && form->print && def == &form->root ? json_get(form->print, "invoegen") : NULL;
	struct kv kv;
	size_t i;

	kv_init(&kv);
	C->env.record = rec;
	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];
		const json *v = json_get(rec, f->key);
		const char *after;

		if (!field_applies(f, &C->env) || !printable(C, f))
			continue;
		if (h && h->takes && h->takes(f, h->ctx)) {
			kv_flush(C, &kv);
			h->print(C, f, v, h->ctx);
		} else if (h && h->skip_shown && print_texts_show(form, f) && value_filled(v)) {
			continue;
		} else {
			print_field(C, f, v, &kv, depth);
		}
		after = json_get_str(inserts, f->key);
		if (after) {
			kv_flush(C, &kv);
			insert_block(C, after);
		}
	}
	kv_flush(C, &kv);
	kv_release(&kv);
	C->env.record = saved;
}

/* The form's "inleiding" under the title, its "voetnoot" at the end. */
static void form_text(struct comp *C, const struct section *s, const char *key, bool note)
{
	struct buf t = BUF_INIT;

	if (print_text(s->form, key)) {
		record_text(C, s->form, s->record, print_text(s->form, key), &t);
		if (note) {
			flow_space(&C->f, 4);
			flow_note(&C->f, t.s);
		} else {
			flow_text(&C->f, t.s);
		}
	}
	buf_release(&t);
}

/*
 * The form's "zinnen": sentences printed when their condition holds, so
 * the answer to a question that only steers the form ("afdruk": "nee")
 * still reaches the reader as words ("De ouders zien het niet anders").
 */
static void form_sentences(struct comp *C, const struct section *s)
{
	const json *it;
	const json *saved = C->env.record;
	struct buf t = BUF_INIT, msg = BUF_INIT;

	C->env.record = s->record;
	for (it = json_first(json_get(s->form->print, "zinnen")); it; it = json_next(it)) {
		struct expr *x = NULL;
		const char *cond = json_get_str(it, "voorwaarde");

		buf_reset(&msg);
		if (cond && expr_parse(cond, &x, &msg))
			continue; /* form.c checked it when the form was loaded */
		if (!x || expr_eval(x, &C->env)) {
			record_text(C, s->form, s->record, json_get_str(it, "tekst"), &t);
			flow_text(&C->f, t.s);
		}
		expr_free(x);
	}
	C->env.record = saved;
	buf_release(&t);
	buf_release(&msg);
}

void print_form_intro(struct comp *C, const struct section *s)
{
	section_title(C, s, s->index ? NULL : print_text(s->form, "titel"));
	form_text(C, s, "inleiding", false);
	form_sentences(C, s);
}

void print_form_footnote(struct comp *C, const struct section *s)
{
	form_text(C, s, "voetnoot", true);
}

void print_form_section(struct comp *C, const struct section *s)
{
	static const struct field_hooks shown = { NULL, NULL, NULL, true };

	print_form_intro(C, s);
	print_fields(C, &s->form->root, s->record, 0, &shown);
	print_form_footnote(C, s);
}

/* Does every {name} of a fact's text come out empty or withheld? */
static bool fact_empty(struct comp *C, const char *val)
{
	const char *p = val;
	bool vars = false;

	while ((p = strchr(p, '{'))) {
		const char *close = strchr(p, '}');
		struct buf one = BUF_INIT, name = BUF_INIT;
		bool filled;

		if (!close)
			break;
		buf_add(&name, p, (size_t)(close - p + 1));
		compose_expand(C->in, name.s, &one);
		vars = true;
		filled = one.len && strcmp(one.s, name.s) && strcmp(one.s, word(C->in->tmpl, W_WITHHELD));
		buf_release(&one);
		buf_release(&name);
		if (filled)
			return false;
		p = close + 1;
	}
	return vars;
}

/*
 * The cover: title, the route's subtitle, the facts ("feiten": label and
 * value texts over the whole case), then the cover form's own fields,
 * each once (a field a fact already shows is not repeated).
 */
void print_cover(struct comp *C, const struct form *f)
{
	const json *it, *rec = json_get(C->in->c->root, f->id);
	const json *sub = json_get(f->print, "ondertitel");
	static const struct field_hooks shown = { NULL, NULL, NULL, true };
	struct buf t = BUF_INIT, l = BUF_INIT;
	struct kv kv;

	text_of(C, print_text(f, "titel") ? print_text(f, "titel") : f->title, &t);
	flow_title(&C->f, t.s);
	if (json_get_str(sub, C->in->route->id)) {
		text_of(C, json_get_str(sub, C->in->route->id), &t);
		flow_subtitle(&C->f, t.s);
	}
	kv_init(&kv);
	for (it = json_first(json_get(f->print, "feiten")); it; it = json_next(it)) {
		const char *lab = json_get_str(it, "label"), *val = json_get_str(it, "waarde");

		if (!lab || !val || fact_empty(C, val))
			continue;
		struct buf raw = BUF_INIT;

		record_text(C, f, rec, val, &t);
		compose_expand(C->in, lab, &raw);
		label_text(C, raw.s, &l);
		buf_release(&raw);
		kv_add(&kv, l.s, t.s);
	}
	kv_flush(C, &kv);
	kv_release(&kv);
	print_fields(C, &f->root, rec, 0, &shown);
	if (print_text(f, "voetnoot")) {
		text_of(C, print_text(f, "voetnoot"), &t);
		flow_space(&C->f, 4);
		flow_note(&C->f, t.s);
	}
	buf_release(&t);
	buf_release(&l);
}
