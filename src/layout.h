/*
 * layout.h - text flow: measure, break lines, paginate. Knows nothing of
 * forms, cases or the PDF library.
 *
 * The composer (compose.c) pours blocks into a flow: headings, paragraphs,
 * framed boxes, tables, signature blocks. The flow breaks text into lines
 * with the font metrics it is given, starts new pages when one is full
 * (repeating a table's header row, never cutting a line, keeping a heading
 * with what follows it) and records what goes where as positioned items
 * on pages. The renderer (render.c) draws those items.
 *
 * Coordinates are PDF points with the origin at the bottom left.
 * Ownership: an ldoc owns its pages, items and their strings.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

enum { FONT_REGULAR = 0, FONT_BOLD = 1, FONT_COUNT = 2 };

/* Text width in points of s[0..len) in a font at a size. */
typedef double (*measure_fn)(void *ctx, int font, const char *s, size_t len, double size);

struct metrics {
	measure_fn width;
	/* Append s with characters the fonts cannot show replaced (render.c). */
	void (*clean)(void *ctx, const char *s, struct buf *out);
	void *ctx;
	double ascent;   /* per 1000 units of the em, e.g. 905 */
	double descent;  /* negative, e.g. -212 */
};

/* The look, filled from a page template (templates/<name>.ini). */
struct theme {
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	double body, leading, small, title, h1, h2;   /* sizes in pt; leading as a factor */
	double para_gap;      /* space after a paragraph, pt */
	double cell_pad;      /* table cell padding, pt */
	bool justify;
	uint32_t text, accent, muted, label_fill, head_fill, group_fill, border, box_fill, box_border;
};

enum align { AL_LEFT, AL_RIGHT, AL_CENTER, AL_JUSTIFY };

enum item_kind { IT_TEXT, IT_RECT, IT_LINE, IT_IMAGE, IT_LINK };

struct item {
	enum item_kind kind;
	double x, y, w, h;   /* text: x and baseline y; rect/image: lower left + size; line: from x,y by w,h */
	int font;
	double size;
	uint32_t color;      /* text or stroke colour */
	uint32_t fill;       /* rect fill; NO_FILL for none */
	double line_w;       /* rect border / line width; 0 for no border */
	char *text;          /* IT_TEXT (owned); IT_IMAGE: file path (owned) */
	int page_ref;        /* IT_TEXT: > 0 means "the page number of anchor page_ref" */
	enum align ref_align;/* how a page_ref number aligns at x (AL_RIGHT: x is the right edge) */
	int target;          /* IT_LINK: anchor id */
	double word_space;   /* IT_TEXT: extra width of each space (justified lines), pt */
	double hatch;        /* IT_RECT: > 0: diagonal lines this far apart in `color` over the fill */
	int dash;            /* IT_LINE: > 0: dashed, dashes and gaps this long (pt) */
};
#define NO_FILL 0xFFFFFFFFu

struct lpage {
	struct item *v;
	size_t n, cap;
};

/*
 * A place in the document that the contents, links and bookmarks point
 * at. Anchor ids start at 1 (ldoc_new_anchor()): 0 means "no anchor", so a
 * zeroed cell or item never points anywhere.
 */
struct anchor {
	size_t page;  /* 0-based index in ldoc pages */
	double y;
};

/* A bookmark: title, nesting level (0 = top) and the anchor it opens. */
struct outline_entry {
	char *title;
	int level;
	int anchor;
};

/*
 * Pages of an existing PDF to be placed after rendered page `after`.
 * `number` is the attachment's number in the dossier (its pages get the
 * running footer of attachments), or 0 for pages that bring their own
 * (a whole dossier in a meeting pack).
 */
struct insert {
	size_t after;
	char *path;
	size_t npages;
	size_t number;
};

/*
 * A page label: what a PDF reader shows as the number of the pages from
 * final page `index` (0-based, counting inserted pages) on: `prefix`,
 * followed by the page's number within the run (from 1) when `numbered`.
 */
struct plabel {
	size_t index;
	char *prefix;
	bool numbered;
};

struct ldoc {
	struct lpage *pages;
	size_t n, cap;
	struct anchor *anchors;
	size_t nanchors, acap;
	struct outline_entry *outline;
	size_t nout, ocap;
	struct insert *inserts;
	size_t nins, icap;
	struct plabel *labels;
	size_t nlabels, lcap;
};
#define LDOC_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }

void ldoc_release(struct ldoc *d);
/* Reserve a new anchor (placed later by setting its page and y); returns its id, >= 1. */
int ldoc_new_anchor(struct ldoc *d);
void ldoc_outline(struct ldoc *d, const char *title, int level, int anchor);
void ldoc_insert(struct ldoc *d, size_t after, const char *path, size_t npages, size_t number);
/* Label the pages from final page `index` on (see struct plabel); copies prefix. */
void ldoc_label(struct ldoc *d, size_t index, const char *prefix, bool numbered);
/* The final 0-based index of rendered page `page`, after the pages inserted so far. */
size_t ldoc_final_index(const struct ldoc *d, size_t page);

/* A run of text with one weight; paragraphs are arrays of spans. */
struct span {
	const char *text;
	size_t len;
	int font;
};

struct flow {
	struct ldoc *doc;
	const struct theme *th;
	const struct metrics *m;
	double y;            /* top of the free space on the current page */
	double top, bottom;  /* the text area of a page */
	double left, right;
	bool page_open;
	size_t first_page;   /* first page made by this flow */
};

void flow_init(struct flow *f, struct ldoc *d, const struct theme *th, const struct metrics *m);
/* Start a new page (always). */
void flow_new_page(struct flow *f);
/* Make sure at least h points are free on this page, else start a new one. */
void flow_need(struct flow *f, double h);
void flow_space(struct flow *f, double pt);
/* An anchor at the current position (for the outline and links); returns its id. */
int flow_anchor(struct flow *f);
/* Current page index (0-based), opening a page if none is open. */
size_t flow_page(struct flow *f);

/* Title with a thin rule under it in the accent colour. */
void flow_title(struct flow *f, const char *text);
/* A subtitle under a title, regular weight. */
void flow_subtitle(struct flow *f, const char *text);
/* Section heading (level 1 or 2); kept together with the next few lines. */
void flow_heading(struct flow *f, const char *text, int level);
/*
 * A paragraph of spans, wrapped at the text width minus `indent` on the
 * left. '\n' in a span forces a line break. Flows across pages.
 */
void flow_para(struct flow *f, const struct span *sp, size_t n, double size, uint32_t color,
	       enum align al, double indent);
/* Plain text: paragraphs separated by blank lines, with the body style. */
void flow_text(struct flow *f, const char *text);
/* Small grey note text. */
void flow_note(struct flow *f, const char *text);
/* Numbered list item: "n." hanging to the left of the wrapped text. */
void flow_numbered(struct flow *f, int n, const struct span *sp, size_t nsp);
/* Text in a framed, shaded box (the main question); may continue on the next page. */
void flow_box(struct flow *f, const char *text, bool bold);

/* ---- tables ---- */

enum row_kind { ROW_NORMAL, ROW_HEADER, ROW_GROUP, ROW_SUBTOTAL, ROW_TOTAL };

struct tcell {
	const char *text;
	int font;
	enum align align;
	int span;           /* columns this cell covers (0 counts as 1) */
	int page_ref;       /* > 0: show the page number of this anchor (0: none) */
};

struct trow {
	struct tcell *cells;
	size_t ncells;
	enum row_kind kind;
};

struct table {
	const double *colw;   /* relative widths, any scale; NULL: from the content */
	size_t ncols;
	const struct trow *header;  /* repeated on every page; may be NULL */
	const struct trow *rows;
	size_t nrows;
	bool label_col;       /* shade the first column (label / value tables) */
	double width;         /* fraction of the text width, 0 = all */
	double size;          /* font size, 0 = body */
};

void flow_table(struct flow *f, const struct table *t);

/*
 * A table built row by row, so callers never compute cell indexes: start
 * a row with tb_row(), add its cells with tb_cell() (the text is copied),
 * and pour it with tb_flow(). A first row of kind ROW_HEADER becomes the
 * header, repeated on every page. The builder owns its rows, cells and
 * texts until tb_release().
 */
struct tbrow {
	struct tcell *cells;
	char **texts;
	size_t n, cap;
	enum row_kind kind;
};

struct tbuild {
	struct tbrow *rows;
	size_t n, cap;
	size_t ncols;
	const double *colw;   /* as in struct table */
	bool label_col;
	double width, size;
};

void tb_init(struct tbuild *t, size_t ncols);
void tb_row(struct tbuild *t, enum row_kind kind);
/* A cell in the current row; returns it for align, font, span and page_ref. */
struct tcell *tb_cell(struct tbuild *t, const char *text);
/* Rows other than the header. */
size_t tb_rows(const struct tbuild *t);
void tb_flow(struct flow *f, const struct tbuild *t);
void tb_release(struct tbuild *t);

/* Contents line: "text ........ page", linked to anchor `target`. */
void flow_toc_line(struct flow *f, const char *text, int level, int target, bool bold);

/*
 * Signature blocks, two per row: each has a heading, lines of text and an
 * empty box to sign in. Kept together per row.
 */
struct sigblock {
	const char *heading;
	const char *lines[5];   /* NULL after the last one */
};
void flow_signatures(struct flow *f, const struct sigblock *b, size_t n);

/* An image filling the rest of the page (scaled to fit, aspect kept). */
void flow_image(struct flow *f, const char *path, double img_w, double img_h);

/* Width of text in a font/size (through the metrics). */
double flow_width(const struct flow *f, int font, const char *s, size_t len, double size);

/* Add an item to page p of the document (used for page furniture). */
struct item *ldoc_add(struct ldoc *d, size_t page, enum item_kind kind);
/* Add a text item (copies text). */
struct item *ldoc_text(struct ldoc *d, size_t page, double x, double y, int font, double size,
		       uint32_t color, const char *text, size_t len);

#endif
