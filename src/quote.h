/*
 * quote.h - the sums of a quote ("uitgesplitste offerte"), computed once.
 *
 * The check (rules.c) and the print (compose_quote.c) both call
 * quote_compute(), so the total on the page is the total that was
 * checked. Which field holds the lines, their category, payer, quantity
 * and rate comes from the form's roles (layouts.h); the categories are
 * the choices of the category field, in their order, so a category added
 * in forms/offerte.json gets its own subtotal everywhere.
 *
 * Money is integer arithmetic: a quantity is taken as whole hundredths
 * (the getal type allows two decimals), a line is quantity × rate rounded
 * half up to the cent, and any line or sum over MONEY_MAX_CENTS is an
 * overflow reported with the 1-based number of the line.
 *
 * A struct quote points into the form definition and the case value it
 * was computed from; it owns only its arrays (quote_release()).
 */
#ifndef QUOTE_H
#define QUOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct form;
struct field;
typedef struct cJSON json;

struct quote_cat {
	const char *key, *label;   /* the category field's choice */
	int64_t sum;
	size_t nlines;
};

struct quote_payer {
	const char *key;           /* the payer field's choice key, in order of first use */
	int64_t sum;
};

struct quote {
	const struct field *lines, *category, *payer, *quantity, *rate;
	struct quote_cat *cats;
	size_t ncats;
	struct quote_payer *payers;
	size_t npayers;
	int64_t total;
	size_t nlines;
	size_t overflow_line;      /* first line whose amount or sum is too large; 0: none */
};

/*
 * Compute the sums of the quote value v (the form's record) for form f,
 * a form with the "offerte" layout. Lines without a known category count
 * in no category and not in the total. Returns 0, or -1 when f has no
 * quote roles.
 */
int quote_compute(const struct form *f, const json *v, struct quote *q);
void quote_release(struct quote *q);

/*
 * The amount of one line: quantity × rate, rounded half up to the cent.
 * false when it exceeds MONEY_MAX_CENTS (or the values are missing).
 */
bool quote_line_amount(const struct quote *q, const json *line, int64_t *cents);

/* The sum of a category by its key, or -1 when the quote has no such category. */
int64_t quote_category_sum(const struct quote *q, const char *key);

#endif
