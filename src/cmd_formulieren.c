/*
 * cmd_formulieren.c - `dossier formulieren [FORMULIER]`: show the forms
 * and their fields as the definitions in forms/ describe them.
 *
 * This is the reference for `dossier zet` (it shows every path) and a way
 * for a region to check its edits to the data files.
 */
#include "app.h"
#include "buf.h"
#include "profile.h"
#include "rules.h"
#include "cmd.h"
#include "form.h"
#include "opt.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier formulieren [FORMULIER] [--regio REGIO]\n"
	"\n"
	"Toont de formulieren en hun velden: het pad (voor 'dossier zet'), het type\n"
	"en of het veld verplicht is (*). Met een formuliernaam ook de uitleg, de\n"
	"keuzes en wanneer een veld gevraagd wordt.\n";

static void show_field(struct buf *out, const struct field *f, const char *prefix, bool detail, int width)
{
	struct buf path = BUF_INIT, line = BUF_INIT;
	size_t i;

	buf_addf(&path, "%s.%s%s", prefix, f->key, f->type->kind == FT_LIJST ? "[n]" : "");
	buf_addf(&line, "  %s %-38s %-10s ", f->required ? "*" : " ", path.s, f->type->name);
	buf_adds(out, line.s);
	buf_adds(out, f->label);
	buf_addch(out, '\n');
	if (detail) {
		if (f->help)
			term_wrap(out, f->help, 8, 8, width);
		if (f->nchoices) {
			buf_adds(out, "        keuzes:");
			for (i = 0; i < f->nchoices; i++)
				buf_addf(out, "%s %s", i ? "," : "", f->choices[i].key);
			buf_addch(out, '\n');
		}
		if (f->cond_src)
			buf_addf(out, "        alleen als: %s\n", f->cond_src);
	}
	for (i = 0; i < f->nsub; i++)
		show_field(out, &f->sub[i], path.s, detail, width);
	buf_release(&path);
	buf_release(&line);
}

static void md_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			buf_adds(out, "\\|");
		else if (*s == '\n')
			buf_addch(out, ' ');
		else
			buf_addch(out, *s);
	}
}

static void md_field(struct buf *out, const struct field *f, const char *prefix)
{
	struct buf path = BUF_INIT;
	size_t i;

	buf_addf(&path, "%s.%s%s", prefix, f->key, f->type->kind == FT_LIJST ? "[n]" : "");
	buf_addf(out, "| `%s` | %s | %s | ", path.s, f->type->name, f->required ? "ja" : "");
	md_escape(out, f->label);
	buf_adds(out, " | ");
	if (f->help)
		md_escape(out, f->help);
	buf_adds(out, " | ");
	if (f->nchoices) {
		for (i = 0; i < f->nchoices; i++)
			buf_addf(out, "%s`%s`", i ? ", " : "", f->choices[i].key);
	}
	if (f->cond_src) {
		buf_adds(out, f->nchoices ? "; alleen als " : "alleen als ");
		md_escape(out, f->cond_src);
	}
	if (f->privacy != PRIV_NONE)
		buf_addf(out, "%spersoonlijk: %s", f->nchoices || f->cond_src ? "; " : "",
			 f->privacy == PRIV_INITIALS ? "initialen" : "weglaten");
	buf_adds(out, " |\n");
	for (i = 0; i < f->nsub; i++)
		md_field(out, &f->sub[i], path.s);
	buf_release(&path);
}

static void md_form(struct buf *out, const struct form *f)
{
	struct buf prefix = BUF_INIT;
	size_t i;

	buf_addf(out, "## `%s` – %s\n\n", f->id, f->title);
	if (f->desc) {
		md_escape(out, f->desc);
		buf_adds(out, "\n\n");
	}
	if (f->repeated)
		buf_adds(out, "Een lijst: elk verslag is een regel (`[n]` = 1, 2, ...).\n\n");
	if (f->cond_src)
		buf_addf(out, "Alleen als: `%s`.\n\n", f->cond_src);
	buf_adds(out, "| pad | type | verplicht | label | uitleg | keuzes, voorwaarde |\n|---|---|---|---|---|---|\n");
	buf_addf(&prefix, "%s%s", f->id, f->repeated ? "[n]" : "");
	for (i = 0; i < f->root.nsub; i++)
		md_field(out, &f->root.sub[i], prefix.s);
	buf_adds(out, "\n");
	buf_release(&prefix);
}

/* Every field path, one a line, lists with [1] (what --veld and zet take). */
static void list_paths(struct buf *out, const struct field *f, const char *prefix)
{
	struct buf path = BUF_INIT;
	size_t i;

	buf_addf(&path, "%s.%s", prefix, f->key);
	buf_addf(out, "%s\n", path.s);
	if (f->type->kind == FT_LIJST)
		buf_adds(&path, "[1]");
	for (i = 0; i < f->nsub; i++)
		list_paths(out, &f->sub[i], path.s);
	buf_release(&path);
}

/* The names a shell completes ("dossier formulieren --lijst paden"). */
static int list_names(struct app *app, const char *what, struct buf *out)
{
	size_t i, j, n;

	if (!strcmp(what, "formulieren")) {
		for (i = 0; i < app->forms.n; i++)
			buf_addf(out, "%s\n", app->forms.forms[i].id);
	} else if (!strcmp(what, "paden")) {
		for (i = 0; i < app->forms.n; i++) {
			const struct form *f = &app->forms.forms[i];
			struct buf prefix = BUF_INIT;

			buf_addf(out, "%s\n", f->id);
			buf_addf(&prefix, "%s%s", f->id, f->repeated ? "[1]" : "");
			for (j = 0; j < f->root.nsub; j++)
				list_paths(out, &f->root.sub[j], prefix.s);
			buf_release(&prefix);
		}
	} else if (!strcmp(what, "routes")) {
		for (i = 0; i < app->rules.nroutes; i++)
			buf_addf(out, "%s\n", app->rules.routes[i].id);
	} else if (!strcmp(what, "regios")) {
		char **v = profile_list(app->datadir, &n);

		for (i = 0; i < n; i++) {
			buf_addf(out, "%s\n", v[i]);
			free(v[i]);
		}
		free(v);
	} else {
		return err_set(&app->err, EXIT_USAGE, "--lijst: kies formulieren, paden, routes of regios, niet '%s'", what);
	}
	return 0;
}

static void show_form(struct buf *out, const struct form *f, bool detail, int width)
{
	size_t i;
	struct buf prefix = BUF_INIT;

	buf_addf(out, "%s%s  %s\n", f->id, f->repeated ? "[n]" : "", f->title);
	if (f->desc)
		term_wrap(out, f->desc, 2, 2, width);
	if (f->cond_src)
		buf_addf(out, "  alleen als: %s\n", f->cond_src);
	buf_addf(&prefix, "%s%s", f->id, f->repeated ? "[n]" : "");
	for (i = 0; i < f->root.nsub; i++)
		show_field(out, &f->root.sub[i], prefix.s, detail, width);
	buf_addch(out, '\n');
	buf_release(&prefix);
}

int cmd_formulieren(struct app *app, int argc, char **argv)
{
	const char *region = NULL;
	bool markdown = false;
	const char *list = NULL;
	const struct opt opts[] = {
		OPT_STRING('r', "regio", &region, "REGIO", "namen van deze regio gebruiken"),
		OPT_FLAG(0, "markdown", &markdown, "als Markdown-tabellen (voor de documentatie)"),
		OPT_STRING(0, "lijst", &list, "WAT", "alleen namen, één per regel: formulieren, paden, routes of regios (voor de tab-aanvulling)"),
		OPT_END(),
	};
	struct buf out = BUF_INIT;
	int n, width = term_width(stdout);
	size_t i;

	n = opt_parse(argc, argv, opts, "formulieren", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n > 1) {
		err_set(&app->err, EXIT_USAGE, "geef hoogstens één formulier op");
		return -1;
	}
	if (app_setup(app, region))
		return -1;
	if (list) {
		if (list_names(app, list, &out)) {
			buf_release(&out);
			return -1;
		}
	} else if (markdown) {
		size_t t, nt;
		const struct ftype *types = ftype_all(&nt);

		buf_adds(&out, "# Velden van het casusbestand\n\n"
			       "Gemaakt met `dossier formulieren --markdown` uit de definities in `forms/`; "
			       "werk dit bestand bij met `make docs`. Verplicht geldt als het formulier of veld "
			       "van toepassing is (zie de voorwaarde).\n\n## Veldtypen\n\n| type | betekenis |\n|---|---|\n");
		for (t = 0; t < nt; t++)
			buf_addf(&out, "| `%s` | %s |\n", types[t].name, types[t].desc);
		buf_addch(&out, '\n');
		for (i = 0; i < app->forms.n; i++)
			if (n == 0 || !strcmp(argv[0], app->forms.forms[i].id))
				md_form(&out, &app->forms.forms[i]);
	} else if (n == 1) {
		const struct form *f = formset_find(&app->forms, argv[0]);

		if (!f) {
			struct buf ids = BUF_INIT;

			formset_id_list(&app->forms, &ids);
			err_set(&app->err, EXIT_USAGE, "'%s' is geen formulier; kies uit: %s", argv[0], ids.s);
			buf_release(&ids);
			return -1;
		}
		show_form(&out, f, true, width);
	} else {
		buf_adds(&out, "Velden met * zijn verplicht als het formulier of veld van toepassing is;\n"
			       "[n] staat voor het nummer van een regel in een lijst (1, 2, ...).\n\n");
		for (i = 0; i < app->forms.n; i++)
			show_form(&out, &app->forms.forms[i], false, width);
	}
	fwrite(out.s, 1, out.len, stdout);
	buf_release(&out);
	return 0;
}
