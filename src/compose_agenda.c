/*
 * compose_agenda.c - the meeting pack's own pages (see compose.h).
 *
 * The agenda page (date, time, place, chair, the cases in order with the
 * page each starts on), then per case a separator page carrying its
 * bookmark and page label, after which the case's dossier is merged in
 * with its own page numbers. All words come from the template (words.h).
 */
#include "compose_int.h"
#include "date.h"
#include "mem.h"
#include "template.h"
#include "tmpl.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static void agenda_put(const struct agenda_in *in, const char *s, struct buf *out)
{
	buf_reset(out);
	in->m->clean(in->m->ctx, s ? s : "", out);
}

/* A word of the template with {name, value} pairs, cleaned for print. */
static void agenda_word(const struct agenda_in *in, enum word w, const char *const *vars, struct buf *out)
{
	struct buf x = BUF_INIT;

	tmpl_expand(&x, word(in->tmpl, w), tmpl_pairs, (void *)vars, NULL);
	agenda_put(in, x.s, out);
	buf_release(&x);
}

static void span_fmt(struct buf *out, int start, int end)
{
	buf_reset(out);
	time_fmt(out, start);
	buf_adds(out, " – ");
	time_fmt(out, end);
}

static void agenda_kv(const struct agenda_in *in, struct kv *kv, enum word label, const char *value)
{
	struct buf l = BUF_INIT, v = BUF_INIT;

	agenda_word(in, label, NULL, &l);
	agenda_put(in, value, &v);
	kv_add(kv, l.s, v.s);
	buf_release(&l);
	buf_release(&v);
}

/* The order of the cases, with the pause and the page each case starts on. */
static void agenda_order(const struct agenda_in *in, struct flow *f, const int *anchor)
{
	static const enum word hd[] = { W_AG_TIME, W_AG_REF, W_AG_ROUTE, W_AG_SCHOOL, W_AG_PAGE };
	struct tbuild tb;
	struct buf t = BUF_INIT;
	size_t i, k;

	tb_init(&tb, 5);
	tb_row(&tb, ROW_HEADER);
	for (k = 0; k < 5; k++) {
		agenda_word(in, hd[k], NULL, &t);
		tb_cell(&tb, t.s)->align = k == 4 ? AL_RIGHT : AL_LEFT;
	}
	for (i = 0; i < in->ncases; i++) {
		const struct agenda_case *c = &in->cases[i];
		struct tcell *pc;

		tb_row(&tb, ROW_NORMAL);
		span_fmt(&t, c->start, c->end);
		tb_cell(&tb, t.s);
		agenda_put(in, c->ref, &t);
		tb_cell(&tb, t.s);
		agenda_put(in, c->route, &t);
		tb_cell(&tb, t.s);
		agenda_put(in, c->school, &t);
		tb_cell(&tb, t.s);
		pc = tb_cell(&tb, "");
		pc->page_ref = anchor[i];
		pc->align = AL_RIGHT;
		if (in->pause_after && (size_t)in->pause_after == i + 1 && i + 1 < in->ncases) {
			tb_row(&tb, ROW_GROUP);
			span_fmt(&t, in->pause_start, in->pause_end);
			tb_cell(&tb, t.s);
			agenda_word(in, W_AG_PAUSE, NULL, &t);
			tb_cell(&tb, t.s)->span = 4;
		}
	}
	tb_flow(f, &tb);
	tb_release(&tb);
	buf_release(&t);
}

/* A case's separator page: bookmark, page label, facts; then its dossier's pages. */
static void agenda_case(const struct agenda_in *in, struct ldoc *doc, struct flow *f, size_t i, int anchor)
{
	const struct agenda_case *c = &in->cases[i];
	struct kv ck;
	struct buf t = BUF_INIT, v = BUF_INIT;
	char n[24], pages[24];
	const char *vars[] = { "n", n, "kenmerk", c->ref, NULL };
	const char *pvars[] = { "n", pages, NULL };

	snprintf(n, sizeof(n), "%zu", i + 1);
	snprintf(pages, sizeof(pages), "%zu", c->pages);
	kv_init(&ck);
	flow_new_page(f);
	doc->anchors[anchor].page = flow_page(f);
	doc->anchors[anchor].y = f->y;
	agenda_word(in, W_AG_CASE_LABEL, vars, &t);
	ldoc_label(doc, ldoc_final_index(doc, flow_page(f)), t.s, false);
	agenda_word(in, W_AG_CASE_TITLE, vars, &v);
	flow_title(f, v.s);
	buf_reset(&t);
	buf_adds(&t, v.s);
	buf_adds(&t, " (");
	time_fmt(&t, c->start);
	buf_adds(&t, ")");
	ldoc_outline(doc, t.s, 0, anchor);
	span_fmt(&t, c->start, c->end);
	agenda_kv(in, &ck, W_AG_TIME, t.s);
	agenda_kv(in, &ck, W_AG_ROUTE, c->route);
	agenda_kv(in, &ck, W_AG_SCHOOL, c->school);
	agenda_kv(in, &ck, W_AG_PAGES, pages);
	kv_flow(f, &ck);
	kv_release(&ck);
	agenda_word(in, W_AG_CASE_NOTE, pvars, &t);
	flow_note(f, t.s);
	ldoc_insert(doc, flow_page(f), c->pdf, c->pages, 0);
	buf_reset(&t);
	buf_addf(&t, "%s · ", c->ref);
	ldoc_label(doc, ldoc_final_index(doc, flow_page(f)) + 1, t.s, true);
	buf_release(&t);
	buf_release(&v);
}

void compose_agenda(const struct agenda_in *in, struct ldoc *doc)
{
	struct flow f;
	struct buf t = BUF_INIT;
	struct kv kv;
	size_t i;
	int *anchor = xcalloc(in->ncases + 1, sizeof(int));
	int agenda_anchor;

	kv_init(&kv);
	flow_init(&f, doc, &in->tmpl->theme, in->m);
	flow_new_page(&f);
	/* page labels: a reader shows "Agenda 1", "Casus 1 (…)", then the dossier's own page numbers */
	agenda_word(in, W_AG_LABEL, NULL, &t);
	ldoc_label(doc, 0, t.s, true);
	agenda_anchor = flow_anchor(&f);
	for (i = 0; i < in->ncases; i++)
		anchor[i] = ldoc_new_anchor(doc);
	agenda_put(in, in->title, &t);
	flow_title(&f, t.s);
	ldoc_outline(doc, t.s, 0, agenda_anchor);
	buf_reset(&t);
	date_fmt_weekday(&t, in->day);
	agenda_kv(in, &kv, W_AG_DATE, t.s);
	if (in->ncases) {
		span_fmt(&t, in->cases[0].start, in->cases[in->ncases - 1].end);
		agenda_kv(in, &kv, W_AG_TIME, t.s);
	}
	if (in->place)
		agenda_kv(in, &kv, W_AG_PLACE, in->place);
	if (in->chair)
		agenda_kv(in, &kv, W_AG_CHAIR, in->chair);
	buf_reset(&t);
	buf_addf(&t, "%zu", in->ncases);
	agenda_kv(in, &kv, W_AG_CASES, t.s);
	kv_flow(&f, &kv);
	agenda_word(in, W_AG_ORDER, NULL, &t);
	flow_heading(&f, t.s, 1);
	agenda_order(in, &f, anchor);
	if (in->note) {
		agenda_put(in, in->note, &t);
		flow_note(&f, t.s);
	}
	for (i = 0; i < in->ncases; i++)
		agenda_case(in, doc, &f, i, anchor[i]);
	kv_release(&kv);
	free(anchor);
	buf_release(&t);
}
