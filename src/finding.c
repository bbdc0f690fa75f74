/*
 * finding.c - the findings list (see finding.h).
 */
#include "finding.h"
#include "mem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct finding *findings_add(struct findings *fs, const char *code, enum severity sev,
			     const char *document, const char *field, const char *fmt, ...)
{
	struct finding *f;
	struct buf b = BUF_INIT;
	va_list ap;

	ARRAY_GROW(fs->v, fs->n, fs->cap);
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->code = xstrdup(code);
	f->sev = sev;
	f->document = xstrdup(document ? document : "dossier");
	f->field = field ? xstrdup(field) : NULL;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	f->message = buf_detach(&b, NULL);
	return f;
}

void finding_set_reason(struct finding *f, const char *reason)
{
	free(f->reason);
	f->reason = reason ? xstrdup(reason) : NULL;
}

void finding_set_fix(struct finding *f, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(f->fix);
	f->fix = buf_detach(&b, NULL);
}

size_t findings_count(const struct findings *fs, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += fs->v[i].sev == sev;
	return n;
}

static size_t doc_rank(const char *doc, const char *const *order, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(order[i], doc))
			return i;
	return n;
}

void findings_sort(struct findings *fs, const char *const *order, size_t ndocs)
{
	size_t i, j;

	/* Insertion sort: stable, and reports are short. */
	for (i = 1; i < fs->n; i++) {
		struct finding t = fs->v[i];
		size_t rt = doc_rank(t.document, order, ndocs);

		for (j = i; j > 0; j--) {
			struct finding *p = &fs->v[j - 1];
			size_t rp = doc_rank(p->document, order, ndocs);

			if (p->sev < t.sev || (p->sev == t.sev && rp <= rt))
				break;
			fs->v[j] = *p;
		}
		fs->v[j] = t;
	}
}

void findings_release(struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].code);
		free(fs->v[i].document);
		free(fs->v[i].field);
		free(fs->v[i].message);
		free(fs->v[i].reason);
		free(fs->v[i].fix);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}
