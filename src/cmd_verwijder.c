/*
 * cmd_verwijder.c - `dossier verwijder CASUS`: delete a case when its
 * retention period is over, with the PDFs made from it and, on request,
 * the attachment files it refers to.
 *
 * What counts as an attachment comes from the form definitions (every
 * field of type "bestand"), not from C. The list of files is shown first;
 * on a terminal the user confirms by typing the case reference, from a
 * script --ja is needed. A case file that cannot be read is still deleted
 * (it is then the only file we know of).
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "fileio.h"
#include "form.h"
#include "json.h"
#include "make.h"
#include "mem.h"
#include "opt.h"
#include "prompt.h"
#include "term.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier verwijder CASUS.json [--met-bijlagen] [--ja]\n"
	"\n"
	"Verwijdert een casus als de bewaartermijn voorbij is: het casusbestand, de\n"
	"PDF's die ervan gemaakt zijn (casus.pdf, casus-anoniem.pdf) en achtergebleven\n"
	"tijdelijke bestanden. Met --met-bijlagen ook de bijlagen waarnaar de casus\n"
	"verwijst (OPP, verzuimregistratie, scans). Eerst ziet u wat er verwijderd wordt;\n"
	"u bevestigt door het kenmerk van de casus te typen. Zonder terminal (in een\n"
	"script) is --ja nodig.\n"
	"\n"
	"Kopieën elders (Onderwijs Transparant, afdrukken, andere mappen) verwijdert\n"
	"dossier niet: die ruimt u zelf op.\n";

struct victims {
	char **v;
	size_t n, cap;
};

static void add_victim(struct victims *vs, const char *path)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (!strcmp(vs->v[i], path))
			return;
	ARRAY_GROW(vs->v, vs->n, vs->cap);
	vs->v[vs->n++] = xstrdup(path);
}

static void add_if_exists(struct victims *vs, const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		add_victim(vs, path);
}

/* Every value of a "bestand" field under definition f and value v. */
static void collect_files(const struct casus *c, const struct field *f, const json *v, struct victims *vs)
{
	size_t i;

	if (!v)
		return;
	switch (f->type->kind) {
	case FT_BESTAND:
		if (json_str(v) && *json_str(v)) {
			char *p = casus_file_path(c, json_str(v));

			add_if_exists(vs, p);
			free(p);
		}
		break;
	case FT_GROEP:
		for (i = 0; i < f->nsub; i++)
			collect_files(c, &f->sub[i], json_get(v, f->sub[i].key), vs);
		break;
	case FT_LIJST: {
		const json *it;
		struct field item = *f;

		/* a list's items have the list's sub-fields, like a groep */
		item.type = ftype_find("groep");
		for (it = json_first(v); it; it = json_next(it))
			collect_files(c, &item, it, vs);
		break;
	}
	default:
		break;
	}
}

static void add_temp(const char *tmp, const char *tag, long pid, void *ctx)
{
	(void)tag, (void)pid;
	add_if_exists(ctx, tmp);
}

/* Ask for the case reference on a terminal; true when it was typed. */
static bool confirmed(const char *ref)
{
	struct prompt *pr = prompt_open();
	struct buf answer = BUF_INIT, q = BUF_INIT;
	bool ok = false;

	if (prompt_interactive(pr)) {
		buf_addf(&q, "\nTyp het kenmerk (%s) om te verwijderen, of Enter om te stoppen:\n", ref);
		prompt_say(q.s);
		if (prompt_read(pr, "> ", &answer) == 0) {
			buf_trim(&answer);
			ok = !strcmp(answer.s, ref);
		}
	}
	prompt_close(pr);
	buf_release(&answer);
	buf_release(&q);
	return ok;
}

int cmd_verwijder(struct app *app, int argc, char **argv)
{
	bool with_attachments = false, yes = false;
	const struct opt opts[] = {
		OPT_FLAG(0, "met-bijlagen", &with_attachments, "ook de bijlagen waarnaar de casus verwijst"),
		OPT_FLAG(0, "ja", &yes, "niet om bevestiging vragen (voor scripts)"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct victims vs = { NULL, 0, 0 };
	struct err load = ERR_INIT;
	struct buf out = BUF_INIT;
	const char *ref = NULL;
	size_t i, gone = 0, failed = 0;
	int n, rc = -1, first_errno = 0;
	char *pdf;
	struct stat st;

	n = opt_parse(argc, argv, opts, "verwijder", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n != 1)
		return err_set(&app->err, EXIT_USAGE, "geef precies één casusbestand op (zie 'dossier verwijder --help')");
	if (stat(argv[0], &st) != 0)
		return err_errno(&app->err, errno, "%s kan niet worden verwijderd", argv[0]);
	if (!S_ISREG(st.st_mode))
		return err_set(&app->err, EXIT_SYSTEM, "%s is geen gewoon bestand; alleen een casusbestand kan worden verwijderd",
			       argv[0]);
	add_victim(&vs, argv[0]);
	pdf = make_pdf_name(argv[0], false);
	add_if_exists(&vs, pdf);
	free(pdf);
	pdf = make_pdf_name(argv[0], true);
	add_if_exists(&vs, pdf);
	free(pdf);
	fileio_each_temp(argv[0], add_temp, &vs);
	if (casus_load(&c, argv[0], &load) == 0) {
		ref = casus_ref(&c);
		if (with_attachments && app_setup_case(app, &c) == 0) {
			for (i = 0; i < app->forms.n; i++) {
				const struct form *f = &app->forms.forms[i];

				collect_files(&c, &f->root, json_get(c.root, f->id), &vs);
			}
		} else if (with_attachments) {
			goto out;
		}
	} else if (with_attachments) {
		err_set(&app->err, EXIT_SYSTEM, "%s; de bijlagen zijn daardoor niet bekend. Verwijder zonder --met-bijlagen, "
			"of ruim de bijlagen zelf op", load.msg.s);
		goto out;
	}
	buf_addf(&out, "Casus %s: dit wordt verwijderd:\n", ref ? ref : argv[0]);
	for (i = 0; i < vs.n; i++)
		buf_addf(&out, "  %s\n", vs.v[i]);
	if (!with_attachments)
		buf_adds(&out, "De bijlagen blijven staan (verwijder ze mee met --met-bijlagen).\n");
	fwrite(out.s, 1, out.len, stdout);
	fflush(stdout);
	if (!yes && !isatty(STDIN_FILENO)) {
		err_set(&app->err, EXIT_USAGE, "er is niets verwijderd: zonder terminal is --ja nodig om te bevestigen");
		goto out;
	}
	if (!yes && !confirmed(ref ? ref : path_basename(argv[0]))) {
		printf("Er is niets verwijderd.\n");
		rc = 0;
		goto out;
	}
	for (i = 0; i < vs.n; i++) {
		if (unlink(vs.v[i]) == 0) {
			gone++;
		} else {
			if (!failed++)
				first_errno = errno;
			fprintf(stderr, "dossier: %s kan niet worden verwijderd: %s\n", vs.v[i], errno_nl(errno));
		}
	}
	printf("%zu bestand%s verwijderd.\nKopieën elders (Onderwijs Transparant, afdrukken) ruimt u zelf op.\n", gone,
	       gone == 1 ? "" : "en");
	if (failed) {
		err_set(&app->err, EXIT_SYSTEM, "%zu bestand%s kon%s niet worden verwijderd (%s)", failed,
			failed == 1 ? "" : "en", failed == 1 ? "" : "den", errno_nl(first_errno));
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < vs.n; i++)
		free(vs.v[i]);
	free(vs.v);
	buf_release(&out);
	err_release(&load);
	casus_release(&c);
	return rc;
}
