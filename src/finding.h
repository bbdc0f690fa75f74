/*
 * finding.h - what a check found: one line of the completeness report.
 *
 * Produced by form validation (wrong types, bad values) and by the route
 * rules (missing documents, consent, totals, timeline); printed by
 * `controleer` as text or JSON and summarised in the PDF's checklist.
 * A findings list owns all its strings.
 */
#ifndef FINDING_H
#define FINDING_H

#include <stddef.h>
#include "buf.h"

enum severity { SEV_ERROR, SEV_WARNING };

struct finding {
	char *code;      /* stable identifier, e.g. "mdo-aanwezig-leerplicht" */
	enum severity sev;
	char *document;  /* form id or "bijlagen", "tijdlijn", "dossier" */
	char *field;     /* value path, or NULL */
	char *message;   /* what is wrong (Dutch) */
	char *reason;    /* why it matters, which table requires it; or NULL */
	char *fix;       /* the command or field that fixes it; or NULL */
	int sys_errno;   /* not 0: the system failed (a file could not be read), so a
			    command that needs the file fails with exit 3, not 1 */
};

struct findings {
	struct finding *v;
	size_t n, cap;
};
#define FINDINGS_INIT { NULL, 0, 0 }

/* Add a finding; message is printf-formatted, the other strings are copied. */
struct finding *findings_add(struct findings *fs, const char *code, enum severity sev,
			     const char *document, const char *field, const char *fmt, ...)
	PRINTF_LIKE(6, 7);
void finding_set_reason(struct finding *f, const char *reason);
void finding_set_fix(struct finding *f, const char *fmt, ...) PRINTF_LIKE(2, 3);
size_t findings_count(const struct findings *fs, enum severity sev);
/* Stable order: errors first, then by document order given, then insertion. */
void findings_sort(struct findings *fs, const char *const *doc_order, size_t ndocs);
void findings_release(struct findings *fs);

#endif
