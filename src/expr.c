/*
 * expr.c - parse and evaluate data-file conditions (see expr.h).
 *
 * A recursive-descent parser builds a small tree; evaluation walks it
 * against the case. Depth is bounded so a hostile data file cannot
 * exhaust the stack.
 */
#include "expr.h"
#include "buf.h"
#include "json.h"
#include "mem.h"
#include "path.h"
#include "utf8.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define MAX_NEST 32

enum op { OP_OR, OP_AND, OP_NOT, OP_FILLED, OP_EMPTY, OP_EQ, OP_NE, OP_IN, OP_HAS, OP_TRUTHY };
enum var { VAR_PATH, VAR_ROUTE, VAR_REGION };

struct expr {
	enum op op;
	struct expr *a, *b;      /* OR, AND, NOT */
	enum var var;
	struct path path;        /* comparisons */
	char **vals;             /* literal(s) */
	size_t nvals, cap;
};

struct parser {
	const char *s;
	const char *src;
	struct buf *msg;
	int depth;
};

static void skip(struct parser *p)
{
	while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n')
		p->s++;
}

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' || c == '[' ||
	       c == ']' || c == '*' || (unsigned char)c >= 0x80;
}

/* Read a bare word or a "quoted" string; caller frees. NULL if none. */
static char *token(struct parser *p)
{
	const char *start;

	skip(p);
	if (*p->s == '"') {
		start = ++p->s;
		while (*p->s && *p->s != '"')
			p->s++;
		if (!*p->s)
			return NULL;
		p->s++;
		return xstrndup(start, (size_t)(p->s - 1 - start));
	}
	start = p->s;
	while (word_char(*p->s))
		p->s++;
	if (p->s == start)
		return NULL;
	return xstrndup(start, (size_t)(p->s - start));
}

/* Is the next bare word `w` (followed by a non-word char)? Consume it if so. */
static bool keyword(struct parser *p, const char *w)
{
	size_t n = strlen(w);

	skip(p);
	if (strncmp(p->s, w, n) || word_char(p->s[n]))
		return false;
	p->s += n;
	return true;
}

static bool punct(struct parser *p, const char *t)
{
	size_t n = strlen(t);

	skip(p);
	if (strncmp(p->s, t, n))
		return false;
	p->s += n;
	return true;
}

static struct expr *fail(struct parser *p, const char *what)
{
	if (!p->msg->len)
		buf_addf(p->msg, "voorwaarde '%s': %s (bij positie %zu)", p->src, what,
			 (size_t)(p->s - p->src) + 1);
	return NULL;
}

static struct expr *node(enum op op)
{
	struct expr *x = xcalloc(1, sizeof(*x));

	x->op = op;
	return x;
}

static void add_val(struct expr *x, char *v)
{
	ARRAY_GROW(x->vals, x->nvals, x->cap);
	x->vals[x->nvals++] = v;
}

static int parse_var(struct parser *p, struct expr *x)
{
	char *w = token(p);
	struct buf m = BUF_INIT;
	int r = 0;

	if (!w) {
		fail(p, "hier wordt een veld verwacht");
		return -1;
	}
	if (!strcmp(w, "route")) {
		x->var = VAR_ROUTE;
	} else if (!strcmp(w, "regio")) {
		x->var = VAR_REGION;
	} else {
		x->var = VAR_PATH;
		if (path_parse(w, &x->path, &m)) {
			fail(p, m.s);
			r = -1;
		}
	}
	buf_release(&m);
	free(w);
	return r;
}

static struct expr *parse_or(struct parser *p);

static struct expr *parse_unary(struct parser *p)
{
	struct expr *x;
	char *v;
	bool is_filled;

	if (++p->depth > MAX_NEST)
		return fail(p, "te diep genest");
	if (keyword(p, "niet")) {
		struct expr *a = parse_unary(p);

		p->depth--;
		if (!a)
			return NULL;
		x = node(OP_NOT);
		x->a = a;
		return x;
	}
	if (punct(p, "(")) {
		x = parse_or(p);
		p->depth--;
		if (!x)
			return NULL;
		if (!punct(p, ")")) {
			expr_free(x);
			return fail(p, "')' ontbreekt");
		}
		return x;
	}
	p->depth--;
	is_filled = keyword(p, "ingevuld");
	if (is_filled || keyword(p, "leeg")) {
		x = node(is_filled ? OP_FILLED : OP_EMPTY);
		if (parse_var(p, x))
			goto bad;
		return x;
	}
	x = node(OP_TRUTHY);
	if (parse_var(p, x))
		goto bad;
	if (punct(p, "!=")) {
		x->op = OP_NE;
	} else if (punct(p, "=")) {
		x->op = OP_EQ;
	} else if (keyword(p, "bevat")) {
		x->op = OP_HAS;
	} else if (keyword(p, "in")) {
		x->op = OP_IN;
		if (!punct(p, "(")) {
			fail(p, "na 'in' hoort '(' met waarden");
			goto bad;
		}
		do {
			v = token(p);
			if (!v) {
				fail(p, "hier wordt een waarde verwacht");
				goto bad;
			}
			add_val(x, v);
		} while (punct(p, ","));
		if (!punct(p, ")")) {
			fail(p, "')' ontbreekt");
			goto bad;
		}
		return x;
	} else {
		return x;
	}
	v = token(p);
	if (!v) {
		fail(p, "hier wordt een waarde verwacht");
		goto bad;
	}
	add_val(x, v);
	return x;
bad:
	expr_free(x);
	return NULL;
}

static struct expr *parse_and(struct parser *p)
{
	struct expr *l = parse_unary(p), *r, *n;

	while (l && keyword(p, "en")) {
		r = parse_unary(p);
		if (!r) {
			expr_free(l);
			return NULL;
		}
		n = node(OP_AND);
		n->a = l;
		n->b = r;
		l = n;
	}
	return l;
}

static struct expr *parse_or(struct parser *p)
{
	struct expr *l = parse_and(p), *r, *n;

	while (l && keyword(p, "of")) {
		r = parse_and(p);
		if (!r) {
			expr_free(l);
			return NULL;
		}
		n = node(OP_OR);
		n->a = l;
		n->b = r;
		l = n;
	}
	return l;
}

int expr_parse(const char *src, struct expr **out, struct buf *msg)
{
	struct parser p = { src, src, msg, 0 };
	struct expr *x;

	*out = NULL;
	x = parse_or(&p);
	if (!x) {
		fail(&p, "onbegrijpelijk");
		return -1;
	}
	skip(&p);
	if (*p.s) {
		expr_free(x);
		fail(&p, "onverwachte tekst");
		return -1;
	}
	*out = x;
	return 0;
}

void expr_free(struct expr *x)
{
	size_t i;

	if (!x)
		return;
	expr_free(x->a);
	expr_free(x->b);
	path_release(&x->path);
	for (i = 0; i < x->nvals; i++)
		free(x->vals[i]);
	free(x->vals);
	free(x);
}

/* Does one value equal the literal? */
static bool value_is(const json *v, const char *lit)
{
	switch (json_type(v)) {
	case JSON_BOOL:
		if (!strcmp(lit, "ja") || !strcmp(lit, "true"))
			return json_bool(v);
		if (!strcmp(lit, "nee") || !strcmp(lit, "false"))
			return !json_bool(v);
		return false;
	case JSON_NUMBER: {
		char *end;
		double d = strtod(lit, &end);

		return !*end && end != lit && fabs(d - json_num(v)) < 1e-9;
	}
	case JSON_STRING:
		return !strcmp(json_str(v), lit);
	default:
		return false;
	}
}

static bool filled(const json *v)
{
	switch (json_type(v)) {
	case JSON_BOOL: case JSON_NUMBER: return true;
	case JSON_STRING: return json_str(v)[0] != '\0';
	case JSON_ARRAY: case JSON_OBJECT: return json_len(v) > 0;
	default: return false;
	}
}

struct match {
	const struct expr *x;
	bool hit;
};

static void visit(const json *v, void *ctx)
{
	struct match *m = ctx;
	const struct expr *x = m->x;
	const json *item;
	size_t i;

	if (m->hit)
		return;
	switch (x->op) {
	case OP_FILLED: case OP_EMPTY:
		m->hit = filled(v);
		break;
	case OP_TRUTHY:
		m->hit = filled(v) && !(json_is_bool(v) && !json_bool(v));
		break;
	case OP_EQ: case OP_NE:
		m->hit = value_is(v, x->vals[0]);
		break;
	case OP_IN:
		for (i = 0; i < x->nvals && !m->hit; i++)
			m->hit = value_is(v, x->vals[i]);
		break;
	case OP_HAS:
		if (json_is_array(v)) {
			for (item = json_first(v); item && !m->hit; item = json_next(item))
				m->hit = value_is(item, x->vals[0]);
		} else {
			m->hit = value_is(v, x->vals[0]);
		}
		break;
	default:
		break;
	}
}

static bool any_match(const struct expr *x, const struct expr_env *env)
{
	struct match m = { x, false };
	const json *base = x->path.relative ? env->record : env->root;
	json *tmp = NULL;

	if (x->var != VAR_PATH) {
		const char *s = x->var == VAR_ROUTE ? env->route : env->region;

		if (!s)
			return false;
		tmp = json_new_string(s);
		visit(tmp, &m);
		json_free(tmp);
		return m.hit;
	}
	if (!base)
		return false;
	path_each(base, &x->path, visit, &m);
	return m.hit;
}

bool expr_eval(const struct expr *x, const struct expr_env *env)
{
	switch (x->op) {
	case OP_OR: return expr_eval(x->a, env) || expr_eval(x->b, env);
	case OP_AND: return expr_eval(x->a, env) && expr_eval(x->b, env);
	case OP_NOT: return !expr_eval(x->a, env);
	case OP_EMPTY: return !any_match(x, env);
	case OP_NE: return !any_match(x, env);
	default: return any_match(x, env);
	}
}
