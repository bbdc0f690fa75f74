/*
 * cmd_controleer.c - `dossier controleer CASUS`: is the dossier complete
 * for its route?
 *
 * Prints the findings grouped per document, errors first, each with what
 * is wrong, why the table needs it and the command that fixes it; or, with
 * --json, the same as a JSON array. Exit 0: complete (warnings allowed);
 * 1: incomplete or invalid.
 */
#include "absence.h"
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "finding.h"
#include "glyphs.h"
#include "json.h"
#include "opt.h"
#include "rules.h"
#include "template.h"
#include "term.h"
#include "timeline.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier controleer CASUS.json [--route ROUTE] [--json]\n"
	"\n"
	"Controleert of het dossier compleet is voor zijn route (of voor --route):\n"
	"welke documenten en velden ontbreken, of de juiste mensen toestemming gaven,\n"
	"of het MDO de goede deelnemers had, of de offerte klopt en of de bijlagen te\n"
	"openen zijn. Per punt staat erbij waarom het nodig is en hoe u het oplost.\n"
	"\n"
	"Afsluitcode 0: volledig (waarschuwingen mogen); 1: onvolledig of ongeldig.\n";

/* Document ids in report order: casus, the route's documents, the rest. */
static size_t doc_order(const struct app *app, const struct route *r, const char **out, size_t max)
{
	size_t n = 0, i;
	static const char *const tail[] = { "bijlagen", "tijdlijn", "dossier" };

	out[n++] = "dossier";
	out[n++] = "casus";
	for (i = 0; i < r->ndocs && n < max; i++)
		out[n++] = r->docs[i];
	for (i = 0; i < app->forms.n && n < max; i++)
		out[n++] = app->forms.forms[i].id;
	for (i = 0; i < sizeof(tail) / sizeof(tail[0]) && n < max; i++)
		out[n++] = tail[i];
	return n;
}

static const char *doc_title(const struct app *app, const char *id)
{
	const struct form *f = formset_get(&app->forms, id);

	if (f)
		return f->title;
	if (!strcmp(id, "tijdlijn"))
		return "Tijdlijn";
	return "Dossier";
}

static void print_json(const struct findings *fs)
{
	json *arr = json_new_array();
	struct buf out = BUF_INIT;
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		json *o = json_new_object();

		json_set(o, "code", json_new_string(f->code));
		json_set(o, "severity", json_new_string(f->sev == SEV_ERROR ? "error" : "warning"));
		json_set(o, "document", json_new_string(f->document));
		json_set(o, "field", f->field ? json_new_string(f->field) : json_new_null());
		json_set(o, "message", json_new_string(f->message));
		json_set(o, "reason", f->reason ? json_new_string(f->reason) : json_new_null());
		json_set(o, "fix", f->fix ? json_new_string(f->fix) : json_new_null());
		json_append(arr, o);
	}
	json_print(arr, &out);
	fwrite(out.s, 1, out.len, stdout);
	buf_release(&out);
	json_free(arr);
}

/*
 * "Oplossen:" and the fix. A fix that is a command ("dossier ...",
 * optionally followed by two spaces and a remark in parentheses) gets a
 * line of its own that is never wrapped, so that it can be copied into
 * the terminal as it is.
 */
static void print_fix(struct buf *out, struct buf *line, const char *fix, int width)
{
	const char *remark = strstr(fix, "  (");

	if (strncmp(fix, "dossier ", 8)) {
		buf_reset(line);
		buf_addf(line, "Oplossen: %s", fix);
		term_wrap(out, line->s, 6, 6, width);
		return;
	}
	buf_adds(out, "      Oplossen:\n        ");
	buf_add(out, fix, remark ? (size_t)(remark - fix) : strlen(fix));
	buf_addch(out, '\n');
	if (remark) {
		buf_adds(out, "        ");
		buf_adds(out, remark + 2);
		buf_addch(out, '\n');
	}
}

/* The thresholds the absence registration crossed, next to the DUO report and the MDOs. */
static void print_absence(struct app *app, const struct casus *c, struct buf *out, int width)
{
	struct timeline t = TIMELINE_INIT;
	struct buf lines[16];
	size_t i, n;

	for (i = 0; i < 16; i++)
		buf_init(&lines[i], 0);
	rules_timeline(&app->rules, c->root, date_today(), &t);
	n = absence_notes(&t, lines, 16);
	if (n) {
		buf_addch(out, '\n');
		term_style(out, stdout, ST_BOLD, "Verzuimgrenzen volgens de registratie");
		buf_addch(out, '\n');
	}
	for (i = 0; i < n; i++) {
		buf_adds(out, "    ·");
		term_wrap(out, lines[i].s, 1, 6, width);
	}
	for (i = 0; i < 16; i++)
		buf_release(&lines[i]);
	timeline_release(&t);
}

static void print_text(struct app *app, const struct casus *c, const struct route *r,
		       const struct findings *fs)
{
	struct buf out = BUF_INIT, line = BUF_INIT;
	size_t nerr = findings_count(fs, SEV_ERROR), nwarn = findings_count(fs, SEV_WARNING), i;
	int width = term_width(stdout);
	int sev;

	buf_addf(&out, "Controle van %s\n", c->path);
	buf_addf(&out, "Kenmerk %s · regio %s · route %s\n\n", casus_ref(c) ? casus_ref(c) : "(geen)",
		 app->prof.name, r->name);
	buf_reset(&line);
	if (!nerr)
		buf_addf(&line, "Volledig voor de %s.", r->table);
	else
		buf_addf(&line, "Onvolledig voor de %s: %zu fout%s.", r->table, nerr, nerr == 1 ? "" : "en");
	term_style(&out, stdout, nerr ? ST_RED : ST_GREEN, line.s);
	if (nwarn)
		buf_addf(&out, " %zu waarschuwing%s.", nwarn, nwarn == 1 ? "" : "en");
	buf_addch(&out, '\n');
	for (sev = SEV_ERROR; sev <= SEV_WARNING; sev++) {
		const char *doc = NULL;

		if (!findings_count(fs, (enum severity)sev))
			continue;
		buf_addch(&out, '\n');
		term_style(&out, stdout, ST_BOLD, sev == SEV_ERROR ? "Wat ontbreekt of niet klopt" : "Waarschuwingen");
		buf_addch(&out, '\n');
		for (i = 0; i < fs->n; i++) {
			const struct finding *f = &fs->v[i];

			if ((int)f->sev != sev)
				continue;
			if (!doc || strcmp(doc, f->document)) {
				doc = f->document;
				buf_addf(&out, "\n  %s\n", doc_title(app, doc));
			}
			buf_addrep(&out, " ", 4);
			term_style(&out, stdout, sev == SEV_ERROR ? ST_RED : ST_YELLOW, sev == SEV_ERROR ? "✗" : "!");
			term_wrap(&out, f->message, 1, 6, width);
			if (f->reason) {
				buf_reset(&line);
				buf_addf(&line, "Waarom: %s", f->reason);
				term_wrap(&out, line.s, 6, 6, width);
			}
			if (f->fix)
				print_fix(&out, &line, f->fix, width);
		}
	}
	print_absence(app, c, &out, width);
	fwrite(out.s, 1, out.len, stdout);
	buf_release(&out);
	buf_release(&line);
}

int cmd_controleer(struct app *app, int argc, char **argv)
{
	const char *route_arg = NULL;
	bool as_json = false;
	const struct opt opts[] = {
		OPT_STRING(0, "route", &route_arg, "ROUTE", "controleer voor deze route in plaats van die van de casus"),
		OPT_FLAG(0, "json", &as_json, "de bevindingen als JSON (code, severity, document, field, message)"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct findings fs = FINDINGS_INIT;
	const struct route *r;
	const char *order[64];
	int n, rc = -1;

	n = opt_parse(argc, argv, opts, "controleer", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier controleer --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, route_arg)))
		goto out;
	{
		struct check_input in = { &app->rules, &app->forms, &c, r->id, casus_region(&c), date_today(), argv[0] };
		const char *tname = config_get(&app->cfg, "opmaak", "sjabloon");
		struct tmpl t = TMPL_INIT;
		int g;

		rules_check(&in, &fs);
		/* what the PDF could not show: the fonts of the template the dossier will be made with */
		g = tmpl_load(&t, app->datadir, tname ? tname : "standaard", &app->err) ||
		    glyphs_check(&app->forms, c.root, t.font_path, &fs, &app->err);
		tmpl_release(&t);
		if (g)
			goto out;
	}
	findings_sort(&fs, order, doc_order(app, r, order, sizeof(order) / sizeof(order[0])));
	if (as_json)
		print_json(&fs);
	else
		print_text(app, &c, r, &fs);
	rc = findings_count(&fs, SEV_ERROR) ? EXIT_INVALID : EXIT_OK;
out:
	findings_release(&fs);
	casus_release(&c);
	return rc;
}
