/*
 * timeline.c - school weeks, events, absence quantities (see timeline.h).
 *
 * The absence registration is a list of periods (from, to, kind, hours,
 * times late). A period's hours are spread evenly over its school days,
 * so "as of day D" a period counts for the part up to D. Every quantity is
 * a function of D; a threshold's event is the first school day on which
 * the function passes the limit.
 */
#include "timeline.h"
#include "buf.h"
#include "date.h"
#include "err.h"
#include "json.h"
#include "mem.h"
#include "path.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define MAX_PERIOD_DAYS 800 /* a longer registration period is cut here */

static const char *const quantity_names[TLQ_N] = {
	[TLQ_HOURS_4W] = "uren_4_schoolweken",
	[TLQ_SICK_12W] = "ziekmeldingen_12_schoolweken",
	[TLQ_SICK_DAYS] = "ziek_schooldagen_aaneengesloten",
	[TLQ_SICK_HOURS] = "ziek_uren_aaneengesloten",
	[TLQ_LATE] = "keer_te_laat",
	[TLQ_LUXURY] = "dagen_luxe_verzuim",
	[TLQ_WEEKS_HOME] = "schoolweken_zonder_onderwijs",
};

static const char *const kind_keys[TLK_N] = {
	[TLK_UNAUTH] = "ongeoorloofd", [TLK_AUTH] = "geoorloofd", [TLK_SICK] = "ziek",
	[TLK_LATE] = "te-laat", [TLK_LUXURY] = "luxe",
};

int timeline_kind_find(const char *key)
{
	int i;

	for (i = 0; key && i < TLK_N; i++)
		if (!strcmp(kind_keys[i], key))
			return i;
	return -1;
}

const char *timeline_kind_key(int k)
{
	return k >= 0 && k < TLK_N ? kind_keys[k] : NULL;
}

int timeline_quantity_find(const char *name)
{
	int i;

	for (i = 0; name && i < TLQ_N; i++)
		if (!strcmp(quantity_names[i], name))
			return i;
	return -1;
}

const char *timeline_quantity_name(int q)
{
	return q >= 0 && q < TLQ_N ? quantity_names[q] : NULL;
}

/* ---- the calendar ---------------------------------------------------- */

static int by_from(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

int calendar_load(struct calendar *cal, const char *file, const char *region, struct err *e)
{
	json *doc = NULL;
	const json *list, *it;
	size_t i = 0;
	int r = -1;

	memset(cal, 0, sizeof(*cal));
	if (json_load_file(file, 1u << 20, &doc, e))
		return -1;
	list = json_get(json_get(doc, "regios"), region);
	if (!json_is_array(list)) {
		err_set(e, EXIT_SYSTEM, "%s: geen vakanties voor vakantieregio '%s'", file, region);
		goto out;
	}
	cal->region = xstrdup(region);
	cal->source = json_get_str(doc, "bron") ? xstrdup(json_get_str(doc, "bron")) : NULL;
	cal->v = xcalloc(json_len(list) ? json_len(list) : 1, sizeof(*cal->v));
	for (it = json_first(list); it; it = json_next(it), i++) {
		struct holiday *h = &cal->v[i];
		const char *name = json_get_str(it, "naam");

		cal->n = i + 1;
		if (!name || !date_parse_iso(json_get_str(it, "van"), &h->from) ||
		    !date_parse_iso(json_get_str(it, "tot"), &h->to) || h->to < h->from) {
			err_set(e, EXIT_SYSTEM, "%s: vakantie %zu van regio '%s' heeft 'naam', 'van' en 'tot' (jjjj-mm-dd, van <= tot) nodig",
				file, i + 1, region);
			goto out;
		}
		h->name = xstrdup(name);
	}
	if (cal->n > 1)
		qsort(cal->v, cal->n, sizeof(*cal->v), by_from);
	r = 0;
out:
	json_free(doc);
	if (r)
		calendar_release(cal);
	return r;
}

void calendar_release(struct calendar *cal)
{
	size_t i;

	for (i = 0; i < cal->n; i++)
		free(cal->v[i].name);
	free(cal->v);
	free(cal->region);
	free(cal->source);
	memset(cal, 0, sizeof(*cal));
}

const struct holiday *calendar_holiday(const struct calendar *cal, int day)
{
	size_t i;

	for (i = 0; cal && i < cal->n; i++)
		if (day >= cal->v[i].from && day <= cal->v[i].to)
			return &cal->v[i];
	return NULL;
}

bool calendar_school_day(const struct calendar *cal, int day)
{
	return date_weekday(day) < 5 && !calendar_holiday(cal, day);
}

static int monday_of(int day)
{
	return day - date_weekday(day);
}

static bool school_week(const struct calendar *cal, int monday)
{
	int d;

	for (d = 0; d < 5; d++)
		if (calendar_school_day(cal, monday + d))
			return true;
	return false;
}

/* Holiday-only weeks whose Monday lies in (lo, hi]. */
static int holiday_weeks(const struct calendar *cal, int lo, int hi)
{
	size_t i;
	int n = 0, last = lo, w;

	for (i = 0; cal && i < cal->n; i++) {
		w = monday_of(cal->v[i].from);
		for (; w <= cal->v[i].to && w <= hi; w += 7)
			if (w > last && !school_week(cal, w)) {
				n++;
				last = w;
			}
	}
	return n;
}

int timeline_week(const struct calendar *cal, int start, int day)
{
	int ms = monday_of(start), md = monday_of(day);

	if (md >= ms)
		return (md - ms) / 7 + 1 - holiday_weeks(cal, ms, md);
	return 1 - ((ms - md) / 7 - holiday_weeks(cal, md - 7, ms - 7));
}

/* ---- the registration and its quantities ------------------------------- */

enum pkind { P_OTHER, P_UNAUTH, P_LATE, P_SICK, P_LUXURY };

struct period {
	int from, to, ndays;
	enum pkind kind;
	int tlk;      /* enum tl_kind, -1 when the registration names none */
	double hours, times;
};

/*
 * The registration, with a day table from the Monday of the earliest
 * period (or the start) to the last day that matters: whether each day is
 * a school day, its school week, and a running count of school days, so
 * the quantities do no calendar look-ups of their own.
 */
struct reg {
	const struct calendar *cal;
	struct period *p;
	size_t n;
	int base, ndays;  /* day table: base .. base + ndays - 1 */
	bool *school;
	int *week;        /* school week, 1 = base's week */
	int *cum;         /* school days in [base, day] */
	bool home;        /* casus.verzuim.soort = thuiszitter */
	int start;
	bool has_start;
};

static bool in_table(const struct reg *R, int day)
{
	return day >= R->base && day < R->base + R->ndays;
}

static bool is_school(const struct reg *R, int day)
{
	return in_table(R, day) ? R->school[day - R->base] : calendar_school_day(R->cal, day);
}

static int school_days(const struct reg *R, int from, int to)
{
	int n = 0, d;

	if (to < from)
		return 0;
	if (in_table(R, from) && in_table(R, to))
		return R->cum[to - R->base] - (from > R->base ? R->cum[from - 1 - R->base] : 0);
	for (d = from; d <= to; d++)
		n += calendar_school_day(R->cal, d);
	return n;
}

static int by_period(const void *a, const void *b)
{
	const struct period *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

static void reg_table(struct reg *R, int first, int last)
{
	int i, w = 1;

	R->base = monday_of(first);
	if (last < R->base)
		last = R->base;
	if (last - R->base > 4 * MAX_PERIOD_DAYS)
		last = R->base + 4 * MAX_PERIOD_DAYS;
	R->ndays = last - R->base + 1;
	R->school = xcalloc((size_t)R->ndays, sizeof(*R->school));
	R->week = xcalloc((size_t)R->ndays, sizeof(*R->week));
	R->cum = xcalloc((size_t)R->ndays, sizeof(*R->cum));
	for (i = 0; i < R->ndays; i++) {
		if (i && i % 7 == 0 && school_week(R->cal, R->base + i))
			w++;
		R->school[i] = calendar_school_day(R->cal, R->base + i);
		R->week[i] = w;
		R->cum[i] = (i ? R->cum[i - 1] : 0) + R->school[i];
	}
}

static enum pkind pkind_of(int tlk)
{
	switch (tlk) {
	case TLK_UNAUTH: return P_UNAUTH;
	case TLK_LATE: return P_LATE;
	case TLK_SICK: return P_SICK;
	case TLK_LUXURY: return P_LUXURY;
	default: return P_OTHER;
	}
}

/*
 * The imported days (sorted by day, see csvimport.h) as one-day periods;
 * sick days on adjacent school days join one period, so that they count
 * as one sick report.
 */
static void reg_load_export(struct reg *R, const json *days)
{
	const json *it;
	struct period *sick = NULL;

	if (!json_len(days))
		return;
	R->p = xrealloc(R->p, (R->n + json_len(days) + 1) * sizeof(*R->p));
	for (it = json_first(days); it; it = json_next(it)) {
		struct period *p = &R->p[R->n];
		int day, k = timeline_kind_find(json_get_str(it, "soort")), d;
		double hours = json_num(json_get(it, "minuten")) / 60.0;
		bool adjacent = false;

		if (k < 0 || !date_parse_iso(json_get_str(it, "datum"), &day))
			continue;
		if (k == TLK_SICK && sick && day > sick->to) {
			adjacent = true;
			for (d = sick->to + 1; d < day && adjacent; d++)
				adjacent = !calendar_school_day(R->cal, d);
		}
		if (adjacent) {
			sick->to = day;
			sick->hours += hours;
			continue;
		}
		memset(p, 0, sizeof(*p));
		p->from = p->to = day;
		p->tlk = k;
		p->kind = pkind_of(k);
		p->hours = hours;
		p->times = json_is_number(json_get(it, "keer")) ? json_num(json_get(it, "keer")) : 1;
		if (k == TLK_SICK)
			sick = p;
		R->n++;
	}
}

static void reg_load(struct reg *R, const json *root, const struct calendar *cal, const struct timeline *t)
{
	const json *list = json_get(json_get(json_get(root, "casus"), "verzuim"), "registratie"), *it;
	static const char *const kinds[] = { "", "ongeoorloofd", "te-laat", "ziek", "luxe" };
	const char *soort = json_get_str(json_get(json_get(root, "casus"), "verzuim"), "soort");
	int first = t->has_start ? t->start : t->today, last = t->today;
	size_t k;

	memset(R, 0, sizeof(*R));
	R->cal = cal;
	R->home = soort && !strcmp(soort, "thuiszitter");
	R->has_start = t->has_start;
	R->start = t->start;
	R->p = xcalloc(json_len(list) + 1, sizeof(*R->p));
	for (it = json_first(list); it; it = json_next(it)) {
		struct period *p = &R->p[R->n];
		const char *kd = json_get_str(it, "soort");
		const json *times = json_get(it, "keer");
		size_t i;

		if (!date_parse_iso(json_get_str(it, "van"), &p->from) || !date_parse_iso(json_get_str(it, "tot"), &p->to) ||
		    p->to < p->from)
			continue;
		if (p->to - p->from > MAX_PERIOD_DAYS)
			p->to = p->from + MAX_PERIOD_DAYS;
		p->kind = P_OTHER;
		for (i = 1; kd && i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (!strcmp(kd, kinds[i]))
				p->kind = (enum pkind)i;
		p->hours = json_is_number(json_get(it, "uren")) ? json_num(json_get(it, "uren")) : 0;
		p->times = json_is_number(times) ? json_num(times) : 1;
		p->tlk = timeline_kind_find(kd);
		R->n++;
	}
	reg_load_export(R, json_get(json_get(json_get(json_get(root, "casus"), "verzuim"), "export"), "dagen"));
	if (R->n > 1)
		qsort(R->p, R->n, sizeof(*R->p), by_period);
	for (k = 0; k < R->n; k++) {
		if (R->p[k].from < first)
			first = R->p[k].from;
		if (R->p[k].to > last)
			last = R->p[k].to;
	}
	reg_table(R, first, last);
	for (k = 0; k < R->n; k++)
		R->p[k].ndays = school_days(R, R->p[k].from, R->p[k].to);
}

static void reg_release(struct reg *R)
{
	free(R->p);
	free(R->school);
	free(R->week);
	free(R->cum);
}

/* The share of a period's amount that falls on or before day D. */
static double share(const struct reg *R, const struct period *p, double amount, int D)
{
	if (p->from > D)
		return 0;
	if (p->to <= D || !p->ndays)
		return amount;
	return amount * school_days(R, p->from, D) / p->ndays;
}

static int week_index(const struct reg *R, int day)
{
	return in_table(R, day) ? R->week[day - R->base] : timeline_week(R->cal, R->base, day);
}

/* Max of the hours of the given kinds in any `span` consecutive school weeks, as of D. */
static double max_window(const struct reg *R, int D, int span, bool count_reports)
{
	int nweeks, i, w, d;
	double *sum, best = 0, cur = 0;
	size_t k;

	if (!R->n || D < R->base)
		return 0;
	nweeks = week_index(R, D) + 1;
	sum = xcalloc((size_t)nweeks + 1, sizeof(*sum));
	for (k = 0; k < R->n; k++) {
		const struct period *p = &R->p[k];

		if (p->from > D)
			continue;
		if (count_reports) {
			if (p->kind == P_SICK)
				sum[week_index(R, p->from)] += 1;
			continue;
		}
		if (p->kind != P_UNAUTH && p->kind != P_LATE && p->kind != P_LUXURY)
			continue;
		if (!p->ndays) {
			sum[week_index(R, p->from)] += p->hours;
			continue;
		}
		for (d = p->from; d <= p->to && d <= D; d++)
			if (is_school(R, d))
				sum[week_index(R, d)] += p->hours / p->ndays;
	}
	for (i = 1; i <= nweeks; i++) {
		cur += sum[i];
		w = i - span;
		if (w >= 1)
			cur -= sum[w];
		if (cur > best)
			best = cur;
	}
	free(sum);
	return best;
}

/* The day after `day` that is a school day (bounded search). */
static int next_school_day(const struct reg *R, int day)
{
	int d;

	for (d = day + 1; d < day + 60; d++)
		if (is_school(R, d))
			return d;
	return day + 1;
}

/* Longest run of adjacent sick periods, in school days or hours, as of D. */
static double sick_run(const struct reg *R, int D, bool hours)
{
	double best = 0, cur = 0;
	int end = 0;
	size_t k;
	bool open = false;

	for (k = 0; k < R->n; k++) {
		const struct period *p = &R->p[k];
		double v;

		if (p->kind != P_SICK || p->from > D)
			continue;
		v = hours ? share(R, p, p->hours, D) : school_days(R, p->from, p->to < D ? p->to : D);
		if (open && p->from <= next_school_day(R, end))
			cur += v;
		else
			cur = v;
		open = true;
		if (p->to > end || cur == v)
			end = p->to;
		if (cur > best)
			best = cur;
	}
	return best;
}

static bool quantity_at(const struct reg *R, int q, int D, double *out)
{
	size_t k;
	double v = 0;

	switch (q) {
	case TLQ_HOURS_4W:
		if (!R->n)
			return false;
		*out = max_window(R, D, 4, false);
		return true;
	case TLQ_SICK_12W:
		if (!R->n)
			return false;
		*out = max_window(R, D, 12, true);
		return true;
	case TLQ_SICK_DAYS: case TLQ_SICK_HOURS:
		if (!R->n)
			return false;
		*out = sick_run(R, D, q == TLQ_SICK_HOURS);
		return true;
	case TLQ_LATE: case TLQ_LUXURY:
		if (!R->n)
			return false;
		for (k = 0; k < R->n; k++) {
			const struct period *p = &R->p[k];

			if (q == TLQ_LATE && p->kind == P_LATE)
				v += share(R, p, p->times, D);
			else if (q == TLQ_LUXURY && p->kind == P_LUXURY)
				v += p->from > D ? 0 : school_days(R, p->from, p->to < D ? p->to : D);
		}
		*out = v;
		return true;
	case TLQ_WEEKS_HOME:
		if (!R->home || !R->has_start || D < R->start)
			return false;
		*out = school_days(R, R->start, D) / 5.0;
		return true;
	default:
		return false;
	}
}

bool timeline_value(const struct timeline *t, int q, double *out)
{
	if (q < 0 || q >= TLQ_N || !t->q_known[q])
		return false;
	*out = t->q[q];
	return true;
}

/* ---- events ------------------------------------------------------------ */

static void add_event(struct timeline *t, int day, const char *label, const char *path)
{
	struct tl_event *ev;

	ARRAY_GROW(t->v, t->n, t->cap);
	ev = &t->v[t->n++];
	memset(ev, 0, sizeof(*ev));
	ev->day = day;
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

/* The first school day (up to today) on which each threshold is passed. */
static void thresholds(struct timeline *t, const struct reg *R, const struct tl_threshold *th, size_t nth)
{
	size_t i, k;
	int d, first = R->n ? R->p[0].from : t->start;

	if (R->has_start && t->start < first)
		first = t->start;
	for (i = 0; i < nth; i++) {
		int last = t->today;

		for (k = 0; k < R->n; k++)
			if (R->p[k].to > last)
				last = R->p[k].to;
		if (last > t->today)
			last = t->today;
		for (d = first; d <= last && d - first <= 3 * MAX_PERIOD_DAYS; d++) {
			double v;

			if (!is_school(R, d) || !quantity_at(R, th[i].q, d, &v))
				continue;
			if (th[i].inclusive ? v >= th[i].limit : v > th[i].limit) {
				add_event(t, d, th[i].label, "");
				t->v[t->n - 1].threshold = true;
				break;
			}
		}
	}
}

static int by_day(const void *a, const void *b)
{
	const struct tl_event *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

void timeline_build(struct timeline *t, const struct tl_def *defs, size_t ndefs, const struct calendar *cal,
		    const struct tl_threshold *th, size_t nth, const json *root, int today)
{
	struct reg R;
	size_t i;
	int q;

	memset(t, 0, sizeof(*t));
	t->today = today;
	t->cal = cal;
	for (i = 0; i < ndefs; i++)
		collect(t, &defs[i], root);
	reg_load(&R, root, cal, t);
	for (q = 0; q < TLQ_N; q++)
		t->q_known[q] = quantity_at(&R, q, today, &t->q[q]);
	if (nth)
		thresholds(t, &R, th, nth);
	reg_release(&R);
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
		t->v[i].week = t->has_start ? timeline_week(cal, t->start, t->v[i].day) : 0;
	t->today_week = t->has_start ? timeline_week(cal, t->start, today) : 0;
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

/* ---- hours per week ---------------------------------------------------- */

void timeline_week_hours(const struct timeline *t, const json *root, struct tl_weeks *out)
{
	struct reg R;
	int first, last, mon, d, w;
	size_t k, i;

	memset(out, 0, sizeof(*out));
	reg_load(&R, root, t->cal, t);
	if (!R.n) {
		reg_release(&R);
		return;
	}
	first = R.p[0].from;
	last = t->today;
	if (t->has_start && t->start < first)
		first = t->start;
	for (k = 0; k < R.n; k++)
		if (R.p[k].to > last)
			last = R.p[k].to;
	for (k = 0; k < t->n; k++) /* planned steps, such as the table's meeting */
		if (t->v[k].day > last)
			last = t->v[k].day;
	mon = monday_of(first);
	if ((monday_of(last) - mon) / 7 + 1 > TL_MAX_WEEKS)
		mon = monday_of(last) - 7 * (TL_MAX_WEEKS - 1);
	out->n = (size_t)((monday_of(last) - mon) / 7 + 1);
	out->v = xcalloc(out->n, sizeof(*out->v));
	for (i = 0; i < out->n; i++) {
		struct tl_week *wk = &out->v[i];

		wk->monday = mon + 7 * (int)i;
		wk->week = timeline_week(t->cal, t->has_start ? t->start : first, wk->monday);
		if (!school_week(t->cal, wk->monday)) {
			const struct holiday *h = NULL;

			for (d = 0; d < 7 && !h; d++)
				h = calendar_holiday(t->cal, wk->monday + d);
			wk->holiday = h ? h->name : "";
		}
	}
	for (k = 0; k < R.n; k++) {
		const struct period *p = &R.p[k];

		if (p->tlk < 0)
			continue;
		for (d = p->from; d <= p->to; d++) {
			double part;

			if (p->ndays ? !is_school(&R, d) : d != p->from)
				continue;
			w = (monday_of(d) - mon) / 7;
			if (d < mon || w < 0 || (size_t)w >= out->n)
				continue;
			part = p->ndays ? 1.0 / p->ndays : 1.0;
			out->v[w].hours[p->tlk] += p->hours * part;
			if (p->tlk == TLK_LATE)
				out->v[w].times_late += p->times * part;
		}
	}
	for (i = 0; i < out->n; i++) {
		double sum = 0;

		for (k = 0; k < TLK_N; k++)
			sum += out->v[i].hours[k];
		if (sum > out->max_hours)
			out->max_hours = sum;
	}
	reg_release(&R);
}

void tl_weeks_release(struct tl_weeks *w)
{
	free(w->v);
	memset(w, 0, sizeof(*w));
}
