/*
 * cmd_logboek.c - `dossier logboek CASUS`: what was shared, with whom, when
 * and under which consent (the sharing log, sharelog.h).
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "field.h"
#include "form.h"
#include "json.h"
#include "opt.h"
#include "term.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier logboek CASUS.json\n"
	"\n"
	"Toont wat er met het dossier gedeeld is: bij elke 'dossier maak' en elke\n"
	"'dossier agenda' schrijft dossier in de casus wanneer het was, voor welke\n"
	"route en tafels, onder welke toestemming, en welke documenten erin zaten.\n"
	"Zo kan de school laten zien welke documenten wanneer naar welke tafel\n"
	"gingen (AVG). Een geanonimiseerde kopie staat er ook in, als zodanig.\n";

/* The date at the start of "2026-11-18 14:05". */
static bool date_parse_iso_prefix(const char *s, int *d)
{
	char day[11];

	memcpy(day, s, 10);
	day[10] = '\0';
	return date_parse_iso(day, d);
}

/* "het loket (toestemming 2 van 12-11-2026)" */
static void recipient(struct buf *out, struct app *app, const json *root, const json *c)
{
	struct err e = ERR_INIT;
	const struct field *f = formset_field(&app->forms, "toestemming.ontvangers", &e);
	const char *key = json_get_str(c, "tafel");
	const struct choice *ch = f && key ? field_choice(f, key) : NULL;
	int k = (int)json_num(json_get(c, "toestemming")), d;

	err_release(&e);
	buf_adds(out, ch ? ch->label : key ? key : "?");
	if (k <= 0) {
		buf_adds(out, " (geen geldige toestemming)");
		return;
	}
	buf_addf(out, " (toestemming %d", k);
	if (date_parse_iso(json_get_str(json_at(json_get(root, "toestemming"), (size_t)k - 1), "datum"), &d)) {
		buf_adds(out, " van ");
		date_fmt_short(out, d);
	}
	buf_addch(out, ')');
}

static void entry(struct buf *out, struct app *app, const json *root, const json *en, size_t n, int width)
{
	struct buf line = BUF_INIT;
	const char *when = json_get_str(en, "moment"), *what = json_get_str(en, "opdracht");
	const char *meeting = json_get_str(en, "vergadering");
	const json *it;
	int d;
	size_t k = 0;

	buf_addf(&line, "%zu. ", n);
	if (when && strlen(when) >= 10 && date_parse_iso_prefix(when, &d)) {
		date_fmt_short(&line, d);
		buf_adds(&line, when + 10);
	} else {
		buf_adds(&line, when ? when : "(tijdstip onbekend)");
	}
	buf_addf(&line, "  %s · %s", what ? what : "?", app_route_name(app, json_get_str(en, "route")));
	if (meeting && date_parse_iso(meeting, &d)) {
		buf_adds(&line, " · vergadering van ");
		date_fmt_long(&line, d);
	}
	if (json_bool(json_get(en, "anoniem")))
		buf_adds(&line, " · geanonimiseerde kopie");
	if (json_bool(json_get(en, "concept")))
		buf_adds(&line, " · concept");
	if (json_bool(json_get(en, "zonder_bijlagen")))
		buf_adds(&line, " · zonder bijlagen");
	term_wrap(out, line.s, 2, 5, width);
	buf_reset(&line);
	buf_adds(&line, "Voor: ");
	for (it = json_first(json_get(en, "toestemmingen")); it; it = json_next(it), k++) {
		if (k)
			buf_adds(&line, ", ");
		recipient(&line, app, root, it);
	}
	if (!k)
		buf_adds(&line, "(geen tafels genoemd)");
	term_wrap(out, line.s, 5, 5, width);
	buf_reset(&line);
	buf_adds(&line, "Documenten: ");
	k = 0;
	for (it = json_first(json_get(en, "documenten")); it; it = json_next(it), k++)
		buf_addf(&line, "%s%s", k ? ", " : "", json_str(it) ? json_str(it) : "?");
	if (!k)
		buf_adds(&line, "(geen)");
	term_wrap(out, line.s, 5, 5, width);
	buf_release(&line);
}

int cmd_logboek(struct app *app, int argc, char **argv)
{
	const struct opt opts[] = { OPT_END() };
	struct casus c = CASUS_INIT;
	struct buf out = BUF_INIT;
	const json *log, *it;
	int n, rc = -1, width = term_width(stdout);
	size_t k = 0;

	n = opt_parse(argc, argv, opts, "logboek", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier logboek --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c))
		goto out;
	log = json_get(c.root, "logboek");
	buf_addf(&out, "Logboek van casus %s\n", casus_ref(&c) ? casus_ref(&c) : "(geen kenmerk)");
	buf_adds(&out, "Wat er gedeeld is, met wie, wanneer en onder welke toestemming.\n\n");
	for (it = json_first(log); it; it = json_next(it))
		if (json_is_object(it))
			entry(&out, app, c.root, it, ++k, width);
	if (!k)
		buf_adds(&out, "Nog niets gedeeld: van deze casus is nog geen dossier of agenda gemaakt.\n");
	else
		buf_addf(&out, "\n%zu keer gedeeld.\n", k);
	fwrite(out.s, 1, out.len, stdout);
	rc = 0;
out:
	buf_release(&out);
	casus_release(&c);
	return rc;
}
