/*
 * test_edit.c - the $EDITOR round trip of a text (edit.c).
 */
#include "unit.h"
#include "buf.h"
#include "edit.h"
#include "err.h"
#include "ini.h"
#include "inischema.h"

#include <stdlib.h>

/* What the editor file holds and what comes back when nothing is changed. */
static const char *round_trip(const char *current, struct buf *text)
{
	struct buf file = BUF_INIT;

	edit_editor_file(&file, current, "Samenvatting");
	edit_editor_text(file.s, file.len, text);
	buf_release(&file);
	return text->s;
}

static void editor_keeps_lines_with_hash(void)
{
	struct buf text = BUF_INIT, file = BUF_INIT;
	const char *cur = "# Aanleiding\nZoë verzuimt.\n#2 op de wachtlijst\n  # ingesprongen\n";

	CHECK_STR(round_trip(cur, &text), cur);
	CHECK_STR(round_trip("", &text), "\n");
	/* the user adds a line below the text and above the marker */
	edit_editor_file(&file, "Eerste regel", "Analyse");
	CHECK_CONTAINS(file.s, "'Analyse'");
	{
		struct buf edited = BUF_INIT;
		const char *m = strstr(file.s, "#---");

		CHECK(m != NULL);
		buf_add(&edited, file.s, (size_t)(m - file.s));
		buf_adds(&edited, "# Tweede kop\n");
		buf_adds(&edited, m);
		edit_editor_text(edited.s, edited.len, &text);
		CHECK_STR(text.s, "Eerste regel\n# Tweede kop\n");
		buf_release(&edited);
	}
	/* the marker removed by the user: only the unchanged instruction lines go */
	edit_editor_text("# Kop\ntekst\n# Typ of wijzig hierboven de tekst voor 'Analyse'.\n"
			 "# Sla op en sluit de editor af om verder te gaan.\n",
			 strlen("# Kop\ntekst\n# Typ of wijzig hierboven de tekst voor 'Analyse'.\n"
				"# Sla op en sluit de editor af om verder te gaan.\n"),
			 &text);
	CHECK_STR(text.s, "# Kop\ntekst\n");
	/* Windows line ends after the marker */
	edit_editor_text("a\r\n#--- dossier: alles vanaf deze regel wordt weggelaten ---\r\n# x\r\n", 67, &text);
	CHECK_STR(text.s, "a\r\n");
	buf_release(&text);
	buf_release(&file);
}

static void editor_choice_names_editor(void)
{
	struct buf cmd = BUF_INIT, how = BUF_INIT;
	char *saved_v = getenv("VISUAL") ? strdup(getenv("VISUAL")) : NULL;
	char *saved_e = getenv("EDITOR") ? strdup(getenv("EDITOR")) : NULL;
	char *saved_p = getenv("PATH") ? strdup(getenv("PATH")) : NULL;

	setenv("VISUAL", "", 1);
	setenv("EDITOR", "/usr/bin/vim -u NONE", 1);
	edit_choose_editor(&cmd, &how);
	CHECK_STR(cmd.s, "/usr/bin/vim -u NONE");
	CHECK_CONTAINS(how.s, "De editor vim opent.");
	CHECK_CONTAINS(how.s, ":wq");
	unsetenv("EDITOR");
	unsetenv("VISUAL");
	setenv("PATH", unit_tmp, 1); /* no editor at all on the path */
	edit_choose_editor(&cmd, &how);
	CHECK_STR(cmd.s, "vi");
	setenv("EDITOR", "mijn-editor", 1);
	edit_choose_editor(&cmd, &how);
	CHECK_CONTAINS(how.s, "De editor mijn-editor opent. Sla de tekst op");
	if (saved_v) setenv("VISUAL", saved_v, 1); else unsetenv("VISUAL");
	if (saved_e) setenv("EDITOR", saved_e, 1); else unsetenv("EDITOR");
	if (saved_p) setenv("PATH", saved_p, 1);
	free(saved_v);
	free(saved_e);
	free(saved_p);
	buf_release(&cmd);
	buf_release(&how);
}

static void schema_suggests_and_checks(void)
{
	static const char *const keys[] = { "marge_boven", "marge_onder", "regio", "route", "voorzitter" };
	static const struct ini_row rows[] = {
		{ "pagina", "marge_boven", INI_NUMBER, 8, 60, "20", NULL },
		{ "pagina", "uitlijning", INI_CHOICE, 0, 0, "links", "uitvullen|links" },
		{ "kleuren", "tekst", INI_COLOR, 0, 0, "#1A1A1A", NULL },
		{ "duur", "*", INI_NUMBER, 5, 240, NULL, NULL },
	};
	static const struct ini_schema s = INI_SCHEMA("het sjabloon", rows, EXIT_SYSTEM);
	struct err e = ERR_INIT;
	struct ini *ini = NULL;
	char path[512];
	FILE *f;
	double d;
	uint32_t c;

	CHECK_STR(inischema_suggest("marge_bovn", keys, 5), "marge_boven");
	CHECK_STR(inischema_suggest("regoi", keys, 5), "regio");
	CHECK_STR(inischema_suggest("voorziter", keys, 5), "voorzitter");
	CHECK(inischema_suggest("kleur", keys, 5) == NULL);
	snprintf(path, sizeof(path), "%s/s.ini", unit_tmp);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("[pagina]\nmarge_boven = 25\n[duur]\na.json = 45\n", f);
	fclose(f);
	CHECK(ini_load(path, &ini, &e) == 0);
	CHECK(inischema_check(&s, ini, &e) == 0);
	CHECK(inischema_number(&s, ini, "pagina", "marge_boven", &d, &e) == 0 && d == 25);
	CHECK_STR(inischema_text(&s, ini, "pagina", "uitlijning"), "links");
	CHECK(inischema_color(&s, ini, "kleuren", "tekst", &c, &e) == 0 && c == 0x1A1A1A);
	CHECK(inischema_number(&s, ini, "duur", "a.json", &d, &e) == 0 && d == 45);
	ini_free(ini);
	f = fopen(path, "w");
	if (!f)
		return;
	fputs("[pagina]\nmarge_boven = 25\nuitlijning = midden\n", f);
	fclose(f);
	CHECK(ini_load(path, &ini, &e) == 0);
	CHECK(inischema_check(&s, ini, &e) != 0);
	CHECK_CONTAINS(e.msg.s, "s.ini:3: [pagina] uitlijning = midden: kies uitvullen of links");
	err_release(&e);
	ini_free(ini);
}

TESTS(edit_tests) = {
	{ "ini-schema: suggesties, typen en standaardwaarden", schema_suggests_and_checks },
	{ "editor: regels met # in de tekst blijven staan", editor_keeps_lines_with_hash },
	{ "editor: de gekozen editor en hoe u hem verlaat", editor_choice_names_editor },
	TEST_END,
};
