/*
 * cmd_maak.c - `dossier maak CASUS...`: the printable PDF dossier.
 *
 * One case: the PDF goes next to the case file (or to -o). Several cases:
 * a batch into the folder given with -o, shared over the processor cores
 * (one worker process per core, -j to choose), with progress on the
 * terminal. Every PDF is written atomically with mode 0600: an existing
 * file is replaced only when its new version is complete.
 */
#include "app.h"
#include "buf.h"
#include "cmd.h"
#include "fileio.h"
#include "make.h"
#include "mem.h"
#include "opt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier maak CASUS.json [-o UIT.pdf] [--concept] [--anoniem] [--zonder-bijlagen]\n"
	"       dossier maak CASUS.json... -o MAP/ [-j AANTAL]\n"
	"\n"
	"Maakt één afdrukbare PDF met het voorblad, een inhoudsopgave, de formulieren\n"
	"van de route, de controlelijst, de tijdlijn en de bijlagen (PDF's pagina voor\n"
	"pagina, scans als pagina). Een onvolledig dossier wordt geweigerd, tenzij u\n"
	"--concept opgeeft: dan staat op elke pagina 'CONCEPT – onvolledig'.\n"
	"\n"
	"Zonder -o komt de PDF naast het casusbestand (casus.json -> casus.pdf).\n"
	"Met meer casussen komen de PDF's in de map van -o, gemaakt op alle\n"
	"processorkernen tegelijk.\n";

int cmd_maak(struct app *app, int argc, char **argv)
{
	const char *out_arg = NULL, *jobs_arg = NULL;
	bool quiet = false;
	struct make_opts o;
	const struct opt opts[] = {
		OPT_STRING('o', "uit", &out_arg, "UIT.pdf", "waar de PDF komt (standaard naast het casusbestand); bij meer casussen een map"),
		OPT_FLAG(0, "concept", &o.concept, "ook een onvolledig dossier maken, met 'CONCEPT – onvolledig' op elke pagina"),
		OPT_FLAG(0, "anoniem", &o.anonymous, "kopie met initialen, zonder contactgegevens, geboortedatum en bijlagen"),
		OPT_FLAG(0, "zonder-bijlagen", &o.no_attachments, "alleen de formulieren; de bijlagen worden genoemd, niet opgenomen"),
		OPT_FLAG(0, "met-logboek", &o.with_log, "het logboek (wat eerder gedeeld is) in de controlelijst afdrukken"),
		OPT_STRING(0, "sjabloon", &o.tmpl, "NAAM", "opmaak uit templates/NAAM.ini (standaard: standaard)"),
		OPT_STRING(0, "route", &o.route, "ROUTE", "maak het dossier voor deze route in plaats van die van de casus"),
		OPT_STRING('j', "taken", &jobs_arg, "AANTAL", "aantal werkprocessen bij meer casussen (standaard: aantal kernen)"),
		OPT_FLAG('q', "stil", &quiet, "geen samenvatting tonen"),
		OPT_END(),
	};
	struct make_result res;
	char *out = NULL;
	int n, rc;

	memset(&o, 0, sizeof(o));
	n = opt_parse(argc, argv, opts, "maak", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n < 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op, of meer met -o MAP (zie 'dossier maak --help')");
		return -1;
	}
	if (n > 1) {
		long j = sysconf(_SC_NPROCESSORS_ONLN);

		if (!out_arg) {
			err_set(&app->err, EXIT_USAGE, "met meer casussen is -o MAP nodig: de map voor de PDF's");
			return -1;
		}
		if (jobs_arg) {
			char *end;

			j = strtol(jobs_arg, &end, 10);
			if (*end || j < 1 || j > 64) {
				err_set(&app->err, EXIT_USAGE, "-j verwacht een aantal van 1 tot 64");
				return -1;
			}
		}
		if (j < 1)
			j = 1;
		if (j > 16)
			j = 16;
		return make_batch(app, argv, n, out_arg, &o, (int)j, quiet);
	}
	o.casus_arg = argv[0];
	out = out_arg ? xstrdup(out_arg) : make_pdf_name(argv[0], o.anonymous);
	rc = make_file(app, argv[0], out, &o, &res);
	if (!rc && !quiet) {
		printf("Dossier gemaakt: %s\n", out);
		printf("  %zu pagina's (%zu opgemaakt, %zu uit PDF-bijlagen), %.0f kB%s%s\n", res.pages, res.rendered,
		       res.inserted, res.bytes / 1024.0, o.concept && res.errors ? ", CONCEPT" : "",
		       o.anonymous ? ", geanonimiseerd" : "");
		if (res.errors)
			printf("  Let op: %zu punt%s nog niet in orde; zie 'dossier controleer %s'.\n", res.errors,
			       res.errors == 1 ? "" : "en", argv[0]);
	}
	make_result_release(&res);
	free(out);
	return rc ? -1 : 0;
}
