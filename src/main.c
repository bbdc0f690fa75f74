/*
 * main.c - the command table and dispatch; nothing else.
 */
#include "app.h"
#include "cmd.h"
#include "err.h"
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "onbekend"
#endif

static const struct command {
	const char *name;
	cmd_fn fn;
	const char *summary;
} commands[] = {
	{ "nieuw", cmd_nieuw, "een nieuwe casus aanmaken" },
	{ "formulieren", cmd_formulieren, "de formulieren en hun velden tonen" },
	{ "invullen", cmd_invullen, "alle formulieren invullen, vraag voor vraag" },
	{ "zet", cmd_zet, "velden invullen vanaf de opdrachtregel of uit een bestand" },
	{ "toon", cmd_toon, "een casus als leesbare tekst tonen" },
	{ "controleer", cmd_controleer, "nagaan of het dossier compleet is voor zijn route" },
	{ "verzuim", cmd_verzuim, "de verzuimregistratie (CSV-export van de school) inlezen" },
	{ "tijdlijn", cmd_tijdlijn, "de weken van het verzuim en de stappen tot nu toe" },
	{ "maak", cmd_maak, "het dossier als één afdrukbare PDF maken" },
	{ "agenda", cmd_agenda, "één PDF voor een vergadering: agenda en dossiers" },
	{ "logboek", cmd_logboek, "wat er gedeeld is, met wie, wanneer en onder welke toestemming" },
	{ "web", cmd_web, "alles invullen in de browser, op deze computer" },
	{ "verwijder", cmd_verwijder, "een casus en zijn PDF's verwijderen (bewaartermijn voorbij)" },
	{ "instellingen", cmd_instellingen, "uw instellingen tonen; de gegevens van uw school invullen" },
};

static void usage(FILE *out)
{
	size_t i;

	fputs("Gebruik: dossier OPDRACHT [opties] [argumenten]\n"
	      "\n"
	      "Stelt het dossier samen voor het opschalen van schoolverzuim naar de\n"
	      "Adviestafel en de Doorbraaktafel: formulieren invullen, controleren op\n"
	      "volledigheid en één afdrukbare PDF maken.\n"
	      "\n"
	      "Opdrachten:\n", out);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Beginnen: 'dossier nieuw kenmerk.json', dan 'dossier invullen kenmerk.json'.\n"
	      "\n"
	      "Algemene opties (voor de opdracht):\n"
	      "  -h, --help        deze hulp; 'dossier OPDRACHT --help' voor een opdracht\n"
	      "  --versie          versie tonen\n"
	      "  --config BESTAND  een ander instellingenbestand (standaard: ~/.config/dossier/dossier.ini)\n"
	      "  --data MAP        voor beheerders: map met forms/, templates/ en fonts/ (standaard: naast het programma)\n"
	      "\n"
	      "Afsluitcodes: 0 gelukt (dossier volledig), 1 dossier onvolledig of ongeldig,\n"
	      "2 verkeerd gebruik, 3 bestands- of systeemfout.\n", out);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* Make a full disk or closed pipe on stdout an error, not a cut-off output. */
static int finish_stdout(int rc)
{
	if (fflush(stdout) || ferror(stdout)) {
		if (errno != EPIPE)
			fprintf(stderr, "dossier: uitvoer kon niet worden geschreven: %s\n", errno_nl(errno));
		return EXIT_SYSTEM;
	}
	return rc;
}

/*
 * A standard descriptor that was closed (`dossier zet ... >&-`) gets
 * /dev/null: otherwise the next file opened, a case file's temporary,
 * would become standard output and receive the program's messages.
 */
static void keep_std_fds(void)
{
	int fd;

	for (fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
			int n = open("/dev/null", fd ? O_WRONLY : O_RDONLY);

			if (n >= 0 && n != fd)
				close(n); /* cannot happen: the lowest free descriptor is fd */
		}
}

int main(int argc, char **argv)
{
	const char *data = NULL, *config = NULL;
	const struct command *cmd;
	struct app app;
	int i, rc;

	keep_std_fds();
	/* all text is UTF-8; line editing needs a UTF-8 locale to handle it */
	if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8"))
		setlocale(LC_CTYPE, "C.UTF-8");
	fileio_install_cleanup();
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--versie") || !strcmp(a, "--version")) {
			printf("dossier %s\n", DOSSIER_VERSION);
			return finish_stdout(EXIT_OK);
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "--hulp")) {
			usage(stdout);
			return finish_stdout(EXIT_OK);
		} else if ((!strcmp(a, "--data") || !strcmp(a, "--config")) && i + 1 < argc) {
			*(a[2] == 'd' ? &data : &config) = argv[++i];
		} else if (!strncmp(a, "--data=", 7)) {
			data = a + 7;
		} else if (!strncmp(a, "--config=", 9)) {
			config = a + 9;
		} else {
			fprintf(stderr, "dossier: onbekende optie '%s' (zie 'dossier --help')\n", a);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[i], "help") || !strcmp(argv[i], "hulp")) {
		if (i + 1 >= argc) {
			usage(stdout);
			return finish_stdout(EXIT_OK);
		}
		argv[i] = argv[i + 1];
		argv[i + 1] = "--help";
	}
	cmd = find_command(argv[i]);
	if (!cmd) {
		fprintf(stderr, "dossier: '%s' is geen opdracht (zie 'dossier --help')\n", argv[i]);
		return EXIT_USAGE;
	}
	if (app_init(&app, data, config)) {
		rc = -1;
	} else {
		rc = cmd->fn(&app, argc - i, argv + i);
	}
	if (rc < 0) {
		fflush(stdout);
		fprintf(stderr, "dossier: %s\n", app.err.msg.s);
		rc = app.err.code ? app.err.code : EXIT_SYSTEM;
	}
	app_release(&app);
	return finish_stdout(rc);
}
