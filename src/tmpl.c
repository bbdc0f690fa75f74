/*
 * tmpl.c - {name} substitution (see tmpl.h).
 */
#include "tmpl.h"
#include "buf.h"
#include "mem.h"

#include <string.h>

#include "banned.h"

size_t tmpl_expand(struct buf *out, const char *t, tmpl_lookup_fn fn, void *ctx, char **unknown)
{
	size_t n = 0;

	while (*t) {
		const char *close = *t == '{' ? strchr(t + 1, '}') : NULL;

		if (close && !memchr(t + 1, '{', (size_t)(close - t - 1))) {
			size_t len = (size_t)(close - t - 1);
			const char *v = fn(ctx, t + 1, len);

			if (v) {
				buf_adds(out, v);
				t = close + 1;
				continue;
			}
			if (!n++ && unknown)
				*unknown = xstrndup(t + 1, len);
		}
		buf_addch(out, *t++);
	}
	return n;
}

const char *tmpl_pairs(void *pairs, const char *name, size_t len)
{
	const char *const *p = pairs;
	size_t i;

	for (i = 0; p && p[i]; i += 2)
		if (strlen(p[i]) == len && !strncmp(p[i], name, len))
			return p[i + 1] ? p[i + 1] : "";
	return NULL;
}
