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
 *                 | sum CMP sum                 CMP := "<" | "<=" | ">" | ">=" | "=" | "!="
 *           sum  := prod {("+" | "-") prod}   prod := atom {"*" atom}
 *           atom := NUMBER [UNIT] | PATH | QUANTITY | "vandaag" | "(" sum ")"
 *                 | ("min" | "max" | "aantal") "(" PATH ["waar" expr] ")"
 *                 | "schoolweek" "(" sum ")"
 *           UNIT := "dag" | "dagen" | "week" | "weken"
 * PATH is a value path (path.h) or one of the words `route` and `regio`.
 * A path with [*] matches when any of its values does. `ja`/`nee` compare
 * with yes/no fields; a bare PATH is true when its value is filled and not
 * "nee".
 *
 * In a comparison a date counts as its day number, so dates compare and
 * "4 weken" (28 days) can be added to them; a yes/no field is 1 or 0.
 * QUANTITY is a name the timeline computes (timeline.h: uren_4_schoolweken,
 * ziekmeldingen_12_schoolweken, ...); `vandaag` is the reference day (the
 * dossier's date when printing); schoolweek(d) is the school week of day
 * d in the absence (week 1 = the week of the first absence day). A path
 * with [*] in a comparison needs min(), max() or aantal(); "waar" filters
 * the list's records (relative paths: ".vastgelopen = ja"). A '-' needs
 * spaces around it (a-b is a name).
 *
 * A comparison of which a value is missing is unknown: a condition
 * ("voorwaarde") with an unknown comparison does not hold, and a
 * requirement ("eis") is not broken by one (expr_holds_or_unknown); other
 * rules report the missing value. Conditions are parsed once when the
 * data file is loaded, so a mistake is reported with its file instead of
 * at some later question.
 */
#ifndef EXPR_H
#define EXPR_H

#include <stdbool.h>

struct buf;
struct expr;
struct timeline;
typedef struct cJSON json;

struct expr_env {
	const json *root;    /* the whole case */
	const json *record;  /* the record for relative paths, or NULL */
	const char *route;   /* the route being checked, or NULL */
	const char *region;  /* region id, or NULL */
	const struct timeline *tl; /* quantities, school weeks, "vandaag"; NULL: unknown */
};

/* Parse src; caller frees *out with expr_free(). */
int expr_parse(const char *src, struct expr **out, struct buf *msg);
bool expr_eval(const struct expr *x, const struct expr_env *env);
/* For requirements: true unless the expression is known to be false. */
bool expr_holds_or_unknown(const struct expr *x, const struct expr_env *env);
void expr_free(struct expr *x);

#endif
