/*
 * mem.c - checked allocation (see mem.h).
 */
#include "mem.h"

#include <stdio.h>
#include <string.h>

_Noreturn void die_oom(void)
{
	static const char msg[] = "dossier: onvoldoende geheugen; er is niets opgeslagen of overschreven.\n";

	fputs(msg, stderr);
	exit(3);
}

_Noreturn void die_bug(const char *what)
{
	fprintf(stderr, "dossier: interne fout (%s). Meld dit aan de beheerder.\n", what);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die_oom();
	return q;
}

void *xgrowarray(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	c = c < 8 ? 8 : c + c / 2;
	if (c < need)
		c = need;
	if (c > SIZE_MAX / size)
		die_oom();
	p = xrealloc(p, c * size);
	*cap = c;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p;
	size_t len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
