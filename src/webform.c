/*
 * webform.c - HTML for `dossier web` from the form definitions.
 *
 * One walker goes over definition x value x path, the way `toon` and the
 * rules do, and either writes the controls or records which conditional
 * fields apply (for showing and hiding them live after a save). Which
 * control a field gets follows its type's kind in one table; the value
 * shown is the type's format(), exactly what `dossier toon` prints.
 */
#include "webform.h"
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "expr.h"
#include "field.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "path.h"
#include "tmpl.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* Radio buttons up to this many options, a select above. */
#define MAX_RADIOS 6

struct walk {
	const struct webcase *w;
	struct buf *out;   /* writing controls; NULL when only recording visibility */
	json *vis;         /* recording visibility; NULL when writing */
	struct expr_env env;
};

void html_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addch(out, *s);
		}
	}
}

/* "deelnemer" -> "Deelnemer" (ASCII first letter only: labels start so). */
static void add_capitalised(struct buf *out, const char *s)
{
	size_t start = out->len;

	html_escape(out, s);
	if (out->len > start && out->s[start] >= 'a' && out->s[start] <= 'z')
		out->s[start] = (char)(out->s[start] - 'a' + 'A');
}

static void attr(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, " %s=\"", name);
	html_escape(out, value);
	buf_addch(out, '"');
}

static void formatted(const struct field *f, const json *v, struct buf *out)
{
	if (value_filled(v))
		f->type->format(f, v, out);
}

static void help_block(struct walk *W, const struct field *f, const char *path)
{
	struct buf *o = W->out;

	if (!f->help)
		return;
	buf_adds(o, "<details class=\"hulp\"><summary>Uitleg<span class=\"sr\"> bij ");
	html_escape(o, f->label);
	buf_adds(o, "</span></summary><p");
	buf_adds(o, " id=\"h-");
	html_escape(o, path);
	buf_adds(o, "\">");
	html_escape(o, f->help);
	buf_adds(o, "</p></details>\n");
}

static void label_text(struct buf *o, const struct field *f)
{
	html_escape(o, f->label);
	if (f->required)
		buf_adds(o, " <span class=\"verplicht\">(verplicht)</span>");
}

/* Opening tag of a field's wrapper: path, condition, the value as the page showed it. */
static void wrapper_open(struct walk *W, const char *tag, const struct field *f, const char *path,
			 const char *shown, bool applies)
{
	struct buf *o = W->out;

	buf_addf(o, "<%s class=\"veld veld-%s\"", tag, f->type->name);
	buf_adds(o, " id=\"v-");
	html_escape(o, path);
	buf_addch(o, '"');
	attr(o, "data-pad", path);
	attr(o, "data-type", f->type->name);
	if (shown)
		attr(o, "data-oud", shown);
	if (f->cond)
		buf_adds(o, " data-voorwaarde");
	if (!applies)
		buf_adds(o, " hidden");
	buf_adds(o, ">\n");
}

static void error_slot(struct buf *o, const char *path)
{
	buf_adds(o, "<p class=\"foutmelding\" id=\"f-");
	html_escape(o, path);
	buf_adds(o, "\" hidden></p>\n");
}

static void describedby(struct buf *o, const struct field *f, const char *path, bool hint)
{
	buf_adds(o, " aria-describedby=\"f-");
	html_escape(o, path);
	if (hint) {
		buf_adds(o, " t-");
		html_escape(o, path);
	}
	if (f->help) {
		buf_adds(o, " h-");
		html_escape(o, path);
	}
	buf_addch(o, '"');
}

/*
 * The pick list of a field ("suggesties"): for each source, every record
 * at its path gives an option whose value is the source's "waarde"
 * template and whose data-vul holds the fields a pick fills along
 * ("overnemen"), as the terminal's pick lists do.
 */
struct suggest_ctx {
	struct buf *o;
	const struct field_pick *pick;
};

/* {.key} in a pick's templates: that field of the record. */
static const char *rec_lookup(void *ctx, const char *name, size_t len)
{
	const json *rec = ctx;
	char key[128];

	if (len < 2 || name[0] != '.' || len - 1 >= sizeof(key))
		return NULL;
	memcpy(key, name + 1, len - 1);
	key[len - 1] = '\0';
	return json_get_str(rec, key) ? json_get_str(rec, key) : "";
}

static void suggest_one(const json *rec, void *ctx)
{
	struct suggest_ctx *S = ctx;
	struct buf name = BUF_INIT, js = BUF_INIT, v = BUF_INIT;
	json *fill;
	size_t i;

	tmpl_expand(&name, S->pick->value, rec_lookup, (void *)rec, NULL);
	buf_trim(&name);
	if (!name.len)
		goto out;
	fill = json_new_object();
	for (i = 0; i < S->pick->ncopy; i++) {
		buf_reset(&v);
		tmpl_expand(&v, S->pick->copy_tmpls[i], rec_lookup, (void *)rec, NULL);
		if (v.len)
			json_set(fill, S->pick->copy_keys[i], json_new_string(v.s));
	}
	json_print_compact(fill, &js);
	buf_adds(S->o, "<option");
	attr(S->o, "value", name.s);
	attr(S->o, "data-vul", js.s);
	buf_adds(S->o, "></option>");
	json_free(fill);
out:
	buf_release(&name);
	buf_release(&js);
	buf_release(&v);
}

static void datalist(struct walk *W, const struct field *f, const char *path)
{
	size_t k;

	buf_adds(W->out, "<datalist id=\"s-");
	html_escape(W->out, path);
	buf_adds(W->out, "\">");
	for (k = 0; k < f->npicks; k++) {
		struct buf msg = BUF_INIT;
		struct path p;
		struct suggest_ctx S = { W->out, &f->picks[k] };

		if (path_parse(f->picks[k].from, &p, &msg) == 0) {
			path_each(W->env.root, &p, suggest_one, &S);
			path_release(&p);
		}
		buf_release(&msg);
	}
	buf_adds(W->out, "</datalist>\n");
}

static void text_control(struct walk *W, const struct field *f, const char *path, const char *shown)
{
	struct buf *o = W->out;
	const char *hint = f->type->hint;
	static const struct { enum ftype_kind kind; const char *mode; } modes[] = {
		{ FT_EMAIL, "email" }, { FT_TELEFOON, "tel" }, { FT_GETAL, "decimal" }, { FT_BEDRAG, "decimal" },
	};
	size_t i;

	if (f->type->kind == FT_BESTAND)
		hint = NULL;
	buf_adds(o, "<label for=\"i-");
	html_escape(o, path);
	buf_adds(o, "\">");
	label_text(o, f);
	buf_adds(o, "</label>\n");
	if (hint) {
		buf_adds(o, "<span class=\"hint\" id=\"t-");
		html_escape(o, path);
		buf_adds(o, "\">");
		html_escape(o, hint);
		buf_adds(o, "</span>\n");
	}
	if (f->type->kind == FT_TEKST) {
		/* the text rule (textrule.h): how the PDF will set what is typed here */
		buf_adds(o, "<span class=\"hint\" id=\"t-");
		html_escape(o, path);
		buf_adds(o, "\">Een lege regel begint een nieuwe alinea; een regel die begint met „- ” wordt een opsomming.</span>\n");
		buf_adds(o, "<textarea rows=\"6\" id=\"i-");
		html_escape(o, path);
		buf_addch(o, '"');
		attr(o, "name", path);
		describedby(o, f, path, true);
		if (f->required)
			buf_adds(o, " aria-required=\"true\"");
		buf_adds(o, ">");
		html_escape(o, shown);
		buf_adds(o, "</textarea>\n");
		return;
	}
	buf_adds(o, "<input type=\"text\" autocomplete=\"off\" id=\"i-");
	html_escape(o, path);
	buf_addch(o, '"');
	attr(o, "name", path);
	attr(o, "value", shown);
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (modes[i].kind == f->type->kind)
			attr(o, "inputmode", modes[i].mode);
	if (f->npicks) {
		buf_adds(o, " list=\"s-");
		html_escape(o, path);
		buf_addch(o, '"');
	}
	describedby(o, f, path, hint != NULL);
	if (f->required)
		buf_adds(o, " aria-required=\"true\"");
	buf_adds(o, ">\n");
	if (f->npicks)
		datalist(W, f, path);
}

static bool multi_has(const json *v, const char *key)
{
	const json *it;

	for (it = json_first(v); it; it = json_next(it))
		if (json_str(it) && !strcmp(json_str(it), key))
			return true;
	return false;
}

/* Radio buttons (janee, short keuze) and check boxes (meerkeuze) in a fieldset. */
static void option_controls(struct walk *W, const struct field *f, const char *path, const json *v)
{
	static const struct choice yesno[] = { { "ja", "ja" }, { "nee", "nee" } };
	const struct choice *opts = f->type->kind == FT_JANEE ? yesno : f->choices;
	size_t n = f->type->kind == FT_JANEE ? 2 : f->nchoices, i;
	bool multi = f->type->kind == FT_MEERKEUZE;
	struct buf *o = W->out;

	buf_adds(o, "<legend>");
	label_text(o, f);
	buf_adds(o, "</legend>\n<div class=\"opties\">\n");
	for (i = 0; i < n; i++) {
		bool on;

		if (multi)
			on = multi_has(v, opts[i].key);
		else if (f->type->kind == FT_JANEE)
			on = json_is_bool(v) && json_bool(v) == (i == 0);
		else
			on = json_str(v) && !strcmp(json_str(v), opts[i].key);
		buf_addf(o, "<label class=\"optie\"><input type=\"%s\"", multi ? "checkbox" : "radio");
		attr(o, "name", path);
		attr(o, "value", opts[i].key);
		if (on)
			buf_adds(o, " checked");
		describedby(o, f, path, false);
		buf_adds(o, "> ");
		html_escape(o, opts[i].label);
		buf_adds(o, "</label>\n");
	}
	buf_adds(o, "</div>\n");
}

static void select_control(struct walk *W, const struct field *f, const char *path, const json *v)
{
	struct buf *o = W->out;
	size_t i;

	buf_adds(o, "<label for=\"i-");
	html_escape(o, path);
	buf_adds(o, "\">");
	label_text(o, f);
	buf_adds(o, "</label>\n<select id=\"i-");
	html_escape(o, path);
	buf_addch(o, '"');
	attr(o, "name", path);
	describedby(o, f, path, false);
	if (f->required)
		buf_adds(o, " aria-required=\"true\"");
	buf_adds(o, ">\n<option value=\"\">— kies —</option>\n");
	for (i = 0; i < f->nchoices; i++) {
		buf_adds(o, "<option");
		attr(o, "value", f->choices[i].key);
		if (json_str(v) && !strcmp(json_str(v), f->choices[i].key))
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_escape(o, f->choices[i].label);
		buf_adds(o, "</option>\n");
	}
	buf_adds(o, "</select>\n");
}

static void file_control(struct walk *W, const struct field *f, const char *path, const char *shown)
{
	struct buf *o = W->out;

	buf_adds(o, "<label for=\"i-");
	html_escape(o, path);
	buf_adds(o, "\">");
	label_text(o, f);
	buf_adds(o, "</label>\n<p class=\"bestandsnaam\" id=\"t-");
	html_escape(o, path);
	buf_adds(o, "\">");
	if (*shown)
		html_escape(o, shown);
	else
		buf_adds(o, "Nog geen bestand.");
	buf_adds(o, "</p>\n<div class=\"sleepvak\">\n<input type=\"file\" accept=\".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg\" id=\"i-");
	html_escape(o, path);
	buf_addch(o, '"');
	attr(o, "name", path);
	describedby(o, f, path, true);
	buf_adds(o, ">\n<span class=\"sleephint\">of sleep een PDF, PNG of JPEG hierheen</span>\n");
	buf_adds(o, "<button type=\"button\" class=\"wis\"");
	attr(o, "data-wis", path);
	if (!*shown)
		buf_adds(o, " hidden");
	buf_adds(o, ">Bestand loskoppelen<span class=\"sr\"> van ");
	html_escape(o, f->label);
	buf_adds(o, "</span></button>\n</div>\n");
}

static void walk_field(struct walk *W, const struct field *f, const json *v, struct buf *path);

static void walk_record(struct walk *W, const struct field *def, const json *rec, struct buf *path)
{
	const json *saved = W->env.record;
	size_t i, base = path->len;

	W->env.record = rec;
	for (i = 0; i < def->nsub; i++) {
		buf_addf(path, ".%s", def->sub[i].key);
		walk_field(W, &def->sub[i], json_get(rec, def->sub[i].key), path);
		buf_setlen(path, base);
	}
	W->env.record = saved;
}

static void row_button(struct buf *o, const char *list, const char *op, size_t index, const char *text,
		       const char *what, bool off)
{
	buf_adds(o, "<button type=\"button\" class=\"rijknop\"");
	attr(o, "data-lijst", list);
	attr(o, "data-op", op);
	buf_addf(o, " data-index=\"%zu\"%s>%s<span class=\"sr\"> (", index, off ? " disabled" : "", text);
	html_escape(o, what);
	buf_adds(o, ")</span></button>\n");
}

bool webform_previous_list(const char *path, struct buf *out)
{
	const char *open = strchr(path, '['), *close;
	char *end;
	long n;

	if (!open || open == path || strcspn(path, ".") < (size_t)(open - path))
		return false;
	n = strtol(open + 1, &end, 10);
	close = end;
	if (n < 2 || *close != ']' || close[1] != '.' || !close[2])
		return false;
	buf_add(out, path, (size_t)(open - path));
	buf_addf(out, "[%ld]%s", n - 1, close + 1);
	return true;
}

/* "Take the attendees of the previous report": a list in record N > 1 of a repeated form, while empty. */
static void copy_button(struct walk *W, const struct field *f, const char *list, size_t n)
{
	struct buf prev = BUF_INIT;
	const json *pv;

	if (!n && f->parent && !f->parent->parent && f->form && f->form->repeated && webform_previous_list(list, &prev) &&
	    (pv = casus_get(W->w->c, prev.s)) && json_is_array(pv) && json_len(pv)) {
		buf_adds(W->out, "<button type=\"button\" class=\"rijknop\"");
		attr(W->out, "data-lijst", list);
		buf_adds(W->out, " data-op=\"overnemen\" data-index=\"1\">");
		html_escape(W->out, f->label);
		buf_adds(W->out, " van het vorige ");
		html_escape(W->out, f->form->item_title ? f->form->item_title : "formulier");
		buf_adds(W->out, " overnemen</button>\n");
	}
	buf_release(&prev);
}

/* A lijst: one fieldset per row with move and remove buttons, then "add". */
static void walk_list(struct walk *W, const struct field *f, const json *v, struct buf *path, bool form_root)
{
	size_t n = json_is_array(v) ? json_len(v) : 0, i, base = path->len;
	const char *item = f->item_name ? f->item_name : (f->form && f->form->item_title ? f->form->item_title : "regel");
	struct buf *o = W->out, what = BUF_INIT;
	char *list = xstrdup(path->s);

	if (o) {
		if (!form_root) {
			buf_adds(o, "<h2 class=\"lijstkop\">");
			label_text(o, f);
			buf_adds(o, "</h2>\n");
			help_block(W, f, list);
		}
		if (!n)
			buf_adds(o, "<p class=\"leeg\">Nog niets ingevuld.</p>\n");
	}
	for (i = 0; i < n; i++) {
		const json *rec = json_at(v, i);

		buf_setlen(path, base);
		buf_addf(path, "[%zu]", i + 1);
		if (o) {
			buf_reset(&what);
			add_capitalised(&what, item);
			buf_addf(&what, " %zu", i + 1);
			buf_adds(o, "<fieldset class=\"rij\" id=\"v-");
			html_escape(o, path->s);
			buf_adds(o, "\"><legend>");
			buf_adds(o, what.s);
			buf_adds(o, "</legend>\n");
		}
		walk_record(W, f, rec, path);
		if (o) {
			buf_adds(o, "<div class=\"rijknoppen\">\n");
			row_button(o, list, "omhoog", i + 1, "Omhoog", what.s, i == 0);
			row_button(o, list, "omlaag", i + 1, "Omlaag", what.s, i + 1 == n);
			row_button(o, list, "verwijderen", i + 1, "Verwijderen", what.s, false);
			buf_adds(o, "</div>\n</fieldset>\n");
		}
	}
	buf_setlen(path, base);
	if (o && !form_root)
		copy_button(W, f, list, n);
	if (o) {
		buf_adds(o, "<button type=\"button\" class=\"toevoegen\"");
		attr(o, "data-lijst", list);
		buf_addf(o, " data-op=\"toevoegen\" data-index=\"%zu\">", n + 1);
		add_capitalised(o, item);
		buf_adds(o, " toevoegen</button>\n");
	}
	buf_release(&what);
	free(list);
}

static void walk_field(struct walk *W, const struct field *f, const json *v, struct buf *path)
{
	bool applies = field_applies(f, &W->env);
	struct buf shown = BUF_INIT;
	enum ftype_kind k = f->type->kind;
	struct buf *o = W->out;

	if (W->vis && f->cond)
		json_set(W->vis, path->s, json_new_bool(applies));
	if (!o) {
		/* record the children too: a hidden group may hold conditional fields */
		if (k == FT_GROEP)
			walk_record(W, f, v, path);
		else if (k == FT_LIJST)
			walk_list(W, f, v, path, false);
		return;
	}
	if (!field_is_container(f))
		formatted(f, v, &shown);
	if (k == FT_GROEP) {
		wrapper_open(W, "fieldset", f, path->s, NULL, applies);
		buf_adds(o, "<legend>");
		label_text(o, f);
		buf_adds(o, "</legend>\n");
		help_block(W, f, path->s);
		walk_record(W, f, v, path);
		buf_adds(o, "</fieldset>\n");
	} else if (k == FT_LIJST) {
		wrapper_open(W, "section", f, path->s, NULL, applies);
		walk_list(W, f, v, path, false);
		buf_adds(o, "</section>\n");
	} else if (k == FT_JANEE || k == FT_MEERKEUZE || (k == FT_KEUZE && f->nchoices <= MAX_RADIOS)) {
		wrapper_open(W, "fieldset", f, path->s, shown.s, applies);
		option_controls(W, f, path->s, v);
		help_block(W, f, path->s);
		error_slot(o, path->s);
		buf_adds(o, "</fieldset>\n");
	} else {
		wrapper_open(W, "div", f, path->s, shown.s, applies);
		if (k == FT_KEUZE)
			select_control(W, f, path->s, v);
		else if (k == FT_BESTAND)
			file_control(W, f, path->s, shown.s);
		else
			text_control(W, f, path->s, shown.s);
		help_block(W, f, path->s);
		error_slot(o, path->s);
		buf_adds(o, "</div>\n");
	}
	buf_release(&shown);
}

static void walk_init(struct walk *W, const struct webcase *w)
{
	memset(W, 0, sizeof(*W));
	W->w = w;
	W->env.root = w->c->root;
	W->env.route = w->route->id;
	W->env.region = casus_region(w->c);
}

void webform_form(const struct webcase *w, const struct form *f, struct buf *out)
{
	struct walk W;
	struct buf path = BUF_INIT;
	const json *v = json_get(w->c->root, f->id);

	walk_init(&W, w);
	W.out = out;
	buf_sets(&path, f->id);
	buf_adds(out, "<h1>");
	html_escape(out, f->title);
	buf_adds(out, "</h1>\n");
	if (f->desc) {
		buf_adds(out, "<p class=\"omschrijving\">");
		html_escape(out, f->desc);
		buf_adds(out, "</p>\n");
	}
	buf_adds(out, "<form class=\"formulier\" novalidate");
	attr(out, "data-formulier", f->id);
	buf_adds(out, ">\n");
	if (f->repeated)
		walk_list(&W, &f->root, v, &path, true);
	else
		walk_record(&W, &f->root, v, &path);
	buf_adds(out, "</form>\n");
	buf_release(&path);
}

json *webform_visibility(const struct webcase *w, const struct form *f)
{
	struct walk W;
	struct buf path = BUF_INIT;
	const json *v = json_get(w->c->root, f->id);

	walk_init(&W, w);
	W.vis = json_new_object();
	buf_sets(&path, f->id);
	if (f->repeated)
		walk_list(&W, &f->root, v, &path, true);
	else
		walk_record(&W, &f->root, v, &path);
	buf_release(&path);
	return W.vis;
}

bool webform_shown(const struct webcase *w, const struct form *f)
{
	struct expr_env env = { w->c->root, NULL, w->route->id, casus_region(w->c), NULL };
	size_t i;

	if (!field_applies(&f->root, &env))
		return false;
	if (!strcmp(f->id, "casus") || !strcmp(f->id, "bijlagen"))
		return true;
	for (i = 0; i < w->route->ndocs; i++)
		if (!strcmp(w->route->docs[i], f->id))
			return true;
	return false;
}

static void case_link(struct buf *out, const struct webcase *w, const char *form)
{
	buf_adds(out, "/casus/");
	html_escape(out, w->name);
	buf_addch(out, '/');
	html_escape(out, form);
}

void webform_sidebar(const struct webcase *w, const char *current, struct buf *out)
{
	struct check_input in = { &w->app->rules, &w->app->forms, w->c, w->route->id, casus_region(w->c), 0, w->name };
	size_t i, j;

	buf_adds(out, "<h2 id=\"zijbalk-kop\">Formulieren</h2>\n<ul class=\"formulieren\">\n");
	for (i = 0; i < w->app->forms.n; i++) {
		const struct form *f = &w->app->forms.forms[i];
		size_t nerr = 0, nwarn = 0;
		const char *state, *cls;

		if (!webform_shown(w, f))
			continue;
		for (j = 0; j < w->fs->n; j++)
			if (!strcmp(w->fs->v[j].document, f->id))
				*(w->fs->v[j].sev == SEV_ERROR ? &nerr : &nwarn) += 1;
		if (nerr) {
			state = "onvolledig";
			cls = "fout";
		} else if (rules_doc_present(&in, f->id)) {
			state = nwarn ? "compleet, met waarschuwing" : "compleet";
			cls = "goed";
		} else {
			state = "niet ingevuld";
			cls = "leeg";
		}
		buf_adds(out, "<li><a href=\"");
		case_link(out, w, f->id);
		buf_addch(out, '"');
		if (current && !strcmp(current, f->id))
			buf_adds(out, " aria-current=\"page\"");
		buf_adds(out, ">");
		html_escape(out, f->title);
		buf_addf(out, "</a> <span class=\"staat staat-%s\">%s", cls, state);
		if (nerr)
			buf_addf(out, ": %zu fout%s", nerr, nerr == 1 ? "" : "en");
		buf_adds(out, "</span></li>\n");
	}
	buf_adds(out, "</ul>\n");
}

void webform_findings(const struct webcase *w, struct buf *out)
{
	size_t nerr = findings_count(w->fs, SEV_ERROR), nwarn = findings_count(w->fs, SEV_WARNING), i;

	buf_adds(out, "<h2 id=\"bevindingen-kop\">Controle</h2>\n<p class=\"oordeel\">");
	if (nerr)
		buf_addf(out, "Onvolledig voor de %s: %zu fout%s.", w->route->table, nerr, nerr == 1 ? "" : "en");
	else
		buf_addf(out, "Volledig voor de %s.", w->route->table);
	if (nwarn)
		buf_addf(out, " %zu waarschuwing%s.", nwarn, nwarn == 1 ? "" : "en");
	buf_adds(out, "</p>\n<ul class=\"bevindingen\">\n");
	for (i = 0; i < w->fs->n; i++) {
		const struct finding *fd = &w->fs->v[i];
		bool is_form = formset_get(&w->app->forms, fd->document) != NULL;

		buf_addf(out, "<li class=\"%s\"", fd->sev == SEV_ERROR ? "fout" : "waarschuwing");
		attr(out, "data-code", fd->code);
		buf_addf(out, "><span class=\"sr\">%s: </span>", fd->sev == SEV_ERROR ? "Fout" : "Waarschuwing");
		if (is_form) {
			buf_adds(out, "<a href=\"");
			case_link(out, w, fd->document);
			if (fd->field) {
				buf_adds(out, "#v-");
				html_escape(out, fd->field);
			}
			buf_adds(out, "\">");
		}
		html_escape(out, fd->message);
		if (is_form)
			buf_adds(out, "</a>");
		buf_adds(out, "</li>\n");
	}
	buf_adds(out, "</ul>\n");
}
