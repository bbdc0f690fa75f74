/*
 * buf.c - growable byte string (see buf.h).
 *
 * Growth is geometric (x1.5) so appending byte by byte stays linear.
 * An empty buf points at a shared static empty string and owns nothing,
 * which keeps BUF_INIT free of allocation.
 */
#include "buf.h"
#include "mem.h"

#include <stdio.h>
#include <string.h>

char buf_empty[1];

void buf_init(struct buf *b, size_t hint)
{
	b->s = buf_empty;
	b->len = 0;
	b->cap = 0;
	if (hint)
		buf_grow(b, hint);
}

struct buf *buf_array(size_t n)
{
	struct buf *v = xcalloc(n ? n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++)
		buf_init(&v[i], 0);
	return v;
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->s);
	buf_init(b, 0);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *s;

	if (!b->cap)
		buf_grow(b, 0);
	s = b->s;
	if (len)
		*len = b->len;
	buf_init(b, 0);
	return s;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need;
	int was_empty = !b->cap;

	if (extra > SIZE_MAX - b->len - 1)
		die_oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap && b->cap < SIZE_MAX / 3 && need < b->cap + b->cap / 2)
		need = b->cap + b->cap / 2;
	if (need < 32)
		need = 32;
	b->s = xrealloc(was_empty ? NULL : b->s, need);
	b->cap = need;
	if (was_empty)
		b->s[0] = '\0';
}

void buf_setlen(struct buf *b, size_t len)
{
	if (!b->cap) {
		if (len)
			die_bug("buf_setlen on empty buffer");
		return;
	}
	if (len >= b->cap)
		die_bug("buf_setlen beyond capacity");
	b->len = len;
	b->s[len] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	buf_grow(b, len);
	memcpy(b->s + b->len, data, len);
	b->len += len;
	b->s[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addch(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die_bug("vsnprintf failed");
	if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		if (n < 0)
			die_bug("vsnprintf failed");
	}
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_addrep(struct buf *b, const char *s, size_t n)
{
	size_t l = strlen(s);

	while (n--)
		buf_add(b, s, l);
}

void buf_sets(struct buf *b, const char *s)
{
	buf_reset(b);
	buf_adds(b, s);
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void buf_trim(struct buf *b)
{
	size_t start = 0, end = b->len;

	while (start < end && is_ws(b->s[start]))
		start++;
	while (end > start && is_ws(b->s[end - 1]))
		end--;
	if (!b->cap)
		return;
	memmove(b->s, b->s + start, end - start);
	buf_setlen(b, end - start);
}
