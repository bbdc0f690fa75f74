/*
 * cmd_instellingen.c - `dossier instellingen [school]`: the user's settings.
 *
 * Shows which settings file is used and what is in it (the default region
 * and route, the template, the school's data that 'dossier nieuw' puts in
 * every new case). With "school" it asks the school's data question by
 * question, with the same checks as the case's school fields (they are
 * those fields: forms/casus.json, group casus.school), and saves the file
 * atomically, private to the user. Other sections of the file are kept
 * line for line; the [school] section is written anew.
 */
#include "app.h"
#include "buf.h"
#include "cmd.h"
#include "date.h"
#include "fileio.h"
#include "form.h"
#include "ini.h"
#include "json.h"
#include "mem.h"
#include "opt.h"
#include "profile.h"
#include "prompt.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier instellingen [school]\n"
	"\n"
	"Toont uw instellingen: welk bestand dossier leest, de standaardregio en\n"
	"-route, het sjabloon en de gegevens van uw school, die 'dossier nieuw' in\n"
	"elke nieuwe casus zet. Met 'school' vraagt dossier die gegevens één voor één\n"
	"en bewaart ze in het instellingenbestand (alleen voor u leesbaar).\n"
	"\n"
	"Bij elke vraag: Enter houdt het huidige antwoord, - wist het, stop stopt\n"
	"(wat u al beantwoordde, wordt bewaard).\n";

/* The school's fields: the group casus.school of the case. */
static const struct field *school_group(struct app *app)
{
	struct err e = ERR_INIT;
	const struct field *f = formset_field(&app->forms, "casus.school", &e);

	err_release(&e);
	return f;
}

static void show(struct app *app, const char *path, bool exists, const struct field *school)
{
	const char *v;
	size_t i;

	printf("Instellingen: %s%s\n\n", path, exists ? "" : " (bestaat nog niet)");
	v = config_get(&app->cfg, "standaard", "regio");
	printf("  regio     %s\n", v ? v : "niet ingesteld (de standaardregio van dossier)");
	v = config_get(&app->cfg, "standaard", "route");
	printf("  route     %s\n", v ? v : "niet ingesteld (adviestafel)");
	v = config_get(&app->cfg, "opmaak", "sjabloon");
	printf("  sjabloon  %s\n", v ? v : "niet ingesteld (standaard)");
	printf("\n  School (komt in elke nieuwe casus):\n");
	for (i = 0; school && i < school->nsub; i++) {
		v = config_get(&app->cfg, "school", school->sub[i].key);
		printf("    %-28s %s\n", school->sub[i].label, v ? v : "–");
	}
	if (!exists || !config_get(&app->cfg, "school", "naam"))
		printf("\nVul de gegevens van uw school in met:  dossier instellingen school\n");
}

/* An INI value as written: quoted when it holds a comment sign. */
static void ini_value(struct buf *out, const char *v)
{
	if (strpbrk(v, ";#") && !strchr(v, '"'))
		buf_addf(out, "\"%s\"", v);
	else
		buf_adds(out, v);
}

/* The old file without its [school] section, then the new section. */
static void new_text(const char *old, const struct field *school, char **vals, struct buf *out)
{
	const char *p = old;
	bool in_school = false;
	size_t i;

	while (p && *p) {
		size_t n = strcspn(p, "\n");
		const char *q = p;

		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		if (*q == '[')
			in_school = !strncasecmp(q, "[school]", 8);
		if (!in_school && !strncmp(q, "; de gegevens van uw school:", 28))
			q = NULL; /* our own comment line: written again below */
		if (!q) {
			p += n + (p[n] == '\n');
			continue;
		}
		if (!in_school) {
			buf_add(out, p, n);
			buf_addch(out, '\n');
		}
		p += n + (p[n] == '\n');
	}
	while (out->len >= 2 && out->s[out->len - 1] == '\n' && out->s[out->len - 2] == '\n')
		buf_setlen(out, out->len - 1);
	if (out->len)
		buf_addch(out, '\n');
	buf_adds(out, "; de gegevens van uw school: 'dossier nieuw' zet ze in elke nieuwe casus\n[school]\n");
	for (i = 0; i < school->nsub; i++) {
		if (!vals[i] || !*vals[i])
			continue;
		buf_addf(out, "%-15s= ", school->sub[i].key);
		ini_value(out, vals[i]);
		buf_addch(out, '\n');
	}
}

/* mkdir -p for the folders above path, private to the user. */
static int make_parents(const char *path, struct err *e)
{
	struct buf d = BUF_INIT;
	size_t i;
	int r = 0;

	buf_adds(&d, path);
	for (i = 1; i < d.len && !r; i++) {
		if (d.s[i] != '/')
			continue;
		d.s[i] = '\0';
		if (mkdir(d.s, 0700) < 0 && errno != EEXIST)
			r = err_errno(e, errno, "de map %s kan niet worden gemaakt", d.s);
		d.s[i] = '/';
	}
	buf_release(&d);
	return r;
}

static int ask_school(struct app *app, const char *path, const struct field *school)
{
	struct prompt *pr = prompt_open();
	struct buf line = BUF_INIT, msg = BUF_INIT, old = BUF_INIT, text = BUF_INIT;
	struct field_ctx ctx = { NULL, date_today() };
	char **vals = xcalloc(school->nsub + 1, sizeof(char *));
	size_t i;
	int rc = -1;
	bool stop = false;

	for (i = 0; i < school->nsub; i++) {
		const char *cur = config_get(&app->cfg, "school", school->sub[i].key);

		vals[i] = cur ? xstrdup(cur) : NULL; /* kept when the user stops before it */
	}
	prompt_say("De gegevens van uw school. Enter = houden, - = wissen, stop = stoppen.\n\n");
	for (i = 0; i < school->nsub && !stop; i++) {
		const struct field *f = &school->sub[i];
		const char *cur = config_get(&app->cfg, "school", f->key);

		for (;;) {
			json *v = NULL;
			struct buf q = BUF_INIT;

			buf_addf(&q, "%s%s%s%s\n", f->label, cur ? " [" : "", cur ? cur : "", cur ? "]" : "");
			prompt_say(q.s);
			buf_release(&q);
			if (prompt_read(pr, "> ", &line) || utf8_fold_equal(line.s, "stop")) {
				stop = true;
				break;
			}
			buf_trim(&line);
			if (!line.len)
				break;
			if (!strcmp(line.s, "-")) {
				free(vals[i]);
				vals[i] = NULL;
				break;
			}
			buf_reset(&msg);
			if (f->type->parse(f, line.s, &ctx, &v, &msg)) {
				buf_addf(&text, "  ! %s\n", msg.s);
				prompt_say(text.s);
				buf_reset(&text);
				continue;
			}
			json_free(v);
			free(vals[i]);
			vals[i] = xstrdup(line.s);
			break;
		}
	}
	if (file_sniff(path) != FILE_MISSING && file_read(path, 1u << 20, &old, &app->err))
		goto out;
	new_text(old.s, school, vals, &text);
	if (make_parents(path, &app->err) || file_write_atomic(path, text.s, text.len, &app->err))
		goto out;
	printf("\nBewaard in %s. 'dossier nieuw' zet deze gegevens in elke nieuwe casus.\n", path);
	rc = 0;
out:
	for (i = 0; vals && i < school->nsub; i++)
		free(vals[i]);
	free(vals);
	prompt_close(pr);
	buf_release(&line);
	buf_release(&msg);
	buf_release(&old);
	buf_release(&text);
	return rc;
}

int cmd_instellingen(struct app *app, int argc, char **argv)
{
	const struct opt opts[] = { OPT_END() };
	struct buf path = BUF_INIT;
	const struct field *school;
	bool must_exist;
	int n, rc = -1;

	n = opt_parse(argc, argv, opts, "instellingen", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n > 1 || (n == 1 && strcmp(argv[0], "school"))) {
		err_set(&app->err, EXIT_USAGE, "geef niets op, of 'school' (zie 'dossier instellingen --help')");
		return -1;
	}
	if (app_setup(app, NULL))
		return -1;
	school = school_group(app);
	if (!school) {
		err_set(&app->err, EXIT_SYSTEM, "forms/casus.json heeft geen groep casus.school");
		return -1;
	}
	if (app->cfg.path)
		buf_adds(&path, app->cfg.path);
	else if (!config_path(app->config_arg, &path, &must_exist)) {
		err_set(&app->err, EXIT_SYSTEM, "geen plaats voor de instellingen: $HOME is niet gezet (gebruik --config BESTAND)");
		goto out;
	}
	if (n == 0)
		show(app, path.s, app->cfg.path != NULL, school);
	else if (ask_school(app, path.s, school))
		goto out;
	rc = 0;
out:
	buf_release(&path);
	return rc;
}
