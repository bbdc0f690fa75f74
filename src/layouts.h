/*
 * layouts.h - the ways a form can be printed ("weergave"), as one table.
 *
 * Each row names a layout as the data files write it, the printer kind
 * that compose dispatches on, and the roles the layout needs: which field
 * of the form plays which part ("the list of cost lines", "the category
 * of a line"). A form names its role fields in "rollen" in forms/<id>.json
 * as paths inside the form ("regels.categorie"); form.c checks them against
 * this table when it loads the form (the path exists, the type fits, a
 * role inside a list lies in that list), so a printer can take each field
 * from form_role() and never needs to know a form id or a field key.
 *
 * The table is static data; nothing here is allocated.
 */
#ifndef LAYOUTS_H
#define LAYOUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "field.h"

enum layout_kind {
	LAYOUT_FIELDS,      /* "velden": every field in order (the default) */
	LAYOUT_COVER,       /* "voorblad": the dossier's cover page */
	LAYOUT_QUOTE,       /* "offerte": cost lines grouped by category, sums, payers */
	LAYOUT_CONSENT,     /* "toestemming": statements and signature blocks */
	LAYOUT_ATTACHMENTS, /* "bijlagen": the attachments, a separator or scan page each */
	LAYOUT_COUNT
};

/* Roles; a form's role fields are in form->role[ROLE_...] (NULL when not given). */
enum layout_role_id {
	ROLE_NONE = 0,
	/* offerte */
	ROLE_QUOTE_LINES, ROLE_QUOTE_CATEGORY, ROLE_QUOTE_PAYER, ROLE_QUOTE_QUANTITY,
	ROLE_QUOTE_UNIT, ROLE_QUOTE_RATE, ROLE_QUOTE_DESCRIPTION,
	/* toestemming */
	ROLE_CONSENT_SIGNERS, ROLE_CONSENT_SIGNER_NAME, ROLE_CONSENT_SIGNER_AS,
	ROLE_CONSENT_SIGNER_DATE, ROLE_CONSENT_PLACE, ROLE_CONSENT_SCAN,
	/* bijlagen */
	ROLE_ATT_KIND, ROLE_ATT_TITLE, ROLE_ATT_FILE, ROLE_ATT_DATE, ROLE_ATT_SHARED,
	/* meervoud forms: the date records are ordered by */
	ROLE_RECORD_DATE,
	ROLE_COUNT
};

struct layout_role {
	const char *name;          /* as written in "rollen" */
	enum layout_role_id id;
	enum ftype_kind kind;      /* the type the field must have */
	bool required;             /* the layout cannot print without it */
	enum layout_role_id within; /* must lie inside this role's list (ROLE_NONE: the form's record) */
};

struct layout_def {
	const char *name;          /* "velden", "offerte", ... */
	enum layout_kind kind;
	const struct layout_role *roles;
	size_t nroles;
};

/* The row for a layout name, or NULL. */
const struct layout_def *layout_find(const char *name);
/* The role of a layout by its data-file name, or NULL. */
const struct layout_role *layout_role_find(const struct layout_def *l, const char *name);
/* "velden, voorblad, ..." for messages; appended to out. */
void layout_names(struct buf *out);
/* Role names of a layout for messages ("regels, categorie, ..."); appended to out. */
void layout_role_names(const struct layout_def *l, struct buf *out);

#endif
