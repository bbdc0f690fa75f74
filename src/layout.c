/*
 * layout.c - line breaking and pagination (see layout.h).
 *
 * Line breaking is greedy, at spaces; a word wider than the line is cut
 * at character boundaries (never dropped). A paragraph's lines are placed
 * one by one and move to a new page when the next one would not fit, so
 * a line is never cut. Justified lines place each word separately; the
 * space character is still drawn after each word so copying text out of
 * the PDF gives normal spaces.
 *
 * Items that must be drawn under text (cell shading, box backgrounds) are
 * added first and sized afterwards, keeping the drawing order right.
 */
#include "layout.h"
#include "buf.h"
#include "mem.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

/* ---- document ------------------------------------------------------- */

void ldoc_release(struct ldoc *d)
{
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		for (j = 0; j < d->pages[i].n; j++)
			free(d->pages[i].v[j].text);
		free(d->pages[i].v);
	}
	free(d->pages);
	free(d->anchors);
	for (i = 0; i < d->nout; i++)
		free(d->outline[i].title);
	free(d->outline);
	for (i = 0; i < d->nins; i++)
		free(d->inserts[i].path);
	free(d->inserts);
	for (i = 0; i < d->nlabels; i++)
		free(d->labels[i].prefix);
	free(d->labels);
	memset(d, 0, sizeof(*d));
}

void ldoc_outline(struct ldoc *d, const char *title, int level, int anchor)
{
	ARRAY_GROW(d->outline, d->nout, d->ocap);
	d->outline[d->nout].title = xstrdup(title);
	d->outline[d->nout].level = level;
	d->outline[d->nout].anchor = anchor;
	d->nout++;
}

void ldoc_insert(struct ldoc *d, size_t after, const char *path, size_t npages, size_t number)
{
	ARRAY_GROW(d->inserts, d->nins, d->icap);
	d->inserts[d->nins].after = after;
	d->inserts[d->nins].path = xstrdup(path);
	d->inserts[d->nins].npages = npages;
	d->inserts[d->nins].number = number;
	d->nins++;
}

void ldoc_label(struct ldoc *d, size_t index, const char *prefix, bool numbered)
{
	ARRAY_GROW(d->labels, d->nlabels, d->lcap);
	d->labels[d->nlabels].index = index;
	d->labels[d->nlabels].prefix = xstrdup(prefix);
	d->labels[d->nlabels].numbered = numbered;
	d->nlabels++;
}

size_t ldoc_final_index(const struct ldoc *d, size_t page)
{
	size_t i, index = page;

	for (i = 0; i < d->nins; i++)
		if (d->inserts[i].after < page)
			index += d->inserts[i].npages;
	return index;
}

struct item *ldoc_add(struct ldoc *d, size_t page, enum item_kind kind)
{
	struct lpage *p = &d->pages[page];
	struct item *it;

	ARRAY_GROW(p->v, p->n, p->cap);
	it = &p->v[p->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->fill = NO_FILL;
	it->page_ref = 0;
	it->target = 0;
	return it;
}

struct item *ldoc_text(struct ldoc *d, size_t page, double x, double y, int font, double size,
		       uint32_t color, const char *text, size_t len)
{
	struct item *it = ldoc_add(d, page, IT_TEXT);

	it->x = x;
	it->y = y;
	it->font = font;
	it->size = size;
	it->color = color;
	it->text = xstrndup(text, len);
	return it;
}

/* ---- flow basics ------------------------------------------------------ */

void flow_init(struct flow *f, struct ldoc *d, const struct theme *th, const struct metrics *m)
{
	memset(f, 0, sizeof(*f));
	f->doc = d;
	f->th = th;
	f->m = m;
	f->top = th->page_h - th->margin_top;
	f->bottom = th->margin_bottom;
	f->left = th->margin_left;
	f->right = th->page_w - th->margin_right;
	f->y = f->top;
	f->first_page = d->n;
}

void flow_new_page(struct flow *f)
{
	struct ldoc *d = f->doc;

	ARRAY_GROW(d->pages, d->n, d->cap);
	memset(&d->pages[d->n], 0, sizeof(d->pages[0]));
	d->n++;
	f->page_open = true;
	f->y = f->top;
}

size_t flow_page(struct flow *f)
{
	if (!f->page_open)
		flow_new_page(f);
	return f->doc->n - 1;
}

static double free_space(const struct flow *f)
{
	return f->y - f->bottom;
}

void flow_need(struct flow *f, double h)
{
	if (!f->page_open) {
		flow_new_page(f);
		return;
	}
	if (free_space(f) < h && f->y < f->top - 0.01)
		flow_new_page(f);
}

void flow_space(struct flow *f, double pt)
{
	if (!f->page_open || f->y >= f->top - 0.01)
		return; /* no space at the top of a page */
	f->y -= pt;
	if (f->y < f->bottom)
		f->y = f->bottom;
}

int flow_anchor(struct flow *f)
{
	struct ldoc *d = f->doc;

	flow_page(f);
	int id = ldoc_new_anchor(d);

	d->anchors[id].page = d->n - 1;
	d->anchors[id].y = f->y;
	return id;
}

double flow_width(const struct flow *f, int font, const char *s, size_t len, double size)
{
	return f->m->width(f->m->ctx, font, s, len, size);
}

static double line_h(const struct flow *f, double size)
{
	return size * f->th->leading;
}

/* Distance from the top of a line box to the baseline. */
static double baseline_off(const struct flow *f, double size)
{
	double glyph = (f->m->ascent - f->m->descent) / 1000.0 * size;

	return (line_h(f, size) - glyph) / 2 + f->m->ascent / 1000.0 * size;
}

/* ---- line breaking -------------------------------------------------- */

struct frag {
	const char *s;
	size_t len;
	int font;
	double w;
};

struct word {
	size_t first, n;  /* fragments */
	double w;
	int breaks;       /* forced line breaks before this word */
};

struct line {
	size_t first, n;  /* words */
	double w;         /* words only, without spaces */
	bool last;        /* last line of the paragraph or before a forced break: not justified */
	int blank_before; /* empty lines before this one */
};

struct broken {
	struct frag *frags;
	size_t nfrags, fcap;
	struct word *words;
	size_t nwords, wcap;
	struct line *lines;
	size_t nlines, lcap;
	double space_w[FONT_COUNT];
};

static void broken_release(struct broken *b)
{
	free(b->frags);
	free(b->words);
	free(b->lines);
	memset(b, 0, sizeof(*b));
}

static void add_frag(struct broken *b, const struct flow *f, const char *s, size_t len, int font, double size)
{
	struct frag *fr;

	ARRAY_GROW(b->frags, b->nfrags, b->fcap);
	fr = &b->frags[b->nfrags++];
	fr->s = s;
	fr->len = len;
	fr->font = font;
	fr->w = flow_width(f, font, s, len, size);
}

/* Split spans into words made of fragments. */
static void tokenize(struct broken *b, const struct flow *f, const struct span *sp, size_t n, double size)
{
	size_t i;
	bool in_word = false;
	int pending_breaks = 0;

	for (i = 0; i < n; i++) {
		const char *s = sp[i].text;
		size_t len = sp[i].len, p = 0;

		while (p < len) {
			char c = s[p];
			size_t q;

			if (c == ' ' && in_word && p + 1 < len && s[p + 1] != ' ' && s[p + 1] != '\n' &&
			    utf8_binds_next(b->frags[b->nfrags - 1].s, b->frags[b->nfrags - 1].len)) {
				/* "€ 80": the space belongs to the word, the amount follows */
				add_frag(b, f, s + p, 1, sp[i].font, size);
				b->words[b->nwords - 1].n++;
				b->words[b->nwords - 1].w += b->frags[b->nfrags - 1].w;
				p++;
				continue;
			}
			if (c == ' ' || c == '\t' || c == '\r') {
				in_word = false;
				p++;
				continue;
			}
			if (c == '\n') {
				in_word = false;
				pending_breaks++;
				p++;
				continue;
			}
			q = p;
			while (q < len && s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\r')
				q++;
			if (!in_word) {
				struct word *w;

				ARRAY_GROW(b->words, b->nwords, b->wcap);
				w = &b->words[b->nwords++];
				w->first = b->nfrags;
				w->n = 0;
				w->w = 0;
				w->breaks = pending_breaks;
				pending_breaks = 0;
				in_word = true;
			}
			add_frag(b, f, s + p, q - p, sp[i].font, size);
			b->words[b->nwords - 1].n++;
			b->words[b->nwords - 1].w += b->frags[b->nfrags - 1].w;
			p = q;
		}
		/* a span boundary inside a word keeps the word going */
	}
}

/*
 * Cut words wider than `avail` into pieces that fit, at character
 * boundaries. Pieces after the first start a new line.
 */
static void split_long_words(struct broken *b, const struct flow *f, double avail, double size)
{
	struct word *old = b->words;
	size_t nold = b->nwords, i;
	struct frag *oldf = b->frags;
	size_t noldf = b->nfrags;

	b->words = NULL;
	b->nwords = b->wcap = 0;
	b->frags = NULL;
	b->nfrags = b->fcap = 0;
	for (i = 0; i < nold; i++) {
		struct word w = old[i];
		size_t k;

		if (w.w <= avail) {
			struct word *nw;

			ARRAY_GROW(b->words, b->nwords, b->wcap);
			nw = &b->words[b->nwords++];
			*nw = w;
			nw->first = b->nfrags;
			for (k = 0; k < w.n; k++) {
				ARRAY_GROW(b->frags, b->nfrags, b->fcap);
				b->frags[b->nfrags++] = oldf[w.first + k];
			}
			continue;
		}
		{
			double acc = 0;
			bool first_piece = true;
			struct word *nw = NULL;

			for (k = 0; k < w.n; k++) {
				const struct frag *fr = &oldf[w.first + k];
				size_t p = 0;

				while (p < fr->len) {
					uint32_t cp;
					size_t cl = utf8_decode(fr->s + p, fr->len - p, &cp);
					double cw;

					if (!cl)
						cl = 1;
					cw = flow_width(f, fr->font, fr->s + p, cl, size);
					if (!nw || (acc + cw > avail && acc > 0)) {
						ARRAY_GROW(b->words, b->nwords, b->wcap);
						nw = &b->words[b->nwords++];
						nw->first = b->nfrags;
						nw->n = 0;
						nw->w = 0;
						nw->breaks = first_piece ? w.breaks : 1;
						first_piece = false;
						acc = 0;
					}
					if (nw->n == 0 || b->frags[b->nfrags - 1].s + b->frags[b->nfrags - 1].len != fr->s + p ||
					    b->frags[b->nfrags - 1].font != fr->font) {
						ARRAY_GROW(b->frags, b->nfrags, b->fcap);
						b->frags[b->nfrags].s = fr->s + p;
						b->frags[b->nfrags].len = 0;
						b->frags[b->nfrags].font = fr->font;
						b->frags[b->nfrags].w = 0;
						b->nfrags++;
						nw->n++;
					}
					b->frags[b->nfrags - 1].len += cl;
					b->frags[b->nfrags - 1].w += cw;
					nw->w += cw;
					acc += cw;
					p += cl;
				}
			}
		}
	}
	free(old);
	free(oldf);
	(void)noldf;
}

static void break_lines(struct broken *b, const struct flow *f, const struct span *sp, size_t n, double size,
			double avail)
{
	size_t i;
	struct line *cur = NULL;

	memset(b, 0, sizeof(*b));
	b->space_w[FONT_REGULAR] = flow_width(f, FONT_REGULAR, " ", 1, size);
	b->space_w[FONT_BOLD] = flow_width(f, FONT_BOLD, " ", 1, size);
	tokenize(b, f, sp, n, size);
	split_long_words(b, f, avail, size);
	for (i = 0; i < b->nwords; i++) {
		const struct word *w = &b->words[i];
		double sw = b->space_w[b->frags[w->first].font];

		if (cur && (w->breaks || cur->w + (double)cur->n * sw + w->w > avail + 0.01)) {
			cur->last = w->breaks > 0;
			cur = NULL;
		}
		if (!cur) {
			ARRAY_GROW(b->lines, b->nlines, b->lcap);
			cur = &b->lines[b->nlines++];
			cur->first = i;
			cur->n = 0;
			cur->w = 0;
			cur->last = false;
			cur->blank_before = w->breaks > 1 ? w->breaks - 1 : 0;
		}
		cur->n++;
		cur->w += w->w;
	}
	if (cur)
		cur->last = true;
}

/* A fragment that is the space glued into a word ("€ 80"). */
static bool glued_space(const struct frag *fr)
{
	return fr->len == 1 && fr->s[0] == ' ';
}

/*
 * Draw one line at baseline y between x0 and x0 + avail. Runs of words in
 * the same font become one text item. A justified line widens every space
 * by the same amount `extra` through the items' word_space (the PDF's word
 * spacing, which applies to each space character, also to the one glued
 * into "€ 80"), so it stays one item per run instead of one per word, and
 * the layout's positions are exactly where the renderer draws.
 */
static void emit_line(struct flow *f, const struct broken *b, const struct line *ln, double x0, double avail,
		      double y, double size, uint32_t color, enum align al)
{
	struct buf run = BUF_INIT;
	struct item *it;
	bool justify = al == AL_JUSTIFY && !ln->last && ln->n > 1;
	double spaces = 0, extra = 0, x = x0, run_x;
	size_t i, k, nspaces = ln->n - 1;
	int font = -1;

	for (i = 0; i < ln->n; i++) {
		const struct word *w = &b->words[ln->first + i];

		for (k = 0; k < w->n; k++)
			nspaces += glued_space(&b->frags[w->first + k]);
		if (i + 1 < ln->n)
			spaces += b->space_w[b->frags[w->first + w->n - 1].font];
	}
	if (al == AL_RIGHT)
		x = x0 + avail - (ln->w + spaces);
	else if (al == AL_CENTER)
		x = x0 + (avail - (ln->w + spaces)) / 2;
	else if (justify)
		extra = (avail - ln->w - spaces) / (double)nspaces;
	run_x = x;
	for (i = 0; i < ln->n; i++) {
		const struct word *w = &b->words[ln->first + i];

		for (k = 0; k < w->n; k++) {
			const struct frag *fr = &b->frags[w->first + k];

			if (fr->font != font) {
				if (run.len) {
					it = ldoc_text(f->doc, f->doc->n - 1, run_x, y, font, size, color, run.s, run.len);
					it->word_space = extra;
				}
				buf_reset(&run);
				font = fr->font;
				run_x = x;
			}
			buf_add(&run, fr->s, fr->len);
			x += fr->w + (glued_space(fr) ? extra : 0);
		}
		if (i + 1 < ln->n) {
			buf_addch(&run, ' ');
			x += b->space_w[font] + extra;
		}
	}
	if (run.len) {
		it = ldoc_text(f->doc, f->doc->n - 1, run_x, y, font, size, color, run.s, run.len);
		it->word_space = extra;
	}
	buf_release(&run);
}

void flow_para(struct flow *f, const struct span *sp, size_t n, double size, uint32_t color,
	       enum align al, double indent)
{
	struct broken b;
	double lh = line_h(f, size), avail = f->right - f->left - indent;
	size_t i;

	break_lines(&b, f, sp, n, size, avail);
	/* keep at least two lines together at a page end */
	flow_need(f, lh * (b.nlines >= 2 ? 2 : 1));
	for (i = 0; i < b.nlines; i++) {
		const struct line *ln = &b.lines[i];
		int k;

		for (k = 0; k < ln->blank_before; k++) {
			if (free_space(f) < lh)
				flow_new_page(f);
			f->y -= lh;
		}
		if (free_space(f) < lh - 0.01)
			flow_new_page(f);
		emit_line(f, &b, ln, f->left + indent, avail, f->y - baseline_off(f, size), size, color, al);
		f->y -= lh;
	}
	broken_release(&b);
}

static void spans_of(const char *text, size_t len, int font, struct span *out)
{
	out->text = text;
	out->len = len;
	out->font = font;
}

void flow_text(struct flow *f, const char *text)
{
	const char *p = text;

	/* paragraphs are separated by one or more blank lines */
	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct span sp;

		if (len) {
			spans_of(p, len, FONT_REGULAR, &sp);
			flow_para(f, &sp, 1, f->th->body, f->th->text, f->th->justify ? AL_JUSTIFY : AL_LEFT, 0);
			flow_space(f, f->th->para_gap);
		}
		if (!end)
			break;
		p = end;
		while (*p == '\n')
			p++;
	}
}

void flow_note(struct flow *f, const char *text)
{
	struct span sp;

	spans_of(text, strlen(text), FONT_REGULAR, &sp);
	flow_para(f, &sp, 1, f->th->small, f->th->muted, AL_LEFT, 0);
	flow_space(f, f->th->para_gap);
}

void flow_numbered(struct flow *f, int n, const struct span *sp, size_t nsp)
{
	char num[16];
	double indent = f->th->body * 1.8, y0;
	size_t page;

	snprintf(num, sizeof(num), "%d.", n);
	/* after this, flow_para's own two-line check passes: the first line stays here */
	flow_need(f, line_h(f, f->th->body) * 2);
	page = flow_page(f);
	y0 = f->y;
	flow_para(f, sp, nsp, f->th->body, f->th->text, f->th->justify ? AL_JUSTIFY : AL_LEFT, indent);
	ldoc_text(f->doc, page, f->left + indent - 4 - flow_width(f, FONT_REGULAR, num, strlen(num), f->th->body),
		  y0 - baseline_off(f, f->th->body), FONT_REGULAR, f->th->body, f->th->text, num, strlen(num));
	flow_space(f, f->th->para_gap * 0.6);
}

void flow_title(struct flow *f, const char *text)
{
	struct span sp;
	struct item *rule;
	double size = f->th->title;

	flow_need(f, line_h(f, size) + line_h(f, f->th->body) * 4);
	spans_of(text, strlen(text), FONT_BOLD, &sp);
	flow_para(f, &sp, 1, size, f->th->accent, AL_LEFT, 0);
	f->y -= 3;
	rule = ldoc_add(f->doc, flow_page(f), IT_LINE);
	rule->x = f->left;
	rule->y = f->y;
	rule->w = f->right - f->left;
	rule->h = 0;
	rule->color = f->th->accent;
	rule->line_w = 0.8;
	f->y -= 10;
}

void flow_subtitle(struct flow *f, const char *text)
{
	struct span sp;

	spans_of(text, strlen(text), FONT_REGULAR, &sp);
	flow_para(f, &sp, 1, f->th->h1, f->th->text, AL_LEFT, 0);
	flow_space(f, 6);
}

void flow_heading(struct flow *f, const char *text, int level)
{
	struct span sp;
	double size = level <= 1 ? f->th->h1 : f->th->h2;

	flow_space(f, level <= 1 ? 8 : 5);
	/* a heading never ends a page: keep it with three lines of what follows */
	flow_need(f, line_h(f, size) + line_h(f, f->th->body) * 3);
	spans_of(text, strlen(text), FONT_BOLD, &sp);
	flow_para(f, &sp, 1, size, level <= 1 ? f->th->accent : f->th->text, AL_LEFT, 0);
	flow_space(f, 2);
}

void flow_box(struct flow *f, const char *text, bool bold)
{
	struct span sp;
	struct broken b;
	double pad = 8, size = f->th->body, lh = line_h(f, size);
	double x0 = f->left, x1 = f->right, avail = x1 - x0 - 2 * pad - 3;
	size_t i, bg = 0, page = 0;
	double seg_top = 0;
	bool open = false;

	spans_of(text, strlen(text), bold ? FONT_BOLD : FONT_REGULAR, &sp);
	break_lines(&b, f, &sp, 1, size, avail);
	flow_need(f, lh * (b.nlines >= 2 ? 2 : 1) + 2 * pad);
	for (i = 0; i < b.nlines; i++) {
		const struct line *ln = &b.lines[i];
		int k, blank = ln->blank_before;

		if (open && free_space(f) < lh * (1 + blank) + pad) {
			/* close this page's part of the box */
			struct item *r = &f->doc->pages[page].v[bg];

			r->y = f->y - pad;
			r->h = seg_top - r->y;
			open = false;
			flow_new_page(f);
			blank = 0; /* blank lines at a page break are not carried over */
		}
		if (!open) {
			struct item *r;

			page = flow_page(f);
			bg = f->doc->pages[page].n;
			r = ldoc_add(f->doc, page, IT_RECT);
			r->x = x0;
			r->w = x1 - x0;
			r->fill = f->th->box_fill;
			r->color = f->th->box_border;
			r->line_w = 1.2;
			seg_top = f->y;
			f->y -= pad;
			open = true;
		}
		/* nor those before the first line that would push it off the page */
		if (free_space(f) < lh * (1 + blank) + pad)
			blank = 0;
		for (k = 0; k < blank; k++)
			f->y -= lh;
		emit_line(f, &b, ln, x0 + pad + 3, avail, f->y - baseline_off(f, size), size, f->th->text,
			  f->th->justify ? AL_JUSTIFY : AL_LEFT);
		f->y -= lh;
	}
	if (open) {
		struct item *r = &f->doc->pages[page].v[bg];

		f->y -= pad;
		r->y = f->y;
		r->h = seg_top - r->y;
	}
	broken_release(&b);
	flow_space(f, f->th->para_gap + 2);
}

/* ---- tables ------------------------------------------------------------ */

struct cell_lines {
	struct broken b;
	double x, w;       /* cell box */
	enum align al;
	int font;
	int page_ref;
};

struct row_geom {
	struct cell_lines *cells;
	size_t n;
	size_t max_lines;
};

static void row_break(struct flow *f, const struct table *t, const struct trow *r, const double *colx,
		      double size, struct row_geom *g)
{
	size_t i, col = 0;
	double pad = f->th->cell_pad;

	g->cells = xcalloc(r->ncells ? r->ncells : 1, sizeof(*g->cells));
	g->n = r->ncells;
	g->max_lines = 1;
	for (i = 0; i < r->ncells; i++) {
		const struct tcell *c = &r->cells[i];
		size_t spn = c->span > 0 ? (size_t)c->span : 1;
		struct span sp;
		struct cell_lines *cl = &g->cells[i];
		const char *text = c->text ? c->text : "";
		int font = c->font;

		if (col + spn > t->ncols)
			spn = t->ncols > col ? t->ncols - col : 1;
		if (r->kind == ROW_HEADER || r->kind == ROW_GROUP || r->kind == ROW_SUBTOTAL || r->kind == ROW_TOTAL)
			font = FONT_BOLD;
		if (t->label_col && col == 0 && r->kind == ROW_NORMAL)
			font = FONT_BOLD;
		cl->x = colx[col];
		cl->w = colx[col + spn] - colx[col];
		cl->al = c->align;
		cl->font = font;
		cl->page_ref = c->page_ref;
		if (c->page_ref > 0)
			text = "000";
		spans_of(text, strlen(text), font, &sp);
		break_lines(&cl->b, f, &sp, 1, size, cl->w - 2 * pad);
		if (cl->b.nlines > g->max_lines)
			g->max_lines = cl->b.nlines;
		col += spn;
	}
}

static void row_free(struct row_geom *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		broken_release(&g->cells[i].b);
	free(g->cells);
}

static uint32_t row_fill(const struct flow *f, enum row_kind k)
{
	switch (k) {
	case ROW_HEADER: case ROW_TOTAL: return f->th->head_fill;
	case ROW_GROUP: return f->th->group_fill;
	default: return NO_FILL;
	}
}

/*
 * Draw lines [from, to) of every cell of a row, as one slice of height h
 * starting at the current y. Backgrounds and borders first, then text.
 */
static void row_slice(struct flow *f, const struct table *t, const struct trow *r, struct row_geom *g,
		      size_t from, size_t to, double size)
{
	size_t page = flow_page(f), i;
	double pad = f->th->cell_pad, lh = line_h(f, size);
	double h = (double)(to - from) * lh + 2 * pad;
	double top = f->y;

	for (i = 0; i < g->n; i++) {
		struct cell_lines *cl = &g->cells[i];
		struct item *rect = ldoc_add(f->doc, page, IT_RECT);

		rect->x = cl->x;
		rect->y = top - h;
		rect->w = cl->w;
		rect->h = h;
		rect->fill = row_fill(f, r->kind);
		if (t->label_col && i == 0 && r->kind == ROW_NORMAL)
			rect->fill = f->th->label_fill;
		rect->color = f->th->border;
		rect->line_w = 0.5;
	}
	if (r->kind == ROW_SUBTOTAL || r->kind == ROW_TOTAL) {
		struct item *ln = ldoc_add(f->doc, page, IT_LINE);

		ln->x = g->cells[0].x;
		ln->y = top;
		ln->w = g->cells[g->n - 1].x + g->cells[g->n - 1].w - ln->x;
		ln->h = 0;
		ln->color = r->kind == ROW_TOTAL ? f->th->accent : f->th->text;
		ln->line_w = r->kind == ROW_TOTAL ? 1.2 : 0.8;
	}
	for (i = 0; i < g->n; i++) {
		struct cell_lines *cl = &g->cells[i];
		size_t k;

		for (k = from; k < to && k < cl->b.nlines; k++) {
			double y = top - pad - (double)(k - from) * lh - baseline_off(f, size);

			if (cl->page_ref > 0) {
				struct item *it = ldoc_text(f->doc, page, cl->x + cl->w - pad, y, cl->font, size,
							    f->th->text, "", 0);

				it->page_ref = cl->page_ref;
				it->ref_align = AL_RIGHT;
				continue;
			}
			emit_line(f, &cl->b, &cl->b.lines[k], cl->x + pad, cl->w - 2 * pad, y, size, f->th->text,
				  cl->al == AL_JUSTIFY ? AL_LEFT : cl->al);
		}
	}
	f->y = top - h;
}

/*
 * Column widths from the content, like a browser's automatic table
 * layout: every column gets at least its longest word, and the rest of
 * the width goes where the text is longest.
 */
static void auto_widths(const struct flow *f, const struct table *t, double size, double avail, double *w)
{
	double *nat = xcalloc(t->ncols, sizeof(double)), *min = xcalloc(t->ncols, sizeof(double));
	double pad = 2 * f->th->cell_pad, sum_nat = 0, sum_min = 0;
	size_t r, i;

	for (r = 0; r <= t->nrows; r++) {
		const struct trow *row = r == t->nrows ? t->header : &t->rows[r];
		size_t col = 0;

		if (!row)
			continue;
		for (i = 0; i < row->ncells; i++) {
			const struct tcell *c = &row->cells[i];
			size_t spn = c->span > 0 ? (size_t)c->span : 1;
			const char *s = c->page_ref > 0 ? "000" : c->text ? c->text : "";
			int font = row->kind == ROW_NORMAL ? c->font : FONT_BOLD;

			if (spn == 1 && col < t->ncols) {
				const char *p = s;
				double full = flow_width(f, font, s, strlen(s), size) + pad + 1;

				if (full > nat[col])
					nat[col] = full;
				/* numbers and amounts never wrap ("€ 1.234,56") */
				if ((c->align == AL_RIGHT || c->page_ref > 0) && full > min[col])
					min[col] = full;
				while (*p) {
					size_t n = strcspn(p, " \n");
					double ww = flow_width(f, font, p, n, size) + pad + 1;

					if (ww > min[col])
						min[col] = ww;
					p += n;
					while (*p == ' ' || *p == '\n')
						p++;
				}
			}
			col += spn;
		}
	}
	for (i = 0; i < t->ncols; i++) {
		if (min[i] > avail / 2)
			min[i] = avail / 2; /* very long words are cut instead */
		if (nat[i] < min[i])
			nat[i] = min[i];
		sum_nat += nat[i];
		sum_min += min[i];
	}
	for (i = 0; i < t->ncols; i++) {
		if (sum_nat <= avail)
			w[i] = nat[i] + (avail - sum_nat) * (nat[i] / (sum_nat > 0 ? sum_nat : 1));
		else if (sum_min <= avail)
			w[i] = min[i] + (avail - sum_min) * ((nat[i] - min[i]) / (sum_nat - sum_min > 0 ? sum_nat - sum_min : 1));
		else
			w[i] = avail * (min[i] / sum_min);
	}
	free(nat);
	free(min);
}

static void table_columns(const struct flow *f, const struct table *t, double size, double *colx)
{
	double total = 0, width = (f->right - f->left) * (t->width > 0 ? t->width : 1), x = f->left;
	double *autow = NULL;
	const double *colw = t->colw;
	size_t i;

	if (!colw) {
		autow = xcalloc(t->ncols, sizeof(double));
		auto_widths(f, t, size, width, autow);
		colw = autow;
	}
	for (i = 0; i < t->ncols; i++)
		total += colw[i];
	for (i = 0; i < t->ncols; i++) {
		colx[i] = x;
		x += width * colw[i] / (total > 0 ? total : 1);
	}
	colx[t->ncols] = f->left + width;
	free(autow);
}

/*
 * Place every line of a row, on as many pages as it takes. A new page
 * starts with the header `head` (geometry hg, height head_h) when given.
 */
static void place_row(struct flow *f, const struct table *t, const struct trow *r, struct row_geom *g,
		      double size, const struct trow *head, struct row_geom *hg, double head_h)
{
	double lh = line_h(f, size), pad = f->th->cell_pad;
	double h = (double)g->max_lines * lh + 2 * pad;
	size_t done = 0;
	bool fresh = false;

	while (done < g->max_lines) {
		size_t fit = free_space(f) > 2 * pad ? (size_t)floor((free_space(f) - 2 * pad + 0.01) / lh) : 0;
		size_t left = g->max_lines - done;

		/* a row that fits on a fresh page is not split */
		if (fit < left && done == 0 && h <= f->top - f->bottom - head_h)
			fit = 0;
		/* on a fresh page at least one line goes, so the loop always ends */
		if (fit == 0 && fresh)
			fit = 1;
		if (fit == 0) {
			flow_new_page(f);
			if (head)
				row_slice(f, t, head, hg, 0, hg->max_lines, size);
			fresh = true;
			continue;
		}
		if (fit > left)
			fit = left;
		row_slice(f, t, r, g, done, done + fit, size);
		done += fit;
		fresh = false;
	}
}

void flow_table(struct flow *f, const struct table *t)
{
	double *colx = xcalloc(t->ncols + 1, sizeof(double));
	double size = t->size > 0 ? t->size : f->th->body, lh = line_h(f, size), pad = f->th->cell_pad;
	struct row_geom head = { NULL, 0, 0 };
	double head_h = 0;
	bool repeat = false;
	size_t i;

	table_columns(f, t, size, colx);
	if (t->header) {
		row_break(f, t, t->header, colx, size, &head);
		head_h = (double)head.max_lines * lh + 2 * pad;
		/*
		 * The header is repeated on every page only when it leaves room
		 * for a line of a row; a taller one is placed once, split like a
		 * row (repeating it would start new pages without end).
		 */
		repeat = head_h + lh + 2 * pad <= f->top - f->bottom;
	}
	flow_page(f);
	for (i = 0; i < t->nrows; i++) {
		struct row_geom g;
		double h;

		row_break(f, t, &t->rows[i], colx, size, &g);
		h = (double)g.max_lines * lh + 2 * pad;
		/* the header goes with at least the first row */
		if (i == 0 && repeat) {
			flow_need(f, head_h + (h < lh * 3 + 2 * pad ? h : lh * 2 + 2 * pad));
			row_slice(f, t, t->header, &head, 0, head.max_lines, size);
		} else if (i == 0 && t->header) {
			place_row(f, t, t->header, &head, size, NULL, NULL, 0);
		}
		/* a group heading stays with the row after it */
		if (t->rows[i].kind == ROW_GROUP && free_space(f) < h + lh * 2 + 2 * pad && free_space(f) < f->top - f->bottom - head_h) {
			flow_new_page(f);
			if (repeat)
				row_slice(f, t, t->header, &head, 0, head.max_lines, size);
		}
		place_row(f, t, &t->rows[i], &g, size, repeat ? t->header : NULL, &head, repeat ? head_h : 0);
		row_free(&g);
	}
	if (t->header)
		row_free(&head);
	free(colx);
	flow_space(f, f->th->para_gap + 2);
}

void flow_toc_line(struct flow *f, const char *text, int level, int target, bool bold)
{
	struct span sp;
	struct broken b;
	double size = f->th->body, lh = line_h(f, size) * 1.1;
	double indent = level * 14.0, numw = 30, x0 = f->left + indent, x1 = f->right - numw;
	size_t page, i, nlink = 0;
	double y, endx, dotw;
	struct item *link, *num;

	spans_of(text, strlen(text), bold ? FONT_BOLD : FONT_REGULAR, &sp);
	break_lines(&b, f, &sp, 1, size, x1 - x0 - 12);
	flow_need(f, lh * (double)b.nlines);
	page = flow_page(f);
	for (i = 0; i < b.nlines; i++) {
		/* an entry longer than a page goes on on the next, with a link there too */
		if (i == 0 || free_space(f) < lh - 0.01) {
			if (i > 0)
				flow_new_page(f);
			page = flow_page(f);
			/* an index, not a pointer: adding items moves the page's array */
			nlink = f->doc->pages[page].n;
			link = ldoc_add(f->doc, page, IT_LINK);
			link->x = x0;
			link->y = f->y;
			link->w = f->right - x0;
			link->h = 0;
			link->target = target;
		}
		link = &f->doc->pages[page].v[nlink];
		link->y -= lh;
		link->h += lh;
		y = f->y - baseline_off(f, size) - (lh - line_h(f, size)) / 2;
		emit_line(f, &b, &b.lines[i], x0, x1 - x0, y, size, f->th->text, AL_LEFT);
		if (i + 1 == b.nlines) {
			/* dot leaders from the end of the text to the number */
			endx = x0 + b.lines[i].w;
			{
				size_t k;

				for (k = 1; k < b.lines[i].n; k++)
					endx += b.space_w[bold ? FONT_BOLD : FONT_REGULAR];
			}
			dotw = flow_width(f, FONT_REGULAR, ". ", 2, size);
			if (dotw > 0 && x1 - endx > dotw * 2) {
				struct buf dots = BUF_INIT;
				size_t nd = (size_t)((x1 + numw - 22 - endx - 6) / dotw);

				buf_addrep(&dots, ". ", nd);
				ldoc_text(f->doc, page, endx + 6, y, FONT_REGULAR, size, f->th->muted, dots.s, dots.len);
				buf_release(&dots);
			}
			num = ldoc_text(f->doc, page, f->right, y, bold ? FONT_BOLD : FONT_REGULAR, size, f->th->text, "", 0);
			num->page_ref = target;
			num->ref_align = AL_RIGHT;
		}
		f->y -= lh;
	}
	broken_release(&b);
}

void flow_signatures(struct flow *f, const struct sigblock *blocks, size_t n)
{
	double gap = 14, w = (f->right - f->left - gap) / 2, size = f->th->body, lh = line_h(f, size);
	double pad = 8, sign_h = 50, h = pad * 2 + lh * 6 + sign_h;
	size_t i;

	for (i = 0; i < n; i += 2) {
		size_t k, page;
		double top;

		flow_need(f, h + 6);
		page = flow_page(f);
		top = f->y;
		for (k = i; k < n && k < i + 2; k++) {
			const struct sigblock *b = &blocks[k];
			double x = f->left + (double)(k - i) * (w + gap), y = top - pad;
			struct item *r = ldoc_add(f->doc, page, IT_RECT);
			size_t l;

			r->x = x;
			r->y = top - h;
			r->w = w;
			r->h = h;
			r->color = f->th->border;
			r->line_w = 0.7;
			ldoc_text(f->doc, page, x + pad, y - baseline_off(f, size), FONT_BOLD, size, f->th->text,
				  b->heading, strlen(b->heading));
			y -= lh;
			for (l = 0; l < 5 && b->lines[l]; l++) {
				struct span sp;
				struct broken br;

				/* one line each; long names are shortened to the box, never spilled */
				spans_of(b->lines[l], strlen(b->lines[l]), FONT_REGULAR, &sp);
				break_lines(&br, f, &sp, 1, size, w - 2 * pad);
				if (br.nlines)
					emit_line(f, &br, &br.lines[0], x + pad, w - 2 * pad, y - baseline_off(f, size), size,
						  f->th->text, AL_LEFT);
				broken_release(&br);
				y -= lh;
			}
			r = ldoc_add(f->doc, page, IT_LINE);
			r->x = x + pad;
			r->y = top - h + pad + 4;
			r->w = w - 2 * pad;
			r->h = 0;
			r->color = f->th->text;
			r->line_w = 0.6;
		}
		f->y = top - h - 10;
	}
}

void flow_image(struct flow *f, const char *path, double img_w, double img_h)
{
	double avail_w = f->right - f->left, avail_h = free_space(f) - 4, s;
	size_t page = flow_page(f);
	struct item *it;

	if (img_w <= 0 || img_h <= 0)
		return;
	s = avail_w / img_w;
	if (img_h * s > avail_h)
		s = avail_h / img_h;
	it = ldoc_add(f->doc, page, IT_IMAGE);
	it->w = img_w * s;
	it->h = img_h * s;
	it->x = f->left + (avail_w - it->w) / 2;
	it->y = f->y - it->h;
	it->text = xstrdup(path);
	f->y -= it->h + 4;
}

/* ---- anchors and the table builder ---------------------------------------- */

int ldoc_new_anchor(struct ldoc *d)
{
	if (!d->nanchors) {
		/* id 0 is "no anchor": a slot that is never placed */
		ARRAY_GROW(d->anchors, d->nanchors, d->acap);
		memset(&d->anchors[0], 0, sizeof(d->anchors[0]));
		d->nanchors = 1;
	}
	ARRAY_GROW(d->anchors, d->nanchors, d->acap);
	memset(&d->anchors[d->nanchors], 0, sizeof(d->anchors[0]));
	return (int)d->nanchors++;
}

void tb_init(struct tbuild *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
}

void tb_row(struct tbuild *t, enum row_kind kind)
{
	ARRAY_GROW(t->rows, t->n, t->cap);
	memset(&t->rows[t->n], 0, sizeof(t->rows[0]));
	t->rows[t->n++].kind = kind;
}

struct tcell *tb_cell(struct tbuild *t, const char *text)
{
	struct tbrow *r;
	struct tcell *c;

	if (!t->n)
		tb_row(t, ROW_NORMAL);
	r = &t->rows[t->n - 1];
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->cells = xrealloc(r->cells, r->cap * sizeof(*r->cells));
		r->texts = xrealloc(r->texts, r->cap * sizeof(*r->texts));
	}
	c = &r->cells[r->n];
	memset(c, 0, sizeof(*c));
	r->texts[r->n] = xstrdup(text ? text : "");
	c->text = r->texts[r->n];
	r->n++;
	return c;
}

size_t tb_rows(const struct tbuild *t)
{
	return t->n && t->rows[0].kind == ROW_HEADER ? t->n - 1 : t->n;
}

void tb_flow(struct flow *f, const struct tbuild *t)
{
	bool has_head = t->n && t->rows[0].kind == ROW_HEADER;
	size_t first = has_head ? 1 : 0, n = t->n - first, i;
	struct trow *rows = xcalloc(t->n + 1, sizeof(*rows));
	struct table tb;

	if (!n)
		goto out;
	for (i = 0; i < t->n; i++) {
		rows[i].cells = t->rows[i].cells;
		rows[i].ncells = t->rows[i].n;
		rows[i].kind = t->rows[i].kind;
	}
	tb.colw = t->colw;
	tb.ncols = t->ncols;
	tb.header = has_head ? &rows[0] : NULL;
	tb.rows = rows + first;
	tb.nrows = n;
	tb.label_col = t->label_col;
	tb.width = t->width;
	tb.size = t->size;
	flow_table(f, &tb);
out:
	free(rows);
}

void tb_release(struct tbuild *t)
{
	size_t i, k;

	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->rows[i].n; k++)
			free(t->rows[i].texts[k]);
		free(t->rows[i].texts);
		free(t->rows[i].cells);
	}
	free(t->rows);
	memset(t, 0, sizeof(*t));
}
