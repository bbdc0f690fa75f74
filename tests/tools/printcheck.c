/*
 * printcheck - the property "every field is printed" from the definitions.
 *
 *   printcheck gen DATADIR ROUTE SEED OUT.json
 *       Write a case for ROUTE that fills every field of every form with a
 *       distinct marker (dates, numbers and amounts distinct too; choices
 *       and yes/no picked by SEED, so that over a few seeds every
 *       condition is met once). Prints the attachment file names it used,
 *       one per line, for the caller to create next to OUT.json.
 *
 *   printcheck expect DATADIR CASE.json
 *       For every value of the case that applies, one line:
 *         TITLE <tab> PATH <tab> KIND <tab> TEXT [<tab> TEXT ...]
 *       TITLE is the bookmark that opens the section of the value's form,
 *       KIND is "waarde" (one of the TEXTs must be printed in that
 *       section), "woorden" (each word of the first TEXT must be) or
 *       "stuurt" (the field only steers the questions: its label, the
 *       TEXT, must not be printed there).
 *
 * It uses the program's own definitions and field types, so it knows
 * nothing the forms do not say: a field added to forms/ is generated and
 * expected like any other.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "date.h"
#include "expr.h"
#include "field.h"
#include "form.h"
#include "json.h"
#include "money.h"
#include "rules.h"
#include "template.h"
#include "textrule.h"
#include "words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long rng;
static unsigned counter;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % (n ? n : 1));
}

static json *marker_value(const struct field *f, const char *route, int today, struct buf *files);

static json *fill_record(const struct field *def, const char *route, int today, struct buf *files)
{
	json *o = json_new_object();
	size_t i;

	for (i = 0; i < def->nsub; i++)
		json_set(o, def->sub[i].key, marker_value(&def->sub[i], route, today, files));
	return o;
}

static json *marker_value(const struct field *f, const char *route, int today, struct buf *files)
{
	struct buf b = BUF_INIT;
	unsigned n = ++counter;
	json *v = NULL;
	size_t i;

	(void)route;
	switch (f->type->kind) {
	case FT_KORT:
		buf_addf(&b, "Mq%03ux", n);
		break;
	case FT_TEKST:
		buf_addf(&b, "Mq%03ux begint hier.\nMq%03uy op een nieuwe regel.\n\n- Mq%03uz als punt", n, n, n);
		break;
	case FT_EMAIL:
		buf_addf(&b, "mq%03u@voorbeeld.nl", n);
		break;
	case FT_TELEFOON:
		buf_addf(&b, "06-12%06u", n);
		break;
	case FT_DATUM:
		date_fmt_iso(&b, today - 40 - (int)n);
		break;
	case FT_TIJD:
		buf_addf(&b, "%02u:%02u", 8 + n % 10, n % 60);
		break;
	case FT_BESTAND:
		buf_addf(&b, "bijlage-%03u.pdf", n);
		buf_addf(files, "%s\n", b.s);
		break;
	case FT_JANEE:
		return json_new_bool(rnd(2));
	case FT_KEUZE:
		return json_new_string(f->choices[rnd((unsigned)f->nchoices)].key);
	case FT_MEERKEUZE:
		v = json_new_array();
		for (i = 0; i < f->nchoices; i++)
			if (i == 0 || rnd(2))
				json_append(v, json_new_string(f->choices[i].key));
		return v;
	case FT_GETAL: {
		double lo = f->has_min ? f->min : 0, hi = f->has_max ? f->max : 10000;
		double d = lo + fmod(n * 7.0 + 3, hi - lo > 1 ? hi - lo : 1);

		if (!f->integer && d + 0.5 <= hi)
			d += 0.5;
		return json_new_number(d > hi ? hi : d);
	}
	case FT_BEDRAG:
		return json_new_number(1000.0 * n + 37);
	case FT_GROEP:
		return fill_record(f, route, today, files);
	case FT_LIJST:
		v = json_new_array();
		for (i = 0; i < 2; i++)
			json_append(v, fill_record(f, route, today, files));
		return v;
	}
	v = json_new_string(b.s);
	buf_release(&b);
	return v;
}

static int gen(struct app *app, const char *route, unsigned long seed, const char *out)
{
	struct casus c = CASUS_INIT;
	struct buf files = BUF_INIT;
	int today = date_today();
	size_t i;

	rng = seed;
	casus_create(&c, out, "MQ-2026-0001", "den-haag", route);
	for (i = 0; i < app->forms.n; i++) {
		const struct form *f = &app->forms.forms[i];
		json *v;

		if (f->repeated) {
			size_t k;

			v = json_new_array();
			for (k = 0; k < 2; k++)
				json_append(v, fill_record(&f->root, route, today, &files));
		} else {
			v = fill_record(&f->root, route, today, &files);
		}
		json_set(c.root, f->id, v);
	}
	if (casus_save_new(&c, &app->err)) {
		fprintf(stderr, "printcheck: %s\n", app->err.msg.s);
		return 3;
	}
	fputs(files.s, stdout);
	buf_release(&files);
	casus_release(&c);
	return 0;
}

/* ---- expect ---- */

struct ex {
	struct app *app;
	const struct casus *c;
	const char *route;
	const char *title;
	struct expr_env env;
	struct tmpl t;
};

/* A text on one line of the table: line breaks and tabs become spaces. */
static void field_out(const char *s)
{
	putchar('\t');
	for (; *s; s++)
		putchar(*s == '\n' || *s == '\t' ? ' ' : *s);
}

static void line(struct ex *X, struct buf *path, const char *kind, const char *a, const char *b)
{
	printf("%s\t%s\t%s", X->title, path->s, kind);
	field_out(a);
	if (b && *b && strcmp(a, b))
		field_out(b);
	putchar('\n');
}

static void expect_value(struct ex *X, const struct field *f, const json *v, struct buf *path)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const json *it;
	int d;

	switch (f->type->kind) {
	case FT_JANEE:
		/* "ja" and "nee" prove nothing: the question itself must be there */
		line(X, path, "woorden", f->column_label && f->parent && f->parent->type->kind == FT_LIJST ? f->column_label : f->label, NULL);
		break;
	case FT_TEKST:
		text_reflow(json_str(v), &a);
		line(X, path, "woorden", a.s, NULL);
		break;
	case FT_MEERKEUZE:
		for (it = json_first(v); it; it = json_next(it)) {
			const struct choice *ch = field_choice(f, json_str(it));

			buf_reset(&a);
			buf_adds(&a, ch ? ch->label : json_str(it));
			line(X, path, "woorden", a.s, NULL);
		}
		break;
	case FT_KEUZE:
		f->type->format(f, v, &a);
		line(X, path, "woorden", a.s, NULL);
		break;
	case FT_DATUM:
		f->type->format(f, v, &a);
		if (date_parse_iso(json_str(v), &d))
			date_fmt_long(&b, d);
		line(X, path, "waarde", a.s, b.s);
		break;
	case FT_BESTAND:
		buf_adds(&a, strrchr(json_str(v), '/') ? strrchr(json_str(v), '/') + 1 : json_str(v));
		line(X, path, "waarde", a.s, NULL);
		break;
	default:
		f->type->format(f, v, &a);
		/* a quote's unit may print in the plural the form gives ("sessie" -> "sessies") */
		if (f == form_role(f->form, ROLE_QUOTE_UNIT) && json_is_string(v))
			buf_adds(&b, json_get_str(json_get(f->form->print, "meervoud"), json_str(v))
					     ? json_get_str(json_get(f->form->print, "meervoud"), json_str(v)) : "");
		line(X, path, strchr(a.s, ' ') ? "woorden" : "waarde", a.s, b.s);
		break;
	}
	buf_release(&a);
	buf_release(&b);
}

/* Which forms are printed, and the bookmark that opens each one's section. */
static const char *form_title(struct ex *X, const struct form *f)
{
	struct check_input ci = { &X->app->rules, &X->app->forms, X->c, X->route, casus_region(X->c), date_today(), NULL };
	const struct route *r = ruleset_route(&X->app->rules, X->route);
	bool in_route = f->layout->kind == LAYOUT_ATTACHMENTS;
	size_t k;

	for (k = 0; r && k < r->ndocs; k++)
		in_route |= !strcmp(r->docs[k], f->id);
	if (!in_route || (f->layout->kind != LAYOUT_ATTACHMENTS && !rules_doc_present(&ci, f->id)))
		return NULL;
	return f->layout->kind == LAYOUT_ATTACHMENTS ? word(&X->t, W_ATTACHMENTS) : f->title;
}

static int visit(const struct field *f, const json *v, const json *rec, const char *path, void *ctx)
{
	struct ex *X = ctx;
	struct buf p = BUF_INIT;

	X->env.record = rec;
	X->title = form_title(X, f->form);
	if (!X->title || !value_filled(v) || !field_applies(f, &X->env))
		return WALK_SKIP;
	buf_adds(&p, path);
	if (f->print == PRINT_NONE) {
		line(X, &p, "stuurt", f->label, NULL);
		buf_release(&p);
		return WALK_SKIP;
	}
	if (!field_is_container(f))
		expect_value(X, f, v, &p);
	buf_release(&p);
	return WALK_ON;
}

static int expect(struct app *app, const char *file)
{
	struct casus c = CASUS_INIT;
	const struct route *r;
	struct ex X;
	if (casus_load(&c, file, &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, NULL))) {
		fprintf(stderr, "printcheck: %s\n", app->err.msg.s);
		return 3;
	}
	memset(&X, 0, sizeof(X));
	X.app = app;
	X.c = &c;
	X.env.root = c.root;
	X.env.route = r->id;
	X.env.region = casus_region(&c);
	if (tmpl_load(&X.t, app->datadir, "standaard", &app->err)) {
		fprintf(stderr, "printcheck: %s\n", app->err.msg.s);
		return 3;
	}
	X.route = r->id;
	formset_walk(&app->forms, c.root, visit, &X);
	tmpl_release(&X.t);
	casus_release(&c);
	return 0;
}

int main(int argc, char **argv)
{
	struct app app;
	int r;

	if (argc == 6 && !strcmp(argv[1], "gen")) {
		if (app_init(&app, argv[2], NULL) || app_setup(&app, "den-haag")) {
			fprintf(stderr, "printcheck: %s\n", app.err.msg.s);
			return 3;
		}
		r = gen(&app, argv[3], strtoul(argv[4], NULL, 10), argv[5]);
	} else if (argc == 4 && !strcmp(argv[1], "expect")) {
		if (app_init(&app, argv[2], NULL)) {
			fprintf(stderr, "printcheck: %s\n", app.err.msg.s);
			return 3;
		}
		r = expect(&app, argv[3]);
	} else {
		fprintf(stderr, "usage: printcheck gen DATADIR ROUTE SEED OUT.json | expect DATADIR CASE.json\n");
		return 2;
	}
	app_release(&app);
	return r;
}
