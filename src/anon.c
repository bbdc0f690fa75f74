/*
 * anon.c - the replacement list of the anonymised copy (see anon.h).
 */
#include "anon.h"
#include "buf.h"
#include "date.h"
#include "field.h"
#include "form.h"
#include "mem.h"
#include "utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct repl {
	char *from, *to;
};

struct anon {
	struct repl *repl;
	size_t nrepl, rcap;
};

static bool is_letter_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Replace personal names (longest first, whole words only). */
void anon_apply(const struct anon *A, const char *s, struct buf *out)
{
	size_t len = strlen(s), i = 0, k;

	while (i < len) {
		bool done = false;

		if (i == 0 || !is_letter_byte((unsigned char)s[i - 1])) {
			for (k = 0; k < A->nrepl && !done; k++) {
				size_t fl = strlen(A->repl[k].from);

				if (fl && i + fl <= len && !memcmp(s + i, A->repl[k].from, fl) &&
				    (i + fl == len || !is_letter_byte((unsigned char)s[i + fl]))) {
					buf_adds(out, A->repl[k].to);
					i += fl;
					done = true;
				}
			}
		}
		if (!done)
			buf_addch(out, s[i++]);
	}
}

static void add_repl(struct anon *A, const char *from, const char *to)
{
	size_t i;

	if (!from || strlen(from) < 2)
		return;
	for (i = 0; i < A->nrepl; i++)
		if (!strcmp(A->repl[i].from, from))
			return;
	ARRAY_GROW(A->repl, A->nrepl, A->rcap);
	A->repl[A->nrepl].from = xstrdup(from);
	A->repl[A->nrepl].to = xstrdup(to);
	A->nrepl++;
}

/* "Eline Ünal-de Jonge" -> "E.Ü.J." (lower-case particles skipped) */
static void initials(const char *name, struct buf *out)
{
	const char *p = name;

	while (*p) {
		uint32_t cp;
		size_t n;

		while (*p == ' ' || *p == '-')
			p++;
		if (!*p)
			break;
		n = utf8_decode(p, strlen(p), &cp);
		if (!n)
			n = 1;
		if (!(cp >= 'a' && cp <= 'z')) {
			buf_add(out, p, n);
			buf_addch(out, '.');
		}
		while (*p && *p != ' ' && *p != '-')
			p++;
	}
	if (!out->len)
		buf_adds(out, "X.");
}

static void collect_names(struct anon *A, const struct field *def, const json *v)
{
	const json *it;
	size_t i;

	if (!v)
		return;
	if (def->type->kind == FT_GROEP) {
		for (i = 0; i < def->nsub; i++)
			collect_names(A, &def->sub[i], json_get(v, def->sub[i].key));
		return;
	}
	if (def->type->kind == FT_LIJST) {
		for (it = json_first(v); it; it = json_next(it))
			for (i = 0; i < def->nsub; i++)
				collect_names(A, &def->sub[i], json_get(it, def->sub[i].key));
		return;
	}
	if (def->privacy == PRIV_INITIALS && json_is_string(v)) {
		struct buf ini = BUF_INIT, part = BUF_INIT;
		const char *p = json_str(v);

		initials(p, &ini);
		add_repl(A, p, ini.s);
		/* every capitalised part on its own too: "Zoë", "Ünal" */
		while (*p) {
			const char *q = p;

			while (*q && *q != ' ' && *q != '-')
				q++;
			buf_reset(&part);
			buf_add(&part, p, (size_t)(q - p));
			if (utf8_length(part.s, part.len) >= 3 && !(part.s[0] >= 'a' && part.s[0] <= 'z')) {
				buf_reset(&ini);
				initials(part.s, &ini);
				add_repl(A, part.s, ini.s);
			}
			p = *q ? q + 1 : q;
		}
		buf_release(&ini);
		buf_release(&part);
	} else if (def->privacy == PRIV_OMIT && value_filled(v)) {
		struct buf s = BUF_INIT;
		int d;

		if (def->type->kind == FT_DATUM && date_parse_iso(json_str(v), &d)) {
			date_fmt_long(&s, d);
			add_repl(A, s.s, "[weggelaten]");
			buf_reset(&s);
			date_fmt_short(&s, d);
			add_repl(A, s.s, "[weggelaten]");
			buf_reset(&s);
			date_fmt_iso(&s, d);
			add_repl(A, s.s, "[weggelaten]");
		} else if (json_is_string(v)) {
			add_repl(A, json_str(v), "[weggelaten]");
		}
		buf_release(&s);
	}
}

static int by_length(const void *a, const void *b)
{
	size_t la = strlen(((const struct repl *)a)->from), lb = strlen(((const struct repl *)b)->from);

	return (la < lb) - (la > lb);
}

struct anon *anon_build(const struct formset *fs, const json *root)
{
	struct anon *A = xcalloc(1, sizeof(*A));
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct form *f = &fs->forms[i];

		collect_names(A, &f->root, json_get(root, f->id));
	}
	if (A->nrepl > 1)
		qsort(A->repl, A->nrepl, sizeof(*A->repl), by_length);
	return A;
}

bool anon_empty(const struct anon *A)
{
	return !A || !A->nrepl;
}

void anon_free(struct anon *A)
{
	size_t i;

	if (!A)
		return;
	for (i = 0; i < A->nrepl; i++) {
		free(A->repl[i].from);
		free(A->repl[i].to);
	}
	free(A->repl);
	free(A);
}

