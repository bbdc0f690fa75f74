/*
 * template.h - the page template (templates/<name>.ini): geometry, fonts,
 * sizes, colours, running header and footer, and the PDF's own headings.
 *
 * Values are checked when loaded (a margin of "veel" or a colour of
 * "blauw" is an error naming the file and key), so rendering never meets
 * a bad value.
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include "layout.h"

struct err;
struct ini;
struct ini_schema;

struct tmpl {
	char *file;
	struct theme theme;
	char *font_path[FONT_COUNT];  /* full paths */
	struct ini *ini;
};
#define TMPL_INIT { NULL, { 0 }, { NULL, NULL }, NULL }

/* Load templates/<name>.ini (or a path ending in .ini) below datadir. */
int tmpl_load(struct tmpl *t, const char *datadir, const char *name, struct err *e);
void tmpl_release(struct tmpl *t);
/* A text from [section] key, else the template table's default, else def. */
const char *tmpl_text(const struct tmpl *t, const char *section, const char *key, const char *def);
/* The table of the template's keys (inischema.h), for checks and listings. */
const struct ini_schema *tmpl_schema(void);

#endif
