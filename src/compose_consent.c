/*
 * compose_consent.c - the consent statement ("weergave": "toestemming").
 *
 * The page parents sign: the form's introduction and numbered statements
 * (texts of its "afdruk", expanded with the form's own answers and the
 * case), the answers themselves, the signers as a table and a signature
 * block each, and the documents with whether each may be shared. The
 * signers come from the form's roles (layouts.h); the words of a signature
 * block from "afdruk"."handtekening" ("tekstregels", per-role headings).
 */
#include "compose_int.h"
#include "casus.h"
#include "json.h"
#include "mem.h"
#include "template.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

struct consent_ctx {
	const struct section *s;
	const json *signers;   /* the signers' list, once print_fields() reached it */
};

static bool takes_signers(const struct field *fd, void *ctx)
{
	const struct consent_ctx *X = ctx;

	return fd == form_role(X->s->form, ROLE_CONSENT_SIGNERS);
}

/* The heading of a signer's block: "kop_<role>" (e.g. kop_leerling), else "kop_standaard". */
static const char *block_heading(const json *hw, const struct field *as_f, const json *signer)
{
	const char *as = as_f ? json_get_str(signer, as_f->key) : NULL;
	struct buf key = BUF_INIT;
	const char *t;

	buf_addf(&key, "kop_%s", as ? as : "");
	t = json_get_str(hw, key.s);
	buf_release(&key);
	return t ? t : json_get_str(hw, "kop_standaard") ? json_get_str(hw, "kop_standaard") : "{nr}";
}

/* The signers' table, in the form's order of fields. */
static void print_signers(struct comp *C, const struct field *fd, const json *v, void *ctx)
{
	struct consent_ctx *X = ctx;
	struct buf h = BUF_INIT;

	label_text(C, fd->label, &h);
	flow_heading(&C->f, h.s, 2);
	print_list(C, fd, v);
	X->signers = v;
	buf_release(&h);
}

/* A block to sign per signer, last on the page, kept with its heading. */
static void signature_blocks(struct comp *C, const struct consent_ctx *X)
{
	const struct form *f = X->s->form;
	const struct field *fd = form_role(f, ROLE_CONSENT_SIGNERS);
	const json *v = X->signers;
	const json *hw = json_get(f->print, "handtekening"), *lines = json_get(hw, "tekstregels"), *it, *ln;
	const struct field *as_f = form_role(f, ROLE_CONSENT_SIGNER_AS);
	size_t n = json_len(v), nl = json_len(lines), i = 0, k;
	struct sigblock *blocks = xcalloc(n + 1, sizeof(*blocks));
	struct buf *texts = buf_array((n + 1) * 6);
	struct buf h = BUF_INIT;

	for (it = json_first(v); it; it = json_next(it), i++) {
		char nr[24];

		snprintf(nr, sizeof(nr), "%zu", i + 1);
		item_text(C, f, X->s->record, fd, it, nr, json_get(hw, "leeg"), block_heading(hw, as_f, it), &texts[i * 6]);
		blocks[i].heading = texts[i * 6].s;
		for (k = 0, ln = json_first(lines); ln && k < 5; ln = json_next(ln), k++) {
			item_text(C, f, X->s->record, fd, it, nr, json_get(hw, "leeg"), json_str(ln), &texts[i * 6 + 1 + k]);
			blocks[i].lines[k] = texts[i * 6 + 1 + k].s;
		}
	}
	if (n) {
		text_of(C, json_get_str(hw, "kop") ? json_get_str(hw, "kop") : "", &h);
		/* the heading never stays behind alone: room for it and the first row of blocks */
		flow_need(&C->f, 40 + 24 + (double)(nl + 1) * C->in->tmpl->theme.body * 1.6 + 50);
		if (h.len)
			flow_heading(&C->f, h.s, 2);
		flow_signatures(&C->f, blocks, n);
	}
	for (i = 0; i < (n + 1) * 6; i++)
		buf_release(&texts[i]);
	free(texts);
	free(blocks);
	buf_release(&h);
}

/* Each document of the dossier, its kind and whether the parents allow sharing it. */
static void print_documents(struct comp *C)
{
	static const double w[] = { 0.46, 0.34, 0.2 };
	const struct form *af = form_with_layout(C, LAYOUT_ATTACHMENTS);
	const struct field *title = form_role(af, ROLE_ATT_TITLE), *kind = form_role(af, ROLE_ATT_KIND);
	const struct field *shared = form_role(af, ROLE_ATT_SHARED);
	const json *it;
	struct tbuild tb;
	struct buf t = BUF_INIT, raw = BUF_INIT;

	if (!af || !title || !shared || !value_filled(json_get(C->in->c->root, af->id)))
		return;
	tb_init(&tb, 3);
	tb.colw = w;
	tb_row(&tb, ROW_HEADER);
	label_text(C, title->label, &t);
	tb_cell(&tb, t.s);
	label_text(C, kind->label, &t);
	tb_cell(&tb, t.s);
	label_text(C, shared->column_label ? shared->column_label : shared->label, &t);
	tb_cell(&tb, t.s);
	for (it = json_first(json_get(C->in->c->root, af->id)); it; it = json_next(it)) {
		tb_row(&tb, ROW_NORMAL);
		prep(C, json_get_str(it, title->key), &t);
		tb_cell(&tb, t.s);
		buf_reset(&raw);
		format_value(C, kind, json_get(it, kind->key), false, &raw);
		prep(C, raw.s, &t);
		tb_cell(&tb, t.s);
		word_of(C, json_bool(json_get(it, shared->key)) ? W_CONSENT_DOC_YES : W_CONSENT_DOC_NO, NULL, &t);
		tb_cell(&tb, t.s);
	}
	word_of(C, W_CONSENT_DOCS, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
	buf_release(&raw);
}

void print_consent(struct comp *C, const struct section *s)
{
	const struct form *f = s->form;
	struct consent_ctx X = { s, NULL };
	const struct field_hooks hooks = { takes_signers, print_signers, &X, true };
	const json *it;
	struct buf t = BUF_INIT;
	int n = 0;

	print_form_intro(C, s);
	for (it = json_first(json_get(f->print, "verklaringen")); it; it = json_next(it)) {
		struct span sp;

		record_text(C, f, s->record, json_str(it), &t);
		sp.text = t.s;
		sp.len = t.len;
		sp.font = FONT_REGULAR;
		flow_numbered(&C->f, ++n, &sp, 1);
	}
	if (print_text(f, "geldigheid") && !record_text_empty(C, f, s->record, print_text(f, "geldigheid"))) {
		record_text(C, f, s->record, print_text(f, "geldigheid"), &t);
		flow_text(&C->f, t.s);
	}
	flow_space(&C->f, 4);
	print_fields(C, &f->root, s->record, 0, &hooks);
	if (X.signers)
		signature_blocks(C, &X);
	/* the footnote is about signing: it stays with the signatures */
	print_form_footnote(C, s);
	if (s + 1 < C->sec + C->nsec && s[1].kind == S_SCAN) {
		const char *vars[] = { "titel", s[1].title, NULL };

		word_of(C, W_CONSENT_SCAN_NOTE, vars, &t);
		flow_note(&C->f, t.s);
	}
	print_documents(C);
	buf_release(&t);
}
