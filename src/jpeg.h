/*
 * jpeg.h - JPEG scans made fit for print. The only user of libjpeg-turbo.
 *
 * A phone photo of a signed form is 12 megapixel and 3-4 MB, and may be
 * stored sideways with an EXIF orientation tag that libharu (which embeds
 * JPEG files as they are) ignores. On an A4 page about 200 dpi is plenty:
 * a photo whose long side is well above JPEG_PRINT_LONG_SIDE is decoded at
 * a reduced scale (libjpeg-turbo scales while decoding, which is fast),
 * turned upright and encoded again, so it costs a few hundred kB. A JPEG
 * that is upright and small enough is embedded unchanged.
 *
 * Call only for files that image_problem() (image.h) accepted.
 */
#ifndef JPEG_H
#define JPEG_H

#include <stddef.h>

struct buf;
struct err;

/* The long side of A4 at 200 dpi, in pixels. */
#define JPEG_PRINT_LONG_SIDE 2339

/*
 * 0 and out left empty: embed the file at path as it is. 0 and out
 * filled: embed these bytes instead (a smaller, upright JPEG). -1 with e
 * set when the file cannot be read (exit 3). A JPEG that libjpeg-turbo
 * cannot recode (CMYK, say) is embedded as it is.
 */
int jpeg_prepare(const char *path, struct buf *out, struct err *e);

/* The EXIF orientation (1-8) of the JPEG data, 1 when it has none. */
int jpeg_orientation(const unsigned char *s, size_t n);

#endif
