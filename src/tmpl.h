/*
 * tmpl.h - "{name}" substitution in texts from the data files.
 *
 * Forms, rules, profiles and page templates write variable parts as
 * {name}. One function expands them everywhere, so the syntax is the same
 * in every file: a name the lookup does not know is left as it is and
 * counted, so callers can report it.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stddef.h>

struct buf;

/* Value of `name` (len bytes, not NUL-terminated), or NULL when unknown. */
typedef const char *(*tmpl_lookup_fn)(void *ctx, const char *name, size_t len);

/*
 * Append tmpl to out with every known {name} replaced. Returns the number
 * of unknown names; the first is stored in *unknown (caller frees) when
 * unknown is not NULL.
 */
size_t tmpl_expand(struct buf *out, const char *tmpl, tmpl_lookup_fn fn, void *ctx, char **unknown);

/* A lookup over a NULL-terminated array of name, value pairs. */
const char *tmpl_pairs(void *pairs, const char *name, size_t len);

#endif
