/*
 * form.c - load and check form definitions (see form.h).
 *
 * The loader is strict on purpose: a region edits these files by hand,
 * so an unknown property ("verplict"), an unknown type or a broken
 * condition is reported with the file, the field and, where it can be
 * found, the line; nothing is silently ignored.
 */
#include "form.h"
#include "buf.h"
#include "err.h"
#include "expr.h"
#include "fileio.h"
#include "finding.h"
#include "json.h"
#include "mem.h"
#include "path.h"
#include "tmpl.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define DEF_MAX_FILE (1u << 20)

struct loader {
	const char *file;
	struct buf text;  /* the file's text, to find line numbers */
	struct err *e;
};

/* Line of the first `"sleutel": "<key>"` in the file, or 0. */
static size_t key_line(const struct loader *L, const char *key)
{
	struct buf needle = BUF_INIT;
	const char *p = L->text.s;
	size_t line = 0;

	buf_addf(&needle, "\"%s\"", key);
	while ((p = strstr(p, needle.s))) {
		const char *q = p;
		size_t l, c;

		/* accept it when preceded by "sleutel": */
		while (q > L->text.s && (q[-1] == ' ' || q[-1] == ':' || q[-1] == '\t'))
			q--;
		if (q - L->text.s >= 9 && !strncmp(q - 9, "\"sleutel\"", 9)) {
			utf8_line_col(L->text.s, (size_t)(p - L->text.s), &l, &c);
			line = l;
			break;
		}
		p += needle.len;
	}
	buf_release(&needle);
	return line;
}

static int def_error(struct loader *L, const char *key, const char *fmt, ...) PRINTF_LIKE(3, 4);
static int def_error(struct loader *L, const char *key, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	size_t line = key ? key_line(L, key) : 0;
	va_list ap;

	buf_adds(&b, L->file);
	if (line)
		buf_addf(&b, ":%zu", line);
	if (key)
		buf_addf(&b, ": veld '%s'", key);
	buf_adds(&b, ": ");
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	err_set(L->e, EXIT_SYSTEM, "%s", b.s);
	buf_release(&b);
	return -1;
}

static char *opt_str(const json *o, const char *k)
{
	const char *s = json_get_str(o, k);

	return s ? xstrdup(s) : NULL;
}

static int get_bool(struct loader *L, const json *o, const char *k, const char *owner, bool *out)
{
	const json *v = json_get(o, k);

	if (!v)
		return 0;
	if (!json_is_bool(v))
		return def_error(L, owner, "'%s' moet true of false zijn", k);
	*out = json_bool(v);
	return 0;
}

static int get_cond(struct loader *L, const json *o, const char *owner, struct expr **x, char **src)
{
	const json *v = json_get(o, "voorwaarde");
	struct buf msg = BUF_INIT;

	if (!v)
		return 0;
	if (!json_is_string(v))
		return def_error(L, owner, "'voorwaarde' moet een tekst zijn");
	if (expr_parse(json_str(v), x, &msg)) {
		def_error(L, owner, "%s", msg.s);
		buf_release(&msg);
		return -1;
	}
	*src = xstrdup(json_str(v));
	return 0;
}

static const char *const field_props[] = {
	"sleutel", "label", "hulp", "type", "verplicht", "voorwaarde", "opties", "velden",
	"kolommen", "item", "samenvatting", "minimaal", "maxlengte", "min", "max", "geheel",
	"niet_in_toekomst", "kader", "persoonlijk", "suggesties", "toelichting", "afdruk",
	"kolomlabel",
};

static int check_props(struct loader *L, const json *o, const char *owner,
		       const char *const *props, size_t nprops)
{
	const json *m;
	size_t i;

	for (m = json_first(o); m; m = json_next(m)) {
		for (i = 0; i < nprops; i++)
			if (!strcmp(json_key(m), props[i]))
				break;
		if (i == nprops)
			return def_error(L, owner, "onbekende eigenschap '%s'", json_key(m));
	}
	return 0;
}

static int load_fields(struct loader *L, const json *arr, struct field *parent, const struct form *form);

static int load_choices(struct loader *L, const json *o, struct field *f)
{
	const json *arr = json_get(o, "opties"), *it;
	size_t i = 0;

	if (!arr || !json_is_array(arr) || !json_len(arr))
		return def_error(L, f->key, "een %s-veld heeft een lijst 'opties' nodig", f->type->name);
	f->choices = xcalloc(json_len(arr), sizeof(*f->choices));
	for (it = json_first(arr); it; it = json_next(it), i++) {
		const char *k = json_get_str(it, "sleutel"), *l = json_get_str(it, "label");

		if (json_is_string(it))
			k = l = json_str(it);
		if (!k || !*k || !l)
			return def_error(L, f->key, "optie %zu heeft geen 'sleutel' en 'label'", i + 1);
		if (field_choice(f, k))
			return def_error(L, f->key, "optie '%s' komt twee keer voor", k);
		f->choices[i].key = xstrdup(k);
		f->choices[i].label = xstrdup(l);
		f->nchoices = i + 1;
	}
	return 0;
}

static int load_number_prop(struct loader *L, const json *o, const char *k, struct field *f,
			    bool *has, double *out)
{
	const json *v = json_get(o, k);

	if (!v)
		return 0;
	if (!json_is_number(v))
		return def_error(L, f->key, "'%s' moet een getal zijn", k);
	*has = true;
	*out = json_num(v);
	return 0;
}

static int load_field(struct loader *L, const json *o, struct field *f, struct field *parent,
		      const struct form *form)
{
	const char *key = json_get_str(o, "sleutel"), *type = json_get_str(o, "type");
	const char *priv = json_get_str(o, "persoonlijk");
	const json *v;
	struct buf msg = BUF_INIT;
	bool has = false;
	double d;

	if (!json_is_object(o))
		return def_error(L, parent ? parent->key : NULL, "elk veld moet een groep {...} zijn");
	if (!key || !*key)
		return def_error(L, parent ? parent->key : NULL, "een veld zonder 'sleutel'");
	{
		struct path p;

		if (strchr(key, '.') || strchr(key, '[') || path_parse(key, &p, &msg)) {
			buf_release(&msg);
			return def_error(L, key, "een sleutel bestaat uit letters, cijfers, - en _");
		}
		path_release(&p);
	}
	f->key = xstrdup(key);
	f->parent = parent;
	f->form = form;
	if (check_props(L, o, key, field_props, sizeof(field_props) / sizeof(field_props[0])))
		return -1;
	if (!type && json_get(o, "type"))
		return def_error(L, key, "'type' moet de naam van een type zijn (tekst), maar is %s",
				 json_type_name(json_get(o, "type")));
	if (!type || !(f->type = ftype_find(type)))
		return def_error(L, key, "onbekend type '%s'", type ? type : "(geen)");
	f->label = opt_str(o, "label");
	if (!f->label)
		return def_error(L, key, "'label' ontbreekt");
	f->help = opt_str(o, "hulp");
	f->column_label = opt_str(o, "kolomlabel");
	if (get_bool(L, o, "verplicht", key, &f->required) ||
	    get_bool(L, o, "geheel", key, &f->integer) ||
	    get_bool(L, o, "niet_in_toekomst", key, &f->no_future) ||
	    get_bool(L, o, "kader", key, &f->boxed) ||
	    get_cond(L, o, key, &f->cond, &f->cond_src))
		return -1;
	if (load_number_prop(L, o, "min", f, &f->has_min, &f->min) ||
	    load_number_prop(L, o, "max", f, &f->has_max, &f->max))
		return -1;
	if (load_number_prop(L, o, "maxlengte", f, &has, &d))
		return -1;
	if (has) {
		if (d < 1 || d > 10000000)
			return def_error(L, key, "'maxlengte' moet tussen 1 en 10000000 liggen");
		f->max_len = (size_t)d;
	}
	has = false;
	if (load_number_prop(L, o, "minimaal", f, &has, &d))
		return -1;
	if (has)
		f->min_items = d < 0 ? 0 : (size_t)d;
	if (priv) {
		if (!strcmp(priv, "initialen"))
			f->privacy = PRIV_INITIALS;
		else if (!strcmp(priv, "weglaten"))
			f->privacy = PRIV_OMIT;
		else
			return def_error(L, key, "'persoonlijk' is 'initialen' of 'weglaten', niet '%s'", priv);
	}
	v = json_get(o, "afdruk");
	if (v) {
		const char *pm = json_str(v);

		if (pm && !strcmp(pm, "nee"))
			f->print = PRINT_NONE;
		else if (pm && !strcmp(pm, "blokken") && f->type->kind == FT_LIJST)
			f->print = PRINT_BLOCKS;
		else
			return def_error(L, key, "'afdruk' is \"nee\" (alleen voor het verloop van de vragen)%s",
					 f->type->kind == FT_LIJST ? " of \"blokken\" (elk item apart)" : "");
	}
	f->suggest = opt_str(o, "suggesties");
	f->item_name = opt_str(o, "item");
	f->summary = opt_str(o, "samenvatting");
	if (f->type->kind == FT_KEUZE || f->type->kind == FT_MEERKEUZE) {
		if (load_choices(L, o, f))
			return -1;
	} else if (json_get(o, "opties")) {
		return def_error(L, key, "alleen keuze- en meerkeuzevelden hebben 'opties'");
	}
	v = json_get(o, "velden");
	if (field_is_container(f)) {
		if (!v || !json_is_array(v) || !json_len(v))
			return def_error(L, key, "een %s heeft een lijst 'velden' nodig", f->type->name);
		if (load_fields(L, v, f, form))
			return -1;
	} else if (v) {
		return def_error(L, key, "alleen groepen en lijsten hebben 'velden'");
	}
	v = json_get(o, "kolommen");
	if (v) {
		const json *c;
		size_t i = 0;

		if (f->type->kind != FT_LIJST || !json_is_array(v))
			return def_error(L, key, "'kolommen' is een lijst sleutels en hoort bij een lijst");
		f->columns = xcalloc(json_len(v) + 1, sizeof(char *));
		for (c = json_first(v); c; c = json_next(c), i++) {
			if (!json_is_string(c) || !field_sub(f, json_str(c)))
				return def_error(L, key, "kolom %zu noemt geen veld van deze lijst", i + 1);
			f->columns[i] = xstrdup(json_str(c));
			f->ncolumns = i + 1;
		}
	}
	return 0;
}

static int load_fields(struct loader *L, const json *arr, struct field *parent, const struct form *form)
{
	const json *it;
	size_t i = 0, j;

	parent->sub = xcalloc(json_len(arr), sizeof(struct field));
	for (it = json_first(arr); it; it = json_next(it), i++) {
		parent->nsub = i + 1;
		if (load_field(L, it, &parent->sub[i], parent, form))
			return -1;
		for (j = 0; j < i; j++)
			if (!strcmp(parent->sub[j].key, parent->sub[i].key))
				return def_error(L, parent->sub[i].key, "deze sleutel komt twee keer voor");
	}
	return 0;
}

static const char *const form_props[] = {
	"id", "titel", "omschrijving", "meervoud", "item", "voorwaarde", "weergave", "velden", "afdruk",
	"toelichting", "samenvatting", "rollen", "kolommen",
};

/*
 * "rollen": { "categorie": "regels.categorie", ... }. Each role of the
 * layout names a field of the form of the type the layout needs; a role
 * that belongs to a list (the category of a cost line) must lie in the
 * list that plays the list role.
 */
static int load_roles(struct loader *L, const json *doc, struct form *f)
{
	const json *roles = json_get(doc, "rollen"), *m;
	size_t i;

	if (roles && !json_is_object(roles))
		return def_error(L, NULL, "'rollen' moet een groep {\"rol\": \"veld\"} zijn");
	for (m = json_first(roles); m; m = json_next(m)) {
		const struct layout_role *r = layout_role_find(f->layout, json_key(m));
		const struct field *fd = &f->root;
		const char *p = json_str(m);
		struct buf names = BUF_INIT;

		if (!r) {
			layout_role_names(f->layout, &names);
			def_error(L, NULL, "weergave '%s' kent geen rol '%s' (wel: %s)", f->layout->name, json_key(m), names.s);
			buf_release(&names);
			return -1;
		}
		while (p && *p && fd) {
			const char *dot = strchr(p, '.');
			size_t n = dot ? (size_t)(dot - p) : strlen(p);
			size_t k;
			const struct field *next = NULL;

			for (k = 0; k < fd->nsub; k++)
				if (strlen(fd->sub[k].key) == n && !strncmp(fd->sub[k].key, p, n))
					next = &fd->sub[k];
			fd = next;
			p = dot ? dot + 1 : p + n;
		}
		if (!json_str(m) || !fd || fd == &f->root)
			return def_error(L, NULL, "rol '%s': '%s' is geen veld van dit formulier", r->name,
					 json_str(m) ? json_str(m) : "?");
		if (fd->type->kind != r->kind) {
			const struct ftype *all = ftype_all(&i), *want = NULL;

			while (i--)
				if (all[i].kind == r->kind)
					want = &all[i];
			return def_error(L, NULL, "rol '%s': veld '%s' moet van het type %s zijn, niet %s", r->name,
					 json_str(m), want ? want->name : "?", fd->type->name);
		}
		f->role[r->id] = fd;
	}
	for (i = 0; i < f->layout->nroles; i++) {
		const struct layout_role *r = &f->layout->roles[i];
		const struct field *in = r->within ? f->role[r->within] : &f->root;

		if (r->required && !f->role[r->id])
			return def_error(L, NULL, "weergave '%s' heeft de rol '%s' nodig in 'rollen'", f->layout->name, r->name);
		if (f->role[r->id] && in && f->role[r->id]->parent != in)
			return def_error(L, NULL, "rol '%s' moet een veld direct in %s zijn", r->name,
					 r->within ? "de lijst van zijn rol" : "het formulier");
	}
	return 0;
}

/* "afdruk"."zinnen": [{ "voorwaarde": "...", "tekst": "..." }]: each condition must parse. */
static int check_sentences(struct loader *L, const json *zinnen)
{
	const json *it;
	size_t i = 0;

	if (zinnen && !json_is_array(zinnen))
		return def_error(L, NULL, "'zinnen' in 'afdruk' is een lijst van {\"voorwaarde\", \"tekst\"}");
	for (it = json_first(zinnen); it; it = json_next(it)) {
		const char *cond = json_get_str(it, "voorwaarde");
		struct expr *x = NULL;
		struct buf msg = BUF_INIT;

		i++;
		if (!json_get_str(it, "tekst"))
			return def_error(L, NULL, "zin %zu in 'afdruk' heeft geen 'tekst'", i);
		if (cond && expr_parse(cond, &x, &msg)) {
			def_error(L, NULL, "zin %zu in 'afdruk': %s", i, msg.s);
			buf_release(&msg);
			return -1;
		}
		expr_free(x);
		buf_release(&msg);
	}
	return 0;
}

static int load_form(struct formset *fs, const char *id, struct err *e)
{
	struct loader L = { NULL, BUF_INIT, e };
	struct form *f;
	json *doc = NULL;
	const json *v;
	char *file;
	struct buf name = BUF_INIT;
	int r = -1;

	buf_addf(&name, "%s.json", id);
	file = path_join(fs->dir, name.s);
	buf_release(&name);
	L.file = file;
	/* the array was sized up front: fields point at their form */
	f = &fs->forms[fs->n++];
	memset(f, 0, sizeof(*f));
	f->file = file;
	if (file_read(file, DEF_MAX_FILE, &L.text, e) ||
	    json_parse(L.text.s, L.text.len, file, &doc, e))
		goto out;
	if (!json_is_object(doc)) {
		def_error(&L, NULL, "een formulier is een groep {...}");
		goto out;
	}
	if (check_props(&L, doc, NULL, form_props, sizeof(form_props) / sizeof(form_props[0])))
		goto out;
	if (!json_get_str(doc, "id") || strcmp(json_get_str(doc, "id"), id)) {
		def_error(&L, NULL, "'id' moet \"%s\" zijn (zoals in formulieren.json)", id);
		goto out;
	}
	f->id = xstrdup(id);
	f->title = opt_str(doc, "titel");
	if (!f->title) {
		def_error(&L, NULL, "'titel' ontbreekt");
		goto out;
	}
	f->desc = opt_str(doc, "omschrijving");
	f->item_title = opt_str(doc, "item");
	f->layout = layout_find(json_get_str(doc, "weergave") ? json_get_str(doc, "weergave") : "velden");
	if (!f->layout) {
		struct buf names = BUF_INIT;

		layout_names(&names);
		def_error(&L, NULL, "onbekende weergave '%s' (%s)", json_get_str(doc, "weergave"), names.s);
		buf_release(&names);
		goto out;
	}
	if (get_bool(&L, doc, "meervoud", NULL, &f->repeated) ||
	    get_cond(&L, doc, NULL, &f->cond, &f->cond_src))
		goto out;
	f->root.type = ftype_find(f->repeated ? "lijst" : "groep");
	f->root.label = xstrdup(f->title);
	f->root.form = f;
	f->root.item_name = f->item_title ? xstrdup(f->item_title) : NULL;
	f->root.summary = opt_str(doc, "samenvatting");
	v = json_get(doc, "velden");
	if (!v || !json_is_array(v) || !json_len(v)) {
		def_error(&L, NULL, "'velden' ontbreekt of is leeg");
		goto out;
	}
	if (load_fields(&L, v, &f->root, f) || load_roles(&L, doc, f))
		goto out;
	v = json_get(doc, "kolommen");
	if (v) {
		const json *c;
		size_t i = 0;

		if (!f->repeated || !json_is_array(v)) {
			def_error(&L, NULL, "'kolommen' is een lijst sleutels en hoort bij een meervoud-formulier");
			goto out;
		}
		f->root.columns = xcalloc(json_len(v) + 1, sizeof(char *));
		for (c = json_first(v); c; c = json_next(c), i++) {
			if (!json_is_string(c) || !field_sub(&f->root, json_str(c))) {
				def_error(&L, NULL, "kolom %zu noemt geen veld van dit formulier", i + 1);
				goto out;
			}
			f->root.columns[i] = xstrdup(json_str(c));
			f->root.ncolumns = i + 1;
		}
	}
	v = json_get(doc, "afdruk");
	if (v) {
		if (!json_is_object(v)) {
			def_error(&L, NULL, "'afdruk' moet een groep {...} zijn");
			goto out;
		}
		f->print = json_dup(v);
		if (check_sentences(&L, json_get(v, "zinnen")))
			goto out;
	}
	r = 0;
out:
	json_free(doc);
	buf_release(&L.text);
	return r;
}

int formset_load(struct formset *fs, const char *dir, struct err *e)
{
	char *index = path_join(dir, "formulieren.json");
	json *doc = NULL;
	const json *list, *it;
	int r = -1;

	fs->dir = xstrdup(dir);
	if (json_load_file(index, DEF_MAX_FILE, &doc, e))
		goto out;
	list = json_get(doc, "formulieren");
	if (!json_is_array(list) || !json_len(list)) {
		err_set(e, EXIT_SYSTEM, "%s: 'formulieren' moet een lijst van formuliernamen zijn", index);
		goto out;
	}
	fs->cap = json_len(list);
	fs->forms = xcalloc(fs->cap, sizeof(*fs->forms));
	for (it = json_first(list); it; it = json_next(it)) {
		const char *id = json_str(it);

		if (!id || !*id || strchr(id, '/') || strchr(id, '.')) {
			err_set(e, EXIT_SYSTEM, "%s: ongeldige formuliernaam in 'formulieren'", index);
			goto out;
		}
		if (formset_get(fs, id)) {
			err_set(e, EXIT_SYSTEM, "%s: formulier '%s' staat er twee keer in", index, id);
			goto out;
		}
		if (!strcmp(id, "dossier")) {
			err_set(e, EXIT_SYSTEM, "%s: 'dossier' is gereserveerd voor de gegevens van het dossier zelf", index);
			goto out;
		}
		if (load_form(fs, id, e))
			goto out;
	}
	r = 0;
out:
	json_free(doc);
	free(index);
	return r;
}

static void field_release(struct field *f)
{
	size_t i;

	free(f->key);
	free(f->label);
	free(f->help);
	free(f->column_label);
	expr_free(f->cond);
	free(f->cond_src);
	for (i = 0; i < f->nchoices; i++) {
		free(f->choices[i].key);
		free(f->choices[i].label);
	}
	free(f->choices);
	for (i = 0; i < f->nsub; i++)
		field_release(&f->sub[i]);
	free(f->sub);
	for (i = 0; i < f->ncolumns; i++)
		free(f->columns[i]);
	free(f->columns);
	free(f->item_name);
	free(f->summary);
	free(f->suggest);
}

void formset_release(struct formset *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		struct form *f = &fs->forms[i];

		free(f->id);
		free(f->title);
		free(f->desc);
		free(f->file);
		free(f->item_title);
		expr_free(f->cond);
		free(f->cond_src);
		field_release(&f->root);
		json_free(f->print);
	}
	free(fs->forms);
	free(fs->dir);
	memset(fs, 0, sizeof(*fs));
}

const struct form *formset_get(const struct formset *fs, const char *id)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->forms[i].id && !strcmp(fs->forms[i].id, id))
			return &fs->forms[i];
	return NULL;
}

/* ---- regional names ---------------------------------------------------- */

struct expand {
	formset_lookup_fn lookup;
	void *ctx;
	const struct form *form;
	char *unknown;      /* first name without a value */
	const char *where;  /* file of that name */
};

static const char *expand_lookup(void *ctx, const char *name, size_t len)
{
	struct expand *X = ctx;
	char *n = xstrndup(name, len);
	const char *v = X->lookup(X->ctx, n);

	free(n);
	return v;
}

static void expand_str(char **s, struct expand *X)
{
	struct buf b = BUF_INIT;
	char *unknown = NULL;

	if (!*s || !strchr(*s, '{'))
		return;
	if (tmpl_expand(&b, *s, expand_lookup, X, &unknown) && !X->unknown) {
		X->unknown = unknown;
		X->where = X->form->file;
	} else {
		free(unknown);
	}
	free(*s);
	*s = buf_detach(&b, NULL);
}

static void expand_field(struct field *f, struct expand *X)
{
	size_t i;

	expand_str(&f->label, X);
	expand_str(&f->help, X);
	for (i = 0; i < f->nchoices; i++)
		expand_str(&f->choices[i].label, X);
	for (i = 0; i < f->nsub; i++)
		expand_field(&f->sub[i], X);
}

int formset_expand(struct formset *fs, formset_lookup_fn lookup, void *ctx, struct err *e)
{
	struct expand X = { lookup, ctx, NULL, NULL, NULL };
	size_t i;
	int r = 0;

	for (i = 0; i < fs->n; i++) {
		X.form = &fs->forms[i];
		expand_str(&fs->forms[i].title, &X);
		expand_str(&fs->forms[i].desc, &X);
		expand_str(&fs->forms[i].item_title, &X);
		expand_str(&fs->forms[i].root.label, &X);
		expand_str(&fs->forms[i].root.item_name, &X);
		expand_field(&fs->forms[i].root, &X);
	}
	if (X.unknown) {
		r = err_set(e, EXIT_SYSTEM, "%s: de naam {%s} is niet bekend; zet hem in [namen] van het regioprofiel",
			    X.where, X.unknown);
		free(X.unknown);
	}
	return r;
}

/* ---- finding definitions by path --------------------------------------- */

const struct field *formset_field(const struct formset *fs, const char *spath, struct err *e)
{
	struct path p;
	struct buf msg = BUF_INIT;
	const struct form *form;
	const struct field *f = NULL;
	size_t i;

	if (path_parse(spath, &p, &msg)) {
		err_set(e, EXIT_USAGE, "%s", msg.s);
		buf_release(&msg);
		return NULL;
	}
	if (p.relative) {
		err_set(e, EXIT_USAGE, "'%s': een veldpad begint met de naam van een formulier", spath);
		goto out;
	}
	form = formset_get(fs, p.segs[0].key);
	if (!form) {
		err_set(e, EXIT_USAGE, "'%s' is geen formulier (zie 'dossier formulieren')", p.segs[0].key);
		goto out;
	}
	if (p.segs[0].index > 0 && !form->repeated) {
		err_set(e, EXIT_USAGE, "'%s' heeft maar één formulier; laat [%ld] weg", form->id, p.segs[0].index);
		goto out;
	}
	f = &form->root;
	for (i = 1; i < p.n; i++) {
		const struct field *sub = field_is_container(f) ? field_sub(f, p.segs[i].key) : NULL;

		if (!sub) {
			struct buf where = BUF_INIT;

			field_def_path(f, &where);
			err_set(e, EXIT_USAGE, "'%s' heeft geen veld '%s' (zie 'dossier formulieren %s')",
				where.s, p.segs[i].key, form->id);
			buf_release(&where);
			f = NULL;
			goto out;
		}
		f = sub;
		if (p.segs[i].index > 0 && f->type->kind != FT_LIJST) {
			err_set(e, EXIT_USAGE, "'%s' is geen lijst; laat [%ld] weg", f->key, p.segs[i].index);
			f = NULL;
			goto out;
		}
	}
out:
	path_release(&p);
	return f;
}

void field_def_path(const struct field *f, struct buf *out)
{
	if (!f->parent) {
		buf_adds(out, f->form ? f->form->id : "?");
		return;
	}
	field_def_path(f->parent, out);
	buf_addch(out, '.');
	buf_adds(out, f->key);
}

int formset_set_label(struct formset *fs, const char *path, const char *label, struct err *e)
{
	struct field *f = (struct field *)formset_field(fs, path, e);

	if (!f)
		return -1;
	free(f->label);
	f->label = xstrdup(label);
	return 0;
}

bool field_applies(const struct field *f, const struct expr_env *env)
{
	if (f->cond && !expr_eval(f->cond, env))
		return false;
	if (!f->parent && f->form && f->form->cond && !expr_eval(f->form->cond, env))
		return false;
	return true;
}

/* ---- validating a case ---------------------------------------------------- */

struct vctx {
	struct findings *out;
	const char *form;
};

static void problem(struct vctx *V, const struct buf *path, const struct field *f, const char *msg)
{
	struct finding *fd = findings_add(V->out, "ongeldige-waarde", SEV_ERROR, V->form, path->s,
					  "%s (%s): %s", f->label, path->s, msg);

	finding_set_reason(fd, "Een dossier met ongeldige gegevens kan niet worden gecontroleerd of gemaakt.");
	finding_set_fix(fd, "dossier zet CASUS %s=…  (of: dossier invullen CASUS %s)", path->s, V->form);
}

static void validate_value(struct vctx *V, const struct field *f, const json *v, struct buf *path);

static void validate_record(struct vctx *V, const struct field *f, const json *rec, struct buf *path)
{
	size_t i, base = path->len;

	for (i = 0; i < f->nsub; i++) {
		const json *cv = json_get(rec, f->sub[i].key);

		if (!cv || json_is_null(cv))
			continue;
		if (path->len)
			buf_addch(path, '.');
		buf_adds(path, f->sub[i].key);
		validate_value(V, &f->sub[i], cv, path);
		buf_setlen(path, base);
	}
}

static void validate_value(struct vctx *V, const struct field *f, const json *v, struct buf *path)
{
	struct buf msg = BUF_INIT;
	const json *it;
	size_t i = 0, base = path->len;

	if (f->type->check(f, v, &msg)) {
		problem(V, path, f, msg.s);
		buf_release(&msg);
		return;
	}
	buf_release(&msg);
	if (f->type->kind == FT_GROEP) {
		validate_record(V, f, v, path);
	} else if (f->type->kind == FT_LIJST) {
		for (it = json_first(v); it; it = json_next(it)) {
			buf_addf(path, "[%zu]", ++i);
			validate_record(V, f, it, path);
			buf_setlen(path, base);
		}
	}
}

static int walk_record(const struct field *def, const json *rec, struct buf *path, formset_walk_fn fn, void *ctx)
{
	size_t i, base = path->len;
	int r = WALK_ON;

	for (i = 0; i < def->nsub && r != WALK_STOP; i++) {
		const struct field *f = &def->sub[i];
		const json *v = json_get(rec, f->key), *it;
		size_t n = 0, b2;

		if (!v)
			continue;
		buf_addf(path, ".%s", f->key);
		r = fn(f, v, rec, path->s, ctx);
		if (r == WALK_ON && f->type->kind == FT_GROEP && json_is_object(v)) {
			r = walk_record(f, v, path, fn, ctx);
		} else if (r == WALK_ON && f->type->kind == FT_LIJST) {
			b2 = path->len;
			for (it = json_first(v); it && r != WALK_STOP; it = json_next(it)) {
				buf_addf(path, "[%zu]", ++n);
				if (json_is_object(it))
					r = walk_record(f, it, path, fn, ctx);
				buf_setlen(path, b2);
			}
		}
		if (r == WALK_SKIP)
			r = WALK_ON;
		buf_setlen(path, base);
	}
	return r;
}

int formset_walk(const struct formset *fs, const json *root, formset_walk_fn fn, void *ctx)
{
	struct buf path = BUF_INIT;
	size_t i;
	int r = WALK_ON;

	for (i = 0; i < fs->n && r != WALK_STOP; i++) {
		const struct form *f = &fs->forms[i];
		const json *v = json_get(root, f->id), *it;
		size_t n = 0;

		buf_sets(&path, f->id);
		if (!f->repeated) {
			if (json_is_object(v))
				r = walk_record(&f->root, v, &path, fn, ctx);
			continue;
		}
		for (it = json_first(v); it && r != WALK_STOP; it = json_next(it)) {
			buf_setlen(&path, strlen(f->id));
			buf_addf(&path, "[%zu]", ++n);
			if (json_is_object(it))
				r = walk_record(&f->root, it, &path, fn, ctx);
		}
	}
	buf_release(&path);
	return r == WALK_STOP;
}

void formset_validate(const struct formset *fs, const json *root, struct findings *out)
{
	struct buf path = BUF_INIT;
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct form *f = &fs->forms[i];
		const json *v = json_get(root, f->id);
		struct vctx V = { out, f->id };

		if (!v || json_is_null(v))
			continue;
		buf_sets(&path, f->id);
		validate_value(&V, &f->root, v, &path);
	}
	buf_release(&path);
}
