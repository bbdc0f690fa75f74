/*
 * casus.h - the case file: one JSON file per case, and the model in memory.
 *
 * The file holds a "dossier" object (format version, case reference,
 * region, route, dates) and one member per form, keyed by the form's id
 * ("casus", "voorblad", "mdo", ...). See docs/casusbestand.md.
 *
 * The model is the parsed JSON tree itself, so keys this version does not
 * know (written by a newer version, or by another system) survive a load
 * and save untouched. struct casus owns the tree and its strings; values
 * handed out by casus_get() are borrowed and live until the next change.
 */
#ifndef CASUS_H
#define CASUS_H

#include <stdbool.h>
#include <stddef.h>

struct err;
typedef struct cJSON json;

#define CASUS_FORMAT 1                  /* the format this version writes */
#define CASUS_MAX_FILE (16u << 20)      /* refuse case files above 16 MB */

struct casus {
	char *path;  /* the file */
	char *dir;   /* its folder: attachment paths are relative to it */
	json *root;
	bool newer;  /* written by a newer format version */
};
#define CASUS_INIT { NULL, NULL, NULL, false }

/*
 * Read a case file. Errors (exit 3): unreadable, not JSON, not UTF-8, too
 * big. A file that is JSON but not a case file gives exit 1. Field values
 * are not checked here: see formset_validate().
 */
int casus_load(struct casus *c, const char *path, struct err *e);
/* A new, empty case (not yet saved). */
void casus_create(struct casus *c, const char *path, const char *ref, const char *region,
		  const char *route);
/* Write atomically (mode 0600); stamps dossier.gewijzigd. */
int casus_save(struct casus *c, struct err *e);
/* casus_save() for a new case: fails rather than replace an existing file. */
int casus_save_new(struct casus *c, struct err *e);
void casus_release(struct casus *c);

/* The "dossier" meta values; NULL when absent. */
const char *casus_ref(const struct casus *c);
const char *casus_region(const struct casus *c);
const char *casus_route(const struct casus *c);
void casus_set_meta(struct casus *c, const char *key, const char *value);

/* The value at a path such as "mdo[1].datum", or NULL. */
json *casus_get(const struct casus *c, const char *path);
/*
 * Store v (ownership taken, also on failure) at path, creating the groups
 * and list items on the way. A list index may be one past the end, which
 * appends a new item. v == NULL removes the value.
 */
int casus_set(struct casus *c, const char *path, json *v, struct err *e);

/* Resolve an attachment path stored in the case; caller frees. */
char *casus_file_path(const struct casus *c, const char *stored);

#endif
