/*
 * unicode.h - Unicode normalisation, case folding and character classes.
 *
 * The one module that includes utf8proc. Two uses:
 *
 *  - unicode_nfc(): the canonical (NFC, stable) form of a text, so that
 *    "Zoë" typed as e + combining diaeresis and "Zoë" typed as one
 *    character are stored and printed alike.
 *  - unicode_key(): a matching key for comparing what people write. The
 *    key is the compatibility-normalised, case-folded text with every
 *    Unicode space (no-break, thin, ...), every run of white space
 *    lumped to one ' ', every hyphen and dash to '-', every apostrophe
 *    (’ ‘ ʼ ` ´ ′) to '\'' and default-ignorable characters (soft hyphen,
 *    zero-width space/joiners, BOM, word joiner) dropped. Two texts that
 *    a reader takes for the same words have the same key:
 *    key("ZOË\u00a0ÜNAL") == key("zoë ünal").
 *
 * unicode_key_map() also tells, for every byte of the key, where in the
 * input the character it came from starts, so a caller can find a
 * match in the key and act on the original text (anon.c replaces
 * personal values that way).
 *
 * Input must be valid UTF-8 (utf8_check()); invalid input returns -1 and
 * leaves `out` as it was. Output is appended to `out`.
 */
#ifndef UNICODE_H
#define UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Append the NFC form of s[0..n) to out. 0, or -1 for invalid UTF-8. */
int unicode_nfc(const char *s, size_t n, struct buf *out);

/* Append the matching key of s[0..n) to out (see above). 0 or -1. */
int unicode_key(const char *s, size_t n, struct buf *out);

/*
 * As unicode_key(), and *map (caller frees) gets out->len - old_len + 1
 * entries: map[i] is the offset in s of the character that produced key
 * byte old_len + i; the last entry is n. 0 or -1 (then *map is NULL).
 */
int unicode_key_map(const char *s, size_t n, struct buf *out, size_t **map);

/*
 * The same keys without diacritics (marks stripped after decomposition):
 * "Ünal", "Unal" and "ÜNAL" share the key "unal", and "İlayda" and
 * "ilayda" share "ilayda". For finding personal values, where a name
 * written without its accents must be found too.
 */
int unicode_key_base(const char *s, size_t n, struct buf *out);
int unicode_key_base_map(const char *s, size_t n, struct buf *out, size_t **map);

/* Is cp part of a word: a letter, combining mark or digit (any script)? */
bool unicode_is_word(uint32_t cp);
/* Is cp a letter (Unicode category L*)? */
bool unicode_is_letter(uint32_t cp);
/* The upper-case form of cp (cp itself where it has none). */
uint32_t unicode_upper(uint32_t cp);
/* Is cp an upper-case or title-case letter (Lu, Lt)? */
bool unicode_is_upper(uint32_t cp);

/*
 * Is there a word boundary at byte offset off of the valid UTF-8 text
 * s[0..n): not between two word characters (unicode_is_word())?
 * The ends of the text are boundaries.
 */
bool unicode_word_boundary(const char *s, size_t n, size_t off);

#endif
