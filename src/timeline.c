/*
 * timeline.c - weeks and events (see timeline.h).
 */
#include "timeline.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "path.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static int monday_of(int day)
{
	return day - date_weekday(day);
}

int timeline_week(int start, int day)
{
	/* both are Mondays, so the difference is a whole number of weeks */
	return (monday_of(day) - monday_of(start)) / 7 + 1;
}

static void add_event(struct timeline *t, int day, const char *label, const char *path)
{
	struct tl_event *ev;

	ARRAY_GROW(t->v, t->n, t->cap);
	ev = &t->v[t->n++];
	ev->day = day;
	ev->week = 0;
	ev->label = xstrdup(label);
	ev->path = xstrdup(path);
	ev->future = day > t->today;
}

/* Label with "{n}" replaced by the item number (or removed for single items). */
static void make_label(struct buf *out, const char *tmpl, size_t n)
{
	const char *p = strstr(tmpl, "{n}");

	if (!p) {
		buf_adds(out, tmpl);
		return;
	}
	buf_add(out, tmpl, (size_t)(p - tmpl));
	if (n)
		buf_addf(out, "%zu", n);
	buf_adds(out, p + 3);
	buf_trim(out);
}

static void collect(struct timeline *t, const struct tl_def *d, const json *root)
{
	struct path p;
	struct buf msg = BUF_INIT, label = BUF_INIT, vpath = BUF_INIT;
	size_t star = 0, i;
	int day;

	if (path_parse(d->path, &p, &msg)) {
		buf_release(&msg);
		return;
	}
	for (i = 0; i < p.n; i++)
		if (p.segs[i].index == PATH_ALL)
			break;
	if (i == p.n) {
		const json *v = path_get(root, &p);

		if (date_parse_iso(json_str(v), &day)) {
			make_label(&label, d->label, 0);
			add_event(t, day, label.s, d->path);
			if (d->start && !t->has_start) {
				t->has_start = true;
				t->start = day;
			}
		}
	} else {
		/* One wildcard: walk the list and name each item. */
		struct path head = { p.segs, i + 1, 0, false }, tail = { p.segs + i + 1, p.n - i - 1, 0, false };
		const json *list, *it;

		p.segs[i].index = PATH_NO_INDEX;
		list = path_get(root, &head);
		p.segs[i].index = PATH_ALL;
		for (it = json_first(list); it; it = json_next(it)) {
			const json *v = tail.n ? path_get(it, &tail) : it;

			star++;
			if (!date_parse_iso(json_str(v), &day))
				continue;
			buf_reset(&label);
			make_label(&label, d->label, json_len(list) > 1 ? star : 0);
			buf_reset(&vpath);
			{
				size_t k;

				for (k = 0; k <= i; k++)
					buf_addf(&vpath, "%s%s", k ? "." : "", p.segs[k].key);
				buf_addf(&vpath, "[%zu]", star);
				for (k = i + 1; k < p.n; k++)
					buf_addf(&vpath, ".%s", p.segs[k].key);
			}
			add_event(t, day, label.s, vpath.s);
		}
	}
	path_release(&p);
	buf_release(&label);
	buf_release(&vpath);
}

static int by_day(const void *a, const void *b)
{
	const struct tl_event *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

void timeline_build(struct timeline *t, const struct tl_def *defs, size_t ndefs, const json *root, int today)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->today = today;
	for (i = 0; i < ndefs; i++)
		collect(t, &defs[i], root);
	/* insertion order breaks ties: qsort is not stable, so sort a stable key */
	for (i = 0; i < t->n; i++)
		t->v[i].week = (int)i;
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), by_day);
	for (i = 1; i < t->n; i++) {
		size_t j = i;

		while (j > 0 && t->v[j - 1].day == t->v[j].day && t->v[j - 1].week > t->v[j].week) {
			struct tl_event tmp = t->v[j - 1];

			t->v[j - 1] = t->v[j];
			t->v[j] = tmp;
			j--;
		}
	}
	for (i = 0; i < t->n; i++)
		t->v[i].week = t->has_start ? timeline_week(t->start, t->v[i].day) : 0;
	t->today_week = t->has_start ? timeline_week(t->start, today) : 0;
}

const struct tl_event *timeline_find(const struct timeline *t, const char *path)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].path, path))
			return &t->v[i];
	return NULL;
}

void timeline_release(struct timeline *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].label);
		free(t->v[i].path);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}
