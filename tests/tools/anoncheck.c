/*
 * anoncheck - are personal values absent from the texts of a PDF?
 *
 *   anoncheck VALUES TEXT...
 *   anoncheck --waarden DATADIR CASUS.json
 *
 * The second form lists the personal values the case holds: every
 * value of a field declared "persoonlijk" in the forms, one per line as
 * "TYPE<tab>VALUE" (TYPE: naam, datum, telefoon, anders).
 *
 * VALUES has one value per line as it was written into the case (any
 * notation, case, spaces). Each TEXT file (pdftotext output, pdfinfo,
 * the outline, the page labels) is compared with the program's own
 * matching key (src/unicode.h: NFC, case folded, Unicode spaces, hyphens
 * and apostrophes lumped, soft hyphens dropped) and, for values that are
 * digits with separators (phone numbers), by their digits alone. Every
 * value found is printed with the file; exit 1 if any was, else 0.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "field.h"
#include "form.h"
#include "json.h"
#include "fileio.h"
#include "err.h"
#include "unicode.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The digits of s when s is only digits and phone separators; else "" . */
static void digits_only(const char *s, struct buf *out)
{
	const char *p;

	buf_reset(out);
	for (p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			buf_addch(out, *p);
		else if (!strchr(" -./()+", *p)) {
			buf_reset(out);
			return;
		}
	}
}

/* The text with separators between digits removed: "06 41 23" -> "064123". */
static void squeeze_digits(const char *s, struct buf *out)
{
	size_t i, n = strlen(s);

	buf_reset(out);
	for (i = 0; i < n; i++) {
		if (strchr(" -./()", s[i]) && out->len && isdigit((unsigned char)out->s[out->len - 1])) {
			size_t j = i;

			while (j < n && strchr(" -./()", s[j]))
				j++;
			if (j < n && isdigit((unsigned char)s[j])) {
				i = j - 1;
				continue;
			}
		}
		buf_addch(out, s[i]);
	}
}

static bool found_word(const char *hay, size_t hn, const char *needle, size_t nn)
{
	const char *p = hay;

	if (!nn)
		return false;
	while ((p = strstr(p, needle))) {
		size_t off = (size_t)(p - hay);

		if (unicode_word_boundary(hay, hn, off) && unicode_word_boundary(hay, hn, off + nn))
			return true;
		p++;
	}
	return false;
}

static void list_values(const struct field *def, const json *v)
{
	const json *it;
	size_t i;

	if (!v)
		return;
	if (def->type->kind == FT_GROEP) {
		for (i = 0; i < def->nsub; i++)
			list_values(&def->sub[i], json_get(v, def->sub[i].key));
	} else if (def->type->kind == FT_LIJST) {
		for (it = json_first(v); it; it = json_next(it))
			for (i = 0; i < def->nsub; i++)
				list_values(&def->sub[i], json_get(it, def->sub[i].key));
	} else if (def->privacy != PRIV_NONE && json_is_string(v) && *json_str(v)) {
		printf("%s\t%s\n",
		       def->privacy == PRIV_INITIALS ? "naam"
		       : def->type->kind == FT_DATUM ? "datum"
		       : def->type->kind == FT_TELEFOON ? "telefoon" : "anders",
		       json_str(v));
	}
}

static int values_of_case(const char *datadir, const char *path)
{
	struct app app;
	struct casus c = CASUS_INIT;
	size_t i;

	if (app_init(&app, datadir, NULL) || casus_load(&c, path, &app.err) || app_setup_case(&app, &c)) {
		fprintf(stderr, "anoncheck: %s\n", app.err.msg.s);
		return 3;
	}
	for (i = 0; i < app.forms.n; i++)
		list_values(&app.forms.forms[i].root, json_get(c.root, app.forms.forms[i].id));
	casus_release(&c);
	app_release(&app);
	return 0;
}

int main(int argc, char **argv)
{
	struct buf values = BUF_INIT, text = BUF_INIT, key = BUF_INIT, dig = BUF_INIT;
	struct buf *vk = NULL, *vd = NULL;
	struct err e = ERR_INIT;
	int i, bad = 0;
	size_t nv = 0, v;
	char *line, *save = NULL;
	char **orig = NULL;

	if (argc == 4 && !strcmp(argv[1], "--waarden"))
		return values_of_case(argv[2], argv[3]);
	if (argc < 3) {
		fprintf(stderr, "usage: anoncheck VALUES TEXT... | --waarden DATADIR CASUS.json\n");
		return 2;
	}
	if (file_read(argv[1], 1 << 20, &values, &e)) {
		fprintf(stderr, "anoncheck: %s\n", e.msg.s);
		return 2;
	}
	for (line = strtok_r(values.s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		vk = realloc(vk, (nv + 1) * sizeof(*vk));
		vd = realloc(vd, (nv + 1) * sizeof(*vd));
		orig = realloc(orig, (nv + 1) * sizeof(*orig));
		if (!vk || !vd || !orig)
			return 3;
		buf_init(&vk[nv], 0);
		buf_init(&vd[nv], 0);
		orig[nv] = line;
		if (unicode_key_base(line, strlen(line), &vk[nv]) < 0) {
			fprintf(stderr, "anoncheck: value is not UTF-8: %s\n", line);
			return 2;
		}
		buf_trim(&vk[nv]);
		digits_only(vk[nv].s, &vd[nv]);
		nv++;
	}
	for (i = 2; i < argc; i++) {
		buf_reset(&text);
		buf_reset(&key);
		if (file_read(argv[i], 64 << 20, &text, &e) || unicode_key_base(text.s, text.len, &key) < 0) {
			fprintf(stderr, "anoncheck: %s: cannot read it as UTF-8\n", argv[i]);
			return 2;
		}
		squeeze_digits(key.s, &dig);
		for (v = 0; v < nv; v++)
			if (found_word(key.s, key.len, vk[v].s, vk[v].len) ||
			    (vd[v].len >= 6 && found_word(dig.s, dig.len, vd[v].s, vd[v].len))) {
				printf("%s: gevonden: %s\n", argv[i], orig[v]);
				bad++;
			}
	}
	printf("%zu waarden in %d teksten, %d gevonden\n", nv, argc - 2, bad);
	for (v = 0; v < nv; v++) {
		buf_release(&vk[v]);
		buf_release(&vd[v]);
	}
	free(vk);
	free(vd);
	free(orig);
	buf_release(&values);
	buf_release(&text);
	buf_release(&key);
	buf_release(&dig);
	return bad ? 1 : 0;
}
