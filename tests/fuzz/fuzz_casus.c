/*
 * fuzz_casus - the case-file loader and everything that reads a case.
 *
 * The input is a case file. It goes through casus_load() (JSON with the
 * UTF-8, NUL, depth and shape checks), then, when it loads, through what
 * `controleer` and `maak` do with it: value validation against the forms
 * and every rule of every route (for the case's region), the timeline,
 * and the composition of the whole dossier into laid-out pages with the
 * real page template and font metrics. Attachments are named but never
 * opened (the input must not make the harness read files), and the PDF
 * is not drawn: libharu only sees what the layout hands it, which the
 * layout harness checks.
 *
 * Properties: a failing load gives an exit code and a printable message;
 * what is printed is read back as the same tree (a save never changes a
 * case); every finding and every text on a page is valid UTF-8.
 */
#include "fuzz.h"

#include "app.h"
#include "casus.h"
#include "compose.h"
#include "date.h"
#include "finding.h"
#include "json.h"
#include "layout.h"
#include "profile.h"
#include "render.h"
#include "rules.h"
#include "template.h"
#include "timeline.h"

#define MAX_REGIONS 8

static struct app apps[MAX_REGIONS];
static size_t napps;
static struct tmpl tmpl = TMPL_INIT;
static struct pdf *pdf;
static char casus_file[512];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;
	char **ids, home[512];
	size_t n, i;

	(void)argc, (void)argv;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1);
	fuzz_path(home, sizeof(home), "home");
	setenv("HOME", home, 1);            /* never the user's own configuration */
	unsetenv("DOSSIER_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	fuzz_path(casus_file, sizeof(casus_file), "casus.json");
	ids = profile_list(FUZZ_ROOT, &n);
	for (i = 0; i < n; i++) {
		if (napps < MAX_REGIONS) {
			struct app *a = &apps[napps++];

			if (app_init(a, FUZZ_ROOT, NULL) || app_setup(a, ids[i])) {
				fprintf(stderr, "fuzz_casus: %s\n", a->err.msg.s);
				abort();
			}
		}
		free(ids[i]);
	}
	free(ids);
	if (!napps || tmpl_load(&tmpl, FUZZ_ROOT, "standaard", &e) || pdf_open(&pdf, &tmpl, &e)) {
		fprintf(stderr, "fuzz_casus: %s\n", napps ? e.msg.s : "geen regio's");
		abort();
	}
	return 0;
}

/* The set-up of the case's region, or the first region's for an unknown one. */
static struct app *app_for(const struct casus *c)
{
	const char *region = casus_region(c);
	size_t i;

	for (i = 0; region && i < napps; i++)
		if (!strcmp(apps[i].prof.id, region))
			return &apps[i];
	return &apps[0];
}

static void check_findings(const struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		FUZZ_ASSERT(f->code && f->document && fuzz_utf8(f->message));
		FUZZ_ASSERT(!f->field || fuzz_utf8(f->field));
		FUZZ_ASSERT(!f->reason || fuzz_utf8(f->reason));
		FUZZ_ASSERT(!f->fix || fuzz_utf8(f->fix));
	}
}

static void check_pages(const struct ldoc *doc)
{
	size_t p, i;

	for (p = 0; p < doc->n; p++)
		for (i = 0; i < doc->pages[p].n; i++) {
			const struct item *it = &doc->pages[p].v[i];

			if (it->kind == IT_TEXT)
				FUZZ_ASSERT(fuzz_utf8(it->text));
		}
	for (i = 0; i < doc->nout; i++)
		FUZZ_ASSERT(fuzz_utf8(doc->outline[i].title));
}

/* Compose the dossier for one route, as `maak --concept --zonder-bijlagen` would. */
static void compose(struct app *a, const struct casus *c, const struct route *r, const struct findings *fs,
		    bool anonymous)
{
	struct timeline tl = TIMELINE_INIT;
	struct ldoc doc = LDOC_INIT;
	struct err e = ERR_INIT;
	struct buf text = BUF_INIT;
	struct compose_in in = { c, &a->forms, &a->rules, r, &a->prof, &tmpl, fs, &tl, pdf_metrics(pdf),
				 NULL, 0, date_today(), anonymous, findings_count(fs, SEV_ERROR) > 0,
				 "niet opgenomen (fuzz)", true };

	rules_timeline(&a->rules, c->root, date_today(), &tl);
	if (compose_dossier(&in, &doc, &e) == 0)
		check_pages(&doc);
	else
		fuzz_check_err(&e);
	compose_expand(&in, tmpl_text(&tmpl, "koptekst", "links", ""), &text);
	compose_expand(&in, tmpl_text(&tmpl, "teksten", "documenttitel", "Dossier {kenmerk}"), &text);
	FUZZ_ASSERT(fuzz_utf8(text.s));
	buf_release(&text);
	err_release(&e);
	ldoc_release(&doc);
	timeline_release(&tl);
}

/* A save writes json_print(); loading that again must give the same case. */
static void check_round_trip(const json *root)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	json *again = NULL;

	json_print(root, &out);
	if (json_parse(out.s, out.len, "opnieuw", &again, &e) != 0) {
		fprintf(stderr, "fuzz_casus: printed case does not parse: %s\n", e.msg.s);
		abort();
	}
	FUZZ_ASSERT(json_equal(root, again));
	json_free(again);
	buf_release(&out);
	err_release(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;
	struct app *a;
	const struct route *own;
	size_t i;

	fuzz_write(casus_file, data, size);
	if (casus_load(&c, casus_file, &e) != 0) {
		fuzz_check_err(&e);
		goto out;
	}
	check_round_trip(c.root);
	a = app_for(&c);
	own = ruleset_route(&a->rules, casus_route(&c));
	for (i = 0; i < a->rules.nroutes; i++) {
		const struct route *r = &a->rules.routes[i];
		struct findings fs = FINDINGS_INIT;
		struct check_input in = { &a->rules, &a->forms, &c, r->id, casus_region(&c), date_today(),
					  "casus.json" };

		rules_check(&in, &fs);
		check_findings(&fs);
		/* the whole dossier for the case's own route (or the first), also anonymised */
		if (r == own || (!own && i == 0)) {
			compose(a, &c, r, &fs, false);
			compose(a, &c, r, &fs, true);
		}
		findings_release(&fs);
	}
out:
	casus_release(&c);
	err_release(&e);
	return 0;
}
