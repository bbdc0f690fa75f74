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
#include "fileio.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "profile.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/*
 * The instructions under the marker. The marker is the line the text is
 * cut at, so nothing the user writes above it is lost, whatever it starts
 * with.
 */
static const char editor_marker[] = "#--- dossier: alles vanaf deze regel wordt weggelaten ---";
static const char *const editor_help[] = {
	"# Typ of wijzig hierboven de tekst voor '%s'.",
	"# Sla op en sluit de editor af om verder te gaan.",
};

void edit_editor_file(struct buf *out, const char *current, const char *label)
{
	size_t i;

	buf_reset(out);
	if (current && *current) {
		buf_adds(out, current);
		if (out->s[out->len - 1] != '\n')
			buf_addch(out, '\n');
	} else {
		buf_addch(out, '\n');
	}
	buf_addf(out, "%s\n", editor_marker);
	for (i = 0; i < sizeof(editor_help) / sizeof(editor_help[0]); i++) {
		buf_addf(out, editor_help[i], label);
		buf_addch(out, '\n');
	}
}

/* Is the line p[0..n) one of the instruction lines (for any label)? */
static bool is_help_line(const char *p, size_t n)
{
	size_t i;

	if (n == sizeof(editor_marker) - 1 && !memcmp(p, editor_marker, n))
		return true;
	for (i = 0; i < sizeof(editor_help) / sizeof(editor_help[0]); i++) {
		const char *h = editor_help[i], *pct = strstr(h, "%s");
		size_t pre = pct ? (size_t)(pct - h) : strlen(h), post = pct ? strlen(pct + 2) : 0;

		if (!pct ? (n == pre && !memcmp(p, h, n))
			 : (n >= pre + post && !memcmp(p, h, pre) && !memcmp(p + n - post, pct + 2, post)))
			return true;
	}
	return false;
}

void edit_editor_text(const char *raw, size_t len, struct buf *text)
{
	const char *p = raw, *end = raw + len, *cut = NULL, *q;
	size_t mlen = sizeof(editor_marker) - 1;

	buf_reset(text);
	/* the last marker that starts a line */
	for (q = raw; q < end; q = memchr(q, '\n', (size_t)(end - q)), q = q ? q + 1 : end) {
		size_t left = (size_t)(end - q);

		if (left >= mlen && !memcmp(q, editor_marker, mlen) &&
		    (left == mlen || q[mlen] == '\n' || q[mlen] == '\r'))
			cut = q;
	}
	if (cut) {
		buf_add(text, raw, (size_t)(cut - raw));
		return;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t m = n && p[n - 1] == '\r' ? n - 1 : n;

		if (!is_help_line(p, m)) {
			buf_add(text, p, n);
			buf_addch(text, '\n');
		}
		p = nl ? nl + 1 : end;
	}
}

/* How to leave the editors people meet; others get the general sentence. */
static const struct {
	const char *name;
	const char *how;
} editors[] = {
	{ "nano", "Opslaan: Ctrl-O en Enter; afsluiten: Ctrl-X." },
	{ "nano-tiny", "Opslaan: Ctrl-O en Enter; afsluiten: Ctrl-X." },
	{ "pico", "Opslaan: Ctrl-O en Enter; afsluiten: Ctrl-X." },
	{ "vi", "Typ eerst i om te schrijven; opslaan en afsluiten: Esc, dan :wq en Enter." },
	{ "vim", "Typ eerst i om te schrijven; opslaan en afsluiten: Esc, dan :wq en Enter." },
	{ "nvim", "Typ eerst i om te schrijven; opslaan en afsluiten: Esc, dan :wq en Enter." },
	{ "mcedit", "Opslaan: F2; afsluiten: F10." },
	{ "emacs", "Opslaan: Ctrl-X Ctrl-S; afsluiten: Ctrl-X Ctrl-C." },
};

/* Is `name` a program on $PATH (or a path that can be run)? */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH"), *p;
	struct buf b = BUF_INIT;
	bool found = false;

	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	for (p = path ? path : "/usr/bin:/bin"; !found;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);

		buf_reset(&b);
		buf_add(&b, n ? p : ".", n ? n : 1);
		buf_addf(&b, "/%s", name);
		found = access(b.s, X_OK) == 0;
		if (!colon)
			break;
		p = colon + 1;
	}
	buf_release(&b);
	return found;
}

/* SELECTED_EDITOR from ~/.selected_editor (written by Debian's select-editor). */
static bool selected_editor(struct buf *out)
{
	const char *home = getenv("HOME");
	struct buf path = BUF_INIT, raw = BUF_INIT;
	struct err e = ERR_INIT;
	const char *p;
	bool found = false;

	if (!home || !*home)
		return false;
	buf_addf(&path, "%s/.selected_editor", home);
	if (!access(path.s, R_OK) && !file_read(path.s, 1u << 12, &raw, &e) &&
	    (p = strstr(raw.s, "SELECTED_EDITOR=")) != NULL) {
		p += strlen("SELECTED_EDITOR=");
		if (*p == '"')
			p++;
		buf_add(out, p, strcspn(p, "\"\n"));
		found = out->len > 0;
	}
	err_release(&e);
	buf_release(&path);
	buf_release(&raw);
	return found;
}

void edit_choose_editor(struct buf *cmd, struct buf *how)
{
	static const char *const fallback[] = { "editor", "nano-tiny", "vi" };
	const char *env = getenv("VISUAL");
	const char *base;
	size_t i, n;

	buf_reset(cmd);
	buf_reset(how);
	if (!env || !*env)
		env = getenv("EDITOR");
	if (env && *env) {
		buf_adds(cmd, env);
	} else if (on_path("nano")) {
		buf_adds(cmd, "nano");
	} else if (!selected_editor(cmd)) {
		for (i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++) {
			if (on_path(fallback[i])) {
				buf_adds(cmd, fallback[i]);
				break;
			}
		}
		if (!cmd->len)
			buf_adds(cmd, "vi");
	}
	/* the program's own name, without its folder and arguments */
	n = strcspn(cmd->s, " \t");
	for (base = cmd->s + n; base > cmd->s && base[-1] != '/'; base--)
		;
	n = strcspn(base, " \t");
	buf_adds(how, "De editor ");
	buf_add(how, base, n);
	buf_adds(how, " opent. ");
	for (i = 0; i < sizeof(editors) / sizeof(editors[0]); i++) {
		if (strlen(editors[i].name) == n && !memcmp(base, editors[i].name, n)) {
			buf_adds(how, editors[i].how);
			return;
		}
	}
	buf_adds(how, "Sla de tekst op en sluit de editor af om verder te gaan.");
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
