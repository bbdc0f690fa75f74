/*
 * usable.c - the one verdict on an attachment file (see usable.h).
 */
#include "usable.h"
#include "attach.h"
#include "buf.h"
#include "image.h"

#include <string.h>

#include "banned.h"

int usable_check(const char *path, struct usable *u, struct buf *why)
{
	struct file_info fi;
	const char *p;

	memset(u, 0, sizeof(*u));
	file_probe(path, &fi);
	u->kind = fi.kind;
	switch (fi.kind) {
	case FILE_MISSING:
		buf_adds(why, "bestaat niet");
		return -1;
	case FILE_EMPTY:
		buf_adds(why, "is leeg (0 bytes); sla het document opnieuw op");
		return -1;
	case FILE_UNREADABLE:
		u->errnum = fi.errnum;
		buf_adds(why, fi.errnum ? "kan niet worden gelezen" : "is geen gewoon bestand en kan niet worden gelezen");
		return -1;
	case FILE_OTHER:
		buf_adds(why, "is geen PDF, PNG of JPEG; sla het document op als PDF");
		return -1;
	case FILE_PDF:
		if (!fi.pdf_has_eof) {
			buf_adds(why, "is een onvolledige PDF (het bestand is afgebroken)");
			return -1;
		}
		return attach_pdf_check(path, &u->npages, why, &u->errnum);
	case FILE_PNG: case FILE_JPEG:
		if (fi.kind == FILE_PNG && fi.png_depth > 8) {
			buf_addf(why, "is een %d-bits PNG; die kan niet in de PDF. Sla de scan op als JPEG of als 8-bits PNG",
				 fi.png_depth);
			return -1;
		}
		p = image_problem(path, fi.kind, &u->errnum);
		if (p) {
			buf_adds(why, p);
			return -1;
		}
		u->pixels = image_pixels(path, fi.kind);
		return 0;
	}
	buf_adds(why, "is geen PDF, PNG of JPEG");
	return -1;
}
