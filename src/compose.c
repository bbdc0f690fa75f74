/*
 * compose.c - from case to laid-out document (see compose.h): the frame.
 *
 * Every text that goes into the PDF passes through put(): it anonymises
 * when asked and removes characters the fonts cannot show, so no path
 * around it exists. Sections get their anchors reserved before the
 * contents page is laid out, so the contents, the checklist and the
 * bookmarks can point at pages that do not exist yet; the page numbers are
 * filled in when the pages are drawn. Which printer draws a form follows
 * from its layout (layouts.h, printers[] below); the printers live in
 * compose_*.c (see compose_int.h).
 */
#include "compose_int.h"
#include "anon.h"
#include "casus.h"
#include "date.h"
#include "err.h"
#include "expr.h"
#include "field.h"
#include "finding.h"
#include "form.h"
#include "fileio.h"
#include "json.h"
#include "mem.h"
#include "path.h"
#include "profile.h"
#include "rules.h"
#include "template.h"
#include "timeline.h"
#include "tmpl.h"
#include "utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* Append text as it must appear in the PDF. */
void put(const struct comp *C, const char *s, struct buf *out)
{
	struct buf a = BUF_INIT;

	if (C->anon) {
		anon_apply(C->anon, s, &a);
		s = a.s;
	}
	C->in->m->clean(C->in->m->ctx, s, out);
	buf_release(&a);
}

void prep(const struct comp *C, const char *s, struct buf *b)
{
	buf_reset(b);
	put(C, s ? s : "", b);
}

/* ---- names and values in data-file texts ---------------------------------- */

bool withheld(const struct comp *C, const struct field *f)
{
	return C->in->anonymous && f && f->privacy == PRIV_OMIT;
}

static bool withheld_in(const struct compose_in *in, const struct field *f)
{
	return in->anonymous && f && f->privacy == PRIV_OMIT;
}

/* Format a stored value for print: long dates, money, choices... */
static void format_in(const struct compose_in *in, const struct field *f, const json *v, bool long_date,
		      struct buf *out)
{
	int d;

	if (!f || !value_filled(v) || withheld_in(in, f))
		return;
	if (f->type->kind == FT_DATUM && long_date && date_parse_iso(json_str(v), &d)) {
		date_fmt_long(out, d);
		return;
	}
	if (f->type->kind == FT_BESTAND && json_is_string(v)) {
		buf_adds(out, path_basename(json_str(v)));
		return;
	}
	f->type->format(f, v, out);
}

void format_value(const struct comp *C, const struct field *f, const json *v, bool long_date, struct buf *out)
{
	format_in(C->in, f, v, long_date, out);
}

/* "a, b en c" */
static void join_and(struct buf *out, const char *item, size_t i, size_t n)
{
	if (i)
		buf_adds(out, i + 1 == n ? " en " : ", ");
	buf_adds(out, item);
}

/*
 * A value with a modifier: "lang" (a long date), "leeftijd" (years on the
 * dossier's date), "lijst" (a list's items by their summary, joined with
 * "; "), or a sub-field key of a list ("naam": the names, joined with
 * "en"). Withheld values give the template's word for them.
 */
static void format_mod(const struct compose_in *in, const struct field *f, const json *v, const char *mod,
		       struct buf *out)
{
	int d;

	if (withheld_in(in, f) && value_filled(v)) {
		buf_adds(out, word(in->tmpl, W_WITHHELD));
		return;
	}
	if (f && f->type->kind == FT_MEERKEUZE && !mod) {
		const json *it;
		size_t i = 0, n = json_len(v);

		for (it = json_first(v); it; it = json_next(it), i++) {
			const struct choice *ch = field_choice(f, json_str(it));

			join_and(out, ch ? ch->label : json_str(it) ? json_str(it) : "", i, n);
		}
	} else if (!mod || !strcmp(mod, "lang")) {
		format_in(in, f, v, mod != NULL, out);
	} else if (!strcmp(mod, "leeftijd")) {
		if (date_parse_iso(json_str(v), &d))
			buf_addf(out, "%d", date_age(d, in->today));
	} else if (f && f->type->kind == FT_LIJST) {
		const struct field *sub = strcmp(mod, "lijst") ? field_sub(f, mod) : NULL;
		const json *it;
		size_t i = 0, n = 0;

		for (it = json_first(v); it; it = json_next(it))
			n += !sub || value_filled(json_get(it, sub->key));
		for (it = json_first(v); it; it = json_next(it)) {
			struct buf one = BUF_INIT;

			if (sub)
				format_in(in, sub, json_get(it, sub->key), false, &one);
			else
				field_item_summary(f, it, &one);
			if (one.len) {
				if (sub)
					join_and(out, one.s, i, n);
				else
					buf_addf(out, "%s%s", i ? "; " : "", one.s);
				i++;
			}
			buf_release(&one);
		}
	} else {
		format_in(in, f, v, false, out);
	}
}

struct expand_ctx {
	const struct compose_in *in;
	const struct form *form;  /* record_text(): the form whose fields {key} names */
	const json *rec;
	const struct field *item_def; /* item_text(): a list whose item's fields come first */
	const json *item, *empty;     /* the item; texts for its empty fields */
	const char *nr;               /* {nr}: the item's number */
	struct buf scratch[4];
	int next;
};

/* The definition of a value path ("casus.ouders[*].naam"), or NULL. */
static const struct field *def_of(const struct compose_in *in, const char *path)
{
	struct err e = ERR_INIT;
	const struct field *f = formset_field(in->fs, path, &e);

	err_release(&e);
	return f;
}

static const char *expand_lookup(void *ctx, const char *name, size_t len)
{
	struct expand_ctx *X = ctx;
	const struct compose_in *in = X->in;
	struct buf *b = &X->scratch[X->next++ % 4];
	char *key = xstrndup(name, len), *mod = strchr(key, ':');
	const struct field *local = NULL;
	const char *r = NULL;

	buf_reset(b);
	if (mod)
		*mod++ = '\0';
	if (X->nr && !strcmp(key, "nr")) {
		r = X->nr;
	} else if (X->item_def && (local = field_sub(X->item_def, key)) != NULL) {
		format_mod(in, local, json_get(X->item, key), mod, b);
		if (!b->len && json_get_str(X->empty, key))
			buf_adds(b, json_get_str(X->empty, key));
		r = b->s;
	} else if (X->form && (local = field_sub(&X->form->root, key)) != NULL) {
		format_mod(in, local, json_get(X->rec, key), mod, b);
		r = b->s;
	} else if (!strcmp(key, "kenmerk")) {
		r = casus_ref(in->c) ? casus_ref(in->c) : "";
	} else if (!strcmp(key, "route")) {
		r = in->route->name;
	} else if (!strcmp(key, "tafel")) {
		r = in->route->table;
	} else if (!strcmp(key, "regio")) {
		r = in->prof->name;
	} else if (!strcmp(key, "datum")) {
		date_fmt_long(b, in->today);
		r = b->s;
	} else if (!strcmp(key, "week")) {
		if (in->tl->has_start) {
			buf_addf(b, "%d", in->tl->today_week);
			r = b->s;
		}
	} else if (profile_name((void *)in->prof, key)) {
		r = profile_name((void *)in->prof, key);
	} else if (strchr(key, '.')) {
		struct path p;
		struct buf msg = BUF_INIT;

		if (!path_parse(key, &p, &msg)) {
			format_mod(in, def_of(in, key), path_get(in->c->root, &p), mod, b);
			path_release(&p);
			r = b->s;
		}
		buf_release(&msg);
	}
	free(key);
	return r;
}

static void expand_with(const struct compose_in *in, const struct form *f, const json *rec, const char *text,
			struct buf *out)
{
	struct expand_ctx X = { in, f, rec, NULL, NULL, NULL, NULL, { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT }, 0 };
	int i;

	tmpl_expand(out, text ? text : "", expand_lookup, &X, NULL);
	for (i = 0; i < 4; i++)
		buf_release(&X.scratch[i]);
}

void item_text(const struct comp *C, const struct form *f, const json *rec, const struct field *list,
	       const json *item, const char *nr, const json *empty, const char *text, struct buf *out)
{
	struct expand_ctx X = { C->in, f, rec, list, item, empty, nr, { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT }, 0 };
	struct buf x = BUF_INIT;
	int i;

	tmpl_expand(&x, text ? text : "", expand_lookup, &X, NULL);
	for (i = 0; i < 4; i++)
		buf_release(&X.scratch[i]);
	buf_reset(out);
	put(C, x.s, out);
	buf_release(&x);
}

bool record_text_empty(const struct comp *C, const struct form *f, const json *rec, const char *text)
{
	const char *p = text;
	bool named = false;

	while ((p = strchr(p, '{'))) {
		const char *close = strchr(p, '}'), *colon;
		char *key;
		const struct field *fd;

		if (!close)
			break;
		key = xstrndup(p + 1, (size_t)(close - p - 1));
		if ((colon = strchr(key, ':')))
			key[colon - key] = '\0';
		fd = field_sub(&f->root, key);
		if (fd) {
			named = true;
			if (value_filled(json_get(rec, key)) && !withheld(C, fd)) {
				free(key);
				return false;
			}
		}
		free(key);
		p = close + 1;
	}
	return named;
}

void compose_expand(const struct compose_in *in, const char *text, struct buf *out)
{
	expand_with(in, NULL, NULL, text, out);
}

void text_of(const struct comp *C, const char *text, struct buf *out)
{
	struct buf x = BUF_INIT;

	compose_expand(C->in, text, &x);
	buf_reset(out);
	put(C, x.s, out);
	buf_release(&x);
}

void record_text(const struct comp *C, const struct form *f, const json *rec, const char *text, struct buf *out)
{
	struct buf x = BUF_INIT;

	expand_with(C->in, f, rec, text, &x);
	buf_reset(out);
	put(C, x.s, out);
	buf_release(&x);
}

void word_of(const struct comp *C, enum word w, const char *const *vars, struct buf *out)
{
	struct buf x = BUF_INIT;

	if (vars)
		tmpl_expand(&x, word(C->in->tmpl, w), tmpl_pairs, (void *)vars, NULL);
	else
		buf_adds(&x, word(C->in->tmpl, w));
	text_of(C, x.s, out);
	buf_release(&x);
}

const char *print_text(const struct form *f, const char *key)
{
	return f ? json_get_str(f->print, key) : NULL;
}

/* Does text name {key}, {key:...}, {form.key} or {form.key:...}? */
static bool names_field(const char *text, const char *form, const char *key)
{
	const char *p = text;
	size_t fl = strlen(form), kl = strlen(key);

	while ((p = strchr(p, '{'))) {
		const char *q = p + 1;

		if (!strncmp(q, form, fl) && q[fl] == '.')
			q += fl + 1;
		if (!strncmp(q, key, kl) && (q[kl] == '}' || q[kl] == ':'))
			return true;
		p++;
	}
	return false;
}

static bool json_texts_name(const json *v, const char *form, const char *key)
{
	const json *it;

	if (json_is_string(v))
		return names_field(json_str(v), form, key);
	for (it = json_first(v); it; it = json_next(it))
		if (json_texts_name(it, form, key))
			return true;
	return false;
}

/* The "afdruk" texts that are expanded against the form's record (record_text()). */
static const char *const record_texts[] = { "titel", "inleiding", "verklaringen", "geldigheid", "voetnoot", "feiten" };

bool print_texts_show(const struct form *f, const struct field *fd)
{
	size_t i;

	if (!f || !f->print || fd->parent != &f->root)
		return false;
	for (i = 0; i < sizeof(record_texts) / sizeof(record_texts[0]); i++)
		if (json_texts_name(json_get(f->print, record_texts[i]), f->id, fd->key))
			return true;
	return false;
}

void label_text(const struct comp *C, const char *label, struct buf *out)
{
	buf_reset(out);
	put(C, label, out);
	if (out->len && out->s[0] >= 'a' && out->s[0] <= 'z')
		out->s[0] = (char)(out->s[0] - 32);
}

const struct form *form_with_layout(const struct comp *C, enum layout_kind k)
{
	size_t i;

	for (i = 0; i < C->in->fs->n; i++)
		if (C->in->fs->forms[i].layout->kind == k)
			return &C->in->fs->forms[i];
	return NULL;
}

/* ---- label/value tables -------------------------------------------------- */

void kv_init(struct kv *t)
{
	tb_init(&t->tb, 2);
}

void kv_add(struct kv *t, const char *label, const char *value)
{
	if (!t->tb.ncols)
		kv_init(t);
	tb_row(&t->tb, ROW_NORMAL);
	tb_cell(&t->tb, label);
	tb_cell(&t->tb, value);
}

void kv_flow(struct flow *f, struct kv *t)
{
	static const double colw[] = { 0.3, 0.7 };

	if (!t->tb.n)
		return;
	t->tb.colw = colw;
	t->tb.label_col = true;
	tb_flow(f, &t->tb);
	tb_release(&t->tb);
	kv_init(t);
}

void kv_flush(struct comp *C, struct kv *t)
{
	kv_flow(&C->f, t);
}

void kv_release(struct kv *t)
{
	tb_release(&t->tb);
}

/* ---- sections ------------------------------------------------------------- */

static struct section *add_section(struct comp *C, const char *title, int level, enum section_kind kind)
{
	struct section *s;

	ARRAY_GROW(C->sec, C->nsec, C->scap);
	s = &C->sec[C->nsec++];
	memset(s, 0, sizeof(*s));
	s->title = xstrdup(title);
	s->level = level;
	s->kind = kind;
	/* reserve the anchor now; it is placed when the section starts */
	s->anchor = ldoc_new_anchor(C->doc);
	return s;
}

static void place_anchor(struct comp *C, int anchor)
{
	size_t page = flow_page(&C->f);

	C->doc->anchors[anchor].page = page;
	C->doc->anchors[anchor].y = C->f.y;
}

void section_title(struct comp *C, const struct section *s, const char *title)
{
	struct buf t = BUF_INIT;
	const json *np = s->form ? json_get(s->form->print, "nieuwe_pagina") : NULL;

	/* short forms may follow on the same page ("nieuwe_pagina": false) */
	if (json_is_bool(np) && !json_bool(np) && C->f.page_open) {
		flow_space(&C->f, 18);
		flow_need(&C->f, 160);
	} else {
		flow_new_page(&C->f);
	}
	place_anchor(C, s->anchor);
	if (title)
		text_of(C, title, &t);
	else
		prep(C, s->title, &t);
	flow_title(&C->f, t.s);
	buf_release(&t);
}

const struct section *section_of_form(const struct comp *C, const struct form *f)
{
	size_t i;

	for (i = 0; i < C->nsec; i++)
		if (C->sec[i].form == f && C->sec[i].kind != S_GROUP)
			return &C->sec[i];
	return NULL;
}

struct dated {
	const json *rec;
	int day;
	size_t index;
};

static int by_date(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;

	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->index > y->index) - (x->index < y->index);
}

/* The scan of consent record rec (1-based; 0: any). */
static const struct att *scan_att(const struct compose_in *in, size_t rec)
{
	size_t i;

	if (in->omit_attachments)
		return NULL;
	for (i = 0; i < in->natts; i++)
		if (in->atts[i].consent_scan && in->atts[i].shared && (!rec || in->atts[i].consent_record == rec))
			return &in->atts[i];
	return NULL;
}

static bool doc_present(const struct compose_in *in, const char *id)
{
	struct check_input ci = { in->rs, in->fs, in->c, in->route->id, casus_region(in->c), in->today, NULL };

	return rules_doc_present(&ci, id);
}

/* A "meervoud" form: a group heading, then its records by date ("rollen": datum), each a section. */
static void plan_records(struct comp *C, const struct form *f, const json *v)
{
	const struct field *df = form_role(f, ROLE_RECORD_DATE);
	struct dated *d = xcalloc(json_len(v) + 1, sizeof(*d));
	const json *it;
	size_t n = 0, k, group = C->nsec;
	struct buf t = BUF_INIT;
	struct section *g = add_section(C, f->title, 0, S_GROUP);

	g->form = f;
	for (it = json_first(v); it; it = json_next(it)) {
		d[n].rec = it;
		d[n].index = n;
		if (!df || !date_parse_iso(json_get_str(it, df->key), &d[n].day))
			d[n].day = 1 << 30;
		n++;
	}
	qsort(d, n, sizeof(*d), by_date);
	for (k = 0; k < n; k++) {
		struct section *s;

		buf_reset(&t);
		buf_addf(&t, "%s %zu", f->item_title ? f->item_title : f->title, k + 1);
		if (d[k].day != 1 << 30) {
			buf_adds(&t, " – ");
			date_fmt_weekday(&t, d[k].day);
		}
		s = add_section(C, t.s, 1, S_FORM);
		s->form = f;
		s->record = d[k].rec;
		s->index = k + 1;
		if (f->layout->kind == LAYOUT_CONSENT && scan_att(C->in, d[k].index + 1)) {
			/* each consent record is followed by its own signed scan */
			buf_reset(&t);
			word_of(C, W_CONSENT_SCAN_TITLE, NULL, &t);
			add_section(C, t.s, 2, S_SCAN)->att = scan_att(C->in, d[k].index + 1);
		}
	}
	/* the group heading opens the first record (by index: the array moves) */
	if (n) /* the first record follows the group (a consent's scan may follow each record) */
		C->sec[group].anchor = C->sec[group + 1].anchor;
	free(d);
	buf_release(&t);
}

static void plan_attachments(struct comp *C)
{
	const struct compose_in *in = C->in;
	const struct form *af = form_with_layout(C, LAYOUT_ATTACHMENTS);
	struct buf t = BUF_INIT;
	size_t i, n = 0;

	if (!af || !value_filled(json_get(in->c->root, af->id)))
		return;
	word_of(C, W_ATTACHMENTS, NULL, &t);
	add_section(C, t.s, 0, S_ATT_HEAD)->form = af;
	for (i = 0; i < in->natts; i++) {
		const struct att *a = &in->atts[i];
		struct section *s;
		char num[24];
		const char *vars[] = { "n", num, "titel", a->title, NULL };

		if (a->consent_scan || !a->shared || in->omit_attachments)
			continue;
		snprintf(num, sizeof(num), "%zu", ++n);
		buf_reset(&t);
		tmpl_expand(&t, word(in->tmpl, W_ATTACHMENT), tmpl_pairs, (void *)vars, NULL);
		s = add_section(C, t.s, 1, S_ATT);
		s->att = a;
		s->index = n;
	}
	buf_release(&t);
}

/* Which sections, in which order: the route's documents, checklist, timeline, attachments. */
static void plan(struct comp *C)
{
	const struct compose_in *in = C->in;
	struct buf t = BUF_INIT;
	size_t i;

	for (i = 0; i < in->route->ndocs; i++) {
		const struct form *f = formset_get(in->fs, in->route->docs[i]);
		const json *v;

		if (!f || f->layout->kind == LAYOUT_COVER || f->layout->kind == LAYOUT_ATTACHMENTS ||
		    !doc_present(in, f->id))
			continue;
		v = json_get(in->c->root, f->id);
		if (f->repeated) {
			plan_records(C, f, v);
		} else {
			struct section *s = add_section(C, f->title, 0, S_FORM);

			s->form = f;
			s->record = v;
			if (f->layout->kind == LAYOUT_CONSENT && scan_att(in, 0)) {
				word_of(C, W_CONSENT_SCAN_TITLE, NULL, &t);
				add_section(C, t.s, 1, S_SCAN)->att = scan_att(in, 0);
			}
		}
	}
	word_of(C, W_CHECKLIST, NULL, &t);
	add_section(C, t.s, 0, S_CHECKLIST);
	word_of(C, W_TIMELINE, NULL, &t);
	add_section(C, t.s, 0, S_TIMELINE);
	if (absence_page_wanted(C)) {
		word_of(C, W_AB_TITLE, NULL, &t);
		add_section(C, t.s, 0, S_ABSENCE);
	}
	plan_attachments(C);
	buf_release(&t);
}

static void print_contents(struct comp *C)
{
	struct buf t = BUF_INIT;
	size_t i;

	flow_new_page(&C->f);
	place_anchor(C, C->toc_anchor);
	word_of(C, W_CONTENTS, NULL, &t);
	flow_title(&C->f, t.s);
	for (i = 0; i < C->nsec; i++) {
		const struct section *s = &C->sec[i];

		prep(C, s->title, &t);
		if (s->level == 0 && i)
			flow_space(&C->f, 4);
		flow_toc_line(&C->f, t.s, s->level, s->anchor, s->level == 0);
	}
	buf_release(&t);
}

/* ---- the whole dossier ------------------------------------------------------------ */

typedef void (*printer_fn)(struct comp *C, const struct section *s);

/* A printer per layout (layouts.h); the cover is printed before the contents. */
static const printer_fn printers[LAYOUT_COUNT] = {
	[LAYOUT_FIELDS] = print_form_section,
	[LAYOUT_COVER] = print_form_section,
	[LAYOUT_QUOTE] = print_quote,
	[LAYOUT_CONSENT] = print_consent,
	[LAYOUT_ATTACHMENTS] = print_form_section,
};

static void print_section(struct comp *C, const struct section *s)
{
	switch (s->kind) {
	case S_FORM:
		printers[s->form->layout->kind](C, s);
		break;
	case S_GROUP:
		break; /* its anchor is the first record's */
	case S_SCAN:
	case S_ATT:
		print_attachment(C, s);
		break;
	case S_CHECKLIST:
		print_checklist(C, s);
		break;
	case S_TIMELINE:
		print_timeline(C, s);
		break;
	case S_ABSENCE:
		print_absence(C, s);
		break;
	case S_ATT_HEAD:
		print_attachments_head(C, s);
		break;
	}
}

int compose_dossier(const struct compose_in *in, struct ldoc *doc, struct err *e)
{
	struct comp C;
	const struct form *cover;
	size_t i;
	struct buf t = BUF_INIT;

	(void)e;
	memset(&C, 0, sizeof(C));
	C.in = in;
	C.doc = doc;
	C.env.root = in->c->root;
	C.env.route = in->route->id;
	C.env.region = casus_region(in->c);
	flow_init(&C.f, doc, &in->tmpl->theme, in->m);
	if (in->anonymous)
		C.anon = anon_build(in->fs, in->c->root);
	/* anchors: cover and contents first, then the planned sections */
	C.cover_anchor = ldoc_new_anchor(doc);
	C.toc_anchor = ldoc_new_anchor(doc);
	cover = form_with_layout(&C, LAYOUT_COVER);
	plan(&C);
	if (cover) {
		prep(&C, cover->title, &t);
		ldoc_outline(doc, t.s, 0, C.cover_anchor);
	}
	word_of(&C, W_CONTENTS, NULL, &t);
	ldoc_outline(doc, t.s, 0, C.toc_anchor);
	for (i = 0; i < C.nsec; i++) {
		prep(&C, C.sec[i].title, &t);
		ldoc_outline(doc, t.s, C.sec[i].level, C.sec[i].anchor);
	}
	flow_new_page(&C.f);
	place_anchor(&C, C.cover_anchor);
	if (cover)
		print_cover(&C, cover);
	print_contents(&C);
	for (i = 0; i < C.nsec; i++)
		print_section(&C, &C.sec[i]);
	anon_free(C.anon);
	for (i = 0; i < C.nsec; i++)
		free(C.sec[i].title);
	free(C.sec);
	buf_release(&t);
	return 0;
}
