/*
 * test_print.c - what the PDF prints: the words table, the text rule,
 * the quote's sums in whole cents, the layouts and roles of the forms.
 */
#include "unit.h"

#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "form.h"
#include "json.h"
#include "layouts.h"
#include "quote.h"
#include "textrule.h"
#include "words.h"

#include <stdlib.h>

static void words_are_documented_and_unique(void)
{
	struct buf doc = BUF_INIT, p = BUF_INIT, key = BUF_INIT;
	struct err e = ERR_INIT;
	int w, v;

	buf_addf(&p, "%s/docs/opmaak.md", unit_root);
	CHECK(!file_read(p.s, 1 << 20, &doc, &e));
	for (w = 0; w < W_COUNT; w++) {
		buf_reset(&key);
		buf_addf(&key, "| `%s` |", word_key((enum word)w));
		CHECK_CONTAINS(doc.s, key.s);
		CHECK(word_known(word_key((enum word)w)));
		CHECK(word(NULL, (enum word)w) != NULL);
		for (v = 0; v < w; v++)
			CHECK(strcmp(word_key((enum word)v), word_key((enum word)w)));
	}
	CHECK(!word_known("inhoudd"));
	buf_release(&doc);
	buf_release(&p);
	buf_release(&key);
	err_release(&e);
}

static void reflow(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	text_reflow(in, &b);
	CHECK_STR(b.s ? b.s : "", want);
	buf_release(&b);
}

static void text_rule(void)
{
	reflow("een regel\ndie doorloopt", "een regel die doorloopt");
	reflow("alinea een\n\nalinea twee", "alinea een\n\nalinea twee");
	reflow("alinea een\n   \n\n\nalinea twee  ", "alinea een\n\nalinea twee");
	reflow("Lijst:\n- een\n- twee\nloopt door\n\nslot", "Lijst:\n- een\n- twee loopt door\n\nslot");
	reflow("* ster\n\xE2\x80\xA2 bol", "- ster\n- bol");
	reflow("  ingesprongen  \r\nmet CRLF\r\n", "ingesprongen met CRLF");
	reflow("-5 graden is geen punt", "-5 graden is geen punt");
	reflow("", "");
}

/* The offerte form from forms/, for the sums. */
static int load_forms(struct formset *fs)
{
	struct buf dir = BUF_INIT;
	struct err e = ERR_INIT;
	int r;

	buf_addf(&dir, "%s/forms", unit_root);
	r = formset_load(fs, dir.s, &e);
	if (r)
		unit_fail(__FILE__, __LINE__, "%s", e.msg.s);
	buf_release(&dir);
	err_release(&e);
	return r;
}

static json *line(const char *cat, double qty, double rate)
{
	json *l = json_new_object();

	json_set(l, "categorie", json_new_string(cat));
	json_set(l, "betaler", json_new_string("gemeente"));
	json_set(l, "aantal", json_new_number(qty));
	json_set(l, "tarief", json_new_number(rate));
	return l;
}

static void quote_sums_in_cents(void)
{
	struct formset fs = FORMSET_INIT;
	const struct form *f;
	json *v = json_new_object(), *lines = json_new_array();
	struct quote q;
	int64_t c;

	if (load_forms(&fs))
		goto out;
	f = formset_get(&fs, "offerte");
	CHECK(f && f->layout->kind == LAYOUT_QUOTE);
	json_append(lines, line("onderwijs", 1.13, 8750));   /* 98,875 -> 98,88 */
	json_append(lines, line("jeugdhulp", 12.5, 10495));  /* 1311,875 -> 1311,88 */
	json_append(lines, line("jeugdhulp", 0.01, 1));      /* 0,0001 -> 0,00 */
	json_set(v, "regels", lines);
	CHECK(!quote_compute(f, v, &q));
	CHECK_INT(q.ncats, 2);
	CHECK_INT(quote_category_sum(&q, "onderwijs"), 9888);
	CHECK_INT(quote_category_sum(&q, "jeugdhulp"), 131188);
	CHECK_INT(q.total, 9888 + 131188);
	CHECK_INT(q.npayers, 1);
	CHECK_INT(q.payers[0].sum, q.total);
	CHECK_INT(q.overflow_line, 0);
	CHECK(quote_line_amount(&q, json_at(lines, 0), &c) && c == 9888);
	quote_release(&q);
	/* 100000 × € 20.000,00 is over € 999.999.999,99: line 4 is named */
	json_append(lines, line("onderwijs", 100000, 2000000));
	CHECK(!quote_compute(f, v, &q));
	CHECK_INT(q.overflow_line, 4);
	CHECK(!quote_line_amount(&q, json_at(lines, 3), &c));
	quote_release(&q);
out:
	json_free(v);
	formset_release(&fs);
}

static void forms_have_their_layouts_and_roles(void)
{
	struct formset fs = FORMSET_INIT;
	const struct form *t, *b;

	CHECK(layout_find("velden") && layout_find("offerte") && !layout_find("tabel"));
	if (load_forms(&fs))
		return;
	t = formset_get(&fs, "toestemming");
	b = formset_get(&fs, "bijlagen");
	CHECK(t && form_role(t, ROLE_CONSENT_SIGNERS) && form_role(t, ROLE_CONSENT_SIGNER_NAME));
	CHECK(t && form_role(t, ROLE_CONSENT_SIGNER_NAME)->parent == form_role(t, ROLE_CONSENT_SIGNERS));
	CHECK(b && form_role(b, ROLE_ATT_FILE) && form_role(b, ROLE_ATT_FILE)->type->kind == FT_BESTAND);
	CHECK(field_sub(&formset_get(&fs, "zienswijze")->root, "wijkt_af")->print == PRINT_NONE);
	formset_release(&fs);
}

const struct unit_test print_tests[] = {
	{ "words: every fixed word of the PDF has one row, documented in docs/opmaak.md", words_are_documented_and_unique },
	{ "text rule: soft line breaks, paragraphs, list items", text_rule },
	{ "quote: sums per category and payer in whole cents, half up, overflow names the line", quote_sums_in_cents },
	{ "layouts: forms name their layout and role fields", forms_have_their_layouts_and_roles },
	{ NULL, NULL },
};
