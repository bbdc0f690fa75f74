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

/* Open a PDF and count its pages; a broken or encrypted file is an error (exit 1). */
int attach_count_pages(const char *path, size_t *npages, struct err *e);

/*
 * Insert the pages listed in doc->inserts into the PDF in pdf (replaced
 * by the merged file). With `concept`, every inserted page also gets the
 * mark (plain ASCII/Latin-1 text).
 */
int attach_merge(struct buf *pdf, const struct ldoc *doc, const char *concept, struct err *e);

#endif
