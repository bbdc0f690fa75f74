/*
 * timeline.h - the absence timeline: weeks since the first absence day.
 *
 * Week 1 is the calendar week (Monday to Sunday) of the first absence day;
 * the routeboek counts from there (loket registration in week 5-8, the
 * Doorbraaktafel around week 13). Events come from dates in the case,
 * named in the rules file; the timeline only does the arithmetic.
 */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cJSON json;

struct tl_def {
	char *label;  /* "{overleg} {n}" -> "MDO 2" */
	char *path;   /* "mdo[*].datum" */
	bool start;   /* this date is week 1 */
};

struct tl_phase {
	char *name;   /* "Opschalen" */
	char *desc;
	int from, to; /* weeks, inclusive */
};

struct tl_event {
	int day;
	int week;     /* relative to the start; 0 or less: before it */
	char *label;
	char *path;   /* the value's own path, e.g. "mdo[2].datum" */
	bool future;  /* after today: planned */
};

struct timeline {
	bool has_start;
	int start;       /* day number of the first absence day */
	int today;
	int today_week;
	struct tl_event *v;
	size_t n, cap;
};
#define TIMELINE_INIT { false, 0, 0, 0, NULL, 0, 0 }

/* Week number of day relative to start (Monday-based weeks, week 1 = start's week). */
int timeline_week(int start, int day);
/* Collect the events of a case from the definitions, sorted by date. */
void timeline_build(struct timeline *t, const struct tl_def *defs, size_t ndefs, const json *root, int today);
/* The event built from a given value path ("casus.verloop.aanmelding_loket"), or NULL. */
const struct tl_event *timeline_find(const struct timeline *t, const char *path);
void timeline_release(struct timeline *t);

#endif
