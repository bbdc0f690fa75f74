/*
 * app.h - what every command shares: where the data files are, the user's
 * configuration, the region's profile and the form definitions.
 *
 * Setup is lazy and in one direction: a command that works on a case
 * loads the case first, then calls app_setup() with the case's region, so
 * the forms it uses carry that region's names.
 */
#ifndef APP_H
#define APP_H

#include <stdbool.h>

#include "err.h"
#include "form.h"
#include "profile.h"
#include "rules.h"

struct casus;
struct ini;

struct app {
	char *datadir;           /* holds forms/, templates/, fonts/ */
	const char *config_arg;  /* --config */
	struct config cfg;
	struct profile prof;
	struct formset forms;
	struct ruleset rules;
	bool ready;              /* forms, profile and rules are loaded */
	bool cfg_loaded;
	char *home;              /* the case's woongemeente for the names, or NULL */
	struct err err;          /* the one error of this run */
};

/* Find the data folder: --data, $DOSSIER_DATA, next to the program. */
int app_init(struct app *app, const char *data_arg, const char *config_arg);
/*
 * Load the configuration, the profile of `region` (NULL: the configured
 * or default region) and the forms, with the region's names filled in.
 * Called again for another region, it loads that region instead.
 */
int app_setup(struct app *app, const char *region);
/* app_setup() for a case: its region. */
int app_setup_case(struct app *app, const struct casus *c);
void app_release(struct app *app);

/*
 * The route to use: `arg` (a --route option) if given, else the case's.
 * Unknown or missing: error (exit 2) listing the routes. NULL on error.
 */
const struct route *app_route(struct app *app, const struct casus *c, const char *arg);
/* The route's Dutch name, or the id itself when unknown. */
const char *app_route_name(const struct app *app, const char *id);

/* Put "file:line: [section] key: " in front of app->err (the value came from there). */
void app_err_where(struct app *app, const struct ini *ini, const char *section, const char *key);

/* A data file path below the data folder; caller frees. */
char *app_data_path(const struct app *app, const char *rel);

#endif
