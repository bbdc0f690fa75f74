/*
 * image.c - checking scans before libharu sees them (see image.h).
 *
 * A PNG is read completely, every row of every pass and the chunks after
 * the image, so each checksum and all compressed data are checked by the
 * libpng that libharu will use. libpng reports trouble by calling our
 * error handler, which jumps back here with setjmp/longjmp: the one place
 * in the program that does, because libpng requires it.
 */
#include "image.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "mem.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define JPEG_MAX_FILE (64u << 20)

static const char damaged[] = "is beschadigd of in een vorm die niet wordt ondersteund";
static const char cut_off[] = "is onvolledig (het bestand is afgebroken)";
static const char too_big[] = "is te groot (hoogstens 20000 beeldpunten breed en hoog)";
static const char too_many[] = "heeft te veel beeldpunten (meer dan 50 megapixel); scan op hoogstens 300 dpi";
static const char interlaced[] = "is een interlaced PNG, die niet in de PDF kan; sla de scan op als gewone PNG of als JPEG";
static const char jpeg_lossless[] = "is een verliesvrije JPEG, die PDF-lezers niet kunnen tonen; sla de scan op als gewone JPEG";
static const char jpeg_precision[] = "is een JPEG met meer dan 8 bits per kleur, die PDF-lezers niet kunnen tonen; sla de scan op als gewone JPEG";
static const char jpeg_arith[] = "is een JPEG met rekenkundige codering, die veel PDF-lezers niet kunnen tonen; sla de scan op als gewone JPEG";

struct png_guard {
	jmp_buf jump;
	const char *why;
	bool over_limit;  /* a warning said the size is above our limits */
};

/* libpng's English message -> our Dutch phrase. */
static const char *png_reason(const char *msg)
{
	if (strstr(msg, "CRC"))
		return "is beschadigd (een controlegetal klopt niet)";
	if (strstr(msg, "Read Error") || strstr(msg, "Not enough") || strstr(msg, "end of"))
		return cut_off;
	if (strstr(msg, "limit") || strstr(msg, "too large"))
		return too_big;
	return damaged;
}

static void on_png_error(png_structp png, png_const_charp msg)
{
	struct png_guard *g = png_get_error_ptr(png);

	g->why = g->over_limit ? too_big : png_reason(msg ? msg : "");
	longjmp(g->jump, 1);
}

static void on_png_warning(png_structp png, png_const_charp msg)
{
	struct png_guard *g = png_get_error_ptr(png);

	if (msg && strstr(msg, "exceeds user limit"))
		g->over_limit = true;
}

static const char unreadable[] = "kan niet worden gelezen";

static const char *check_png(const char *path, int *errnum)
{
	struct png_guard g;
	png_structp png;
	png_infop info;
	FILE *f = fopen(path, "rbe");
	unsigned char *volatile row = NULL;
	const char *why = NULL;

	if (!f) {
		*errnum = errno;
		return unreadable;
	}
	{
		/* the header first: size and interlacing decide before any decoding */
		unsigned char h[29];

		if (fread(h, 1, sizeof(h), f) == sizeof(h) && !memcmp(h + 12, "IHDR", 4)) {
			unsigned long w = (unsigned long)h[16] << 24 | (unsigned long)h[17] << 16 | (unsigned long)h[18] << 8 | h[19];
			unsigned long ht = (unsigned long)h[20] << 24 | (unsigned long)h[21] << 16 | (unsigned long)h[22] << 8 | h[23];

			if (w > IMAGE_MAX_SIDE || ht > IMAGE_MAX_SIDE)
				why = too_big;
			else if ((unsigned long long)w * ht > IMAGE_MAX_PIXELS)
				why = too_many;
			else if (h[28])
				why = interlaced;
			if (why) {
				fclose(f);
				return why;
			}
		}
		rewind(f);
	}
	g.why = NULL;
	g.over_limit = false;
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &g, on_png_error, on_png_warning);
	info = png ? png_create_info_struct(png) : NULL;
	if (!info)
		die_oom();
	if (setjmp(g.jump)) {
		/* a failing read looks like a cut-off file to libpng */
		if (ferror(f)) {
			*errnum = errno ? errno : EIO;
			why = unreadable;
		} else {
			why = g.why;
		}
	} else {
		png_uint_32 y, h;
		int pass, passes;

		png_set_user_limits(png, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
		png_init_io(png, f);
		png_read_info(png, info);
		passes = png_set_interlace_handling(png);
		png_read_update_info(png, info);
		row = xmalloc(png_get_rowbytes(png, info));
		h = png_get_image_height(png, info);
		for (pass = 0; pass < passes; pass++)
			for (y = 0; y < h; y++)
				png_read_row(png, row, NULL);
		png_read_end(png, NULL);
	}
	png_destroy_read_struct(&png, &info, NULL);
	free(row);
	fclose(f);
	return why;
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* Walk the marker segments to the first scan; then the end marker must follow. */
static const char *check_jpeg(const char *path, int *errnum)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	const unsigned char *s;
	const char *why = NULL;
	size_t i = 2, n;
	unsigned w = 0, h = 0;
	int sof = 0, precision = 8;

	if (file_read(path, JPEG_MAX_FILE, &b, &e)) {
		*errnum = e.errnum;
		why = e.errnum ? unreadable : strstr(e.msg.s, "te groot") ? "is te groot (hoogstens 64 MB)" : damaged;
		goto out;
	}
	s = (const unsigned char *)b.s;
	n = b.len;
	for (;;) {
		unsigned m, len;

		while (i < n && s[i] == 0xFF)
			i++;
		if (i >= n || s[i - 1] != 0xFF) {
			why = i >= n ? cut_off : damaged;
			goto out;
		}
		m = s[i++];
		if (m == 0xD9) {
			why = damaged; /* the end before any image data */
			goto out;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;
		if (i + 2 > n) {
			why = cut_off;
			goto out;
		}
		len = be16(s + i);
		if (len < 2 || i + len > n) {
			why = i + len > n ? cut_off : damaged;
			goto out;
		}
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && len >= 7) {
			precision = s[i + 2];
			h = be16(s + i + 3);
			w = be16(s + i + 5);
			sof = 1;
			/* a variant PDF readers cannot show is refused on its frame header alone */
			if (m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF) {
				why = jpeg_lossless;
				goto out;
			}
			if (precision != 8) {
				why = jpeg_precision;
				goto out;
			}
			if (m >= 0xC9) {
				why = jpeg_arith;
				goto out;
			}
		}
		i += len;
		if (m == 0xDA)
			break;
	}
	if (!sof || !w || !h)
		why = "heeft geen afmetingen (beschadigd)";
	else if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE)
		why = too_big;
	else if ((unsigned long long)w * h > IMAGE_MAX_PIXELS)
		why = too_many;
	else if (!memmem(s + i, n - i, "\xFF\xD9", 2))
		why = cut_off;
out:
	err_release(&e);
	buf_release(&b);
	return why;
}

const char *image_problem(const char *path, enum file_kind kind, int *errnum)
{
	*errnum = 0;
	switch (kind) {
	case FILE_PNG:
		return check_png(path, errnum);
	case FILE_JPEG:
		return check_jpeg(path, errnum);
	default:
		return NULL;
	}
}

unsigned long long image_pixels(const char *path, enum file_kind kind)
{
	unsigned char h[24];
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	unsigned long long px = 0;
	FILE *f;

	if (kind == FILE_PNG) {
		f = fopen(path, "rbe");
		if (f && fread(h, 1, sizeof(h), f) == sizeof(h) && !memcmp(h + 12, "IHDR", 4))
			px = (unsigned long long)((unsigned long)h[16] << 24 | (unsigned long)h[17] << 16 | (unsigned long)h[18] << 8 | h[19]) *
			     ((unsigned long)h[20] << 24 | (unsigned long)h[21] << 16 | (unsigned long)h[22] << 8 | h[23]);
		if (f)
			fclose(f);
	} else if (kind == FILE_JPEG && file_read(path, JPEG_MAX_FILE, &b, &e) == 0) {
		const unsigned char *s = (const unsigned char *)b.s;
		size_t i = 2, n = b.len;

		while (i + 4 <= n && s[i] == 0xFF) {
			unsigned m = s[i + 1], len = be16(s + i + 2);

			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && len >= 7 && i + 9 <= n) {
				px = (unsigned long long)be16(s + i + 5) * be16(s + i + 7);
				break;
			}
			if (m == 0xDA || len < 2)
				break;
			i += 2 + len;
		}
	}
	err_release(&e);
	buf_release(&b);
	return px;
}
