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
#include "term.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

static char *pdf_name(const char *casus, bool anonymous)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(casus);

	if (len > 5 && !strcmp(casus + len - 5, ".json"))
		len -= 5;
	buf_add(&b, casus, len);
	buf_adds(&b, anonymous ? "-anoniem.pdf" : ".pdf");
	return buf_detach(&b, NULL);
}

/* Make one PDF and write it; returns the exit code of this case. */
static int make_one(struct app *app, const char *casus, const char *out, const struct make_opts *o,
		    struct make_result *res)
{
	struct buf pdf = BUF_INIT;
	int rc = 0;

	if (make_dossier(app, casus, o, &pdf, res) || file_write_atomic(out, pdf.s, pdf.len, &app->err))
		rc = app->err.code ? app->err.code : EXIT_SYSTEM;
	res->bytes = pdf.len;
	buf_release(&pdf);
	return rc;
}

static const char *base_of(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* ---- batch -------------------------------------------------------------- */

struct job {
	const char *casus;
	char *out;
	int rc;
	char *msg;
};

static void worker(struct app *app, struct job *jobs, int n, int k, int nworkers, const struct make_opts *base,
		   int fd)
{
	int i;

	for (i = k; i < n; i += nworkers) {
		struct make_opts o = *base;
		struct make_result res;
		struct buf line = BUF_INIT;
		int rc;
		size_t p;

		o.casus_arg = jobs[i].casus;
		rc = make_one(app, jobs[i].casus, jobs[i].out, &o, &res);
		buf_addf(&line, "%d\t%d\t", i, rc);
		if (rc) {
			for (p = 0; p < app->err.msg.len; p++)
				buf_addch(&line, app->err.msg.s[p] == '\n' ? ' ' : app->err.msg.s[p]);
		} else {
			buf_addf(&line, "%zu", res.pages);
		}
		buf_addch(&line, '\n');
		if (write(fd, line.s, line.len) != (ssize_t)line.len)
			_exit(EXIT_SYSTEM);
		buf_release(&line);
		make_result_release(&res);
		err_release(&app->err);
	}
}

static int batch(struct app *app, char **cases, int n, const char *dir, const struct make_opts *o, int nworkers,
		 bool quiet)
{
	struct job *jobs = xcalloc((size_t)n, sizeof(*jobs));
	pid_t *pids;
	int pfd[2], i, k, done = 0, worst = 0, failed = 0;
	struct stat st;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	bool tty = isatty(STDOUT_FILENO) && !quiet;

	if (stat(dir, &st) < 0) {
		if (errno != ENOENT || mkdir(dir, 0700) < 0) {
			err_errno(&app->err, errno, "map %s kan niet worden gemaakt", dir);
			free(jobs);
			return -1;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		free(jobs);
		return err_set(&app->err, EXIT_USAGE, "%s is geen map; met meer casussen wijst -o naar een map", dir);
	}
	for (i = 0; i < n; i++) {
		char *name = pdf_name(base_of(cases[i]), o->anonymous);

		jobs[i].casus = cases[i];
		jobs[i].out = path_join(dir, name);
		free(name);
		for (k = 0; k < i; k++)
			if (!strcmp(jobs[k].out, jobs[i].out)) {
				err_set(&app->err, EXIT_USAGE, "%s en %s zouden allebei %s worden; geef ze verschillende namen",
					jobs[k].casus, jobs[i].casus, jobs[i].out);
				goto out;
			}
	}
	if (nworkers > n)
		nworkers = n;
	if (pipe(pfd) < 0) {
		err_errno(&app->err, errno, "pijp voor de werkprocessen");
		goto out;
	}
	pids = xcalloc((size_t)nworkers, sizeof(*pids));
	fflush(stdout);
	fflush(stderr);
	for (k = 0; k < nworkers; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			close(pfd[0]);
			worker(app, jobs, n, k, nworkers, o, pfd[1]);
			close(pfd[1]);
			exit(0);
		}
		if (pids[k] < 0) {
			err_errno(&app->err, errno, "werkproces starten");
			nworkers = k;
			break;
		}
	}
	close(pfd[1]);
	in = fdopen(pfd[0], "r");
	while (in && getline(&line, &cap, in) > 0) {
		char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		int idx = (int)strtol(line, NULL, 10), rc;

		if (!tab2 || idx < 0 || idx >= n)
			continue;
		rc = (int)strtol(tab1 + 1, NULL, 10);
		tab2[strcspn(tab2, "\n")] = '\0';
		jobs[idx].rc = rc;
		done++;
		if (rc) {
			jobs[idx].msg = xstrdup(tab2 + 1);
			failed++;
			if (rc > worst)
				worst = rc;
			if (tty)
				printf("\r\033[K");
			fprintf(stderr, "dossier: %s: %s\n", jobs[idx].casus, jobs[idx].msg);
		}
		if (tty) {
			printf("\r\033[K[%d/%d] %s", done, n, base_of(jobs[idx].out));
			fflush(stdout);
		}
	}
	if (in)
		fclose(in);
	free(line);
	for (k = 0; k < nworkers; k++) {
		int status;

		if (waitpid(pids[k], &status, 0) > 0 && (!WIFEXITED(status) || WEXITSTATUS(status)))
			worst = EXIT_SYSTEM;
	}
	free(pids);
	if (done < n && worst < EXIT_SYSTEM)
		worst = EXIT_SYSTEM;
	if (tty)
		printf("\r\033[K");
	if (!quiet)
		printf("%d van de %d dossiers gemaakt in %s/%s\n", done - failed, n, dir,
		       failed ? "; zie de meldingen hierboven" : "");
	if (worst)
		err_set(&app->err, worst, "%d dossier%s niet gemaakt", n - (done - failed), n - (done - failed) == 1 ? "" : "s");
out:
	for (i = 0; i < n; i++) {
		free(jobs[i].out);
		free(jobs[i].msg);
	}
	free(jobs);
	return app->err.code ? -1 : 0;
}

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
		return batch(app, argv, n, out_arg, &o, (int)j, quiet);
	}
	o.casus_arg = argv[0];
	out = out_arg ? xstrdup(out_arg) : pdf_name(argv[0], o.anonymous);
	rc = make_one(app, argv[0], out, &o, &res);
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
