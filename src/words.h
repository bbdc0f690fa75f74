/*
 * words.h - the fixed words of the PDF, as one table.
 *
 * Every heading, column header, status word and sentence that the PDF
 * prints and that does not come from a form definition is a row here: its
 * key in the [teksten] section of the page template and its Dutch
 * fallback. The template (templates/standaard.ini) is where a region
 * changes them; the fallback only serves a template that leaves a key
 * out, so the C holds each text once. Texts may contain {names}: those of
 * compose_expand() and, where a row says so, local ones such as {n}.
 */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

struct tmpl;

enum word {
	W_DOC_TITLE, W_CONTENTS, W_CHECKLIST, W_CHECKLIST_INTRO, W_TIMELINE, W_TIMELINE_INTRO,
	W_ATTACHMENTS, W_ATTACHMENT, W_ATTACHMENTS_INTRO, W_CONCEPT, W_WITHHELD, W_NOT_FILLED, W_EMPTY,
	W_NR, W_CONSENT_SCAN_TITLE, W_CONSENT_SCAN_NOTE, W_CONSENT_DOCS, W_CONSENT_DOC_YES, W_CONSENT_DOC_NO,
	W_TL_SO_FAR, W_TL_DATE, W_TL_WEEK, W_TL_EVENT, W_TL_PHASE, W_TL_TODAY, W_TL_PLANNED, W_TL_NO_START,
	W_TL_PHASE_FROM, W_TL_PHASE_RANGE,
	W_QUOTE_COSTS, W_QUOTE_PAGE, W_QUOTE_AMOUNT, W_QUOTE_SHARE, W_QUOTE_SUBTOTAL, W_QUOTE_TOTAL,
	W_QUOTE_SPLIT, W_QUOTE_TOO_LARGE, W_QUOTE_OTHER,
	W_CL_PART, W_CL_STATUS, W_CL_PAGE, W_CL_PRESENT, W_CL_MISSING, W_CL_NOT_NEEDED, W_CL_FILLED_IN,
	W_CL_INCLUDED, W_CL_INCLUDED_SCAN, W_CL_NO_CONSENT, W_CL_SCAN, W_CL_COMPLETE, W_CL_INCOMPLETE_ONE,
	W_CL_INCOMPLETE_MANY, W_CL_ERRORS, W_CL_WARNINGS,
	W_ATT_KIND, W_ATT_DATE, W_ATT_FILE, W_ATT_PAGES, W_ATT_NEXT_ONE, W_ATT_NEXT_MANY, W_ATT_SIGNED_CONSENT,
	W_AG_DATE, W_AG_TIME, W_AG_PLACE, W_AG_CHAIR, W_AG_CASES, W_AG_ORDER, W_AG_REF, W_AG_ROUTE,
	W_AG_SCHOOL, W_AG_PAGE, W_AG_PAUSE, W_AG_LABEL, W_AG_CASE_LABEL, W_AG_CASE_TITLE, W_AG_PAGES,
	W_AG_CASE_NOTE, W_OMIT_ANONYMOUS, W_OMIT_NO_ATTACHMENTS, W_ANONYMOUS_COPY, W_CL_GROUP_ROUTE, W_CL_GROUP_ATTS, W_AG_TITLE, W_AG_HEADER, W_AG_SUBJECT,
	W_CL_CONSENTS, W_CL_TABLE, W_CL_CONSENT, W_CL_CONSENT_REC, W_CL_CONSENT_NONE,
	W_INV_TITLE, W_INV_INTRO, W_INV_WHO, W_INV_AS, W_INV_EMAIL, W_INV_STAFF, W_INV_MANAGER, W_INV_ADVISER,
	W_INV_REGISSEUR, W_INV_UNKNOWN, W_INV_PARTICIPANT,
	W_LOG_TITLE, W_LOG_INTRO, W_LOG_WHEN, W_LOG_WHAT, W_LOG_TABLES, W_LOG_ANONYMOUS,
	W_AB_TITLE, W_AB_INTRO, W_AB_SOURCE, W_AB_HOURS, W_AB_WEEK, W_AB_HOLIDAY, W_AB_UNAUTH, W_AB_AUTH,
	W_AB_SICK, W_AB_LATE, W_AB_LUXURY, W_AB_TOTAL, W_AB_MONDAY, W_AB_MARKS, W_AB_NR, W_AB_WEEKS,
	W_AB_LIMITS, W_AB_WEEK_N,
	W_COUNT
};

/* The text of w: the template's [teksten] value, or the fallback. Never NULL. */
const char *word(const struct tmpl *t, enum word w);
/* The [teksten] key of w, and its fallback text (the default of the template's row). */
const char *word_key(enum word w);
const char *word_fallback(enum word w);
/* Is key a known [teksten] key? (for checking templates) */
int word_known(const char *key);

#endif
