/*
 * absence.c - threshold events against the DUO report and the MDOs (see
 * absence.h). The events are the timeline's; a report or meeting is the
 * event built from its value path (casus.verzuim.duo_datum, mdo[N].datum).
 */
#include "absence.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "timeline.h"

#include <string.h>

#include "banned.h"

#define DUO_PATH "casus.verzuim.duo_datum"
#define MDO_PREFIX "mdo["

/* School days from a (exclusive) to b (inclusive); negative when b < a. */
static int school_days_between(const struct calendar *cal, int a, int b)
{
	int n = 0, d, lo = a < b ? a : b, hi = a < b ? b : a;

	for (d = lo + 1; d <= hi && d - lo < 2000; d++)
		n += calendar_school_day(cal, d);
	return a <= b ? n : -n;
}

static void when(struct buf *b, const struct tl_event *ev)
{
	date_fmt_short(b, ev->day);
	if (ev->week > 0)
		buf_addf(b, " (week %d)", ev->week);
}

size_t absence_notes(const struct timeline *t, struct buf *lines, size_t max)
{
	const struct tl_event *duo = timeline_find(t, DUO_PATH), *mdo_after, *ev;
	size_t i, k, n = 0;
	int gap;

	for (i = 0; i < t->n && n < max; i++) {
		struct buf *b = &lines[n];

		ev = &t->v[i];
		if (!ev->threshold)
			continue;
		buf_reset(b);
		buf_addf(b, "%s: volgens de registratie bereikt op ", ev->label);
		when(b, ev);
		buf_adds(b, ". ");
		if (duo) {
			gap = school_days_between(t->cal, ev->day, duo->day);
			buf_adds(b, "Melding bij DUO op ");
			date_fmt_short(b, duo->day);
			if (!gap)
				buf_adds(b, ", dezelfde dag");
			else
				buf_addf(b, ", %d schooldag%s %s", gap < 0 ? -gap : gap, gap == 1 || gap == -1 ? "" : "en",
					 gap < 0 ? "eerder" : "later");
		} else {
			buf_adds(b, "Geen melding bij DUO");
		}
		mdo_after = NULL;
		for (k = 0; k < t->n; k++)
			if (!strncmp(t->v[k].path, MDO_PREFIX, strlen(MDO_PREFIX)) && t->v[k].day >= ev->day) {
				mdo_after = &t->v[k];
				break;
			}
		if (mdo_after) {
			buf_addf(b, "; daarna eerst %s op ", mdo_after->label);
			when(b, mdo_after);
			gap = school_days_between(t->cal, ev->day, mdo_after->day);
			buf_addf(b, ", %d schooldag%s later%s.", gap, gap == 1 ? "" : "en", mdo_after->future ? " (gepland)" : "");
		} else {
			buf_adds(b, "; geen MDO op of na die dag.");
		}
		n++;
	}
	return n;
}

/* The absence data of a case: the import (dossier verzuim) and the typed periods. */
static const json *absence_group(const json *root)
{
	return json_get(json_get(root, "casus"), "verzuim");
}

bool absence_has_data(const json *root)
{
	const json *v = absence_group(root);

	return json_len(json_get(json_get(v, "export"), "dagen")) || json_len(json_get(v, "registratie"));
}

bool absence_source(const json *root, struct buf *file, struct buf *file_date, struct buf *source,
		    struct buf *imported)
{
	const json *ex = json_get(absence_group(root), "export");
	int d;

	if (!json_is_object(ex))
		return false;
	buf_adds(file, json_get_str(ex, "bestand") ? json_get_str(ex, "bestand") : "");
	buf_adds(source, json_get_str(ex, "bron_naam") ? json_get_str(ex, "bron_naam") : "");
	if (date_parse_iso(json_get_str(ex, "bestand_datum"), &d))
		date_fmt_short(file_date, d);
	if (date_parse_iso(json_get_str(ex, "ingelezen"), &d))
		date_fmt_short(imported, d);
	return true;
}
