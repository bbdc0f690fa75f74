/*
 * timeline.h - the absence timeline: school weeks since the first absence
 * day, the events of the case, the absence quantities and thresholds.
 *
 * Week 1 is the calendar week (Monday to Sunday) of the first absence day;
 * from there only school weeks count: a week whose five weekdays all fall
 * in a school holiday (struct calendar, from forms/vakanties.json for the
 * profile's holiday region) does not get a number of its own and carries
 * the number of the school week before it. The seeds count this way ("12
 * schoolweken", "4 opeenvolgende lesweken").
 *
 * Quantities (hours of unauthorised absence in any 4 school weeks, sick
 * reports in 12 school weeks, ...) are computed from the absence
 * registration (casus.verzuim.registratie) as of a day; thresholds (data
 * in the routes file) say when a quantity matters, and the timeline adds
 * the day each was first crossed as an event. Events come from dates in
 * the case, named in the rules file; the timeline only does the arithmetic.
 */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cJSON json;
struct err;

struct holiday {
	int from, to;  /* day numbers, inclusive */
	char *name;    /* "herfstvakantie 2026" */
};

struct calendar {
	char *region;  /* "midden" */
	char *source;  /* the published source, from the data file */
	struct holiday *v;
	size_t n;
};
#define CALENDAR_INIT { NULL, NULL, NULL, 0 }

/* Load the holidays of `region` from a vakanties.json; an unknown region is an error. */
int calendar_load(struct calendar *cal, const char *file, const char *region, struct err *e);
void calendar_release(struct calendar *cal);
/* Monday to Friday and in no holiday. cal may be NULL (no holidays). */
bool calendar_school_day(const struct calendar *cal, int day);
/* The holiday that day falls in, or NULL. */
const struct holiday *calendar_holiday(const struct calendar *cal, int day);

/* The kinds of absence: the keys of casus.verzuim.registratie[n].soort. */
enum tl_kind { TLK_UNAUTH, TLK_AUTH, TLK_SICK, TLK_LATE, TLK_LUXURY, TLK_N };
/* The kind of a key ("ziek"), or -1. */
int timeline_kind_find(const char *key);
const char *timeline_kind_key(int k);

/* The named quantities; names in timeline.c (used in rule conditions). */
enum tl_quantity {
	TLQ_HOURS_4W,      /* uren_4_schoolweken */
	TLQ_SICK_12W,      /* ziekmeldingen_12_schoolweken */
	TLQ_SICK_DAYS,     /* ziek_schooldagen_aaneengesloten */
	TLQ_SICK_HOURS,    /* ziek_uren_aaneengesloten */
	TLQ_LATE,          /* keer_te_laat */
	TLQ_LUXURY,        /* dagen_luxe_verzuim */
	TLQ_WEEKS_HOME,    /* schoolweken_zonder_onderwijs */
	TLQ_N
};
/* The quantity of a name, or -1. */
int timeline_quantity_find(const char *name);
const char *timeline_quantity_name(int q);

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

/* A threshold from the routes file: when quantity q passes limit. */
struct tl_threshold {
	char *label;  /* "16 uur in 4 schoolweken" */
	int q;
	double limit;
	bool inclusive; /* "vanaf" (>=) instead of "meer_dan" (>) */
};

struct tl_event {
	int day;
	int week;     /* school week relative to the start; 0 or less: before it */
	char *label;
	char *path;   /* the value's own path, e.g. "mdo[2].datum"; "" for a threshold */
	bool future;  /* after today: planned */
	bool threshold;
};

struct timeline {
	bool has_start;
	int start;       /* day number of the first absence day */
	int today;       /* the reference day ("nu"): today, or the dossier's date */
	int today_week;
	const struct calendar *cal;
	struct tl_event *v;
	size_t n, cap;
	double q[TLQ_N]; /* quantities as of today */
	bool q_known[TLQ_N];
};
#define TIMELINE_INIT { false, 0, 0, 0, NULL, NULL, 0, 0, { 0 }, { false } }

/*
 * School week of day relative to start: week 1 is start's calendar week;
 * each later week with a school day adds one. Before start: 0, -1, ...
 */
int timeline_week(const struct calendar *cal, int start, int day);
/* Collect the events of a case from the definitions, sorted by date. */
void timeline_build(struct timeline *t, const struct tl_def *defs, size_t ndefs, const struct calendar *cal,
		    const struct tl_threshold *th, size_t nth, const json *root, int today);
/* The value of a quantity as of today; false when the case does not tell. */
bool timeline_value(const struct timeline *t, int q, double *out);
/* The event built from a given value path ("casus.verloop.aanmelding_loket"), or NULL. */
const struct tl_event *timeline_find(const struct timeline *t, const char *path);
void timeline_release(struct timeline *t);

/*
 * Hours per calendar week per kind, from the typed registration periods
 * and the imported export (casus.verzuim.export.dagen: datum, soort,
 * minuten, keer; both count, in every quantity), from the week of the start (or the first absence, if earlier)
 * to the latest of the last absence, today and the last event, at most
 * TL_MAX_WEEKS (the latest). A week without a school day is a holiday week: it has no
 * number of its own (week repeats the number before it).
 */
#define TL_MAX_WEEKS 60
struct tl_week {
	int monday;
	int week;                 /* school week relative to the start */
	const char *holiday;      /* the holiday's name for a holiday week, else NULL (borrowed from the calendar) */
	double hours[TLK_N];
	double times_late;
};
struct tl_weeks {
	struct tl_week *v;
	size_t n;
	double max_hours;         /* the largest week total */
};
#define TL_WEEKS_INIT { NULL, 0, 0 }
void timeline_week_hours(const struct timeline *t, const json *root, struct tl_weeks *out);
void tl_weeks_release(struct tl_weeks *w);

#endif
