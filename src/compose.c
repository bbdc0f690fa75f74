/*
 * compose.c - from case to laid-out document (see compose.h).
 *
 * Every text that goes into the PDF passes through put(): it fills in
 * names, anonymises when asked, and removes characters the fonts cannot
 * show, so no path around it exists. Sections get their anchors reserved
 * before the contents page is laid out, so the contents, the checklist
 * and the bookmarks can point at pages that do not exist yet; the page
 * numbers are filled in when the pages are drawn.
 */
#include "compose.h"
#include "buf.h"
#include "casus.h"
#include "date.h"
#include "fileio.h"
#include "err.h"
#include "expr.h"
#include "field.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "money.h"
#include "path.h"
#include "profile.h"
#include "rules.h"
#include "template.h"
#include "timeline.h"
#include "tmpl.h"
#include "utf8.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct repl {
	char *from, *to;
};

struct section {
	char *title;
	int level;
	int anchor;
	const char *form;     /* form id, or NULL */
	const json *record;   /* for repeated forms */
	size_t index;         /* 1-based number within the form; S_ATT: the attachment number */
	const struct att *att;
	int kind;             /* S_* */
};

enum { S_FORM, S_CHECKLIST, S_TIMELINE, S_ATT_HEAD, S_ATT, S_SCAN };

struct comp {
	const struct compose_in *in;
	struct ldoc *doc;
	struct flow f;
	struct repl *repl;
	size_t nrepl, rcap;
	struct section *sec;
	size_t nsec, scap;
	struct expr_env env;
	int cover_anchor, toc_anchor;
};

/* ---- text in ------------------------------------------------------------ */

static bool is_letter_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Replace personal names (longest first, whole words only). */
static void anonymise(const struct comp *C, const char *s, struct buf *out)
{
	size_t len = strlen(s), i = 0, k;

	while (i < len) {
		bool done = false;

		if (i == 0 || !is_letter_byte((unsigned char)s[i - 1])) {
			for (k = 0; k < C->nrepl && !done; k++) {
				size_t fl = strlen(C->repl[k].from);

				if (fl && i + fl <= len && !memcmp(s + i, C->repl[k].from, fl) &&
				    (i + fl == len || !is_letter_byte((unsigned char)s[i + fl]))) {
					buf_adds(out, C->repl[k].to);
					i += fl;
					done = true;
				}
			}
		}
		if (!done)
			buf_addch(out, s[i++]);
	}
}

/* Append text as it must appear in the PDF. */
static void put(const struct comp *C, const char *s, struct buf *out)
{
	struct buf a = BUF_INIT;

	if (C->in->anonymous && C->nrepl) {
		anonymise(C, s, &a);
		s = a.s;
	}
	C->in->m->clean(C->in->m->ctx, s, out);
	buf_release(&a);
}

/* A scratch copy of text prepared by put(); caller releases. */
static void prep(const struct comp *C, const char *s, struct buf *b)
{
	buf_reset(b);
	put(C, s ? s : "", b);
}

/* ---- names and values in data-file texts ---------------------------------- */

struct expand_ctx {
	const struct compose_in *in;
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

/* Format a stored value for print: long dates, money, choices... */
static void format_value(const struct compose_in *in, const struct field *f, const json *v, bool long_date,
			 struct buf *out)
{
	int d;

	if (!f || !value_filled(v))
		return;
	if (in->anonymous && f->privacy == PRIV_OMIT)
		return;
	if (f->type->kind == FT_DATUM && long_date && date_parse_iso(json_str(v), &d)) {
		date_fmt_long(out, d);
		return;
	}
	f->type->format(f, v, out);
}

static void parents_line(const struct compose_in *in, struct buf *out)
{
	const json *it;
	const struct field *rel = def_of(in, "casus.ouders.relatie");

	for (it = json_first(json_get(json_get(in->c->root, "casus"), "ouders")); it; it = json_next(it)) {
		const char *name = json_get_str(it, "naam");

		if (!name || !*name)
			continue;
		if (out->len)
			buf_adds(out, "; ");
		buf_adds(out, name);
		buf_adds(out, " (");
		format_value(in, rel, json_get(it, "relatie"), false, out);
		buf_adds(out, json_bool(json_get(it, "gezag")) ? ", gezag)" : ", geen gezag)");
	}
}

static const char *expand_lookup(void *ctx, const char *name, size_t len)
{
	struct expand_ctx *X = ctx;
	const struct compose_in *in = X->in;
	struct buf *b = &X->scratch[X->next++ % 4];
	char *key = xstrndup(name, len), *mod = strchr(key, ':');
	const char *r = NULL;

	buf_reset(b);
	if (mod)
		*mod++ = '\0';
	if (!strcmp(key, "kenmerk")) {
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
			const json *v = path_get(in->c->root, &p);
			const struct field *f = def_of(in, key);

			if (mod && !strcmp(mod, "ouders")) {
				parents_line(in, b);
			} else if (mod && !strcmp(mod, "leeftijd")) {
				int d;

				if (date_parse_iso(json_str(v), &d) && !(in->anonymous && f && f->privacy == PRIV_OMIT))
					buf_addf(b, "%d", date_age(d, in->today));
			} else {
				format_value(in, f, v, mod && !strcmp(mod, "lang"), b);
			}
			path_release(&p);
			r = b->s;
		}
		buf_release(&msg);
	}
	free(key);
	return r;
}

void compose_expand(const struct compose_in *in, const char *text, struct buf *out)
{
	struct expand_ctx X = { in, { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT }, 0 };
	int i;

	tmpl_expand(out, text, expand_lookup, &X, NULL);
	for (i = 0; i < 4; i++)
		buf_release(&X.scratch[i]);
}

/* Expand, then prepare for print. */
static void text_of(const struct comp *C, const char *tmpl_text, struct buf *out)
{
	struct buf x = BUF_INIT;

	compose_expand(C->in, tmpl_text, &x);
	buf_reset(out);
	put(C, x.s, out);
	buf_release(&x);
}

static const char *print_text(const struct form *f, const char *key)
{
	return f ? json_get_str(f->print, key) : NULL;
}

/* ---- anonymisation list --------------------------------------------------- */

static void add_repl(struct comp *C, const char *from, const char *to)
{
	size_t i;

	if (!from || strlen(from) < 2)
		return;
	for (i = 0; i < C->nrepl; i++)
		if (!strcmp(C->repl[i].from, from))
			return;
	ARRAY_GROW(C->repl, C->nrepl, C->rcap);
	C->repl[C->nrepl].from = xstrdup(from);
	C->repl[C->nrepl].to = xstrdup(to);
	C->nrepl++;
}

/* "Eline Ünal-de Jonge" -> "E.Ü.J." (lower-case particles skipped) */
static void initials(const char *name, struct buf *out)
{
	const char *p = name;

	while (*p) {
		uint32_t cp;
		size_t n;

		while (*p == ' ' || *p == '-')
			p++;
		if (!*p)
			break;
		n = utf8_decode(p, strlen(p), &cp);
		if (!n)
			n = 1;
		if (!(cp >= 'a' && cp <= 'z')) {
			buf_add(out, p, n);
			buf_addch(out, '.');
		}
		while (*p && *p != ' ' && *p != '-')
			p++;
	}
	if (!out->len)
		buf_adds(out, "X.");
}

static void collect_names(struct comp *C, const struct field *def, const json *v)
{
	const json *it;
	size_t i;

	if (!v)
		return;
	if (def->type->kind == FT_GROEP) {
		for (i = 0; i < def->nsub; i++)
			collect_names(C, &def->sub[i], json_get(v, def->sub[i].key));
		return;
	}
	if (def->type->kind == FT_LIJST) {
		for (it = json_first(v); it; it = json_next(it))
			for (i = 0; i < def->nsub; i++)
				collect_names(C, &def->sub[i], json_get(it, def->sub[i].key));
		return;
	}
	if (def->privacy == PRIV_INITIALS && json_is_string(v)) {
		struct buf ini = BUF_INIT, part = BUF_INIT;
		const char *p = json_str(v);

		initials(p, &ini);
		add_repl(C, p, ini.s);
		/* every capitalised part on its own too: "Zoë", "Ünal" */
		while (*p) {
			const char *q = p;

			while (*q && *q != ' ' && *q != '-')
				q++;
			buf_reset(&part);
			buf_add(&part, p, (size_t)(q - p));
			if (utf8_length(part.s, part.len) >= 3 && !(part.s[0] >= 'a' && part.s[0] <= 'z')) {
				buf_reset(&ini);
				initials(part.s, &ini);
				add_repl(C, part.s, ini.s);
			}
			p = *q ? q + 1 : q;
		}
		buf_release(&ini);
		buf_release(&part);
	} else if (def->privacy == PRIV_OMIT && value_filled(v)) {
		struct buf s = BUF_INIT;
		int d;

		if (def->type->kind == FT_DATUM && date_parse_iso(json_str(v), &d)) {
			date_fmt_long(&s, d);
			add_repl(C, s.s, "[weggelaten]");
			buf_reset(&s);
			date_fmt_short(&s, d);
			add_repl(C, s.s, "[weggelaten]");
			buf_reset(&s);
			date_fmt_iso(&s, d);
			add_repl(C, s.s, "[weggelaten]");
		} else if (json_is_string(v)) {
			add_repl(C, json_str(v), "[weggelaten]");
		}
		buf_release(&s);
	}
}

static int by_length(const void *a, const void *b)
{
	size_t la = strlen(((const struct repl *)a)->from), lb = strlen(((const struct repl *)b)->from);

	return (la < lb) - (la > lb);
}

static void build_repl(struct comp *C)
{
	size_t i;

	for (i = 0; i < C->in->fs->n; i++) {
		const struct form *f = &C->in->fs->forms[i];

		collect_names(C, &f->root, json_get(C->in->c->root, f->id));
	}
	if (C->nrepl > 1)
		qsort(C->repl, C->nrepl, sizeof(*C->repl), by_length);
}

/* ---- sections ------------------------------------------------------------- */

static struct section *add_section(struct comp *C, const char *title, int level, int kind)
{
	struct section *s;

	ARRAY_GROW(C->sec, C->nsec, C->scap);
	s = &C->sec[C->nsec++];
	memset(s, 0, sizeof(*s));
	s->title = xstrdup(title);
	s->level = level;
	s->kind = kind;
	/* reserve the anchor now; it is placed when the section starts */
	ARRAY_GROW(C->doc->anchors, C->doc->nanchors, C->doc->acap);
	C->doc->anchors[C->doc->nanchors].page = 0;
	C->doc->anchors[C->doc->nanchors].y = 0;
	s->anchor = (int)C->doc->nanchors++;
	return s;
}

static void place_anchor(struct comp *C, int anchor)
{
	size_t page = flow_page(&C->f);

	C->doc->anchors[anchor].page = page;
	C->doc->anchors[anchor].y = C->f.y;
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
		if (in->atts[i].consent_scan && (!rec || in->atts[i].consent_record == rec))
			return &in->atts[i];
	return NULL;
}

static bool doc_present(const struct compose_in *in, const char *id)
{
	struct check_input ci = { in->rs, in->fs, in->c, in->route->id, casus_region(in->c), in->today, NULL };

	return rules_doc_present(&ci, id);
}

static void plan(struct comp *C)
{
	const struct compose_in *in = C->in;
	struct buf t = BUF_INIT;
	size_t i, k;

	for (i = 0; i < in->route->ndocs; i++) {
		const char *id = in->route->docs[i];
		const struct form *f = formset_get(in->fs, id);
		const json *v = json_get(in->c->root, id);

		if (!strcmp(id, "voorblad") || !f || !doc_present(in, id))
			continue;
		if (f->repeated) {
			struct dated *d = xcalloc(json_len(v) + 1, sizeof(*d));
			const json *it;
			size_t n = 0;
			size_t parent = C->nsec;

			add_section(C, f->title, 0, S_FORM); /* a heading for the group: no form */
			for (it = json_first(v); it; it = json_next(it)) {
				d[n].rec = it;
				d[n].index = n;
				if (!date_parse_iso(json_get_str(it, "datum"), &d[n].day))
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
				s->form = id;
				s->record = d[k].rec;
				s->index = k + 1;
				if (!strcmp(id, "toestemming") && scan_att(in, d[k].index + 1)) {
					struct section *sc = add_section(C, "Ondertekende toestemming (scan)", 2, S_SCAN);

					sc->att = scan_att(in, d[k].index + 1);
				}
			}
			/* the group heading opens the first report (indexes: the array moves) */
			C->sec[parent].anchor = C->sec[C->nsec - n].anchor;
			free(d);
		} else {
			struct section *s = add_section(C, f->title, 0, S_FORM);

			s->form = id;
			s->record = v;
			if (!strcmp(id, "toestemming") && scan_att(in, 0)) {
				struct section *sc = add_section(C, "Ondertekende toestemming (scan)", 1, S_SCAN);

				sc->att = scan_att(in, 0);
			}
		}
	}
	buf_reset(&t);
	text_of(C, tmpl_text(in->tmpl, "teksten", "controle", "Volledigheid"), &t);
	add_section(C, t.s, 0, S_CHECKLIST);
	text_of(C, tmpl_text(in->tmpl, "teksten", "tijdlijn", "Tijdlijn"), &t);
	add_section(C, t.s, 0, S_TIMELINE);
	{
		size_t n = 0, head = 0;
		bool have_head = false;

		for (i = 0; i < in->natts; i++) {
			const struct att *a = &in->atts[i];
			struct section *s;
			const char *vars[] = { "n", NULL, "titel", NULL, NULL };
			char num[16];

			if (a->consent_scan || !a->shared || in->omit_attachments)
				continue;
			if (!have_head) {
				text_of(C, tmpl_text(in->tmpl, "teksten", "bijlagen", "Bijlagen"), &t);
				head = C->nsec;
				add_section(C, t.s, 0, S_ATT_HEAD);
				have_head = true;
			}
			snprintf(num, sizeof(num), "%zu", ++n);
			vars[1] = num;
			vars[3] = a->title;
			buf_reset(&t);
			tmpl_expand(&t, tmpl_text(in->tmpl, "teksten", "bijlage", "Bijlage {n}: {titel}"), tmpl_pairs,
				    (void *)vars, NULL);
			s = add_section(C, t.s, 1, S_ATT);
			s->att = a;
			s->index = n;
			if (n == 1)
				C->sec[head].anchor = s->anchor;
		}
	}
	buf_release(&t);
}

/* ---- generic form printing -------------------------------------------------- */

struct kv {
	char **label, **value;
	size_t n, cap;
};

static void kv_add(struct kv *t, const char *label, const char *value)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->label = xrealloc(t->label, t->cap * sizeof(char *));
		t->value = xrealloc(t->value, t->cap * sizeof(char *));
	}
	t->label[t->n] = xstrdup(label);
	t->value[t->n] = xstrdup(value);
	t->n++;
}

/* Label / value rows as a table with a shaded label column; empties t. */
static void kv_to_flow(struct flow *f, struct kv *t)
{
	static const double colw[] = { 0.3, 0.7 };
	struct trow *rows;
	struct tcell *cells;
	size_t i;

	if (!t->n)
		return;
	rows = xcalloc(t->n, sizeof(*rows));
	cells = xcalloc(t->n * 2, sizeof(*cells));
	for (i = 0; i < t->n; i++) {
		cells[i * 2].text = t->label[i];
		cells[i * 2].page_ref = -1;
		cells[i * 2 + 1].text = t->value[i];
		cells[i * 2 + 1].page_ref = -1;
		rows[i].cells = &cells[i * 2];
		rows[i].ncells = 2;
	}
	{
		struct table tb = { colw, 2, NULL, rows, t->n, true, 0, 0 };

		flow_table(f, &tb);
	}
	for (i = 0; i < t->n; i++) {
		free(t->label[i]);
		free(t->value[i]);
	}
	t->n = 0;
	free(rows);
	free(cells);
}

static void kv_flush(struct comp *C, struct kv *t)
{
	kv_to_flow(&C->f, t);
}

static void kv_release(struct kv *t)
{
	free(t->label);
	free(t->value);
	memset(t, 0, sizeof(*t));
}

/* Label with a capital first letter ("adviseur SPPOH" -> "Adviseur SPPOH"). */
static void label_text(const struct comp *C, const char *label, struct buf *out)
{
	buf_reset(out);
	put(C, label, out);
	if (out->len && out->s[0] >= 'a' && out->s[0] <= 'z')
		out->s[0] = (char)(out->s[0] - 32);
}

static bool is_short(const struct field *f)
{
	return f->type->kind != FT_TEKST && !field_is_container(f);
}

static void list_table(struct comp *C, const struct field *f, const json *v)
{
	const struct field *cols[8];
	size_t ncols = 0, i, r = 0;
	struct trow head, *rows;
	struct tcell *cells;
	struct buf *texts;
	const json *it;
	size_t nrows = json_len(v), ntexts;

	if (f->ncolumns) {
		for (i = 0; i < f->ncolumns && ncols < 7; i++)
			if (!(C->in->anonymous && field_sub(f, f->columns[i])->privacy == PRIV_OMIT))
				cols[ncols++] = field_sub(f, f->columns[i]);
	} else {
		for (i = 0; i < f->nsub && ncols < 4; i++)
			if (is_short(&f->sub[i]) && !(C->in->anonymous && f->sub[i].privacy == PRIV_OMIT))
				cols[ncols++] = &f->sub[i];
	}
	if (!ncols)
		return;
	ntexts = (nrows + 1) * (ncols + 1);
	texts = buf_array(ntexts);
	cells = xcalloc(ntexts, sizeof(*cells));
	rows = xcalloc(nrows ? nrows : 1, sizeof(*rows));
	for (i = 0; i < ncols; i++) {
		label_text(C, cols[i]->label, &texts[i + 1]);
		cells[i + 1].text = texts[i + 1].s;
		cells[i + 1].font = FONT_BOLD;
		cells[i + 1].page_ref = -1;
	}
	buf_adds(&texts[0], "Nr.");
	cells[0].text = texts[0].s;
	cells[0].page_ref = -1;
	head.cells = cells;
	head.ncells = ncols + 1;
	head.kind = ROW_HEADER;
	for (it = json_first(v); it; it = json_next(it), r++) {
		size_t base = (r + 1) * (ncols + 1);

		buf_addf(&texts[base], "%zu", r + 1);
		cells[base].text = texts[base].s;
		cells[base].page_ref = -1;
		for (i = 0; i < ncols; i++) {
			struct buf raw = BUF_INIT;
			enum ftype_kind k = cols[i]->type->kind;

			format_value(C->in, cols[i], json_get(it, cols[i]->key), false, &raw);
			put(C, raw.s, &texts[base + i + 1]);
			buf_release(&raw);
			cells[base + i + 1].text = texts[base + i + 1].s;
			cells[base + i + 1].page_ref = -1;
			cells[base + i + 1].align = (k == FT_BEDRAG || k == FT_GETAL) ? AL_RIGHT : AL_LEFT;
		}
		rows[r].cells = &cells[base];
		rows[r].ncells = ncols + 1;
		rows[r].kind = ROW_NORMAL;
	}
	{
		struct table tb = { NULL, ncols + 1, &head, rows, nrows, false, 0, 0 };

		flow_table(&C->f, &tb);
	}
	for (i = 0; i < ntexts; i++)
		buf_release(&texts[i]);
	free(texts);
	free(cells);
	free(rows);
}

static void print_fields(struct comp *C, const struct field *def, const json *rec, int depth);

static void print_field(struct comp *C, const struct field *f, const json *v, struct kv *kv, int depth)
{
	struct buf label = BUF_INIT, val = BUF_INIT, raw = BUF_INIT;

	label_text(C, f->label, &label);
	if (is_short(f)) {
		if (C->in->anonymous && f->privacy == PRIV_OMIT)
			goto out;
		if (!value_filled(v)) {
			if (f->required)
				kv_add(kv, label.s, "—");
			goto out;
		}
		if (f->type->kind == FT_BESTAND) {
			buf_adds(&raw, "zie bijlage");
		} else {
			format_value(C->in, f, v, true, &raw);
		}
		put(C, raw.s, &val);
		kv_add(kv, label.s, val.s);
		goto out;
	}
	kv_flush(C, kv);
	if (!value_filled(v)) {
		if (!f->required)
			goto out;
		flow_heading(&C->f, label.s, depth <= 0 ? 1 : 2);
		flow_note(&C->f, "(niet ingevuld)");
		goto out;
	}
	flow_heading(&C->f, label.s, depth <= 0 ? 1 : 2);
	if (f->type->kind == FT_TEKST) {
		put(C, json_str(v), &val);
		if (f->boxed)
			flow_box(&C->f, val.s, true);
		else
			flow_text(&C->f, val.s);
	} else if (f->type->kind == FT_LIJST) {
		list_table(C, f, v);
	} else {
		print_fields(C, f, v, depth + 1);
	}
out:
	buf_release(&label);
	buf_release(&val);
	buf_release(&raw);
}

static void insert_block(struct comp *C, const char *what);

static void print_fields(struct comp *C, const struct field *def, const json *rec, int depth)
{
	const json *saved = C->env.record;
	const struct form *form = def->form;
	const json *inserts = form && form->print ? json_get(form->print, "invoegen") : NULL;
	struct kv kv = { 0 };
	size_t i;

	C->env.record = rec;
	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];
		const char *after;

		if (!field_applies(f, &C->env))
			continue;
		print_field(C, f, json_get(rec, f->key), &kv, depth);
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

/* ---- special layouts ------------------------------------------------------- */

static void section_title(struct comp *C, const struct section *s, const char *title)
{
	struct buf t = BUF_INIT;
	const struct form *f = s->form ? formset_get(C->in->fs, s->form) : NULL;
	const json *np = f ? json_get(f->print, "nieuwe_pagina") : NULL;

	/* short forms may follow on the same page ("nieuwe_pagina": false) */
	if (json_is_bool(np) && !json_bool(np) && C->f.page_open) {
		flow_space(&C->f, 18);
		flow_need(&C->f, 160);
	} else {
		flow_new_page(&C->f);
	}
	place_anchor(C, s->anchor);
	prep(C, title ? title : s->title, &t);
	flow_title(&C->f, t.s);
	buf_release(&t);
}

static void timeline_table(struct comp *C, bool with_phase)
{
	const struct timeline *tl = C->in->tl;
	static const double w4[] = { 0.18, 0.08, 0.5, 0.24 };
	size_t n = tl->n + 1, i, r = 0;
	struct trow head, *rows = xcalloc(n, sizeof(*rows));
	struct tcell *cells = xcalloc((n + 1) * 4, sizeof(*cells));
	struct buf *texts = buf_array((n + 1) * 4);
	static const char *const hd[] = { "Datum", "Week", "Gebeurtenis", "Fase" };
	bool today_done = false;
	size_t ncols = with_phase ? 4 : 3;

	for (i = 0; i < ncols; i++) {
		buf_adds(&texts[i], hd[i]);
		cells[i].text = texts[i].s;
		cells[i].page_ref = -1;
	}
	head.cells = cells;
	head.ncells = ncols;
	head.kind = ROW_HEADER;
	for (i = 0; i <= tl->n; i++) {
		const struct tl_event *ev = i < tl->n ? &tl->v[i] : NULL;
		int day, week;
		const char *label;
		struct buf lab = BUF_INIT;
		size_t base;
		const struct tl_phase *ph;
		bool is_today = false;

		if (!today_done && (!ev || ev->day > tl->today)) {
			day = tl->today;
			week = tl->today_week;
			label = "vandaag (dossier gemaakt)";
			today_done = true;
			is_today = true;
			i--; /* the event still has to come */
		} else if (ev) {
			day = ev->day;
			week = ev->week;
			buf_adds(&lab, ev->label);
			if (ev->future)
				buf_adds(&lab, " (gepland)");
			label = lab.s;
		} else {
			break;
		}
		base = (r + 1) * 4;
		date_fmt_short(&texts[base], day);
		buf_addf(&texts[base + 1], "%d", week);
		put(C, label, &texts[base + 2]);
		ph = ruleset_phase(C->in->rs, week);
		if (ph && with_phase)
			buf_adds(&texts[base + 3], ph->name);
		cells[base].text = texts[base].s;
		cells[base + 1].text = texts[base + 1].s;
		cells[base + 1].align = AL_RIGHT;
		cells[base + 2].text = texts[base + 2].s;
		cells[base + 3].text = texts[base + 3].s;
		cells[base].font = cells[base + 1].font = cells[base + 2].font = is_today ? FONT_BOLD : FONT_REGULAR;
		cells[base].page_ref = cells[base + 1].page_ref = cells[base + 2].page_ref = cells[base + 3].page_ref = -1;
		rows[r].cells = &cells[base];
		rows[r].ncells = ncols;
		rows[r].kind = ROW_NORMAL;
		r++;
		buf_release(&lab);
		if (r >= n)
			break;
	}
	{
		static const double w3[] = { 0.2, 0.1, 0.7 };
		struct table tb = { with_phase ? w4 : w3, ncols, &head, rows, r, false, 0, 0 };

		flow_table(&C->f, &tb);
	}
	for (i = 0; i < (n + 1) * 4; i++)
		buf_release(&texts[i]);
	free(texts);
	free(cells);
	free(rows);
}

static int64_t line_amount(const json *line);
static const struct section *section_of_form(const struct comp *C, const char *form);

/* The offerte's subtotals and total, with the page where it is. */
static void quote_totals(struct comp *C)
{
	const json *q = json_get(C->in->c->root, "offerte"), *it;
	const struct field *catf = def_of(C->in, "offerte.regels.categorie");
	const struct section *sec = section_of_form(C, "offerte");
	static const double w[] = { 0.6, 0.4 };
	struct trow rows[8];
	struct tcell cells[16];
	struct buf tx[16];
	size_t i, r = 0, nc = catf ? catf->nchoices : 0;
	int64_t total = 0;

	if (!value_filled(q) || nc > 6)
		return;
	for (i = 0; i < sizeof(tx) / sizeof(tx[0]); i++)
		buf_init(&tx[i], 0);
	memset(cells, 0, sizeof(cells));
	for (i = 0; i < nc; i++) {
		int64_t sum = 0;

		for (it = json_first(json_get(q, "regels")); it; it = json_next(it))
			if (json_get_str(it, "categorie") && !strcmp(json_get_str(it, "categorie"), catf->choices[i].key))
				sum += line_amount(it);
		total += sum;
		buf_addf(&tx[r * 2], "Subtotaal %s", catf->choices[i].label);
		money_fmt(&tx[r * 2 + 1], sum, true);
		r++;
	}
	buf_adds(&tx[r * 2], "Totaal");
	money_fmt(&tx[r * 2 + 1], total, true);
	r++;
	for (i = 0; i < r; i++) {
		cells[i * 2].text = tx[i * 2].s;
		cells[i * 2].page_ref = -1;
		cells[i * 2 + 1].text = tx[i * 2 + 1].s;
		cells[i * 2 + 1].page_ref = -1;
		cells[i * 2 + 1].align = AL_RIGHT;
		rows[i].cells = &cells[i * 2];
		rows[i].ncells = 2;
		rows[i].kind = i + 1 == r ? ROW_TOTAL : ROW_NORMAL;
	}
	flow_heading(&C->f, "Kosten volgens de uitgesplitste offerte", 2);
	{
		struct table tb = { w, 2, NULL, rows, r, true, 0.6, 0 };

		flow_table(&C->f, &tb);
	}
	if (sec) {
		struct tcell ref[2];
		struct trow rr;
		static const double w2[] = { 0.8, 0.2 };

		memset(ref, 0, sizeof(ref));
		ref[0].text = "De hele offerte staat op pagina";
		ref[0].page_ref = -1;
		ref[1].page_ref = sec->anchor;
		ref[1].align = AL_RIGHT;
		ref[1].text = "";
		rr.cells = ref;
		rr.ncells = 2;
		rr.kind = ROW_NORMAL;
		{
			struct table tb = { w2, 2, NULL, &rr, 1, false, 0.6, C->in->tmpl->theme.small };

			flow_table(&C->f, &tb);
		}
	}
	for (i = 0; i < 16; i++)
		buf_release(&tx[i]);
}

/* Generated blocks a form can ask for after one of its fields ("invoegen"). */
static void insert_block(struct comp *C, const char *what)
{
	if (!strcmp(what, "tijdlijn") && C->in->tl->has_start) {
		flow_heading(&C->f, "Verloop tot nu toe", 2);
		timeline_table(C, false);
	} else if (!strcmp(what, "offerte_totalen")) {
		quote_totals(C);
	}
}

static void print_form_section(struct comp *C, const struct section *s)
{
	const struct form *f = formset_get(C->in->fs, s->form);

	section_title(C, s, NULL);
	print_fields(C, &f->root, s->record, 0);
}

static void print_cover(struct comp *C)
{
	const struct form *f = formset_get(C->in->fs, "voorblad");
	const json *facts = json_get(f ? f->print : NULL, "feiten"), *it;
	const json *vb = json_get(C->in->c->root, "voorblad");
	const json *sub = json_get(f ? f->print : NULL, "ondertitel");
	struct buf t = BUF_INIT, l = BUF_INIT;
	struct kv kv = { 0 };
	size_t i;

	flow_new_page(&C->f);
	place_anchor(C, C->cover_anchor);
	text_of(C, print_text(f, "titel") ? print_text(f, "titel") : "Dossier schoolverzuim", &t);
	flow_title(&C->f, t.s);
	if (json_get_str(sub, C->in->route->id)) {
		text_of(C, json_get_str(sub, C->in->route->id), &t);
		flow_subtitle(&C->f, t.s);
	}
	for (it = json_first(facts); it; it = json_next(it)) {
		const char *lab = json_get_str(it, "label"), *val = json_get_str(it, "waarde");
		struct buf probe = BUF_INIT;

		if (!lab || !val)
			continue;
		/* leave out a fact whose values are all empty (or withheld) */
		{
			const char *p = val;
			bool any = false, vars = false;

			while ((p = strchr(p, '{'))) {
				const char *close = strchr(p, '}');
				struct buf one = BUF_INIT;
				struct buf name = BUF_INIT;

				if (!close)
					break;
				buf_add(&name, p, (size_t)(close - p + 1));
				compose_expand(C->in, name.s, &one);
				vars = true;
				if (one.len && strcmp(one.s, name.s))
					any = true;
				buf_release(&one);
				buf_release(&name);
				p = close + 1;
			}
			if (vars && !any) {
				buf_release(&probe);
				continue;
			}
		}
		text_of(C, val, &t);
		buf_reset(&probe);
		compose_expand(C->in, lab, &probe);
		label_text(C, probe.s, &l);
		/* "(nu week )" when no start date: tidy empty brackets */
		kv_add(&kv, l.s, t.s);
		buf_release(&probe);
	}
	kv_flush(C, &kv);
	kv_release(&kv);
	for (i = 0; f && i < f->root.nsub; i++) {
		const struct field *fd = &f->root.sub[i];
		const json *v = json_get(vb, fd->key);
		struct buf head = BUF_INIT;

		if (fd->type->kind != FT_TEKST)
			continue;
		if (!strcmp(fd->key, "hoofdvraag") && print_text(f, "kop_hoofdvraag"))
			text_of(C, print_text(f, "kop_hoofdvraag"), &head);
		else if (!strcmp(fd->key, "samenvatting") && print_text(f, "kop_samenvatting"))
			text_of(C, print_text(f, "kop_samenvatting"), &head);
		else
			label_text(C, fd->label, &head);
		flow_heading(&C->f, head.s, 1);
		if (!value_filled(v)) {
			flow_note(&C->f, "(niet ingevuld)");
		} else {
			prep(C, json_str(v), &t);
			if (fd->boxed)
				flow_box(&C->f, t.s, true);
			else
				flow_text(&C->f, t.s);
		}
		buf_release(&head);
	}
	if (print_text(f, "voetnoot")) {
		text_of(C, print_text(f, "voetnoot"), &t);
		flow_space(&C->f, 4);
		flow_note(&C->f, t.s);
	}
	buf_release(&t);
	buf_release(&l);
}

static void print_contents(struct comp *C)
{
	struct buf t = BUF_INIT;
	size_t i;

	flow_new_page(&C->f);
	place_anchor(C, C->toc_anchor);
	text_of(C, tmpl_text(C->in->tmpl, "teksten", "inhoud", "Inhoud"), &t);
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

/* ---- toestemming ------------------------------------------------------------- */

static void consent_lookup_vars(struct comp *C, const json *t, struct buf *who, struct buf *to, struct buf *until)
{
	const struct field *ont = def_of(C->in, "toestemming.ontvangers");
	const json *it;
	size_t n = 0, total = json_len(json_get(t, "ontvangers"));
	int d;

	for (it = json_first(json_get(t, "ontvangers")); it; it = json_next(it), n++) {
		const struct choice *ch = ont ? field_choice(ont, json_str(it)) : NULL;

		if (n)
			buf_adds(to, n + 1 == total ? " en " : ", ");
		buf_adds(to, ch ? ch->label : json_str(it));
	}
	n = 0;
	for (it = json_first(json_get(t, "ondertekenaars")); it; it = json_next(it)) {
		const char *name = json_get_str(it, "naam");

		if (!name)
			continue;
		if (n++)
			buf_adds(who, ", ");
		buf_adds(who, name);
	}
	if (date_parse_iso(json_get_str(t, "geldig_tot"), &d))
		date_fmt_long(until, d);
}

/*
 * One line of a signature block: the form's afdruk.handtekening.<key>
 * text (or `def`) with {nr} {naam} {als} {plaats} {datum} from vars
 * (may be NULL), prepared for print into out.
 */
static void sig_line(const struct comp *C, const struct form *f, const char *key, const char *def, const char **vars,
		     struct buf *out)
{
	const char *text = f ? json_get_str(json_get(f->print, "handtekening"), key) : NULL;
	struct buf x = BUF_INIT;

	if (vars)
		tmpl_expand(&x, text ? text : def, tmpl_pairs, (void *)vars, NULL);
	else
		buf_adds(&x, text ? text : def);
	buf_reset(out);
	prep(C, x.s, out);
	buf_release(&x);
}

static void print_consent(struct comp *C, const struct section *s)
{
	const struct form *f = formset_get(C->in->fs, "toestemming");
	const json *t = s->record, *it, *stmts = json_get(f->print, "verklaringen");
	struct buf who = BUF_INIT, to = BUF_INIT, until = BUF_INIT, x = BUF_INIT, y = BUF_INIT;
	struct buf name = BUF_INIT, born = BUF_INIT, school = BUF_INIT;
	struct sigblock *blocks;
	struct buf *blines;
	size_t nb = 0, i;
	int n = 0;
	const char *vars[20];

	section_title(C, s, print_text(f, "titel"));
	consent_lookup_vars(C, t, &who, &to, &until);
	compose_expand(C->in, "{casus.leerling.voornaam} {casus.leerling.achternaam}", &name);
	compose_expand(C->in, "{casus.leerling.geboortedatum:lang}", &born);
	compose_expand(C->in, "{casus.school.naam}, {casus.school.plaats}", &school);
	i = 0;
	vars[i++] = "ondertekenaars_wie"; vars[i++] = who.s;
	vars[i++] = "leerling"; vars[i++] = name.s;
	vars[i++] = "geboortedatum"; vars[i++] = born.len ? born.s : "(weggelaten)";
	vars[i++] = "school"; vars[i++] = school.s;
	vars[i++] = "ontvangers"; vars[i++] = to.s;
	vars[i++] = "doel"; vars[i++] = json_get_str(t, "doel") ? json_get_str(t, "doel") : "";
	vars[i++] = "geldig_tot"; vars[i++] = until.s;
	vars[i] = NULL;
	if (print_text(f, "inleiding")) {
		buf_reset(&x);
		tmpl_expand(&x, print_text(f, "inleiding"), tmpl_pairs, vars, NULL);
		prep(C, x.s, &y);
		flow_text(&C->f, y.s);
	}
	for (it = json_first(stmts); it; it = json_next(it)) {
		struct span sp;

		buf_reset(&x);
		tmpl_expand(&x, json_str(it) ? json_str(it) : "", tmpl_pairs, vars, NULL);
		prep(C, x.s, &y);
		sp.text = y.s;
		sp.len = y.len;
		sp.font = FONT_REGULAR;
		flow_numbered(&C->f, ++n, &sp, 1);
	}
	if (until.len && print_text(f, "geldigheid")) {
		buf_reset(&x);
		tmpl_expand(&x, print_text(f, "geldigheid"), tmpl_pairs, vars, NULL);
		prep(C, x.s, &y);
		flow_text(&C->f, y.s);
	}
	/* the recorded answers as a table */
	{
		struct kv kv = { 0 };
		const char *keys[] = { "ontvangers", "datum", "plaats", "ouders_oneens", NULL };
		size_t k;

		for (k = 0; keys[k]; k++) {
			const struct field *fd;
			struct buf p = BUF_INIT, lab = BUF_INIT, raw = BUF_INIT, val = BUF_INIT;

			buf_addf(&p, "toestemming.%s", keys[k]);
			fd = def_of(C->in, p.s);
			if (fd && value_filled(json_get(t, keys[k]))) {
				label_text(C, fd->label, &lab);
				format_value(C->in, fd, json_get(t, keys[k]), true, &raw);
				put(C, raw.s, &val);
				kv_add(&kv, lab.s, val.s);
			}
			buf_release(&p);
			buf_release(&lab);
			buf_release(&raw);
			buf_release(&val);
		}
		flow_space(&C->f, 4);
		kv_flush(C, &kv);
		kv_release(&kv);
	}
	{
		const struct field *lf = def_of(C->in, "toestemming.ondertekenaars");

		if (lf) {
			flow_heading(&C->f, "Wie geven toestemming", 2);
			list_table(C, lf, json_get(t, "ondertekenaars"));
		}
	}
	/* signature blocks for wet-ink signing; their words come from the form's "handtekening" texts */
	blocks = xcalloc(json_len(json_get(t, "ondertekenaars")) + 1, sizeof(*blocks));
	blines = buf_array((json_len(json_get(t, "ondertekenaars")) + 1) * 6);
	i = 0;
	for (it = json_first(json_get(t, "ondertekenaars")); it; it = json_next(it)) {
		const char *as = json_get_str(it, "hoedanigheid");
		const struct field *hf = def_of(C->in, "toestemming.ondertekenaars.hoedanigheid");
		const struct choice *ch = hf && as ? field_choice(hf, as) : NULL;
		struct buf *bl = &blines[nb * 6], date = BUF_INIT;
		char nr[24];
		int d;

		snprintf(nr, sizeof(nr), "%zu", nb + 1);
		if (date_parse_iso(json_get_str(it, "datum"), &d))
			date_fmt_short(&date, d);
		{
			const char *sv[] = { "nr", nr, "naam", json_get_str(it, "naam") ? json_get_str(it, "naam") : "",
					       "als", ch ? ch->label : "",
					       "plaats", json_get_str(t, "plaats") ? json_get_str(t, "plaats") : "",
					       "datum", date.s, NULL };
			static const char *const keys[][2] = {
				{ "naam", "Naam: {naam}" }, { "als", "Als: {als}" }, { "plaats", "Plaats: {plaats}" },
				{ "datum", "Datum: {datum}" }, { "handtekening", "Handtekening:" },
			};
			size_t k;

			sig_line(C, f, as && !strcmp(as, "leerling") ? "kop_leerling" : "kop_ouder",
				 as && !strcmp(as, "leerling") ? "Leerling {nr}" : "Ouder / gezaghebbende {nr}", sv, &bl[0]);
			for (k = 0; k < 5; k++) {
				if (k == 3 && !date.len)
					sig_line(C, f, "datum_leeg", "Datum: ____ / ____ / ______", sv, &bl[k + 1]);
				else
					sig_line(C, f, keys[k][0], keys[k][1], sv, &bl[k + 1]);
			}
		}
		blocks[nb].heading = bl[0].s;
		for (d = 0; d < 5; d++)
			blocks[nb].lines[d] = bl[d + 1].s;
		buf_release(&date);
		nb++;
		i++;
	}
	if (nb) {
		sig_line(C, f, "kop", "Handtekeningen", NULL, &y);
		flow_heading(&C->f, y.s, 2);
		flow_signatures(&C->f, blocks, nb);
	}
	if (s + 1 < C->sec + C->nsec && s[1].kind == S_SCAN) {
		buf_reset(&x);
		buf_addf(&x, "De ondertekende verklaring is als scan opgenomen (%s).", s[1].title);
		prep(C, x.s, &y);
		flow_note(&C->f, y.s);
	}
	if (print_text(f, "voetnoot")) {
		text_of(C, print_text(f, "voetnoot"), &y);
		flow_note(&C->f, y.s);
	}
	for (i = 0; i < nb * 6; i++)
		buf_release(&blines[i]);
	free(blines);
	free(blocks);
	buf_release(&who);
	buf_release(&to);
	buf_release(&until);
	buf_release(&x);
	buf_release(&y);
	buf_release(&name);
	buf_release(&born);
	buf_release(&school);
}

/* ---- offerte -------------------------------------------------------------------- */

static int64_t line_amount(const json *line)
{
	double v = json_num(json_get(line, "aantal")) * json_num(json_get(line, "tarief"));

	return v > (double)MONEY_MAX_CENTS ? MONEY_MAX_CENTS : (int64_t)llround(v);
}

struct payer {
	const char *key;
	int64_t sum;
};

static void print_quote(struct comp *C, const struct section *s)
{
	const struct form *f = formset_get(C->in->fs, "offerte");
	const json *q = s->record, *it;
	const json *cats = json_get(f->print, "categorieen");
	const struct field *catf = def_of(C->in, "offerte.regels.categorie");
	const struct field *payf = def_of(C->in, "offerte.regels.betaler");
	const struct field *numf = def_of(C->in, "offerte.regels.aantal");
	static const char *const hd[] = { "Nr.", "Omschrijving", "Wie betaalt", "Aantal", "Tarief", "Bedrag" };
	size_t nlines = json_len(json_get(q, "regels")), maxrows = nlines + 2 * (catf ? catf->nchoices : 2) + 2;
	struct trow head, *rows = xcalloc(maxrows, sizeof(*rows));
	struct tcell *cells = xcalloc((maxrows + 1) * 6, sizeof(*cells));
	struct buf *tx = buf_array((maxrows + 1) * 6);
	struct buf x = BUF_INIT, y = BUF_INIT;
	struct payer payers[8];
	size_t npay = 0, r = 0, c, i, no = 0;
	int64_t total = 0;
	int d1, d2;

	section_title(C, s, print_text(f, "titel"));
	if (print_text(f, "inleiding")) {
		struct buf per = BUF_INIT;
		const char *vars[10];

		if (date_parse_iso(json_get_str(q, "periode_van"), &d1) && date_parse_iso(json_get_str(q, "periode_tot"), &d2)) {
			date_fmt_long(&per, d1);
			buf_adds(&per, " tot en met ");
			date_fmt_long(&per, d2);
		}
		vars[0] = "opgesteld_door";
		vars[1] = json_get_str(q, "opgesteld_door") ? json_get_str(q, "opgesteld_door") : "de aanbieder";
		vars[2] = "periode";
		vars[3] = per.s;
		vars[4] = "aanbieders";
		vars[5] = json_get_str(q, "aanbieders") ? json_get_str(q, "aanbieders") : "";
		vars[6] = NULL;
		tmpl_expand(&x, print_text(f, "inleiding"), tmpl_pairs, vars, NULL);
		prep(C, x.s, &y);
		flow_text(&C->f, y.s);
		buf_release(&per);
	}
	for (c = 0; c < 6; c++) {
		buf_adds(&tx[c], hd[c]);
		cells[c].text = tx[c].s;
		cells[c].page_ref = -1;
		cells[c].align = c >= 3 ? AL_RIGHT : AL_LEFT;
	}
	head.cells = cells;
	head.ncells = 6;
	head.kind = ROW_HEADER;
	for (i = 0; catf && i < catf->nchoices; i++) {
		const char *cat = catf->choices[i].key;
		const char *cat_name = json_get_str(cats, cat) ? json_get_str(cats, cat) : catf->choices[i].label;
		int64_t sub = 0;
		size_t base = (r + 1) * 6;

		/* group row */
		prep(C, cat_name, &tx[base]);
		cells[base].text = tx[base].s;
		cells[base].span = 6;
		cells[base].page_ref = -1;
		rows[r].cells = &cells[base];
		rows[r].ncells = 1;
		rows[r].kind = ROW_GROUP;
		r++;
		for (it = json_first(json_get(q, "regels")); it; it = json_next(it)) {
			int64_t amount;
			const char *pay;
			size_t k;

			if (!json_get_str(it, "categorie") || strcmp(json_get_str(it, "categorie"), cat))
				continue;
			base = (r + 1) * 6;
			amount = line_amount(it);
			sub += amount;
			buf_addf(&tx[base], "%zu", ++no);
			prep(C, json_get_str(it, "omschrijving"), &tx[base + 1]);
			buf_reset(&x);
			format_value(C->in, payf, json_get(it, "betaler"), false, &x);
			prep(C, x.s, &tx[base + 2]);
			buf_reset(&x);
			format_value(C->in, numf, json_get(it, "aantal"), false, &x);
			if (json_get_str(it, "eenheid") && *json_get_str(it, "eenheid"))
				buf_addf(&x, " %s", json_get_str(it, "eenheid")); /* "240 uur" */
			prep(C, x.s, &tx[base + 3]);
			money_fmt(&tx[base + 4], (int64_t)json_num(json_get(it, "tarief")), true);
			money_fmt(&tx[base + 5], amount, true);
			for (k = 0; k < 6; k++) {
				cells[base + k].text = tx[base + k].s;
				cells[base + k].page_ref = -1;
				cells[base + k].align = k >= 3 ? AL_RIGHT : AL_LEFT;
			}
			rows[r].cells = &cells[base];
			rows[r].ncells = 6;
			rows[r].kind = ROW_NORMAL;
			r++;
			pay = json_get_str(it, "betaler");
			for (k = 0; k < npay; k++)
				if (pay && !strcmp(payers[k].key, pay))
					break;
			if (pay && k == npay && npay < 8) {
				payers[npay].key = pay;
				payers[npay].sum = 0;
				npay++;
			}
			if (pay && k < 8)
				payers[k].sum += amount;
		}
		/* subtotal, shown even when zero */
		base = (r + 1) * 6;
		buf_reset(&x);
		tmpl_expand(&x, print_text(f, "subtotaal") ? print_text(f, "subtotaal") : "Subtotaal {categorie}",
			    tmpl_pairs, (void *)(const char *[]){ "categorie", cat_name, NULL }, NULL);
		prep(C, x.s, &tx[base + 1]);
		money_fmt(&tx[base + 5], sub, true);
		cells[base].text = "";
		cells[base].page_ref = -1;
		cells[base + 1].text = tx[base + 1].s;
		cells[base + 1].span = 4;
		cells[base + 1].page_ref = -1;
		cells[base + 2].text = tx[base + 5].s;
		cells[base + 2].align = AL_RIGHT;
		cells[base + 2].page_ref = -1;
		rows[r].cells = &cells[base];
		rows[r].ncells = 3;
		rows[r].kind = ROW_SUBTOTAL;
		r++;
		total += sub;
	}
	{
		size_t base = (r + 1) * 6;

		prep(C, print_text(f, "totaal") ? print_text(f, "totaal") : "Totaal", &tx[base + 1]);
		money_fmt(&tx[base + 5], total, true);
		cells[base].text = "";
		cells[base].page_ref = -1;
		cells[base + 1].text = tx[base + 1].s;
		cells[base + 1].span = 4;
		cells[base + 1].page_ref = -1;
		cells[base + 2].text = tx[base + 5].s;
		cells[base + 2].align = AL_RIGHT;
		cells[base + 2].page_ref = -1;
		rows[r].cells = &cells[base];
		rows[r].ncells = 3;
		rows[r].kind = ROW_TOTAL;
		r++;
	}
	flow_space(&C->f, 4);
	{
		struct table tb = { NULL, 6, &head, rows, r, false, 0, 9 };

		flow_table(&C->f, &tb);
	}
	/* who pays what */
	if (npay && total > 0) {
		static const double pw[] = { 0.5, 0.3, 0.2 };
		struct trow ph, prow[8];
		struct tcell pc[27];
		struct buf pt[27];

		for (i = 0; i < sizeof(pt) / sizeof(pt[0]); i++)
			buf_init(&pt[i], 0);
		memset(pc, 0, sizeof(pc));
		prep(C, print_text(f, "kop_verdeling") ? print_text(f, "kop_verdeling") : "Verdeling", &x);
		flow_heading(&C->f, x.s, 2);
		buf_adds(&pt[0], "Wie betaalt");
		buf_adds(&pt[1], "Bedrag");
		buf_adds(&pt[2], "Aandeel");
		for (c = 0; c < 3; c++) {
			pc[c].text = pt[c].s;
			pc[c].page_ref = -1;
			pc[c].align = c ? AL_RIGHT : AL_LEFT;
		}
		ph.cells = pc;
		ph.ncells = 3;
		ph.kind = ROW_HEADER;
		for (i = 0; i < npay; i++) {
			size_t base = (i + 1) * 3;
			json *key = json_new_string(payers[i].key);

			buf_reset(&x);
			format_value(C->in, payf, key, false, &x);
			json_free(key);
			prep(C, x.s, &pt[base]);
			money_fmt(&pt[base + 1], payers[i].sum, true);
			buf_addf(&pt[base + 2], "%.1f%%", 100.0 * (double)payers[i].sum / (double)total);
			for (c = 0; c < 3; c++) {
				char *dot = strchr(pt[base + 2].s, '.');

				if (dot)
					*dot = ',';
				pc[base + c].text = pt[base + c].s;
				pc[base + c].page_ref = -1;
				pc[base + c].align = c ? AL_RIGHT : AL_LEFT;
			}
			prow[i].cells = &pc[base];
			prow[i].ncells = 3;
			prow[i].kind = ROW_NORMAL;
		}
		{
			struct table tb = { pw, 3, &ph, prow, npay, false, 0.6, 0 };

			flow_table(&C->f, &tb);
		}
		for (c = 0; c < 27; c++)
			buf_release(&pt[c]);
	}
	if (value_filled(json_get(q, "toelichting"))) {
		flow_heading(&C->f, "Toelichting", 2);
		prep(C, json_str(json_get(q, "toelichting")), &x);
		flow_text(&C->f, x.s);
	}
	for (i = 0; i < (maxrows + 1) * 6; i++)
		buf_release(&tx[i]);
	free(tx);
	free(cells);
	free(rows);
	buf_release(&x);
	buf_release(&y);
}

/* ---- checklist and timeline ----------------------------------------------------- */

static const struct section *section_of_form(const struct comp *C, const char *form)
{
	size_t i;

	for (i = 0; i < C->nsec; i++)
		if (C->sec[i].form && !strcmp(C->sec[i].form, form))
			return &C->sec[i];
	return NULL;
}

static bool doc_has_error(const struct comp *C, const char *doc)
{
	size_t i;

	for (i = 0; i < C->in->findings->n; i++)
		if (C->in->findings->v[i].sev == SEV_ERROR && !strcmp(C->in->findings->v[i].document, doc))
			return true;
	return false;
}

static void print_checklist(struct comp *C, const struct section *s)
{
	const struct compose_in *in = C->in;
	size_t max = in->route->ndocs + in->natts + 4, r = 0, i, k;
	struct trow head, *rows = xcalloc(max, sizeof(*rows));
	struct tcell *cells = xcalloc((max + 1) * 3, sizeof(*cells));
	struct buf *tx = buf_array((max + 1) * 3);
	struct buf t = BUF_INIT;
	static const char *const hd[] = { "Onderdeel", "Status", "Pagina" };
	size_t nerr = findings_count(in->findings, SEV_ERROR), nwarn = findings_count(in->findings, SEV_WARNING);

	section_title(C, s, NULL);
	text_of(C, tmpl_text(in->tmpl, "teksten", "controle_uitleg", ""), &t);
	if (t.len)
		flow_text(&C->f, t.s);
	for (i = 0; i < 3; i++) {
		buf_adds(&tx[i], hd[i]);
		cells[i].text = tx[i].s;
		cells[i].page_ref = -1;
	}
	head.cells = cells;
	head.ncells = 3;
	head.kind = ROW_HEADER;
	for (i = 0; i <= in->route->ndocs; i++) {
		const char *id = i == 0 ? "voorblad" : in->route->docs[i - 1];
		const struct form *f = formset_get(in->fs, id);
		const struct section *sec = section_of_form(C, id);
		size_t base = (r + 1) * 3;
		const char *status;
		int ref = -1;

		if (!f || (i > 0 && !strcmp(id, "voorblad")))
			continue;
		if (!strcmp(id, "voorblad")) {
			status = "aanwezig";
			ref = C->cover_anchor;
		} else if (sec) {
			status = "aanwezig";
			ref = sec->anchor;
			/* repeated forms: the group's first report */
			for (k = 0; k < C->nsec; k++)
				if (C->sec[k].form && !strcmp(C->sec[k].form, id)) {
					ref = C->sec[k].anchor;
					break;
				}
		} else if (doc_has_error(C, id)) {
			status = "ontbreekt";
		} else {
			status = "niet nodig";
		}
		prep(C, f->title, &tx[base]);
		buf_adds(&tx[base + 1], status);
		cells[base].text = tx[base].s;
		cells[base + 1].text = tx[base + 1].s;
		cells[base + 1].font = !strcmp(status, "ontbreekt") ? FONT_BOLD : FONT_REGULAR;
		cells[base].page_ref = cells[base + 1].page_ref = -1;
		cells[base + 2].page_ref = ref;
		cells[base + 2].align = AL_RIGHT;
		cells[base + 2].text = "";
		rows[r].cells = &cells[base];
		rows[r].ncells = 3;
		r++;
	}
	for (i = 0; i < in->natts && r < max; i++) {
		const struct att *a = &in->atts[i];
		size_t base = (r + 1) * 3;
		int ref = -1;

		for (k = 0; k < C->nsec; k++)
			if (C->sec[k].att == a)
				ref = C->sec[k].anchor;
		buf_reset(&t);
		buf_addf(&t, "%s: %s", a->consent_scan ? "Scan" : a->kind_label, a->title);
		prep(C, t.s, &tx[base]);
		if (!a->shared)
			buf_adds(&tx[base + 1], "niet opgenomen: geen toestemming");
		else if (in->omit_attachments)
			buf_adds(&tx[base + 1], in->omit_attachments);
		else
			buf_addf(&tx[base + 1], "opgenomen%s", a->is_pdf ? "" : " (scan)");
		if (!a->shared || in->omit_attachments)
			ref = -1;
		cells[base].text = tx[base].s;
		cells[base + 1].text = tx[base + 1].s;
		cells[base].page_ref = cells[base + 1].page_ref = -1;
		cells[base + 2].page_ref = ref;
		cells[base + 2].align = AL_RIGHT;
		cells[base + 2].text = "";
		rows[r].cells = &cells[base];
		rows[r].ncells = 3;
		r++;
	}
	{
		struct table tb = { NULL, 3, &head, rows, r, false, 0, 0 };

		flow_table(&C->f, &tb);
	}
	buf_reset(&t);
	if (!nerr)
		buf_addf(&t, "Het dossier is volledig voor de %s.", in->route->table);
	else
		buf_addf(&t, "Het dossier is nog niet volledig voor de %s: %zu punt%s ontbreekt of klopt niet.",
			 in->route->table, nerr, nerr == 1 ? "" : "en");
	{
		struct buf u = BUF_INIT;

		prep(C, t.s, &u);
		flow_box(&C->f, u.s, true);
		buf_release(&u);
	}
	for (k = 0; k < 2; k++) {
		enum severity sev = k == 0 ? SEV_ERROR : SEV_WARNING;
		int n = 0;

		if (!(k == 0 ? nerr : nwarn))
			continue;
		flow_heading(&C->f, k == 0 ? "Nog niet in orde" : "Aandachtspunten", 2);
		for (i = 0; i < in->findings->n; i++) {
			const struct finding *fd = &in->findings->v[i];
			struct span sp;

			if (fd->sev != sev)
				continue;
			prep(C, fd->message, &t);
			sp.text = t.s;
			sp.len = t.len;
			sp.font = FONT_REGULAR;
			flow_numbered(&C->f, ++n, &sp, 1);
		}
	}
	for (i = 0; i < (max + 1) * 3; i++)
		buf_release(&tx[i]);
	free(tx);
	free(cells);
	free(rows);
	buf_release(&t);
}

static void print_timeline(struct comp *C, const struct section *s)
{
	struct buf t = BUF_INIT;
	size_t i;

	section_title(C, s, NULL);
	text_of(C, tmpl_text(C->in->tmpl, "teksten", "tijdlijn_uitleg", ""), &t);
	if (t.len)
		flow_text(&C->f, t.s);
	if (!C->in->tl->has_start) {
		flow_note(&C->f, "De eerste verzuimdag is niet ingevuld; de weken kunnen niet worden berekend.");
	} else {
		timeline_table(C, true);
	}
	for (i = 0; i < C->in->rs->nphases; i++) {
		const struct tl_phase *ph = &C->in->rs->phases[i];
		struct buf x = BUF_INIT;

		if (ph->to >= 1000)
			buf_addf(&x, "%s (vanaf week %d): %s", ph->name, ph->from, ph->desc ? ph->desc : "");
		else
			buf_addf(&x, "%s (week %d-%d): %s", ph->name, ph->from, ph->to, ph->desc ? ph->desc : "");
		prep(C, x.s, &t);
		flow_note(&C->f, t.s);
		buf_release(&x);
	}
	for (i = 0; i < C->in->findings->n; i++) {
		const struct finding *fd = &C->in->findings->v[i];

		if (strcmp(fd->document, "tijdlijn"))
			continue;
		prep(C, fd->message, &t);
		flow_box(&C->f, t.s, false);
	}
	buf_release(&t);
}

/* ---- attachments ------------------------------------------------------------------ */

static void print_attachment(struct comp *C, const struct section *s)
{
	const struct att *a = s->att;
	struct kv kv = { 0 };
	struct buf t = BUF_INIT, v = BUF_INIT;
	int d;

	section_title(C, s, NULL);
	prep(C, a->consent_scan ? "ondertekend toestemmingsformulier" : a->kind_label, &v);
	kv_add(&kv, "Soort", v.s);
	if (date_parse_iso(a->date, &d)) {
		buf_reset(&t);
		date_fmt_long(&t, d);
		kv_add(&kv, "Datum", t.s);
	}
	prep(C, path_basename(a->stored), &v);
	kv_add(&kv, "Bestand", v.s);
	if (a->is_pdf) {
		buf_reset(&t);
		buf_addf(&t, "%zu", a->npages);
		kv_add(&kv, "Pagina's", t.s);
		kv_flush(C, &kv);
		buf_reset(&t);
		buf_addf(&t, "De volgende %zu pagina%s %s het originele document.", a->npages, a->npages == 1 ? "" : "'s",
			 a->npages == 1 ? "is" : "zijn");
		flow_note(&C->f, t.s);
		ldoc_insert(C->doc, flow_page(&C->f), a->path, a->npages, s->index);
	} else {
		kv_flush(C, &kv);
		flow_image(&C->f, a->path, a->img_w, a->img_h);
	}
	kv_release(&kv);
	buf_release(&t);
	buf_release(&v);
}

/* ---- the whole dossier ------------------------------------------------------------ */

int compose_dossier(const struct compose_in *in, struct ldoc *doc, struct err *e)
{
	struct comp C;
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
		build_repl(&C);
	/* anchors: cover and contents first, then the planned sections */
	ARRAY_GROW(doc->anchors, doc->nanchors, doc->acap);
	C.cover_anchor = (int)doc->nanchors++;
	ARRAY_GROW(doc->anchors, doc->nanchors, doc->acap);
	C.toc_anchor = (int)doc->nanchors++;
	plan(&C);
	{
		const struct form *vb = formset_get(in->fs, "voorblad");

		ldoc_outline(doc, vb ? vb->title : "Voorblad", 0, C.cover_anchor);
		text_of(&C, tmpl_text(in->tmpl, "teksten", "inhoud", "Inhoud"), &t);
		ldoc_outline(doc, t.s, 0, C.toc_anchor);
	}
	for (i = 0; i < C.nsec; i++) {
		prep(&C, C.sec[i].title, &t);
		ldoc_outline(doc, t.s, C.sec[i].level, C.sec[i].anchor);
	}
	print_cover(&C);
	print_contents(&C);
	for (i = 0; i < C.nsec; i++) {
		const struct section *s = &C.sec[i];
		const struct form *f = s->form ? formset_get(in->fs, s->form) : NULL;

		switch (s->kind) {
		case S_FORM:
			if (!f)
				break; /* group heading: its anchor is the first member's */
			if (!strcmp(f->layout, "toestemming"))
				print_consent(&C, s);
			else if (!strcmp(f->layout, "offerte"))
				print_quote(&C, s);
			else
				print_form_section(&C, s);
			break;
		case S_SCAN:
		case S_ATT:
			print_attachment(&C, s);
			break;
		case S_CHECKLIST:
			print_checklist(&C, s);
			break;
		case S_TIMELINE:
			print_timeline(&C, s);
			break;
		default:
			break;
		}
	}
	for (i = 0; i < C.nrepl; i++) {
		free(C.repl[i].from);
		free(C.repl[i].to);
	}
	free(C.repl);
	for (i = 0; i < C.nsec; i++)
		free(C.sec[i].title);
	free(C.sec);
	buf_release(&t);
	return 0;
}

/* ---- the agenda of a meeting ---------------------------------------------- */

static void agenda_put(const struct agenda_in *in, const char *s, struct buf *out)
{
	buf_reset(out);
	in->m->clean(in->m->ctx, s ? s : "", out);
}

void compose_agenda(const struct agenda_in *in, struct ldoc *doc)
{
	struct flow f;
	struct buf t = BUF_INIT;
	struct buf *tx;
	struct tcell *cells, hc[5];
	struct trow *rows, head;
	struct kv kv = { 0 };
	size_t i, r = 0, nrows = in->ncases + 1;
	int *anchor = xcalloc(in->ncases + 1, sizeof(int));
	int agenda_anchor;
	static const char *const hd[] = { "Tijd", "Kenmerk", "Route", "School", "Pagina" };

	flow_init(&f, doc, &in->tmpl->theme, in->m);
	flow_new_page(&f);
	/* page labels: a reader shows "Agenda 1", "Casus 1 (…)", then the dossier's own page numbers */
	ldoc_label(doc, 0, "Agenda ", true);
	agenda_anchor = flow_anchor(&f);
	for (i = 0; i < in->ncases; i++) {
		ARRAY_GROW(doc->anchors, doc->nanchors, doc->acap);
		anchor[i] = (int)doc->nanchors++;
	}
	agenda_put(in, in->title, &t);
	flow_title(&f, t.s);
	ldoc_outline(doc, t.s, 0, agenda_anchor);
	buf_reset(&t);
	date_fmt_weekday(&t, in->day);
	kv_add(&kv, "Datum", t.s);
	if (in->ncases) {
		buf_reset(&t);
		time_fmt(&t, in->cases[0].start);
		buf_adds(&t, " – ");
		time_fmt(&t, in->cases[in->ncases - 1].end);
		kv_add(&kv, "Tijd", t.s);
	}
	if (in->place) {
		struct buf v = BUF_INIT;

		agenda_put(in, in->place, &v);
		kv_add(&kv, "Plaats", v.s);
		buf_release(&v);
	}
	if (in->chair) {
		struct buf v = BUF_INIT;

		agenda_put(in, in->chair, &v);
		kv_add(&kv, "Voorzitter", v.s);
		buf_release(&v);
	}
	{
		char n[16];

		snprintf(n, sizeof(n), "%zu", in->ncases);
		kv_add(&kv, "Casussen", n);
	}
	kv_to_flow(&f, &kv);
	flow_heading(&f, "Volgorde", 1);
	tx = buf_array(nrows * 5 + 5);
	cells = xcalloc(nrows * 5 + 5, sizeof(*cells));
	rows = xcalloc(nrows + 1, sizeof(*rows));
	memset(hc, 0, sizeof(hc));
	for (i = 0; i < 5; i++) {
		hc[i].text = hd[i];
		hc[i].page_ref = -1;
		hc[i].align = i == 4 ? AL_RIGHT : AL_LEFT;
	}
	head.cells = hc;
	head.ncells = 5;
	head.kind = ROW_HEADER;
	for (i = 0; i < in->ncases; i++) {
		const struct agenda_case *c = &in->cases[i];
		struct tcell *rc = &cells[r * 5];
		size_t k;

		time_fmt(&tx[r * 5], c->start);
		buf_adds(&tx[r * 5], " – ");
		time_fmt(&tx[r * 5], c->end);
		agenda_put(in, c->ref, &tx[r * 5 + 1]);
		agenda_put(in, c->route, &tx[r * 5 + 2]);
		agenda_put(in, c->school, &tx[r * 5 + 3]);
		for (k = 0; k < 5; k++) {
			rc[k].text = tx[r * 5 + k].s;
			rc[k].page_ref = -1;
		}
		rc[4].page_ref = anchor[i];
		rc[4].align = AL_RIGHT;
		rows[r].cells = rc;
		rows[r].ncells = 5;
		rows[r].kind = ROW_NORMAL;
		r++;
		if (in->pause_after && (size_t)in->pause_after == i + 1 && i + 1 < in->ncases) {
			rc = &cells[r * 5];
			buf_reset(&tx[r * 5]);
			time_fmt(&tx[r * 5], in->pause_start);
			buf_adds(&tx[r * 5], " – ");
			time_fmt(&tx[r * 5], in->pause_end);
			buf_sets(&tx[r * 5 + 1], "pauze");
			rc[0].text = tx[r * 5].s;
			rc[0].page_ref = -1;
			rc[1].text = tx[r * 5 + 1].s;
			rc[1].span = 4;
			rc[1].page_ref = -1;
			rows[r].cells = rc;
			rows[r].ncells = 2;
			rows[r].kind = ROW_GROUP;
			r++;
		}
	}
	{
		struct table tb = { NULL, 5, &head, rows, r, false, 0, 0 };

		flow_table(&f, &tb);
	}
	if (in->note) {
		agenda_put(in, in->note, &t);
		flow_note(&f, t.s);
	}
	/* per case: a separator page with the bookmark, then its dossier */
	for (i = 0; i < in->ncases; i++) {
		const struct agenda_case *c = &in->cases[i];
		struct kv ck = { 0 };
		struct buf v = BUF_INIT;

		flow_new_page(&f);
		doc->anchors[anchor[i]].page = flow_page(&f);
		doc->anchors[anchor[i]].y = f.y;
		buf_reset(&t);
		buf_addf(&t, "Casus %zu (%s)", i + 1, c->ref);
		ldoc_label(doc, ldoc_final_index(doc, flow_page(&f)), t.s, false);
		buf_reset(&t);
		buf_addf(&t, "Casus %zu: %s", i + 1, c->ref);
		agenda_put(in, t.s, &v);
		flow_title(&f, v.s);
		buf_reset(&t);
		buf_adds(&t, v.s);
		buf_adds(&t, " (");
		time_fmt(&t, c->start);
		buf_adds(&t, ")");
		ldoc_outline(doc, t.s, 0, anchor[i]);
		buf_reset(&t);
		time_fmt(&t, c->start);
		buf_adds(&t, " – ");
		time_fmt(&t, c->end);
		kv_add(&ck, "Tijd", t.s);
		agenda_put(in, c->route, &v);
		kv_add(&ck, "Route", v.s);
		agenda_put(in, c->school, &v);
		kv_add(&ck, "School", v.s);
		buf_reset(&t);
		buf_addf(&t, "%zu", c->pages);
		kv_add(&ck, "Pagina's", t.s);
		kv_to_flow(&f, &ck);
		kv_release(&ck);
		buf_reset(&t);
		buf_addf(&t, "De volgende %zu pagina's zijn het dossier van deze casus, met zijn eigen paginanummers.", c->pages);
		flow_note(&f, t.s);
		ldoc_insert(doc, flow_page(&f), c->pdf, c->pages, 0);
		buf_reset(&t);
		buf_addf(&t, "%s · ", c->ref);
		ldoc_label(doc, ldoc_final_index(doc, flow_page(&f)) + 1, t.s, true);
		buf_release(&v);
	}
	kv_release(&kv);
	for (i = 0; i < nrows * 5 + 5; i++)
		buf_release(&tx[i]);
	free(tx);
	free(cells);
	free(rows);
	free(anchor);
	buf_release(&t);
}
