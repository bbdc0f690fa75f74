/*
 * expr.h - conditions written in the data files.
 *
 * Forms and route rules say when something applies with a small language
 * in Dutch words, e.g.
 *
 *     route in (doorbraak-spoor1, doorbraak-spoor2)
 *     casus.betrokkenen[*].rol bevat smw
 *     zienswijze.wijkt_af = ja en zienswijze.in_mdo = nee
 *     niet leeg verloop.adviestafel
 *
 * Grammar:  expr := and {"of" and}     and := not {"en" not}
 *           not  := "niet" not | "(" expr ")" | "ingevuld" PATH | "leeg" PATH
 *                 | PATH ("=" | "!=") VALUE | PATH "in" "(" VALUE {"," VALUE} ")"
 *                 | PATH "bevat" VALUE | PATH
 * PATH is a value path (path.h) or one of the words `route` and `regio`.
 * A path with [*] matches when any of its values does. `ja`/`nee` compare
 * with yes/no fields; a bare PATH is true when its value is filled and not
 * "nee". Conditions are parsed once when the data file is loaded, so a
 * mistake is reported with its file instead of at some later question.
 */
#ifndef EXPR_H
#define EXPR_H

#include <stdbool.h>

struct buf;
struct expr;
typedef struct cJSON json;

struct expr_env {
	const json *root;    /* the whole case */
	const json *record;  /* the record for relative paths, or NULL */
	const char *route;   /* the route being checked, or NULL */
	const char *region;  /* region id, or NULL */
};

/* Parse src; caller frees *out with expr_free(). */
int expr_parse(const char *src, struct expr **out, struct buf *msg);
bool expr_eval(const struct expr *x, const struct expr_env *env);
void expr_free(struct expr *x);

#endif
