/*
 * image.h - is a scan usable? Checks PNG and JPEG files before the PDF
 * library sees them. The only user of libpng.
 *
 * libharu gives PNG files to libpng with an error handler that returns
 * instead of jumping out, and libpng then calls abort(): one damaged scan
 * (a wrong checksum, a cut-off file, broken compressed data) would end the
 * program with a core dump. So a PNG is decoded here first, row by row, by
 * the same libpng with a proper error handler; only a PNG that decodes
 * completely goes on to libharu. JPEG files are embedded as they are
 * (libharu reads only their header), so they are checked for a frame
 * header with a size and for the end marker: a cut-off JPEG would print
 * as a half-grey page.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include "fileio.h"

/* Largest width or height accepted, in pixels (A4 at 1200 dpi is 9,921 × 14,031). */
#define IMAGE_MAX_SIDE 20000

/*
 * NULL when the PNG or JPEG file at path can go into the PDF; otherwise a
 * Dutch phrase that completes "<file> ...", such as "is beschadigd (een
 * controlegetal klopt niet)". The phrase is a constant: do not free it.
 * When the system could not read the file (the file itself may be fine),
 * *errnum is set to the errno and the phrase is "kan niet worden gelezen";
 * otherwise *errnum is 0. Files of other kinds are not looked at (NULL).
 */
const char *image_problem(const char *path, enum file_kind kind, int *errnum);

#endif
