/*
 * test_basics.c - growable strings, UTF-8, dates, money, paths.
 */
#include "unit.h"

#include "buf.h"
#include "date.h"
#include "money.h"
#include "path.h"
#include "utf8.h"
#include "json.h"
#include "err.h"

#include <stdint.h>
#include <stdlib.h>

/* ---- buf ---- */

static void buf_grows_and_terminates(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	CHECK(b.s[0] == '\0' && b.len == 0);
	for (i = 0; i < 100000; i++)
		buf_addch(&b, 'a' + (int)(i % 26));
	CHECK_INT(b.len, 100000);
	CHECK(b.s[b.len] == '\0');
	buf_addf(&b, "%d-%s", 42, "x");
	CHECK_STR(b.s + 100000, "42-x");
	buf_release(&b);
	CHECK(b.len == 0 && b.s[0] == '\0');
}

static void buf_trim_detach_setlen(void)
{
	struct buf b = BUF_INIT;
	char *s;
	size_t n;

	buf_adds(&b, "  \t hallo wereld \n ");
	buf_trim(&b);
	CHECK_STR(b.s, "hallo wereld");
	buf_setlen(&b, 5);
	CHECK_STR(b.s, "hallo");
	buf_addrep(&b, "!", 3);
	CHECK_STR(b.s, "hallo!!!");
	s = buf_detach(&b, &n);
	CHECK_STR(s, "hallo!!!");
	CHECK_INT(n, 8);
	CHECK(b.len == 0 && b.cap == 0);
	free(s);
	s = buf_detach(&b, NULL);
	CHECK_STR(s, "");
	free(s);
	buf_sets(&b, "x");
	buf_sets(&b, "y");
	CHECK_STR(b.s, "y");
	buf_release(&b);
}

/* ---- utf8 ---- */

static void utf8_decodes_and_rejects(void)
{
	uint32_t cp;

	CHECK_INT(utf8_decode("\xC3\xAB", 2, &cp), 2);
	CHECK_INT(cp, 0xEB);
	CHECK_INT(utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
	CHECK_INT(cp, 0x20AC);
	CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 0);       /* overlong */
	CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 0);   /* surrogate */
	CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
	CHECK_INT(utf8_decode("\xE2\x82", 2, &cp), 0);       /* truncated */
	CHECK_INT(utf8_decode("\x80", 1, &cp), 0);
}

static void utf8_check_finds_offset(void)
{
	size_t bad = 99;

	CHECK(utf8_check("Zoë Ünal", strlen("Zoë Ünal"), NULL));
	CHECK(!utf8_check("ab\xFF" "cd", 5, &bad));
	CHECK_INT(bad, 2);
	CHECK(!utf8_check("ab\0cd", 5, &bad));
	CHECK_INT(bad, 2);
	CHECK_INT(utf8_length("Zoë Ünal", strlen("Zoë Ünal")), 8);
}

static void utf8_folding_matches_names(void)
{
	struct buf b = BUF_INIT;

	CHECK(utf8_fold_equal("Ünal", "unal"));
	CHECK(utf8_fold_equal("Şahin", "SAHIN"));
	CHECK(utf8_fold_equal("Łukasz Wójcik", "lukasz wojcik"));
	CHECK(utf8_fold_equal("İlayda", "ilayda"));
	CHECK(!utf8_fold_equal("Zoë", "Zoey"));
	CHECK(utf8_fold_prefix("Adviestafel", "advies"));
	CHECK(!utf8_fold_prefix("Advies", "adviestafel"));
	utf8_fold(&b, "Ünal-de Jonge");
	CHECK_STR(b.s, "unal-de jonge");
	buf_release(&b);
}

static void utf8_controls_and_positions(void)
{
	size_t l, c;

	CHECK(utf8_has_control("a\nb", 3, false));
	CHECK(!utf8_has_control("a\nb\tc", 5, true));
	CHECK(utf8_has_control("a\x1b[31m", 6, true));
	CHECK(utf8_has_control("a\xC2\x85" "b", 4, true)); /* C1 control NEL */
	utf8_line_col("ab\ncë\nx", 7, &l, &c);
	CHECK_INT(l, 3);
	CHECK_INT(c, 1);
	utf8_line_col("ab\ncëd", 6, &l, &c);
	CHECK_INT(l, 2);
	CHECK_INT(c, 3);
}

/* ---- dates ---- */

static void date_roundtrip_all_days(void)
{
	int d, y, m, dd, bad = 0;

	for (d = date_from_ymd(1900, 1, 1); d <= date_from_ymd(2100, 12, 31); d++) {
		date_to_ymd(d, &y, &m, &dd);
		if (date_from_ymd(y, m, dd) != d || !date_valid_ymd(y, m, dd))
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(date_from_ymd(1970, 1, 1), 0);
	CHECK(date_valid_ymd(2024, 2, 29));
	CHECK(!date_valid_ymd(2025, 2, 29));
	CHECK(!date_valid_ymd(1900, 2, 29));
	CHECK(date_valid_ymd(2000, 2, 29));
}

static void date_parses_what_people_type(void)
{
	struct buf msg = BUF_INIT, out = BUF_INIT;
	int d;

	CHECK(date_parse_user("14-03-2024", &d, &msg));
	CHECK_INT(d, date_from_ymd(2024, 3, 14));
	CHECK(date_parse_user(" 1-3-2024 ", &d, &msg));
	CHECK_INT(d, date_from_ymd(2024, 3, 1));
	CHECK(date_parse_user("14/03/2024", &d, &msg));
	CHECK(date_parse_user("14.03.2024", &d, &msg));
	CHECK(date_parse_user("2024-03-14", &d, &msg));
	CHECK_INT(d, date_from_ymd(2024, 3, 14));
	CHECK(date_parse_user("Vandaag", &d, &msg));
	CHECK_INT(d, date_today());
	CHECK(date_parse_user("gisteren", &d, &msg));
	CHECK_INT(d, date_today() - 1);
	CHECK(!date_parse_user("31-02-2025", &d, &msg));
	CHECK_STR(msg.s, "31 februari 2025 bestaat niet: februari heeft 28 dagen.");
	buf_reset(&msg);
	CHECK(!date_parse_user("14-13-2024", &d, &msg));
	CHECK_CONTAINS(msg.s, "Maand 13 bestaat niet");
	buf_reset(&msg);
	CHECK(!date_parse_user("14-03-24", &d, &msg));
	CHECK_CONTAINS(msg.s, "jaar voluit");
	buf_reset(&msg);
	CHECK(!date_parse_user("volgende week", &d, &msg));
	CHECK_CONTAINS(msg.s, "Dit is geen datum");
	buf_reset(&msg);
	CHECK(!date_parse_user("14-03-1850", &d, &msg));
	CHECK_CONTAINS(msg.s, "typ een jaar van 1900 tot en met 2100");
	CHECK_INT(date_today(), date_from_ymd(2026, 11, 18));
	date_fmt_weekday(&out, date_from_ymd(2024, 4, 9));
	CHECK_STR(out.s, "dinsdag 9 april 2024");
	buf_reset(&out);
	date_fmt_short(&out, date_from_ymd(2024, 4, 9));
	CHECK_STR(out.s, "09-04-2024");
	buf_release(&msg);
	buf_release(&out);
}

static void date_age_and_time(void)
{
	int m;
	struct buf b = BUF_INIT;

	CHECK_INT(date_age(date_from_ymd(2014, 3, 14), date_from_ymd(2026, 3, 13)), 11);
	CHECK_INT(date_age(date_from_ymd(2014, 3, 14), date_from_ymd(2026, 3, 14)), 12);
	CHECK_INT(date_age(date_from_ymd(2012, 2, 29), date_from_ymd(2028, 2, 28)), 15);
	CHECK(time_parse("14.30", &m) && m == 870);
	CHECK(time_parse("9:05", &m) && m == 545);
	CHECK(!time_parse("24:00", &m));
	CHECK(!time_parse("14.3", &m));
	time_fmt(&b, 545);
	CHECK_STR(b.s, "09.05");
	buf_release(&b);
}

/* ---- money ---- */

static void money_dutch_notation(void)
{
	struct buf msg = BUF_INIT, out = BUF_INIT;
	int64_t c;

	CHECK(money_parse("1.234,56", &c, &msg) && c == 123456);
	CHECK(money_parse("€ 80", &c, &msg) && c == 8000);
	CHECK(money_parse("€80,-", &c, &msg) && c == 8000);
	CHECK(money_parse("0,5", &c, &msg) && c == 50);
	CHECK(money_parse("EUR 12", &c, &msg) && c == 1200);
	CHECK(money_parse("1.000.000", &c, &msg) && c == 100000000);
	CHECK(money_parse("48,75 €", &c, &msg) && c == 4875);
	CHECK(!money_parse("12.50", &c, &msg));
	CHECK_CONTAINS(msg.s, "duizendtallen");
	buf_reset(&msg);
	CHECK(!money_parse("-5", &c, &msg));
	CHECK_CONTAINS(msg.s, "negatief");
	buf_reset(&msg);
	CHECK(!money_parse("1,234", &c, &msg));
	CHECK_CONTAINS(msg.s, "twee cijfers");
	buf_reset(&msg);
	CHECK(!money_parse("10000000000", &c, &msg));
	CHECK_CONTAINS(msg.s, "te groot");
	buf_reset(&msg);
	CHECK(!money_parse("tachtig", &c, &msg));
	CHECK_CONTAINS(msg.s, "1.234,56");
	money_fmt(&out, 123456, true);
	CHECK_STR(out.s, "€ 1.234,56");
	buf_reset(&out);
	money_fmt(&out, 5, false);
	CHECK_STR(out.s, "0,05");
	buf_reset(&out);
	money_fmt(&out, 3121111, true);
	CHECK_STR(out.s, "€ 31.211,11");
	buf_release(&msg);
	buf_release(&out);
}

/* ---- paths ---- */

static void path_parse_and_follow(void)
{
	struct path p;
	struct buf msg = BUF_INIT, out = BUF_INIT;
	json *root = NULL;
	struct err e = ERR_INIT;
	const char *doc = "{\"mdo\":[{\"datum\":\"2024-01-01\"},{\"datum\":\"2024-02-01\"}]}";

	CHECK(!path_parse("mdo[2].aanwezigen[10].naam", &p, &msg));
	CHECK_INT(p.n, 3);
	CHECK_INT(p.segs[1].index, 10);
	path_fmt(&out, &p);
	CHECK_STR(out.s, "mdo[2].aanwezigen[10].naam");
	path_release(&p);
	CHECK(path_parse("mdo[0].datum", &p, &msg) < 0);
	CHECK_CONTAINS(msg.s, "vanaf 1");
	buf_reset(&msg);
	CHECK(path_parse("mdo..datum", &p, &msg) < 0);
	CHECK(path_parse("mdo[", &p, &msg) < 0);
	CHECK(path_parse("", &p, &msg) < 0);
	CHECK(path_parse("a b", &p, &msg) < 0);
	CHECK(!path_parse(".categorie", &p, &msg) && p.relative);
	path_release(&p);
	CHECK(!json_parse(doc, strlen(doc), "t", &root, &e));
	CHECK(!path_parse("mdo[2].datum", &p, &msg));
	CHECK_STR(json_str(path_get(root, &p)), "2024-02-01");
	path_release(&p);
	CHECK(!path_parse("mdo[3].datum", &p, &msg));
	CHECK(path_get(root, &p) == NULL);
	path_release(&p);
	json_free(root);
	buf_release(&msg);
	buf_release(&out);
	err_release(&e);
}

TESTS(buf_tests) = {
	{ "buf groeit en blijft afgesloten", buf_grows_and_terminates },
	{ "buf trim, detach, setlen", buf_trim_detach_setlen },
	TEST_END,
};
TESTS(utf8_tests) = {
	{ "utf8 decodeert en weigert ongeldige reeksen", utf8_decodes_and_rejects },
	{ "utf8 check vindt de positie van de fout", utf8_check_finds_offset },
	{ "utf8 vouwt namen met diakrieten", utf8_folding_matches_names },
	{ "utf8 stuurtekens en regel/kolom", utf8_controls_and_positions },
	TEST_END,
};
TESTS(date_tests) = {
	{ "datum heen en terug, 1900-2100", date_roundtrip_all_days },
	{ "datum leest wat mensen typen", date_parses_what_people_type },
	{ "leeftijd en tijd", date_age_and_time },
	TEST_END,
};
TESTS(money_tests) = {
	{ "bedragen in Nederlandse notatie", money_dutch_notation },
	TEST_END,
};
TESTS(path_tests) = {
	{ "paden lezen en volgen", path_parse_and_follow },
	TEST_END,
};
