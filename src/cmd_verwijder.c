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
 *
 * Rules (issue 12): a case named through a symbolic link is the file
 * behind it (and the link goes too); only regular files are deleted; an
 * attachment goes only with --met-bijlagen, and only when it is a PDF,
 * PNG or JPEG inside the case's own folder (its subfolders included) and
 * no other case in that folder names it; a PDF that is also one of the
 * case's attachments is never deleted as "a PDF made from it". Files are
 * compared as files (device and inode), not by name. What was removed is
 * listed afterwards, file by file.
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

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
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

struct victim {
	char *path;
	dev_t dev;
	ino_t ino;
};

struct victims {
	struct victim *v;
	size_t n, cap;
};

static bool in_list(const struct victims *vs, const struct stat *st)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].dev == st->st_dev && vs->v[i].ino == st->st_ino)
			return true;
	return false;
}

/* Add path when it is a regular file (not followed when it is a link) not yet listed. */
static void add_if_exists(struct victims *vs, const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || in_list(vs, &st))
		return;
	ARRAY_GROW(vs->v, vs->n, vs->cap);
	vs->v[vs->n].path = xstrdup(path);
	vs->v[vs->n].dev = st.st_dev;
	vs->v[vs->n].ino = st.st_ino;
	vs->n++;
}

static void free_victims(struct victims *vs)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		free(vs->v[i].path);
	free(vs->v);
	memset(vs, 0, sizeof(*vs));
}

/* Every value of a "bestand" field under definition f and value v, as paths. */
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

/* The attachment files a case names (regular files that exist). */
static void case_files(const struct app *app, const struct casus *c, struct victims *out)
{
	size_t i;

	for (i = 0; i < app->forms.n; i++)
		collect_files(c, &app->forms.forms[i].root, json_get(c->root, app->forms.forms[i].id), out);
}

/* Is path inside folder dir (both real paths)? */
static bool inside(const char *dir, const char *path)
{
	char *rp = realpath(path, NULL);
	size_t n = strlen(dir);
	bool r = rp && !strncmp(rp, dir, n) && (rp[n] == '/' || (n == 1 && dir[0] == '/'));

	free(rp);
	return r;
}

/* The other case files in dir that name one of the files in mine; in `shared` (names in `by`). */
static void shared_with_others(struct app *app, const char *dir, const char *self, const struct victims *mine,
			       struct victims *shared, struct buf *by)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat self_st;

	if (!d || stat(self, &self_st) != 0) {
		if (d)
			closedir(d);
		return;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name), i;
		struct casus other = CASUS_INIT;
		struct victims theirs = { NULL, 0, 0 };
		struct err e = ERR_INIT;
		struct stat st;
		char *p;

		if (len < 6 || strcmp(de->d_name + len - 5, ".json") || de->d_name[0] == '.')
			continue;
		p = path_join(dir, de->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && !(st.st_dev == self_st.st_dev && st.st_ino == self_st.st_ino) &&
		    casus_load(&other, p, &e) == 0) {
			case_files(app, &other, &theirs);
			for (i = 0; i < mine->n; i++) {
				struct stat m = { 0 };

				m.st_dev = mine->v[i].dev;
				m.st_ino = mine->v[i].ino;
				if (in_list(&theirs, &m) && !in_list(shared, &m)) {
					add_if_exists(shared, mine->v[i].path);
					buf_addf(by, "%s%s", by->len ? ", " : "", de->d_name);
				}
			}
		}
		free_victims(&theirs);
		casus_release(&other);
		err_release(&e);
		free(p);
	}
	closedir(d);
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
	struct victims vs = { NULL, 0, 0 }, atts = { NULL, 0, 0 };
	struct err load = ERR_INIT;
	struct buf out = BUF_INIT, kept = BUF_INIT, done = BUF_INIT;
	const char *link = NULL;
	char *real = NULL;
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
	if (lstat(argv[0], &st) == 0 && S_ISLNK(st.st_mode)) {
		/* the case is the file behind the link; the link goes with it */
		link = argv[0];
		real = realpath(argv[0], NULL);
		if (!real)
			return err_errno(&app->err, errno, "%s verwijst naar een casusbestand dat er niet is", argv[0]);
	} else {
		real = xstrdup(argv[0]);
	}
	if (stat(real, &st) != 0) {
		err_errno(&app->err, errno, "%s kan niet worden verwijderd", argv[0]);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(&app->err, EXIT_SYSTEM, "%s is geen gewoon bestand; alleen een casusbestand kan worden verwijderd",
			argv[0]);
		goto out;
	}
	add_if_exists(&vs, real);
	fileio_each_temp(real, add_temp, &vs);
	if (casus_load(&c, real, &load) == 0) {
		ref = casus_ref(&c);
		if (app_setup_case(app, &c) == 0) {
			case_files(app, &c, &atts);
		} else if (with_attachments) {
			goto out;
		} else {
			err_release(&app->err);
		}
	} else if (with_attachments) {
		err_set(&app->err, EXIT_SYSTEM, "%s; de bijlagen zijn daardoor niet bekend. Verwijder zonder --met-bijlagen, "
			"of ruim de bijlagen zelf op", load.msg.s);
		goto out;
	}
	/* the PDFs made from it, unless such a file is one of its attachments */
	for (i = 0; i < 2; i++) {
		struct stat ps;

		pdf = make_pdf_name(real, i == 1);
		if (lstat(pdf, &ps) == 0 && S_ISREG(ps.st_mode) && in_list(&atts, &ps))
			buf_addf(&kept, "  %s (dat is een bijlage van de casus)\n", pdf);
		else
			add_if_exists(&vs, pdf);
		free(pdf);
	}
	if (with_attachments) {
		char *dir = path_dirname(real), *rdir = realpath(dir, NULL);
		struct victims shared = { NULL, 0, 0 };
		struct buf by = BUF_INIT;

		shared_with_others(app, dir, real, &atts, &shared, &by);
		for (i = 0; i < atts.n; i++) {
			struct stat as = { 0 };
			enum file_kind k = file_sniff(atts.v[i].path);

			as.st_dev = atts.v[i].dev;
			as.st_ino = atts.v[i].ino;
			if (!rdir || !inside(rdir, atts.v[i].path))
				buf_addf(&kept, "  %s (buiten de map van de casus)\n", atts.v[i].path);
			else if (k != FILE_PDF && k != FILE_PNG && k != FILE_JPEG)
				buf_addf(&kept, "  %s (geen PDF, PNG of JPEG)\n", atts.v[i].path);
			else if (in_list(&shared, &as))
				buf_addf(&kept, "  %s (ook genoemd door een andere casus in de map: %s)\n", atts.v[i].path, by.s);
			else
				add_if_exists(&vs, atts.v[i].path);
		}
		free_victims(&shared);
		buf_release(&by);
		free(dir);
		free(rdir);
	}
	buf_addf(&out, "Casus %s: dit wordt verwijderd:\n", ref ? ref : argv[0]);
	for (i = 0; i < vs.n; i++)
		buf_addf(&out, "  %s\n", vs.v[i].path);
	if (link)
		buf_addf(&out, "  %s (de verwijzing naar de casus)\n", link);
	if (kept.len)
		buf_addf(&out, "Dit blijft staan:\n%s", kept.s);
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
	for (i = 0; i <= vs.n; i++) {
		const char *p = i < vs.n ? vs.v[i].path : link;

		if (!p)
			continue;
		if (unlink(p) == 0) {
			gone++;
			buf_addf(&done, "  %s\n", p);
		} else {
			if (!failed++)
				first_errno = errno;
			fprintf(stderr, "dossier: %s kan niet worden verwijderd: %s\n", p, errno_nl(errno));
		}
	}
	printf("%zu bestand%s verwijderd:\n%sKopieën elders (Onderwijs Transparant, afdrukken) ruimt u zelf op.\n", gone,
	       gone == 1 ? "" : "en", done.s);
	if (failed) {
		err_set(&app->err, EXIT_SYSTEM, "%zu bestand%s kon%s niet worden verwijderd (%s)", failed,
			failed == 1 ? "" : "en", failed == 1 ? "" : "den", errno_nl(first_errno));
		goto out;
	}
	rc = 0;
out:
	free_victims(&vs);
	free_victims(&atts);
	free(real);
	buf_release(&kept);
	buf_release(&done);
	buf_release(&out);
	err_release(&load);
	casus_release(&c);
	return rc;
}
