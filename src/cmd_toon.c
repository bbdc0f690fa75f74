/*
 * cmd_toon.c - `dossier toon CASUS [FORMULIER]`: the case as readable text.
 *
 * Shows every field that applies on this route: filled values formatted
 * as users type them, required fields that are still empty marked, lists
 * numbered, long texts wrapped. Invalid values are not printed (they may
 * be huge or broken); they are listed at the end and the exit code is 1.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "expr.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "opt.h"
#include "term.h"
#include "textrule.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier toon CASUS.json [FORMULIER]\n"
	"\n"
	"Toont de ingevulde gegevens van een casus als leesbare tekst, per formulier.\n"
	"Verplichte velden die nog leeg zijn, staan erbij als 'nog invullen'.\n";

#define LABEL_W 30

struct show {
	struct buf *out;
	const struct findings *bad;
	struct expr_env env;
	int width;
};

static const struct finding *bad_at(const struct show *S, const char *path)
{
	size_t i;

	for (i = 0; i < S->bad->n; i++)
		if (S->bad->v[i].field && !strcmp(S->bad->v[i].field, path))
			return &S->bad->v[i];
	return NULL;
}

static void show_record(struct show *S, const struct field *def, const json *rec, struct buf *path, int indent);

static void label(struct show *S, const char *text, int indent)
{
	int len = (int)utf8_length(text, strlen(text));

	buf_addrep(S->out, " ", (size_t)indent);
	buf_adds(S->out, text);
	if (indent + len < LABEL_W)
		buf_addrep(S->out, " ", (size_t)(LABEL_W - indent - len));
	buf_addch(S->out, ' ');
}

static void show_field(struct show *S, const struct field *f, const json *v, struct buf *path, int indent)
{
	struct buf val = BUF_INIT;
	size_t base = path->len, i = 0;
	const json *it;

	if (bad_at(S, path->s)) {
		label(S, f->label, indent);
		term_style(S->out, stdout, ST_RED, "(ongeldig, zie onder)");
		buf_addch(S->out, '\n');
		return;
	}
	switch (f->type->kind) {
	case FT_GROEP:
		if (!value_filled(v) && !f->required)
			return;
		buf_addrep(S->out, " ", (size_t)indent);
		term_style(S->out, stdout, ST_BOLD, f->label);
		buf_addch(S->out, '\n');
		show_record(S, f, v, path, indent + 2);
		return;
	case FT_LIJST:
		if (!value_filled(v)) {
			if (f->required) {
				label(S, f->label, indent);
				term_style(S->out, stdout, ST_YELLOW, "nog invullen");
				buf_addch(S->out, '\n');
			}
			return;
		}
		buf_addrep(S->out, " ", (size_t)indent);
		buf_addf(&val, "%s (%zu)", f->label, json_len(v));
		term_style(S->out, stdout, ST_BOLD, val.s);
		buf_addch(S->out, '\n');
		for (it = json_first(v); it; it = json_next(it)) {
			buf_reset(&val);
			field_item_summary(f, it, &val);
			buf_addrep(S->out, " ", (size_t)indent + 2);
			buf_addf(S->out, "%zu. %s\n", ++i, val.s);
			buf_addf(path, "[%zu]", i);
			show_record(S, f, it, path, indent + 5);
			buf_setlen(path, base);
		}
		break;
	case FT_TEKST:
		if (!value_filled(v))
			goto empty;
		buf_addrep(S->out, " ", (size_t)indent);
		buf_adds(S->out, f->label);
		buf_addch(S->out, '\n');
		/* the text rule, as in the PDF: typed line breaks are soft */
		text_reflow(json_str(v), &val);
		term_wrap(S->out, val.s, indent + 4, indent + 4, S->width);
		break;
	default:
		if (!value_filled(v))
			goto empty;
		label(S, f->label, indent);
		f->type->format(f, v, &val);
		buf_adds(S->out, val.s);
		buf_addch(S->out, '\n');
		break;
	}
	buf_release(&val);
	return;
empty:
	if (f->required) {
		label(S, f->label, indent);
		term_style(S->out, stdout, ST_YELLOW, "nog invullen");
		buf_addch(S->out, '\n');
	}
	buf_release(&val);
}

static void show_record(struct show *S, const struct field *def, const json *rec, struct buf *path, int indent)
{
	const json *saved = S->env.record;
	size_t i, base = path->len;

	S->env.record = rec;
	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];

		if (!field_applies(f, &S->env))
			continue;
		buf_addf(path, ".%s", f->key);
		show_field(S, f, json_get(rec, f->key), path, indent);
		buf_setlen(path, base);
	}
	S->env.record = saved;
}

static void show_form(struct show *S, const struct form *f, const json *v)
{
	struct buf path = BUF_INIT, title = BUF_INIT;
	const json *it;
	size_t i = 0;

	S->env.record = NULL;
	if (!field_applies(&f->root, &S->env))
		return;
	if (!f->repeated) {
		buf_addf(&title, "== %s ==", f->title);
		term_style(S->out, stdout, ST_BLUE, title.s);
		buf_addch(S->out, '\n');
		buf_sets(&path, f->id);
		if (!value_filled(v))
			buf_adds(S->out, "  (nog niets ingevuld)\n");
		else if (bad_at(S, path.s))
			term_style(S->out, stdout, ST_RED, "  (ongeldig, zie onder)\n");
		else
			show_record(S, &f->root, v, &path, 2);
		buf_addch(S->out, '\n');
	} else if (!value_filled(v)) {
		buf_addf(&title, "== %s ==", f->title);
		term_style(S->out, stdout, ST_BLUE, title.s);
		buf_adds(S->out, "\n  (nog niets ingevuld)\n\n");
	} else {
		for (it = json_first(v); it; it = json_next(it)) {
			struct buf sum = BUF_INIT;

			field_item_summary(&f->root, it, &sum);
			buf_reset(&title);
			buf_addf(&title, "== %s %zu%s%s ==", f->item_title ? f->item_title : f->title, ++i,
				 sum.len ? " – " : "", sum.s);
			term_style(S->out, stdout, ST_BLUE, title.s);
			buf_addch(S->out, '\n');
			buf_reset(&path);
			buf_addf(&path, "%s[%zu]", f->id, i);
			show_record(S, &f->root, it, &path, 2);
			buf_addch(S->out, '\n');
			buf_release(&sum);
		}
	}
	buf_release(&path);
	buf_release(&title);
}

int cmd_toon(struct app *app, int argc, char **argv)
{
	const struct opt opts[] = { OPT_END() };
	struct casus c = CASUS_INIT;
	struct findings bad = FINDINGS_INIT;
	struct buf out = BUF_INIT;
	struct show S;
	const struct form *only = NULL;
	size_t i;
	int n, rc = -1;

	n = opt_parse(argc, argv, opts, "toon", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n < 1 || n > 2) {
		err_set(&app->err, EXIT_USAGE, "geef een casusbestand op, en eventueel één formulier (zie 'dossier toon --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c))
		goto out;
	if (n == 2 && !(only = formset_get(&app->forms, argv[1]))) {
		err_set(&app->err, EXIT_USAGE, "'%s' is geen formulier (zie 'dossier formulieren')", argv[1]);
		goto out;
	}
	formset_validate(&app->forms, c.root, &bad);
	memset(&S, 0, sizeof(S));
	S.out = &out;
	S.bad = &bad;
	S.env.root = c.root;
	S.env.route = casus_route(&c);
	S.env.region = casus_region(&c);
	S.width = term_width(stdout);
	{
		struct buf head = BUF_INIT;

		buf_addf(&head, "Casus %s", casus_ref(&c) ? casus_ref(&c) : "(zonder kenmerk)");
		term_style(&out, stdout, ST_BOLD, head.s);
		buf_addf(&out, " · regio %s · route %s\n", app->prof.name,
			 app_route_name(app, casus_route(&c)));
		buf_release(&head);
	}
	if (c.newer)
		buf_adds(&out, "Let op: dit bestand is gemaakt met een nieuwere versie van dossier; "
			       "onbekende velden worden bewaard maar niet getoond.\n");
	buf_addch(&out, '\n');
	for (i = 0; i < app->forms.n; i++) {
		const struct form *f = &app->forms.forms[i];

		if (!only || only == f)
			show_form(&S, f, json_get(c.root, f->id));
	}
	fwrite(out.s, 1, out.len, stdout);
	if (bad.n) {
		fflush(stdout);
		fprintf(stderr, "%s bevat %zu ongeldige waarde%s:\n", c.path, bad.n, bad.n == 1 ? "" : "n");
		for (i = 0; i < bad.n; i++)
			fprintf(stderr, "  - %s\n", bad.v[i].message);
		rc = EXIT_INVALID;
	} else {
		rc = 0;
	}
out:
	buf_release(&out);
	findings_release(&bad);
	casus_release(&c);
	return rc;
}
