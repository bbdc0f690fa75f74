/*
 * rules.h - the routes and their completeness rules, from forms/routes.json.
 *
 * A route (adviestafel, doorbraak-spoor1, doorbraak-spoor2) names the
 * documents its dossier contains, in print order. A rule says what must
 * hold for which routes, how serious it is (fout: the dossier is
 * incomplete; waarschuwing: it may go, but look), why (which table asks
 * for it), and how to fix it. What a rule checks is one of a fixed set of
 * kinds ("soort": formulier, bijlage, eis, mdo_aanwezig, toestemming, ...)
 * implemented here; which rules apply, their parameters and texts are
 * data, and a regional profile can change a rule's severity ([regels]).
 *
 * rules_check() reads the case and the forms and adds findings; it does
 * no I/O except looking at attachment files.
 */
#ifndef RULES_H
#define RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "finding.h"
#include "timeline.h"

struct err;
struct expr;
struct formset;
struct casus;
struct profile;
typedef struct cJSON json;

struct route {
	char *id;
	char *name;      /* "Adviestafel", "Doorbraaktafel (spoor 1)" */
	char *table;     /* "Adviestafel" / "Doorbraaktafel": the {tafel} */
	char *desc;
	char **docs;     /* form ids in print order */
	size_t ndocs;
	char **recipients; /* "ontvangers": the tables it shares with (choices of toestemming.ontvangers) */
	size_t nrecipients;
};

struct rule_kind;

struct rule {
	char *code;
	const struct rule_kind *kind;
	char **routes;   /* NULL: every route */
	size_t nroutes;
	struct expr *cond;
	enum severity sev;
	bool off;        /* switched off by the region */
	char *document;  /* where findings are grouped */
	char *why;       /* "waarom" */
	char *message;   /* "melding": replaces the default text of the rule's own code */
	json *messages;  /* "meldingen": { code: text } for the other codes it reports */
	char *fix;       /* "oplossing" */
	json *params;    /* the rule's own JSON object (owned) */
};

struct ruleset {
	char *file;
	struct route *routes;
	size_t nroutes;
	struct rule *rules;
	size_t nrules;
	struct tl_def *tl;
	size_t ntl;
	struct tl_phase *phases;
	size_t nphases;
	struct tl_threshold *thresholds; /* "drempels" */
	size_t nthresholds;
	struct calendar cal;             /* the profile's school holidays */
};
#define RULESET_INIT { NULL, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, CALENDAR_INIT }

/* The phase of a week (NULL when none covers it). */
const struct tl_phase *ruleset_phase(const struct ruleset *rs, int week);

/* Load and check forms/routes.json against the forms (paths, kinds, keys). */
int ruleset_load(struct ruleset *rs, const char *file, const struct formset *fs, struct err *e);
/* Apply a region's [regels] (code = fout | waarschuwing | uit) and names. */
int ruleset_apply_profile(struct ruleset *rs, const struct profile *p, struct err *e);
void ruleset_release(struct ruleset *rs);

const struct route *ruleset_route(const struct ruleset *rs, const char *id);
/* "adviestafel, doorbraak-spoor1 of doorbraak-spoor2" */
void ruleset_route_list(const struct ruleset *rs, struct buf *out);

struct check_input {
	const struct ruleset *rs;
	const struct formset *fs;
	const struct casus *c;
	const char *route;
	const char *region;
	int today;
	const char *casus_arg;   /* the case file as the user named it, for fixes */
};

/* The case's timeline with the ruleset's calendar and thresholds (for tijdlijn and maak). */
void rules_timeline(const struct ruleset *rs, const json *root, int today, struct timeline *t);

/* Validate values and apply every rule of the route; findings are added to out. */
void rules_check(const struct check_input *in, struct findings *out);

/*
 * Does the route ask for this form (an applicable rule of kind formulier
 * names it, or a rule of kind bijlage for the attachments form)?
 */
bool rules_form_needed(const struct check_input *in, const char *form_id);

/*
 * The consent record (1-based) that covers sharing with `recipient` (a
 * choice of toestemming.ontvangers) on `day`: someone consented, dated on
 * or before day, still valid then; the latest such. 0: none.
 */
int rules_consent_for(const json *root, const char *recipient, int day);

/* A document the route asks for as an attachment: an applying rule of kind "bijlage". */
struct att_req {
	const char *code;   /* the rule's code, as in its findings */
	const char *kind;   /* the attachment kind ("bijlage") */
	const char *alt;    /* a path that may be filled in instead ("of_ingevuld"), or NULL */
	enum severity sev;
};
/* The attachments the route asks for, at most max, in the rules' order; returns their number. */
size_t rules_att_reqs(const struct check_input *in, struct att_req *out, size_t max);

/* Is a document (form id) filled in for this case, with its condition true? */
bool rules_doc_present(const struct check_input *in, const char *form_id);

#endif
