/*
 * test_unicode.c - NFC, matching keys, offset maps and word boundaries.
 */
#include "unit.h"
#include "buf.h"
#include "unicode.h"

#include <stdlib.h>

static const char *key(struct buf *b, const char *s)
{
	buf_reset(b);
	if (unicode_key(s, strlen(s), b) < 0)
		return "(invalid)";
	return b->s;
}

static void test_nfc(void)
{
	struct buf b = BUF_INIT;

	CHECK_INT(unicode_nfc("Zoe\xcc\x88", 5, &b), 0);
	CHECK_STR(b.s, "Zo\xc3\xab");
	buf_reset(&b);
	CHECK_INT(unicode_nfc("\xff", 1, &b), -1);
	CHECK_INT(b.len, 0);
	CHECK_INT(unicode_nfc("", 0, &b), 0);
	CHECK_INT(b.len, 0);
	buf_release(&b);
}

static void test_key_folds_case_and_composition(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	CHECK_STR(key(&a, "ZO\xc3\x8b \xc3\x9cNAL"), key(&b, "zo\xc3\xab \xc3\xbcnal"));
	CHECK_STR(key(&a, "Zoe\xcc\x88"), "zo\xc3\xab");
	CHECK_STR(key(&a, "Stra\xc3\x9f" "e"), "strasse");
	buf_release(&a);
	buf_release(&b);
}

static void test_key_lumps_spaces_hyphens_apostrophes(void)
{
	struct buf a = BUF_INIT;

	CHECK_STR(key(&a, "Zo\xc3\xab\xc2\xa0\xc3\x9cnal"), "zo\xc3\xab \xc3\xbcnal");    /* no-break space */
	CHECK_STR(key(&a, "An\xe2\x80\xafNg"), "an ng");                               /* narrow nbsp */
	CHECK_STR(key(&a, "An \t\n Ng"), "an ng");                                     /* runs of white space */
	CHECK_STR(key(&a, "de\xe2\x80\x90Jonge"), "de-jonge");                         /* U+2010 hyphen */
	CHECK_STR(key(&a, "de\xe2\x80\x93Jonge"), "de-jonge");                         /* en dash */
	CHECK_STR(key(&a, "Zo\xc3\xab\xe2\x80\x99s"), "zo\xc3\xab's");                 /* right single quote */
	CHECK_STR(key(&a, "Zo\xc3\xab\xca\xbcs"), "zo\xc3\xab's");                     /* modifier apostrophe */
	buf_release(&a);
}

static void test_key_drops_ignorables(void)
{
	struct buf a = BUF_INIT;

	CHECK_STR(key(&a, "\xc3\x9cn\xc2\xad" "al"), "\xc3\xbcnal");    /* soft hyphen */
	CHECK_STR(key(&a, "Zo\xe2\x80\x8b\xc3\xab"), "zo\xc3\xab");      /* zero-width space */
	CHECK_STR(key(&a, "\xef\xbb\xbfZo\xe2\x80\x8d\xc3\xab"), "zo\xc3\xab"); /* BOM, ZWJ */
	CHECK_STR(key(&a, "\xef\xbc\xba\xef\xbd\x8f"), "zo");             /* full-width letters */
	CHECK_STR(key(&a, "\xff"), "(invalid)");
	buf_release(&a);
}

static void test_key_map_points_into_source(void)
{
	struct buf a = BUF_INIT;
	size_t *map = NULL;
	const char *s = "X Zoe\xcc\x88\xc2\xad!";  /* "X Zoë<shy>!", ë decomposed */

	CHECK_INT(unicode_key_map(s, strlen(s), &a, &map), 0);
	CHECK_STR(a.s, "x zo\xc3\xab!");
	if (map) {
		CHECK_INT(map[0], 0);
		CHECK_INT(map[2], 2);
		CHECK_INT(map[4], 4);      /* both bytes of ë come from the e at 4 */
		CHECK_INT(map[5], 4);
		CHECK_INT(map[6], 9);      /* '!' after the soft hyphen */
		CHECK_INT(map[7], strlen(s));
	}
	free(map);
	buf_release(&a);
}

static void test_key_base_drops_diacritics(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	CHECK_INT(unicode_key_base("\xc3\x9cNAL", 5, &a), 0);
	CHECK_STR(a.s, "unal");
	CHECK_INT(unicode_key_base("\xc4\xb0layda", 7, &b), 0);   /* dotted capital I */
	CHECK_STR(b.s, "ilayda");
	buf_release(&a);
	buf_release(&b);
}

static void test_word_boundaries(void)
{
	const char *s = "Zo\xc3\xab's 06-1234";

	CHECK(unicode_is_word(0xEB));
	CHECK(unicode_is_word('7'));
	CHECK(unicode_is_word(0x0308));
	CHECK(!unicode_is_word(0x2019));
	CHECK(!unicode_is_word(0xA0));
	CHECK(unicode_is_upper(0xDC));
	CHECK(!unicode_is_upper(0xFC));
	CHECK(unicode_word_boundary(s, strlen(s), 0));
	CHECK(!unicode_word_boundary(s, strlen(s), 2));   /* inside Zoë */
	CHECK(unicode_word_boundary(s, strlen(s), 4));    /* before the apostrophe */
	CHECK(unicode_word_boundary(s, strlen(s), strlen(s)));
}

TESTS(unicode_tests) = {
	{ "unicode nfc", test_nfc },
	{ "unicode key folds case and composition", test_key_folds_case_and_composition },
	{ "unicode key lumps spaces, hyphens, apostrophes", test_key_lumps_spaces_hyphens_apostrophes },
	{ "unicode key drops ignorables", test_key_drops_ignorables },
	{ "unicode key map points into the source", test_key_map_points_into_source },
	{ "unicode base key drops diacritics", test_key_base_drops_diacritics },
	{ "unicode word boundaries", test_word_boundaries },
	TEST_END
};
