/*
 * compose_quote.c - the quote ("weergave": "offerte").
 *
 * The form's fields in order, with the cost lines as one table grouped
 * by category (the choices of the category role, in their order), each
 * group with its subtotal, then the total and who pays what. Every sum
 * comes from quote_compute() (quote.h), the function the check uses, so
 * the printed total is the checked total. Sub-fields of a line that no
 * role shows are listed after the table, like any list's.
 */
#include "compose_int.h"
#include "casus.h"
#include "json.h"
#include "money.h"
#include "quote.h"
#include "template.h"
#include "tmpl.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

struct quote_ctx {
	const struct section *s;
	struct quote q;
};

static bool takes_lines(const struct field *fd, void *ctx)
{
	const struct quote_ctx *X = ctx;

	return fd == X->q.lines;
}

/* The category's heading: the form's "categorieen" text for it, else its choice label. */
static const char *cat_name(const struct form *f, const struct quote_cat *c)
{
	const char *t = json_get_str(json_get(f->print, "categorieen"), c->key);

	return t ? t : c->label;
}

static void amount_cell(struct comp *C, struct tbuild *tb, int64_t cents, bool ok)
{
	struct buf t = BUF_INIT;

	if (ok)
		money_fmt(&t, cents, true);
	else
		word_of(C, W_QUOTE_TOO_LARGE, NULL, &t);
	tb_cell(tb, t.s)->align = AL_RIGHT;
	buf_release(&t);
}

/* A subtotal or total row: the text over the middle columns, the amount last. */
static void sum_row(struct comp *C, struct tbuild *tb, enum row_kind kind, const char *text, int64_t cents,
		    size_t ncols, bool ok)
{
	tb_row(tb, kind);
	tb_cell(tb, "");
	tb_cell(tb, text)->span = (int)ncols - 2;
	amount_cell(C, tb, cents, ok);
}

static void line_cells(struct comp *C, struct quote_ctx *X, struct tbuild *tb, const json *line, size_t no)
{
	const struct form *f = X->s->form;
	const struct field *desc = form_role(f, ROLE_QUOTE_DESCRIPTION), *unit = form_role(f, ROLE_QUOTE_UNIT);
	struct buf t = BUF_INIT, raw = BUF_INIT;
	int64_t amount;
	bool ok = quote_line_amount(&X->q, line, &amount);

	tb_row(tb, ROW_NORMAL);
	buf_addf(&t, "%zu", no);
	tb_cell(tb, t.s);
	if (desc) {
		prep(C, json_get_str(line, desc->key), &t);
		tb_cell(tb, t.s);
	}
	if (X->q.payer) {
		buf_reset(&raw);
		format_value(C, X->q.payer, json_get(line, X->q.payer->key), false, &raw);
		prep(C, raw.s, &t);
		tb_cell(tb, t.s);
	}
	buf_reset(&raw);
	format_value(C, X->q.quantity, json_get(line, X->q.quantity->key), false, &raw);
	if (unit && json_get_str(line, unit->key) && *json_get_str(line, unit->key)) {
		/* "240 uur", "16 sessies": the plural from the form's "meervoud" words */
		const char *u = json_get_str(line, unit->key);
		const char *pl = json_num(json_get(line, X->q.quantity->key)) != 1
					 ? json_get_str(json_get(f->print, "meervoud"), u) : NULL;

		buf_addf(&raw, " %s", pl ? pl : u);
	}
	prep(C, raw.s, &t);
	tb_cell(tb, t.s)->align = AL_RIGHT;
	buf_reset(&raw);
	format_value(C, X->q.rate, json_get(line, X->q.rate->key), false, &raw);
	tb_cell(tb, raw.s)->align = AL_RIGHT;
	amount_cell(C, tb, amount, ok);
	buf_release(&t);
	buf_release(&raw);
}

static void header_cell(struct comp *C, struct tbuild *tb, const struct field *f, bool right)
{
	struct buf t = BUF_INIT;

	label_text(C, f->label, &t);
	tb_cell(tb, t.s)->align = right ? AL_RIGHT : AL_LEFT;
	buf_release(&t);
}

/* Who pays what, with each payer's share of the total. */
static void print_payers(struct comp *C, struct quote_ctx *X)
{
	static const double pw[] = { 0.5, 0.3, 0.2 };
	const struct quote *q = &X->q;
	struct tbuild tb;
	struct buf t = BUF_INIT, raw = BUF_INIT;
	size_t i;

	if (!q->npayers || q->total <= 0 || q->overflow_line)
		return;
	text_of(C, print_text(X->s->form, "kop_verdeling") ? print_text(X->s->form, "kop_verdeling")
							      : word(C->in->tmpl, W_QUOTE_SPLIT), &t);
	flow_heading(&C->f, t.s, 2);
	tb_init(&tb, 3);
	tb.colw = pw;
	tb.width = 0.6;
	tb_row(&tb, ROW_HEADER);
	header_cell(C, &tb, q->payer, false);
	word_of(C, W_QUOTE_AMOUNT, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	word_of(C, W_QUOTE_SHARE, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	for (i = 0; i < q->npayers; i++) {
		const struct choice *ch = field_choice(q->payer, q->payers[i].key);
		/* a share in tenths of a percent, rounded half up, in integers */
		int64_t permille = (q->payers[i].sum * 1000 + q->total / 2) / q->total;

		tb_row(&tb, ROW_NORMAL);
		text_of(C, ch ? ch->label : q->payers[i].key, &t);
		tb_cell(&tb, t.s);
		amount_cell(C, &tb, q->payers[i].sum, true);
		buf_reset(&raw);
		buf_addf(&raw, "%lld,%lld%%", (long long)(permille / 10), (long long)(permille % 10));
		tb_cell(&tb, raw.s)->align = AL_RIGHT;
	}
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
	buf_release(&raw);
}

/* What a line holds besides its roles (a field a region added), listed after the table. */
static void line_extras(struct comp *C, const struct quote_ctx *X, const struct field *fd, const json *v)
{
	const struct form *f = X->s->form;
	const struct field *shown[] = { X->q.category, X->q.payer, X->q.quantity, X->q.rate,
					form_role(f, ROLE_QUOTE_UNIT), form_role(f, ROLE_QUOTE_DESCRIPTION) };
	const json *saved = C->env.record, *it;
	struct kv kv;
	size_t r = 0;

	kv_init(&kv);
	for (it = json_first(v); it; it = json_next(it)) {
		C->env.record = it;
		list_item_extras(C, fd, it, ++r, shown, sizeof(shown) / sizeof(shown[0]), &kv);
	}
	C->env.record = saved;
	if (kv.tb.n) {
		flow_space(&C->f, 4);
		kv_flush(C, &kv);
	}
	kv_release(&kv);
}

/* The cost lines by category with subtotals and the total. */
static void print_lines(struct comp *C, const struct field *fd, const json *v, void *ctx)
{
	struct quote_ctx *X = ctx;
	const struct form *f = X->s->form;
	const struct field *desc = form_role(f, ROLE_QUOTE_DESCRIPTION);
	const struct quote *q = &X->q;
	size_t ncols = 4 + (desc != NULL) + (q->payer != NULL), i, no = 0;
	struct tbuild tb;
	struct buf t = BUF_INIT;
	const json *it;
	bool ok = !q->overflow_line;

	label_text(C, fd->label, &t);
	flow_heading(&C->f, t.s, 2);
	tb_init(&tb, ncols);
	tb.size = 9;
	tb_row(&tb, ROW_HEADER);
	word_of(C, W_NR, NULL, &t);
	tb_cell(&tb, t.s);
	if (desc)
		header_cell(C, &tb, desc, false);
	if (q->payer)
		header_cell(C, &tb, q->payer, false);
	header_cell(C, &tb, q->quantity, true);
	header_cell(C, &tb, q->rate, true);
	word_of(C, W_QUOTE_AMOUNT, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	for (i = 0; i < q->ncats; i++) {
		const char *name = cat_name(f, &q->cats[i]);
		const char *vars[] = { "categorie", name, NULL };

		tb_row(&tb, ROW_GROUP);
		label_text(C, name, &t);
		tb_cell(&tb, t.s)->span = (int)ncols;
		/* a line keeps its number in the list (offerte.regels[3] is line 3), whatever its group */
		no = 0;
		for (it = json_first(v); it; it = json_next(it)) {
			const char *cat = json_get_str(it, q->category->key);

			no++;
			if (cat && !strcmp(cat, q->cats[i].key))
				line_cells(C, X, &tb, it, no);
		}
		/* the subtotal, shown even when zero */
		text_of(C, print_text(f, "subtotaal") ? print_text(f, "subtotaal") : word(C->in->tmpl, W_QUOTE_SUBTOTAL), &t);
		{
			struct buf x = BUF_INIT;

			tmpl_expand(&x, t.s, tmpl_pairs, (void *)vars, NULL);
			sum_row(C, &tb, ROW_SUBTOTAL, x.s, q->cats[i].sum, ncols, ok);
			buf_release(&x);
		}
	}
	text_of(C, print_text(f, "totaal") ? print_text(f, "totaal") : word(C->in->tmpl, W_QUOTE_TOTAL), &t);
	sum_row(C, &tb, ROW_TOTAL, t.s, q->total, ncols, ok);
	flow_space(&C->f, 4);
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	line_extras(C, X, fd, v);
	print_payers(C, X);
	buf_release(&t);
}

void print_quote(struct comp *C, const struct section *s)
{
	struct quote_ctx X;
	struct field_hooks hooks = { takes_lines, NULL, &X, true };

	X.s = s;
	if (quote_compute(s->form, s->record, &X.q)) {
		print_form_section(C, s);
		return;
	}
	hooks.print = print_lines;
	print_form_intro(C, s);
	print_fields(C, &s->form->root, s->record, 0, &hooks);
	print_form_footnote(C, s);
	quote_release(&X.q);
}

/* The quote's sums on another form's page ("invoegen": "offerte_totalen"), with where the quote is. */
void print_quote_totals(struct comp *C)
{
	static const double w[] = { 0.6, 0.4 };
	const struct form *f = form_with_layout(C, LAYOUT_QUOTE);
	const json *v = f ? json_get(C->in->c->root, f->id) : NULL;
	const struct section *sec = section_of_form(C, f);
	struct quote q;
	struct tbuild tb;
	struct buf t = BUF_INIT;
	size_t i;

	if (!value_filled(v) || quote_compute(f, v, &q))
		return;
	tb_init(&tb, 2);
	tb.colw = w;
	tb.label_col = true;
	tb.width = 0.6;
	for (i = 0; i < q.ncats; i++) {
		const char *vars[] = { "categorie", q.cats[i].label, NULL };
		struct buf x = BUF_INIT;

		tmpl_expand(&x, word(C->in->tmpl, W_QUOTE_SUBTOTAL), tmpl_pairs, (void *)vars, NULL);
		text_of(C, x.s, &t);
		tb_row(&tb, ROW_NORMAL);
		tb_cell(&tb, t.s);
		amount_cell(C, &tb, q.cats[i].sum, !q.overflow_line);
		buf_release(&x);
	}
	word_of(C, W_QUOTE_TOTAL, NULL, &t);
	tb_row(&tb, ROW_TOTAL);
	tb_cell(&tb, t.s);
	amount_cell(C, &tb, q.total, !q.overflow_line);
	word_of(C, W_QUOTE_COSTS, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	if (sec) {
		static const double w2[] = { 0.8, 0.2 };
		struct tcell *c;

		tb_init(&tb, 2);
		tb.colw = w2;
		tb.width = 0.6;
		tb.size = C->in->tmpl->theme.small;
		word_of(C, W_QUOTE_PAGE, NULL, &t);
		tb_cell(&tb, t.s);
		c = tb_cell(&tb, "");
		c->page_ref = sec->anchor;
		c->align = AL_RIGHT;
		tb_flow(&C->f, &tb);
		tb_release(&tb);
	}
	quote_release(&q);
	buf_release(&t);
}
