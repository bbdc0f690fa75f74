/*
 * fontinfo.c - what a TrueType font can show (see fontinfo.h): its
 * Unicode cmap (format 4) with the advance widths, and the line metrics.
 */
#include "fontinfo.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "mem.h"

#include <stdint.h>
#include <string.h>

#include "banned.h"


static uint32_t be32(const unsigned char *b) { return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]; }
static uint16_t be16(const unsigned char *b) { return (uint16_t)(b[0] << 8 | b[1]); }

static size_t table(const struct buf *f, const char *tag, size_t min_len)
{
	const unsigned char *d = (const unsigned char *)f->s;
	size_t i, n;

	if (f->len < 12)
		return 0;
	n = be16(d + 4);
	for (i = 0; i < n && 12 + i * 16 + 16 <= f->len; i++)
		if (!memcmp(d + 12 + i * 16, tag, 4)) {
			uint32_t off = be32(d + 12 + i * 16 + 8), len = be32(d + 12 + i * 16 + 12);

			if (off < f->len && len >= min_len && (size_t)off + len <= f->len)
				return off;
			return 0;
		}
	return 0;
}

/*
 * Fill face->adv for every BMP character the font's Unicode cmap (format
 * 4) maps to a glyph. Returns 0, or -1 when a table is missing or broken.
 */
int font_info_parse(const struct buf *f, struct font_info *face)
{
	const unsigned char *d = (const unsigned char *)f->s;
	size_t cmap = table(f, "cmap", 4), head = table(f, "head", 54), hhea = table(f, "hhea", 36);
	size_t hmtx = table(f, "hmtx", 4), sub = 0, i, nsub;
	uint16_t upm, nmetrics, segx2, s;

	if (!cmap || !head || !hhea || !hmtx)
		return -1;
	upm = be16(d + head + 18);
	nmetrics = be16(d + hhea + 34);
	if (!upm || !nmetrics || hmtx + (size_t)nmetrics * 4 > f->len)
		return -1;
	face->ascent = (int16_t)be16(d + hhea + 4) * 1000 / upm;
	face->descent = (int16_t)be16(d + hhea + 6) * 1000 / upm;
	nsub = be16(d + cmap + 2);
	for (i = 0; i < nsub && cmap + 4 + i * 8 + 8 <= f->len; i++) {
		uint16_t plat = be16(d + cmap + 4 + i * 8), enc = be16(d + cmap + 4 + i * 8 + 2);
		uint32_t off = be32(d + cmap + 4 + i * 8 + 4);

		if (plat == 3 && enc == 1 && cmap + off + 14 <= f->len && be16(d + cmap + off) == 4)
			sub = cmap + off;
	}
	if (!sub)
		return -1;
	segx2 = be16(d + sub + 6);
	if (sub + 16 + (size_t)segx2 * 4 > f->len)
		return -1;
	for (s = 0; s < segx2 / 2; s++) {
		const unsigned char *ends = d + sub + 14, *starts = ends + segx2 + 2;
		const unsigned char *deltas = starts + segx2, *ranges = deltas + segx2;
		uint16_t end = be16(ends + s * 2), start = be16(starts + s * 2);
		uint16_t delta = be16(deltas + s * 2), range = be16(ranges + s * 2);
		uint32_t c;

		for (c = start; c <= end && c < 0xFFFF; c++) {
			uint16_t glyph;

			if (!range) {
				glyph = (uint16_t)(c + delta);
			} else {
				size_t at = (size_t)(ranges + s * 2 - d) + range + (c - start) * 2;

				if (at + 2 > f->len)
					break;
				glyph = be16(d + at);
				if (glyph)
					glyph = (uint16_t)(glyph + delta);
			}
			if (glyph) {
				uint16_t g = glyph < nmetrics ? glyph : (uint16_t)(nmetrics - 1);

				face->adv[c] = (uint16_t)((uint32_t)be16(d + hmtx + (size_t)g * 4) * 1000 / upm);
			}
		}
	}
	return 0;
}


int font_info_load(const char *path, struct font_info *fi, struct err *e)
{
	struct buf file = BUF_INIT;

	memset(fi, 0, sizeof(*fi));
	fi->adv = xmalloc(0x10000 * sizeof(uint16_t));
	memset(fi->adv, 0xFF, 0x10000 * sizeof(uint16_t));
	if (file_read(path, 32u << 20, &file, e))
		goto fail;
	if (font_info_parse(&file, fi)) {
		err_set(e, EXIT_SYSTEM, "%s: geen bruikbaar TrueType-lettertype (tabellen ontbreken)", path);
		goto fail;
	}
	buf_release(&file);
	return 0;
fail:
	buf_release(&file);
	font_info_release(fi);
	return -1;
}

void font_info_release(struct font_info *fi)
{
	free(fi->adv);
	fi->adv = NULL;
}
