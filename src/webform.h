/*
 * webform.h - the HTML of `dossier web`, generated from the form
 * definitions (form.h) and a case's values.
 *
 * Every field becomes a labelled control keyed by its value path
 * ("casus.ouders[2].naam"): the browser sends that path and the typed text
 * back, and the server sets it with the same code as `dossier zet`
 * (edit.h), so the web form and the terminal cannot disagree. Values shown
 * are the field types' own format() output. The page frame (head, header,
 * the three columns) is a template, templates/web/pagina.html; styles and
 * script are templates/web/dossier.css and dossier.js.
 *
 * All functions append to out; every text from a case or a form is
 * escaped for HTML.
 */
#ifndef WEBFORM_H
#define WEBFORM_H

#include <stdbool.h>

struct app;
struct buf;
struct casus;
struct findings;
struct form;
struct route;
typedef struct cJSON json;

struct webcase {
	struct app *app;
	const struct casus *c;
	const char *name;            /* the case file's name in the URL */
	const struct route *route;
	const struct findings *fs;   /* the route's findings, sorted */
};

/* Escape text for HTML content and attribute values. */
void html_escape(struct buf *out, const char *s);

/* The controls of one form (its fields, rows of lists), for the main column. */
void webform_form(const struct webcase *w, const struct form *f, struct buf *out);
/* The route's forms with their state, for the side bar. */
void webform_sidebar(const struct webcase *w, const char *current, struct buf *out);
/* The findings, each linked to its field, with the verdict on top. */
void webform_findings(const struct webcase *w, struct buf *out);
/* {path: shown} for every field of form f that has a condition. */
json *webform_visibility(const struct webcase *w, const struct form *f);
/*
 * For a list inside record N > 1 of a repeated form ("mdo[2].aanwezigen"):
 * the same list in record N - 1 ("mdo[1].aanwezigen") into out, true.
 * False for any other path.
 */
bool webform_previous_list(const char *path, struct buf *out);
/* Is f among the forms the case's route shows (casus, the route's documents, bijlagen)? */
bool webform_shown(const struct webcase *w, const struct form *f);

#endif
