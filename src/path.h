/*
 * path.h - addresses of values in a case: "mdo[2].aanwezigen[1].naam".
 *
 * A path is a chain of keys, each optionally followed by an index. Indexes
 * are 1-based because users type them; "[*]" means every item (only in
 * conditions and rules). A path that starts with "." is relative to the
 * record being filled (used inside lists: ".categorie").
 */
#ifndef PATH_H
#define PATH_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
typedef struct cJSON json;

#define PATH_NO_INDEX 0
#define PATH_ALL (-1L)

struct path_seg {
	char *key;
	long index; /* PATH_NO_INDEX, PATH_ALL or 1-based */
};

struct path {
	struct path_seg *segs;
	size_t n, cap;
	bool relative;
};
#define PATH_INIT { NULL, 0, 0, false }

/* Parse s; on failure a Dutch reason goes to msg and -1 is returned. */
int path_parse(const char *s, struct path *p, struct buf *msg);
void path_release(struct path *p);
void path_fmt(struct buf *b, const struct path *p);
bool path_has_wildcard(const struct path *p);

/* The value at p under root (no wildcards), or NULL. */
json *path_get(const json *root, const struct path *p);

/* Call fn for every value matched by p (wildcards expand). */
typedef void (*path_visit_fn)(const json *v, void *ctx);
void path_each(const json *root, const struct path *p, path_visit_fn fn, void *ctx);

#endif
