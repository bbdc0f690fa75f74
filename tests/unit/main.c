/*
 * main.c - runs every unit test table. Argument: the source tree root.
 */
#include "unit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

int unit_failures;
const char *unit_root = ".";
const char *unit_tmp;

static int current_failed;
static char details[16384];
static size_t dlen;

/* Failures are collected and printed under the test's FAIL line. */
void unit_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	current_failed = 1;
	if (dlen >= sizeof(details) - 1)
		return;
	n = snprintf(details + dlen, sizeof(details) - dlen, "    %s:%d: ", file, line);
	if (n > 0)
		dlen += (size_t)n < sizeof(details) - dlen ? (size_t)n : sizeof(details) - dlen - 1;
	va_start(ap, fmt);
	n = vsnprintf(details + dlen, sizeof(details) - dlen, fmt, ap);
	va_end(ap);
	if (n > 0)
		dlen += (size_t)n < sizeof(details) - dlen ? (size_t)n : sizeof(details) - dlen - 1;
	if (dlen < sizeof(details) - 1)
		details[dlen++] = '\n';
	details[dlen] = '\0';
}

extern const struct unit_test buf_tests[], utf8_tests[], date_tests[], money_tests[], field_tests[],
	json_tests[], casus_tests[], form_tests[], ini_tests[], expr_tests[], path_tests[], rules_tests[],
	layout_tests[], unicode_tests[], print_tests[], routes_tests[];

static const struct unit_test *const tables[] = {
	buf_tests, utf8_tests, date_tests, money_tests, field_tests, json_tests, casus_tests,
	form_tests, ini_tests, expr_tests, path_tests, rules_tests, layout_tests, unicode_tests, print_tests, routes_tests,
};

int main(int argc, char **argv)
{
	char tmpl[] = "/tmp/dossier-unit.XXXXXX";
	size_t t;
	const struct unit_test *u;
	int failed = 0;

	if (argc > 1)
		unit_root = argv[1];
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1); /* 2026-11-18 */
	unit_tmp = mkdtemp(tmpl);
	if (!unit_tmp) {
		perror("mkdtemp");
		return 3;
	}
	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		for (u = tables[t]; u->name; u++) {
			current_failed = 0;
			dlen = 0;
			details[0] = '\0';
			u->fn();
			printf("%s: unit: %s\n%s", current_failed ? "FAIL" : "PASS", u->name, details);
			fflush(stdout);
			failed += current_failed;
		}
	}
	{
		char cmd[512];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", unit_tmp);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", unit_tmp);
	}
	return failed ? 1 : 0;
}
