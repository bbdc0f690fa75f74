/*
 * fuzz_layout - line breaking and pagination of arbitrary text, with the
 * real fonts' metrics and the real page template.
 *
 * Any bytes become valid UTF-8 text (what the layout is promised: case
 * files and data files are checked for UTF-8 before anything is laid
 * out), with the renderer's clean-up of characters the fonts lack, as
 * compose.c does. That text is poured into every kind of block: title,
 * headings, paragraphs with a bold run, a numbered item, a note, a framed
 * box, a table (also as its repeated header), contents lines and
 * signature blocks. The first input byte picks the alignment and the
 * width of an indent, so the fuzzer can reach the narrow cases.
 *
 * Properties: every text item is valid UTF-8, starts inside the text
 * area and ends before its right edge, and its baseline lies on the page
 * between the margins; plain text loses no character (a word too wide
 * for the line is cut, never dropped).
 */
#include "fuzz.h"

#include <math.h>

#include "layout.h"
#include "render.h"
#include "template.h"

static struct tmpl tmpl = TMPL_INIT;
static struct pdf *pdf;
static const struct metrics *m;
static const struct theme *th;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;

	(void)argc, (void)argv;
	if (tmpl_load(&tmpl, FUZZ_ROOT, "standaard", &e) || pdf_open(&pdf, &tmpl, &e)) {
		fprintf(stderr, "fuzz_layout: %s\n", e.msg.s);
		abort();
	}
	m = pdf_metrics(pdf);
	th = &tmpl.theme;
	return 0;
}

/* Valid UTF-8 from any bytes: bad sequences and NUL become U+FFFD. */
static void to_text(const uint8_t *d, size_t n, struct buf *out)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode((const char *)d + i, n - i, &cp);

		if (!k || cp == 0) {
			utf8_encode(out, 0xFFFD);
			i++;
		} else {
			buf_add(out, d + i, k);
			i += k;
		}
	}
}

static double text_width(const struct item *it)
{
	size_t len = strlen(it->text), spaces = 0, i;
	double w;

	/* a space at the end of a run is not ink: the next run starts after it */
	while (len && it->text[len - 1] == ' ')
		len--;
	for (i = 0; i < len; i++)
		spaces += it->text[i] == ' ';
	w = m->width(m->ctx, it->font, it->text, len, it->size);
	return w + (double)spaces * it->word_space;
}

static void check_items(const struct ldoc *doc)
{
	double left = th->margin_left, right = th->page_w - th->margin_right;
	double bottom = th->margin_bottom, top = th->page_h - th->margin_top;
	size_t p, i;

	for (p = 0; p < doc->n; p++)
		for (i = 0; i < doc->pages[p].n; i++) {
			const struct item *it = &doc->pages[p].v[i];

			FUZZ_ASSERT(isfinite(it->x) && isfinite(it->y) && isfinite(it->w) && isfinite(it->h));
			if (it->kind != IT_TEXT)
				continue;
			FUZZ_ASSERT(it->text && fuzz_utf8(it->text));
			if (it->page_ref > 0)
				continue; /* a page number, placed by the renderer */
			if (it->x < left - 0.5 || it->x + text_width(it) > right + 0.5 || it->y < bottom - 1 ||
			    it->y > top + 1) {
				fprintf(stderr, "fuzz_layout: page %zu item %zu '%.40s' at x %.2f..%.2f y %.2f; "
					"text area x %.2f..%.2f y %.2f..%.2f\n", p, i, it->text, it->x,
					it->x + text_width(it), it->y, left, right, bottom, top);
				abort();
			}
		}
}

/* Append the characters of s that are not white space for the layout (' ', \t, \r, \n). */
static void ink(struct buf *out, const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			buf_addch(out, *s);
}

/* flow_text() of the text: every character arrives, in order. */
static void check_nothing_lost(const char *text)
{
	struct ldoc doc = LDOC_INIT;
	struct buf want = BUF_INIT, got = BUF_INIT;
	struct flow f;
	size_t p, i;

	flow_init(&f, &doc, th, m);
	flow_text(&f, text);
	check_items(&doc);
	ink(&want, text);
	for (p = 0; p < doc.n; p++)
		for (i = 0; i < doc.pages[p].n; i++)
			if (doc.pages[p].v[i].kind == IT_TEXT)
				ink(&got, doc.pages[p].v[i].text);
	FUZZ_ASSERT(want.len == got.len && !memcmp(want.s, got.s, want.len));
	buf_release(&want);
	buf_release(&got);
	ldoc_release(&doc);
}

static void every_block(const char *s, size_t len, unsigned param)
{
	static const enum align aligns[] = { AL_LEFT, AL_RIGHT, AL_CENTER, AL_JUSTIFY };
	struct ldoc doc = LDOC_INIT;
	struct flow f;
	size_t half = utf8_char_start(s, len / 2);
	/*
	 * 0 .. 441 pt, leaving at least 52 pt: no column can be narrower than
	 * its widest character, and the composer's indents are a few ems.
	 */
	double indent = (double)(param >> 2) * 7;
	struct span sp[2] = { { s, half, FONT_BOLD }, { s + half, len - half, FONT_REGULAR } };

	flow_init(&f, &doc, th, m);
	flow_title(&f, s);
	flow_subtitle(&f, s + half);
	flow_heading(&f, s, 1);
	flow_heading(&f, s + half, 2);
	flow_para(&f, sp, 2, th->body, th->text, aligns[param & 3], indent);
	flow_numbered(&f, 12, sp, 2);
	flow_note(&f, s);
	flow_box(&f, s, true);
	{
		struct tcell cells[3] = { { s, FONT_REGULAR, AL_LEFT, 1, 0 },
					  { "€ 1.234,56", FONT_REGULAR, AL_RIGHT, 1, 0 },
					  { s + half, FONT_BOLD, aligns[param & 3], 1, 0 } };
		struct tcell wide[2] = { { s + half, FONT_REGULAR, AL_LEFT, 2, 0 }, { "", FONT_REGULAR, AL_LEFT, 1, 0 } };
		struct trow rows[3] = { { cells, 3, ROW_NORMAL }, { wide, 2, ROW_GROUP }, { cells, 2, ROW_SUBTOTAL } };
		struct trow head = { cells, 3, ROW_HEADER };
		struct table auto_t = { NULL, 3, &head, rows, 3, true, 0, 0 };
		double colw[3] = { 1, 2, 1 };
		struct table fixed_t = { colw, 3, NULL, rows, 3, false, 0.6, 8 };

		flow_table(&f, &auto_t);
		flow_table(&f, &fixed_t);
	}
	flow_toc_line(&f, s, 0, 0, true);
	flow_toc_line(&f, s + half, (int)(param & 3), 0, false);
	{
		struct sigblock b[3] = { { "Ouder", { s, s + half, NULL, NULL } },
					 { "School", { "Naam", s, "Datum", NULL } },
					 { "Leerling", { NULL, NULL, NULL, NULL } } };

		flow_signatures(&f, b, 3);
	}
	check_items(&doc);
	ldoc_release(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf raw = BUF_INIT, text = BUF_INIT;

	to_text(data, size, &raw);
	m->clean(m->ctx, raw.s, &text);
	FUZZ_ASSERT(fuzz_utf8(text.s));
	every_block(text.s, text.len, size ? data[0] : 0);
	check_nothing_lost(text.s);
	buf_release(&raw);
	buf_release(&text);
	return 0;
}
