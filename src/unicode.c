/*
 * unicode.c - NFC, matching keys and categories on top of utf8proc.
 *
 * The key is built one character of the NFC text at a time: each
 * character is decomposed with compatibility mappings, case folding and
 * ignorables dropped (utf8proc_decompose_char), its pieces recomposed,
 * then spaces, dashes and apostrophes are lumped here. Working per
 * character keeps the offset map exact; folding a character never
 * depends on its neighbours except for combining marks, which NFC has
 * already attached to their base.
 */
#include "unicode.h"
#include "buf.h"
#include "mem.h"
#include "utf8.h"

#include <utf8proc.h>
#include <string.h>

#include "banned.h"

int unicode_nfc(const char *s, size_t n, struct buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;

	size_t i;

	if (!utf8_check(s, n, NULL))
		return -1;
	if (!n)
		return 0;
	/*
	 * Text whose characters all lie below U+0300 is already NFC: nothing
	 * there decomposes or combines without a mark from U+0300 on. Its
	 * UTF-8 has no byte of 0xCC or more, so the common case is a scan.
	 */
	for (i = 0; i < n && (unsigned char)s[i] < 0xCC; i++)
		;
	if (i == n) {
		buf_add(out, s, n);
		return 0;
	}
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r == UTF8PROC_ERROR_NOMEM)
		die_oom();
	if (r < 0) {
		free(dst);
		return -1;
	}
	buf_add(out, dst, (size_t)r);
	free(dst);
	return 0;
}

static bool is_space_cp(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 ||
	       c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static bool is_apostrophe_cp(uint32_t cp)
{
	switch (cp) {
	case 0x27: case 0x60: case 0xB4: case 0x2018: case 0x2019: case 0x201B:
	case 0x2032: case 0x2035: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD:
	case 0x02C8: case 0xFF07:
		return true;
	}
	return false;
}

static bool is_hyphen_cp(uint32_t cp)
{
	return cp == '-' || cp == 0x2212 || cp == 0x2043 || cp == 0xFE63 || cp == 0xFF0D ||
	       utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_PD;
}

/* Fold one code point into out (0..n bytes). */
static void key_char(uint32_t cp, struct buf *out, bool *last_space, bool base)
{
	utf8proc_int32_t tmp[32];
	utf8proc_ssize_t k, i;
	int bound = 0;

	if (is_space_cp(cp)) {
		if (!*last_space)
			buf_addch(out, ' ');
		*last_space = true;
		return;
	}
	if (is_apostrophe_cp(cp)) {
		buf_addch(out, '\'');
		*last_space = false;
		return;
	}
	if (is_hyphen_cp(cp)) {
		buf_addch(out, '-');
		*last_space = false;
		return;
	}
	k = utf8proc_decompose_char((utf8proc_int32_t)cp, tmp, 32,
				    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
				    UTF8PROC_DECOMPOSE | (base ? UTF8PROC_STRIPMARK : 0), &bound);
	if (k < 0 || k > 32) {
		utf8_encode(out, cp);
		*last_space = false;
		return;
	}
	if (k == 0)
		return; /* ignorable: no effect on spacing either */
	k = utf8proc_normalize_utf32(tmp, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	for (i = 0; i < k; i++) {
		uint32_t c = (uint32_t)tmp[i];

		if (is_space_cp(c)) { /* compatibility forms of spaces */
			if (!*last_space)
				buf_addch(out, ' ');
			*last_space = true;
			continue;
		}
		utf8_encode(out, is_apostrophe_cp(c) ? '\'' : is_hyphen_cp(c) ? '-' : c);
		*last_space = false;
	}
}

static int key_impl(const char *s, size_t n, struct buf *out, size_t **map, bool base)
{
	struct buf nfc = BUF_INIT;
	size_t *m = NULL, mcap = 0, start = out->len, i = 0, src = 0;
	bool last_space = false;

	if (map)
		*map = NULL;
	if (!utf8_check(s, n, NULL))
		return -1;
	/*
	 * NFC is applied per cluster (a character and the combining marks
	 * after it), so every key byte can point at where its cluster starts
	 * in s; composition never crosses a cluster.
	 */
	while (i < n) {
		uint32_t cp;
		size_t j = i + utf8_decode(s + i, n - i, &cp), before = out->len, b;

		/* a cluster: this character and the combining marks after it */
		while (j < n) {
			uint32_t c2;
			size_t l = utf8_decode(s + j, n - j, &c2);
			utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c2);

			if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC && cat != UTF8PROC_CATEGORY_ME)
				break;
			j += l;
		}
		src = i;
		buf_reset(&nfc);
		if (unicode_nfc(s + i, j - i, &nfc) < 0) {
			buf_release(&nfc);
			buf_setlen(out, start);
			free(m);
			return -1;
		}
		for (b = 0; b < nfc.len;) {
			uint32_t c;
			size_t l = utf8_decode(nfc.s + b, nfc.len - b, &c);

			if (!l)
				break;
			key_char(c, out, &last_space, base);
			b += l;
		}
		if (map) {
			m = xgrowarray(m, &mcap, out->len - start + 1, sizeof(*m));
			for (b = before; b < out->len; b++)
				m[b - start] = src;
		}
		i = j;
	}
	buf_release(&nfc);
	if (map) {
		m = xgrowarray(m, &mcap, out->len - start + 1, sizeof(*m));
		m[out->len - start] = n;
		*map = m;
	}
	return 0;
}

int unicode_key(const char *s, size_t n, struct buf *out)
{
	return key_impl(s, n, out, NULL, false);
}

int unicode_key_map(const char *s, size_t n, struct buf *out, size_t **map)
{
	return key_impl(s, n, out, map, false);
}

int unicode_key_base(const char *s, size_t n, struct buf *out)
{
	return key_impl(s, n, out, NULL, true);
}

int unicode_key_base_map(const char *s, size_t n, struct buf *out, size_t **map)
{
	return key_impl(s, n, out, map, true);
}

bool unicode_is_letter(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return true;
	default:
		return false;
	}
}

uint32_t unicode_upper(uint32_t cp)
{
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

bool unicode_is_upper(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool unicode_is_word(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return unicode_is_letter(cp);
	}
}

bool unicode_word_boundary(const char *s, size_t n, size_t off)
{
	uint32_t before = 0, after = 0;
	size_t st;

	if (off == 0 || off >= n)
		return true;
	st = utf8_char_start(s, off - 1);
	if (!utf8_decode(s + st, n - st, &before) || !utf8_decode(s + off, n - off, &after))
		return true;
	return !(unicode_is_word(before) && unicode_is_word(after));
}
