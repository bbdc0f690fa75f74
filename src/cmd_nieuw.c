/*
 * cmd_nieuw.c - `dossier nieuw CASUS`: create an empty case file.
 *
 * The case gets a reference that is not the child's name (region prefix,
 * year, four random characters), the region and route, and the school's
 * details from the user's configuration, so a school types them once.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "field.h"
#include "ini.h"
#include "json.h"
#include "mem.h"
#include "opt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier nieuw CASUS.json [--regio REGIO] [--route ROUTE] [--kenmerk KENMERK]\n"
	"\n"
	"Maakt een nieuw, leeg casusbestand. Het bestand is alleen voor u leesbaar.\n"
	"Vul het daarna in met 'dossier invullen CASUS.json'.\n"
	"\n"
	"Routes: adviestafel (aanmelding bij het loket), doorbraak-spoor1 (na het advies\n"
	"van de Adviestafel) en doorbraak-spoor2 (de Adviestafel stelt direct opschalen voor).\n";

static void make_ref(const struct app *app, struct buf *out)
{
	static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	const char *prefix = profile_get(&app->prof, "regio", "kenmerk");
	unsigned char rnd[4];
	int y, m, d;
	size_t i;

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		unsigned long x = (unsigned long)getpid() * 2654435761u ^ (unsigned long)date_today();

		for (i = 0; i < sizeof(rnd); i++, x >>= 8)
			rnd[i] = (unsigned char)x;
	}
	date_to_ymd(date_today(), &y, &m, &d);
	buf_addf(out, "%s-%d-", prefix && *prefix ? prefix : "CASUS", y);
	for (i = 0; i < sizeof(rnd); i++)
		buf_addch(out, alphabet[rnd[i] % 32]);
}

/* Copy [school] from the user's configuration into casus.school. */
static int prefill_school(struct app *app, struct casus *c, int *count)
{
	const struct ini *ini = app->cfg.ini;
	size_t i, n = ini_nkeys(ini, "school");
	struct buf path = BUF_INIT, msg = BUF_INIT;
	struct field_ctx ctx = { c->dir, date_today() };

	for (i = 0; i < n; i++) {
		const char *k = ini_key(ini, "school", i), *v = ini_get(ini, "school", k);
		const struct field *f;
		struct err ignore = ERR_INIT;
		json *val = NULL;

		buf_reset(&path);
		buf_addf(&path, "casus.school.%s", k);
		f = formset_field(&app->forms, path.s, &ignore);
		err_release(&ignore);
		if (!f) {
			err_set(&app->err, EXIT_SYSTEM, "%s: [school] %s: dit veld bestaat niet (zie 'dossier formulieren casus')",
				app->cfg.path, k);
			goto fail;
		}
		if (!v || !*v)
			continue;
		buf_reset(&msg);
		if (f->type->parse(f, v, &ctx, &val, &msg)) {
			err_set(&app->err, EXIT_SYSTEM, "%s: [school] %s = %s: %s", app->cfg.path, k, v, msg.s);
			goto fail;
		}
		if (casus_set(c, path.s, val, &app->err))
			goto fail;
		(*count)++;
	}
	buf_release(&path);
	buf_release(&msg);
	return 0;
fail:
	buf_release(&path);
	buf_release(&msg);
	return -1;
}

int cmd_nieuw(struct app *app, int argc, char **argv)
{
	const char *region = NULL, *route = NULL, *ref = NULL;
	const struct opt opts[] = {
		OPT_STRING('r', "regio", &region, "REGIO", "regio (standaard uit de instellingen, anders den-haag)"),
		OPT_STRING(0, "route", &route, "ROUTE", "adviestafel, doorbraak-spoor1 of doorbraak-spoor2"),
		OPT_STRING('k', "kenmerk", &ref, "KENMERK", "eigen casuskenmerk (niet de naam van het kind)"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct buf genref = BUF_INIT;
	struct stat st;
	int n, prefilled = 0, rc = -1;

	n = opt_parse(argc, argv, opts, "nieuw", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1) {
		err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier nieuw --help')");
		return -1;
	}
	if (lstat(argv[0], &st) == 0) {
		err_set(&app->err, EXIT_USAGE, "%s bestaat al; kies een andere naam (een bestaande casus wordt nooit overschreven)",
			argv[0]);
		return -1;
	}
	if (errno != ENOENT) {
		err_errno(&app->err, errno, "%s kan niet worden aangemaakt", argv[0]);
		return -1;
	}
	if (app_setup(app, region))
		return -1;
	if (!route && (route = config_get(&app->cfg, "standaard", "route"))) {
		if (!app_route(app, NULL, route)) {
			app_err_where(app, app->cfg.ini, "standaard", "route");
			return -1;
		}
	}
	if (!route)
		route = "adviestafel";
	if (!app_route(app, NULL, route))
		return -1;
	if (ref && (!*ref || strlen(ref) > 40 || strpbrk(ref, "/\\\n\t"))) {
		err_set(&app->err, EXIT_USAGE, "een kenmerk heeft 1 tot 40 tekens, zonder / of regeleinden");
		return -1;
	}
	if (!ref) {
		make_ref(app, &genref);
		ref = genref.s;
	}
	casus_create(&c, argv[0], ref, app->prof.id, route);
	if (prefill_school(app, &c, &prefilled) || casus_save_new(&c, &app->err))
		goto out;
	printf("Nieuwe casus aangemaakt: %s\n", argv[0]);
	printf("  kenmerk  %s\n  regio    %s\n  route    %s\n", ref, app->prof.name, app_route_name(app, route));
	if (prefilled)
		printf("  school   %d gegevens overgenomen uit %s\n", prefilled, app->cfg.path);
	else
		printf("\nTip: zet de gegevens van uw school eenmalig in uw instellingen met\n"
		       "'dossier instellingen school'; dan staan ze in elke nieuwe casus.\n");
	printf("\nVul de casus in met:  dossier invullen %s\n", argv[0]);
	rc = 0;
out:
	buf_release(&genref);
	casus_release(&c);
	return rc;
}
