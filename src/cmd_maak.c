/*
 * cmd_maak.c - `dossier maak CASUS`: the printable PDF dossier.
 *
 * Checks the dossier first and refuses an incomplete one unless --concept
 * is given (then every page says so). Finds the attachments, composes and
 * lays out the pages, draws them, merges the attached PDFs and writes the
 * result atomically (mode 0600): an existing file is only replaced when
 * everything worked.
 */
#include "app.h"
#include "attach.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "compose.h"
#include "date.h"
#include "fileio.h"
#include "finding.h"
#include "json.h"
#include "mem.h"
#include "opt.h"
#include "render.h"
#include "rules.h"
#include "template.h"
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier maak CASUS.json [-o UIT.pdf] [--concept] [--anoniem] [--sjabloon NAAM]\n"
	"\n"
	"Maakt één afdrukbare PDF met het voorblad, een inhoudsopgave, de formulieren\n"
	"van de route, de controlelijst, de tijdlijn en de bijlagen (PDF's pagina voor\n"
	"pagina, scans als pagina). Een onvolledig dossier wordt geweigerd, tenzij u\n"
	"--concept opgeeft: dan staat op elke pagina 'CONCEPT – onvolledig'.\n"
	"\n"
	"Zonder -o komt de PDF naast het casusbestand (casus.json -> casus.pdf).\n";

static void release_atts(struct att *a, size_t n)
{
	size_t i;

	for (i = 0; a && i < n; i++) {
		free(a[i].title);
		free(a[i].kind);
		free(a[i].kind_label);
		free(a[i].path);
		free(a[i].stored);
		free(a[i].date);
	}
	free(a);
}

/* Look at the attachment files; an unusable one is an error, or in a concept left out. */
static int probe(struct app *app, struct pdf *pdf, struct att *a, bool concept, bool *keep)
{
	struct err e = ERR_INIT;
	int r = 0;

	*keep = true;
	if (!a->shared)
		return 0;
	switch (file_sniff(a->path)) {
	case FILE_PDF:
		a->is_pdf = true;
		r = attach_count_pages(a->path, &a->npages, &e);
		break;
	case FILE_PNG: case FILE_JPEG:
		r = pdf_image_size(pdf, a->path, &a->img_w, &a->img_h, &e);
		break;
	case FILE_MISSING:
		r = err_set(&e, EXIT_INVALID, "bijlage '%s': het bestand %s bestaat niet", a->title, a->stored);
		break;
	default:
		r = err_set(&e, EXIT_INVALID, "bijlage '%s': %s is geen PDF, PNG of JPEG", a->title, a->stored);
		break;
	}
	if (r && concept) {
		fprintf(stderr, "dossier: let op: %s; niet opgenomen in het concept.\n", e.msg.s);
		*keep = false;
		r = 0;
	} else if (r) {
		err_set(&app->err, e.code, "%s", e.msg.s);
	}
	err_release(&e);
	return r;
}

static int find_atts(struct app *app, const struct casus *c, struct pdf *pdf, bool concept, bool anonymous,
		     struct att **out, size_t *n)
{
	const json *list = json_get(c->root, "bijlagen"), *it, *scan = casus_get(c, "toestemming.scan");
	const struct field *kind = formset_field(&app->forms, "bijlagen.soort", &app->err);
	struct att *a = xcalloc(json_len(list) + 2, sizeof(*a));
	size_t k = 0;

	*out = a;
	*n = 0;
	for (it = json_first(list); it; it = json_next(it)) {
		const char *file = json_get_str(it, "bestand"), *soort = json_get_str(it, "soort");
		const struct choice *ch = kind && soort ? field_choice(kind, soort) : NULL;
		bool keep;

		if (!file || !*file)
			continue;
		a[k].title = xstrdup(json_get_str(it, "titel") ? json_get_str(it, "titel") : "zonder titel");
		a[k].kind = xstrdup(soort ? soort : "anders");
		a[k].kind_label = xstrdup(ch ? ch->label : "document");
		a[k].stored = xstrdup(file);
		a[k].path = casus_file_path(c, file);
		a[k].date = json_get_str(it, "datum") ? xstrdup(json_get_str(it, "datum")) : NULL;
		a[k].shared = json_bool(json_get(it, "gedeeld"));
		*n = ++k;
		if (anonymous)
			continue;
		if (probe(app, pdf, &a[k - 1], concept, &keep))
			return -1;
		if (!keep)
			a[k - 1].shared = false;
	}
	if (json_is_string(scan) && *json_str(scan)) {
		bool keep;

		a[k].title = xstrdup("Ondertekende toestemming");
		a[k].kind = xstrdup("toestemming");
		a[k].kind_label = xstrdup("scan van de toestemming");
		a[k].stored = xstrdup(json_str(scan));
		a[k].path = casus_file_path(c, json_str(scan));
		a[k].shared = !anonymous;
		a[k].consent_scan = true;
		*n = ++k;
		if (!anonymous) {
			if (probe(app, pdf, &a[k - 1], concept, &keep))
				return -1;
			if (!keep)
				*n = --k, free(a[k].title), free(a[k].kind), free(a[k].kind_label), free(a[k].stored),
				free(a[k].path), memset(&a[k], 0, sizeof(a[k]));
		}
	}
	return 0;
}

static char *default_output(const char *casus, bool anonymous)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(casus);

	if (len > 5 && !strcmp(casus + len - 5, ".json"))
		len -= 5;
	buf_add(&b, casus, len);
	buf_adds(&b, anonymous ? "-anoniem.pdf" : ".pdf");
	return buf_detach(&b, NULL);
}

static long long creation_time(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);

		if (!*end && v >= 0)
			return v;
	}
	return (long long)time(NULL);
}

int cmd_maak(struct app *app, int argc, char **argv)
{
	const char *out_arg = NULL, *tmpl_arg = NULL, *route_arg = NULL;
	bool concept = false, anonymous = false, quiet = false;
	const struct opt opts[] = {
		OPT_STRING('o', "uit", &out_arg, "UIT.pdf", "waar de PDF komt (standaard naast het casusbestand)"),
		OPT_FLAG(0, "concept", &concept, "ook een onvolledig dossier maken, met 'CONCEPT – onvolledig' op elke pagina"),
		OPT_FLAG(0, "anoniem", &anonymous, "kopie met initialen, zonder contactgegevens, geboortedatum en bijlagen"),
		OPT_STRING(0, "sjabloon", &tmpl_arg, "NAAM", "opmaak uit templates/NAAM.ini (standaard: standaard)"),
		OPT_STRING(0, "route", &route_arg, "ROUTE", "maak het dossier voor deze route in plaats van die van de casus"),
		OPT_FLAG('q', "stil", &quiet, "geen samenvatting tonen"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct findings fs = FINDINGS_INIT;
	struct tmpl t = TMPL_INIT;
	struct timeline tl = TIMELINE_INIT;
	struct ldoc doc = LDOC_INIT;
	struct buf pdfbytes = BUF_INIT, hl = BUF_INIT, hr = BUF_INIT, fl = BUF_INIT, fr = BUF_INIT;
	struct buf title = BUF_INIT, subject = BUF_INIT, mark = BUF_INIT;
	struct pdf *pdf = NULL;
	struct att *atts = NULL;
	size_t natts = 0, nerr;
	const struct route *r;
	char *out = NULL;
	int n, rc = -1, today = date_today();

	n = opt_parse(argc, argv, opts, "maak", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier maak --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, route_arg)))
		goto out;
	{
		struct check_input in = { &app->rules, &app->forms, &c, r->id, casus_region(&c), today, argv[0] };

		rules_check(&in, &fs);
	}
	nerr = findings_count(&fs, SEV_ERROR);
	if (nerr && !concept) {
		err_set(&app->err, EXIT_INVALID,
			"het dossier is niet volledig voor de %s (%zu punt%s); zie 'dossier controleer %s', "
			"of maak een concept met 'dossier maak %s --concept'",
			r->table, nerr, nerr == 1 ? "" : "en", argv[0], argv[0]);
		goto out;
	}
	if (!tmpl_arg)
		tmpl_arg = config_get(&app->cfg, "opmaak", "sjabloon");
	if (tmpl_load(&t, app->datadir, tmpl_arg ? tmpl_arg : "standaard", &app->err) ||
	    pdf_open(&pdf, &t, &app->err) ||
	    find_atts(app, &c, pdf, concept, anonymous, &atts, &natts))
		goto out;
	timeline_build(&tl, app->rules.tl, app->rules.ntl, c.root, today);
	{
		struct compose_in in = { &c, &app->forms, &app->rules, r, &app->prof, &t, &fs, &tl,
					 pdf_metrics(pdf), atts, natts, today, anonymous, concept && nerr > 0 };
		struct render_info info;

		if (compose_dossier(&in, &doc, &app->err))
			goto out;
		compose_expand(&in, tmpl_text(&t, "koptekst", "links", ""), &hl);
		compose_expand(&in, tmpl_text(&t, "koptekst", "rechts", ""), &hr);
		compose_expand(&in, tmpl_text(&t, "voettekst", "links", ""), &fl);
		compose_expand(&in, tmpl_text(&t, "voettekst", "rechts", "pagina {pagina} van {paginas}"), &fr);
		compose_expand(&in, tmpl_text(&t, "teksten", "documenttitel", "Dossier {kenmerk}"), &title);
		buf_addf(&subject, "%s – %s", r->name, app->prof.name);
		compose_expand(&in, tmpl_text(&t, "teksten", "concept", "CONCEPT – onvolledig"), &mark);
		memset(&info, 0, sizeof(info));
		info.title = title.s;
		info.subject = subject.s;
		info.author = NULL;
		info.keywords = anonymous ? "geanonimiseerd" : NULL;
		info.header_left = hl.s;
		info.header_right = hr.s;
		info.footer_left = fl.s;
		info.footer_right = fr.s;
		info.concept = concept && nerr ? mark.s : NULL;
		info.created = creation_time();
		if (pdf_render(pdf, &doc, &info, &pdfbytes, &app->err))
			goto out;
	}
	if (doc.nins && attach_merge(&pdfbytes, &doc, concept && nerr ? mark.s : NULL, &app->err))
		goto out;
	out = out_arg ? xstrdup(out_arg) : default_output(argv[0], anonymous);
	if (file_write_atomic(out, pdfbytes.s, pdfbytes.len, &app->err))
		goto out;
	if (!quiet) {
		size_t nums_total, i, inserted = 0;
		size_t *nums = xcalloc(doc.n ? doc.n : 1, sizeof(size_t));

		nums_total = pdf_page_numbers(&doc, nums);
		for (i = 0; i < doc.nins; i++)
			inserted += doc.inserts[i].npages;
		free(nums);
		printf("Dossier gemaakt: %s\n", out);
		printf("  %zu pagina's (%zu opgemaakt, %zu uit PDF-bijlagen), %.0f kB%s%s\n", nums_total, doc.n, inserted,
		       pdfbytes.len / 1024.0, concept && nerr ? ", CONCEPT" : "", anonymous ? ", geanonimiseerd" : "");
		if (nerr)
			printf("  Let op: %zu punt%s nog niet in orde; zie 'dossier controleer %s'.\n", nerr,
			       nerr == 1 ? "" : "en", argv[0]);
	}
	rc = 0;
out:
	free(out);
	buf_release(&pdfbytes);
	buf_release(&hl);
	buf_release(&hr);
	buf_release(&fl);
	buf_release(&fr);
	buf_release(&title);
	buf_release(&subject);
	buf_release(&mark);
	ldoc_release(&doc);
	timeline_release(&tl);
	release_atts(atts, natts);
	pdf_close(pdf);
	tmpl_release(&t);
	findings_release(&fs);
	casus_release(&c);
	return rc;
}
