/*
 * make.c - the whole PDF pipeline for one case (see make.h).
 *
 * Order: load and check the case; refuse an incomplete one unless a
 * concept was asked; look at the attachment files (page counts, image
 * sizes) so the layout knows what comes; compose and lay out the pages;
 * draw them; merge the attached PDFs. Nothing is written to disk here.
 */
#include "make.h"
#include "app.h"
#include "anon.h"
#include "attach.h"
#include "buf.h"
#include "casus.h"
#include "compose.h"
#include "date.h"
#include "fileio.h"
#include "glyphs.h"
#include "finding.h"
#include "json.h"
#include "mem.h"
#include "migrate.h"
#include "render.h"
#include "rules.h"
#include "sharelog.h"
#include "template.h"
#include "words.h"
#include "timeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

static void release_atts(struct att *a, size_t n)
{
	size_t i;

	for (i = 0; a && i < n; i++) {
		free(a[i].title);
		free(a[i].kind);
		free(a[i].kind_label);
		free(a[i].path);
		free(a[i].stored);
		free(a[i].date);
	}
	free(a);
}

/* Look at an attachment file; an unusable one is an error, or in a concept left out. */
static int probe(struct app *app, struct pdf *pdf, struct att *a, bool concept, bool *keep)
{
	struct err e = ERR_INIT;
	struct file_info fi;
	int r = 0;

	*keep = true;
	if (!a->shared)
		return 0;
	file_probe(a->path, &fi);
	switch (fi.kind) {
	case FILE_PDF:
		a->is_pdf = true;
		if ((r = attach_count_pages(a->path, &a->npages, &e)))
			err_prefix(&e, "bijlage '%s'", a->title);
		break;
	case FILE_PNG: case FILE_JPEG:
		if ((r = pdf_image_size(pdf, a->path, &a->img_w, &a->img_h, &e)))
			err_prefix(&e, "bijlage '%s'", a->title);
		break;
	case FILE_MISSING:
		r = err_set(&e, EXIT_INVALID, "bijlage '%s': het bestand %s bestaat niet", a->title, a->stored);
		break;
	case FILE_EMPTY:
		r = err_set(&e, EXIT_INVALID, "bijlage '%s': het bestand %s is leeg", a->title, a->stored);
		break;
	case FILE_UNREADABLE:
		if (fi.errnum)
			r = err_errno(&e, fi.errnum, "bijlage '%s': het bestand %s kan niet worden gelezen", a->title, a->stored);
		else
			r = err_set(&e, EXIT_INVALID, "bijlage '%s': %s is geen gewoon bestand", a->title, a->stored);
		break;
	default:
		r = err_set(&e, EXIT_INVALID, "bijlage '%s': %s is geen PDF, PNG of JPEG", a->title, a->stored);
		break;
	}
	if (r && concept) {
		fprintf(stderr, "dossier: let op: %s; niet opgenomen in het concept.\n", e.msg.s);
		*keep = false;
		r = 0;
	} else if (r) {
		err_set(&app->err, e.code, "%s", e.msg.s);
	}
	err_release(&e);
	return r;
}

static int find_atts(struct app *app, const struct casus *c, struct pdf *pdf, bool concept, bool look,
		     struct att **out, size_t *n)
{
	const json *list = json_get(c->root, "bijlagen"), *it, *scan;
	const json *consents = json_get(c->root, "toestemming");
	const struct field *kind = formset_field(&app->forms, "bijlagen.soort", &app->err);
	struct att *a = xcalloc(json_len(list) + json_len(consents) + 1, sizeof(*a));
	size_t k = 0, rec = 0;
	bool keep;

	*out = a;
	*n = 0;
	for (it = json_first(list); it; it = json_next(it)) {
		const char *file = json_get_str(it, "bestand"), *soort = json_get_str(it, "soort");
		const struct choice *ch = kind && soort ? field_choice(kind, soort) : NULL;

		if (!file || !*file)
			continue;
		a[k].title = xstrdup(json_get_str(it, "titel") ? json_get_str(it, "titel") : "zonder titel");
		a[k].kind = xstrdup(soort ? soort : "anders");
		a[k].kind_label = xstrdup(ch ? ch->label : "document");
		a[k].stored = xstrdup(file);
		a[k].path = casus_file_path(c, file);
		a[k].date = json_get_str(it, "datum") ? xstrdup(json_get_str(it, "datum")) : NULL;
		a[k].shared = json_bool(json_get(it, "gedeeld"));
		*n = ++k;
		if (!look)
			continue;
		if (probe(app, pdf, &a[k - 1], concept, &keep))
			return -1;
		if (!keep)
			a[k - 1].shared = false;
	}
	for (it = json_first(consents); it; it = json_next(it)) {
		rec++;
		scan = json_get(it, "scan");
		if (!json_is_string(scan) || !*json_str(scan))
			continue;
		a[k].title = xstrdup("Ondertekende toestemming");
		a[k].kind = xstrdup("toestemming");
		a[k].kind_label = xstrdup("scan van de toestemming");
		a[k].stored = xstrdup(json_str(scan));
		a[k].path = casus_file_path(c, json_str(scan));
		a[k].shared = true;
		a[k].consent_scan = true;
		a[k].consent_record = rec;
		*n = ++k;
		if (look) {
			if (probe(app, pdf, &a[k - 1], concept, &keep))
				return -1;
			if (!keep)
				a[k - 1].shared = false;
		}
	}
	return 0;
}

static long long creation_time(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);

		if (!*end && v >= 0)
			return v;
	}
	return (long long)time(NULL);
}

/* Replace the personal values in b (the anonymised copy). */
static void anonymise_text(const struct anon *an, struct buf *b)
{
	struct buf t = BUF_INIT;

	anon_apply(an, b->s, &t);
	buf_sets(b, t.s);
	buf_release(&t);
}

void make_result_release(struct make_result *r)
{
	free(r->ref);
	free(r->route_name);
	free(r->table);
	free(r->school);
	json_free(r->log);
	memset(r, 0, sizeof(*r));
}

/* What went into this dossier, for the sharing log: the documents present and the attachments included. */
static json *log_entry(struct app *app, const struct casus *c, const struct route *r, const struct make_opts *o,
		       const struct att *atts, size_t natts, int today)
{
	struct check_input in = { &app->rules, &app->forms, c, r->id, casus_region(c), today, NULL };
	json *e = sharelog_entry(o->meeting ? "agenda" : "maak", r, c->root, today, o->anonymous, o->concept,
				 o->no_attachments, o->meeting);
	size_t i;

	for (i = 0; i < r->ndocs; i++) {
		const struct form *f = formset_get(&app->forms, r->docs[i]);

		if (f && rules_doc_present(&in, f->id))
			sharelog_add_doc(e, f->title);
	}
	for (i = 0; i < natts && !o->anonymous && !o->no_attachments; i++)
		if (atts[i].shared)
			sharelog_add_doc(e, atts[i].title);
	return e;
}

int make_dossier(struct app *app, const char *path, const struct make_opts *o, struct buf *pdfbytes,
		 struct make_result *res)
{
	struct casus c = CASUS_INIT;
	struct findings fs = FINDINGS_INIT;
	struct tmpl t = TMPL_INIT;
	struct timeline tl = TIMELINE_INIT;
	struct ldoc doc = LDOC_INIT;
	struct buf hl = BUF_INIT, hr = BUF_INIT, fl = BUF_INIT, fr = BUF_INIT, fa = BUF_INIT;
	struct buf title = BUF_INIT, subject = BUF_INIT, mark = BUF_INIT;
	struct pdf *pdf = NULL;
	struct att *atts = NULL;
	size_t natts = 0, i;
	const struct route *r;
	const char *arg = o->casus_arg ? o->casus_arg : path;
	const char *tmpl_name = o->tmpl;
	bool omit = o->anonymous || o->no_attachments;
	int rc = -1, today = date_print_day();

	memset(res, 0, sizeof(*res));
	if (casus_load(&c, path, &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, o->route)))
		goto out;
	{
		struct check_input in = { &app->rules, &app->forms, &c, r->id, casus_region(&c), today, arg };

		rules_check(&in, &fs);
	}
	res->errors = findings_count(&fs, SEV_ERROR);
	res->warnings = findings_count(&fs, SEV_WARNING);
	res->ref = xstrdup(casus_ref(&c) ? casus_ref(&c) : "");
	res->route_name = xstrdup(r->name);
	res->table = xstrdup(r->table);
	res->school = xstrdup(json_str(casus_get(&c, "casus.school.naam")) ? json_str(casus_get(&c, "casus.school.naam")) : "");
	for (i = 0; res->errors && !o->concept && i < fs.n; i++)
		if (fs.v[i].sev == SEV_ERROR && fs.v[i].sys_errno) {
			/* not the dossier's fault: the system could not read one of its files */
			err_set(&app->err, EXIT_SYSTEM, "%s", fs.v[i].message);
			goto out;
		}
	if (res->errors && !o->concept) {
		err_set(&app->err, EXIT_INVALID,
			"het dossier is niet volledig voor de %s (%zu punt%s); zie 'dossier controleer %s', "
			"of maak een concept met 'dossier maak %s --concept'",
			r->table, res->errors, res->errors == 1 ? "" : "en", arg, arg);
		goto out;
	}
	if (!tmpl_name)
		tmpl_name = config_get(&app->cfg, "opmaak", "sjabloon");
	if (tmpl_load(&t, app->datadir, tmpl_name ? tmpl_name : "standaard", &app->err) ||
	    glyphs_check(&app->forms, c.root, t.font_path, &fs, &app->err) ||
	    pdf_open(&pdf, &t, &app->err) ||
	    find_atts(app, &c, pdf, o->concept, !omit, &atts, &natts))
		goto out;
	res->warnings = findings_count(&fs, SEV_WARNING);
	{
		/* "nu" in the printed dossier is the dossier's date (the cover sheet's), not the printing day */
		int dday;

		rules_timeline(&app->rules, c.root,
			       date_parse_iso(json_str(casus_get(&c, "voorblad.datum")), &dday) ? dday : today, &tl);
	}
	{
		bool draft = o->concept && res->errors > 0;
		struct compose_in in = { &c, &app->forms, &app->rules, r, &app->prof, &t, &fs, &tl,
					 pdf_metrics(pdf), atts, natts, today, o->anonymous, draft,
					 o->anonymous ? word(&t, W_OMIT_ANONYMOUS)
					 : o->no_attachments ? word(&t, W_OMIT_NO_ATTACHMENTS) : NULL, o->with_log };
		struct render_info info;

		if (compose_dossier(&in, &doc, &app->err))
			goto out;
		compose_expand(&in, tmpl_text(&t, "koptekst", "links", ""), &hl);
		compose_expand(&in, tmpl_text(&t, "koptekst", "rechts", ""), &hr);
		compose_expand(&in, tmpl_text(&t, "voettekst", "links", ""), &fl);
		compose_expand(&in, tmpl_text(&t, "voettekst", "rechts", "pagina {pagina} van {paginas}"), &fr);
		compose_expand(&in, tmpl_text(&t, "voettekst", "bijlagen",
					      "Kenmerk {kenmerk} · bijlage {n}, blad {blad} van {bladen} · pagina {pagina} van {paginas}"),
			       &fa);
		compose_expand(&in, word(&t, W_DOC_TITLE), &title);
		buf_addf(&subject, "%s – %s", r->name, app->prof.name);
		compose_expand(&in, word(&t, W_CONCEPT), &mark);
		if (o->anonymous) {
			struct anon *an = anon_build(&app->forms, c.root);
			struct buf *texts[] = { &hl, &hr, &fl, &fr, &fa, &title, &subject, &mark };
			struct buf note = BUF_INIT;

			/* every page says it is the anonymised copy */
			compose_expand(&in, word(&t, W_ANONYMOUS_COPY), &note);
			if (fl.len)
				buf_addf(&note, " · %s", fl.s);
			buf_sets(&fl, note.s);
			buf_release(&note);
			for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
				anonymise_text(an, texts[i]);
			anon_free(an);
		}
		memset(&info, 0, sizeof(info));
		info.title = title.s;
		info.subject = subject.s;
		info.keywords = o->anonymous ? "geanonimiseerd" : NULL;
		info.header_left = hl.s;
		info.header_right = hr.s;
		info.footer_left = fl.s;
		info.footer_right = fr.s;
		info.concept = draft ? mark.s : NULL;
		info.created = creation_time();
		if (pdf_render(pdf, &doc, &info, pdfbytes, &app->err))
			goto out;
		if (doc.nins && attach_merge(pdfbytes, &doc, fa.s, draft ? mark.s : NULL, &app->err))
			goto out;
	}
	res->log = log_entry(app, &c, r, o, atts, natts, today);
	res->rendered = doc.n;
	for (i = 0; i < doc.nins; i++)
		res->inserted += doc.inserts[i].npages;
	res->pages = res->rendered + res->inserted;
	rc = 0;
out:
	buf_release(&hl);
	buf_release(&hr);
	buf_release(&fl);
	buf_release(&fr);
	buf_release(&fa);
	buf_release(&title);
	buf_release(&subject);
	buf_release(&mark);
	ldoc_release(&doc);
	timeline_release(&tl);
	release_atts(atts, natts);
	pdf_close(pdf);
	tmpl_release(&t);
	findings_release(&fs);
	casus_release(&c);
	return rc;
}

/* ---- files and batches ------------------------------------------------- */

char *make_pdf_name(const char *casus, bool anonymous)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(casus);

	if (len > 5 && !strcmp(casus + len - 5, ".json"))
		len -= 5;
	buf_add(&b, casus, len);
	buf_adds(&b, anonymous ? "-anoniem.pdf" : ".pdf");
	return buf_detach(&b, NULL);
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/*
 * The PDF never replaces the case file or one of its attachments (also
 * not through another name or a link): refused before anything is made.
 */
static int refuse_own_files(struct app *app, const char *casus, const char *out)
{
	struct casus c = CASUS_INIT;
	struct stat st;
	const json *it;
	int r = 0;

	if (stat(out, &st) < 0)
		return 0; /* a new file cannot be one of the case's */
	if (same_file(&st, casus))
		return err_set(&app->err, EXIT_USAGE,
			       "%s is het casusbestand zelf; de PDF krijgt een andere naam (kies die met -o UIT.pdf)", out);
	if (casus_load(&c, casus, &app->err)) {
		casus_release(&c);
		return -1;
	}
	for (it = json_first(json_get(c.root, "bijlagen")); it && !r; it = json_next(it)) {
		const char *file = json_get_str(it, "bestand");
		char *p = file && *file ? casus_file_path(&c, file) : NULL;

		if (p && same_file(&st, p))
			r = err_set(&app->err, EXIT_USAGE,
				    "%s is bijlage '%s' van de casus en wordt niet overschreven; kies een andere naam voor de PDF met -o UIT.pdf",
				    out, json_get_str(it, "titel") ? json_get_str(it, "titel") : file);
		free(p);
	}
	migrate_case(c.root, NULL); /* one consent record or a list of them */
	for (it = json_first(json_get(c.root, "toestemming")); it && !r; it = json_next(it)) {
		const json *scan = json_get(it, "scan");
		char *p = json_is_string(scan) && *json_str(scan) ? casus_file_path(&c, json_str(scan)) : NULL;

		if (p && same_file(&st, p))
			r = err_set(&app->err, EXIT_USAGE,
				    "%s is de scan van de toestemming en wordt niet overschreven; kies een andere naam voor de PDF met -o UIT.pdf",
				    out);
		free(p);
	}
	casus_release(&c);
	return r;
}

int make_log(struct app *app, const char *casus, const struct make_opts *o)
{
	struct casus c = CASUS_INIT;
	const struct route *r = NULL;
	struct att *atts = NULL;
	size_t natts = 0;
	const json *it;
	json *e = NULL;
	bool bad, logged = false;

	bad = casus_load(&c, casus, &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, o->route));
	if (!bad) {
		/* the attachments the parents let share (the pack names what it could not include) */
		atts = xcalloc(json_len(json_get(c.root, "bijlagen")) + 1, sizeof(*atts));
		for (it = json_first(json_get(c.root, "bijlagen")); it; it = json_next(it))
			if (json_bool(json_get(it, "gedeeld")) && json_get_str(it, "titel")) {
				atts[natts].title = (char *)json_get_str(it, "titel");
				atts[natts++].shared = true;
			}
		e = log_entry(app, &c, r, o, atts, natts, date_today());
		logged = true;
		bad = sharelog_append(casus, e, &app->err) != 0;
	}
	if (bad) {
		if (logged)
			fprintf(stderr, "dossier: let op: %s\n", app->err.msg.s);
		else
			fprintf(stderr, "dossier: let op: het logboek van %s kon niet worden bijgewerkt: %s\n", casus, app->err.msg.s);
		err_release(&app->err);
		app->err = (struct err)ERR_INIT;
	}
	json_free(e);
	free(atts);
	casus_release(&c);
	return 0;
}

int make_file(struct app *app, const char *casus, const char *out, const struct make_opts *o,
		    struct make_result *res)
{
	struct buf pdf = BUF_INIT;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	if (refuse_own_files(app, casus, out) || make_dossier(app, casus, o, &pdf, res) ||
	    refuse_own_files(app, casus, out) || file_write_atomic(out, pdf.s, pdf.len, &app->err))
		rc = app->err.code ? app->err.code : EXIT_SYSTEM;
	else if (res->log && !o->meeting) { /* the agenda logs its cases once the pack is written */
		/* what was shared, with whom, when; the dossier is made either way, so a failure is a warning */
		struct err le = ERR_INIT;

		if (sharelog_append(casus, res->log, &le))
			fprintf(stderr, "dossier: let op: het dossier is gemaakt, maar %s\n", le.msg.s);
		err_release(&le);
	}
	res->bytes = pdf.len;
	buf_release(&pdf);
	return rc;
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
		rc = make_file(app, jobs[i].casus, jobs[i].out, &o, &res);
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

int make_batch(struct app *app, char **cases, int n, const char *dir, const struct make_opts *o, int nworkers,
	       bool quiet)
{
	struct job *jobs = xcalloc((size_t)n, sizeof(*jobs));
	pid_t *pids;
	int pfd[2], i, k, done = 0, worst = 0, failed = 0;
	struct stat st;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	bool tty = isatty(STDOUT_FILENO); /* progress on a terminal, also for agenda */
	bool created = false;

	if (stat(dir, &st) < 0) {
		if (errno != ENOENT || mkdir(dir, 0700) < 0) {
			err_errno(&app->err, errno, "map %s kan niet worden gemaakt", dir);
			free(jobs);
			return -1;
		}
		created = true;
	} else if (!S_ISDIR(st.st_mode)) {
		free(jobs);
		return err_set(&app->err, EXIT_USAGE, "%s is geen map; met meer casussen wijst -o naar een map", dir);
	}
	for (i = 0; i < n; i++) {
		char *name = make_pdf_name(path_basename(cases[i]), o->anonymous);

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
			/* a worker: make its share, then give back what it inherited */
			close(pfd[0]);
			worker(app, jobs, n, k, nworkers, o, pfd[1]);
			close(pfd[1]);
			free(pids);
			for (i = 0; i < n; i++)
				free(jobs[i].out);
			free(jobs);
			app_release(app);
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
			printf("\r\033[K[%d/%d] %s", done, n, path_basename(jobs[idx].out));
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
	if (!quiet && done - failed == 0 && created)
		printf("Geen van de %d dossiers gemaakt; zie de meldingen hierboven\n", n);
	else if (!quiet)
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
	if (app->err.code && created)
		rmdir(dir); /* only when nothing was made in it */
	return app->err.code ? -1 : 0;
}

