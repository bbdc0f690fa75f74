/*
 * template.c - load and check a page template (see template.h).
 */
#include "template.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "ini.h"
#include "inischema.h"
#include "mem.h"
#include "words.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define MM 2.834645669 /* points per millimetre */

/*
 * Every key a template may have, with its bounds and its default: the one
 * place the defaults live (the renderer and make.c ask tmpl_text()).
 * [teksten] holds the PDF's fixed words: their rows come from the words
 * table (words.c), which holds each word's key and fallback once.
 */
static const struct ini_row rows[] = {
	{ "pagina", "formaat", INI_CHOICE, 0, 0, "A4", "A4" },
	{ "pagina", "marge_boven", INI_NUMBER, 8, 60, "20", NULL },
	{ "pagina", "marge_onder", INI_NUMBER, 8, 60, "20", NULL },
	{ "pagina", "marge_links", INI_NUMBER, 8, 60, "18", NULL },
	{ "pagina", "marge_rechts", INI_NUMBER, 8, 60, "18", NULL },
	{ "letters", "gewoon", INI_TEXT, 0, 0, "LiberationSans-Regular.ttf", NULL },
	{ "letters", "vet", INI_TEXT, 0, 0, "LiberationSans-Bold.ttf", NULL },
	{ "letters", "tekst", INI_NUMBER, 6, 16, "10", NULL },
	{ "letters", "regelafstand", INI_NUMBER, 1.0, 2.5, "1.35", NULL },
	{ "letters", "klein", INI_NUMBER, 5, 12, "7.8", NULL },
	{ "letters", "titel", INI_NUMBER, 8, 32, "16", NULL },
	{ "letters", "kop", INI_NUMBER, 6, 24, "11.5", NULL },
	{ "letters", "subkop", INI_NUMBER, 6, 20, "10.5", NULL },
	{ "letters", "uitlijning", INI_CHOICE, 0, 0, "uitvullen", "uitvullen|links" },
	{ "letters", "alinea_wit", INI_NUMBER, 0, 30, "5", NULL },
	{ "letters", "celmarge", INI_NUMBER, 1, 12, "4", NULL },
	{ "kleuren", "tekst", INI_COLOR, 0, 0, "#1A1A1A", NULL },
	{ "kleuren", "accent", INI_COLOR, 0, 0, "#1F3A68", NULL },
	{ "kleuren", "grijs", INI_COLOR, 0, 0, "#5F6670", NULL },
	{ "kleuren", "label", INI_COLOR, 0, 0, "#EEF1F5", NULL },
	{ "kleuren", "kop_tabel", INI_COLOR, 0, 0, "#DDE4EE", NULL },
	{ "kleuren", "groep", INI_COLOR, 0, 0, "#EEF1F5", NULL },
	{ "kleuren", "rand", INI_COLOR, 0, 0, "#AEB6C1", NULL },
	{ "kleuren", "kader", INI_COLOR, 0, 0, "#F4F7FB", NULL },
	{ "kleuren", "kader_rand", INI_COLOR, 0, 0, "#1F3A68", NULL },
	{ "koptekst", "links", INI_TEXT, 0, 0, "", NULL },
	{ "koptekst", "rechts", INI_TEXT, 0, 0, "", NULL },
	{ "voettekst", "links", INI_TEXT, 0, 0, "", NULL },
	{ "voettekst", "rechts", INI_TEXT, 0, 0, "pagina {pagina} van {paginas}", NULL },
	{ "voettekst", "bijlagen", INI_TEXT, 0, 0,
	  "Kenmerk {kenmerk} · bijlage {n}, blad {blad} van {bladen} · pagina {pagina} van {paginas}", NULL },
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* The rows above and a [teksten] row per word of the PDF, made once. */
static const struct ini_schema *schema_get(void)
{
	static struct ini_row all[NROWS + W_COUNT];
	static struct ini_schema schema;
	size_t i;

	if (!schema.n) {
		memcpy(all, rows, sizeof(rows));
		for (i = 0; i < W_COUNT; i++) {
			struct ini_row *r = &all[NROWS + i];

			r->section = "teksten";
			r->key = word_key((enum word)i);
			r->type = INI_TEXT;
			r->def = word_fallback((enum word)i);
		}
		schema.what = "het sjabloon";
		schema.rows = all;
		schema.n = NROWS + W_COUNT;
		schema.code = EXIT_SYSTEM;
	}
	return &schema;
}

const struct ini_schema *tmpl_schema(void)
{
	return schema_get();
}

/* A size in the template: the file's number or the table's default. */
static int num(struct tmpl *t, const char *sec, const char *key, double *out, struct err *e)
{
	return inischema_number(schema_get(), t->ini, sec, key, out, e);
}

int tmpl_load(struct tmpl *t, const char *datadir, const char *name, struct err *e)
{
	static const struct {
		const char *key;
		size_t off;
	} colors[] = {
		{ "tekst", offsetof(struct theme, text) },
		{ "accent", offsetof(struct theme, accent) },
		{ "grijs", offsetof(struct theme, muted) },
		{ "label", offsetof(struct theme, label_fill) },
		{ "kop_tabel", offsetof(struct theme, head_fill) },
		{ "groep", offsetof(struct theme, group_fill) },
		{ "rand", offsetof(struct theme, border) },
		{ "kader", offsetof(struct theme, box_fill) },
		{ "kader_rand", offsetof(struct theme, box_border) },
	};
	struct theme *th = &t->theme;
	struct buf path = BUF_INIT;
	const char *al;
	size_t c;
	int i;
	static const char *const font_keys[FONT_COUNT] = { "gewoon", "vet" };

	memset(t, 0, sizeof(*t));
	if (strchr(name, '/') || (strlen(name) > 4 && !strcmp(name + strlen(name) - 4, ".ini")))
		buf_adds(&path, name);
	else
		buf_addf(&path, "%s/templates/%s.ini", datadir, name);
	t->file = buf_detach(&path, NULL);
	if (!file_readable(t->file))
		return err_set(e, EXIT_USAGE, "sjabloon '%s' niet gevonden (%s)", name, t->file);
	if (ini_load(t->file, &t->ini, e))
		return -1;
	/* every key known, every value of its type: a typo is an error, not a default */
	if (inischema_check(schema_get(), t->ini, e))
		return -1;
	th->page_w = 595.276;
	th->page_h = 841.89;
	if (num(t, "pagina", "marge_boven", &th->margin_top, e) ||
	    num(t, "pagina", "marge_onder", &th->margin_bottom, e) ||
	    num(t, "pagina", "marge_links", &th->margin_left, e) ||
	    num(t, "pagina", "marge_rechts", &th->margin_right, e) ||
	    num(t, "letters", "tekst", &th->body, e) ||
	    num(t, "letters", "regelafstand", &th->leading, e) ||
	    num(t, "letters", "klein", &th->small, e) ||
	    num(t, "letters", "titel", &th->title, e) ||
	    num(t, "letters", "kop", &th->h1, e) ||
	    num(t, "letters", "subkop", &th->h2, e) ||
	    num(t, "letters", "alinea_wit", &th->para_gap, e) ||
	    num(t, "letters", "celmarge", &th->cell_pad, e))
		return -1;
	th->margin_top *= MM;
	th->margin_bottom *= MM;
	th->margin_left *= MM;
	th->margin_right *= MM;
	al = inischema_text(schema_get(), t->ini, "letters", "uitlijning");
	th->justify = !strcmp(al, "uitvullen");
	for (c = 0; c < sizeof(colors) / sizeof(colors[0]); c++)
		if (inischema_color(schema_get(), t->ini, "kleuren", colors[c].key, (uint32_t *)((char *)th + colors[c].off), e))
			return -1;
	for (i = 0; i < FONT_COUNT; i++) {
		const char *f = inischema_text(schema_get(), t->ini, "letters", font_keys[i]);
		char *fonts = path_join(datadir, "fonts");

		t->font_path[i] = path_join(fonts, f);
		free(fonts);
		if (file_sniff(t->font_path[i]) == FILE_MISSING) {
			struct buf b = BUF_INIT;

			ini_where(t->ini, "letters", font_keys[i], &b);
			err_set(e, EXIT_SYSTEM, "%s: [letters] %s: lettertype %s niet gevonden", b.s, font_keys[i],
				t->font_path[i]);
			buf_release(&b);
			return -1;
		}
	}
	return 0;
}

void tmpl_release(struct tmpl *t)
{
	int i;

	ini_free(t->ini);
	free(t->file);
	for (i = 0; i < FONT_COUNT; i++)
		free(t->font_path[i]);
	memset(t, 0, sizeof(*t));
}

const char *tmpl_text(const struct tmpl *t, const char *section, const char *key, const char *def)
{
	const char *v = inischema_text(schema_get(), t->ini, section, key);

	return v ? v : def;
}
