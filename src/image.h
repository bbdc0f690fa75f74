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
 * as a half-grey page. JPEG variants that PDF readers cannot show
 * (lossless, 12-bit, arithmetic coding) and interlaced PNG files (which
 * libharu cannot embed) are refused with their own reason, and so is an
 * image above the pixel budget, before it is decoded.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include "fileio.h"

/* Largest width or height accepted, in pixels (A4 at 1200 dpi is 9,921 × 14,031). */
#define IMAGE_MAX_SIDE 20000
/*
 * Pixel budget of one image, checked from the header before anything is
 * decoded (A4 at 600 dpi is 35 megapixel, a phone photo 12): a 20000 x
 * 20000 PNG of 1 MB would otherwise cost minutes and gigabytes. The
 * budget of a whole dossier is IMAGE_MAX_PIXELS_DOSSIER.
 */
#define IMAGE_MAX_PIXELS (50ULL * 1000 * 1000)
#define IMAGE_MAX_PIXELS_DOSSIER (300ULL * 1000 * 1000)

/*
 * NULL when the PNG or JPEG file at path can go into the PDF; otherwise a
 * Dutch phrase that completes "<file> ...", such as "is beschadigd (een
 * controlegetal klopt niet)". The phrase is a constant: do not free it.
 * When the system could not read the file (the file itself may be fine),
 * *errnum is set to the errno and the phrase is "kan niet worden gelezen";
 * otherwise *errnum is 0. Files of other kinds are not looked at (NULL).
 */
const char *image_problem(const char *path, enum file_kind kind, int *errnum);

/* Width x height from the header of a PNG or JPEG file; 0 when unknown. */
unsigned long long image_pixels(const char *path, enum file_kind kind);

#endif
