/*
 * attach.h - attached PDFs: count their pages and merge them into the
 * rendered dossier. The only module that uses libqpdf.
 *
 * libharu cannot read PDFs, so the dossier is rendered first (with a
 * separator page per attachment, which carries the bookmark) and the
 * attachments' pages are then inserted after their separators with qpdf.
 * The rendered file comes first, so its bookmarks, links and metadata
 * survive the merge.
 */
#ifndef ATTACH_H
#define ATTACH_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct ldoc;

/*
 * Open a PDF and count its pages. 0, or -1 with a phrase in why that
 * completes "<file> ...": not readable, needs a password to open, page
 * tree broken or looping. *errnum is the system's reason when the system
 * failed (the file itself may be fine), else 0. Used by usable.c.
 */
int attach_pdf_check(const char *path, size_t *npages, struct buf *why, int *errnum);
/* The same as an error (exit 1, or 3 when the system failed). */
int attach_count_pages(const char *path, size_t *npages, struct err *e);

/*
 * Insert the pages listed in doc->inserts into the PDF in pdf (replaced
 * by the merged file). Pages of numbered attachments get `footer` (may be
 * NULL) as a running footer, with {n} (attachment number), {blad} and
 * {bladen} (its page and page count), {pagina} and {paginas} (the page's
 * number in the merged file and the total) filled in. With `concept`,
 * every inserted page also gets the mark. Both are drawn in a standard
 * font: characters outside WinAnsi (Latin-1 and a few more) become '?'.
 * doc->labels, if any, become the merged file's page labels.
 *
 * Every inserted page is sanitised: its content and resources pass, and
 * links inside the document; page actions (/AA), scripts, Launch, URI and
 * other-file links, form fields, file attachments and every other kind of
 * annotation are removed. Its drawing is moved into a form XObject and the
 * page gets a content stream of its own that draws that XObject and then
 * the footer and mark, so nothing in the attachment can move, hide or
 * restyle them. Time and memory are linear in the number of pages.
 */
int attach_merge(struct buf *pdf, const struct ldoc *doc, const char *footer, const char *concept,
		 struct err *e);

#endif
