/*
 * mem.c - checked allocation and the failing-allocation test hook (see mem.h).
 */
#include "mem.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

_Noreturn void die_oom(void)
{
	static const char msg[] = "dossier: onvoldoende geheugen; dossier stopt. Een bestand dat op dat moment "
				  "werd opgeslagen, is niet veranderd.\n";

	fputs(msg, stderr);
	exit(3);
}

/* ---- test hook: DOSSIER_TEST_FAIL_ALLOC / DOSSIER_TEST_ALLOC_COUNT ------- */

static long long alloc_countdown; /* the hook runs when this drops below 0 */
static long long alloc_base;      /* its value after the first call */
static bool alloc_armed;          /* DOSSIER_TEST_FAIL_ALLOC is set */
static const char *alloc_report;

static void report_allocs(void)
{
	FILE *f = fopen(alloc_report, "a");

	if (f) {
		fprintf(f, "alloc %ld %lld\n", (long)getpid(), 1 + (alloc_base - alloc_countdown));
		fclose(f);
	}
}

/* The first call, and the N-th when armed. */
static void alloc_hook(void)
{
	static bool started;
	const char *n;
	long long want;

	if (started) {
		if (alloc_armed)
			die_oom();
		alloc_countdown = alloc_base = LLONG_MAX / 2;
		return;
	}
	started = true;
	n = getenv("DOSSIER_TEST_FAIL_ALLOC");
	want = n ? strtoll(n, NULL, 10) : 0;
	alloc_report = getenv("DOSSIER_TEST_ALLOC_COUNT");
	if (alloc_report && *alloc_report)
		atexit(report_allocs);
	if (want == 1)
		die_oom();
	alloc_armed = want > 1;
	alloc_countdown = alloc_base = alloc_armed ? want - 2 : LLONG_MAX / 2;
}

static inline void count_alloc(void)
{
	if (--alloc_countdown < 0)
		alloc_hook();
}

_Noreturn void die_bug(const char *what)
{
	fprintf(stderr, "dossier: interne fout (%s). Meld dit aan de beheerder.\n", what);
	abort();
}

void *xmalloc(size_t n)
{
	void *p;

	count_alloc();
	p = malloc(n ? n : 1);

	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	count_alloc();
	p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q;

	count_alloc();
	q = realloc(p, n ? n : 1);

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
