/*
 * app.c - finding the data files and loading the shared context (see app.h).
 *
 * The program finds its data relative to its own executable, so the same
 * binary works from the source tree (build/dossier -> ../forms) and when
 * installed (bin/dossier -> ../share/dossier/forms) without a path
 * compiled in.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "fileio.h"
#include "ini.h"
#include "inischema.h"
#include "json.h"
#include "mem.h"
#include "migrate.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

/*
 * The keys of the user's settings file (dossier.ini). [school] takes the
 * fields of the case's school group; 'dossier nieuw' checks those against
 * the forms when it copies them.
 */
static const struct ini_row config_rows[] = {
	{ "standaard", "regio", INI_TEXT, 0, 0, NULL, NULL },
	{ "standaard", "route", INI_TEXT, 0, 0, NULL, NULL },
	{ "opmaak", "sjabloon", INI_TEXT, 0, 0, NULL, NULL },
	{ "school", "*", INI_TEXT, 0, 0, NULL, NULL },
};
static const struct ini_schema config_schema = INI_SCHEMA("de instellingen", config_rows, EXIT_SYSTEM);

static bool has_forms(const char *dir)
{
	char *p = path_join(dir, "forms/formulieren.json");
	bool ok = file_readable(p);

	free(p);
	return ok;
}

static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return path_dirname(buf);
}

int app_init(struct app *app, const char *data_arg, const char *config_arg)
{
	const char *env = getenv("DOSSIER_DATA");
	char *dir;

	memset(app, 0, sizeof(*app));
	app->err = (struct err)ERR_INIT; /* a zeroed buf would hold NULL */
	app->config_arg = config_arg;
	if (data_arg || (env && *env)) {
		const char *d = data_arg ? data_arg : env;

		if (!has_forms(d))
			return err_set(&app->err, EXIT_SYSTEM,
				       "%s bevat geen formulieren (forms/formulieren.json ontbreekt)", d);
		app->datadir = xstrdup(d);
		return 0;
	}
	dir = exe_dir();
	if (dir) {
		/* installed: bin/../share/dossier; source tree: build/.. or build/san/../.. */
		static const char *const rel[] = { "../share/dossier", "..", "../..", "." };
		size_t i;

		for (i = 0; i < sizeof(rel) / sizeof(rel[0]) && !app->datadir; i++) {
			char *cand = path_join(dir, rel[i]);

			if (has_forms(cand))
				app->datadir = cand;
			else
				free(cand);
		}
		free(dir);
	}
	if (!app->datadir)
		return err_set(&app->err, EXIT_SYSTEM,
			       "de formulieren van dossier zijn niet gevonden; zet DOSSIER_DATA op de map met forms/");
	return 0;
}

char *app_data_path(const struct app *app, const char *rel)
{
	return path_join(app->datadir, rel);
}

static int apply_labels(struct app *app)
{
	const struct ini *ini = app->prof.ini;
	size_t i, n = ini_nkeys(ini, "labels");

	for (i = 0; i < n; i++) {
		const char *k = ini_key(ini, "labels", i);

		if (formset_set_label(&app->forms, k, ini_get(ini, "labels", k), &app->err)) {
			struct buf where = BUF_INIT;

			ini_where(ini, "labels", k, &where);
			err_prefix(&app->err, "%s: [labels] %s", where.s, k);
			buf_release(&where);
			app->err.code = EXIT_SYSTEM;
			return -1;
		}
	}
	return 0;
}

/*
 * The profile's route set ([regio] routes, a file in forms/; default
 * routes.json) with its rules, and its school holidays ([regio]
 * vakantieregio in forms/vakanties.json; default midden).
 */
static int load_routes(struct app *app)
{
	const char *file = profile_get(&app->prof, "regio", "routes");
	const char *hol = profile_get(&app->prof, "regio", "vakantieregio");
	struct buf rel = BUF_INIT;
	char *path;
	int r;

	if (file && (strchr(file, '/') || file[0] == '.' || !*file)) {
		err_set(&app->err, EXIT_SYSTEM, "'routes' noemt een bestand in forms/, zonder map: '%s'", file);
		app_err_where(app, app->prof.ini, "regio", "routes");
		return -1;
	}
	buf_addf(&rel, "forms/%s", file ? file : "routes.json");
	path = app_data_path(app, rel.s);
	r = ruleset_load(&app->rules, path, &app->forms, &app->err);
	free(path);
	buf_release(&rel);
	if (r || ruleset_apply_profile(&app->rules, &app->prof, &app->err))
		return -1;
	path = app_data_path(app, "forms/vakanties.json");
	r = calendar_load(&app->rules.cal, path, hol ? hol : "midden", &app->err);
	free(path);
	if (r && hol)
		app_err_where(app, app->prof.ini, "regio", "vakantieregio");
	return r;
}

int app_setup(struct app *app, const char *region)
{
	char *def = NULL, *formsdir;
	bool configured = false;
	int r;

	if (app->ready) {
		bool same_home = (!app->home && !app->prof.home) ||
				 (app->home && app->prof.home && !strcmp(app->home, app->prof.home));

		if (same_home && (!region || (app->prof.id && !strcmp(region, app->prof.id))))
			return 0;
		if (!region)
			region = def = xstrdup(app->prof.id);
		/* a case of another region: its names, labels and rule settings */
		ruleset_release(&app->rules);
		formset_release(&app->forms);
		profile_release(&app->prof);
		app->ready = false;
	}
	if (!app->cfg_loaded) {
		if (config_load(&app->cfg, app->config_arg, &app->err) ||
		    inischema_check(&config_schema, app->cfg.ini, &app->err))
			return -1;
		app->cfg_loaded = true;
	}
	if (!region && (region = config_get(&app->cfg, "standaard", "regio")))
		configured = true;
	if (!region)
		region = def = profile_default(app->datadir);
	r = profile_load(&app->prof, app->datadir, region, &app->err);
	free(def);
	if (!r)
		profile_set_home(&app->prof, app->home);
	if (r) {
		if (configured && app->err.code == EXIT_USAGE)
			app_err_where(app, app->cfg.ini, "standaard", "regio");
		return -1;
	}
	formsdir = app_data_path(app, "forms");
	r = formset_load(&app->forms, formsdir, &app->err);
	free(formsdir);
	if (r)
		return -1;
	if (formset_expand(&app->forms, profile_name, &app->prof, &app->err)) {
		err_prefix(&app->err, "regio %s", app->prof.id);
		return -1;
	}
	if (apply_labels(app))
		return -1;
	if (load_routes(app))
		return -1;
	app->ready = true;
	return 0;
}

void app_err_where(struct app *app, const struct ini *ini, const char *section, const char *key)
{
	struct buf where = BUF_INIT;

	ini_where(ini, section, key, &where);
	err_prefix(&app->err, "%s: [%s] %s", where.s, section, key);
	buf_release(&where);
}

static void want_home(struct app *app, const struct casus *c)
{
	const char *home = json_str(casus_get(c, "casus.woongemeente"));

	free(app->home);
	app->home = home && *home ? xstrdup(home) : NULL;
}

int app_setup_case(struct app *app, const struct casus *c)
{
	int i;

	/* an old case file is migrated on load (the tree is the case's own) */
	migrate_case(c->root, NULL);
	for (i = 0; i < 2; i++) {
		want_home(app, c);
		if (app_setup(app, casus_region(c))) {
			if (casus_region(c) && app->err.code == EXIT_USAGE)
				err_prefix(&app->err, "%s: dossier.regio", c->path);
			return -1;
		}
		if (!migrate_case(c->root, &app->forms))
			break; /* else the municipality's names changed: set up once more */
	}
	return 0;
}

const struct route *app_route(struct app *app, const struct casus *c, const char *arg)
{
	const char *id = arg ? arg : c ? casus_route(c) : NULL;
	const struct route *r = ruleset_route(&app->rules, id);
	struct buf list = BUF_INIT;

	if (r)
		return r;
	ruleset_route_list(&app->rules, &list);
	if (!id)
		err_set(&app->err, EXIT_INVALID, "%s heeft geen route; kies %s (dossier zet %s dossier.route=...)",
			c ? c->path : "de casus", list.s, c ? c->path : "CASUS");
	else
		err_set(&app->err, arg ? EXIT_USAGE : EXIT_INVALID, "onbekende route '%s' (kies %s)", id, list.s);
	buf_release(&list);
	return NULL;
}

const char *app_route_name(const struct app *app, const char *id)
{
	const struct route *r = ruleset_route(&app->rules, id);

	return r ? r->name : id ? id : "(geen route)";
}

void app_release(struct app *app)
{
	ruleset_release(&app->rules);
	formset_release(&app->forms);
	profile_release(&app->prof);
	config_release(&app->cfg);
	free(app->home);
	free(app->datadir);
	err_release(&app->err);
}
