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
	long long revision; /* dossier.revisie as loaded or last saved (0: none yet) */
	bool locked; /* this process holds the case's write lock (lockfd) */
	int lockfd;
	unsigned long long dev, ino; /* the file as loaded or last saved: a save
					refuses a file swapped in meanwhile */
};
#define CASUS_INIT { NULL, NULL, NULL, false, 0, false, -1, 0, 0 }

/*
 * Read a case file. Errors (exit 3): unreadable, not JSON, not UTF-8, too
 * big. A file that is JSON but not a case file gives exit 1. Field values
 * are not checked here: see formset_validate().
 */
int casus_load(struct casus *c, const char *path, struct err *e);
/* A new, empty case (not yet saved). */
void casus_create(struct casus *c, const char *path, const char *ref, const char *region,
		  const char *route);
/*
 * One writer per case
 * -------------------
 * Every save goes through the case's advisory write lock (fileio.h
 * file_lock(): ".<name>.lock" next to the file) and raises the case's
 * revision, dossier.revisie, by one. Two ways to use it:
 *
 *  - A short load-change-save cycle (zet, and one request of the web
 *    form): casus_load_locked(), change, casus_save(), casus_release().
 *    The lock is held from before the load until the release, so two
 *    such cycles never interleave and no change is lost.
 *
 *  - A long session (invullen, a web form left open): casus_load() and
 *    keep c->revision. For each change: casus_lock(), casus_refresh()
 *    (re-reads the file when another program saved it since: returns 1,
 *    and the caller says so and re-applies nothing stale), change,
 *    casus_save(), casus_unlock().
 *
 * casus_save() without the lock takes it for the write and refuses with
 * CASUS_CONFLICT (exit 3, Dutch message in e) when the file's revision is
 * no longer c->revision: save with the expected revision. Waiting for
 * another holder lasts at most CASUS_LOCK_WAIT_MS (test hook: the
 * environment variable DOSSIER_TEST_LOCK_WAIT_MS), then e says that
 * another program holds the case.
 */
#define CASUS_CONFLICT (-2)
#define CASUS_LOCK_WAIT_MS 10000

/* casus_load() with the write lock taken first (held until release/unlock). */
int casus_load_locked(struct casus *c, const char *path, struct err *e);
/* Take / release the write lock of a loaded case. 0 or -1 with e set. */
int casus_lock(struct casus *c, struct err *e);
void casus_unlock(struct casus *c);
/*
 * With the lock held: re-read the file if its revision is not c->revision.
 * 1 when it re-read (values borrowed from c before are then invalid),
 * 0 when unchanged, -1 with e set.
 */
int casus_refresh(struct casus *c, struct err *e);
/* The revision on disk now (0 when the file has none or cannot be read). */
long long casus_disk_revision(const char *path);

/*
 * Write atomically (mode 0600); stamps dossier.gewijzigd and raises
 * dossier.revisie. 0, -1 with e set, or CASUS_CONFLICT (see above).
 */
int casus_save(struct casus *c, struct err *e);
/* casus_save() for a new case: fails rather than replace an existing file. */
int casus_save_new(struct casus *c, struct err *e);
/* Free the case and release its lock. */
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
