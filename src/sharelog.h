/*
 * sharelog.h - the sharing log: what went to whom, when, under which consent.
 *
 * AVG accountability: the school must be able to say which documents went
 * to which table, when, and under which consent. Each `maak` and each
 * `agenda` appends one entry to the case file's "logboek" list: the moment,
 * the command, the route, the tables the route serves (the route's
 * "ontvangers" in the routes file), per table the consent record that
 * covered it that day, the documents that went in (form titles and
 * attachment titles, both already in the case), and whether the dossier
 * was anonymised, a concept or without attachments. Nothing else: no file
 * names of the PDF, no user, no personal data the case does not hold, and
 * for an anonymised dossier no attachment titles.
 */
#ifndef SHARELOG_H
#define SHARELOG_H

#include <stdbool.h>

struct err;
struct route;
typedef struct cJSON json;

/* A new entry; what is "maak" or "agenda"; meeting is an ISO date or NULL. Caller frees (json_free). */
json *sharelog_entry(const char *what, const struct route *r, const json *root, int day, bool anonymous,
		     bool concept, bool no_attachments, const char *meeting);
/* Name a document that went in. */
void sharelog_add_doc(json *entry, const char *title);
/*
 * Append the entry to the case file's log: loads the case with its write
 * lock, appends, saves atomically. 0 or -1 with e set. The caller has
 * already written the dossier: a failure here is a warning, not a failed
 * `maak` (the dossier exists; the user is told the log lacks it).
 */
int sharelog_append(const char *casus_path, const json *entry, struct err *e);

#endif
