/*
 * path.c - parsing and following value paths (see path.h).
 */
#include "path.h"
#include "buf.h"
#include "json.h"
#include "mem.h"

#include <ctype.h>
#include <string.h>

#include "banned.h"

#define MAX_INDEX 100000L

static bool key_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

int path_parse(const char *s, struct path *p, struct buf *msg)
{
	const char *orig = s;

	p->segs = NULL;
	p->n = p->cap = 0;
	p->relative = false;
	if (*s == '.') {
		p->relative = true;
		s++;
	}
	for (;;) {
		const char *k = s, *kend;
		long idx = PATH_NO_INDEX;

		while (key_char(*s))
			s++;
		if (s == k)
			goto bad;
		kend = s;
		if (*s == '[') {
			s++;
			if (*s == '*') {
				idx = PATH_ALL;
				s++;
			} else {
				if (!isdigit((unsigned char)*s))
					goto bad;
				idx = 0;
				while (isdigit((unsigned char)*s)) {
					idx = idx * 10 + (*s - '0');
					if (idx > MAX_INDEX)
						goto bad;
					s++;
				}
				if (idx < 1) {
					buf_addf(msg, "'%s': nummers tellen vanaf 1", orig);
					goto fail;
				}
			}
			if (*s != ']')
				goto bad;
			s++;
		}
		ARRAY_GROW(p->segs, p->n, p->cap);
		p->segs[p->n].key = xstrndup(k, (size_t)(kend - k));
		p->segs[p->n].index = idx;
		p->n++;
		if (!*s)
			return 0;
		if (*s != '.')
			goto bad;
		s++;
	}
bad:
	buf_addf(msg, "'%s' is geen geldig veldpad (voorbeeld: mdo[1].datum)", orig);
fail:
	path_release(p);
	return -1;
}

void path_release(struct path *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->segs[i].key);
	free(p->segs);
	p->segs = NULL;
	p->n = p->cap = 0;
}

void path_fmt(struct buf *b, const struct path *p)
{
	size_t i;

	if (p->relative)
		buf_addch(b, '.');
	for (i = 0; i < p->n; i++) {
		if (i)
			buf_addch(b, '.');
		buf_adds(b, p->segs[i].key);
		if (p->segs[i].index == PATH_ALL)
			buf_adds(b, "[*]");
		else if (p->segs[i].index > 0)
			buf_addf(b, "[%ld]", p->segs[i].index);
	}
}

bool path_has_wildcard(const struct path *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->segs[i].index == PATH_ALL)
			return true;
	return false;
}

json *path_get(const json *root, const struct path *p)
{
	const json *v = root;
	size_t i;

	for (i = 0; i < p->n && v; i++) {
		v = json_get(v, p->segs[i].key);
		if (p->segs[i].index == PATH_ALL)
			return NULL;
		if (p->segs[i].index > 0)
			v = json_at(v, (size_t)p->segs[i].index - 1);
	}
	return (json *)v;
}

static void each(const json *v, const struct path *p, size_t i, path_visit_fn fn, void *ctx)
{
	const json *item;

	for (; i < p->n && v; i++) {
		v = json_get(v, p->segs[i].key);
		if (p->segs[i].index == PATH_ALL) {
			for (item = json_first(v); item; item = json_next(item))
				if (json_is_array(v))
					each(item, p, i + 1, fn, ctx);
			return;
		}
		if (p->segs[i].index > 0)
			v = json_at(v, (size_t)p->segs[i].index - 1);
	}
	if (v)
		fn(v, ctx);
}

void path_each(const json *root, const struct path *p, path_visit_fn fn, void *ctx)
{
	each(root, p, 0, fn, ctx);
}
