/*
 * opt.c - table-driven option parsing and help (see opt.h).
 */
#include "opt.h"
#include "buf.h"
#include "err.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static const struct opt *find_long(const struct opt *o, const char *name, size_t len)
{
	for (; o->kind != OPT_KIND_END; o++)
		if (o->long_name && strlen(o->long_name) == len && !strncmp(o->long_name, name, len))
			return o;
	return NULL;
}

static const struct opt *find_short(const struct opt *o, char c)
{
	for (; o->kind != OPT_KIND_END; o++)
		if (o->short_name && o->short_name == c)
			return o;
	return NULL;
}

static void store(const struct opt *o, const char *val)
{
	if (o->kind == OPT_KIND_FLAG) {
		*(bool *)o->value = true;
	} else if (o->kind == OPT_KIND_STRING) {
		*(const char **)o->value = val;
	} else {
		struct opt_list *l = o->value;

		ARRAY_GROW(l->v, l->n, l->cap);
		l->v[l->n++] = val;
	}
}

void opt_list_release(struct opt_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int opt_parse(int argc, char **argv, const struct opt *opts, const char *cmd,
	      const char *usage, struct err *e)
{
	int i, npos = 0;
	bool only_pos = false;

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const struct opt *o = NULL;
		const char *val = NULL;

		if (only_pos || a[0] != '-' || !a[1]) {
			argv[npos++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = true;
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h") || !strcmp(a, "--hulp")) {
			opt_usage(stdout, opts, usage);
			return OPT_HELP;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			o = find_long(opts, a + 2, len);
			if (!o) {
				err_set(e, EXIT_USAGE, "onbekende optie '%.*s' bij 'dossier %s' (zie 'dossier %s --help')",
					(int)len + 2, a, cmd, cmd);
				return OPT_ERROR;
			}
			if (eq) {
				if (o->kind == OPT_KIND_FLAG) {
					err_set(e, EXIT_USAGE, "optie '--%s' neemt geen waarde", o->long_name);
					return OPT_ERROR;
				}
				val = eq + 1;
			}
		} else {
			o = find_short(opts, a[1]);
			if (!o || a[2]) {
				err_set(e, EXIT_USAGE, "onbekende optie '%s' bij 'dossier %s' (zie 'dossier %s --help')",
					a, cmd, cmd);
				return OPT_ERROR;
			}
		}
		if (o->kind != OPT_KIND_FLAG && !val) {
			if (i + 1 >= argc) {
				err_set(e, EXIT_USAGE, "optie '--%s' heeft een waarde nodig (%s)", o->long_name, o->argname);
				return OPT_ERROR;
			}
			val = argv[++i];
		}
		store(o, val);
	}
	return npos;
}

void opt_usage(FILE *out, const struct opt *opts, const char *usage)
{
	const struct opt *o;
	struct buf b = BUF_INIT;

	fputs(usage, out);
	if (opts->kind == OPT_KIND_END) {
		fputs("\nOpties:\n  -h, --help            deze hulp\n", out);
		return;
	}
	fputs("\nOpties:\n", out);
	for (o = opts; o->kind != OPT_KIND_END; o++) {
		buf_reset(&b);
		if (o->short_name)
			buf_addf(&b, "  -%c, ", o->short_name);
		else
			buf_adds(&b, "      ");
		buf_addf(&b, "--%s", o->long_name);
		if (o->argname)
			buf_addf(&b, " %s", o->argname);
		if (b.len < 24)
			buf_addrep(&b, " ", 24 - b.len);
		else
			buf_adds(&b, "\n                        ");
		fprintf(out, "%s%s\n", b.s, o->help);
	}
	fputs("  -h, --help            deze hulp\n", out);
	buf_release(&b);
}
