/*
 * usable.h - is this file usable as an attachment of the dossier?
 *
 * One verdict and one set of reasons for every place that takes an
 * attachment: zet and invullen (the field type "bestand"), controleer
 * (the rules), maak (before composing) and the web form. What maak
 * cannot put into the PDF is refused by all of them, with the same words.
 *
 * A PDF must open without a password (an owner password alone is fine)
 * and have a readable page tree; an image must be a PNG or JPEG that PDF
 * readers show (8 bits, not interlaced, not lossless or arithmetic-coded
 * JPEG), within the pixel budget (image.h), and decode completely.
 */
#ifndef USABLE_H
#define USABLE_H

#include <stddef.h>

#include "fileio.h"

struct buf;

struct usable {
	enum file_kind kind;
	size_t npages;               /* PDF */
	unsigned long long pixels;   /* PNG, JPEG: width x height */
	int errnum;                  /* not 0: the system could not read the file */
};

/*
 * 0 when the file at path can go into the dossier. Otherwise -1, and why
 * gets a Dutch phrase that completes "<name> ..." ("bestaat niet", "is een
 * interlaced PNG, ..."), u->errnum the system's reason if it was the
 * system that failed (then the phrase is "kan niet worden gelezen" and the
 * caller adds errno_nl(errnum)).
 */
int usable_check(const char *path, struct usable *u, struct buf *why);

#endif
