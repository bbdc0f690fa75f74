/*
 * test_model.c - field types, JSON, case files, form definitions, INI,
 * conditions and the rules file.
 */
#include "unit.h"

#include "buf.h"
#include "casus.h"
#include "err.h"
#include "expr.h"
#include "field.h"
#include "fileio.h"
#include "finding.h"
#include "form.h"
#include "ini.h"
#include "json.h"
#include "mem.h"
#include "profile.h"
#include "rules.h"
#include "date.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmp_path(const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", unit_tmp, name);
	return buf_detach(&b, NULL);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		unit_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs(text, f);
	fclose(f);
}

/* Parse `text` with the type `type`; returns the stored JSON as text or the message. */
static char *try_parse(struct field *f, const char *text, int *ok)
{
	struct buf msg = BUF_INIT, out = BUF_INIT;
	struct field_ctx ctx = { unit_tmp, 20775 };
	json *v = NULL;

	*ok = f->type->parse(f, text, &ctx, &v, &msg) == 0;
	if (*ok) {
		json_print_compact(v, &out);
		json_free(v);
		buf_release(&msg);
		return buf_detach(&out, NULL);
	}
	return buf_detach(&msg, NULL);
}

#define EXPECT_PARSE(f, text, want) do { int ok_; char *r_ = try_parse((f), (text), &ok_); \
	if (!ok_) unit_fail(__FILE__, __LINE__, "parse '%s' failed: %s", (text), r_); \
	else if (strcmp(r_, (want))) unit_fail(__FILE__, __LINE__, "parse '%s' = %s, expected %s", (text), r_, (want)); \
	free(r_); } while (0)
#define EXPECT_REJECT(f, text, msgpart) do { int ok_; char *r_ = try_parse((f), (text), &ok_); \
	if (ok_) unit_fail(__FILE__, __LINE__, "parse '%s' accepted: %s", (text), r_); \
	else if (!strstr(r_, (msgpart))) unit_fail(__FILE__, __LINE__, "message for '%s' is '%s', expected '%s'", (text), r_, (msgpart)); \
	free(r_); } while (0)

static struct field make_field(const char *type)
{
	struct field f;

	memset(&f, 0, sizeof(f));
	f.key = (char *)"x";
	f.label = (char *)"Veld";
	f.type = ftype_find(type);
	return f;
}

static void field_types_parse_and_refuse(void)
{
	struct field f;
	struct choice ch[] = { { (char *)"loket", (char *)"het loket" }, { (char *)"adviestafel", (char *)"de Adviestafel" },
			       { (char *)"doorbraaktafel", (char *)"de Doorbraaktafel" } };

	f = make_field("kort");
	EXPECT_PARSE(&f, "  Zoë Ünal ", "\"Zoë Ünal\"");
	EXPECT_REJECT(&f, "a\nb", "één regel");
	EXPECT_REJECT(&f, "a\x1b[31m", "één regel");
	f.max_len = 3;
	EXPECT_REJECT(&f, "abcd", "te lang (4 tekens; hoogstens 3)");
	f = make_field("tekst");
	EXPECT_PARSE(&f, "eerste  \nregel\n\n\ntwee  ", "\"eerste\\nregel\\n\\n\\ntwee\"");
	f = make_field("datum");
	EXPECT_PARSE(&f, "9-4-2024", "\"2024-04-09\"");
	EXPECT_REJECT(&f, "31-02-2025", "31 februari 2025 bestaat niet");
	f.no_future = true;
	EXPECT_REJECT(&f, "01-01-2030", "toekomst");
	f = make_field("tijd");
	EXPECT_PARSE(&f, "14.30", "\"14:30\"");
	EXPECT_REJECT(&f, "half drie", "uu.mm");
	f = make_field("janee");
	EXPECT_PARSE(&f, "J", "true");
	EXPECT_PARSE(&f, "nee", "false");
	EXPECT_REJECT(&f, "misschien", "ja of nee");
	f = make_field("keuze");
	f.choices = ch;
	f.nchoices = 3;
	EXPECT_PARSE(&f, "2", "\"adviestafel\"");
	EXPECT_PARSE(&f, "de doorbraaktafel", "\"doorbraaktafel\"");
	EXPECT_PARSE(&f, "lok", "\"loket\"");
	EXPECT_REJECT(&f, "4", "Nummer 4 staat niet in de lijst");
	EXPECT_REJECT(&f, "de", "meer dan één keuze");
	EXPECT_REJECT(&f, "school", "geen van de keuzes");
	f.type = ftype_find("meerkeuze");
	EXPECT_PARSE(&f, "1, 3", "[\"loket\",\"doorbraaktafel\"]");
	EXPECT_PARSE(&f, "alle", "[\"loket\",\"adviestafel\",\"doorbraaktafel\"]");
	EXPECT_PARSE(&f, "geen", "[]");
	EXPECT_PARSE(&f, "1,1", "[\"loket\"]");
	EXPECT_REJECT(&f, "1,9", "Nummer 9");
	f = make_field("getal");
	EXPECT_PARSE(&f, "2,5", "2.5");
	EXPECT_REJECT(&f, "twaalf", "Typ een getal");
	f.has_min = true;
	f.min = 0;
	EXPECT_REJECT(&f, "-1", "minstens 0");
	f.integer = true;
	EXPECT_REJECT(&f, "1,5", "heel getal");
	f = make_field("bedrag");
	EXPECT_PARSE(&f, "€ 1.234,56", "123456");
	EXPECT_REJECT(&f, "12.50", "duizendtallen");
	f = make_field("email");
	EXPECT_PARSE(&f, " m.oosterhuis@kraaienhorst.nl ", "\"m.oosterhuis@kraaienhorst.nl\"");
	EXPECT_REJECT(&f, "m.oosterhuis@kraaienhorst", "geen e-mailadres");
	EXPECT_REJECT(&f, "a@@b.nl", "geen e-mailadres");
	EXPECT_REJECT(&f, "a..b@school.nl", "geen e-mailadres");
	f = make_field("telefoon");
	EXPECT_PARSE(&f, "070-3456789", "\"070-3456789\"");
	EXPECT_PARSE(&f, "06 12345678", "\"06 12345678\"");
	EXPECT_PARSE(&f, "+31 70 345 6789", "\"+31 70 345 6789\"");
	EXPECT_REJECT(&f, "12345", "geen telefoonnummer");
	EXPECT_REJECT(&f, "070-345678x", "geen telefoonnummer");
	f = make_field("bestand");
	EXPECT_REJECT(&f, "/bestaat/niet.pdf", "bestaat niet");
	{
		char *p = tmp_path("brief.txt"), *q = tmp_path("scan.pdf");

		write_file(p, "geen pdf");
		/* a real (minimal) PDF: the one verdict on attachments opens it (usable.h) */
		write_file(q, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
			      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
			      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
			      "trailer << /Root 1 0 R /Size 4 >>\n%%EOF\n");
		EXPECT_REJECT(&f, p, "geen PDF-, PNG- of JPEG-bestand");
		EXPECT_PARSE(&f, q, "\"scan.pdf\""); /* inside the case folder: relative */
		free(p);
		free(q);
	}
}

static void field_check_stored_values(void)
{
	struct field f = make_field("bedrag");
	struct buf msg = BUF_INIT;
	json *v = json_new_number(12.5);

	CHECK(f.type->check(&f, v, &msg) < 0);
	CHECK_CONTAINS(msg.s, "centen");
	json_free(v);
	buf_reset(&msg);
	f = make_field("datum");
	v = json_new_string("2025-02-31");
	CHECK(f.type->check(&f, v, &msg) < 0);
	CHECK_CONTAINS(msg.s, "geen bestaande datum");
	json_free(v);
	buf_reset(&msg);
	v = json_new_number(3);
	CHECK(f.type->check(&f, v, &msg) < 0);
	CHECK_CONTAINS(msg.s, "vond getal");
	json_free(v);
	buf_release(&msg);
}

/* ---- json ---- */

static void json_reports_position(void)
{
	struct err e = ERR_INIT;
	json *v = NULL;
	char deep[3000];
	size_t i;

	CHECK(json_parse("{\n  \"a\": 1,\n  \"b\": tru\n}", 24, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "x.json: regel 3");
	CHECK_INT(e.code, EXIT_SYSTEM);
	CHECK(json_parse("{\"a\": \"\xC3\x28\"}", 11, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "UTF-8");
	CHECK(json_parse("{\"a\": \"x\\u0000y\"}", 17, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "NUL");
	CHECK(json_parse("{} {}", 5, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "na het einde");
	CHECK(json_parse("{\"a\": [1, 2", 11, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "onverwacht op");
	CHECK(json_parse("{\"a\": [1, 2}", 12, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "x.json: regel 1");
	CHECK(json_parse("{\"a\": 1", 7, "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "onverwacht op");
	for (i = 0; i < sizeof(deep) - 1; i++)
		deep[i] = '[';
	deep[sizeof(deep) - 1] = '\0';
	CHECK(json_parse(deep, strlen(deep), "x.json", &v, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "diep genest");
	CHECK(v == NULL);
	err_release(&e);
}

static void json_print_roundtrip(void)
{
	const char *text = "{\"a\":\"Zoë \\\"Ünal\\\"\",\"n\":[1,2.5,true,null],\"o\":{}}";
	struct err e = ERR_INIT;
	json *v = NULL, *w = NULL;
	struct buf out = BUF_INIT;

	CHECK(!json_parse(text, strlen(text), "t", &v, &e));
	json_print(v, &out);
	CHECK(!json_parse(out.s, out.len, "t", &w, &e));
	CHECK(json_equal(v, w));
	CHECK_CONTAINS(out.s, "  \"a\": \"Zoë \\\"Ünal\\\"\"");
	json_free(v);
	json_free(w);
	buf_release(&out);
	err_release(&e);
}

/* ---- case files ---- */

static void casus_roundtrip_keeps_unknown_keys(void)
{
	char *p = tmp_path("rt.json");
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;
	struct stat st;

	write_file(p, "{\"dossier\":{\"formaat\":2,\"kenmerk\":\"K-1\",\"route\":\"adviestafel\",\"nieuw\":{\"x\":1}},"
		      "\"casus\":{\"leerling\":{\"voornaam\":\"Zoë\",\"hobby\":\"judo\"}},\"toekomst\":[1,2]}");
	CHECK(!casus_load(&c, p, &e));
	CHECK(c.newer);
	CHECK_STR(casus_ref(&c), "K-1");
	CHECK_STR(json_str(casus_get(&c, "casus.leerling.voornaam")), "Zoë");
	CHECK(!casus_set(&c, "casus.leerling.achternaam", json_new_string("Ünal"), &e));
	CHECK(!casus_save(&c, &e));
	casus_release(&c);
	CHECK(!casus_load(&c, p, &e));
	CHECK_STR(json_str(casus_get(&c, "casus.leerling.hobby")), "judo");
	CHECK_STR(json_str(casus_get(&c, "casus.leerling.achternaam")), "Ünal");
	CHECK(casus_get(&c, "toekomst") != NULL);
	CHECK(casus_get(&c, "dossier.nieuw.x") != NULL);
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600);
	casus_release(&c);
	free(p);
	err_release(&e);
}

static void casus_set_builds_lists(void)
{
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;
	char *p = tmp_path("lists.json");

	casus_create(&c, p, "K", "den-haag", "adviestafel");
	CHECK(!casus_set(&c, "casus.ouders[1].naam", json_new_string("A"), &e));
	CHECK(!casus_set(&c, "casus.ouders[2].naam", json_new_string("B"), &e));
	CHECK(casus_set(&c, "casus.ouders[4].naam", json_new_string("D"), &e) < 0);
	CHECK_CONTAINS(e.msg.s, "hoogstens 3");
	CHECK(!casus_set(&c, "casus.ouders[1].naam", json_new_string("A2"), &e));
	CHECK_STR(json_str(casus_get(&c, "casus.ouders[1].naam")), "A2");
	CHECK(!casus_set(&c, "casus.ouders[1]", NULL, &e));
	CHECK_STR(json_str(casus_get(&c, "casus.ouders[1].naam")), "B");
	CHECK(casus_set(&c, "casus.ouders[*].naam", json_new_string("x"), &e) < 0);
	CHECK(!casus_set(&c, "voorblad.hoofdvraag", json_new_string("Vraag"), &e));
	CHECK(casus_set(&c, "voorblad.hoofdvraag.x", json_new_string("y"), &e) < 0);
	casus_release(&c);
	free(p);
	err_release(&e);
}

static void casus_failed_save_keeps_old_file(void)
{
	static const char *const steps[] = { "open", "write", "fsync", "close", "rename" };
	char *p = tmp_path("veilig.json");
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;
	struct buf before = BUF_INIT, after = BUF_INIT;
	size_t i;

	casus_create(&c, p, "VEILIG-1", "den-haag", "adviestafel");
	CHECK(!casus_set(&c, "casus.leerling.voornaam", json_new_string("Zoë"), &e));
	CHECK(!casus_save(&c, &e));
	CHECK(!file_read(p, 1 << 20, &before, &e));
	CHECK(!casus_set(&c, "casus.leerling.voornaam", json_new_string("Anders"), &e));
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		setenv("DOSSIER_TEST_FAULT", steps[i], 1);
		CHECK(casus_save(&c, &e) < 0);
		unsetenv("DOSSIER_TEST_FAULT");
		CHECK_INT(e.code, EXIT_SYSTEM);
		buf_reset(&after);
		CHECK(!file_read(p, 1 << 20, &after, &e));
		if (strcmp(before.s, after.s))
			unit_fail(__FILE__, __LINE__, "file changed after failed %s", steps[i]);
	}
	{
		/* no temporary files are left behind */
		struct buf cmd = BUF_INIT;

		buf_addf(&cmd, "ls -a '%s' | grep -q '^\\.veilig.json.tmp'", unit_tmp);
		CHECK(system(cmd.s) != 0);
		buf_release(&cmd);
	}
	casus_release(&c);
	buf_release(&before);
	buf_release(&after);
	free(p);
	err_release(&e);
}

static void casus_rejects_non_case_files(void)
{
	char *p = tmp_path("geen.json");
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;

	write_file(p, "[1,2,3]");
	CHECK(casus_load(&c, p, &e) < 0);
	CHECK_INT(e.code, EXIT_INVALID);
	CHECK_CONTAINS(e.msg.s, "geen casusbestand");
	casus_release(&c);
	write_file(p, "{\"casus\":{}}");
	CHECK(casus_load(&c, p, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "\"dossier\" ontbreekt");
	casus_release(&c);
	CHECK(casus_load(&c, "/bestaat/niet.json", &e) < 0);
	CHECK_INT(e.code, EXIT_SYSTEM);
	CHECK_CONTAINS(e.msg.s, "bestaat niet");
	casus_release(&c);
	free(p);
	err_release(&e);
}

/* ---- form definitions ---- */

static char *forms_dir(void)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/forms", unit_root);
	return buf_detach(&b, NULL);
}

static void forms_load_from_data(void)
{
	struct formset fs = FORMSET_INIT;
	struct err e = ERR_INIT;
	char *dir = forms_dir();
	const struct field *f;

	CHECK(!formset_load(&fs, dir, &e));
	if (e.code)
		unit_fail(__FILE__, __LINE__, "%s", e.msg.s);
	CHECK(formset_get(&fs, "mdo") && formset_get(&fs, "mdo")->repeated);
	f = formset_field(&fs, "mdo[2].aanwezigen[1].rol", &e);
	CHECK(f && f->type->kind == FT_KEUZE && f->nchoices > 5);
	f = formset_field(&fs, "casus.leerling.voornaam", &e);
	CHECK(f && f->privacy == PRIV_INITIALS && f->required);
	CHECK(formset_field(&fs, "casus.leerling.bsn", &e) == NULL);
	CHECK_CONTAINS(e.msg.s, "geen veld 'bsn'");
	CHECK(formset_field(&fs, "voorblad[2].datum", &e) == NULL);
	CHECK_CONTAINS(e.msg.s, "maar één");
	formset_release(&fs);
	free(dir);
	err_release(&e);
}

/* A forms folder with one broken form; returns the error message. */
static char *load_broken(const char *form_json)
{
	struct buf dir = BUF_INIT, p = BUF_INIT;
	struct formset fs = FORMSET_INIT;
	struct err e = ERR_INIT;
	char *msg;

	buf_addf(&dir, "%s/brokenforms", unit_tmp);
	mkdir(dir.s, 0700);
	buf_addf(&p, "%s/formulieren.json", dir.s);
	write_file(p.s, "{\"formulieren\": [\"f\"]}");
	buf_reset(&p);
	buf_addf(&p, "%s/f.json", dir.s);
	write_file(p.s, form_json);
	if (!formset_load(&fs, dir.s, &e))
		err_set(&e, 0, "(geladen)");
	msg = xstrdup(e.msg.s);
	formset_release(&fs);
	buf_release(&dir);
	buf_release(&p);
	err_release(&e);
	return msg;
}

static void forms_report_mistakes_with_line(void)
{
	char *m;

	m = load_broken("{\"id\": \"f\", \"titel\": \"F\", \"velden\": [\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"kort\"},\n"
			"  {\"sleutel\": \"b\", \"label\": \"B\", \"type\": \"datm\"}\n]}");
	CHECK_CONTAINS(m, "f.json:3: veld 'b': onbekend type 'datm'");
	free(m);
	m = load_broken("{\"id\": \"f\", \"titel\": \"F\", \"velden\": [\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"kort\", \"verplict\": true}]}");
	CHECK_CONTAINS(m, "onbekende eigenschap 'verplict'");
	free(m);
	m = load_broken("{\"id\": \"f\", \"titel\": \"F\", \"velden\": [\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"kort\", \"voorwaarde\": \"x = \"}]}");
	CHECK_CONTAINS(m, "voorwaarde 'x = '");
	free(m);
	m = load_broken("{\"id\": \"f\", \"titel\": \"F\", \"velden\": [\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"keuze\"}]}");
	CHECK_CONTAINS(m, "'opties'");
	free(m);
	m = load_broken("{\"id\": \"f\", \"titel\": \"F\", \"velden\": [\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"kort\"},\n"
			"  {\"sleutel\": \"a\", \"label\": \"A\", \"type\": \"kort\"}]}");
	CHECK_CONTAINS(m, "twee keer");
	free(m);
	m = load_broken("{\"id\": \"g\", \"titel\": \"F\", \"velden\": []}");
	CHECK_CONTAINS(m, "'id' moet \"f\" zijn");
	free(m);
}

/* ---- INI and profiles ---- */

static void ini_profiles_and_errors(void)
{
	struct profile p = PROFILE_INIT;
	struct err e = ERR_INIT;
	struct ini *ini = NULL;
	char *bad = tmp_path("fout.ini");
	double d;

	CHECK(!profile_load(&p, unit_root, "leidschendam-voorburg", &e));
	CHECK_STR(profile_name(&p, "jeugdpartner"), "WIJZ");
	CHECK_STR(p.name, "Leidschendam-Voorburg (primair onderwijs, SPPOH)");
	profile_release(&p);
	CHECK(!profile_load(&p, unit_root, "den-haag", &e));
	CHECK_STR(profile_name(&p, "jeugdpartner"), "CJG");
	CHECK_STR(profile_get(&p, "loket", "email"), "loketrouteboek@sppoh.nl");
	profile_release(&p);
	CHECK(profile_load(&p, unit_root, "atlantis", &e) < 0);
	CHECK_INT(e.code, EXIT_USAGE);
	CHECK_CONTAINS(e.msg.s, "den-haag");
	profile_release(&p);
	CHECK(profile_load(&p, unit_root, "../etc", &e) < 0);
	profile_release(&p);
	write_file(bad, "[school]\nnaam = De Kraaienhorst\ndit is geen regel\n");
	CHECK(ini_load(bad, &ini, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "fout.ini:3: onbegrijpelijke regel \"dit is geen regel\"");
	write_file(bad, "[opmaak]\nmarge = veel\n");
	CHECK(!ini_load(bad, &ini, &e));
	CHECK(ini_get_number(ini, "opmaak", "marge", 20, 0, 50, &d, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "[opmaak] marge = veel");
	ini_free(ini);
	write_file(bad, "[a]\nb = \xFF\xFE\n");
	CHECK(ini_load(bad, &ini, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "fout.ini:2: ongeldige tekens");
	free(bad);
	err_release(&e);
}

/* ---- conditions ---- */

static bool eval_on(const char *cond, const char *doc, const char *route)
{
	struct expr *x = NULL;
	struct buf msg = BUF_INIT;
	struct err e = ERR_INIT;
	json *root = NULL;
	bool r = false;

	if (expr_parse(cond, &x, &msg)) {
		unit_fail(__FILE__, __LINE__, "parse '%s': %s", cond, msg.s);
	} else if (json_parse(doc, strlen(doc), "t", &root, &e)) {
		unit_fail(__FILE__, __LINE__, "json: %s", e.msg.s);
	} else {
		struct expr_env env = { root, json_get(root, "rec"), route, "den-haag", NULL };

		r = expr_eval(x, &env);
	}
	expr_free(x);
	json_free(root);
	buf_release(&msg);
	err_release(&e);
	return r;
}

static void conditions_parse_and_evaluate(void)
{
	const char *doc = "{\"casus\":{\"betrokkenen\":[{\"rol\":\"leerplicht\"},{\"rol\":\"smw\"}],\"n\":3},"
			  "\"toestemming\":{\"ontvangers\":[\"loket\",\"adviestafel\"]},"
			  "\"z\":{\"wijkt_af\":true,\"in_mdo\":false,\"leeg\":\"\"},\"rec\":{\"categorie\":\"onderwijs\"}}";
	struct expr *x = NULL;
	struct buf msg = BUF_INIT;

	CHECK(eval_on("casus.betrokkenen[*].rol bevat smw", doc, NULL));
	CHECK(!eval_on("casus.betrokkenen[*].rol bevat jeugdpartner", doc, NULL));
	CHECK(eval_on("toestemming.ontvangers bevat loket en toestemming.ontvangers bevat adviestafel", doc, NULL));
	CHECK(!eval_on("toestemming.ontvangers bevat doorbraaktafel", doc, NULL));
	CHECK(eval_on("z.wijkt_af = ja en z.in_mdo = nee", doc, NULL));
	CHECK(eval_on("niet z.in_mdo", doc, NULL));
	CHECK(eval_on("leeg z.leeg en leeg z.bestaatniet en ingevuld z.wijkt_af", doc, NULL));
	CHECK(eval_on("route in (doorbraak-spoor1, doorbraak-spoor2)", doc, "doorbraak-spoor2"));
	CHECK(!eval_on("route in (doorbraak-spoor1, doorbraak-spoor2)", doc, "adviestafel"));
	CHECK(eval_on("route != adviestafel of casus.n = 3", doc, "adviestafel"));
	CHECK(eval_on(".categorie = onderwijs", doc, NULL));
	CHECK(eval_on("(z.wijkt_af = nee of z.in_mdo = nee) en regio = den-haag", doc, NULL));
	CHECK(eval_on("z.wijkt_af = \"ja\"", doc, NULL));
	CHECK(expr_parse("casus.x = ", &x, &msg) < 0);
	CHECK_CONTAINS(msg.s, "waarde verwacht");
	buf_reset(&msg);
	CHECK(expr_parse("a in (b, c", &x, &msg) < 0);
	CHECK_CONTAINS(msg.s, "')' ontbreekt");
	buf_reset(&msg);
	CHECK(expr_parse("a = b extra", &x, &msg) < 0);
	buf_reset(&msg);
	CHECK(expr_parse("((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))", &x, &msg) < 0);
	CHECK_CONTAINS(msg.s, "diep");
	buf_release(&msg);
}

/* ---- the rules file ---- */

static void rules_load_and_refuse(void)
{
	struct formset fs = FORMSET_INIT;
	struct ruleset rs = RULESET_INIT;
	struct err e = ERR_INIT;
	char *dir = forms_dir();
	struct buf p = BUF_INIT;
	char *bad = tmp_path("routes.json");

	CHECK(!formset_load(&fs, dir, &e));
	buf_addf(&p, "%s/routes.json", dir);
	CHECK(!ruleset_load(&rs, p.s, &fs, &e));
	if (e.code)
		unit_fail(__FILE__, __LINE__, "%s", e.msg.s);
	CHECK(ruleset_route(&rs, "doorbraak-spoor1") != NULL);
	CHECK(rs.nrules > 20);
	ruleset_release(&rs);
	write_file(bad, "{\"routes\":[{\"id\":\"a\",\"naam\":\"A\",\"documenten\":[\"voorblad\"]}],"
			"\"regels\":[{\"code\":\"x\",\"soort\":\"veld\",\"pad\":\"voorblad.bestaatniet\"}]}");
	CHECK(ruleset_load(&rs, bad, &fs, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "regel 'x': pad");
	CHECK_CONTAINS(e.msg.s, "geen veld 'bestaatniet'");
	ruleset_release(&rs);
	write_file(bad, "{\"routes\":[{\"id\":\"a\",\"naam\":\"A\",\"documenten\":[\"voorblad\"]}],"
			"\"regels\":[{\"code\":\"x\",\"soort\":\"toverij\"}]}");
	CHECK(ruleset_load(&rs, bad, &fs, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "onbekende soort 'toverij'");
	ruleset_release(&rs);
	write_file(bad, "{\"routes\":[{\"id\":\"a\",\"naam\":\"A\",\"documenten\":[\"voorblad\"]}],"
			"\"regels\":[{\"code\":\"x\",\"soort\":\"formulier\",\"formulier\":\"voorblad\",\"routes\":[\"b\"]}]}");
	CHECK(ruleset_load(&rs, bad, &fs, &e) < 0);
	CHECK_CONTAINS(e.msg.s, "onbekende route 'b'");
	ruleset_release(&rs);
	formset_release(&fs);
	buf_release(&p);
	free(bad);
	free(dir);
	err_release(&e);
}

static void timeline_weeks(void)
{
	int start = date_from_ymd(2026, 9, 2); /* a Wednesday */

	CHECK_INT(timeline_week(NULL, start, date_from_ymd(2026, 8, 31)), 1); /* Monday of week 1 */
	CHECK_INT(timeline_week(NULL, start, date_from_ymd(2026, 9, 6)), 1);  /* Sunday */
	CHECK_INT(timeline_week(NULL, start, date_from_ymd(2026, 9, 7)), 2);
	CHECK_INT(timeline_week(NULL, start, date_from_ymd(2026, 11, 25)), 13);
	CHECK_INT(timeline_week(NULL, start, date_from_ymd(2026, 8, 30)), 0);
}

TESTS(field_tests) = {
	{ "veldtypen lezen invoer en weigeren onzin met uitleg", field_types_parse_and_refuse },
	{ "veldtypen controleren opgeslagen waarden", field_check_stored_values },
	TEST_END,
};
TESTS(json_tests) = {
	{ "json meldt regel en kolom van fouten", json_reports_position },
	{ "json schrijven en teruglezen", json_print_roundtrip },
	TEST_END,
};
TESTS(casus_tests) = {
	{ "casus heen en terug bewaart onbekende velden, modus 0600", casus_roundtrip_keeps_unknown_keys },
	{ "casus_set maakt groepen en lijstregels", casus_set_builds_lists },
	{ "mislukt opslaan laat het oude bestand heel", casus_failed_save_keeps_old_file },
	{ "geen casusbestand wordt geweigerd", casus_rejects_non_case_files },
	TEST_END,
};
TESTS(form_tests) = {
	{ "formulieren laden uit forms/", forms_load_from_data },
	{ "fouten in formulieren met bestand en regel", forms_report_mistakes_with_line },
	TEST_END,
};
TESTS(ini_tests) = {
	{ "regioprofielen en INI-fouten met regelnummer", ini_profiles_and_errors },
	TEST_END,
};
TESTS(expr_tests) = {
	{ "voorwaarden lezen en uitrekenen", conditions_parse_and_evaluate },
	TEST_END,
};
TESTS(rules_tests) = {
	{ "regelbestand laden en fouten melden", rules_load_and_refuse },
	{ "weeknummers van de tijdlijn", timeline_weeks },
	TEST_END,
};
