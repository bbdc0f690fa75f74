/*
 * unit.h - a very small unit-test harness.
 *
 * A test is a function; CHECK() records a failure with file and line and
 * lets the test go on. Each test prints one line, "PASS: unit: <name>" or
 * "FAIL: unit: <name>" followed by the failed checks, which tests/run.sh
 * counts. Test files list their tests in a table that main.c runs.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
};

extern int unit_failures;
extern const char *unit_root;  /* the source tree: forms/, samples/ ... */
extern const char *unit_tmp;   /* a scratch folder, removed afterwards */

void unit_fail(const char *file, int line, const char *fmt, ...);

#define CHECK(c) \
	do { if (!(c)) unit_fail(__FILE__, __LINE__, "%s", #c); } while (0)
#define CHECK_STR(a, b) \
	do { const char *a_ = (a), *b_ = (b); \
	     if (!a_ || !b_ || strcmp(a_, b_)) \
		unit_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)
#define CHECK_INT(a, b) \
	do { long long a_ = (long long)(a), b_ = (long long)(b); \
	     if (a_ != b_) unit_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); } while (0)
#define CHECK_CONTAINS(hay, needle) \
	do { const char *h_ = (hay), *n_ = (needle); \
	     if (!h_ || !strstr(h_, n_)) \
		unit_fail(__FILE__, __LINE__, "\"%s\" does not contain \"%s\"", h_ ? h_ : "(null)", n_); } while (0)

#define TESTS(name) const struct unit_test name[]
#define TEST_END { NULL, NULL }

#endif
