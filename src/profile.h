/*
 * profile.h - regional profiles (forms/regio/<id>.ini) and the user's
 * configuration file (~/.config/dossier/dossier.ini).
 *
 * A profile holds what differs per region: the names of the partnership,
 * the meeting, the youth-care partner and the tables ([namen], used as
 * {swv}, {jeugdpartner}, ... in forms and templates), the loket's contact
 * details ([loket]), who sits at each table, label overrides ([labels])
 * and rule severities ([regels]). No region's name is written in C.
 *
 * A profile is one partnership in one municipality (SPPOH in Rijswijk,
 * SWVZHW in Den Haag, ...). [regio] names its route set (routes = a file
 * in forms/) and its holiday region. What depends on where the pupil
 * lives (the youth-care partner, the jeugdregisseur) is in sections
 * [woongemeente <id>]; profile_set_home() picks one, and {names} are
 * then looked up there first.
 *
 * The user configuration holds personal defaults: region and route for
 * new cases, the school's details to prefill ([school]).
 */
#ifndef PROFILE_H
#define PROFILE_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct ini;
struct buf;

struct profile {
	char *id;         /* "den-haag" */
	char *name;       /* "Den Haag" */
	struct ini *ini;
	char *home;       /* the pupil's municipality of residence (choice key), or NULL */
	char *home_sec;   /* "woongemeente <home>" when the profile has that section, else NULL */
};
#define PROFILE_INIT { NULL, NULL, NULL, NULL, NULL }

/* Load forms/regio/<id>.ini below datadir. Unknown id: exit 2 with the list. */
int profile_load(struct profile *p, const char *datadir, const char *id, struct err *e);
void profile_release(struct profile *p);
/* A value from the profile; NULL when absent. */
const char *profile_get(const struct profile *p, const char *section, const char *key);
/*
 * {name} lookup for forms and templates: [woongemeente <home>], then
 * [namen], then "section.key" ({doorbraaktafel.leden}), then [regio].
 */
const char *profile_name(void *profile, const char *name);
/* Set the pupil's municipality of residence (NULL: none). */
void profile_set_home(struct profile *p, const char *home);

/* The ids of all profiles, sorted; caller frees each and the array. */
char **profile_list(const char *datadir, size_t *n);
/* The id of the profile marked "standaard = ja", or the first; caller frees. */
char *profile_default(const char *datadir);

struct config {
	char *path;        /* the file read, or NULL when there was none */
	struct ini *ini;
};
#define CONFIG_INIT { NULL, NULL }

/*
 * Load the user configuration from `explicit` (--config), else
 * $DOSSIER_CONFIG, else $XDG_CONFIG_HOME/dossier/dossier.ini, else
 * ~/.config/dossier/dossier.ini. Only an explicitly named file must exist.
 */
int config_load(struct config *c, const char *explicit, struct err *e);
void config_release(struct config *c);
const char *config_get(const struct config *c, const char *section, const char *key);

#endif
