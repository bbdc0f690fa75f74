/*
 * anon.h - the anonymised copy: which personal values a case holds and
 * how they are replaced in every text that reaches the PDF.
 *
 * A field declared "persoonlijk": "initialen" (names) is replaced by its
 * initials ("Zoë Ünal" -> "Z.Ü."), also each part of it on its own
 * ("Zoë" -> "Z."); a field declared "weglaten" (birth date, address,
 * phone, e-mail) by "[weggelaten]". Replacement is done on whole words.
 *
 * Calling sequence: anon_build() once per case, anon_apply() on every
 * text before it is drawn (compose's put(), and make's header, footer and
 * document title), anon_free() at the end.
 */
#ifndef ANON_H
#define ANON_H

#include <stdbool.h>

#include "json.h"

struct buf;
struct formset;
struct anon;

/* The replacements for the case `root` as declared in fs; caller frees. */
struct anon *anon_build(const struct formset *fs, const json *root);
/* Does A replace anything at all? */
bool anon_empty(const struct anon *A);
/* Append s to out with every personal value replaced. */
void anon_apply(const struct anon *A, const char *s, struct buf *out);
void anon_free(struct anon *A);

#endif
