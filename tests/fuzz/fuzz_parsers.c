/*
 * fuzz_parsers - what users type: dates, times, money, numbers, e-mail
 * addresses, phone numbers, yes/no and choices (each through its row of
 * the field-type table, as `zet` and `invullen` use it), value paths and
 * conditions (parsed, printed and evaluated on a small case), and the
 * UTF-8 helpers that sit under all of them.
 *
 * Properties: a parser that accepts a text gives a value its type's check
 * accepts, whose printed form (format) is again valid UTF-8 and, typed in
 * again, gives the same value; a refusal always says why; dates, times
 * and amounts survive their own formatting; a path prints as a path that
 * parses to the same path.
 */
#include "fuzz.h"

#include <math.h>

#include "date.h"
#include "expr.h"
#include "field.h"
#include "json.h"
#include "money.h"
#include "path.h"

static json *doc;
static bool valid_input;

/* A message in Dutch about the input: present, and UTF-8 when the input was. */
#define FUZZ_MSG_OK(m) FUZZ_ASSERT((m).len > 0 && (!valid_input || fuzz_utf8((m).s)))

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char text[] = "{\"casus\":{\"betrokkenen\":[{\"rol\":\"smw\",\"naam\":\"Zoë\"},{\"rol\":\"x\"}],\"n\":3},"
				   "\"t\":{\"o\":[\"loket\"],\"b\":true,\"d\":\"2026-01-01\",\"s\":\"\"}}";
	struct err e = ERR_INIT;

	(void)argc, (void)argv;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1);
	if (json_parse(text, sizeof(text) - 1, "doc", &doc, &e))
		abort();
	return 0;
}

/* Types whose printed form is again what a user may type for the same value. */
static bool format_reparses(enum ftype_kind k)
{
	switch (k) {
	case FT_KORT: case FT_TEKST: case FT_DATUM: case FT_TIJD: case FT_JANEE: case FT_KEUZE:
	case FT_MEERKEUZE: case FT_BEDRAG: case FT_EMAIL: case FT_TELEFOON:
		return true;
	default:
		/* getal prints at most two decimals (format_number), so it is compared below */
		return false;
	}
}

static void fuzz_field_types(const char *s, int today)
{
	static struct choice ch[] = { { (char *)"loket", (char *)"het loket" },
				      { (char *)"adviestafel", (char *)"de Adviestafel" },
				      { (char *)"leerplicht", (char *)"leerplichtambtenaar" } };
	const struct field_ctx ctx = { "/nonexistent-dossier-fuzz", today };
	struct buf msg = BUF_INIT, out = BUF_INIT;
	size_t n, i;
	const struct ftype *types = ftype_all(&n);

	for (i = 0; i < n; i++) {
		struct field f;
		json *v = NULL, *again = NULL;

		if (types[i].kind == FT_BESTAND || types[i].kind == FT_GROEP || types[i].kind == FT_LIJST)
			continue; /* a file type looks at the files it names; containers are not typed */
		memset(&f, 0, sizeof(f));
		f.key = (char *)"x";
		f.label = (char *)"Veld";
		f.type = &types[i];
		f.choices = ch;
		f.nchoices = sizeof(ch) / sizeof(ch[0]);
		f.no_future = true;
		buf_reset(&msg);
		if (types[i].parse(&f, s, &ctx, &v, &msg) != 0) {
			FUZZ_ASSERT(!v);
			FUZZ_MSG_OK(msg);
			continue;
		}
		FUZZ_ASSERT(v);
		buf_reset(&msg);
		FUZZ_ASSERT(types[i].check(&f, v, &msg) == 0);
		buf_reset(&out);
		types[i].format(&f, v, &out);
		FUZZ_ASSERT(!valid_input || fuzz_utf8(out.s));
		if (format_reparses(types[i].kind)) {
			buf_reset(&msg);
			FUZZ_ASSERT(types[i].parse(&f, out.s, &ctx, &again, &msg) == 0);
			FUZZ_ASSERT(json_equal(v, again));
		} else if (types[i].kind == FT_GETAL && types[i].parse(&f, out.s, &ctx, &again, &msg) == 0) {
			/* two decimals, rounded: off by at most half a hundredth (and binary rounding) */
			FUZZ_ASSERT(fabs(json_num(again) - json_num(v)) <= 0.0051 * fmax(1, fabs(json_num(v))));
		}
		json_free(again);
		json_free(v);
	}
	buf_release(&msg);
	buf_release(&out);
}

static void fuzz_dates(const char *s)
{
	struct buf msg = BUF_INIT, out = BUF_INIT;
	int days, again, min, y, m, d;
	int64_t cents, cents2;

	if (date_parse_user(s, &days, &msg)) {
		date_to_ymd(days, &y, &m, &d);
		FUZZ_ASSERT(date_valid_ymd(y, m, d) && date_from_ymd(y, m, d) == days);
		date_fmt_short(&out, days);
		FUZZ_ASSERT(date_parse_user(out.s, &again, &msg) && again == days);
		buf_reset(&out);
		date_fmt_iso(&out, days);
		FUZZ_ASSERT(date_parse_iso(out.s, &again) && again == days);
		buf_reset(&out);
		date_fmt_weekday(&out, days);
		FUZZ_ASSERT(fuzz_utf8(out.s));
	} else {
		FUZZ_MSG_OK(msg);
	}
	if (date_parse_iso(s, &days)) {
		buf_reset(&out);
		date_fmt_iso(&out, days);
		FUZZ_ASSERT(date_parse_iso(out.s, &again) && again == days);
	}
	if (time_parse(s, &min)) {
		FUZZ_ASSERT(min >= 0 && min < 24 * 60);
		buf_reset(&out);
		time_fmt(&out, min);
		FUZZ_ASSERT(time_parse(out.s, &again) && again == min);
	}
	buf_reset(&msg);
	if (money_parse(s, &cents, &msg)) {
		FUZZ_ASSERT(cents >= 0 && cents <= MONEY_MAX_CENTS);
		buf_reset(&out);
		money_fmt(&out, cents, true);
		FUZZ_ASSERT(money_parse(out.s, &cents2, &msg) && cents2 == cents);
	} else {
		FUZZ_ASSERT(msg.len > 0);
	}
	buf_release(&msg);
	buf_release(&out);
}

static void fuzz_paths(const char *s)
{
	struct buf msg = BUF_INIT, out = BUF_INIT;
	struct path p = PATH_INIT, q = PATH_INIT;
	struct expr *x = NULL;
	struct expr_env env = { doc, json_get(doc, "t"), "adviestafel", "den-haag", NULL };

	if (path_parse(s, &p, &msg) == 0) {
		size_t i;

		path_fmt(&out, &p);
		FUZZ_ASSERT(path_parse(out.s, &q, &msg) == 0);
		FUZZ_ASSERT(q.n == p.n && q.relative == p.relative);
		for (i = 0; i < p.n; i++)
			FUZZ_ASSERT(!strcmp(p.segs[i].key, q.segs[i].key) && p.segs[i].index == q.segs[i].index);
		if (!path_has_wildcard(&p))
			path_get(doc, &p);
		path_release(&q);
	} else {
		FUZZ_MSG_OK(msg);
	}
	path_release(&p);
	buf_reset(&msg);
	if (expr_parse(s, &x, &msg) == 0) {
		expr_eval(x, &env);
		env.record = NULL;
		expr_eval(x, &env);
		expr_free(x);
	} else {
		FUZZ_MSG_OK(msg);
	}
	buf_release(&msg);
	buf_release(&out);
}

static void fuzz_utf8_helpers(const char *s, size_t len)
{
	struct buf out = BUF_INIT;
	size_t bad, line, col;

	if (utf8_check(s, len, &bad)) {
		utf8_fold(&out, s);
		FUZZ_ASSERT(fuzz_utf8(out.s));
		FUZZ_ASSERT(utf8_fold_equal(s, s) && utf8_fold_prefix(s, ""));
		utf8_length(s, len);
		if (len)
			FUZZ_ASSERT(utf8_char_start(s, len - 1) < len);
	} else {
		FUZZ_ASSERT(bad < len || (bad == len && !len));
	}
	utf8_has_control(s, strlen(s), true);
	utf8_line_col(s, strlen(s), &line, &col);
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	size_t len = strlen(s); /* what a user can type ends at the first NUL */

	/*
	 * `zet` passes command-line bytes as they are, so the parsers see any
	 * bytes; only when the input itself is UTF-8 must what they say be.
	 */
	valid_input = utf8_check(s, len, NULL);
	fuzz_utf8_helpers(s, len);
	fuzz_dates(s);
	fuzz_field_types(s, date_today());
	fuzz_paths(s);
	free(s);
	return 0;
}
