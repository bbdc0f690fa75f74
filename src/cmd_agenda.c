/*
 * cmd_agenda.c - `dossier agenda VERGADERING.ini CASUS... -o MAP/`: one
 * print file for a meeting of the Adviestafel or Doorbraaktafel.
 *
 * The meeting file gives the date, start time, minutes per case, place
 * and chair. The cases' dossiers are made in parallel (as `maak` does for
 * a batch); then an agenda page with time slots and case references is
 * drawn, and each dossier follows behind a separator page that carries
 * the case's bookmark. With --los the separate PDFs are kept as well.
 */
#include "app.h"
#include "attach.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "compose.h"
#include "date.h"
#include "fileio.h"
#include "ini.h"
#include "json.h"
#include "make.h"
#include "mem.h"
#include "opt.h"
#include "render.h"
#include "template.h"
#include "tmpl.h"
#include "words.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier agenda VERGADERING.ini CASUS.json... -o MAP [--los] [--anoniem] [--concept]\n"
	"\n"
	"Maakt één PDF voor een vergadering: eerst de agenda (datum, tafel, de casussen\n"
	"met tijden en kenmerken), dan de dossiers, elk met een eigen bladwijzer. Met\n"
	"--los komen de dossiers ook als losse PDF's in MAP; met --anoniem zijn alle\n"
	"dossiers geanonimiseerde kopieën.\n"
	"\n"
	"VERGADERING.ini, bijvoorbeeld:\n"
	"  [vergadering]\n"
	"  titel      = Agenda Adviestafel\n"
	"  datum      = 26-11-2026\n"
	"  begin      = 09.30\n"
	"  duur       = 30          ; minuten per casus\n"
	"  pauze_na   = 3           ; pauze na de derde casus (mag weg)\n"
	"  pauze      = 15          ; minuten\n"
	"  plaats     = Stadhuis, kamer 4.12\n"
	"  voorzitter = regisseur JMO\n"
	"  [duur]\n"
	"  doorbraak-spoor1.json = 45   ; een casus die meer tijd krijgt\n";

struct meeting {
	const char *title, *place, *chair, *note;
	int day, begin, duration, pause_after, pause;
	struct ini *ini;
};

/*
 * The meeting file is part of what the user typed, like the command line:
 * a wrong value in it is exit 2 (a file that is no INI file at all, 3).
 */
static int meeting_error(struct app *app, const struct meeting *m, const char *key, const char *what)
{
	struct buf where = BUF_INIT;

	ini_where(m->ini, "vergadering", key, &where);
	err_set(&app->err, EXIT_USAGE, "%s: [vergadering] %s: %s", where.s, key, what);
	buf_release(&where);
	return -1;
}

static int meeting_number(struct app *app, const struct meeting *m, const char *section, const char *key, double def,
			  double lo, double hi, int *out)
{
	double num;

	if (ini_get_number(m->ini, section, key, def, lo, hi, &num, &app->err)) {
		app->err.code = EXIT_USAGE;
		return -1;
	}
	*out = (int)num;
	return 0;
}

static int meeting_load(struct app *app, const char *file, struct meeting *m)
{
	const char *d, *b;
	struct buf msg = BUF_INIT;
	struct err *e = &app->err;

	memset(m, 0, sizeof(*m));
	if (ini_load(file, &m->ini, e))
		return -1;
	d = ini_get(m->ini, "vergadering", "datum");
	b = ini_get(m->ini, "vergadering", "begin");
	if (!d || !date_parse_user(d, &m->day, &msg)) {
		meeting_error(app, m, "datum", d ? msg.s : "ontbreekt (dd-mm-jjjj)");
		buf_release(&msg);
		return -1;
	}
	buf_release(&msg);
	if (!b || !time_parse(b, &m->begin))
		return meeting_error(app, m, "begin", b ? "geen tijd (uu.mm)" : "ontbreekt (uu.mm)");
	if (meeting_number(app, m, "vergadering", "duur", 30, 5, 240, &m->duration) ||
	    meeting_number(app, m, "vergadering", "pauze_na", 0, 0, 100, &m->pause_after) ||
	    meeting_number(app, m, "vergadering", "pauze", 15, 0, 120, &m->pause))
		return -1;
	m->title = ini_get(m->ini, "vergadering", "titel");
	m->place = ini_get(m->ini, "vergadering", "plaats");
	m->chair = ini_get(m->ini, "vergadering", "voorzitter");
	m->note = ini_get(m->ini, "vergadering", "opmerking");
	return 0;
}

/* Remove the work folder and the dossiers in it; -1 with errno when something stays. */
static int remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int r = 0, en = 0;

	if (d) {
		while ((de = readdir(d))) {
			char *p;

			if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
				continue;
			p = path_join(dir, de->d_name);
			if (unlink(p) < 0 && errno != ENOENT && !en)
				en = errno;
			free(p);
		}
		closedir(d);
	}
	if (rmdir(dir) < 0 && errno != ENOENT) {
		r = -1;
		if (!en)
			en = errno;
	}
	errno = en;
	return r;
}

static const char *name_lookup(void *ctx, const char *name, size_t len)
{
	struct app *app = ctx;
	char *n = xstrndup(name, len);
	const char *v = profile_name(&app->prof, n);

	free(n);
	return v;
}

int cmd_agenda(struct app *app, int argc, char **argv)
{
	const char *out_arg = NULL, *jobs_arg = NULL;
	bool separate = false;
	struct make_opts o;
	struct buf meeting_day = BUF_INIT;
	const struct opt opts[] = {
		OPT_STRING('o', "uit", &out_arg, "MAP", "de map voor de PDF('s)"),
		OPT_FLAG(0, "los", &separate, "de dossiers ook als losse PDF's in de map zetten"),
		OPT_FLAG(0, "anoniem", &o.anonymous, "alle dossiers als geanonimiseerde kopie"),
		OPT_FLAG(0, "concept", &o.concept, "ook onvolledige dossiers opnemen, gemarkeerd als concept"),
		OPT_STRING('j', "taken", &jobs_arg, "AANTAL", "aantal werkprocessen (standaard: aantal kernen)"),
		OPT_END(),
	};
	struct meeting m;
	struct agenda_case *cases = NULL;
	struct tmpl t = TMPL_INIT;
	struct pdf *pdf = NULL;
	struct ldoc doc = LDOC_INIT;
	struct buf title = BUF_INIT, bytes = BUF_INIT, out = BUF_INIT, sub = BUF_INIT, hl = BUF_INIT, hr = BUF_INIT;
	char *work = NULL, **refs = NULL;
	int n, i, rc = -1, clock;
	bool created = false;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	struct stat st;

	memset(&o, 0, sizeof(o));
	memset(&m, 0, sizeof(m));
	n = opt_parse(argc, argv, opts, "agenda", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n < 2 || !out_arg) {
		err_set(&app->err, EXIT_USAGE, "geef een vergaderbestand, minstens één casus en -o MAP (zie 'dossier agenda --help')");
		return -1;
	}
	if (jobs_arg) {
		char *end;

		jobs = strtol(jobs_arg, &end, 10);
		if (*end || jobs < 1 || jobs > 64) {
			err_set(&app->err, EXIT_USAGE, "-j verwacht een aantal van 1 tot 64");
			return -1;
		}
	}
	if (meeting_load(app, argv[0], &m))
		goto out;
	if (app_setup(app, ini_get(m.ini, "vergadering", "regio"))) {
		if (ini_get(m.ini, "vergadering", "regio") && app->err.code == EXIT_USAGE)
			app_err_where(app, m.ini, "vergadering", "regio");
		goto out;
	}
	/* the time slots first: a wrong [duur] must not cost the making of every dossier */
	cases = xcalloc((size_t)n, sizeof(*cases));
	clock = m.begin;
	for (i = 1; i < n; i++) {
		struct agenda_case *c = &cases[i - 1];
		int minutes;

		if (meeting_number(app, &m, "duur", path_basename(argv[i]), m.duration, 5, 240, &minutes))
			goto out;
		c->start = clock;
		c->end = clock + minutes;
		clock = c->end;
		if (m.pause_after == i && i + 1 < n)
			clock += m.pause;
		if (clock >= 24 * 60) {
			err_set(&app->err, EXIT_USAGE, "%s: de vergadering loopt over middernacht; begin eerder of plan minder casussen",
				argv[0]);
			goto out;
		}
	}
	if (stat(out_arg, &st) < 0) {
		if (errno != ENOENT || mkdir(out_arg, 0700) < 0) {
			err_errno(&app->err, errno, "map %s kan niet worden gemaakt", out_arg);
			goto out;
		}
		created = true;
	} else if (!S_ISDIR(st.st_mode)) {
		err_set(&app->err, EXIT_USAGE, "%s is geen map; -o wijst naar de map voor de agenda", out_arg);
		goto out;
	}
	/* the dossiers: in the output folder, or in a private folder inside it */
	if (separate) {
		work = xstrdup(out_arg);
	} else {
		struct buf w = BUF_INIT;

		buf_addf(&w, "%s/.agenda-XXXXXX", out_arg);
		if (!mkdtemp(w.s)) {
			err_errno(&app->err, errno, "werkmap in %s", out_arg);
			buf_release(&w);
			goto out;
		}
		work = buf_detach(&w, NULL);
	}
	date_fmt_iso(&meeting_day, m.day); /* the sharing log names the meeting (sharelog.h) */
	o.meeting = meeting_day.s;
	if (make_batch(app, argv + 1, n - 1, work, &o, (int)(jobs > 16 ? 16 : jobs < 1 ? 1 : jobs), true))
		goto out;
	refs = xcalloc((size_t)n * 4, sizeof(char *));
	for (i = 1; i < n; i++) {
		struct agenda_case *c = &cases[i - 1];
		struct casus cs = CASUS_INIT;
		char *name = make_pdf_name(path_basename(argv[i]), o.anonymous);
		const struct route *r;

		if (casus_load(&cs, argv[i], &app->err)) {
			free(name);
			goto out;
		}
		r = ruleset_route(&app->rules, casus_route(&cs));
		refs[i * 4] = xstrdup(casus_ref(&cs) ? casus_ref(&cs) : path_basename(argv[i]));
		refs[i * 4 + 1] = xstrdup(r ? r->name : "");
		refs[i * 4 + 2] = xstrdup(json_str(casus_get(&cs, "casus.school.naam")) ? json_str(casus_get(&cs, "casus.school.naam")) : "");
		refs[i * 4 + 3] = path_join(work, name);
		free(name);
		casus_release(&cs);
		c->ref = refs[i * 4];
		c->route = refs[i * 4 + 1];
		c->school = refs[i * 4 + 2];
		c->pdf = refs[i * 4 + 3];
		if (attach_count_pages(c->pdf, &c->pages, &app->err))
			goto out;
	}
	if (tmpl_load(&t, app->datadir, config_get(&app->cfg, "opmaak", "sjabloon") ? config_get(&app->cfg, "opmaak", "sjabloon")
										  : "standaard", &app->err) ||
	    pdf_open(&pdf, &t, &app->err))
		goto out;
	tmpl_expand(&title, m.title ? m.title : word(&t, W_AG_TITLE), name_lookup, app, NULL);
	{
		struct agenda_in in = { &t, pdf_metrics(pdf), title.s, m.day, m.place, m.chair, m.note, cases,
					(size_t)n - 1, m.pause_after,
					m.pause_after ? cases[m.pause_after - 1 < n - 1 ? m.pause_after - 1 : 0].end : 0,
					m.pause_after ? cases[m.pause_after - 1 < n - 1 ? m.pause_after - 1 : 0].end + m.pause : 0 };
		struct render_info info;
		struct buf day = BUF_INIT;
		const char *sde = getenv("SOURCE_DATE_EPOCH");

		compose_agenda(&in, &doc);
		tmpl_expand(&hl, tmpl_text(&t, "koptekst", "links", ""), name_lookup, app, NULL);
		date_fmt_long(&day, m.day);
		{
			const char *vars[] = { "titel", title.s, "datum", day.s, NULL };

			tmpl_expand(&hr, word(&t, W_AG_HEADER), tmpl_pairs, (void *)vars, NULL);
			tmpl_expand(&sub, word(&t, W_AG_SUBJECT), tmpl_pairs, (void *)vars, NULL);
		}
		memset(&info, 0, sizeof(info));
		info.title = title.s;
		info.subject = sub.s;
		info.keywords = o.anonymous ? "geanonimiseerd" : NULL;
		info.header_left = hl.s;
		info.header_right = hr.s;
		info.footer_right = tmpl_text(&t, "voettekst", "rechts", "pagina {pagina} van {paginas}");
		info.created = sde && *sde ? strtoll(sde, NULL, 10) : (long long)time(NULL);
		buf_release(&day);
		if (pdf_render(pdf, &doc, &info, &bytes, &app->err) || attach_merge(&bytes, &doc, NULL, NULL, &app->err))
			goto out;
	}
	/*
	 * The dossiers are merged (in memory): remove them before the agenda is
	 * written, so a folder that cannot be removed is an error, not a
	 * forgotten copy of every dossier.
	 */
	if (work && !separate) {
		int r = remove_dir(work);

		if (r < 0) {
			err_errno(&app->err, errno, "de werkmap %s met de dossiers kon niet worden opgeruimd; verwijder die zelf", work);
			free(work);
			work = NULL;
			goto out;
		}
		free(work);
		work = NULL;
	}
	{
		int y, mo, d;

		date_to_ymd(m.day, &y, &mo, &d);
		buf_addf(&out, "%s/agenda-%04d-%02d-%02d%s.pdf", out_arg, y, mo, d, o.anonymous ? "-anoniem" : "");
	}
	if (file_write_atomic(out.s, bytes.s, bytes.len, &app->err))
		goto out;
	{
		size_t total = doc.n, k;

		for (k = 0; k < doc.nins; k++)
			total += doc.inserts[k].npages;
		printf("Agenda gemaakt: %s\n  %d casus%s, %zu pagina's, %.0f kB%s\n", out.s, n - 1, n == 2 ? "" : "sen", total,
		       bytes.len / 1024.0, o.anonymous ? ", geanonimiseerd" : "");
		if (separate)
			printf("  De losse dossiers staan in %s/\n", out_arg);
	}
	for (i = 1; i < n; i++) /* the pack is written: each case's sharing log says so */
		make_log(app, argv[i], &o);
	rc = 0;
out:
	if (work && !separate)
		remove_dir(work);
	if (rc && created)
		rmdir(out_arg); /* only when still empty: what --los made stays */
	free(work);
	for (i = 0; refs && i < n * 4; i++)
		free(refs[i]);
	free(refs);
	free(cases);
	ldoc_release(&doc);
	pdf_close(pdf);
	tmpl_release(&t);
	ini_free(m.ini);
	buf_release(&title);
	buf_release(&bytes);
	buf_release(&out);
	buf_release(&sub);
	buf_release(&meeting_day);
	buf_release(&hl);
	buf_release(&hr);
	return rc;
}
