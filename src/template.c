/*
 * template.c - load and check a page template (see template.h).
 */
#include "template.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "ini.h"
#include "mem.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define MM 2.834645669 /* points per millimetre */

/* An error about one key of the template, as "file:line: [section] key...". */
static int key_error(struct tmpl *t, const char *sec, const char *key, struct err *e, const char *fmt, ...)
	PRINTF_LIKE(5, 6);
static int key_error(struct tmpl *t, const char *sec, const char *key, struct err *e, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	ini_where(t->ini, sec, key, &b);
	buf_addf(&b, ": [%s] %s", sec, key);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	err_set(e, EXIT_SYSTEM, "%s", b.s);
	buf_release(&b);
	return -1;
}

static int get_color(struct tmpl *t, const char *key, uint32_t def, uint32_t *out, struct err *e)
{
	const char *v = ini_get(t->ini, "kleuren", key);
	uint32_t c = 0;
	int i;

	*out = def;
	if (!v)
		return 0;
	if (v[0] == '#')
		v++;
	if (strlen(v) != 6)
		goto bad;
	for (i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)v[i]))
			goto bad;
		c = c * 16 + (uint32_t)(isdigit((unsigned char)v[i]) ? v[i] - '0' : tolower((unsigned char)v[i]) - 'a' + 10);
	}
	*out = c;
	return 0;
bad:
	return key_error(t, "kleuren", key, e,
			 " = %s: schrijf een kleur als \"#RRGGBB\" (met aanhalingstekens), bijvoorbeeld \"#1F3A68\"",
			 *v ? v : "(leeg)");
}

static int num(struct tmpl *t, const char *sec, const char *key, double def, double lo, double hi, double *out,
	       struct err *e)
{
	return ini_get_number(t->ini, sec, key, def, lo, hi, out, e);
}

int tmpl_load(struct tmpl *t, const char *datadir, const char *name, struct err *e)
{
	struct theme *th = &t->theme;
	struct buf path = BUF_INIT;
	const char *al;
	int i;
	static const char *const font_keys[FONT_COUNT] = { "gewoon", "vet" };
	static const char *const font_defs[FONT_COUNT] = { "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf" };

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
	{
		const char *fmt = ini_get(t->ini, "pagina", "formaat");

		if (fmt && strcmp(fmt, "A4") && strcmp(fmt, "a4"))
			return key_error(t, "pagina", "formaat", e, " = %s: alleen A4 wordt ondersteund", fmt);
	}
	th->page_w = 595.276;
	th->page_h = 841.89;
	if (num(t, "pagina", "marge_boven", 20, 8, 60, &th->margin_top, e) ||
	    num(t, "pagina", "marge_onder", 20, 8, 60, &th->margin_bottom, e) ||
	    num(t, "pagina", "marge_links", 18, 8, 60, &th->margin_left, e) ||
	    num(t, "pagina", "marge_rechts", 18, 8, 60, &th->margin_right, e) ||
	    num(t, "letters", "tekst", 10, 6, 16, &th->body, e) ||
	    num(t, "letters", "regelafstand", 1.35, 1.0, 2.5, &th->leading, e) ||
	    num(t, "letters", "klein", 7.8, 5, 12, &th->small, e) ||
	    num(t, "letters", "titel", 16, 8, 32, &th->title, e) ||
	    num(t, "letters", "kop", 11.5, 6, 24, &th->h1, e) ||
	    num(t, "letters", "subkop", 10.5, 6, 20, &th->h2, e) ||
	    num(t, "letters", "alinea_wit", 5, 0, 30, &th->para_gap, e) ||
	    num(t, "letters", "celmarge", 4, 1, 12, &th->cell_pad, e))
		return -1;
	th->margin_top *= MM;
	th->margin_bottom *= MM;
	th->margin_left *= MM;
	th->margin_right *= MM;
	al = ini_get(t->ini, "letters", "uitlijning");
	if (al && strcmp(al, "uitvullen") && strcmp(al, "links"))
		return key_error(t, "letters", "uitlijning", e, " = %s: kies uitvullen of links", al);
	th->justify = !al || !strcmp(al, "uitvullen");
	if (get_color(t, "tekst", 0x1A1A1A, &th->text, e) || get_color(t, "accent", 0x1F3A68, &th->accent, e) ||
	    get_color(t, "grijs", 0x5F6670, &th->muted, e) || get_color(t, "label", 0xEEF1F5, &th->label_fill, e) ||
	    get_color(t, "kop_tabel", 0xDDE4EE, &th->head_fill, e) || get_color(t, "groep", 0xEEF1F5, &th->group_fill, e) ||
	    get_color(t, "rand", 0xAEB6C1, &th->border, e) || get_color(t, "kader", 0xF4F7FB, &th->box_fill, e) ||
	    get_color(t, "kader_rand", 0x1F3A68, &th->box_border, e))
		return -1;
	for (i = 0; i < FONT_COUNT; i++) {
		const char *f = ini_get(t->ini, "letters", font_keys[i]);
		char *fonts = path_join(datadir, "fonts");

		t->font_path[i] = path_join(fonts, f ? f : font_defs[i]);
		free(fonts);
		if (file_sniff(t->font_path[i]) == FILE_MISSING)
			return key_error(t, "letters", font_keys[i], e, ": lettertype %s niet gevonden", t->font_path[i]);
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
	const char *v = ini_get(t->ini, section, key);

	return v ? v : def;
}
