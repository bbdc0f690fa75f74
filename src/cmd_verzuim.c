/*
 * cmd_verzuim.c - `dossier verzuim CASUS BESTAND.csv [--bron NAAM]`: read
 * a school's absence export into the case (casus.verzuim.export).
 *
 * The export is read first (csvimport.h); only when every row is readable
 * is the case loaded under its write lock, the earlier import replaced as
 * a whole and the case saved. A failed import leaves the case untouched.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "csvimport.h"
#include "date.h"
#include "err.h"
#include "fileio.h"
#include "json.h"
#include "mem.h"
#include "opt.h"
#include "timeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier verzuim CASUS.json BESTAND.csv [--bron NAAM] [--codering utf-8|latin-1]\n"
	"        dossier verzuim CASUS.json --wis\n"
	"\n"
	"Leest de verzuimregistratie uit de leerlingadministratie (een CSV-export) in de\n"
	"casus: per dag het soort verzuim en de uren. Daaruit rekent dossier per\n"
	"schoolweek de uren en de verzuimgrenzen (16 uur in 4 schoolweken, de 4e\n"
	"ziekmelding in 12 schoolweken, de 7e schooldag aaneengesloten ziek, te laat)\n"
	"uit; 'tijdlijn', 'controleer' en het Verzuimbeeld in de PDF tonen ze.\n"
	"\n"
	"--bron NAAM kiest de koppeling forms/verzuim/NAAM.ini: welke kolom wat is en\n"
	"welke code welk soort verzuim. Zonder --bron: het algemene formaat 'algemeen'\n"
	"(zie docs/verzuimexport.md). Een nieuwe import vervangt de vorige; de casus\n"
	"noemt het bestand en de datum. Bij een onleesbare rij wordt niets opgeslagen.\n"
	"--wis haalt de ingelezen registratie weer uit de casus.\n";

/* --wis: the case without its import. */
static int wipe_import(struct app *app, const char *file)
{
	struct casus c = CASUS_INIT;
	int rc = -1;

	if (casus_load_locked(&c, file, &app->err) || app_setup_case(app, &c))
		goto out;
	if (!casus_get(&c, "casus.verzuim.export")) {
		printf("%s heeft geen ingelezen verzuimregistratie; er is niets gewijzigd.\n", file);
		rc = 0;
		goto out;
	}
	if (casus_set(&c, "casus.verzuim.export", NULL, &app->err) || casus_save(&c, &app->err))
		goto out;
	printf("De ingelezen verzuimregistratie is uit %s gehaald.\n", file);
	rc = 0;
out:
	casus_release(&c);
	return rc;
}

static bool source_name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static json *export_json(const struct absence_import *imp, const char *file, const char *source, int file_day)
{
	json *o = json_new_object(), *days = json_new_array();
	const char *base = strrchr(file, '/');
	struct buf b = BUF_INIT;
	size_t i;

	json_set(o, "bestand", json_new_string(base ? base + 1 : file));
	date_fmt_iso(&b, file_day);
	json_set(o, "bestand_datum", json_new_string(b.s));
	buf_reset(&b);
	date_fmt_iso(&b, date_today());
	json_set(o, "ingelezen", json_new_string(b.s));
	json_set(o, "bron", json_new_string(source));
	json_set(o, "bron_naam", json_new_string(imp->source));
	json_set(o, "rijen", json_new_number((double)imp->rows));
	for (i = 0; i < imp->n; i++) {
		json *d = json_new_object();

		buf_reset(&b);
		date_fmt_iso(&b, imp->v[i].day);
		json_set(d, "datum", json_new_string(b.s));
		json_set(d, "soort", json_new_string(timeline_kind_key(imp->v[i].kind)));
		json_set(d, "minuten", json_new_number((double)imp->v[i].minutes));
		if (imp->v[i].kind == TLK_LATE)
			json_set(d, "keer", json_new_number((double)imp->v[i].times));
		json_append(days, d);
	}
	json_set(o, "dagen", days);
	buf_release(&b);
	return o;
}

int cmd_verzuim(struct app *app, int argc, char **argv)
{
	const char *source = "algemeen", *encoding = NULL;
	bool wipe = false;
	const struct opt opts[] = {
		OPT_FLAG(0, "wis", &wipe, "de ingelezen registratie uit de casus halen"),
		OPT_STRING(0, "bron", &source, "NAAM", "de koppeling forms/verzuim/NAAM.ini (standaard: algemeen)"),
		OPT_STRING(0, "codering", &encoding, "CODERING", "utf-8 of latin-1, als de koppeling het anders zegt"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct absence_import imp = ABSENCE_IMPORT_INIT;
	struct buf rel = BUF_INIT;
	char *map = NULL;
	struct stat st;
	struct tm tm;
	int n, rc = -1, file_day;
	long minutes = 0;
	size_t i, ndays = 0;

	n = opt_parse(argc, argv, opts, "verzuim", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (wipe && n == 1)
		return wipe_import(app, argv[0]);
	if (n != 2 || wipe) {
		err_set(&app->err, EXIT_USAGE, "geef een casusbestand en een CSV-bestand op (zie 'dossier verzuim --help')");
		return -1;
	}
	if (!source_name_ok(source)) {
		err_set(&app->err, EXIT_USAGE, "--bron '%s': een naam uit forms/verzuim/ (kleine letters, cijfers, '-')", source);
		return -1;
	}
	buf_addf(&rel, "forms/verzuim/%s.ini", source);
	map = app_data_path(app, rel.s);
	if (stat(argv[1], &st)) {
		err_errno(&app->err, errno, "%s kan niet worden gelezen", argv[1]);
		goto out;
	}
	if (!localtime_r(&st.st_mtime, &tm)) {
		err_set(&app->err, EXIT_SYSTEM, "%s: de datum van het bestand is onleesbaar", argv[1]);
		goto out;
	}
	file_day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (!file_readable(map)) {
		err_set(&app->err, EXIT_USAGE, "geen koppeling '%s': %s ontbreekt (zie docs/verzuimexport.md)", source, rel.s);
		goto out;
	}
	if (csvimport_read(argv[1], argv[1], map, encoding, &imp, &app->err))
		goto out;
	if (casus_load_locked(&c, argv[0], &app->err) || app_setup_case(app, &c))
		goto out;
	if (casus_set(&c, "casus.verzuim.export", export_json(&imp, argv[1], source, file_day), &app->err))
		goto out;
	if (casus_save(&c, &app->err))
		goto out;
	for (i = 0; i < imp.n; i++) {
		minutes += imp.v[i].minutes;
		ndays += !i || imp.v[i].day != imp.v[i - 1].day;
	}
	printf("%zu rij%s uit %s ingelezen (%s): %zu dag%s met verzuim, %ld,%02ld uur; opgeslagen in %s.\n", imp.rows,
	       imp.rows == 1 ? "" : "en", argv[1], imp.source, ndays, ndays == 1 ? "" : "en", minutes / 60,
	       (minutes % 60) * 100 / 60, argv[0]);
	rc = 0;
out:
	free(map);
	buf_release(&rel);
	absence_import_release(&imp);
	casus_release(&c);
	return rc;
}
