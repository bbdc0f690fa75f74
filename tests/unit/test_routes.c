/*
 * test_routes.c - school weeks, absence quantities and thresholds, and the
 * comparisons of the condition language.
 */
#include "unit.h"

#include "buf.h"
#include "date.h"
#include "err.h"
#include "expr.h"
#include "json.h"
#include "mem.h"
#include "profile.h"
#include "timeline.h"

#include <math.h>
#include <stdlib.h>

static struct calendar cal;

static void load_calendar(void)
{
	struct err e = ERR_INIT;
	char path[4096];

	if (cal.n)
		return;
	snprintf(path, sizeof(path), "%s/forms/vakanties.json", unit_root);
	if (calendar_load(&cal, path, "midden", &e))
		unit_fail(__FILE__, __LINE__, "vakanties: %s", e.msg.s);
	err_release(&e);
}

static void school_weeks_skip_holidays(void)
{
	int start = date_from_ymd(2026, 9, 7); /* a Monday */
	int after = date_from_ymd(2026, 10, 28);

	load_calendar();
	CHECK_INT(timeline_week(NULL, start, after), 8);  /* calendar weeks */
	CHECK_INT(timeline_week(&cal, start, after), 7);  /* the autumn holiday is no school week */
	CHECK_INT(timeline_week(&cal, start, date_from_ymd(2026, 10, 16)), 6);
	CHECK_INT(timeline_week(&cal, start, date_from_ymd(2026, 10, 21)), 6); /* in the holiday: the week before */
	CHECK_INT(timeline_week(&cal, start, date_from_ymd(2026, 9, 4)), 0);
	/* across the Christmas holiday (two weeks) */
	CHECK_INT(timeline_week(&cal, start, date_from_ymd(2027, 1, 4)), 15); /* 18 calendar weeks */
	CHECK(calendar_school_day(&cal, date_from_ymd(2026, 10, 16)));
	CHECK(!calendar_school_day(&cal, date_from_ymd(2026, 10, 19)));
	CHECK(!calendar_school_day(&cal, date_from_ymd(2026, 10, 17)));
	CHECK(cal.source && strstr(cal.source, "Rijksoverheid"));
}

/* A case with one start date and registration periods, as JSON. */
static json *case_with(const char *periods, const char *kind)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	json *root = NULL;

	buf_addf(&b, "{\"casus\": {\"verzuim\": {\"startdatum\": \"2026-09-07\", \"soort\": \"%s\", \"registratie\": [%s]}}}",
		 kind, periods);
	if (json_parse(b.s, b.len, "t", &root, &e))
		unit_fail(__FILE__, __LINE__, "json: %s", e.msg.s);
	buf_release(&b);
	err_release(&e);
	return root;
}

static struct tl_def start_def = { "Eerste verzuimdag", "casus.verzuim.startdatum", true };

static double value(const char *periods, const char *kind, int q, int today, bool *known)
{
	json *root = case_with(periods, kind);
	struct timeline t;
	double v = -1;

	load_calendar();
	timeline_build(&t, &start_def, 1, &cal, NULL, 0, root, today);
	*known = timeline_value(&t, q, &v);
	timeline_release(&t);
	json_free(root);
	return v;
}

static void hours_in_four_school_weeks(void)
{
	bool known;
	int today = date_from_ymd(2026, 11, 18);
	/* 8 hours a week for two weeks: 16; the boundary pieces */
	const char *p155 = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 8},"
			   "{\"van\": \"2026-09-14\", \"tot\": \"2026-09-18\", \"soort\": \"ongeoorloofd\", \"uren\": 7.5}";
	const char *p165 = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 8},"
			   "{\"van\": \"2026-09-14\", \"tot\": \"2026-09-18\", \"soort\": \"ongeoorloofd\", \"uren\": 8.5}";
	/* 9 hours before and 9 after the autumn holiday: 4 school weeks, 5 calendar weeks apart */
	const char *across = "{\"van\": \"2026-10-12\", \"tot\": \"2026-10-16\", \"soort\": \"ongeoorloofd\", \"uren\": 9},"
			     "{\"van\": \"2026-11-09\", \"tot\": \"2026-11-13\", \"soort\": \"ongeoorloofd\", \"uren\": 9}";
	const char *apart = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 9},"
			    "{\"van\": \"2026-10-05\", \"tot\": \"2026-10-09\", \"soort\": \"ongeoorloofd\", \"uren\": 9}";
	const char *authorised = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"geoorloofd\", \"uren\": 30}";

	CHECK(value(p155, "ongeoorloofd", TLQ_HOURS_4W, today, &known) == 15.5 && known);
	CHECK(value(p165, "ongeoorloofd", TLQ_HOURS_4W, today, &known) == 16.5 && known);
	CHECK(value(across, "ongeoorloofd", TLQ_HOURS_4W, today, &known) == 18);
	CHECK(value(apart, "ongeoorloofd", TLQ_HOURS_4W, today, &known) == 9);
	CHECK(value(authorised, "ongeoorloofd", TLQ_HOURS_4W, today, &known) == 0);
	/* as of a day inside a period: only its part up to that day */
	CHECK(fabs(value(p165, "ongeoorloofd", TLQ_HOURS_4W, date_from_ymd(2026, 9, 9), &known) - 4.8) < 1e-9);
	value("", "ongeoorloofd", TLQ_HOURS_4W, today, &known);
	CHECK(!known); /* no registration: the case does not tell */
}

static void sick_late_and_home(void)
{
	bool known;
	int today = date_from_ymd(2026, 11, 18);
	const char *four = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-07\", \"soort\": \"ziek\", \"uren\": 5},"
			   "{\"van\": \"2026-09-21\", \"tot\": \"2026-09-22\", \"soort\": \"ziek\", \"uren\": 10},"
			   "{\"van\": \"2026-10-05\", \"tot\": \"2026-10-05\", \"soort\": \"ziek\", \"uren\": 5},"
			   "{\"van\": \"2026-11-02\", \"tot\": \"2026-11-03\", \"soort\": \"ziek\", \"uren\": 10}";
	const char *run = "{\"van\": \"2026-10-12\", \"tot\": \"2026-10-16\", \"soort\": \"ziek\", \"uren\": 25},"
			  "{\"van\": \"2026-10-26\", \"tot\": \"2026-10-27\", \"soort\": \"ziek\", \"uren\": 10}";
	const char *late = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-18\", \"soort\": \"te-laat\", \"uren\": 2, \"keer\": 5},"
			   "{\"van\": \"2026-09-21\", \"tot\": \"2026-09-25\", \"soort\": \"te-laat\", \"uren\": 1, \"keer\": 4}";

	CHECK(value(four, "ziekte", TLQ_SICK_12W, today, &known) == 4);
	CHECK(value(four, "ziekte", TLQ_SICK_12W, date_from_ymd(2026, 10, 30), &known) == 3);
	/* Friday before the autumn holiday and Monday after it are adjacent school days */
	CHECK(value(run, "ziekte", TLQ_SICK_DAYS, today, &known) == 7);
	CHECK(value(run, "ziekte", TLQ_SICK_HOURS, today, &known) == 35);
	CHECK(value(late, "ongeoorloofd", TLQ_LATE, today, &known) == 9);
	CHECK(value(run, "thuiszitter", TLQ_WEEKS_HOME, date_from_ymd(2026, 10, 9), &known) == 5 && known);
	value(run, "ziekte", TLQ_WEEKS_HOME, today, &known);
	CHECK(!known); /* only for a thuiszitter */
}

static void threshold_events(void)
{
	struct tl_threshold th[] = { { "16 uur in 4 schoolweken", TLQ_HOURS_4W, 16, false } };
	const char *p165 = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 8},"
			   "{\"van\": \"2026-09-14\", \"tot\": \"2026-09-18\", \"soort\": \"ongeoorloofd\", \"uren\": 8.5}";
	const char *p155 = "{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 8},"
			   "{\"van\": \"2026-09-14\", \"tot\": \"2026-09-18\", \"soort\": \"ongeoorloofd\", \"uren\": 7.5}";
	json *root = case_with(p165, "ongeoorloofd");
	struct timeline t;
	size_t i, n = 0;

	load_calendar();
	timeline_build(&t, &start_def, 1, &cal, th, 1, root, date_from_ymd(2026, 11, 18));
	for (i = 0; i < t.n; i++)
		if (t.v[i].threshold) {
			n++;
			CHECK_INT(t.v[i].day, date_from_ymd(2026, 9, 18)); /* 8 + 4 x 1.7 = 14.8 on Thursday */
			CHECK_INT(t.v[i].week, 2);
			CHECK_STR(t.v[i].label, "16 uur in 4 schoolweken");
		}
	CHECK_INT(n, 1);
	timeline_release(&t);
	json_free(root);
	root = case_with(p155, "ongeoorloofd");
	timeline_build(&t, &start_def, 1, &cal, th, 1, root, date_from_ymd(2026, 11, 18));
	for (i = n = 0; i < t.n; i++)
		n += t.v[i].threshold;
	CHECK_INT(n, 0);
	timeline_release(&t);
	json_free(root);
}

static int eval(const char *cond, const char *doc, bool unknown_passes)
{
	struct expr *x = NULL;
	struct buf msg = BUF_INIT;
	struct err e = ERR_INIT;
	json *root = NULL;
	struct timeline t;
	int r = -1;

	load_calendar();
	if (expr_parse(cond, &x, &msg)) {
		unit_fail(__FILE__, __LINE__, "parse '%s': %s", cond, msg.s);
	} else if (json_parse(doc, strlen(doc), "t", &root, &e)) {
		unit_fail(__FILE__, __LINE__, "json: %s", e.msg.s);
	} else {
		struct expr_env env = { root, NULL, "adviestafel", "den-haag", &t };

		timeline_build(&t, &start_def, 1, &cal, NULL, 0, root, date_from_ymd(2026, 11, 18));
		r = unknown_passes ? expr_holds_or_unknown(x, &env) : expr_eval(x, &env);
		timeline_release(&t);
	}
	expr_free(x);
	json_free(root);
	buf_release(&msg);
	err_release(&e);
	return r;
}

static void comparisons_and_arithmetic(void)
{
	const char *doc = "{\"casus\": {\"verzuim\": {\"startdatum\": \"2026-09-07\", \"uren\": 15.5,"
			  " \"registratie\": [{\"van\": \"2026-09-07\", \"tot\": \"2026-09-11\", \"soort\": \"ongeoorloofd\", \"uren\": 16.5}]},"
			  " \"verloop\": {\"aanmelding_loket\": \"2026-10-12\"}},"
			  " \"mdo\": [{\"datum\": \"2026-09-20\", \"vastgelopen\": false}, {\"datum\": \"2026-10-01\", \"vastgelopen\": true},"
			  " {\"datum\": \"2026-10-20\", \"vastgelopen\": true}]}";
	static const char *const bad[] = {
		"casus.a >", "mdo[*].datum < 3", "min(casus.a) > 1", "3 >", "1 + > 2", "uren_4_schoolweken",
	};
	size_t i;

	CHECK(eval("casus.verzuim.uren < 16", doc, false) == 1);
	CHECK(eval("casus.verzuim.uren > 15,5", doc, false) == 0);
	CHECK(eval("casus.verzuim.uren >= 15.5", doc, false) == 1);
	CHECK(eval("uren_4_schoolweken > 16", doc, false) == 1);
	CHECK(eval("casus.verzuim.startdatum + 4 weken < casus.verloop.aanmelding_loket", doc, false) == 1);
	CHECK(eval("casus.verloop.aanmelding_loket - casus.verzuim.startdatum = 35", doc, false) == 1);
	CHECK(eval("schoolweek(casus.verloop.aanmelding_loket) = 6", doc, false) == 1);
	CHECK(eval("min(mdo[*].datum waar .vastgelopen = ja) <= casus.verloop.aanmelding_loket", doc, false) == 1);
	CHECK(eval("max(mdo[*].datum waar .vastgelopen = ja) <= casus.verloop.aanmelding_loket", doc, false) == 0);
	CHECK(eval("aantal(mdo[*] waar .vastgelopen = ja) = 2", doc, false) == 1);
	CHECK(eval("aantal(mdo[*]) * 2 = 6", doc, false) == 1);
	/* a missing value: unknown, so a condition fails and a requirement holds */
	CHECK(eval("casus.verloop.adviestafel_datum > casus.verzuim.startdatum", doc, false) == 0);
	CHECK(eval("casus.verloop.adviestafel_datum > casus.verzuim.startdatum", doc, true) == 1);
	CHECK(eval("niet (casus.verloop.adviestafel_datum > 1)", doc, true) == 1);
	CHECK(eval("niet (uren_4_schoolweken > 16) of casus.verzuim.duo_gemeld = ja", doc, true) == 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct expr *x = NULL;
		struct buf msg = BUF_INIT;

		if (!expr_parse(bad[i], &x, &msg))
			unit_fail(__FILE__, __LINE__, "'%s' should not parse", bad[i]);
		expr_free(x);
		buf_release(&msg);
	}
}

/* Each profile's names against tests/data/regio.tsv: what the seeds say. */
static void profiles_match_the_seeds(void)
{
	char path[4096], line[2048];
	FILE *f;
	size_t rows = 0;

	snprintf(path, sizeof(path), "%s/tests/data/regio.tsv", unit_root);
	f = fopen(path, "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		char *col[5], *p = line;
		size_t n = 0;
		struct profile pr = PROFILE_INIT;
		struct err e = ERR_INIT;

		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		while (n < 5 && p) {
			col[n++] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (n < 5) {
			unit_fail(__FILE__, __LINE__, "regio.tsv: row with %zu columns: %s", n, line);
			continue;
		}
		rows++;
		if (profile_load(&pr, unit_root, col[0], &e)) {
			unit_fail(__FILE__, __LINE__, "profile %s: %s", col[0], e.msg.s);
		} else {
			const char *v;

			profile_set_home(&pr, strcmp(col[1], "-") ? col[1] : NULL);
			v = profile_name(&pr, col[2]);
			if (!v || !strstr(v, col[3]))
				unit_fail(__FILE__, __LINE__, "%s (woongemeente %s): {%s} = \"%s\", the seeds say \"%s\" (%s)", col[0],
					  col[1], col[2], v ? v : "(none)", col[3], col[4]);
		}
		profile_release(&pr);
		err_release(&e);
	}
	if (f)
		fclose(f);
	CHECK(rows >= 40);
}

static void release_calendar(void)
{
	calendar_release(&cal);
	CHECK(!cal.n);
}

TESTS(routes_tests) = {
	{ "schoolweken tellen de vakanties niet mee", school_weeks_skip_holidays },
	{ "uren in 4 schoolweken, ook rond de grens van 16", hours_in_four_school_weeks },
	{ "ziekmeldingen, aaneengesloten ziek, te laat en thuiszitten", sick_late_and_home },
	{ "een verzuimgrens wordt een gebeurtenis op de tijdlijn", threshold_events },
	{ "voorwaarden vergelijken en rekenen met getallen, datums en weken", comparisons_and_arithmetic },
	{ "elk regioprofiel noemt tafels, partners en rollen zoals de bronnen", profiles_match_the_seeds },
	{ "vakantiekalender vrijgeven", release_calendar },
	TEST_END,
};
