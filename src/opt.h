/*
 * opt.h - command-line options from a table.
 *
 * Each command declares its options as an array ending in OPT_END(); the
 * same table parses argv and prints the Dutch help, so the two cannot
 * drift apart. Options may appear before, between and after positional
 * arguments; "--" ends option parsing. "--optie=waarde" and
 * "--optie waarde" are both accepted.
 */
#ifndef OPT_H
#define OPT_H

#include <stdbool.h>
#include <stdio.h>

struct err;

enum opt_kind { OPT_KIND_END, OPT_KIND_FLAG, OPT_KIND_STRING, OPT_KIND_LIST };

struct opt {
	enum opt_kind kind;
	char short_name;        /* 0 when none */
	const char *long_name;
	void *value;            /* bool*, const char**, or struct opt_list* */
	const char *argname;    /* "REGIO" */
	const char *help;       /* Dutch */
};

/* A repeatable option collects its values here (the strings stay in argv). */
struct opt_list {
	const char **v;
	size_t n, cap;
};

#define OPT_FLAG(s, l, v, h) { OPT_KIND_FLAG, (s), (l), (v), NULL, (h) }
#define OPT_STRING(s, l, v, a, h) { OPT_KIND_STRING, (s), (l), (v), (a), (h) }
#define OPT_LIST(s, l, v, a, h) { OPT_KIND_LIST, (s), (l), (v), (a), (h) }
#define OPT_END() { OPT_KIND_END, 0, NULL, NULL, NULL, NULL }

/* Parse result: number of positional arguments left in argv[0..n), or: */
#define OPT_HELP (-2)   /* --help was given: usage printed on stdout */
#define OPT_ERROR (-1)  /* bad usage: e is set (EXIT_USAGE) */

/*
 * Parse argv[1..argc) (argv[0] is the command name). Positional arguments
 * are moved to the front of argv. `usage` is the synopsis and description
 * printed by --help; `cmd` names the command in messages.
 */
int opt_parse(int argc, char **argv, const struct opt *opts, const char *cmd,
	      const char *usage, struct err *e);
void opt_usage(FILE *out, const struct opt *opts, const char *usage);
void opt_list_release(struct opt_list *l);

#endif
