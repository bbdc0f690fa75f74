/*
 * render.h - the PDF document: fonts, pages, running header and footer,
 * bookmarks, links and metadata. The only module that uses libharu.
 *
 * Calling sequence:
 *     pdf_open()           load the template's fonts; gives text metrics
 *     pdf_image_size()     (while composing) the size of a scan
 *     ... compose and lay out with pdf_metrics() ...
 *     pdf_render()         draw the laid-out pages and save into memory
 *     pdf_close()
 *
 * Text reaching libharu is always valid UTF-8 with only characters the
 * fonts can show: pdf_metrics()->clean replaces others by '?' (libharu
 * would otherwise drop them silently or draw empty boxes).
 */
#ifndef RENDER_H
#define RENDER_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "layout.h"

struct buf;
struct err;
struct tmpl;
struct pdf;

struct render_info {
	const char *title, *subject, *author, *keywords;
	const char *header_left, *header_right;  /* may contain {pagina} {paginas} */
	const char *footer_left, *footer_right;
	const char *concept;                     /* NULL, or the mark for every page */
	long long created;                       /* seconds since the epoch */
};

int pdf_open(struct pdf **out, const struct tmpl *t, struct err *e);
void pdf_close(struct pdf *p);
const struct metrics *pdf_metrics(const struct pdf *p);
/* Replace characters the fonts lack; result appended to out. */
void pdf_clean_text(const struct pdf *p, const char *s, struct buf *out);
/* Can the fonts show code point cp (or does it need no glyph: line breaks, soft hyphens)? */
bool pdf_can_show(const struct pdf *p, uint32_t cp);

/*
 * Load a PNG or JPEG once and give its size in points (at 72 dpi units
 * of the image's pixels). Error: a Dutch message naming the file.
 */
int pdf_image_size(struct pdf *p, const char *path, double *w, double *h, struct err *e);

/*
 * Final page number of every rendered page: attachment pages inserted
 * after rendered pages (doc->inserts) push the numbers of later pages up.
 * nums must hold doc->n entries; returns the total page count.
 */
size_t pdf_page_numbers(const struct ldoc *doc, size_t *nums);

/* Draw the pages of doc and write the PDF to out. */
int pdf_render(struct pdf *p, const struct ldoc *doc, const struct render_info *info, struct buf *out,
	       struct err *e);

#endif
