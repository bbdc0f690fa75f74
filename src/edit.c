/*
 * edit.c - typed answers to checked values (see edit.h).
 */
#include "edit.h"
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "date.h"
#include "err.h"
#include "field.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "profile.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static int set_meta(struct app *app, struct casus *c, const char *key, const char *text, struct err *e)
{
	struct buf t = BUF_INIT;
	int r = 0;

	buf_adds(&t, text);
	buf_trim(&t);
	if (!strcmp(key, "route")) {
		if (!ruleset_route(&app->rules, t.s)) {
			struct buf list = BUF_INIT;

			ruleset_route_list(&app->rules, &list);
			r = err_set(e, EXIT_INVALID, "dossier.route: onbekende route '%s' (kies %s)", t.s, list.s);
			buf_release(&list);
		}
	} else if (!strcmp(key, "regio")) {
		struct profile p = PROFILE_INIT;

		r = profile_load(&p, app->datadir, t.s, e);
		profile_release(&p);
		if (r)
			err_prefix(e, "dossier.regio");
	} else if (!strcmp(key, "kenmerk")) {
		if (!t.len || t.len > 40 || strpbrk(t.s, "/\\\n\t"))
			r = err_set(e, EXIT_INVALID, "dossier.kenmerk: 1 tot 40 tekens, zonder / of regeleinden");
	} else {
		r = err_set(e, EXIT_USAGE, "dossier.%s kan niet worden gewijzigd (wel: dossier.route, dossier.regio, dossier.kenmerk)", key);
	}
	if (!r)
		casus_set_meta(c, key, t.s);
	buf_release(&t);
	return r;
}

int edit_set_text(struct app *app, struct casus *c, const char *path, const char *text, struct err *e)
{
	const struct field *f;
	struct field_ctx ctx = { c->dir, date_today() };
	struct buf msg = BUF_INIT, t = BUF_INIT;
	json *v = NULL;

	if (!strncmp(path, "dossier.", 8))
		return set_meta(app, c, path + 8, text, e);
	f = formset_field(&app->forms, path, e);
	if (!f)
		return -1;
	if (!f->parent) {
		return err_set(e, EXIT_USAGE, "'%s' is een heel formulier; geef een veld op (zie 'dossier formulieren %s')",
			       path, f->form->id);
	}
	buf_adds(&t, text);
	buf_trim(&t);
	if (!t.len) {
		buf_release(&t);
		return casus_set(c, path, NULL, e);
	}
	buf_release(&t);
	if (f->type->parse(f, text, &ctx, &v, &msg)) {
		err_set(e, EXIT_INVALID, "%s (%s): %s", f->label, path, msg.s);
		buf_release(&msg);
		return -1;
	}
	buf_release(&msg);
	return casus_set(c, path, v, e);
}

int edit_set_json(struct app *app, struct casus *c, const char *path, const json *v, struct err *e)
{
	struct findings bad = FINDINGS_INIT;
	json *probe, *copy;
	int r = 0;

	if (json_is_string(v) || json_is_null(v))
		return edit_set_text(app, c, path, json_is_string(v) ? json_str(v) : "", e);
	if (!strncmp(path, "dossier.", 8))
		return err_set(e, EXIT_INVALID, "%s: verwacht tekst", path);
	if (!formset_field(&app->forms, path, e))
		return -1;
	/*
	 * Check the value in place: put it in a scratch case that holds only
	 * this value and validate that (paths and messages stay the same).
	 */
	probe = json_new_object();
	{
		struct casus scratch = CASUS_INIT;

		scratch.root = probe;
		scratch.dir = c->dir;
		copy = json_dup(v);
		if (casus_set(&scratch, path, copy, e)) {
			json_free(probe);
			return -1;
		}
	}
	formset_validate(&app->forms, probe, &bad);
	if (bad.n)
		r = err_set(e, EXIT_INVALID, "%s", bad.v[0].message);
	findings_release(&bad);
	json_free(probe);
	if (!r)
		r = casus_set(c, path, json_dup(v), e);
	return r;
}

char *edit_format(struct app *app, const struct casus *c, const char *path)
{
	struct err e = ERR_INIT;
	const struct field *f = formset_field(&app->forms, path, &e);
	const json *v = casus_get(c, path);
	struct buf out = BUF_INIT;

	err_release(&e);
	if (f && value_filled(v))
		f->type->format(f, v, &out);
	else if (!f && json_is_string(v))
		buf_adds(&out, json_str(v));
	return buf_detach(&out, NULL);
}
