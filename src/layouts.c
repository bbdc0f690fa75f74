/*
 * layouts.c - the table of print layouts and their roles (see layouts.h).
 *
 * A new layout is a row here, a printer in compose (compose.c dispatches
 * on the kind) and a line in docs/formulieren.md. Roles common to every
 * layout (ROLE_RECORD_DATE) are accepted by all of them.
 */
#include "layouts.h"
#include "buf.h"

#include <string.h>

#include "banned.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct layout_role common_roles[] = {
	{ "datum", ROLE_RECORD_DATE, FT_DATUM, false, ROLE_NONE },
};

static const struct layout_role quote_roles[] = {
	{ "regels", ROLE_QUOTE_LINES, FT_LIJST, true, ROLE_NONE },
	{ "categorie", ROLE_QUOTE_CATEGORY, FT_KEUZE, true, ROLE_QUOTE_LINES },
	{ "aantal", ROLE_QUOTE_QUANTITY, FT_GETAL, true, ROLE_QUOTE_LINES },
	{ "tarief", ROLE_QUOTE_RATE, FT_BEDRAG, true, ROLE_QUOTE_LINES },
	{ "betaler", ROLE_QUOTE_PAYER, FT_KEUZE, false, ROLE_QUOTE_LINES },
	{ "eenheid", ROLE_QUOTE_UNIT, FT_KORT, false, ROLE_QUOTE_LINES },
	{ "omschrijving", ROLE_QUOTE_DESCRIPTION, FT_KORT, false, ROLE_QUOTE_LINES },
};

static const struct layout_role consent_roles[] = {
	{ "ondertekenaars", ROLE_CONSENT_SIGNERS, FT_LIJST, true, ROLE_NONE },
	{ "naam", ROLE_CONSENT_SIGNER_NAME, FT_KORT, true, ROLE_CONSENT_SIGNERS },
	{ "hoedanigheid", ROLE_CONSENT_SIGNER_AS, FT_KEUZE, false, ROLE_CONSENT_SIGNERS },
	{ "ondertekend_op", ROLE_CONSENT_SIGNER_DATE, FT_DATUM, false, ROLE_CONSENT_SIGNERS },
	{ "plaats", ROLE_CONSENT_PLACE, FT_KORT, false, ROLE_NONE },
	{ "scan", ROLE_CONSENT_SCAN, FT_BESTAND, false, ROLE_NONE },
};

static const struct layout_role attachment_roles[] = {
	{ "soort", ROLE_ATT_KIND, FT_KEUZE, true, ROLE_NONE },
	{ "titel", ROLE_ATT_TITLE, FT_KORT, true, ROLE_NONE },
	{ "bestand", ROLE_ATT_FILE, FT_BESTAND, true, ROLE_NONE },
	{ "documentdatum", ROLE_ATT_DATE, FT_DATUM, false, ROLE_NONE },
	{ "gedeeld", ROLE_ATT_SHARED, FT_JANEE, true, ROLE_NONE },
};

static const struct layout_def layouts[] = {
	{ "velden", LAYOUT_FIELDS, NULL, 0 },
	{ "voorblad", LAYOUT_COVER, NULL, 0 },
	{ "offerte", LAYOUT_QUOTE, quote_roles, N(quote_roles) },
	{ "toestemming", LAYOUT_CONSENT, consent_roles, N(consent_roles) },
	{ "bijlagen", LAYOUT_ATTACHMENTS, attachment_roles, N(attachment_roles) },
};

const struct layout_def *layout_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < N(layouts); i++)
		if (!strcmp(layouts[i].name, name))
			return &layouts[i];
	return NULL;
}

const struct layout_role *layout_role_find(const struct layout_def *l, const char *name)
{
	size_t i;

	for (i = 0; l && i < l->nroles; i++)
		if (!strcmp(l->roles[i].name, name))
			return &l->roles[i];
	for (i = 0; i < N(common_roles); i++)
		if (!strcmp(common_roles[i].name, name))
			return &common_roles[i];
	return NULL;
}

void layout_names(struct buf *out)
{
	size_t i;

	for (i = 0; i < N(layouts); i++)
		buf_addf(out, "%s%s", i ? (i + 1 == N(layouts) ? " of " : ", ") : "", layouts[i].name);
}

void layout_role_names(const struct layout_def *l, struct buf *out)
{
	size_t i, n = l ? l->nroles : 0;

	for (i = 0; i < n; i++)
		buf_addf(out, "%s%s", i ? ", " : "", l->roles[i].name);
	for (i = 0; i < N(common_roles); i++)
		buf_addf(out, "%s%s", n + i ? ", " : "", common_roles[i].name);
}
