/*
 * fontinfo.h - what a TrueType font file can show, read from its tables.
 *
 * The renderer measures text with these widths (so measuring never makes
 * PDF objects), and the check warns about characters no face can show
 * (glyphs.h) from the same tables, so the two cannot disagree.
 */
#ifndef FONTINFO_H
#define FONTINFO_H

#include <stdbool.h>
#include <stdint.h>

struct buf;
struct err;

#define FONT_NO_WIDTH 0xFFFF

struct font_info {
	uint16_t *adv;     /* per BMP code point: advance in 1/1000 em, FONT_NO_WIDTH if the font lacks it; owned */
	int ascent, descent;
};

/* Read a font file; fi->adv is allocated (font_info_release()). Dutch message on failure. */
int font_info_load(const char *path, struct font_info *fi, struct err *e);
/* Parse font data into fi, whose adv table the caller allocated and filled with FONT_NO_WIDTH. */
int font_info_parse(const struct buf *file, struct font_info *fi);
void font_info_release(struct font_info *fi);

/*
 * Characters that need no glyph because the PDF drops or replaces them:
 * soft hyphen, zero-width spaces and joiners, word joiner, BOM, variation
 * selectors, and the Romanian comma-below letters (drawn with a cedilla).
 */
static inline bool font_shows_nothing(uint32_t cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
	       cp == 0x034F || cp == 0x180E || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x0218 && cp <= 0x021B);
}

#endif
