/*
 * compose.h - the dossier as a document: which sections, in which order,
 * with which headings, tables and texts. Turns the case, the form
 * definitions, the route and the check results into laid-out pages.
 *
 * Order: voorblad, contents, the route's documents (oplegger, MDO reports
 * by date, toestemming with its scan, offerte, zienswijze, SMW report),
 * the completeness checklist, the timeline, then the attachments (a
 * separator page per PDF, whose pages are merged in later; a page per
 * scan). How a form is printed follows its "weergave" and "afdruk" texts
 * in forms/<id>.json; the generic way prints short fields as a label
 * table, long texts as headed paragraphs and lists as tables.
 *
 * With `anonymous`, names declared "persoonlijk": "initialen" appear only
 * as initials (also inside free text), values declared "weglaten" are left
 * out, and attachments are named but not included.
 */
#ifndef COMPOSE_H
#define COMPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

struct casus;
struct err;
struct findings;
struct formset;
struct profile;
struct route;
struct ruleset;
struct timeline;
struct tmpl;

/* An attachment as found on disk before composing. */
struct att {
	char *title;
	char *kind;          /* choice key: opp, verzuimregistratie, ... */
	char *kind_label;
	char *path;          /* resolved path */
	char *stored;        /* as written in the case */
	char *date;          /* ISO or NULL */
	bool shared;         /* the parents consented */
	bool is_pdf;
	size_t npages;       /* PDF */
	double img_w, img_h; /* image */
	bool consent_scan;   /* the signed consent form */
	size_t consent_record; /* ... of this consent record (1-based) */
};

struct compose_in {
	const struct casus *c;
	const struct formset *fs;
	const struct ruleset *rs;
	const struct route *route;
	const struct profile *prof;
	const struct tmpl *tmpl;
	const struct findings *findings;
	const struct timeline *tl;
	const struct metrics *m;
	const struct att *atts;
	size_t natts;
	int today;
	bool anonymous;
	bool concept;
	/* attachments are only named, not included: why (e.g. anonymised copy) */
	const char *omit_attachments;
	bool with_log;  /* the checklist also prints the case's sharing log */
};

/* Compose the whole dossier into doc (empty on entry). */
int compose_dossier(const struct compose_in *in, struct ldoc *doc, struct err *e);

/*
 * Expand a text from the data files: {kenmerk}, {route}, {tafel}, {regio},
 * {datum}, regional names, and {path} / {path:lang|leeftijd|ouders} values
 * of the case. Appended to out. Names compose cannot fill are kept.
 */
void compose_expand(const struct compose_in *in, const char *text, struct buf *out);

#endif

/* ---- the meeting's agenda (dossier agenda) ---- */

struct agenda_case {
	const char *ref;        /* case reference */
	const char *route;      /* route name */
	const char *school;
	const char *pdf;        /* the case's PDF, merged after its separator page */
	size_t pages;
	int start, end;         /* minutes since midnight */
};

struct agenda_in {
	const struct tmpl *tmpl;
	const struct metrics *m;
	const char *title;      /* "Agenda Adviestafel" */
	int day;                /* the meeting's date */
	const char *place, *chair, *note;
	const struct agenda_case *cases;
	size_t ncases;
	int pause_after, pause_start, pause_end; /* pause_after 0: none */
};

/* The agenda page, then per case a separator page and its dossier's pages. */
void compose_agenda(const struct agenda_in *in, struct ldoc *doc);
