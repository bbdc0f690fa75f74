/*
 * compose_absence.c - the "Verzuimbeeld" page: hours of absence per week
 * as a bar chart in vector paths, stacked by kind, the routeboek's phases
 * shaded behind it, holiday weeks as gaps, a numbered line for each step
 * and (dashed) each threshold the registration crossed; then the legend,
 * the list of lines, the comparisons of absence.h and the table of weeks.
 *
 * Legible in black and white: the kinds differ in grey level, and luxe
 * verzuim is hatched. Each bar segment is one rectangle drawn with line
 * width BAR_LINE, which tests use to find the bars in the PDF content.
 */
#include "absence.h"
#include "casus.h"
#include "compose_int.h"
#include "date.h"
#include "json.h"
#include "layout.h"
#include "rules.h"
#include "timeline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

#define PLOT_H 190.0      /* height of the plot area, pt */
#define AXIS_W 26.0       /* room for the hour labels left of the plot */
#define TOP_ROWS 3        /* rows for the line numbers above the plot */
#define ROW_H 8.0
#define BAR_LINE 0.35     /* the bars' outline: tests find bars by it */
#define MAX_NOTES 16

/* The look of each kind, bottom to top of a bar. */
static const struct {
	int kind;
	enum word name;
	uint32_t fill;
	double hatch;
} kinds[TLK_N] = {
	{ TLK_UNAUTH, W_AB_UNAUTH, 0x7A2323, 0 },
	{ TLK_LUXURY, W_AB_LUXURY, 0xFFFFFF, 3.0 },
	{ TLK_LATE, W_AB_LATE, 0xC98A3A, 0 },
	{ TLK_SICK, W_AB_SICK, 0x9DBFDC, 0 },
	{ TLK_AUTH, W_AB_AUTH, 0xE9EFE1, 0 },
};
static const uint32_t phase_fill[] = { 0xF1F1F1, 0xE2E2E2 };

bool absence_page_wanted(const struct comp *C)
{
	return absence_has_data(C->in->c->root);
}

static void rect(struct comp *C, size_t pg, double x, double y, double w, double h, uint32_t fill, double line,
		 uint32_t color, double hatch)
{
	struct item *it = ldoc_add(C->doc, pg, IT_RECT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->line_w = line;
	it->color = color;
	it->hatch = hatch;
}

static void line(struct comp *C, size_t pg, double x, double y, double w, double h, double width, uint32_t color)
{
	struct item *it = ldoc_add(C->doc, pg, IT_LINE);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->line_w = width;
	it->color = color;
}

/* Text centred on x (align < 0: right edge at x, > 0: left edge). */
static void label(struct comp *C, size_t pg, double x, double y, int font, double size, uint32_t color, const char *s,
		  int align)
{
	double w = flow_width(&C->f, font, s, strlen(s), size);

	ldoc_text(C->doc, pg, align < 0 ? x - w : align > 0 ? x : x - w / 2, y, font, size, color, s, strlen(s));
}

static double nice_step(double max)
{
	static const double steps[] = { 1, 2, 4, 5, 8, 10, 20, 25, 50, 100 };
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (max / steps[i] <= 6)
			return steps[i];
	return ceil(max / 600) * 100;
}

static void hours_text(char *out, size_t n, double h)
{
	long c = lround(h * 100);

	if (c % 100)
		snprintf(out, n, "%ld,%02ld", c / 100, c % 100);
	else
		snprintf(out, n, "%ld", c / 100);
}

struct chart {
	double x0, y0, w, slot;   /* plot area: lower left, width, width of a week */
	double ymax;
	size_t pg;
};

static double day_x(const struct chart *K, const struct tl_weeks *W, int day)
{
	return K->x0 + ((double)(day - W->v[0].monday) + 0.5) / 7.0 * K->slot;
}

/* The phases' bands (names false) or their names (names true, drawn over the bars). */
static void draw_phases(struct comp *C, const struct chart *K, const struct tl_weeks *W, bool names)
{
	const struct ruleset *rs = C->in->rs;
	struct buf t = BUF_INIT;
	size_t p, i, a;

	for (p = 0; p < rs->nphases; p++) {
		const struct tl_phase *ph = &rs->phases[p];

		for (i = 0; i < W->n; i = a) {
			a = i + 1;
			if (W->v[i].week < ph->from || W->v[i].week > ph->to)
				continue;
			while (a < W->n && W->v[a].week >= ph->from && W->v[a].week <= ph->to)
				a++;
			if (names) {
				prep(C, ph->name, &t);
				if (flow_width(&C->f, FONT_REGULAR, t.s, t.len, 7) < (double)(a - i) * K->slot - 4)
					label(C, K->pg, K->x0 + (double)i * K->slot + 2, K->y0 + PLOT_H - 9, FONT_REGULAR, 7,
					      C->f.th->muted, t.s, 1);
			} else {
				rect(C, K->pg, K->x0 + (double)i * K->slot, K->y0, (double)(a - i) * K->slot, PLOT_H,
				     phase_fill[p % 2], 0, 0, 0);
			}
		}
	}
	/* holidays: gaps in the shading */
	for (i = 0; i < W->n && !names; i++)
		if (W->v[i].holiday)
			rect(C, K->pg, K->x0 + (double)i * K->slot, K->y0, K->slot, PLOT_H, 0xFFFFFF, 0, 0, 0);
	buf_release(&t);
}

static void draw_axes(struct comp *C, const struct chart *K, const struct tl_weeks *W, double step)
{
	struct buf t = BUF_INIT;
	char num[32];
	double v, y;
	size_t i;
	int last = -1000;

	for (v = 0; v <= K->ymax + 1e-9; v += step) {
		y = K->y0 + v / K->ymax * PLOT_H;
		if (v > 0)
			line(C, K->pg, K->x0, y, K->w, 0, 0.3, 0xAAAAAA);
		hours_text(num, sizeof(num), v);
		label(C, K->pg, K->x0 - 3, y - 2.5, FONT_REGULAR, 7, C->f.th->text, num, -1);
	}
	line(C, K->pg, K->x0, K->y0, K->w, 0, 0.8, C->f.th->text);
	line(C, K->pg, K->x0, K->y0, 0, PLOT_H, 0.8, C->f.th->text);
	word_of(C, W_AB_HOURS, NULL, &t);
	label(C, K->pg, K->x0 - 3, K->y0 + PLOT_H + 4, FONT_BOLD, 7, C->f.th->text, t.s, -1);
	for (i = 0; i < W->n; i++) {
		double cx = K->x0 + ((double)i + 0.5) * K->slot;

		if (W->v[i].holiday) {
			word_of(C, W_AB_HOLIDAY, NULL, &t);
			label(C, K->pg, cx, K->y0 - 9, FONT_REGULAR, 6, C->f.th->muted, t.s, 0);
			continue;
		}
		if (W->v[i].week == last)
			continue;
		last = W->v[i].week;
		if (K->slot < 11 && W->v[i].week % 2 && i + 1 < W->n)
			continue; /* narrow weeks: every other number */
		snprintf(num, sizeof(num), "%d", W->v[i].week);
		label(C, K->pg, cx, K->y0 - 9, FONT_REGULAR, 7, C->f.th->text, num, 0);
	}
	word_of(C, W_AB_WEEK, NULL, &t);
	label(C, K->pg, K->x0 + K->w / 2, K->y0 - 19, FONT_BOLD, 7, C->f.th->text, t.s, 0);
	buf_release(&t);
}

static void draw_bars(struct comp *C, const struct chart *K, const struct tl_weeks *W)
{
	double bw = K->slot * 0.68;
	size_t i, k;

	for (i = 0; i < W->n; i++) {
		double y = K->y0, x = K->x0 + (double)i * K->slot + (K->slot - bw) / 2;

		if (W->v[i].holiday)
			continue;
		for (k = 0; k < TLK_N; k++) {
			double h = W->v[i].hours[kinds[k].kind] / K->ymax * PLOT_H;

			if (h <= 0)
				continue;
			rect(C, K->pg, x, y, bw, h, kinds[k].fill, BAR_LINE, 0x222222, kinds[k].hatch);
			y += h;
		}
	}
}

/* The numbered lines: steps solid, thresholds dashed; numbers above the plot, in rows when they crowd. */
static size_t draw_marks(struct comp *C, const struct chart *K, const struct tl_weeks *W, const struct tl_event **marks,
			 size_t max)
{
	const struct timeline *t = C->in->tl;
	double last_x[TOP_ROWS];
	size_t i, n = 0;
	int r, first = W->v[0].monday, end = W->v[W->n - 1].monday + 7;
	char num[16];

	for (r = 0; r < TOP_ROWS; r++)
		last_x[r] = -1e9;
	for (i = 0; i < t->n && n < max; i++) {
		const struct tl_event *ev = &t->v[i];
		double x;

		if (ev->day < first || ev->day >= end || (t->has_start && ev->day == t->start && !ev->threshold))
			continue;
		marks[n++] = ev;
		x = day_x(K, W, ev->day);
		line(C, K->pg, x, K->y0, 0, PLOT_H + 2, 0.9, 0x000000);
		if (ev->threshold)
			C->doc->pages[K->pg].v[C->doc->pages[K->pg].n - 1].dash = 3;
		snprintf(num, sizeof(num), "%zu", n);
		for (r = 0; r < TOP_ROWS - 1 && x - last_x[r] < 9; r++)
			;
		last_x[r] = x;
		label(C, K->pg, x, K->y0 + PLOT_H + 4 + r * ROW_H, FONT_BOLD, 7, C->f.th->text, num, 0);
	}
	return n;
}

static void draw_legend(struct comp *C, double y)
{
	struct buf t = BUF_INIT;
	double x = C->f.left + AXIS_W;
	size_t pg = flow_page(&C->f), k;

	for (k = 0; k < TLK_N; k++) {
		rect(C, pg, x, y, 9, 9, kinds[k].fill, 0.3, 0x222222, kinds[k].hatch);
		word_of(C, kinds[k].name, NULL, &t);
		label(C, pg, x + 12, y + 1.5, FONT_REGULAR, 8, C->f.th->text, t.s, 1);
		x += 12 + flow_width(&C->f, FONT_REGULAR, t.s, t.len, 8) + 14;
	}
	buf_release(&t);
}

/* The lines of the chart, one short line each: number, date, week, what. */
static void marks_list(struct comp *C, const struct tl_event **marks, size_t n)
{
	struct buf t = BUF_INIT, l = BUF_INIT, w = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		struct span sp[2];
		char num[16];

		buf_reset(&l);
		snprintf(num, sizeof(num), "%zu", i + 1);
		date_fmt_short(&l, marks[i]->day);
		if (marks[i]->week > 0) {
			char wk[16];
			const char *vars[] = { "n", wk, NULL };

			snprintf(wk, sizeof(wk), "%d", marks[i]->week);
			word_of(C, W_AB_WEEK_N, vars, &w);
			buf_addf(&l, " (%s)", w.s);
		}
		text_of(C, marks[i]->label, &t);
		buf_addf(&l, ": %s", t.s);
		if (marks[i]->future) {
			word_of(C, W_TL_PLANNED, NULL, &t);
			buf_addf(&l, " %s", t.s);
		}
		sp[0] = (struct span){ num, strlen(num), FONT_BOLD };
		sp[1] = (struct span){ l.s, l.len, FONT_REGULAR };
		buf_reset(&t);
		buf_addf(&t, "%s  ", num);
		sp[0].text = t.s;
		sp[0].len = t.len;
		flow_para(&C->f, sp, 2, C->f.th->small, C->f.th->text, AL_LEFT, 0);
	}
	buf_release(&t);
	buf_release(&l);
	buf_release(&w);
}

static void weeks_table(struct comp *C, const struct tl_weeks *W)
{
	static const double colw[] = { 0.9, 1.6, 1.5, 1.5, 1.2, 1.2, 1.5, 1.2 };
	static const int order[TLK_N] = { TLK_UNAUTH, TLK_AUTH, TLK_SICK, TLK_LATE, TLK_LUXURY };
	static const enum word names[TLK_N] = { W_AB_UNAUTH, W_AB_AUTH, W_AB_SICK, W_AB_LATE, W_AB_LUXURY };
	struct tbuild tb;
	struct buf t = BUF_INIT;
	double sum[TLK_N] = { 0 }, all = 0;
	char num[32];
	size_t i, k;

	tb_init(&tb, 8);
	tb.colw = colw;
	tb.size = C->f.th->small;
	tb_row(&tb, ROW_HEADER);
	word_of(C, W_TL_WEEK, NULL, &t);
	tb_cell(&tb, t.s);
	word_of(C, W_AB_MONDAY, NULL, &t);
	tb_cell(&tb, t.s);
	for (k = 0; k < TLK_N; k++) {
		word_of(C, names[k], NULL, &t);
		tb_cell(&tb, t.s)->align = AL_RIGHT;
	}
	word_of(C, W_AB_TOTAL, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	for (i = 0; i < W->n; i++) {
		const struct tl_week *w = &W->v[i];
		double tot = 0;

		tb_row(&tb, w->holiday ? ROW_GROUP : ROW_NORMAL);
		buf_reset(&t);
		date_fmt_short(&t, w->monday);
		if (w->holiday) {
			tb_cell(&tb, "");
			tb_cell(&tb, t.s);
			prep(C, *w->holiday ? w->holiday : "", &t);
			tb_cell(&tb, t.s)->span = 6;
			continue;
		}
		snprintf(num, sizeof(num), "%d", w->week);
		tb_cell(&tb, num);
		tb_cell(&tb, t.s);
		for (k = 0; k < TLK_N; k++) {
			double h = w->hours[order[k]];

			tot += h;
			sum[k] += h;
			hours_text(num, sizeof(num), h);
			tb_cell(&tb, h > 0 ? num : "")->align = AL_RIGHT;
		}
		all += tot;
		hours_text(num, sizeof(num), tot);
		tb_cell(&tb, num)->align = AL_RIGHT;
	}
	tb_row(&tb, ROW_TOTAL);
	word_of(C, W_AB_TOTAL, NULL, &t);
	tb_cell(&tb, t.s)->span = 2;
	for (k = 0; k < TLK_N; k++) {
		hours_text(num, sizeof(num), sum[k]);
		tb_cell(&tb, num)->align = AL_RIGHT;
	}
	hours_text(num, sizeof(num), all);
	tb_cell(&tb, num)->align = AL_RIGHT;
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
}

static void source_note(struct comp *C)
{
	struct buf t = BUF_INIT, file = BUF_INIT, fd = BUF_INIT, src = BUF_INIT, id = BUF_INIT;

	if (!absence_source(C->in->c->root, &file, &fd, &src, &id))
		goto out;
	{
		const char *vars[] = { "bestand", file.s ? file.s : "", "bron", src.s ? src.s : "",
				       "bestand_datum", fd.s ? fd.s : "", "ingelezen", id.s ? id.s : "", NULL };

		word_of(C, W_AB_SOURCE, vars, &t);
	}
	flow_note(&C->f, t.s);
out:
	buf_release(&t);
	buf_release(&file);
	buf_release(&fd);
	buf_release(&src);
	buf_release(&id);
}

void print_absence(struct comp *C, const struct section *s)
{
	struct tl_weeks W = TL_WEEKS_INIT;
	const struct tl_event *marks[64];
	struct buf t = BUF_INIT, notes[MAX_NOTES];
	struct chart K;
	double step, top;
	size_t nmarks, nnotes, i;

	section_title(C, s, NULL);
	timeline_week_hours(C->in->tl, C->in->c->root, &W);
	word_of(C, W_AB_INTRO, NULL, &t);
	flow_note(&C->f, t.s);
	source_note(C);
	if (!W.n)
		goto out;
	flow_space(&C->f, 6);
	flow_need(&C->f, PLOT_H + TOP_ROWS * ROW_H + 60);
	K.pg = flow_page(&C->f);
	top = C->f.y;
	K.x0 = C->f.left + AXIS_W;
	K.w = C->f.right - K.x0;
	K.slot = K.w / (double)W.n;
	K.y0 = top - TOP_ROWS * ROW_H - 6 - PLOT_H;
	step = nice_step(W.max_hours > 0 ? W.max_hours : 4);
	/* room above the tallest bar for the phases' names */
	K.ymax = ceil((W.max_hours > 0 ? W.max_hours * 1.08 : 4) / step) * step;
	draw_phases(C, &K, &W, false);
	draw_axes(C, &K, &W, step);
	draw_bars(C, &K, &W);
	draw_phases(C, &K, &W, true);
	nmarks = draw_marks(C, &K, &W, marks, sizeof(marks) / sizeof(marks[0]));
	C->f.y = K.y0 - 36;
	draw_legend(C, C->f.y);
	C->f.y -= 14;
	if (nmarks) {
		word_of(C, W_AB_MARKS, NULL, &t);
		flow_heading(&C->f, t.s, 2);
		marks_list(C, marks, nmarks);
	}
	for (i = 0; i < MAX_NOTES; i++)
		buf_init(&notes[i], 0);
	nnotes = absence_notes(C->in->tl, notes, MAX_NOTES);
	if (nnotes) {
		word_of(C, W_AB_LIMITS, NULL, &t);
		flow_heading(&C->f, t.s, 2);
	}
	for (i = 0; i < nnotes; i++) {
		prep(C, notes[i].s, &t);
		flow_note(&C->f, t.s);
	}
	for (i = 0; i < MAX_NOTES; i++)
		buf_release(&notes[i]);
	word_of(C, W_AB_WEEKS, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	weeks_table(C, &W);
out:
	tl_weeks_release(&W);
	buf_release(&t);
}
