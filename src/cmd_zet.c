/*
 * cmd_zet.c - `dossier zet CASUS PAD=WAARDE ...`: set fields from the
 * command line or from an answers file, with the same checks as the
 * guided form. All or nothing: when one value is wrong, nothing is saved.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "edit.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "opt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier zet CASUS.json PAD=WAARDE ...\n"
	"       dossier zet CASUS.json --uit-bestand ANTWOORDEN.json\n"
	"\n"
	"Vult velden in zonder vragen, bijvoorbeeld vanuit een ander systeem of een\n"
	"script. Elke waarde wordt gecontroleerd zoals bij 'dossier invullen'; is er\n"
	"één fout, dan wordt niets opgeslagen.\n"
	"\n"
	"Voorbeelden:\n"
	"  dossier zet casus.json casus.leerling.voornaam=Zoë casus.leerling.geboortedatum=14-03-2017\n"
	"  dossier zet casus.json 'casus.ouders[1].naam=Eline Ünal-de Jonge' casus.ouders[1].gezag=ja\n"
	"  dossier zet casus.json offerte.regels[3].tarief='€ 48,75'\n"
	"  dossier zet casus.json voorblad.hoofdvraag=        (leeg: de waarde wordt gewist)\n"
	"  dossier zet casus.json --wis 'casus.ouders[2]'     (een hele regel of een formulier wissen)\n"
	"\n"
	"Een nummer dat één hoger is dan het aantal regels van een lijst, voegt een regel\n"
	"toe. 'dossier formulieren' toont alle paden. Een antwoordenbestand is een JSON-\n"
	"object van pad naar waarde: {\"casus.leerling.voornaam\": \"Zoë\", ...}.\n";

static int from_file(struct app *app, struct casus *c, const char *file, int *count)
{
	json *doc = NULL;
	const json *m;
	int r = -1;

	if (json_load_file(file, 16u << 20, &doc, &app->err))
		return -1;
	if (!json_is_object(doc)) {
		err_set(&app->err, EXIT_INVALID, "%s: verwacht een JSON-object van pad naar waarde", file);
		goto out;
	}
	for (m = json_first(doc); m; m = json_next(m)) {
		if (edit_set_json(app, c, json_key(m), m, &app->err)) {
			err_prefix(&app->err, "%s", file);
			goto out;
		}
		(*count)++;
	}
	r = 0;
out:
	json_free(doc);
	return r;
}

int cmd_zet(struct app *app, int argc, char **argv)
{
	const char *answers = NULL;
	struct opt_list wipe = { NULL, 0, 0 };
	const struct opt opts[] = {
		OPT_STRING(0, "uit-bestand", &answers, "ANTWOORDEN.json", "waarden uit een JSON-bestand {\"pad\": waarde, ...}"),
		OPT_LIST(0, "wis", &wipe, "PAD", "wis een waarde, een regel van een lijst of een heel formulier (mag vaker)"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	int n, i, count = 0, rc = -1;

	n = opt_parse(argc, argv, opts, "zet", usage, &app->err);
	if (n == OPT_HELP) {
		rc = 0;
		goto out;
	}
	if (n < 0)
		goto out;
	if (n < 1 || (n == 1 && !answers && !wipe.n)) {
		err_set(&app->err, EXIT_USAGE, "geef een casusbestand en minstens één PAD=WAARDE (zie 'dossier zet --help')");
		goto out;
	}
	/* the lock is held from before the load until the release: no lost update */
	if (casus_load_locked(&c, argv[0], &app->err) || app_setup_case(app, &c))
		goto out;
	for (i = 0; i < (int)wipe.n; i++) {
		struct err probe = ERR_INIT;

		if (!strncmp(wipe.v[i], "dossier", 7)) {
			err_set(&app->err, EXIT_USAGE, "de gegevens van het dossier zelf kunnen niet worden gewist");
			goto out;
		}
		if (!formset_field(&app->forms, wipe.v[i], &probe)) {
			err_set(&app->err, probe.code, "%s", probe.msg.s);
			err_release(&probe);
			goto out;
		}
		err_release(&probe);
		if (casus_set(&c, wipe.v[i], NULL, &app->err))
			goto out;
		count++;
	}
	if (answers && from_file(app, &c, answers, &count))
		goto out;
	for (i = 1; i < n; i++) {
		char *eq = strchr(argv[i], '=');
		char *path;
		int r;

		if (!eq || eq == argv[i]) {
			err_set(&app->err, EXIT_USAGE, "'%s': schrijf PAD=WAARDE, bijvoorbeeld casus.leerling.voornaam=Zoë", argv[i]);
			goto out;
		}
		path = xstrndup(argv[i], (size_t)(eq - argv[i]));
		r = edit_set_text(app, &c, path, eq + 1, &app->err);
		free(path);
		if (r)
			goto out;
		count++;
	}
	if (casus_save(&c, &app->err))
		goto out;
	printf("%d veld%s opgeslagen in %s.\n", count, count == 1 ? "" : "en", argv[0]);
	rc = 0;
out:
	if (rc && app->err.code)
		err_prefix(&app->err, "niets opgeslagen");
	opt_list_release(&wipe);
	casus_release(&c);
	return rc;
}
