/*
 * cmd_invullen.c - `dossier invullen CASUS [FORMULIER]`: the guided form.
 *
 * Walks the forms in the order of forms/formulieren.json, asking every
 * field that applies (conditions are evaluated again after each answer),
 * one question at a time. Nothing here knows a particular form: labels,
 * help, types, choices and conditions come from the definitions, and
 * every answer goes through edit.c, the same path as `dossier zet`.
 *
 * Every answer is saved at once (atomically), so stopping, Ctrl-C or a
 * closed terminal never loses an earlier answer. Running it again starts
 * at the first required field that is still empty.
 *
 * Lists (parents, MDO reports, attendees, cost lines) are small menus:
 * add, change or remove an item, each shown by a one-line summary. After
 * each form comes a review: every answer numbered, what is missing, and a
 * number jumps back to that question.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "edit.h"
#include "expr.h"
#include "fileio.h"
#include "finding.h"
#include "form.h"
#include "json.h"
#include "mem.h"
#include "opt.h"
#include "path.h"
#include "profile.h"
#include "prompt.h"
#include "rules.h"
#include "term.h"
#include "tmpl.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier invullen CASUS.json [FORMULIER] [--veld PAD]\n"
	"\n"
	"Vraagt de formulieren één voor één door. Bij elke vraag:\n"
	"  Enter    het huidige antwoord houden (of de vraag overslaan)\n"
	"  ?        uitleg bij de vraag\n"
	"  -        het antwoord wissen\n"
	"  terug    naar de vorige vraag\n"
	"  stop     stoppen (ook Ctrl-D); alles is al bewaard\n"
	"\n"
	"Elk antwoord wordt meteen opgeslagen. Begint u opnieuw, dan gaat dossier\n"
	"verder bij de eerste verplichte vraag die nog leeg is. Met een formuliernaam\n"
	"(bijvoorbeeld 'mdo' of 'toestemming') alleen dat formulier; met --veld en het\n"
	"pad dat 'dossier controleer' noemt, begint dossier bij dat veld. Is alles\n"
	"ingevuld, dan kiest u eerst een formulier uit een lijst.\n"
	"\n"
	"Zonder terminal (dossier invullen casus.json < antwoorden.txt) wordt elke regel\n"
	"als antwoord gelezen, op dezelfde manier.\n";

enum step { ST_NEXT, ST_BACK, ST_STOP, ST_FAIL };

struct ses {
	struct app *app;
	struct casus *c;
	struct prompt *pr;
	struct expr_env env;
	const char *casus_arg; /* the case file as the user named it, for fix hints */
	const char *target;    /* resume here; NULL: ask everything */
	int width;
	int depth;             /* list nesting, for indentation */
	size_t answered;
	bool only_empty;       /* walk_record asks only the fields still empty */
	size_t added[64];      /* items a pick of several numbers added */
	size_t nadded;
	bool locked;           /* holds the case's write lock for the change being made */
	bool reread;           /* the case was read again: offers and values must be looked up anew */
};

/* ---- output helpers ------------------------------------------------------ */

static void say(const char *s)
{
	prompt_say(s);
}

static void sayf(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void sayf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	say(b.s);
	buf_release(&b);
}

static void styled(enum style st, const char *s)
{
	struct buf b = BUF_INIT;

	term_style(&b, stdout, st, s);
	say(b.s);
	buf_release(&b);
}

static void wrapped(const struct ses *S, const char *text, int indent)
{
	struct buf b = BUF_INIT;

	term_wrap(&b, text, indent, indent, S->width - 1);
	say(b.s);
	buf_release(&b);
}

/* Like sayf, wrapped to the terminal with every line indented. */
static void sayw(const struct ses *S, int indent, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void sayw(const struct ses *S, int indent, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	wrapped(S, b.s, indent);
	buf_release(&b);
}

static int indent_of(const struct ses *S)
{
	return 2 + S->depth * 2;
}

static void problem(const struct ses *S, const char *msg)
{
	struct buf b = BUF_INIT, line = BUF_INIT;

	buf_addf(&line, "! %s", msg);
	term_wrap(&b, line.s, indent_of(S), indent_of(S) + 2, S->width - 1);
	buf_reset(&line);
	term_style(&line, stdout, ST_RED, b.s);
	say(line.s);
	buf_release(&b);
	buf_release(&line);
}

/* ---- case helpers ------------------------------------------------------- */

static const json *value_at(const struct ses *S, const char *path)
{
	return casus_get(S->c, path);
}

static void current_text(const struct ses *S, const struct field *f, const char *path, struct buf *out)
{
	const json *v = value_at(S, path);

	buf_reset(out);
	if (value_filled(v))
		f->type->format(f, v, out);
}

/*
 * One writer per case (casus.h): a change takes the case's write lock
 * just before its first edit and gives it back when it is saved or
 * refused, never while a question waits for an answer. When another
 * program (zet, the web form, a second invullen) saved the case since it
 * was read, the case is read again first (and the session says so), so
 * that change is kept and this answer lands on the case as it now is.
 * After a re-read, values looked up before it are stale: S->reread tells
 * the question to look its offers up again before it uses them.
 */
static int begin_change(struct ses *S)
{
	int fresh;

	if (S->locked)
		return 0;
	if (casus_lock(S->c, &S->app->err))
		return -1;
	fresh = casus_refresh(S->c, &S->app->err);
	if (fresh < 0) {
		casus_unlock(S->c);
		return -1;
	}
	S->locked = true;
	if (fresh) {
		S->reread = true;
		sayf("%*s(De casus is opnieuw ingelezen: een ander programma had hem gewijzigd.)\n", indent_of(S), "");
	}
	return 0;
}

static void end_change(struct ses *S)
{
	if (S->locked)
		casus_unlock(S->c);
	S->locked = false;
}

/* Set path from typed text under the lock (see begin_change()). */
static int set_text(struct ses *S, const char *path, const char *text)
{
	return begin_change(S) || edit_set_text(S->app, S->c, path, text, &S->app->err) ? -1 : 0;
}

/* Set path to v (NULL: remove it) under the lock; takes ownership of v. */
static int set_value(struct ses *S, const char *path, json *v)
{
	if (begin_change(S)) {
		json_free(v);
		return -1;
	}
	return casus_set(S->c, path, v, &S->app->err);
}

/* Save the change and give the lock back. */
static int save(struct ses *S)
{
	int r = casus_save(S->c, &S->app->err);

	end_change(S);
	if (r)
		return -1;
	S->answered++;
	return 0;
}

/* Is path `p` the target or does the target lie below it? */
static bool leads_to(const char *target, const char *p)
{
	size_t n = strlen(p);

	return target && !strncmp(target, p, n) && (target[n] == '\0' || target[n] == '.' || target[n] == '[');
}

/* The record (object) for fields of def at path; NULL when absent. */
static const json *record_at(const struct ses *S, const char *path)
{
	const json *v = value_at(S, path);

	return json_is_object(v) ? v : NULL;
}

/* ---- commands typed at any question ------------------------------------- */

enum cmd { C_NONE, C_HELP, C_STOP, C_BACK, C_CLEAR };

static enum cmd command_of(const char *s)
{
	if (!strcmp(s, "?") || utf8_fold_equal(s, "help") || utf8_fold_equal(s, "hulp"))
		return C_HELP;
	if (utf8_fold_equal(s, "stop") || utf8_fold_equal(s, "stoppen"))
		return C_STOP;
	if (utf8_fold_equal(s, "terug"))
		return C_BACK;
	if (!strcmp(s, "-") || utf8_fold_equal(s, "wis"))
		return C_CLEAR;
	return C_NONE;
}

static void field_help(const struct ses *S, const struct field *f);
static int save(struct ses *S);

/*
 * The words every question understands. Returns true when the input was
 * such a word and *st says what happens next (ST_NEXT after '?' means:
 * ask again).
 */
static bool handled(struct ses *S, const struct field *f, const char *path, const char *input, enum step *st,
		    bool *again)
{
	*again = false;
	switch (command_of(input)) {
	case C_HELP:
		field_help(S, f);
		*again = true;
		return true;
	case C_STOP:
		*st = ST_STOP;
		return true;
	case C_BACK:
		*st = ST_BACK;
		return true;
	case C_CLEAR:
		if (set_text(S, path, "") || save(S)) {
			end_change(S);
			if (S->app->err.code == EXIT_INVALID) {
				problem(S, S->app->err.msg.s);
				err_release(&S->app->err);
				*again = true;
				return true;
			}
			*st = ST_FAIL;
		} else {
			*st = ST_NEXT;
		}
		return true;
	default:
		return false;
	}
}

static void field_help(const struct ses *S, const struct field *f)
{
	int in = indent_of(S) + 2;

	if (f->help)
		wrapped(S, f->help, in);
	if (f->type->hint)
		sayw(S, in, "Invoer: %s.", f->type->desc);
	if (f->type->kind == FT_DATUM)
		sayf("%*sU kunt ook 'vandaag' of 'gisteren' typen.\n", in, "");
	if (f->type->kind == FT_MEERKEUZE)
		sayw(S, in, "Typ een of meer nummers met komma's ertussen, 'alle' of 'geen'.");
	if (!f->required)
		sayw(S, in, "Deze vraag is niet verplicht; Enter slaat haar over.");
	wrapped(S, "Enter = houden, - = wissen, terug = vorige vraag, stop = stoppen (alles is bewaard).", in);
}

/* ---- pick lists and proposals ---------------------------------------------- */

/*
 * A {name} template over the case: "{.naam}" is a field of the record at
 * `rec`, "{casus.school.plaats}" a path in the case, "{swv}" a name from
 * the region profile. Values are formatted as people read them.
 */
struct texpand {
	struct ses *S;
	const char *rec;
	char *vals[16];
	size_t nvals;
	bool empty;           /* a placeholder had no value */
	bool whole;           /* the template is one placeholder: a choice passes its key */
};

static const char *texpand_lookup(void *ctx, const char *name, size_t len)
{
	struct texpand *X = ctx;
	struct buf p = BUF_INIT;
	char *v;

	if (X->nvals == sizeof(X->vals) / sizeof(X->vals[0]))
		return NULL;
	if (len > 1 && name[0] == '.' && name[1] == '.') {
		/* {..key}: the record that holds this record's list ("toestemming[1]" for its signers) */
		const char *br = X->rec ? strrchr(X->rec, '[') : NULL, *dot;

		if (!br)
			return NULL;
		buf_add(&p, X->rec, (size_t)(br - X->rec));
		dot = strrchr(p.s, '.');
		if (!dot)
			return NULL;
		buf_setlen(&p, (size_t)(dot - p.s));
		buf_addf(&p, "%.*s", (int)len - 1, name + 1);
	} else if (len && name[0] == '.') {
		if (!X->rec)
			return NULL;
		buf_addf(&p, "%s%.*s", X->rec, (int)len, name);
	} else if (memchr(name, '.', len)) {
		buf_add(&p, name, len);
	} else {
		const char *pv;

		buf_add(&p, name, len);
		pv = profile_name(&X->S->app->prof, p.s);
		buf_release(&p);
		if (!pv || !*pv)
			X->empty = true;
		return pv;
	}
	{
		/*
		 * A template that is one placeholder passes a choice on as its key
		 * ("smw"), which the target choice knows too; in a text ("Gemeente
		 * {casus.woongemeente}") the choice reads as its label.
		 */
		struct err e = ERR_INIT;
		const struct field *fd = formset_field(&X->S->app->forms, p.s, &e);
		const json *raw = value_at(X->S, p.s);

		err_release(&e);
		/* the case's own data (dossier.regio) has no definition: its text as it is */
		v = (!fd || (fd->type->kind == FT_KEUZE && X->whole)) && json_is_string(raw)
			    ? xstrdup(json_str(raw))
			    : edit_format(X->S->app, X->S->c, p.s);
	}
	buf_release(&p);
	if (!*v)
		X->empty = true;
	X->vals[X->nvals++] = v;
	return v;
}

/* Expand tmpl into out; true when every placeholder had a value. */
static bool texpand(struct ses *S, const char *tmpl, const char *rec, struct buf *out)
{
	struct texpand X = { S, rec, { NULL }, 0, false, false };
	size_t unknown, i, n = strlen(tmpl);

	X.whole = n > 2 && tmpl[0] == '{' && strchr(tmpl, '}') == tmpl + n - 1;
	buf_reset(out);
	unknown = tmpl_expand(out, tmpl, texpand_lookup, &X, NULL);
	for (i = 0; i < X.nvals; i++)
		free(X.vals[i]);
	buf_trim(out);
	return !unknown && !X.empty && out->len;
}

struct offer {
	char *value;
	char *rec;                  /* path of the source record */
	const struct field_pick *pick;
};

struct offers {
	struct offer *v;
	size_t n, cap;
};

static void offers_release(struct offers *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		free(o->v[i].value);
		free(o->v[i].rec);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}

static void offer_record(struct ses *S, const struct field_pick *pk, const char *rec, struct offers *o)
{
	const json *r = value_at(S, rec), *saved = S->env.record;
	struct buf val = BUF_INIT;
	size_t i;
	bool ok;

	if (!json_is_object(r))
		return;
	S->env.record = r;
	ok = !pk->cond || expr_eval(pk->cond, &S->env);
	S->env.record = saved;
	if (!ok || !texpand(S, pk->value, rec, &val)) {
		buf_release(&val);
		return;
	}
	for (i = 0; i < o->n; i++)
		if (utf8_fold_equal(o->v[i].value, val.s))
			break;
	if (i == o->n) {
		ARRAY_GROW(o->v, o->n, o->cap);
		o->v[o->n].value = buf_detach(&val, NULL);
		o->v[o->n].rec = xstrdup(rec);
		o->v[o->n].pick = pk;
		o->n++;
	}
	buf_release(&val);
}

/* The offers of a field's pick list ("suggesties"), in the order of its sources. */
static void offers_of(struct ses *S, const struct field *f, struct offers *o)
{
	struct buf rec = BUF_INIT;
	size_t i, k;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < f->npicks; i++) {
		const struct field_pick *pk = &f->picks[i];
		size_t n = strlen(pk->from);

		if (n > 3 && !strcmp(pk->from + n - 3, "[*]")) {
			size_t len;

			buf_reset(&rec);
			buf_add(&rec, pk->from, n - 3);
			len = json_len(value_at(S, rec.s));
			for (k = 1; k <= len; k++) {
				buf_reset(&rec);
				buf_addf(&rec, "%.*s[%zu]", (int)(n - 3), pk->from, k);
				offer_record(S, pk, rec.s, o);
			}
		} else {
			offer_record(S, pk, pk->from, o);
		}
	}
	buf_release(&rec);
}

/* "mdo[1].aanwezigen[2].naam" -> "mdo[1].aanwezigen[2]" (the record of a field) */
static void record_of(const char *path, struct buf *out)
{
	const char *dot = strrchr(path, '.');

	buf_reset(out);
	buf_add(out, path, dot ? (size_t)(dot - path) : strlen(path));
}

/*
 * Put a picked offer in the field at path and fill the fields the pick
 * copies along (role, organisation) in the same record. A copied value the
 * field refuses is left out; the question for it comes as usual.
 */
static int apply_offer(struct ses *S, const struct offer *of, const char *path)
{
	struct buf rec = BUF_INIT, fp = BUF_INIT, val = BUF_INIT;
	size_t i;
	int r;

	r = set_text(S, path, of->value);
	record_of(path, &rec);
	for (i = 0; !r && i < of->pick->ncopy; i++) {
		if (!texpand(S, of->pick->copy_tmpls[i], of->rec, &val))
			continue;
		buf_reset(&fp);
		buf_addf(&fp, "%s.%s", rec.s, of->pick->copy_keys[i]);
		if (set_text(S, fp.s, val.s)) {
			if (S->app->err.code != EXIT_INVALID)
				r = -1;
			else
				err_release(&S->app->err);
		}
	}
	buf_release(&rec);
	buf_release(&fp);
	buf_release(&val);
	return r;
}

/*
 * The proposed answer of an empty field: its "voorstel", or the one offer
 * of a source that proposes ("voorstellen"). The text is checked by the
 * field type first; *of is the offer when it came from one.
 */
static bool proposal(struct ses *S, const struct field *f, const char *path, const struct offers *o,
		     struct buf *text, const struct offer **of)
{
	struct buf rec = BUF_INIT, msg = BUF_INIT;
	struct field_ctx ctx = { S->c->dir, date_today() };
	json *v = NULL;
	size_t i, n = 0;
	bool ok = false;

	*of = NULL;
	buf_reset(text);
	if (value_filled(value_at(S, path)))
		return false;
	{
		const char *tmpl = f->propose;

		const json *saved = S->env.record;

		record_of(path, &rec);
		S->env.record = record_at(S, rec.s);
		for (i = 0; !tmpl && i < f->npropose; i++)
			if (!f->propose_conds[i] || expr_eval(f->propose_conds[i], &S->env))
				tmpl = f->propose_tmpls[i];
		S->env.record = saved;
		if (tmpl)
			ok = texpand(S, tmpl, rec.s, text);
	}
	for (i = 0; !ok && i < o->n; i++) {
		if (o->v[i].pick->propose) {
			n++;
			*of = &o->v[i];
		}
	}
	if (!ok && n == 1) {
		buf_sets(text, (*of)->value);
		ok = true;
	} else if (!ok) {
		*of = NULL;
	}
	if (ok && f->type->parse(f, text->s, &ctx, &v, &msg) == 0) {
		/* show it as it will be stored: "vandaag" as a date */
		buf_reset(text);
		f->type->format(f, v, text);
	} else {
		ok = false;
		*of = NULL;
	}
	json_free(v);
	buf_release(&rec);
	buf_release(&msg);
	return ok;
}

/* Numbers typed as "1,3 4": each in 1..max; returns how many (0: not such a list). */
static size_t number_list(const char *s, size_t max, size_t *out, size_t cap)
{
	size_t n = 0;

	while (*s) {
		char *end;
		long k;

		while (*s == ' ' || *s == ',' || *s == ';')
			s++;
		if (!*s)
			break;
		if (*s < '0' || *s > '9')
			return 0;
		k = strtol(s, &end, 10);
		if (k < 1 || (size_t)k > max || n == cap)
			return 0;
		out[n++] = (size_t)k;
		s = end;
	}
	return n;
}

/* Is path a field of a list item ("...aanwezigen[2].naam")? Sets the list path and index. */
static bool in_list_item(const struct field *f, const char *path, struct buf *list, size_t *idx)
{
	const char *dot = strrchr(path, '.'), *open;

	if (!f->parent || f->parent->type->kind != FT_LIJST || !dot || dot == path || dot[-1] != ']')
		return false;
	for (open = dot - 1; open > path && *open != '['; open--)
		;
	if (*open != '[')
		return false;
	*idx = (size_t)strtoul(open + 1, NULL, 10);
	buf_reset(list);
	buf_add(list, path, (size_t)(open - path));
	return *idx > 0;
}

/* ---- one question ----------------------------------------------------------- */

/* Numbered items side by side, wrapped between items, never inside one. */
static void show_numbered(const struct ses *S, const char *const *labels, size_t n)
{
	struct buf b = BUF_INIT, item = BUF_INIT, wrapped_item = BUF_INIT;
	size_t i;
	int col = indent_of(S) + 2, in = col, avail = S->width - 1 - in;

	buf_addrep(&b, " ", (size_t)in);
	for (i = 0; i < n; i++) {
		int w;

		buf_reset(&item);
		buf_addf(&item, "%zu %s", i + 1, labels[i]);
		w = (int)utf8_length(item.s, item.len);
		if (col > in && col + 3 + w > S->width - 1) {
			buf_addch(&b, '\n');
			buf_addrep(&b, " ", (size_t)in);
			col = in;
		} else if (col > in) {
			buf_adds(&b, "   ");
			col += 3;
		}
		if (w > avail) {
			/* a label longer than the line: wrap it between words, on lines of its own */
			buf_reset(&wrapped_item);
			term_wrap(&wrapped_item, item.s, 0, in + 2, S->width - 1);
			buf_setlen(&wrapped_item, wrapped_item.len - 1);
			buf_add(&b, wrapped_item.s, wrapped_item.len);
			buf_addch(&b, '\n');
			buf_addrep(&b, " ", (size_t)in);
			col = in;
			continue;
		}
		buf_add(&b, item.s, item.len);
		col += w;
	}
	if (col == in && b.len >= (size_t)in)
		buf_setlen(&b, b.len - (size_t)in);
	else
		buf_addch(&b, '\n');
	say(b.s);
	buf_release(&b);
	buf_release(&item);
	buf_release(&wrapped_item);
}

static void show_choices(const struct ses *S, const struct field *f)
{
	const char **labels = xcalloc(f->nchoices + 1, sizeof(*labels));
	size_t i;

	for (i = 0; i < f->nchoices; i++)
		labels[i] = f->choices[i].label;
	show_numbered(S, labels, f->nchoices);
	free(labels);
}

/*
 * "Label * (hint) [current]", wrapped between words to the terminal; the
 * label is bold where it stands on the first line.
 */
static void question_line(const struct ses *S, const struct field *f, const char *current)
{
	struct buf b = BUF_INIT, plain = BUF_INIT, out = BUF_INIT;
	size_t lab_len, nl;

	buf_adds(&plain, f->label);
	if (f->required)
		buf_adds(&plain, " *");
	lab_len = plain.len;
	if (f->type->hint && f->type->kind != FT_BESTAND)
		buf_addf(&plain, " (%s)", f->type->hint);
	if (current && *current) {
		buf_adds(&plain, " [");
		term_clip(&plain, current, 40);
		buf_adds(&plain, "]");
	}
	term_wrap(&b, plain.s, indent_of(S), indent_of(S) + 2, S->width - 1);
	nl = strcspn(b.s, "\n");
	if (term_color(stdout) && (size_t)indent_of(S) + lab_len <= nl) {
		struct buf lab = BUF_INIT;

		buf_add(&lab, b.s + indent_of(S), lab_len);
		buf_add(&out, b.s, (size_t)indent_of(S));
		term_style(&out, stdout, ST_BOLD, lab.s);
		buf_adds(&out, b.s + indent_of(S) + lab_len);
		buf_release(&lab);
	} else {
		buf_add(&out, b.s, b.len);
	}
	say(out.s);
	buf_release(&b);
	buf_release(&plain);
	buf_release(&out);
}

static const char *input_prompt(const struct ses *S)
{
	static char ps[48];

	snprintf(ps, sizeof(ps), "%*s> ", indent_of(S), "");
	return ps;
}

/*
 * Keep the lines typed so far: Ctrl-C or a closed window in the middle
 * of a text must not lose them, so the text is saved after every line
 * (a text the field refuses, say one that is too long, waits for the end).
 */
static int save_draft(struct ses *S, const char *path, const struct buf *text)
{
	struct buf t = BUF_INIT;
	int r = 0;

	buf_add(&t, text->s, text->len);
	buf_trim(&t);
	if (t.len) {
		if (set_text(S, path, t.s)) {
			r = S->app->err.code == EXIT_INVALID ? 0 : -1;
			if (!r)
				err_release(&S->app->err);
		} else {
			r = casus_save(S->c, &S->app->err);
		}
		end_change(S);
	}
	buf_release(&t);
	return r;
}

/*
 * Ask for a long text: lines until a line with only ".". Returns 0, 1 when
 * the input ended first (Ctrl-D, the end of a file, or a Ctrl-C the line
 * editor turned into an interrupted read: the session stops, the lines
 * are kept), -1 when saving failed.
 */
static int read_text(struct ses *S, const char *path, const char *first, struct buf *text)
{
	struct buf line = BUF_INIT;
	int r = 0;

	buf_reset(text);
	if (first) {
		buf_adds(text, first);
		buf_addch(text, '\n');
		r = save_draft(S, path, text);
	}
	while (!r) {
		if (prompt_read(S->pr, input_prompt(S), &line)) {
			r = 1;
			break;
		}
		if (!strcmp(line.s, "."))
			break;
		buf_add(text, line.s, line.len);
		buf_addch(text, '\n');
		r = save_draft(S, path, text);
	}
	buf_release(&line);
	return r;
}

static int run_editor(struct ses *S, const struct field *f, const char *current, struct buf *text)
{
	char *tmp = NULL;
	int fd, status;
	pid_t pid;
	struct buf content = BUF_INIT, raw = BUF_INIT, ed = BUF_INIT, how = BUF_INIT;

	edit_choose_editor(&ed, &how);
	/* the text is about a child: keep it next to the case, private, never in /tmp */
	fd = fileio_temp_near(S->c->path, "tekst", &tmp, &S->app->err);
	if (fd < 0)
		return -1;
	edit_editor_file(&content, current, f->label);
	if (file_write_all(fd, content.s, content.len) < 0) {
		int en = errno;

		close(fd);
		fd = -1;
		errno = en;
	}
	if (fd < 0 || close(fd) < 0) {
		err_errno(&S->app->err, errno, "het tijdelijke bestand %s voor de editor kan niet worden geschreven", tmp);
		fileio_temp_remove(tmp);
		buf_release(&content);
		return -1;
	}
	sayw(S, indent_of(S) + 2, "%s", how.s);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed.s, tmp, (char *)NULL);
		_exit(127);
	}
	buf_release(&ed);
	buf_release(&how);
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		problem(S, "De editor is niet goed afgesloten; de tekst is niet veranderd.");
		fileio_temp_remove(tmp);
		buf_release(&content);
		return 1;
	}
	if (file_read(tmp, 1u << 22, &raw, &S->app->err)) {
		fileio_temp_remove(tmp);
		buf_release(&content);
		return -1;
	}
	fileio_temp_remove(tmp);
	edit_editor_text(raw.s, raw.len, text);
	buf_release(&raw);
	buf_release(&content);
	return 0;
}

static enum step ask_text(struct ses *S, const struct field *f, const char *path)
{
	struct buf cur = BUF_INIT, line = BUF_INIT, text = BUF_INIT;
	enum step st = ST_NEXT;
	bool again;

	for (;;) {
		int r;

		current_text(S, f, path, &cur);
		question_line(S, f, NULL);
		if (cur.len) {
			sayf("%*sHuidige tekst (%zu tekens):\n", indent_of(S) + 2, "", utf8_length(cur.s, cur.len));
			if (cur.len > 300) {
				size_t cut = utf8_char_start(cur.s, 280);

				buf_setlen(&cur, cut);
				buf_adds(&cur, " ...");
			}
			wrapped(S, cur.s, indent_of(S) + 4);
			sayw(S, indent_of(S) + 2, "Enter = houden, n = nieuwe tekst typen, e = in de editor wijzigen, - = wissen");
		} else {
			sayw(S, indent_of(S) + 2, "Typ de tekst; een regel met alleen een punt (.) sluit af. Of typ e voor uw editor.");
		}
		if (prompt_read(S->pr, input_prompt(S), &line)) {
			st = ST_STOP;
			break;
		}
		buf_trim(&line);
		if (handled(S, f, path, line.s, &st, &again)) {
			if (again)
				continue;
			goto out;
		}
		if (!line.len && cur.len)
			goto out;
		if (!line.len) {
			if (f->required)
				sayf("%*s(verplicht; u kunt het later invullen)\n", indent_of(S) + 2, "");
			goto out;
		}
		current_text(S, f, path, &cur);
		if (utf8_fold_equal(line.s, "e")) {
			r = run_editor(S, f, cur.s, &text);
			if (r < 0) {
				st = ST_FAIL;
				goto out;
			}
			if (r > 0)
				continue;
		} else if (utf8_fold_equal(line.s, "n") && cur.len) {
			sayw(S, indent_of(S) + 2, "Typ de nieuwe tekst; een regel met alleen een punt (.) sluit af.");
			r = read_text(S, path, NULL, &text);
		} else {
			r = read_text(S, path, line.s, &text);
		}
		if (r < 0) {
			st = ST_FAIL;
			goto out;
		}
		if (r > 0)
			st = ST_STOP; /* after keeping what was typed */
		buf_trim(&text);
		if (!text.len) {
			sayf("%*s(geen tekst; niets veranderd)\n", indent_of(S) + 2, "");
			goto out;
		}
		if (set_text(S, path, text.s)) {
			end_change(S);
			if (S->app->err.code == EXIT_INVALID && st != ST_STOP) {
				problem(S, S->app->err.msg.s);
				err_release(&S->app->err);
				continue;
			}
			if (S->app->err.code == EXIT_INVALID) {
				/* stopping: the lines saved so far stay; say why the last ones did not */
				problem(S, S->app->err.msg.s);
				err_release(&S->app->err);
				goto out;
			}
			st = ST_FAIL;
			goto out;
		}
		if (save(S))
			st = ST_FAIL;
		goto out;
	}
out:
	buf_release(&cur);
	buf_release(&line);
	buf_release(&text);
	return st;
}

/*
 * Several numbers typed at the first field of a list item: the first
 * pick goes into this item, every other one into a new item after the
 * last, whose other empty fields the list asks next.
 */
static int pick_several(struct ses *S, const struct field *f, const char *path, const struct offers *o,
			const size_t *nums, size_t n)
{
	struct buf list = BUF_INIT, ip = BUF_INIT;
	size_t idx, i, len;
	int r;

	if (!in_list_item(f, path, &list, &idx)) {
		buf_release(&list);
		return 1;
	}
	r = apply_offer(S, &o->v[nums[0] - 1], path);
	len = json_len(value_at(S, list.s));
	for (i = 1; !r && i < n && len < FIELD_MAX_ITEMS && S->nadded < sizeof(S->added) / sizeof(S->added[0]); i++) {
		buf_reset(&ip);
		buf_addf(&ip, "%s[%zu].%s", list.s, ++len, f->key);
		r = apply_offer(S, &o->v[nums[i] - 1], ip.s);
		S->added[S->nadded++] = len;
	}
	buf_release(&list);
	buf_release(&ip);
	return r;
}

static enum step ask_leaf(struct ses *S, const struct field *f, const char *path)
{
	struct buf cur = BUF_INIT, line = BUF_INIT, prop = BUF_INIT, b = BUF_INIT;
	enum step st = ST_NEXT;
	struct offers o;
	const struct offer *prop_of = NULL;
	size_t i;
	bool again, has_prop;

	if (f->type->kind == FT_TEKST)
		return ask_text(S, f, path);
	offers_of(S, f, &o);
	for (;;) {
		size_t nums[64], nn = 0, idx;
		bool several;

		if (S->reread) {
			/* the case was read again: its people may have changed */
			offers_release(&o);
			offers_of(S, f, &o);
			S->reread = false;
		}
		end_change(S);
		current_text(S, f, path, &cur);
		question_line(S, f, cur.s);
		if (f->nchoices)
			show_choices(S, f);
		/* several numbers only at the first question of the list's last item */
		several = o.n > 1 && in_list_item(f, path, &b, &idx) && f == &f->parent->sub[0] &&
			  idx >= json_len(value_at(S, b.s));
		if (o.n) {
			const char **labels = xcalloc(o.n + 1, sizeof(*labels));

			for (i = 0; i < o.n; i++)
				labels[i] = o.v[i].value;
			if (several)
				sayw(S, indent_of(S) + 2, "Kies een nummer of typ een naam. Meer nummers (zoals 1,3,4) voegen meer %ss toe.",
				     f->parent->item_name ? f->parent->item_name : "regel");
			else
				sayw(S, indent_of(S) + 2, "Kies een nummer of typ een naam:");
			show_numbered(S, labels, o.n);
			free(labels);
		}
		has_prop = proposal(S, f, path, &o, &prop, &prop_of);
		if (has_prop)
			sayw(S, indent_of(S) + 2, "Voorstel: %s (Enter neemt het over, - laat de vraag leeg)", prop.s);
		if (prompt_read(S->pr, input_prompt(S), &line)) {
			st = ST_STOP;
			break;
		}
		buf_trim(&line);
		if (handled(S, f, path, line.s, &st, &again)) {
			if (again)
				continue;
			goto out;
		}
		if (line.len || has_prop) {
			/* the lock before the offers are used: a re-read makes them anew */
			if (begin_change(S))
				goto refused;
			if (S->reread) {
				offers_release(&o);
				offers_of(S, f, &o);
				has_prop = proposal(S, f, path, &o, &prop, &prop_of);
				S->reread = false;
			}
		}
		if (!line.len && has_prop) {
			if (prop_of ? apply_offer(S, prop_of, path) : set_text(S, path, prop.s))
				goto refused;
			if (save(S))
				st = ST_FAIL;
			goto out;
		}
		if (!line.len) {
			if (!cur.len && f->required)
				sayf("%*s(verplicht; u kunt het later invullen)\n", indent_of(S) + 2, "");
			goto out;
		}
		if (o.n)
			nn = number_list(line.s, o.n, nums, sizeof(nums) / sizeof(nums[0]));
		if (nn > 1 && several) {
			if (pick_several(S, f, path, &o, nums, nn))
				goto refused;
			if (save(S))
				st = ST_FAIL;
			goto out;
		}
		if (nn == 1) {
			if (apply_offer(S, &o.v[nums[0] - 1], path))
				goto refused;
			if (save(S))
				st = ST_FAIL;
			goto out;
		}
		if (set_text(S, path, line.s))
			goto refused;
		if (save(S))
			st = ST_FAIL;
		goto out;
	refused:
		end_change(S);
		if (S->app->err.code == EXIT_INVALID) {
			/* show only the reason: the label is on screen already */
			const char *m = strstr(S->app->err.msg.s, "): ");

			problem(S, m ? m + 3 : S->app->err.msg.s);
			err_release(&S->app->err);
			continue;
		}
		st = ST_FAIL;
		goto out;
	}
out:
	end_change(S);
	offers_release(&o);
	buf_release(&cur);
	buf_release(&line);
	buf_release(&prop);
	buf_release(&b);
	return st;
}

/* ---- records, groups and lists ------------------------------------------------ */

static enum step ask_field(struct ses *S, const struct field *f, const char *path);

static bool applies(struct ses *S, const struct field *f, const char *rec_path)
{
	const json *saved = S->env.record;
	bool r;

	S->env.record = record_at(S, rec_path);
	r = field_applies(f, &S->env);
	S->env.record = saved;
	return r;
}

/* Ask the fields of def (a groep or a list item) stored at rec_path, from field `start`. */
static enum step walk_record(struct ses *S, const struct field *def, const char *rec_path, size_t start)
{
	size_t i = start;
	struct buf fp = BUF_INIT;
	enum step st = ST_NEXT;

	while (i < def->nsub) {
		const struct field *f = &def->sub[i];

		buf_reset(&fp);
		buf_addf(&fp, "%s.%s", rec_path, f->key);
		if (!applies(S, f, rec_path) || (S->target && !leads_to(S->target, fp.s)) ||
		    (S->only_empty && value_filled(value_at(S, fp.s)))) {
			i++;
			continue;
		}
		st = ask_field(S, f, fp.s);
		if (st == ST_STOP || st == ST_FAIL)
			break;
		if (st == ST_BACK) {
			size_t j = i;

			while (j > 0 && !applies(S, &def->sub[j - 1], rec_path))
				j--;
			if (j == 0) {
				st = ST_BACK;
				break;
			}
			i = j - 1;
			continue;
		}
		i++;
	}
	if (st == ST_NEXT && i >= def->nsub)
		st = ST_NEXT;
	buf_release(&fp);
	return st;
}

static void list_overview(struct ses *S, const struct field *f, const char *path)
{
	const json *v = value_at(S, path), *it;
	size_t n = 0;
	struct buf b = BUF_INIT, sum = BUF_INIT;

	buf_addrep(&b, " ", (size_t)indent_of(S));
	say(b.s);
	buf_reset(&b);
	buf_addf(&sum, "%s%s (%zu)", f->label, f->required ? " *" : "", json_len(v));
	term_style(&b, stdout, ST_BOLD, sum.s);
	buf_addch(&b, '\n');
	say(b.s);
	for (it = json_first(v); it; it = json_next(it)) {
		buf_reset(&sum);
		field_item_summary(f, it, &sum);
		if (!sum.len)
			buf_adds(&sum, "(nog leeg)");
		buf_reset(&b);
		buf_addf(&b, "%*s%zu. ", indent_of(S) + 2, "", ++n);
		buf_add(&b, sum.s, sum.len);
		say(b.s);
		say("\n");
	}
	buf_release(&b);
	buf_release(&sum);
}

static enum step list_menu_items(struct ses *S, const struct field *f, const char *path, struct buf *prev);

static enum step edit_item(struct ses *S, const struct field *f, const char *path, size_t idx, bool is_new)
{
	struct buf ip = BUF_INIT, title = BUF_INIT;
	enum step st;

	buf_addf(&ip, "%s[%zu]", path, idx);
	buf_addf(&title, "%s %zu%s", f->item_name ? f->item_name : "regel", idx, is_new ? " (nieuw)" : "");
	if (title.s[0] >= 'a' && title.s[0] <= 'z')
		title.s[0] = (char)(title.s[0] - 32);
	if (S->only_empty) {
		/* an item a pick filled: say whose questions follow */
		struct buf sum = BUF_INIT;

		field_item_summary(f, value_at(S, ip.s), &sum);
		if (sum.len)
			buf_addf(&title, ": %s", sum.s);
		buf_release(&sum);
	}
	sayf("%*s", indent_of(S) + 2, "");
	styled(ST_BLUE, title.s);
	say("\n");
	S->depth++;
	st = walk_record(S, f, ip.s, 0);
	S->depth--;
	buf_release(&ip);
	buf_release(&title);
	return st;
}

/* After a pick of several people: ask what is still empty in each item it added. */
static enum step walk_added(struct ses *S, const struct field *f, const char *path)
{
	size_t added[sizeof(S->added) / sizeof(S->added[0])], n = S->nadded, i;
	enum step st = ST_NEXT;
	bool saved = S->only_empty;

	memcpy(added, S->added, n * sizeof(added[0]));
	S->nadded = 0;
	S->only_empty = true;
	for (i = 0; i < n && st != ST_STOP && st != ST_FAIL; i++)
		st = edit_item(S, f, path, added[i], false);
	S->only_empty = saved;
	return st == ST_BACK ? ST_NEXT : st;
}

/*
 * "mdo[2].aanwezigen" -> "mdo[1].aanwezigen": the same list in the record
 * before, for a list marked "vorige_overnemen". False when there is none
 * or it is empty.
 */
static bool previous_list(struct ses *S, const struct field *f, const char *path, struct buf *out)
{
	const char *dot = strrchr(path, '.'), *open;
	long k;

	if (!f->copy_previous || !dot || dot == path || dot[-1] != ']')
		return false;
	for (open = dot - 1; open > path && *open != '['; open--)
		;
	k = strtol(open + 1, NULL, 10);
	if (*open != '[' || k < 2)
		return false;
	buf_reset(out);
	buf_addf(out, "%.*s[%ld]%s", (int)(open - path), path, k - 1, dot);
	return json_len(value_at(S, out->s)) > 0;
}

static enum step list_menu(struct ses *S, const struct field *f, const char *path)
{
	struct buf prev = BUF_INIT;
	enum step st = list_menu_items(S, f, path, &prev);

	buf_release(&prev);
	return st;
}

static enum step list_menu_items(struct ses *S, const struct field *f, const char *path, struct buf *prev)
{
	struct buf line = BUF_INIT;
	enum step st = ST_NEXT;
	bool first = true;

	/* resuming inside an item: go straight there */
	if (S->target && strcmp(S->target, path) && leads_to(S->target, path)) {
		long idx = strtol(S->target + strlen(path) + 1, NULL, 10);

		if (idx >= 1 && (size_t)idx <= json_len(value_at(S, path))) {
			st = edit_item(S, f, path, (size_t)idx, false);
			if (st == ST_STOP || st == ST_FAIL)
				return st;
		}
	}
	S->target = NULL;
	for (;;) {
		size_t n = json_len(value_at(S, path));

		bool copy = n == 0 && previous_list(S, f, path, prev);

		list_overview(S, f, path);
		/* a required list, or a whole form of records (MDO reports): start the first at once */
		if (first && n == 0 && !copy && (f->required || !f->parent)) {
			sayf("%*sNog niets ingevuld.\n", indent_of(S) + 2, "");
			first = false;
			st = edit_item(S, f, path, 1, true);
			if (st == ST_NEXT && S->nadded)
				st = walk_added(S, f, path);
			if (st == ST_STOP || st == ST_FAIL)
				break;
			continue;
		}
		first = false;
		if (copy)
			sayw(S, indent_of(S) + 2, "v = de %zu %s van het vorige verslag overnemen", json_len(value_at(S, prev->s)),
			     f->label ? f->label : "regels");
		sayf("%*st = toevoegen%s, Enter = verder\n", indent_of(S) + 2, "",
		     n ? ", nummer = wijzigen, w nummer = wissen" : "");
		if (prompt_read(S->pr, input_prompt(S), &line)) {
			st = ST_STOP;
			break;
		}
		buf_trim(&line);
		switch (command_of(line.s)) {
		case C_HELP:
			if (f->help)
				wrapped(S, f->help, indent_of(S) + 2);
			sayw(S, indent_of(S) + 2,
			     "Typ t om een %s toe te voegen, het nummer om er een te wijzigen, of w en het nummer om er een te wissen.",
			     f->item_name ? f->item_name : "regel");
			continue;
		case C_STOP:
			st = ST_STOP;
			goto out;
		case C_BACK:
			st = ST_BACK;
			goto out;
		default:
			break;
		}
		if (!line.len) {
			if (f->required && n < (f->min_items ? f->min_items : 1))
				sayf("%*s(verplicht: minstens %zu; u kunt het later aanvullen)\n", indent_of(S) + 2, "",
				     f->min_items ? f->min_items : 1);
			st = ST_NEXT;
			goto out;
		}
		if (copy && utf8_fold_equal(line.s, "v")) {
			if (set_value(S, path, json_dup(value_at(S, prev->s))) || save(S)) {
				end_change(S);
				st = ST_FAIL;
				goto out;
			}
			sayf("%*sOvergenomen. Wijzig een regel met zijn nummer (bijvoorbeeld wie zich afmeldde).\n",
			     indent_of(S) + 2, "");
			continue;
		}
		if (utf8_fold_equal(line.s, "t") || utf8_fold_equal(line.s, "toevoegen") || utf8_fold_equal(line.s, "+")) {
			if (n >= FIELD_MAX_ITEMS) {
				problem(S, "Deze lijst is vol.");
				continue;
			}
			st = edit_item(S, f, path, n + 1, true);
			if (st == ST_NEXT && S->nadded)
				st = walk_added(S, f, path);
		} else if ((line.s[0] == 'w' || line.s[0] == 'W') && line.len > 1) {
			char *end;
			long k = strtol(line.s + 1, &end, 10);
			struct buf ip = BUF_INIT, sum = BUF_INIT;

			if (*end || k < 1) {
				problem(S, "Typ w en het nummer van de regel, bijvoorbeeld w 2.");
				continue;
			}
			if ((size_t)k > n) {
				struct buf m = BUF_INIT;

				if (!n)
					buf_adds(&m, "De lijst is nog leeg; er is niets te wissen.");
				else if (n == 1)
					buf_addf(&m, "Er is geen regel %ld; de lijst heeft 1 regel.", k);
				else
					buf_addf(&m, "Er is geen regel %ld; de lijst heeft %zu regels (1 tot en met %zu).", k, n, n);
				problem(S, m.s);
				buf_release(&m);
				continue;
			}
			field_item_summary(f, json_at(value_at(S, path), (size_t)k - 1), &sum);
			buf_addf(&ip, "%s[%ld]", path, k);
			if (set_value(S, ip.s, NULL) || save(S)) {
				end_change(S);
				buf_release(&ip);
				buf_release(&sum);
				st = ST_FAIL;
				goto out;
			}
			sayf("%*s%ld gewist: %s\n", indent_of(S) + 2, "", k, sum.s);
			buf_release(&ip);
			buf_release(&sum);
			continue;
		} else {
			char *end;
			long k = strtol(line.s, &end, 10);

			if (*end || k < 1 || (size_t)k > n) {
				problem(S, n ? "Typ t, een nummer uit de lijst, w en een nummer, of Enter."
					     : "Typ t om toe te voegen, of Enter om verder te gaan.");
				continue;
			}
			st = edit_item(S, f, path, (size_t)k, false);
			if (st == ST_NEXT && S->nadded)
				st = walk_added(S, f, path);
		}
		if (st == ST_STOP || st == ST_FAIL)
			goto out;
	}
out:
	buf_release(&line);
	return st;
}

static enum step ask_field(struct ses *S, const struct field *f, const char *path)
{
	if (S->target && !strcmp(S->target, path))
		S->target = NULL; /* reached: from here on, everything is asked */
	if (f->type->kind == FT_GROEP) {
		enum step st;

		sayf("%*s", indent_of(S), "");
		styled(ST_BLUE, f->label);
		say("\n");
		S->depth++;
		st = walk_record(S, f, path, 0);
		S->depth--;
		return st;
	}
	if (f->type->kind == FT_LIJST)
		return list_menu(S, f, path);
	return ask_leaf(S, f, path);
}

/* ---- finding where to resume --------------------------------------------------- */

static bool first_missing(struct ses *S, const struct field *def, const char *rec_path, struct buf *out);

static bool missing_in(struct ses *S, const struct field *f, const char *path, struct buf *out)
{
	const json *v = value_at(S, path);

	if (!value_filled(v)) {
		if (f->type->kind == FT_GROEP)
			return first_missing(S, f, path, out);
		if (f->required) {
			buf_sets(out, path);
			return true;
		}
		return false;
	}
	if (f->type->kind == FT_GROEP)
		return first_missing(S, f, path, out);
	if (f->type->kind == FT_LIJST) {
		size_t i, n = json_len(v);
		struct buf ip = BUF_INIT;

		if (f->required && n < f->min_items) {
			buf_sets(out, path);
			buf_release(&ip);
			return true;
		}
		for (i = 1; i <= n; i++) {
			buf_reset(&ip);
			buf_addf(&ip, "%s[%zu]", path, i);
			if (first_missing(S, f, ip.s, out)) {
				buf_release(&ip);
				return true;
			}
		}
		buf_release(&ip);
	}
	return false;
}

static bool first_missing(struct ses *S, const struct field *def, const char *rec_path, struct buf *out)
{
	struct buf fp = BUF_INIT;
	size_t i;
	bool found = false;

	for (i = 0; i < def->nsub && !found; i++) {
		const struct field *f = &def->sub[i];

		if (!applies(S, f, rec_path))
			continue;
		buf_reset(&fp);
		buf_addf(&fp, "%s.%s", rec_path, f->key);
		found = missing_in(S, f, fp.s, out);
	}
	buf_release(&fp);
	return found;
}

static bool form_applies(struct ses *S, const struct form *f)
{
	S->env.record = NULL;
	return !f->cond || expr_eval(f->cond, &S->env);
}

/*
 * Is the form part of the guided walk? Forms the route asks for, and
 * forms that already hold answers; others only when named on the command
 * line (an offerte on the Adviestafel route, say).
 */
static bool in_walk(struct ses *S, const struct form *f)
{
	struct check_input in = { &S->app->rules, &S->app->forms, S->c, S->env.route, S->env.region, date_today(), NULL };

	if (!form_applies(S, f))
		return false;
	return rules_form_needed(&in, f->id) || value_filled(value_at(S, f->id));
}

/* The first required empty field of a form, as a path ("" for the form itself). */
static bool form_missing(struct ses *S, const struct form *f, struct buf *out)
{
	if (!form_applies(S, f))
		return false;
	if (!value_filled(value_at(S, f->id))) {
		if (f->repeated) {
			buf_sets(out, f->id);
			return true;
		}
		return first_missing(S, &f->root, f->id, out);
	}
	return missing_in(S, &f->root, f->id, out);
}

/* "Casusgegevens › Verzuim › Eerste verzuimdag" for a path. */
static void describe(struct ses *S, const char *path, struct buf *out)
{
	struct path p;
	struct buf msg = BUF_INIT;
	const struct form *form;
	const struct field *f;
	size_t i;

	if (path_parse(path, &p, &msg) || !(form = formset_get(&S->app->forms, p.segs[0].key))) {
		buf_adds(out, path);
		buf_release(&msg);
		return;
	}
	f = &form->root;
	if (p.segs[0].index > 0)
		buf_addf(out, "%s %ld", form->item_title ? form->item_title : form->title, p.segs[0].index);
	else
		buf_adds(out, form->title);
	for (i = 1; i < p.n && f; i++) {
		f = field_sub(f, p.segs[i].key);
		if (!f)
			break;
		buf_addf(out, " › %s", f->label);
		if (p.segs[i].index > 0)
			buf_addf(out, " %ld", p.segs[i].index);
	}
	path_release(&p);
}

/* ---- review screen ------------------------------------------------------------ */

struct entry {
	char *path;
	const struct field *f;
};

static void collect_entries(struct ses *S, const struct field *def, const char *rec_path, struct entry **v,
			    size_t *n, size_t *cap)
{
	struct buf fp = BUF_INIT;
	size_t i;

	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];

		if (!applies(S, f, rec_path))
			continue;
		buf_reset(&fp);
		buf_addf(&fp, "%s.%s", rec_path, f->key);
		if (f->type->kind == FT_GROEP) {
			collect_entries(S, f, fp.s, v, n, cap);
			continue;
		}
		ARRAY_GROW(*v, *n, *cap);
		(*v)[*n].path = xstrdup(fp.s);
		(*v)[*n].f = f;
		(*n)++;
	}
	buf_release(&fp);
}

/* The route's findings about one form (what 'controleer' says of it). */
static void form_findings(struct ses *S, const struct form *form, struct findings *out)
{
	struct check_input in = { &S->app->rules, &S->app->forms, S->c, S->env.route, S->env.region, date_today(),
				  S->casus_arg };
	struct findings all = FINDINGS_INIT;
	size_t i;

	rules_check(&in, &all);
	for (i = 0; i < all.n; i++) {
		const struct finding *x = &all.v[i];

		if (x->document && !strcmp(x->document, form->id)) {
			struct finding *y = findings_add(out, x->code, x->sev, x->document, x->field, "%s", x->message);

			if (x->fix)
				finding_set_fix(y, "%s", x->fix);
		}
	}
	findings_release(&all);
}

/* Print a form's findings under its overview; returns the number of errors. */
static size_t show_findings(struct ses *S, const struct findings *fs)
{
	struct buf line = BUF_INIT, b = BUF_INIT;
	size_t i, nerr = 0;

	for (i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->v[i];

		buf_reset(&line);
		buf_reset(&b);
		buf_addf(&line, "%s %s", x->sev == SEV_ERROR ? "!" : "let op:", x->message);
		term_wrap(&b, line.s, 2, 4, S->width - 1);
		buf_reset(&line);
		term_style(&line, stdout, x->sev == SEV_ERROR ? ST_RED : ST_YELLOW, b.s);
		say(line.s);
		nerr += x->sev == SEV_ERROR;
	}
	buf_release(&line);
	buf_release(&b);
	return nerr;
}

static enum step review(struct ses *S, const struct form *form)
{
	struct buf line = BUF_INIT, val = BUF_INIT, b = BUF_INIT, miss = BUF_INIT;
	enum step st = ST_NEXT;

	for (;;) {
		struct entry *v = NULL;
		size_t n = 0, cap = 0, i, missing = 0;

		if (form->repeated) {
			ARRAY_GROW(v, n, cap);
			v[0].path = xstrdup(form->id);
			v[0].f = &form->root;
			n = 1;
		} else {
			collect_entries(S, &form->root, form->id, &v, &n, &cap);
		}
		say("\n");
		buf_reset(&b);
		buf_addf(&b, "Overzicht: %s", form->title);
		styled(ST_BOLD, b.s);
		say("\n");
		for (i = 0; i < n; i++) {
			const json *x = value_at(S, v[i].path);
			const struct field *f = v[i].f;

			buf_reset(&val);
			buf_reset(&miss);
			if (!value_filled(x)) {
				if (f->required) {
					term_style(&miss, stdout, ST_YELLOW, "nog invullen");
					missing++;
				} else {
					buf_adds(&miss, "–");
				}
			} else if (f->type->kind == FT_LIJST) {
				f->type->format(f, x, &val);
				buf_reset(&line);
				if (missing_in(S, f, v[i].path, &line)) {
					term_style(&miss, stdout, ST_YELLOW, " (onvolledig)");
					missing++;
				}
			} else {
				f->type->format(f, x, &val);
				if (f->type->kind == FT_TEKST) {
					size_t cut = val.len > 50 ? utf8_char_start(val.s, 47) : val.len;
					char *nl = memchr(val.s, '\n', cut);

					if (nl)
						cut = (size_t)(nl - val.s);
					if (cut < val.len) {
						buf_setlen(&val, cut);
						buf_adds(&val, "...");
					}
				}
			}
			buf_reset(&b);
			/* "Zien de ouders het anders...? nee", not "...?: nee" */
			buf_addf(&b, "%3zu. %s%s", i + 1, f->label,
				 *f->label && f->label[strlen(f->label) - 1] == '?' ? " " : ": ");
			buf_adds(&b, val.s);
			buf_adds(&b, miss.s);
			buf_addch(&b, '\n');
			say(b.s);
		}
		if (missing)
			sayf("%zu verplicht%s antwoord%s %s nog.\n", missing, missing == 1 ? "" : "e",
			     missing == 1 ? "" : "en", missing == 1 ? "ontbreekt" : "ontbreken");
		{
			struct findings fs = FINDINGS_INIT;

			form_findings(S, form, &fs);
			if (fs.n) {
				sayf("Wat 'dossier controleer' over dit formulier zegt:\n");
				show_findings(S, &fs);
			}
			findings_release(&fs);
		}
		say("Nummer = die vraag opnieuw, Enter = verder, stop = stoppen\n");
		if (prompt_read(S->pr, "> ", &line)) {
			st = ST_STOP;
		} else {
			long k;
			char *end;

			buf_trim(&line);
			k = strtol(line.s, &end, 10);
			if (!line.len) {
				st = ST_NEXT;
			} else if (command_of(line.s) == C_STOP) {
				st = ST_STOP;
			} else if (command_of(line.s) == C_BACK) {
				st = ST_BACK;
			} else if (!*end && k >= 1 && (size_t)k <= n) {
				st = ask_field(S, v[k - 1].f, v[k - 1].path);
				if (st == ST_BACK)
					st = ST_NEXT;
				if (st == ST_NEXT)
					st = (enum step)-1; /* show the overview again */
			} else {
				problem(S, "Typ een nummer uit het overzicht, of Enter.");
				st = (enum step)-1;
			}
		}
		for (i = 0; i < n; i++)
			free(v[i].path);
		free(v);
		if ((int)st != -1)
			break;
	}
	buf_release(&line);
	buf_release(&val);
	buf_release(&b);
	buf_release(&miss);
	return st;
}

/* ---- the session ------------------------------------------------------------- */

static bool in_walk(struct ses *S, const struct form *f);

static enum step run_form(struct ses *S, const struct form *f, size_t num, size_t total)
{
	struct buf head = BUF_INIT, rule = BUF_INIT;
	enum step st;
	int w;

	if (total > 1) {
		/* answers change which forms the route needs (SMW): count again */
		size_t i, k = 0, t = 0;

		for (i = 0; i < S->app->forms.n; i++) {
			const struct form *g = &S->app->forms.forms[i];

			if (in_walk(S, g) || g == f) {
				t++;
				if (i <= (size_t)(f - S->app->forms.forms))
					k++;
			}
		}
		num = k;
		total = t;
	}
	buf_addf(&head, "── %s (%zu/%zu) ", f->title, num, total);
	w = (int)utf8_length(head.s, head.len);
	buf_add(&rule, head.s, head.len);
	for (; w < (S->width > 80 ? 80 : S->width) - 1; w++)
		buf_adds(&rule, "─");
	say("\n");
	styled(ST_BLUE, rule.s);
	say("\n");
	if (f->desc && !S->target)
		wrapped(S, f->desc, 0);
	if (f->repeated)
		st = list_menu(S, &f->root, f->id);
	else
		st = walk_record(S, &f->root, f->id, 0);
	S->target = NULL;
	if (st == ST_NEXT)
		st = review(S, f);
	buf_release(&head);
	buf_release(&rule);
	return st;
}

/*
 * A case whose required questions are all answered: which form now? Each
 * form of the route with its state (complete, or what 'controleer' still
 * finds in it). Returns the form's index, -1 for "all forms in order",
 * -2 to stop.
 */
static int form_menu(struct ses *S)
{
	struct buf line = BUF_INIT, b = BUF_INIT;
	size_t i, n = 0, idx[64];
	int pick = -1;

	say("\nAlle verplichte vragen zijn ingevuld.\nWelk formulier wilt u bekijken of wijzigen?\n");
	for (i = 0; i < S->app->forms.n && n < sizeof(idx) / sizeof(idx[0]); i++) {
		const struct form *f = &S->app->forms.forms[i];
		struct findings fs = FINDINGS_INIT;
		size_t nerr, nwarn;

		if (!form_applies(S, f))
			continue;
		idx[n++] = i;
		buf_reset(&b);
		if (!in_walk(S, f)) {
			buf_addf(&b, "%2zu. %s: niet nodig voor deze route", n, f->title);
		} else {
			form_findings(S, f, &fs);
			nerr = findings_count(&fs, SEV_ERROR);
			nwarn = findings_count(&fs, SEV_WARNING);
			buf_addf(&b, "%2zu. %s: ", n, f->title);
			if (nerr)
				buf_addf(&b, "%zu %s volgens 'dossier controleer'", nerr, nerr == 1 ? "punt" : "punten");
			else
				buf_adds(&b, nwarn ? "compleet, met een opmerking" : "compleet");
			findings_release(&fs);
		}
		term_wrap(&line, b.s, 2, 6, S->width - 1);
		say(line.s);
		buf_reset(&line);
	}
	for (;;) {
		long k;
		char *end;

		say("Nummer = dat formulier, Enter = alle formulieren langs, stop = stoppen\n");
		if (prompt_read(S->pr, "> ", &line)) {
			pick = -2;
			break;
		}
		buf_trim(&line);
		if (!line.len)
			break;
		if (command_of(line.s) == C_STOP) {
			pick = -2;
			break;
		}
		{
			const struct form *f = formset_find(&S->app->forms, line.s);

			for (i = 0; f && i < n; i++)
				if (&S->app->forms.forms[idx[i]] == f)
					break;
			if (f && i < n) {
				pick = (int)idx[i];
				break;
			}
		}
		k = strtol(line.s, &end, 10);
		if (!*end && k >= 1 && (size_t)k <= n) {
			pick = (int)idx[k - 1];
			break;
		}
		problem(S, "Typ een nummer uit de lijst, de naam van een formulier, of Enter.");
	}
	buf_release(&line);
	buf_release(&b);
	return pick;
}

static void stop_message(const struct ses *S, const char *casus_arg)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "\nGestopt. Alle antwoorden tot nu toe zijn bewaard in %s.\n"
		     "Ga later verder met:  dossier invullen %s\n",
		 S->c->path, casus_arg);
	say(b.s);
	buf_release(&b);
}

int cmd_invullen(struct app *app, int argc, char **argv)
{
	const char *veld = NULL;
	const struct opt opts[] = {
		OPT_STRING(0, "veld", &veld, "PAD", "begin bij dit veld, bijvoorbeeld casus.leerling.geboortedatum"),
		OPT_END(),
	};
	struct casus c = CASUS_INIT;
	struct ses S;
	const struct form *only = NULL;
	struct buf where = BUF_INIT, msg = BUF_INIT, desc = BUF_INIT;
	size_t i, nforms = 0, k = 0;
	enum step st = ST_NEXT;
	int n, rc = -1;
	const struct route *r;

	memset(&S, 0, sizeof(S));
	n = opt_parse(argc, argv, opts, "invullen", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n < 1 || n > 2) {
		err_set(&app->err, EXIT_USAGE, "geef een casusbestand op, en eventueel één formulier (zie 'dossier invullen --help')");
		return -1;
	}
	if (casus_load(&c, argv[0], &app->err) || app_setup_case(app, &c) || !(r = app_route(app, &c, NULL)))
		goto out;
	if (n == 2 && !(only = formset_find(&app->forms, argv[1]))) {
		struct buf ids = BUF_INIT;

		formset_id_list(&app->forms, &ids);
		err_set(&app->err, EXIT_USAGE, "'%s' is geen formulier; kies uit: %s", argv[1], ids.s);
		buf_release(&ids);
		goto out;
	}
	if (veld) {
		const struct field *vf = formset_field(&app->forms, veld, &app->err);

		if (!vf)
			goto out;
		if (only && vf->form != only) {
			err_set(&app->err, EXIT_USAGE, "het veld %s hoort bij het formulier %s, niet bij %s", veld,
				vf->form->id, only->id);
			goto out;
		}
		only = vf->form;
		if (vf->parent)
			buf_sets(&where, veld);
	}
	S.app = app;
	S.c = &c;
	S.casus_arg = argv[0];
	S.width = term_width(stdout);
	S.env.root = c.root;
	S.env.route = r->id;
	S.env.region = casus_region(&c);
	S.pr = prompt_open();
	buf_addf(&msg, "\nGestopt. Alle antwoorden tot nu toe zijn bewaard in %s.\nGa later verder met:  dossier invullen %s\n",
		 c.path, argv[0]);
	fileio_signal_message(msg.s);
	{
		struct buf b = BUF_INIT;

		buf_addf(&b, "Casus %s", casus_ref(&c) ? casus_ref(&c) : "(zonder kenmerk)");
		styled(ST_BOLD, b.s);
		sayf(" · regio %s · route %s\n", app->prof.name, r->name);
		buf_release(&b);
	}
	say("Enter = houden of overslaan, ? = uitleg, - = wissen, terug = vorige vraag,\n"
	    "stop = stoppen. Elk antwoord wordt meteen bewaard.\n");
	for (i = 0; i < app->forms.n; i++)
		if (!only)
			nforms += in_walk(&S, &app->forms.forms[i]);
	if (only)
		nforms = 1;
	if (only && !form_applies(&S, only)) {
		sayf("\n'%s' hoort niet bij de route %s; u kunt het toch invullen.\n", only->title, r->name);
		nforms = 1;
	}
	/* resume at the first required empty field */
	for (i = 0; i < app->forms.n && !where.len && !veld; i++) {
		const struct form *f = &app->forms.forms[i];

		if (only ? f != only : !in_walk(&S, f))
			continue;
		form_missing(&S, f, &where);
	}
	if (where.len) {
		describe(&S, where.s, &desc);
		if (veld)
			sayf("\nNaar: %s\n", desc.s);
		else if (json_len(c.root) > 1)
			sayf("\nVerder bij: %s\n", desc.s);
		else
			sayf("\nBegin bij: %s\n", desc.s);
		S.target = where.s;
	} else if (only) {
		struct findings fs = FINDINGS_INIT;

		form_findings(&S, only, &fs);
		if (findings_count(&fs, SEV_ERROR)) {
			say("\nAlle vragen van dit formulier zijn beantwoord, maar controleer vindt nog:\n");
			show_findings(&S, &fs);
		} else if (!veld) {
			say("\nDit formulier is compleet. U kunt elk antwoord nog wijzigen.\n");
		}
		findings_release(&fs);
	} else {
		int pick = form_menu(&S);

		if (pick == -2) {
			st = ST_STOP;
			fileio_signal_message(NULL);
			stop_message(&S, argv[0]);
			rc = 0;
			goto out;
		}
		if (pick >= 0) {
			only = &app->forms.forms[pick];
			nforms = 1;
		}
	}
	for (i = 0; i < app->forms.n; i++) {
		const struct form *f = &app->forms.forms[i];
		struct buf fid = BUF_INIT;

		if (only ? f != only : !in_walk(&S, f))
			continue;
		k++;
		buf_sets(&fid, f->id);
		if (S.target && !leads_to(S.target, fid.s)) {
			buf_release(&fid);
			continue; /* before the resume point */
		}
		buf_release(&fid);
		st = run_form(&S, f, k, nforms);
		if (st == ST_BACK) {
			/* back from the first question: the previous form's overview */
			size_t j = i;

			while (j > 0) {
				j--;
				if (only ? &app->forms.forms[j] == only : in_walk(&S, &app->forms.forms[j]))
					break;
			}
			if (j < i && (only ? &app->forms.forms[j] == only : in_walk(&S, &app->forms.forms[j]))) {
				st = review(&S, &app->forms.forms[j]);
				if (st == ST_NEXT || st == ST_BACK) {
					i = j; /* continue after that form */
					k = 0;
					{
						size_t q;

						for (q = 0; q <= j; q++)
							if (!only && in_walk(&S, &app->forms.forms[q]))
								k++;
					}
					continue;
				}
			} else {
				/* there is no question before the first: ask it again */
				say("  (Dit is de eerste vraag; er is geen vorige.)\n");
				i--;
				k--;
				continue;
			}
		}
		if (st == ST_STOP || st == ST_FAIL)
			break;
	}
	fileio_signal_message(NULL);
	if (st == ST_FAIL)
		goto out;
	if (st == ST_STOP) {
		stop_message(&S, argv[0]);
	} else {
		struct findings fs = FINDINGS_INIT;
		struct check_input in = { &app->rules, &app->forms, &c, r->id, casus_region(&c), date_today(), argv[0] };
		size_t nerr;

		rules_check(&in, &fs);
		nerr = findings_count(&fs, SEV_ERROR);
		if (!only) {
			struct buf skipped = BUF_INIT;
			const struct form *first = NULL;

			for (i = 0; i < app->forms.n; i++) {
				const struct form *f = &app->forms.forms[i];

				if (form_applies(&S, f) && !in_walk(&S, f)) {
					buf_addf(&skipped, "%s%s (%s)", skipped.len ? ", " : "", f->title, f->id);
					if (!first)
						first = f;
				}
			}
			if (skipped.len) {
				struct buf t = BUF_INIT;

				buf_addf(&t, "Niet gevraagd, omdat de route ze niet nodig heeft: %s. Toch invullen kan met "
					     "de naam erbij, bijvoorbeeld 'dossier invullen %s %s'.", skipped.s, argv[0], first->id);
				say("\n");
				wrapped(&S, t.s, 0);
				buf_release(&t);
			}
			buf_release(&skipped);
		}
		say("\n");
		if (!nerr)
			sayf("Klaar. Het dossier is volledig voor de %s. Maak de PDF met:  dossier maak %s\n", r->table,
			     argv[0]);
		else {
			size_t shown = 0;

			sayf("Klaar met invullen. Voor de %s %s nog %zu punt%s:\n", r->table,
			     nerr == 1 ? "ontbreekt" : "ontbreken", nerr, nerr == 1 ? "" : "en");
			for (i = 0; i < fs.n && shown < 5; i++) {
				if (fs.v[i].sev != SEV_ERROR)
					continue;
				sayw(&S, 2, "- %s", fs.v[i].message);
				shown++;
			}
			if (nerr > shown)
				sayf("  en nog %zu.\n", nerr - shown);
			sayf("Wat er moet gebeuren en hoe:  dossier controleer %s\n", argv[0]);
		}
		findings_release(&fs);
	}
	rc = 0;
out:
	end_change(&S);
	fileio_signal_message(NULL);
	if (S.pr)
		prompt_close(S.pr);
	buf_release(&where);
	buf_release(&msg);
	buf_release(&desc);
	casus_release(&c);
	return rc;
}
