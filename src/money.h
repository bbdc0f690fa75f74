/*
 * money.h - euro amounts as integer cents, in Dutch notation.
 *
 * Amounts are never floating point: a case file stores cents (an integer),
 * users type "1.234,56", "€ 80" or "80,-", and print shows "€ 1.234,56".
 */
#ifndef MONEY_H
#define MONEY_H

#include <stdbool.h>
#include <stdint.h>

struct buf;

#define MONEY_MAX_CENTS 99999999999LL /* € 999.999.999,99 */

/*
 * Parse a typed amount. Negative amounts are refused. On failure a Dutch
 * explanation goes to msg and false is returned.
 */
bool money_parse(const char *s, int64_t *cents, struct buf *msg);
/* "€ 1.234,56" (with_sign) or "1.234,56". */
void money_fmt(struct buf *b, int64_t cents, bool with_sign);

#endif
