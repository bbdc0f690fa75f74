/*
 * glyphs.c - warn about characters the fonts lack (see glyphs.h).
 */
#include "glyphs.h"
#include "buf.h"
#include "finding.h"
#include "fontinfo.h"
#include "form.h"
#include "json.h"
#include "unicode.h"
#include "utf8.h"

#include <string.h>

#include "banned.h"

struct gctx {
	char *const *paths;
	struct font_info face[FONT_COUNT];
	bool loaded;
	struct findings *out;
	struct err *e;
	int rc;
};

/* The first character of s that the fonts cannot show, or 0. */
static uint32_t missing(struct gctx *G, const char *s)
{
	struct buf nfc = BUF_INIT;
	const char *p = s;
	size_t len, i = 0;
	uint32_t bad = 0;
	int k;

	/* below U+0240 (no UTF-8 byte of 0xC9 or more) the fonts have every character */
	for (i = 0; s[i] && (unsigned char)s[i] < 0xC9; i++)
		;
	if (!s[i])
		return 0;
	i = 0;
	if (!unicode_nfc(s, strlen(s), &nfc))
		p = nfc.s;
	len = strlen(p);
	while (i < len && !bad) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);

		if (!n)
			break;
		i += n;
		if (cp < 0x240 || font_shows_nothing(cp))
			continue;
		if (!G->loaded) {
			for (k = 0; k < FONT_COUNT && !G->rc; k++)
				G->rc = font_info_load(G->paths[k], &G->face[k], G->e);
			G->loaded = true;
		}
		if (G->rc)
			break;
		for (k = 0; k < FONT_COUNT; k++)
			if (cp > 0xFFFF || G->face[k].adv[cp] == FONT_NO_WIDTH)
				bad = cp;
	}
	buf_release(&nfc);
	return bad;
}

static int visit(const struct field *f, const json *v, const json *rec, const char *path, void *ctx)
{
	struct gctx *G = ctx;
	uint32_t cp;

	(void)rec;
	if (json_is_string(v) && (cp = missing(G, json_str(v))) != 0) {
		struct buf ch = BUF_INIT;

		utf8_encode(&ch, cp);
		findings_add(G->out, "teken-ontbreekt", SEV_WARNING, f->form->id, path,
			     "In '%s' staat een teken dat de letters van het dossier niet hebben: %s (U+%04X). In de PDF komt daar een vraagteken; schrijf het anders of laat het weg.",
			     f->label, ch.s, (unsigned)cp);
		buf_release(&ch);
	}
	return G->rc ? WALK_STOP : WALK_ON;
}

int glyphs_check(const struct formset *fs, const json *root, char *const font_paths[FONT_COUNT],
		 struct findings *out, struct err *e)
{
	struct gctx G;
	int k;

	memset(&G, 0, sizeof(G));
	G.paths = font_paths;
	G.out = out;
	G.e = e;
	formset_walk(fs, root, visit, &G);
	for (k = 0; k < FONT_COUNT; k++)
		font_info_release(&G.face[k]);
	return G.rc;
}
