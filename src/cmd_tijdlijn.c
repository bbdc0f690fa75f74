/*
 * cmd_tijdlijn.c - `dossier tijdlijn CASUS`: the weeks of the absence and
 * the steps taken, with the routeboek's phases and week warnings.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "finding.h"
#include "json.h"
#include "opt.h"
#include "rules.h"
#include "term.h"
#include "timeline.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier tijdlijn CASUS.json\n"
	"\n"
	"Toont per gebeurtenis (eerste verzuimdag, MDO's, aanmelding bij het loket,\n"
	"Adviestafel, Doorbraaktafel) de datum en de schoolweek van het verzuim, en de\n"
	"dag waarop een verzuimgrens werd bereikt (bijvoorbeeld meer dan 16 uur in 4\n"
	"schoolweken). Week 1 is de week van de eerste verzuimdag; een week die\n"
	"helemaal in een schoolvakantie valt, telt niet mee. Het routeboek noemt week\n"
	"5-8 voor de aanmelding bij het loket en week 13 voor de Doorbraaktafel.\n"
	"\n"
	"Is de verzuimregistratie ingelezen ('dossier verzuim') of per periode ingevuld,\n"
	"dan volgt per schoolweek een regel met de uren per soort verzuim en een balk.\n";

/* One character per kind of absence in the text bar (enum tl_kind order). */
static const char bar_chars[TLK_N] = { '#', '-', 'z', 't', 'L' };
static const char *const bar_names[TLK_N] = { "ongeoorloofd", "geoorloofd", "ziek", "te laat", "luxe verzuim" };

static void hours_fmt(struct buf *b, double h)
{
	long c = (long)(h * 100 + 0.5);

	buf_addf(b, "%ld,%02ld", c / 100, c % 100);
}

/* One line per week: number, Monday, hours, and a bar stacked by kind. */
static void week_lines(struct buf *out, const struct tl_weeks *W, int width)
{
	int bar = width - 30 > 50 ? 50 : width - 30 < 10 ? 10 : width - 30, k;
	size_t i;

	if (!W->n)
		return;
	buf_adds(out, "\nUren verzuim per schoolweek (");
	for (k = 0; k < TLK_N; k++)
		buf_addf(out, "%s%c %s", k ? ", " : "", bar_chars[k], bar_names[k]);
	buf_adds(out, "):\n  Week  Maandag        Uren\n");
	for (i = 0; i < W->n; i++) {
		const struct tl_week *w = &W->v[i];
		double cum = 0, total = 0;
		int pos = 0, end;
		struct buf h = BUF_INIT;

		buf_adds(out, "  ");
		if (w->holiday) {
			buf_adds(out, "      ");
			date_fmt_short(out, w->monday);
			buf_addf(out, "          %s\n", *w->holiday ? w->holiday : "vakantie");
			continue;
		}
		for (k = 0; k < TLK_N; k++)
			total += w->hours[k];
		hours_fmt(&h, total);
		buf_addf(out, "%4d  ", w->week);
		date_fmt_short(out, w->monday);
		buf_addf(out, " %7s  ", h.s);
		buf_release(&h);
		for (k = 0; k < TLK_N; k++) {
			cum += w->hours[k];
			end = W->max_hours > 0 ? (int)(cum * bar / W->max_hours + 0.5) : 0;
			for (; pos < end; pos++)
				buf_addch(out, bar_chars[k]);
		}
		if (w->times_late > 0)
			buf_addf(out, " (%g× te laat)", w->times_late);
		buf_trim(out);
		buf_addch(out, '\n');
	}
}

int cmd_tijdlijn(struct app *app, int argc, char **argv)
{
	const struct opt opts[] = { OPT_END() };
	struct casus c = CASUS_INIT;
	struct timeline t = TIMELINE_INIT;
	struct findings fs = FINDINGS_INIT;
	struct buf out = BUF_INIT, line = BUF_INIT;
	const struct route *r;
	const struct tl_phase *ph;
	int n, rc = -1, width = term_width(stdout);
	size_t i;
	bool today_shown = false;

	n = opt_parse(argc, argv, opts, "tijdlijn", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier tijdlijn --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, NULL)))
		goto out;
	rules_timeline(&app->rules, c.root, date_today(), &t);
	buf_addf(&out, "Tijdlijn van casus %s · route %s\n\n", casus_ref(&c) ? casus_ref(&c) : "(geen kenmerk)", r->name);
	if (!t.has_start) {
		const char *given = json_str(casus_get(&c, "casus.verzuim.startdatum"));

		if (given && *given)
			err_set(&app->err, EXIT_INVALID,
				"de eerste verzuimdag '%s' is geen geldige datum; verbeter die met 'dossier zet %s casus.verzuim.startdatum=dd-mm-jjjj'",
				given, argv[0]);
		else
			err_set(&app->err, EXIT_INVALID,
				"de eerste verzuimdag ontbreekt; vul die in met 'dossier zet %s casus.verzuim.startdatum=dd-mm-jjjj'",
				argv[0]);
		goto out;
	}
	buf_addf(&out, "Weken zijn schoolweken: vakanties tellen niet mee (vakantieregio %s).\n\n",
		 app->rules.cal.region ? app->rules.cal.region : "onbekend");
	buf_adds(&out, "  Datum        Week  Gebeurtenis\n");
	for (i = 0; i <= t.n; i++) {
		const struct tl_event *ev = i < t.n ? &t.v[i] : NULL;

		if (!today_shown && (!ev || ev->day > t.today)) {
			buf_reset(&line);
			date_fmt_short(&line, t.today);
			buf_addf(&line, "  %4d  vandaag", t.today_week);
			buf_adds(&out, "  ");
			term_style(&out, stdout, ST_BOLD, line.s);
			buf_addch(&out, '\n');
			today_shown = true;
		}
		if (!ev)
			break;
		buf_adds(&out, "  ");
		date_fmt_short(&out, ev->day);
		if (ev->week > 0)
			buf_addf(&out, "  %4d  %s%s\n", ev->week, ev->label, ev->future ? " (gepland)" : "");
		else
			buf_addf(&out, "  vóór  %s%s\n", ev->label, ev->future ? " (gepland)" : "");
	}
	{
		struct tl_weeks W = TL_WEEKS_INIT;

		timeline_week_hours(&t, c.root, &W);
		week_lines(&out, &W, width);
		tl_weeks_release(&W);
	}
	ph = ruleset_phase(&app->rules, t.today_week);
	if (ph) {
		buf_reset(&line);
		buf_addf(&line, "Nu: schoolweek %d, fase %s (week %d", t.today_week, ph->name, ph->from);
		if (ph->to >= 1000)
			buf_adds(&line, " en later");
		else if (ph->to > ph->from)
			buf_addf(&line, "-%d", ph->to);
		buf_addf(&line, ")%s%s.", ph->desc ? ": " : "", ph->desc ? ph->desc : "");
		buf_addch(&out, '\n');
		term_wrap(&out, line.s, 0, 0, width);
	}
	{
		struct check_input in = { &app->rules, &app->forms, &c, r->id, casus_region(&c), t.today, argv[0] };

		rules_check(&in, &fs);
	}
	for (i = 0; i < fs.n; i++) {
		if (strcmp(fs.v[i].document, "tijdlijn"))
			continue;
		buf_adds(&out, "\n");
		term_style(&out, stdout, ST_YELLOW, "Let op:");
		term_wrap(&out, fs.v[i].message, 1, 2, width);
		if (fs.v[i].reason)
			term_wrap(&out, fs.v[i].reason, 2, 2, width);
	}
	fwrite(out.s, 1, out.len, stdout);
	rc = 0;
out:
	buf_release(&out);
	buf_release(&line);
	findings_release(&fs);
	timeline_release(&t);
	casus_release(&c);
	return rc;
}
