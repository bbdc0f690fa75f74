/*
 * fuzz_ini - the INI loader (iniparser behind our checks) and what reads
 * INI files. Every input is used as:
 *
 *  - an INI file: every section and key read as text, number and yes/no;
 *  - a regional profile (forms/regio/fuzz.ini of a data folder that has
 *    the real forms and rules): the whole set-up of a command for that
 *    region, i.e. names expanded into the forms, label overrides and rule
 *    settings applied, then a sample case checked against every route;
 *  - a page template: when it loads, its geometry and sizes must give a
 *    usable text area, and text laid out with it stays on the page;
 *  - a user configuration file (--config).
 *
 * Properties: a failing load gives an exit code and a printable message;
 * what the template check lets through can be laid out.
 */
#include "fuzz.h"

#include <math.h>
#include <sys/stat.h>

#include "app.h"
#include "casus.h"
#include "date.h"
#include "finding.h"
#include "ini.h"
#include "layout.h"
#include "profile.h"
#include "rules.h"
#include "template.h"

static char data_dir[512], profile_file[512], ini_file_path[512];
static struct casus sample = CASUS_INIT;

static void die(const char *what)
{
	fprintf(stderr, "fuzz_ini: %s\n", what);
	abort();
}

static void link_into(const char *from_dir, const char *name, const char *to_dir)
{
	char src[1024], dst[1024];

	fuzz_join(src, sizeof(src), from_dir, name);
	fuzz_join(dst, sizeof(dst), to_dir, name);
	if (symlink(src, dst) != 0)
		die(dst);
}

/*
 * A data folder with the real forms, rules, fonts and templates (as
 * links: they are only read) and an empty regio/ for the input.
 */
static void make_data_dir(void)
{
	char forms[600], real_forms[600], regio[700];
	DIR *d;
	struct dirent *de;

	fuzz_path(data_dir, sizeof(data_dir), "data");
	fuzz_join(forms, sizeof(forms), data_dir, "forms");
	fuzz_join(regio, sizeof(regio), forms, "regio");
	if (mkdir(data_dir, 0700) || mkdir(forms, 0700) || mkdir(regio, 0700))
		die("mkdir");
	link_into(FUZZ_ROOT, "fonts", data_dir);
	link_into(FUZZ_ROOT, "templates", data_dir);
	fuzz_join(real_forms, sizeof(real_forms), FUZZ_ROOT, "forms");
	d = opendir(real_forms);
	if (!d)
		die(real_forms);
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 5 && !strcmp(de->d_name + l - 5, ".json"))
			link_into(real_forms, de->d_name, forms);
	}
	closedir(d);
	fuzz_join(profile_file, sizeof(profile_file), regio, "fuzz.ini");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;
	char p[600];

	(void)argc, (void)argv;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1);
	fuzz_path(p, sizeof(p), "home");
	setenv("HOME", p, 1);
	unsetenv("DOSSIER_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	make_data_dir();
	fuzz_path(ini_file_path, sizeof(ini_file_path), "f.ini");
	fuzz_join(p, sizeof(p), FUZZ_ROOT, "samples/doorbraak-spoor2.json");
	if (casus_load(&sample, p, &e))
		die(e.msg.s);
	return 0;
}

static void as_ini(void)
{
	struct err e = ERR_INIT;
	struct ini *ini = NULL;
	size_t i, k;

	if (ini_load(ini_file_path, &ini, &e) != 0) {
		fuzz_check_err(&e);
		err_release(&e);
		return;
	}
	for (i = 0; i < ini_nsections(ini); i++) {
		const char *sec = ini_section(ini, i);

		FUZZ_ASSERT(sec);
		ini_has_section(ini, sec);
		for (k = 0; k < ini_nkeys(ini, sec); k++) {
			const char *key = ini_key(ini, sec, k);
			double d;
			bool b;

			if (!key)
				continue;
			ini_get(ini, sec, key);
			if (ini_get_number(ini, sec, key, 0, -1e9, 1e9, &d, &e) != 0) {
				fuzz_check_err(&e);
				err_release(&e);
			}
			if (ini_get_bool(ini, sec, key, false, &b, &e) != 0) {
				fuzz_check_err(&e);
				err_release(&e);
			}
		}
	}
	ini_free(ini);
}

static void as_profile(void)
{
	struct app a;
	size_t i;

	if (app_init(&a, data_dir, NULL) || app_setup(&a, "fuzz")) {
		fuzz_check_err(&a.err);
		app_release(&a);
		return;
	}
	for (i = 0; i < a.rules.nroutes; i++) {
		struct findings fs = FINDINGS_INIT;
		struct check_input in = { &a.rules, &a.forms, &sample, a.rules.routes[i].id, "fuzz", date_today(),
					  "casus.json" };
		size_t k;

		rules_check(&in, &fs);
		for (k = 0; k < fs.n; k++)
			FUZZ_ASSERT(fuzz_utf8(fs.v[k].message));
		findings_release(&fs);
		FUZZ_ASSERT(fuzz_utf8(app_route_name(&a, a.rules.routes[i].id)));
	}
	app_release(&a);
}

/* A stand-in font: every character half an em wide. */
static double width(void *ctx, int font, const char *s, size_t len, double size)
{
	(void)ctx, (void)font;
	return (double)utf8_length(s, len) * size * 0.5;
}

static void clean(void *ctx, const char *s, struct buf *out)
{
	(void)ctx;
	buf_adds(out, s);
}

static void check_layout(const struct theme *th)
{
	static const struct metrics m = { width, clean, NULL, 905, -212 };
	struct ldoc doc = LDOC_INIT;
	struct flow f;
	size_t p, i;

	FUZZ_ASSERT(th->page_w - th->margin_left - th->margin_right > 100);
	FUZZ_ASSERT(th->page_h - th->margin_top - th->margin_bottom > 100);
	flow_init(&f, &doc, th, &m);
	flow_title(&f, "Dossier schoolverzuim");
	flow_heading(&f, "Hulpvraag", 1);
	flow_text(&f, "Ilayda verzuimt sinds de herfstvakantie structureel de eerste uren. "
		      "De school heeft het verzuim gemeld bij leerplicht.\n\nTweede alinea.");
	flow_box(&f, "Welke hulp is nodig om Ilayda weer naar school te laten gaan?", true);
	for (p = 0; p < doc.n; p++)
		for (i = 0; i < doc.pages[p].n; i++) {
			const struct item *it = &doc.pages[p].v[i];

			FUZZ_ASSERT(isfinite(it->x) && isfinite(it->y));
			FUZZ_ASSERT(it->x >= 0 && it->x <= th->page_w && it->y >= 0 && it->y <= th->page_h);
		}
	ldoc_release(&doc);
}

static void as_template(void)
{
	struct tmpl t = TMPL_INIT;
	struct err e = ERR_INIT;

	if (tmpl_load(&t, FUZZ_ROOT, ini_file_path, &e) == 0)
		check_layout(&t.theme);
	else
		fuzz_check_err(&e);
	tmpl_release(&t);
	err_release(&e);
}

static void as_config(void)
{
	struct config c = CONFIG_INIT;
	struct err e = ERR_INIT;

	if (config_load(&c, ini_file_path, &e) == 0) {
		config_get(&c, "standaard", "regio");
		config_get(&c, "school", "naam");
	} else {
		fuzz_check_err(&e);
	}
	config_release(&c);
	err_release(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write(ini_file_path, data, size);
	fuzz_write(profile_file, data, size);
	as_ini();
	as_profile();
	as_template();
	as_config();
	return 0;
}
