/*
 * make.h - one dossier from case file to PDF bytes in memory: check,
 * find attachments, compose, lay out, draw, merge. Shared by `maak` (one
 * case or a batch) and `agenda` (a meeting's cases in one file).
 */
#ifndef MAKE_H
#define MAKE_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct buf;

typedef struct cJSON json;

struct make_opts {
	bool concept;          /* make an incomplete dossier, marked on every page */
	bool anonymous;        /* initials only, no personal details, no attachments */
	bool no_attachments;   /* name the attachments, do not include them */
	const char *tmpl;      /* page template name; NULL: configuration or "standaard" */
	const char *route;     /* another route than the case's; NULL: the case's */
	const char *casus_arg; /* how the user named the case, for messages */
	const char *meeting;   /* agenda: the meeting's date (ISO), logged as "agenda"; NULL: "maak" */
	bool with_log;         /* print the sharing log in the checklist */
};

struct make_result {
	size_t pages;      /* total */
	size_t rendered;   /* drawn by dossier */
	size_t inserted;   /* merged from PDF attachments */
	size_t errors, warnings;
	size_t bytes;      /* size of the PDF */
	char *ref;         /* case reference (caller frees) */
	char *route_name;  /* (caller frees) */
	char *table;       /* "Adviestafel" / "Doorbraaktafel" (caller frees) */
	char *school;      /* (caller frees) */
	json *log;         /* the sharing-log entry of this dossier (sharelog.h; freed by release) */
};

/*
 * Make the PDF of the case at path into pdf (appended). On failure app->err
 * says why: EXIT_INVALID when the dossier is incomplete (and no concept was
 * asked) or holds bad data, EXIT_SYSTEM for files and the system. The app
 * is set up for the case's region (again if an earlier case had another).
 */
int make_dossier(struct app *app, const char *path, const struct make_opts *o, struct buf *pdf,
		 struct make_result *res);
void make_result_release(struct make_result *r);

/* make_dossier() and write the PDF atomically to out; returns the case's exit code. */
int make_file(struct app *app, const char *path, const char *out, const struct make_opts *o,
	      struct make_result *res);
/*
 * Append the sharing-log entry of one case to its file (what `agenda` does
 * for each case once its pack is written). A failure is a warning on
 * stderr: the pack exists. Returns 0.
 */
int make_log(struct app *app, const char *casus, const struct make_opts *o);
/* "zoe.json" -> "zoe.pdf" (or "zoe-anoniem.pdf"); caller frees. */
char *make_pdf_name(const char *casus, bool anonymous);

/*
 * Make the PDFs of n cases into folder dir (created 0700 if missing),
 * named after the case files, with nworkers processes. Progress goes to
 * the terminal, problems to stderr. Returns 0 when all were made; else
 * -1 with app->err set to the worst case's exit code.
 */
int make_batch(struct app *app, char **cases, int n, const char *dir, const struct make_opts *o, int nworkers,
	       bool quiet);

#endif
