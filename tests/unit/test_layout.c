/*
 * test_layout.c - line breaking, justification, pagination and tables of
 * the layout module, and wrapping of terminal text.
 *
 * The layout gets a fake font: every character is half the font size
 * wide, so expected positions can be computed by hand.
 */
#include "unit.h"

#include "buf.h"
#include "layout.h"
#include "mem.h"
#include "term.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>

static double fake_width(void *ctx, int font, const char *s, size_t len, double size)
{
	(void)ctx, (void)font;
	return (double)utf8_length(s, len) * size / 2;
}

static void fake_clean(void *ctx, const char *s, struct buf *out)
{
	(void)ctx;
	buf_adds(out, s);
}

static const struct metrics fake = { fake_width, fake_clean, NULL, 800, -200 };

/* A4 with 50 pt margins: text from x 50 to 545.28 (495.28 wide). */
static struct theme test_theme(void)
{
	struct theme th;

	memset(&th, 0, sizeof(th));
	th.page_w = 595.28;
	th.page_h = 841.89;
	th.margin_top = th.margin_bottom = th.margin_left = th.margin_right = 50;
	th.body = 10;
	th.leading = 1.4;
	th.small = 8;
	th.title = 16;
	th.h1 = 12;
	th.h2 = 11;
	th.para_gap = 4;
	th.cell_pad = 4;
	th.justify = true;
	return th;
}

/* Width of a text item as drawn: its characters plus the extra word spacing. */
static double drawn_width(const struct item *it)
{
	size_t len = strlen(it->text), spaces = 0, i;

	while (len && it->text[len - 1] == ' ')
		len--;
	for (i = 0; i < len; i++)
		spaces += it->text[i] == ' ';
	return fake_width(NULL, it->font, it->text, len, it->size) + (double)spaces * it->word_space;
}

/* All text of the document in reading order, one line per text item. */
static void all_text(const struct ldoc *d, struct buf *out)
{
	size_t p, i;

	for (p = 0; p < d->n; p++)
		for (i = 0; i < d->pages[p].n; i++) {
			const struct item *it = &d->pages[p].v[i];

			if (it->kind == IT_TEXT && it->text) {
				buf_adds(out, it->text);
				buf_addch(out, '\n');
			}
		}
}

static void para(struct flow *f, const char *text, enum align al)
{
	struct span sp = { text, strlen(text), FONT_REGULAR };

	flow_para(f, &sp, 1, 10, 0, al, 0);
}

static void justified_lines_fill_the_measure_and_keep_every_word(void)
{
	struct theme th = test_theme();
	struct ldoc d = LDOC_INIT;
	struct flow f;
	struct buf text = BUF_INIT, got = BUF_INIT, want = BUF_INIT;
	size_t p, i, lines = 0, full = 0;
	int k;

	for (k = 1; k <= 3000; k++)
		buf_addf(&text, "%s%s%d", k > 1 ? " " : "", k % 7 ? "woord" : "langerwoord", k);
	flow_init(&f, &d, &th, &fake);
	para(&f, text.s, AL_JUSTIFY);
	CHECK(d.n >= 3);
	for (p = 0; p < d.n; p++) {
		double last_y = 1e9;

		for (i = 0; i < d.pages[p].n; i++) {
			const struct item *it = &d.pages[p].v[i];
			double right;

			if (it->kind != IT_TEXT)
				continue;
			lines++;
			right = it->x + drawn_width(it);
			CHECK(it->x >= 50 - 0.001);
			CHECK(right <= 545.28 + 0.001);
			CHECK(it->y >= 50 - 0.001);
			/* one item per line: lines go down the page, a line height apart at least */
			CHECK(it->y <= last_y - 14 + 0.001);
			last_y = it->y;
			if (it->word_space > 0) {
				full++;
				CHECK(fabs(right - 545.28) < 0.01);
			}
		}
	}
	CHECK(full > 0 && full + d.n >= lines);
	/* every word, in order, once */
	all_text(&d, &got);
	for (i = 0; i < got.len; i++)
		if (got.s[i] == '\n')
			got.s[i] = ' ';
	buf_trim(&got);
	CHECK_STR(got.s, text.s);
	buf_release(&text);
	buf_release(&got);
	buf_release(&want);
	ldoc_release(&d);
}

static void euro_sign_stays_with_its_amount(void)
{
	struct theme th = test_theme();
	struct ldoc d = LDOC_INIT;
	struct buf text = BUF_INIT;
	int shift;

	/* the amounts land at every position of the line in turn */
	for (shift = 0; shift < 40; shift++) {
		struct flow f;
		size_t p, i;

		buf_reset(&text);
		buf_addrep(&text, "x", (size_t)shift + 1);
		buf_adds(&text, " kosten € 1.234,56 en (€ 80) en € 7.926,00 voor onderwijs en € 3 per uur.");
		flow_init(&f, &d, &th, &fake);
		f.right = f.left + 120;
		para(&f, text.s, AL_JUSTIFY);
		for (p = 0; p < d.n; p++)
			for (i = 0; i < d.pages[p].n; i++) {
				const struct item *it = &d.pages[p].v[i];
				size_t len;

				if (it->kind != IT_TEXT)
					continue;
				len = strlen(it->text);
				while (len && it->text[len - 1] == ' ')
					len--;
				CHECK(!utf8_binds_next(it->text, len));
			}
		ldoc_release(&d);
	}
	buf_release(&text);
}

static void a_word_wider_than_the_line_is_cut(void)
{
	struct theme th = test_theme();
	struct ldoc d = LDOC_INIT;
	struct flow f;
	struct buf word = BUF_INIT, got = BUF_INIT;
	size_t p, i;

	buf_addrep(&word, "Ü", 700);
	flow_init(&f, &d, &th, &fake);
	para(&f, word.s, AL_JUSTIFY);
	for (p = 0; p < d.n; p++)
		for (i = 0; i < d.pages[p].n; i++) {
			const struct item *it = &d.pages[p].v[i];

			if (it->kind == IT_TEXT) {
				CHECK(it->x + drawn_width(it) <= 545.28 + 0.001);
				buf_adds(&got, it->text);
			}
		}
	CHECK_STR(got.s, word.s);
	buf_release(&word);
	buf_release(&got);
	ldoc_release(&d);
}

static void table_header_repeats_on_every_page(void)
{
	struct theme th = test_theme();
	struct ldoc d = LDOC_INIT;
	struct flow f;
	struct tcell hc[2] = { { "Omschrijving", FONT_BOLD, AL_LEFT, 0, 0 }, { "Bedrag", FONT_BOLD, AL_RIGHT, 0, 0 } };
	struct trow head = { hc, 2, ROW_HEADER };
	struct trow *rows = calloc(200, sizeof(*rows));
	struct tcell *cells = calloc(400, sizeof(*cells));
	char (*names)[32] = calloc(200, sizeof(*names));
	struct table t = { NULL, 2, &head, rows, 200, false, 0, 0 };
	size_t p, i, r, seen = 0;

	for (r = 0; r < 200; r++) {
		snprintf(names[r], sizeof(names[r]), "Kostenregel %zu", r + 1);
		cells[r * 2] = (struct tcell){ names[r], FONT_REGULAR, AL_LEFT, 0, 0 };
		cells[r * 2 + 1] = (struct tcell){ "€ 12,50", FONT_REGULAR, AL_RIGHT, 0, 0 };
		rows[r] = (struct trow){ &cells[r * 2], 2, ROW_NORMAL };
	}
	flow_init(&f, &d, &th, &fake);
	flow_table(&f, &t);
	CHECK(d.n >= 3);
	for (p = 0; p < d.n; p++) {
		size_t heads = 0;

		for (i = 0; i < d.pages[p].n; i++) {
			const struct item *it = &d.pages[p].v[i];

			if (it->kind != IT_TEXT)
				continue;
			heads += !strcmp(it->text, "Omschrijving");
			if (!strncmp(it->text, "Kostenregel ", 12)) {
				CHECK_INT(atoi(it->text + 12), (long long)seen + 1);
				seen++;
				CHECK(it->y >= 50 - 0.001);
			}
			if (!strcmp(it->text, "€ 12,50"))
				CHECK(fabs(it->x + drawn_width(it) - (545.28 - 4)) < 0.01);
		}
		CHECK_INT(heads, 1);
	}
	CHECK_INT(seen, 200);
	free(rows);
	free(cells);
	free(names);
	ldoc_release(&d);
}

static void final_page_index_counts_inserted_pages(void)
{
	struct ldoc d = LDOC_INIT;

	ARRAY_GROW(d.pages, d.n, d.cap);
	memset(d.pages, 0, sizeof(*d.pages));
	d.n = 1;
	CHECK_INT(ldoc_final_index(&d, 0), 0);
	ldoc_insert(&d, 0, "a.pdf", 3, 1);
	CHECK_INT(ldoc_final_index(&d, 0), 0);
	CHECK_INT(ldoc_final_index(&d, 1), 4);
	ldoc_insert(&d, 1, "b.pdf", 2, 2);
	CHECK_INT(ldoc_final_index(&d, 1), 4);
	CHECK_INT(ldoc_final_index(&d, 2), 7);
	ldoc_label(&d, 5, "DH-1 · ", true);
	CHECK_INT(d.nlabels, 1);
	CHECK_STR(d.labels[0].prefix, "DH-1 · ");
	ldoc_release(&d);
}

static void terminal_wrap_keeps_width_and_amounts(void)
{
	struct buf out = BUF_INIT;
	const char *line;
	int k;

	for (k = 0; k < 30; k++) {
		struct buf in = BUF_INIT;

		buf_addrep(&in, "a", (size_t)k + 1);
		buf_adds(&in, " De offerte komt uit op € 16.054,00: € 7.926,00 voor onderwijs (€ 852,00 vervoer).");
		buf_reset(&out);
		term_wrap(&out, in.s, 4, 6, 40);
		for (line = out.s; *line;) {
			const char *nl = strchr(line, '\n');
			size_t len = nl ? (size_t)(nl - line) : strlen(line);

			CHECK(utf8_length(line, len) <= 40);
			CHECK(!utf8_binds_next(line, len));
			line += len + (nl ? 1 : 0);
		}
		buf_release(&in);
	}
	buf_reset(&out);
	term_wrap(&out, "een twee\n\ndrie", 2, 2, 40);
	CHECK_STR(out.s, "  een twee\n\n  drie\n");
	buf_release(&out);
}

TESTS(layout_tests) = {
	{ "layout: justified lines fill the measure and keep every word", justified_lines_fill_the_measure_and_keep_every_word },
	{ "layout: the euro sign stays with its amount", euro_sign_stays_with_its_amount },
	{ "layout: a word wider than the line is cut", a_word_wider_than_the_line_is_cut },
	{ "layout: a table's header repeats on every page", table_header_repeats_on_every_page },
	{ "layout: final page index counts inserted pages", final_page_index_counts_inserted_pages },
	{ "term: wrapping keeps the width and the amounts", terminal_wrap_keeps_width_and_amounts },
	TEST_END
};
