/*
 * fuzz_forms - the form-definition loader and the rules loader.
 *
 * Every input is tried as both kinds of definition file:
 *
 *  - a form (forms/<id>.json). When its "id" names one of the real forms
 *    it replaces that form in a copy of forms/, otherwise it is added to
 *    the list as an extra form. The set is then used as the program uses
 *    it: regional names expanded, the real routes.json checked against it,
 *    the sample cases validated and checked against every route.
 *  - a routes.json, checked against the real forms; when it loads, the
 *    region's rule settings are applied and the sample cases are checked
 *    against each of its routes and its timeline built.
 *
 * Properties: a failing load gives an exit code and a printable message;
 * findings are valid UTF-8.
 */
#include "fuzz.h"

#include <sys/stat.h>

#include "casus.h"
#include "date.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "profile.h"
#include "rules.h"
#include "timeline.h"

#define MAX_FORMS 32
#define MAX_CASES 8

static struct formset real = FORMSET_INIT;
static struct ruleset real_rules = RULESET_INIT;
static struct profile prof = PROFILE_INIT;
static struct casus cases[MAX_CASES];
static size_t ncases;
static char *form_text[MAX_FORMS]; /* the real forms' files, to restore a replaced one */
static size_t form_len[MAX_FORMS];
static char dir_same[512], dir_extra[512], routes_file[512], real_routes[512];

static void die(const char *what, const struct err *e)
{
	fprintf(stderr, "fuzz_forms: %s: %s\n", what, e ? e->msg.s : "");
	abort();
}

/* A scratch forms folder: a copy of every real form and a formulieren.json listing them (and extra). */
static void make_forms_dir(const char *dir, bool extra)
{
	struct buf list = BUF_INIT;
	char p[600];
	size_t i;

	if (mkdir(dir, 0700) != 0)
		die("mkdir", NULL);
	buf_adds(&list, "{\"formulieren\": [");
	for (i = 0; i < real.n; i++) {
		fuzz_join_ext(p, sizeof(p), dir, real.forms[i].id, ".json");
		fuzz_write(p, form_text[i], form_len[i]);
		buf_addf(&list, "%s\"%s\"", i ? ", " : "", real.forms[i].id);
	}
	buf_addf(&list, "%s]}\n", extra ? ", \"extra\"" : "");
	fuzz_join(p, sizeof(p), dir, "formulieren.json");
	fuzz_write(p, list.s, list.len);
	buf_release(&list);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const samples[] = { "samples/adviestafel.json", "samples/doorbraak-spoor1.json",
					       "samples/doorbraak-spoor2.json" };
	struct err e = ERR_INIT;
	char p[600];
	size_t i;

	(void)argc, (void)argv;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1);
	fuzz_join(p, sizeof(p), FUZZ_ROOT, "forms");
	if (formset_load(&real, p, &e) || profile_load(&prof, FUZZ_ROOT, "den-haag", &e) ||
	    formset_expand(&real, profile_name, &prof, &e))
		die("de echte formulieren", &e);
	fuzz_join(real_routes, sizeof(real_routes), FUZZ_ROOT, "forms/routes.json");
	if (ruleset_load(&real_rules, real_routes, &real, &e))
		die("de echte routes", &e);
	if (real.n > MAX_FORMS)
		die("te veel formulieren", NULL);
	for (i = 0; i < real.n; i++) {
		FILE *f = fopen(real.forms[i].file, "rb");
		struct buf b = BUF_INIT;
		char chunk[4096];
		size_t n;

		if (!f)
			die(real.forms[i].file, NULL);
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&b, chunk, n);
		fclose(f);
		form_text[i] = buf_detach(&b, &form_len[i]);
	}
	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		fuzz_join(p, sizeof(p), FUZZ_ROOT, samples[i]);
		if (casus_load(&cases[ncases++], p, &e))
			die(p, &e);
	}
	fuzz_path(dir_same, sizeof(dir_same), "zelfde");
	fuzz_path(dir_extra, sizeof(dir_extra), "extra");
	fuzz_path(routes_file, sizeof(routes_file), "routes.json");
	make_forms_dir(dir_same, false);
	make_forms_dir(dir_extra, true);
	return 0;
}

static void check_findings(const struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		FUZZ_ASSERT(fuzz_utf8(fs->v[i].message) && fs->v[i].code && fs->v[i].document);
}

/* Check every sample case against every route of rs, with the forms fs. */
static void check_cases(const struct ruleset *rs, const struct formset *fs)
{
	size_t i, k;

	for (i = 0; i < ncases; i++) {
		struct findings out = FINDINGS_INIT;
		struct timeline tl = TIMELINE_INIT;

		formset_validate(fs, cases[i].root, &out);
		check_findings(&out);
		findings_release(&out);
		for (k = 0; k < rs->nroutes; k++) {
			struct check_input in = { rs, fs, &cases[i], rs->routes[k].id, "den-haag", date_today(),
						  "casus.json" };

			rules_check(&in, &out);
			check_findings(&out);
			findings_release(&out);
		}
		rules_timeline(rs, cases[i].root, date_today(), &tl);
		timeline_release(&tl);
	}
}

/* The real form with this id, or -1. */
static int real_index(const char *id)
{
	size_t i;

	for (i = 0; id && i < real.n; i++)
		if (!strcmp(real.forms[i].id, id))
			return (int)i;
	return -1;
}

static void as_form(const uint8_t *data, size_t size)
{
	struct formset fs = FORMSET_INIT;
	struct ruleset rs = RULESET_INIT;
	struct err e = ERR_INIT;
	json *doc = NULL;
	const char *dir = dir_extra;
	char file[600];
	int idx = -1;

	/* which file the input is: a real form's (by its id) or the extra one */
	if (json_parse((const char *)data, size, "f", &doc, &e) == 0)
		idx = real_index(json_get_str(doc, "id"));
	json_free(doc);
	err_release(&e);
	if (idx >= 0) {
		dir = dir_same;
		fuzz_join_ext(file, sizeof(file), dir, real.forms[idx].id, ".json");
	} else {
		fuzz_join(file, sizeof(file), dir, "extra.json");
	}
	fuzz_write(file, data, size);
	if (formset_load(&fs, dir, &e) != 0) {
		fuzz_check_err(&e);
		goto out;
	}
	if (formset_expand(&fs, profile_name, &prof, &e) != 0) {
		fuzz_check_err(&e);
		goto out;
	}
	if (ruleset_load(&rs, real_routes, &fs, &e) != 0) {
		fuzz_check_err(&e);
		goto out;
	}
	check_cases(&rs, &fs);
out:
	if (idx >= 0)
		fuzz_write(file, form_text[idx], form_len[idx]);
	ruleset_release(&rs);
	formset_release(&fs);
	err_release(&e);
}

static void as_routes(const uint8_t *data, size_t size)
{
	struct ruleset rs = RULESET_INIT;
	struct err e = ERR_INIT;

	fuzz_write(routes_file, data, size);
	if (ruleset_load(&rs, routes_file, &real, &e) != 0 || ruleset_apply_profile(&rs, &prof, &e) != 0) {
		fuzz_check_err(&e);
		goto out;
	}
	check_cases(&rs, &real);
out:
	ruleset_release(&rs);
	err_release(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	as_form(data, size);
	as_routes(data, size);
	return 0;
}
