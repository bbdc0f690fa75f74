/*
 * utf8.c - UTF-8 decoding, validation and folding (see utf8.h).
 *
 * Validation follows RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF. Folding only knows Latin-1 and Latin Extended-A, which
 * covers the names this tool meets (Zoë, Ünal, Şahin, Łukasz); anything
 * else compares as itself.
 */
#include "utf8.h"
#include "buf.h"

#include <string.h>

#include "banned.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	if (!len)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

void utf8_encode(struct buf *b, uint32_t cp)
{
	char t[4];
	size_t n;

	if (cp < 0x80) {
		t[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(b, t, n);
}

bool utf8_check(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (!s[i])
				goto fail;
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			goto fail;
		i += n;
	}
	return true;
fail:
	if (bad)
		*bad = i;
	return false;
}

size_t utf8_length(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t utf8_char_start(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

/* Base letter for U+00C0..U+017F, lower case; 0 where there is none. */
static char fold_latin(uint32_t cp)
{
	static const char latin1[] = /* U+00C0 .. U+00FF */
		"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
		"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
	static const char exta[] = /* U+0100 .. U+017F */
		"aaaaaaccccccccdd" "ddeeeeeeeeeegggg"
		"gggghhhhiiiiiiii" "iiiijjkkklllllll"
		"lllnnnnnnnnnoooo" "oooorrrrrrssssss"
		"ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp >= 0x100 && cp <= 0x17F)
		return exta[cp - 0x100];
	return 0;
}

/* Next folded unit of s: returns bytes consumed, writes 1-4 bytes to out. */
static size_t fold_next(const char *s, size_t len, char out[4], size_t *outlen)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	char f;

	if (!n) {
		out[0] = s[0];
		*outlen = 1;
		return 1;
	}
	if (cp < 0x80) {
		out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		*outlen = 1;
		return 1;
	}
	f = fold_latin(cp);
	if (f) {
		out[0] = f;
		*outlen = 1;
		return n;
	}
	memcpy(out, s, n);
	*outlen = n;
	return n;
}

void utf8_fold(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0, ol;
	char o[4];

	while (i < len) {
		i += fold_next(s + i, len - i, o, &ol);
		buf_add(out, o, ol);
	}
}

static bool fold_cmp(const char *a, const char *b, bool prefix)
{
	size_t la = strlen(a), lb = strlen(b), i = 0, j = 0, na, nb;
	char oa[4], ob[4];

	while (i < la && j < lb) {
		i += fold_next(a + i, la - i, oa, &na);
		j += fold_next(b + j, lb - j, ob, &nb);
		if (na != nb || memcmp(oa, ob, na))
			return false;
	}
	if (prefix)
		return j == lb;
	return i == la && j == lb;
}

bool utf8_fold_equal(const char *a, const char *b)
{
	return fold_cmp(a, b, false);
}

bool utf8_fold_prefix(const char *s, const char *prefix)
{
	return fold_cmp(s, prefix, true);
}

bool utf8_has_control(const char *s, size_t len, bool multiline)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F) {
			if (!(multiline && (c == '\n' || c == '\t')))
				return true;
			i++;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return true;
		if (cp >= 0x80 && cp < 0xA0) /* C1 controls */
			return true;
		i += n;
	}
	return false;
}

void utf8_line_col(const char *s, size_t off, size_t *line, size_t *col)
{
	size_t i, l = 1, c = 1;

	for (i = 0; i < off && s[i]; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

bool utf8_binds_next(const char *word, size_t len)
{
	return len >= 3 && !memcmp(word + len - 3, "\xE2\x82\xAC", 3);
}
