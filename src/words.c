/*
 * words.c - the table of the PDF's fixed words (see words.h).
 */
#include "words.h"
#include "template.h"

#include <string.h>

#include "banned.h"

static const struct {
	enum word w;
	const char *key, *fallback;
} words[] = {
	{ W_DOC_TITLE, "documenttitel", "Dossier schoolverzuim {kenmerk}" },
	{ W_CONTENTS, "inhoud", "Inhoud" },
	{ W_CHECKLIST, "controle", "Volledigheid voor de {tafel}" },
	{ W_CHECKLIST_INTRO, "controle_uitleg", "Gecontroleerd volgens de regels van de route {route} (regio {regio}) op {datum}." },
	{ W_TIMELINE, "tijdlijn", "Tijdlijn" },
	{ W_TIMELINE_INTRO, "tijdlijn_uitleg", "" },
	{ W_ATTACHMENTS, "bijlagen", "Bijlagen" },
	{ W_ATTACHMENT, "bijlage", "Bijlage {n}: {titel}" },
	{ W_ATTACHMENTS_INTRO, "bijlagen_uitleg", "De documenten bij dit dossier. Een document zonder toestemming van de ouders om het te delen is niet opgenomen; het staat hier alleen bij naam." },
	{ W_CONCEPT, "concept", "CONCEPT – onvolledig" },
	{ W_WITHHELD, "weggelaten", "(weggelaten)" },
	{ W_NOT_FILLED, "niet_ingevuld", "(niet ingevuld)" },
	{ W_EMPTY, "leeg", "—" },
	{ W_NR, "nr", "Nr." },
	{ W_CONSENT_SCAN_TITLE, "toestemming_scan", "Ondertekende toestemming (scan)" },
	{ W_CONSENT_SCAN_NOTE, "toestemming_scan_uitleg", "De ondertekende verklaring is als scan opgenomen ({titel})." },
	{ W_CONSENT_DOCS, "toestemming_documenten", "Documenten en of ze gedeeld mogen worden" },
	{ W_CONSENT_DOC_YES, "toestemming_document_ja", "ja" },
	{ W_CONSENT_DOC_NO, "toestemming_document_nee", "nee" },
	{ W_TL_SO_FAR, "verloop", "Verloop tot nu toe" },
	{ W_TL_DATE, "kolom_datum", "Datum" },
	{ W_TL_WEEK, "kolom_week", "Week" },
	{ W_TL_EVENT, "kolom_gebeurtenis", "Gebeurtenis" },
	{ W_TL_PHASE, "kolom_fase", "Fase" },
	{ W_TL_TODAY, "vandaag", "vandaag (dossier gemaakt)" },
	{ W_TL_PLANNED, "gepland", "(gepland)" },
	{ W_TL_NO_START, "geen_startdatum", "De eerste verzuimdag is niet ingevuld; de weken kunnen niet worden berekend." },
	{ W_TL_PHASE_FROM, "fase_vanaf", "{fase} (vanaf week {van}): {omschrijving}" },
	{ W_TL_PHASE_RANGE, "fase_weken", "{fase} (week {van}-{tot}): {omschrijving}" },
	{ W_QUOTE_COSTS, "offerte_kosten", "Kosten volgens de uitgesplitste offerte" },
	{ W_QUOTE_PAGE, "offerte_pagina", "De hele offerte staat op pagina" },
	{ W_QUOTE_AMOUNT, "kolom_bedrag", "Bedrag" },
	{ W_QUOTE_SHARE, "kolom_aandeel", "Aandeel" },
	{ W_QUOTE_SUBTOTAL, "subtotaal", "Subtotaal {categorie}" },
	{ W_QUOTE_TOTAL, "totaal", "Totaal" },
	{ W_QUOTE_SPLIT, "verdeling", "Verdeling naar wie betaalt" },
	{ W_QUOTE_TOO_LARGE, "te_groot", "te groot" },
	{ W_QUOTE_OTHER, "zonder_categorie", "zonder categorie (telt niet mee)" },
	{ W_CL_PART, "kolom_onderdeel", "Onderdeel" },
	{ W_CL_STATUS, "kolom_status", "Status" },
	{ W_CL_PAGE, "kolom_pagina", "Pagina" },
	{ W_CL_PRESENT, "aanwezig", "aanwezig" },
	{ W_CL_MISSING, "ontbreekt", "ontbreekt" },
	{ W_CL_NOT_NEEDED, "niet_nodig", "niet nodig" },
	{ W_CL_FILLED_IN, "ingevuld_in", "ingevuld bij {formulier}" },
	{ W_CL_INCLUDED, "opgenomen", "opgenomen" },
	{ W_CL_INCLUDED_SCAN, "opgenomen_scan", "opgenomen (scan)" },
	{ W_CL_NO_CONSENT, "niet_opgenomen", "niet opgenomen: geen toestemming" },
	{ W_CL_SCAN, "scan", "Scan" },
	{ W_CL_COMPLETE, "volledig", "Het dossier is volledig voor de {tafel}." },
	{ W_CL_INCOMPLETE_ONE, "onvolledig_een", "Het dossier is nog niet volledig voor de {tafel}: 1 punt ontbreekt of klopt niet." },
	{ W_CL_INCOMPLETE_MANY, "onvolledig", "Het dossier is nog niet volledig voor de {tafel}: {n} punten ontbreken of kloppen niet." },
	{ W_CL_ERRORS, "niet_in_orde", "Nog niet in orde" },
	{ W_CL_WARNINGS, "aandachtspunten", "Aandachtspunten" },
	{ W_ATT_KIND, "bijlage_soort", "Soort" },
	{ W_ATT_DATE, "bijlage_datum", "Datum" },
	{ W_ATT_FILE, "bijlage_bestand", "Bestand" },
	{ W_ATT_PAGES, "bijlage_paginas", "Pagina's" },
	{ W_ATT_NEXT_ONE, "bijlage_volgt_een", "De volgende pagina is het originele document." },
	{ W_ATT_NEXT_MANY, "bijlage_volgt", "De volgende {n} pagina's zijn het originele document." },
	{ W_ATT_SIGNED_CONSENT, "bijlage_toestemming", "ondertekend toestemmingsformulier" },
	{ W_AG_DATE, "agenda_datum", "Datum" },
	{ W_AG_TIME, "agenda_tijd", "Tijd" },
	{ W_AG_PLACE, "agenda_plaats", "Plaats" },
	{ W_AG_CHAIR, "agenda_voorzitter", "Voorzitter" },
	{ W_AG_CASES, "agenda_casussen", "Casussen" },
	{ W_AG_ORDER, "agenda_volgorde", "Volgorde" },
	{ W_AG_REF, "agenda_kenmerk", "Kenmerk" },
	{ W_AG_ROUTE, "agenda_route", "Route" },
	{ W_AG_SCHOOL, "agenda_school", "School" },
	{ W_AG_PAGE, "agenda_pagina", "Pagina" },
	{ W_AG_PAUSE, "agenda_pauze", "pauze" },
	{ W_AG_LABEL, "agenda_label", "Agenda " },
	{ W_AG_CASE_LABEL, "agenda_casus_label", "Casus {n} ({kenmerk})" },
	{ W_AG_CASE_TITLE, "agenda_casus", "Casus {n}: {kenmerk}" },
	{ W_AG_PAGES, "agenda_paginas", "Pagina's" },
	{ W_AG_CASE_NOTE, "agenda_casus_uitleg", "De volgende {n} pagina's zijn het dossier van deze casus, met zijn eigen paginanummers." },
	{ W_OMIT_ANONYMOUS, "niet_in_anonieme_kopie", "niet in deze anonieme kopie" },
	{ W_OMIT_NO_ATTACHMENTS, "zonder_bijlagen", "niet opgenomen (zonder bijlagen gemaakt)" },
	{ W_ANONYMOUS_COPY, "anoniem", "Geanonimiseerde kopie" },
	{ W_CL_GROUP_ROUTE, "controle_route", "Wat de {tafel} vraagt" },
	{ W_CL_GROUP_ATTS, "controle_bijlagen", "De bijlagen van deze casus" },
	{ W_AG_TITLE, "agenda_titel", "Agenda {adviestafel}" },
	{ W_AG_HEADER, "agenda_koptekst", "{titel} · {datum} · Vertrouwelijk" },
	{ W_AG_SUBJECT, "agenda_onderwerp", "{titel} – {datum}" },
	{ W_CL_CONSENTS, "toestemming_per_tafel", "Toestemming per tafel" },
	{ W_CL_TABLE, "toestemming_tafel", "Delen met" },
	{ W_CL_CONSENT, "toestemming_welke", "Onder toestemming" },
	{ W_CL_CONSENT_REC, "toestemming_nummer", "toestemming {nr} van {datum}" },
	{ W_CL_CONSENT_NONE, "toestemming_geen", "geen toestemming die op {datum} geldt" },
	{ W_INV_TITLE, "uitnodigen", "Uitnodigen in {platform}" },
	{ W_INV_INTRO, "uitnodigen_uitleg", "De school nodigt deze mensen uit in {platform} ({loket.uitnodigen})." },
	{ W_INV_WHO, "uitnodigen_wie", "Wie" },
	{ W_INV_AS, "uitnodigen_als", "Als" },
	{ W_INV_EMAIL, "uitnodigen_email", "E-mail" },
	{ W_INV_STAFF, "uitnodigen_loket", "medewerker van het loket" },
	{ W_INV_MANAGER, "uitnodigen_manager", "manager van het loket" },
	{ W_INV_ADVISER, "uitnodigen_adviseur", "{adviseur} van de school" },
	{ W_INV_REGISSEUR, "uitnodigen_jeugdregisseur", "{jeugdregisseur} van de woongemeente" },
	{ W_INV_UNKNOWN, "uitnodigen_onbekend", "nog niet bekend" },
	{ W_INV_PARTICIPANT, "uitnodigen_deelnemer", "deelnemer {doorbraaktafel}" },
	{ W_LOG_TITLE, "logboek", "Eerder gedeeld" },
	{ W_LOG_INTRO, "logboek_uitleg", "Uit het logboek van de casus: wanneer het dossier eerder gemaakt werd, voor welke tafels en onder welke toestemming." },
	{ W_LOG_WHEN, "logboek_wanneer", "Wanneer" },
	{ W_LOG_WHAT, "logboek_wat", "Wat" },
	{ W_LOG_TABLES, "logboek_tafels", "Tafels en toestemming" },
	{ W_LOG_ANONYMOUS, "logboek_anoniem", "geanonimiseerde kopie" },
	{ W_AB_TITLE, "verzuimbeeld", "Verzuimbeeld" },
	{ W_AB_INTRO, "verzuimbeeld_uitleg",
	  "Uren verzuim per week volgens de verzuimregistratie, gestapeld per soort. Week 1 is de week van de eerste "
	  "verzuimdag; een vakantieweek is een lege kolom zonder nummer. De grijze vlakken zijn de fasen van het "
	  "routeboek, de genummerde lijnen de stappen en (gestreept) de verzuimgrenzen in de lijst eronder." },
	{ W_AB_SOURCE, "verzuimbeeld_bron", "Ingelezen uit {bestand} ({bron}), bestand van {bestand_datum}, ingelezen op {ingelezen}." },
	{ W_AB_HOURS, "as_uren", "uren" },
	{ W_AB_WEEK, "as_week", "schoolweek" },
	{ W_AB_HOLIDAY, "vakantie_kort", "vak." },
	{ W_AB_UNAUTH, "soort_ongeoorloofd", "ongeoorloofd" },
	{ W_AB_AUTH, "soort_geoorloofd", "geoorloofd" },
	{ W_AB_SICK, "soort_ziek", "ziek" },
	{ W_AB_LATE, "soort_te_laat", "te laat" },
	{ W_AB_LUXURY, "soort_luxe", "luxe verzuim" },
	{ W_AB_TOTAL, "kolom_totaal", "Totaal" },
	{ W_AB_MONDAY, "kolom_maandag", "Maandag" },
	{ W_AB_MARKS, "verzuimbeeld_lijnen", "Lijnen in de grafiek" },
	{ W_AB_NR, "kolom_nr", "Nr." },
	{ W_AB_WEEKS, "verzuimbeeld_weken", "Uren per week" },
	{ W_AB_LIMITS, "verzuimbeeld_grenzen", "Verzuimgrenzen naast de melding en het {overleg}" },
	{ W_AB_WEEK_N, "week_n", "week {n}" },
};

_Static_assert(sizeof(words) / sizeof(words[0]) == W_COUNT, "every word has a row");

const char *word(const struct tmpl *t, enum word w)
{
	const char *v = t ? tmpl_text(t, "teksten", words[w].key, NULL) : NULL;

	return v ? v : words[w].fallback;
}

const char *word_key(enum word w)
{
	return words[w].key;
}

const char *word_fallback(enum word w)
{
	return words[w].fallback;
}

int word_known(const char *key)
{
	size_t i;

	for (i = 0; i < W_COUNT; i++)
		if (!strcmp(words[i].key, key))
			return 1;
	return 0;
}
