/*
 * test_edit.c - the $EDITOR round trip of a text (edit.c).
 */
#include "unit.h"
#include "buf.h"
#include "edit.h"

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

TESTS(edit_tests) = {
	{ "editor: regels met # in de tekst blijven staan", editor_keeps_lines_with_hash },
	{ "editor: de gekozen editor en hoe u hem verlaat", editor_choice_names_editor },
	TEST_END,
};
