/*
 * expr.c - parse and evaluate data-file conditions (see expr.h).
 *
 * A recursive-descent parser builds a small tree; evaluation walks it
 * against the case. Depth is bounded so a hostile data file cannot
 * exhaust the stack.
 */
#include "expr.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "path.h"
#include "timeline.h"
#include "utf8.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define MAX_NEST 32

enum op { OP_OR, OP_AND, OP_NOT, OP_FILLED, OP_EMPTY, OP_EQ, OP_NE, OP_IN, OP_HAS, OP_TRUTHY, OP_CMP };
enum var { VAR_PATH, VAR_ROUTE, VAR_REGION };
enum cmp { CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ, CMP_NE };

/* A number-valued term of a comparison. */
enum nkind { N_LIT, N_PATH, N_QUANTITY, N_TODAY, N_ADD, N_SUB, N_MUL, N_MIN, N_MAX, N_COUNT, N_WEEK };

struct num {
	enum nkind k;
	double lit;
	int q;                   /* N_QUANTITY */
	struct path path;        /* N_PATH and the aggregates */
	struct expr *filter;     /* aggregates: "waar" */
	struct num *a, *b;       /* operators; N_WEEK: a */
};

struct expr {
	enum op op;
	struct expr *a, *b;      /* OR, AND, NOT */
	enum var var;
	struct path path;        /* comparisons */
	char **vals;             /* literal(s) */
	size_t nvals, cap;
	struct num *l, *r;       /* OP_CMP */
	enum cmp cmp;
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
static void num_free(struct num *n);

static struct num *num_node(enum nkind k)
{
	struct num *n = xcalloc(1, sizeof(*n));

	n->k = k;
	return n;
}

static bool is_aggregate(const char *w, enum nkind *k)
{
	static const struct { const char *name; enum nkind k; } aggs[] = {
		{ "min", N_MIN }, { "max", N_MAX }, { "aantal", N_COUNT }, { "schoolweek", N_WEEK },
	};
	size_t i;

	for (i = 0; i < sizeof(aggs) / sizeof(aggs[0]); i++)
		if (!strcmp(w, aggs[i].name)) {
			*k = aggs[i].k;
			return true;
		}
	return false;
}

/* A number: digits with an optional '.' or ',' decimal part. */
static bool parse_number(const char *w, double *out)
{
	char tmp[64], *end;
	size_t i, n = strlen(w);

	if (!n || n >= sizeof(tmp) || !isdigit((unsigned char)w[0]))
		return false;
	for (i = 0; i <= n; i++)
		tmp[i] = w[i] == ',' ? '.' : w[i];
	*out = strtod(tmp, &end);
	return !*end;
}

static struct num *parse_sum(struct parser *p);

static struct num *num_fail(struct parser *p, const char *what, struct num *n, char *w)
{
	num_free(n);
	free(w);
	fail(p, what);
	return NULL;
}

static struct num *parse_atom(struct parser *p)
{
	struct num *n = NULL;
	struct buf m = BUF_INIT;
	enum nkind agg;
	char *w;
	const char *here;

	if (++p->depth > MAX_NEST)
		return num_fail(p, "te diep genest", NULL, NULL);
	if (punct(p, "(")) {
		n = parse_sum(p);
		p->depth--;
		if (n && !punct(p, ")"))
			return num_fail(p, "')' ontbreekt", n, NULL);
		return n;
	}
	p->depth--;
	skip(p);
	here = p->s;
	w = token(p);
	if (!w || *here == '"')
		return num_fail(p, "hier wordt een getal, datum of veld verwacht", NULL, w);
	if (isdigit((unsigned char)w[0])) {
		n = num_node(N_LIT);
		if (*p->s == ',' && isdigit((unsigned char)p->s[1])) { /* 15,5 */
			struct buf b = BUF_INIT;

			p->s++;
			buf_addf(&b, "%s,", w);
			free(w);
			w = token(p);
			buf_adds(&b, w ? w : "");
			free(w);
			w = buf_detach(&b, NULL);
		}
		if (!parse_number(w, &n->lit))
			return num_fail(p, "geen geldig getal", n, w);
		if (keyword(p, "dagen") || keyword(p, "dag"))
			;
		else if (keyword(p, "weken") || keyword(p, "week"))
			n->lit *= 7;
		free(w);
		return n;
	}
	if (!strcmp(w, "vandaag")) {
		free(w);
		return num_node(N_TODAY);
	}
	if (timeline_quantity_find(w) >= 0) {
		n = num_node(N_QUANTITY);
		n->q = timeline_quantity_find(w);
		free(w);
		return n;
	}
	if (is_aggregate(w, &agg) && punct(p, "(")) {
		n = num_node(agg);
		free(w);
		w = NULL;
		if (agg == N_WEEK) {
			n->a = parse_sum(p);
			if (!n->a)
				return num_fail(p, "hier wordt een datum verwacht", n, NULL);
		} else {
			w = token(p);
			if (!w)
				return num_fail(p, "hier wordt een lijst met [*] verwacht", n, NULL);
			if (path_parse(w, &n->path, &m) || !path_has_wildcard(&n->path)) {
				if (!m.len)
					buf_adds(&m, "min(), max() en aantal() horen bij een lijst met [*]");
				num_fail(p, m.s, n, w);
				buf_release(&m);
				return NULL;
			}
			free(w);
			w = NULL;
			if (keyword(p, "waar")) {
				n->filter = parse_or(p);
				if (!n->filter)
					return num_fail(p, "onbegrijpelijke voorwaarde na 'waar'", n, NULL);
			}
		}
		if (!punct(p, ")"))
			return num_fail(p, "')' ontbreekt", n, NULL);
		return n;
	}
	n = num_node(N_PATH);
	if (path_parse(w, &n->path, &m)) {
		num_fail(p, m.s, n, w);
		buf_release(&m);
		return NULL;
	}
	if (path_has_wildcard(&n->path))
		return num_fail(p, "een lijst met [*] in een vergelijking: gebruik min(), max() of aantal()", n, w);
	free(w);
	return n;
}

static struct num *parse_prod(struct parser *p)
{
	struct num *l = parse_atom(p), *n;

	while (l && punct(p, "*")) {
		n = num_node(N_MUL);
		n->a = l;
		n->b = parse_atom(p);
		if (!n->b) {
			num_free(n);
			return NULL;
		}
		l = n;
	}
	return l;
}

/* '-' only with a space after it: "a-b" is a name. */
static bool minus(struct parser *p)
{
	skip(p);
	if (p->s[0] == '-' && (p->s[1] == ' ' || p->s[1] == '\t')) {
		p->s++;
		return true;
	}
	return false;
}

static struct num *parse_sum(struct parser *p)
{
	struct num *l = parse_prod(p), *n;
	bool sub;

	while (l && ((sub = minus(p)) || punct(p, "+"))) {
		n = num_node(sub ? N_SUB : N_ADD);
		n->a = l;
		n->b = parse_prod(p);
		if (!n->b) {
			num_free(n);
			return NULL;
		}
		l = n;
	}
	return l;
}

/* Does a numeric comparison start here? Looks ahead without consuming. */
static bool numeric_ahead(struct parser *p)
{
	const char *save = p->s, *after;
	char *w;
	enum nkind k;
	bool yes = false;

	skip(p);
	if (isdigit((unsigned char)*p->s)) {
		p->s = save;
		return true;
	}
	if (*p->s == '"' || !(w = token(p))) {
		p->s = save;
		return false;
	}
	skip(p);
	after = p->s;
	if (!strcmp(w, "vandaag") || timeline_quantity_find(w) >= 0 || (is_aggregate(w, &k) && *after == '('))
		yes = true;
	else if (*after == '<' || *after == '>' || *after == '+' || *after == '*' ||
		 (after[0] == '-' && (after[1] == ' ' || after[1] == '\t')))
		yes = true;
	free(w);
	p->s = save;
	return yes;
}

static struct expr *parse_compare(struct parser *p)
{
	static const struct { const char *t; enum cmp c; } ops[] = {
		{ "<=", CMP_LE }, { ">=", CMP_GE }, { "!=", CMP_NE }, { "<", CMP_LT }, { ">", CMP_GT }, { "=", CMP_EQ },
	};
	struct expr *x = node(OP_CMP);
	size_t i;

	x->l = parse_sum(p);
	if (!x->l)
		goto bad;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (punct(p, ops[i].t))
			break;
	if (i == sizeof(ops) / sizeof(ops[0])) {
		fail(p, "hier wordt <, <=, >, >=, = of != verwacht");
		goto bad;
	}
	x->cmp = ops[i].c;
	x->r = parse_sum(p);
	if (!x->r)
		goto bad;
	return x;
bad:
	expr_free(x);
	return NULL;
}

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
	if (numeric_ahead(p))
		return parse_compare(p);
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

static void num_free(struct num *n)
{
	if (!n)
		return;
	num_free(n->a);
	num_free(n->b);
	path_release(&n->path);
	expr_free(n->filter);
	free(n);
}

void expr_free(struct expr *x)
{
	size_t i;

	if (!x)
		return;
	expr_free(x->a);
	expr_free(x->b);
	num_free(x->l);
	num_free(x->r);
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

/* ---- numbers ----------------------------------------------------------- */

static bool value_num(const json *v, double *out)
{
	int day;

	switch (json_type(v)) {
	case JSON_NUMBER: *out = json_num(v); return true;
	case JSON_BOOL: *out = json_bool(v) ? 1 : 0; return true;
	case JSON_STRING:
		if (!date_parse_iso(json_str(v), &day))
			return false;
		*out = day;
		return true;
	default: return false;
	}
}

static int eval3(const struct expr *x, const struct expr_env *env);

struct agg {
	enum nkind k;
	double v;
	size_t n;
};

static void agg_visit(const json *v, void *ctx)
{
	struct agg *a = ctx;
	double d;

	if (a->k == N_COUNT) {
		a->n += filled(v);
		return;
	}
	if (!value_num(v, &d))
		return;
	if (!a->n || (a->k == N_MIN ? d < a->v : d > a->v))
		a->v = d;
	a->n++;
}

/* min/max/aantal over HEAD[*].TAIL, with the filter on HEAD's records. */
static bool aggregate(const struct num *n, const struct expr_env *env, double *out)
{
	struct path *p = (struct path *)&n->path; /* the wildcard is lifted for a moment */
	const json *base = p->relative ? env->record : env->root, *list, *it;
	struct agg a = { n->k, 0, 0 };
	size_t i;

	for (i = 0; i < p->n && p->segs[i].index != PATH_ALL; i++)
		;
	if (base && i < p->n) {
		struct path head = { p->segs, i + 1, 0, p->relative }, tail = { p->segs + i + 1, p->n - i - 1, 0, false };
		struct expr_env sub = *env;

		p->segs[i].index = PATH_NO_INDEX;
		list = path_get(base, &head);
		p->segs[i].index = PATH_ALL;
		for (it = json_first(list); it; it = json_next(it)) {
			sub.record = it;
			if (n->filter && eval3(n->filter, &sub) != 1)
				continue;
			if (tail.n)
				path_each(it, &tail, agg_visit, &a);
			else
				agg_visit(it, &a);
		}
	}
	if (n->k == N_COUNT) {
		*out = (double)a.n;
		return true;
	}
	*out = a.v;
	return a.n > 0;
}

static bool num_eval(const struct num *n, const struct expr_env *env, double *out)
{
	double a, b;

	switch (n->k) {
	case N_LIT:
		*out = n->lit;
		return true;
	case N_PATH: {
		const json *base = n->path.relative ? env->record : env->root;

		return base && value_num(path_get(base, &n->path), out);
	}
	case N_QUANTITY:
		return env->tl && timeline_value(env->tl, n->q, out);
	case N_TODAY:
		if (!env->tl)
			return false;
		*out = env->tl->today;
		return true;
	case N_WEEK:
		if (!env->tl || !env->tl->has_start || !num_eval(n->a, env, &a))
			return false;
		*out = timeline_week(env->tl->cal, env->tl->start, (int)a);
		return true;
	case N_MIN: case N_MAX: case N_COUNT:
		return aggregate(n, env, out);
	case N_ADD: case N_SUB: case N_MUL:
		if (!num_eval(n->a, env, &a) || !num_eval(n->b, env, &b))
			return false;
		*out = n->k == N_ADD ? a + b : n->k == N_SUB ? a - b : a * b;
		return true;
	}
	return false;
}

static int compare(const struct expr *x, const struct expr_env *env)
{
	double a, b;

	if (!num_eval(x->l, env, &a) || !num_eval(x->r, env, &b))
		return -1;
	switch (x->cmp) {
	case CMP_LT: return a < b - 1e-9;
	case CMP_LE: return a <= b + 1e-9;
	case CMP_GT: return a > b + 1e-9;
	case CMP_GE: return a >= b - 1e-9;
	case CMP_EQ: return fabs(a - b) <= 1e-9;
	case CMP_NE: return fabs(a - b) > 1e-9;
	}
	return -1;
}

/* 1 true, 0 false, -1 unknown (a comparison with a missing value). */
static int eval3(const struct expr *x, const struct expr_env *env)
{
	int a, b;

	switch (x->op) {
	case OP_OR:
		a = eval3(x->a, env);
		if (a == 1)
			return 1;
		b = eval3(x->b, env);
		return b == 1 ? 1 : (a < 0 || b < 0) ? -1 : 0;
	case OP_AND:
		a = eval3(x->a, env);
		if (a == 0)
			return 0;
		b = eval3(x->b, env);
		return b == 0 ? 0 : (a < 0 || b < 0) ? -1 : 1;
	case OP_NOT:
		a = eval3(x->a, env);
		return a < 0 ? -1 : !a;
	case OP_CMP: return compare(x, env);
	case OP_EMPTY: return !any_match(x, env);
	case OP_NE: return !any_match(x, env);
	default: return any_match(x, env);
	}
}

bool expr_eval(const struct expr *x, const struct expr_env *env)
{
	return eval3(x, env) == 1;
}

bool expr_holds_or_unknown(const struct expr *x, const struct expr_env *env)
{
	return eval3(x, env) != 0;
}
