/*
 * utf8.h - UTF-8 checks and small text helpers.
 *
 * Everything the user types and everything in a case file is UTF-8; the
 * checks here run before text reaches cJSON, libharu or the terminal, so
 * those never see broken sequences (libharu would silently drop them).
 */
#ifndef UTF8_H
#define UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * Decode one character at s (at most `len` bytes). Returns the number of
 * bytes used (1-4) and stores the code point, or returns 0 for an invalid,
 * overlong, surrogate or truncated sequence.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Append the encoding of cp to b. */
void utf8_encode(struct buf *b, uint32_t cp);

/*
 * Check that s[0..len) is valid UTF-8 without NUL bytes. On failure return
 * false and store the byte offset of the first bad byte in *bad (if given).
 */
bool utf8_check(const char *s, size_t len, size_t *bad);

/* Number of characters (code points) in a valid UTF-8 string. */
size_t utf8_length(const char *s, size_t len);

/* Offset of the start of the character that contains byte `off`. */
size_t utf8_char_start(const char *s, size_t off);

/*
 * Compare for choice matching: ASCII case folded, and the common Latin
 * letters with diacritics folded to their base letter (é -> e, Ü -> u).
 */
bool utf8_fold_equal(const char *a, const char *b);
/* Is `prefix` a folded prefix of s? */
bool utf8_fold_prefix(const char *s, const char *prefix);
/* Append the folded form of s (see above) to out. */
void utf8_fold(struct buf *out, const char *s);

/*
 * Does s contain control characters other than those allowed? With
 * multiline, newline and tab are allowed; otherwise no control character is.
 */
bool utf8_has_control(const char *s, size_t len, bool multiline);

/*
 * Must the space after this word stay on the same line as the next word?
 * True for a word that ends in the euro sign ("€", "(€"), so that
 * "€ 1.234,56" is never broken.
 */
bool utf8_binds_next(const char *word, size_t len);

/* Line and column (1-based, counted in characters) of byte offset off. */
void utf8_line_col(const char *s, size_t off, size_t *line, size_t *col);

#endif
