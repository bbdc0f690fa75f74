/*
 * quote.c - the sums of a quote (see quote.h).
 */
#include "quote.h"
#include "field.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "money.h"

#include <math.h>
#include <string.h>

#include "banned.h"

bool quote_line_amount(const struct quote *q, const json *line, int64_t *cents)
{
	const json *qv = json_get(line, q->quantity->key), *rv = json_get(line, q->rate->key);
	double qd = json_num(qv), rd = json_num(rv);
	int64_t hundredths, rate, prod;

	*cents = 0;
	if (!json_is_number(qv) || !json_is_number(rv))
		return true; /* an unfinished line adds nothing; the form check names it */
	if (!(qd >= 0 && qd <= 1e12) || !(rd >= 0 && rd <= (double)MONEY_MAX_CENTS))
		return false;
	hundredths = (int64_t)llround(qd * 100.0);
	rate = (int64_t)llround(rd);
	if (__builtin_mul_overflow(hundredths, rate, &prod) || prod > INT64_MAX - 50)
		return false;
	*cents = (prod + 50) / 100;
	return *cents <= MONEY_MAX_CENTS;
}

static bool add_capped(int64_t *sum, int64_t v)
{
	if (*sum > MONEY_MAX_CENTS - v)
		return false;
	*sum += v;
	return true;
}

int quote_compute(const struct form *f, const json *v, struct quote *q)
{
	const json *it;
	size_t i, n = 0;

	memset(q, 0, sizeof(*q));
	q->lines = form_role(f, ROLE_QUOTE_LINES);
	q->category = form_role(f, ROLE_QUOTE_CATEGORY);
	q->payer = form_role(f, ROLE_QUOTE_PAYER);
	q->quantity = form_role(f, ROLE_QUOTE_QUANTITY);
	q->rate = form_role(f, ROLE_QUOTE_RATE);
	if (!q->lines || !q->category || !q->quantity || !q->rate)
		return -1;
	q->ncats = q->category->nchoices;
	q->cats = xcalloc(q->ncats + 1, sizeof(*q->cats));
	for (i = 0; i < q->ncats; i++) {
		q->cats[i].key = q->category->choices[i].key;
		q->cats[i].label = q->category->choices[i].label;
	}
	q->payers = xcalloc((q->payer ? q->payer->nchoices : 0) + 1, sizeof(*q->payers));
	for (it = json_first(json_get(v, q->lines->key)); it; it = json_next(it)) {
		const char *cat = json_get_str(it, q->category->key);
		const char *pay = q->payer ? json_get_str(it, q->payer->key) : NULL;
		int64_t amount;
		bool ok;

		n++;
		ok = quote_line_amount(q, it, &amount);
		for (i = 0; cat && i < q->ncats; i++)
			if (!strcmp(q->cats[i].key, cat))
				break;
		if (!cat || i == q->ncats)
			continue;
		q->cats[i].nlines++;
		ok = ok && add_capped(&q->cats[i].sum, amount) && add_capped(&q->total, amount);
		if (pay && field_choice(q->payer, pay)) {
			size_t k;

			for (k = 0; k < q->npayers && strcmp(q->payers[k].key, pay); k++)
				;
			if (k == q->npayers)
				q->payers[q->npayers++].key = field_choice(q->payer, pay)->key;
			ok = ok && add_capped(&q->payers[k].sum, amount);
		}
		if (!ok && !q->overflow_line)
			q->overflow_line = n;
	}
	q->nlines = n;
	return 0;
}

int64_t quote_category_sum(const struct quote *q, const char *key)
{
	size_t i;

	for (i = 0; i < q->ncats; i++)
		if (!strcmp(q->cats[i].key, key))
			return q->cats[i].sum;
	return -1;
}

void quote_release(struct quote *q)
{
	free(q->cats);
	free(q->payers);
	memset(q, 0, sizeof(*q));
}
