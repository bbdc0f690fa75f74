/*
 * glyphs.h - characters the dossier's fonts cannot show, found before printing.
 *
 * The PDF shows a character its fonts lack as '?'. Rather than a silent
 * '?', the check walks every text value of the case (NFC-normalised, as
 * the PDF prints it) and warns per field, naming the character. Whether a
 * face has a character comes from the font files themselves (fontinfo.h),
 * which are read only when a value holds a character from U+0240 on:
 * for the usual case the check is a scan of the bytes.
 */
#ifndef GLYPHS_H
#define GLYPHS_H

#include "layout.h"

struct err;
struct findings;
struct formset;
typedef struct cJSON json;

/*
 * Add a warning (code "teken-ontbreekt") for every field whose value has
 * a character that not both fonts (font_paths[FONT_REGULAR], [FONT_BOLD])
 * can show. Returns 0, or -1 with a Dutch message when a font cannot be read.
 */
int glyphs_check(const struct formset *fs, const json *root, char *const font_paths[FONT_COUNT],
		 struct findings *out, struct err *e);

#endif
