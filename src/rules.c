/*
 * rules.c - load routes and rules, and check a case against them.
 *
 * Each rule kind is a row in kinds[]: its name in the data file, the
 * parameters it requires, and the function that checks it. A check adds
 * findings through report(), which fills in the rule's severity, reason
 * and fix, and lets the data file's "melding" replace the default text.
 */
#include "rules.h"
#include "buf.h"
#include "casus.h"
#include "date.h"
#include "err.h"
#include "expr.h"
#include "fileio.h"
#include "form.h"
#include "image.h"
#include "ini.h"
#include "json.h"
#include "mem.h"
#include "money.h"
#include "path.h"
#include "profile.h"
#include "quote.h"
#include "tmpl.h"
#include "usable.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

struct ctx {
	const struct check_input *in;
	const struct rule *rule;
	struct findings *out;
	struct expr_env env;
	const json *root;
};

struct rule_kind {
	const char *name;
	const char *const *params; /* required parameter keys */
	void (*check)(struct ctx *C);
};

/* ---- reporting ------------------------------------------------------- */

static void fill(struct buf *out, const char *tmpl, const char *const *vars)
{
	tmpl_expand(out, tmpl, tmpl_pairs, (void *)vars, NULL);
}

/*
 * A file name as it must be typed in a shell: unchanged when it holds only
 * safe characters, else in single quotes (a quote inside becomes '\'').
 */
static void shell_quote(struct buf *out, const char *s)
{
	const char *p;

	if (!s)
		return;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr("._/+-=,:@%", *p) || (unsigned char)*p >= 0x80))
			break;
	if (*s && !*p) {
		buf_adds(out, s);
		return;
	}
	buf_addch(out, '\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			buf_adds(out, "'\\''");
		else
			buf_addch(out, *p);
	}
	buf_addch(out, '\'');
}

/*
 * Add a finding for the current rule. `vars` are substitutions for the
 * rule's own "melding"/"oplossing" texts; `deftext` is used when the rule
 * has no "melding". The fix defaults to `deffix` (may be NULL).
 */
static struct finding *report_as(struct ctx *C, const char *code, const char *document, const char *field,
				 const char *const *vars, const char *deffix, const char *fmt, ...) PRINTF_LIKE(7, 8);
static struct finding *report_as(struct ctx *C, const char *code, const char *document, const char *field,
				 const char *const *vars, const char *deffix, const char *fmt, ...)
{
	const struct rule *r = C->rule;
	struct buf msg = BUF_INIT, fix = BUF_INIT;
	struct finding *f;
	va_list ap;

	const char *own = (!code || !strcmp(code, r->code)) ? r->message : json_get_str(r->messages, code);

	if (own) {
		fill(&msg, own, vars);
	} else {
		va_start(ap, fmt);
		buf_vaddf(&msg, fmt, ap);
		va_end(ap);
	}
	f = findings_add(C->out, code ? code : r->code, r->sev, document ? document : r->document, field, "%s", msg.s);
	if (r->why)
		finding_set_reason(f, r->why);
	if (r->fix)
		fill(&fix, r->fix, vars);
	else if (deffix)
		buf_adds(&fix, deffix);
	if (fix.len) {
		struct buf full = BUF_INIT, arg = BUF_INIT;
		const char *vv[] = { "casus", NULL, NULL };

		shell_quote(&arg, C->in->casus_arg);
		vv[1] = arg.s;
		fill(&full, fix.s, vv);
		finding_set_fix(f, "%s", full.s);
		buf_release(&full);
		buf_release(&arg);
	}
	buf_release(&msg);
	buf_release(&fix);
	return f;
}

#define report(C, field, vars, deffix, ...) report_as((C), NULL, NULL, (field), (vars), (deffix), __VA_ARGS__)

/* ---- small helpers ----------------------------------------------------- */

static const char *param_str(const struct rule *r, const char *key)
{
	return json_get_str(r->params, key);
}

static double param_num(const struct rule *r, const char *key, double def)
{
	const json *v = json_get(r->params, key);

	return json_is_number(v) ? json_num(v) : def;
}

static const json *get(struct ctx *C, const char *spath)
{
	struct path p;
	struct buf msg = BUF_INIT;
	const json *v;

	if (path_parse(spath, &p, &msg)) {
		buf_release(&msg);
		return NULL;
	}
	v = path_get(C->root, &p);
	path_release(&p);
	return v;
}

static bool get_date(struct ctx *C, const char *spath, int *day)
{
	return date_parse_iso(json_str(get(C, spath)), day);
}

/* The label of a choice of some field, e.g. the MDO's role "leerplicht". */
static const char *choice_label(struct ctx *C, const char *fpath, const char *key)
{
	struct err e = ERR_INIT;
	const struct field *f = formset_field(C->in->fs, fpath, &e);
	const struct choice *ch = f ? field_choice(f, key) : NULL;

	err_release(&e);
	return ch ? ch->label : key;
}

static bool names_match(const char *a, const char *b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;
	bool eq;
	size_t i, j;

	/* fold case and diacritics, ignore spacing differences */
	utf8_fold(&x, a ? a : "");
	utf8_fold(&y, b ? b : "");
	for (i = j = 0; i < x.len; i++)
		if (x.s[i] != ' ' && x.s[i] != '\t')
			x.s[j++] = x.s[i];
	buf_setlen(&x, j);
	for (i = j = 0; i < y.len; i++)
		if (y.s[i] != ' ' && y.s[i] != '\t')
			y.s[j++] = y.s[i];
	buf_setlen(&y, j);
	eq = x.len && !strcmp(x.s, y.s);
	buf_release(&x);
	buf_release(&y);
	return eq;
}

/* ---- kind: formulier — the form is there and its required fields filled -- */

static bool rule_applies(const struct rule *r, struct ctx *C);
static void check_field(struct ctx *C);

/* Is this field's absence reported by a "veld" rule of its own? */
static bool has_field_rule(struct ctx *C, const struct field *f)
{
	struct buf dp = BUF_INIT;
	const json *saved = C->env.record;
	bool yes = false;
	size_t i;

	field_def_path(f, &dp);
	for (i = 0; i < C->in->rs->nrules && !yes; i++) {
		const struct rule *r = &C->in->rs->rules[i];
		const char *p = r->kind->check == check_field ? param_str(r, "pad") : NULL;

		if (p && !strcmp(p, dp.s))
			yes = rule_applies(r, C);
	}
	C->env.record = saved;
	buf_release(&dp);
	return yes;
}

static void missing_field(struct ctx *C, const struct form *form, const struct field *f, const char *path)
{
	struct buf fix = BUF_INIT;
	const char *vars[] = { "veld", f->label, "pad", path, NULL };

	if (has_field_rule(C, f))
		return;

	struct buf where = BUF_INIT;

	if (f->type->kind == FT_TEKST || field_is_container(f))
		buf_addf(&fix, "dossier invullen {casus} %s", form->id);
	else
		buf_addf(&fix, "dossier zet {casus} %s=…  (of: dossier invullen {casus} %s)", path, form->id);
	if (form->repeated) /* "MDO-verslag 2": which one */
		buf_addf(&where, "%s %ld", form->item_title ? form->item_title : form->title,
			 strtol(path + strlen(form->id) + 1, NULL, 10));
	else
		buf_adds(&where, form->title);
	report_as(C, "veld-ontbreekt", form->id, path, vars, fix.s, "%s: '%s' is niet ingevuld.", where.s, f->label);
	buf_release(&where);
	buf_release(&fix);
}

static void walk_required(struct ctx *C, const struct form *form, const struct field *def, const json *rec,
			  struct buf *path)
{
	const json *saved = C->env.record;
	size_t i, base = path->len;

	C->env.record = rec;
	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];
		const json *v = json_get(rec, f->key);

		if (!field_applies(f, &C->env))
			continue;
		buf_addf(path, ".%s", f->key);
		if (!value_filled(v)) {
			if (f->required)
				missing_field(C, form, f, path->s);
		} else if (f->type->kind == FT_GROEP && json_is_object(v)) {
			walk_required(C, form, f, v, path);
		} else if (f->type->kind == FT_LIJST && json_is_array(v)) {
			const json *it;
			size_t n = 0, len = json_len(v);

			if (f->required && f->min_items > len) {
				const char *vars[] = { "veld", f->label, "pad", path->s, NULL };
				struct buf fix = BUF_INIT;

				buf_addf(&fix, "dossier invullen {casus} %s", form->id);
				report_as(C, "te-weinig", form->id, path->s, vars, fix.s,
					  "%s: '%s' heeft minstens %zu %s nodig (nu %zu).",
					  form->repeated ? form->item_title : form->title, f->label, f->min_items,
					  f->item_name ? f->item_name : "regel(s)", len);
				buf_release(&fix);
			}
			for (it = json_first(v); it; it = json_next(it)) {
				size_t b2 = path->len;

				buf_addf(path, "[%zu]", ++n);
				if (json_is_object(it))
					walk_required(C, form, f, it, path);
				buf_setlen(path, b2);
			}
		}
		buf_setlen(path, base);
	}
	C->env.record = saved;
}

bool rules_doc_present(const struct check_input *in, const char *id)
{
	const struct form *form = formset_get(in->fs, id);
	struct expr_env env = { in->c->root, NULL, in->route, in->region, NULL };
	const json *v;

	if (!form)
		return false;
	v = json_get(in->c->root, id);
	if (!value_filled(v))
		return false;
	return !form->cond || expr_eval(form->cond, &env);
}

static void check_form(struct ctx *C)
{
	const char *id = param_str(C->rule, "formulier");
	const struct form *form = formset_get(C->in->fs, id);
	const json *v = json_get(C->root, id);
	struct buf path = BUF_INIT;

	C->env.record = NULL;
	if (form->cond && !expr_eval(form->cond, &C->env))
		return;
	if (!value_filled(v)) {
		const char *vars[] = { "formulier", form->title, NULL };
		struct buf fix = BUF_INIT;

		buf_addf(&fix, "dossier invullen {casus} %s", form->id);
		report_as(C, NULL, form->id, form->id, vars, fix.s, "Het formulier '%s' ontbreekt.", form->title);
		buf_release(&fix);
		return;
	}
	if (form->repeated) {
		const json *it;
		size_t n = 0;

		for (it = json_first(v); it; it = json_next(it)) {
			buf_reset(&path);
			buf_addf(&path, "%s[%zu]", form->id, ++n);
			if (json_is_object(it))
				walk_required(C, form, &form->root, it, &path);
		}
	} else if (json_is_object(v)) {
		buf_sets(&path, form->id);
		walk_required(C, form, &form->root, v, &path);
	}
	buf_release(&path);
}

/* ---- kind: veld — one field must be filled ----------------------------- */

static void check_field(struct ctx *C)
{
	const char *p = param_str(C->rule, "pad");
	struct err e = ERR_INIT;
	const struct field *f = formset_field(C->in->fs, p, &e);
	const char *vars[] = { "veld", f ? f->label : p, "pad", p, NULL };

	err_release(&e);
	if (!value_filled(get(C, p))) {
		struct buf fix = BUF_INIT;

		buf_addf(&fix, "dossier invullen {casus} %s", f && f->form ? f->form->id : "");
		report(C, p, vars, fix.s, "'%s' is niet ingevuld.", f ? f->label : p);
		buf_release(&fix);
	}
}

/* ---- kind: eis — a condition must hold ----------------------------------- */

static void check_requirement(struct ctx *C)
{
	struct expr *x = NULL;
	struct buf msg = BUF_INIT;
	const char *src = param_str(C->rule, "eis");

	if (expr_parse(src, &x, &msg)) { /* checked at load time */
		buf_release(&msg);
		return;
	}
	C->env.record = NULL;
	if (!expr_holds_or_unknown(x, &C->env))
		report(C, param_str(C->rule, "veld"), NULL, NULL, "Niet voldaan aan: %s", src);
	expr_free(x);
}

/* ---- kind: bijlage — an attachment of some kind, shared with consent -- */

static void check_attachment(struct ctx *C)
{
	const char *kind = param_str(C->rule, "bijlage");
	const char *alt = param_str(C->rule, "of_ingevuld");
	const json *list = json_get(C->root, "bijlagen"), *it;
	const char *label = choice_label(C, "bijlagen.soort", kind);
	const char *vars[] = { "soort", label, NULL };
	size_t n = 0, unshared = 0;

	for (it = json_first(list); it; it = json_next(it)) {
		if (!json_is_object(it) || !json_get_str(it, "soort") || strcmp(json_get_str(it, "soort"), kind))
			continue;
		if (json_bool(json_get(it, "gedeeld")))
			n++;
		else
			unshared++;
	}
	if (n || (alt && value_filled(get(C, alt))))
		return;
	if (unshared)
		report(C, "bijlagen", vars, "dossier invullen {casus} bijlagen",
		       "Er is een bijlage '%s', maar zonder toestemming van de ouders om die te delen; zo telt hij niet mee.",
		       label);
	else
		report(C, "bijlagen", vars, "dossier invullen {casus} bijlagen", "Bijlage ontbreekt: %s.", label);
}

/* ---- kind: mdo_aanwezig — who attended the MDO --------------------------- */

static bool attended(const json *mdo, const char *role)
{
	const json *it;

	for (it = json_first(json_get(mdo, "aanwezigen")); it; it = json_next(it)) {
		const char *r = json_get_str(it, "rol"), *a = json_get_str(it, "aanwezigheid");

		if (r && a && !strcmp(r, role) && !strcmp(a, "aanwezig"))
			return true;
	}
	return false;
}

static void check_attendance(struct ctx *C)
{
	const json *roles = json_get(C->rule->params, "rollen"), *r, *m;
	const json *mdos = json_get(C->root, "mdo");
	const json *best = NULL;
	size_t best_n = 0, idx = 0, best_idx = 0, nroles = json_len(roles);
	bool all_in_one = param_num(C->rule, "in_een_overleg", 1) != 0;
	const struct form *mform = formset_get(C->in->fs, "mdo");
	const char *mname = mform && mform->item_title ? mform->item_title : "MDO";

	if (!json_len(mdos))
		return; /* the mdo document rule reports the missing MDO */
	/* the MDO where most of the required roles were present (the latest of equals) */
	for (m = json_first(mdos); m; m = json_next(m)) {
		size_t n = 0;

		idx++;
		for (r = json_first(roles); r; r = json_next(r))
			n += attended(m, json_str(r));
		if (!best || n >= best_n) { /* on a tie, the latest meeting counts */
			best = m;
			best_n = n;
			best_idx = idx;
		}
	}
	if (best_n == nroles)
		return;
	for (r = json_first(roles); r; r = json_next(r)) {
		const char *role = json_str(r);
		bool any = false;
		struct buf code = BUF_INIT, field = BUF_INIT;
		const char *label = choice_label(C, "mdo.aanwezigen.rol", role);
		const char *vars[] = { "rol", label, NULL };

		for (m = json_first(mdos); m && !any; m = json_next(m))
			any = attended(m, role);
		if (all_in_one ? attended(best, role) : any)
			continue;
		buf_addf(&code, "%s-%s", C->rule->code, role);
		buf_addf(&field, "mdo[%zu].aanwezigen", best_idx);
		if (all_in_one && any)
			report_as(C, code.s, "mdo", field.s, vars, "dossier invullen {casus} mdo",
				  "Er is geen %s waarbij alle vereiste deelnemers aanwezig waren: in %s %zu ontbreekt %s (die was wel bij een ander overleg).",
				  mname, mname, best_idx, label);
		else
		{
			/* people attend the meeting, not its report: "MDO-verslag" -> "MDO" */
			size_t ml = strlen(mname);
			int keep = ml > 8 && !strcmp(mname + ml - 8, "-verslag") ? (int)(ml - 8) : (int)ml;

			report_as(C, code.s, "mdo", field.s, vars, "dossier invullen {casus} mdo",
				  "Bij geen enkel %.*s was iemand aanwezig als %s.", keep, mname, label);
		}
		buf_release(&code);
		buf_release(&field);
	}
}

/* ---- kind: mdo_na_advies — spoor 1: an MDO after the Adviestafel's advice -- */

static void check_mdo_after_advice(struct ctx *C)
{
	const char *dpath = param_str(C->rule, "advies_datum");
	const json *m;
	int advice, d;
	size_t after = 0;
	const struct form *mform = formset_get(C->in->fs, "mdo");
	const char *mname = mform && mform->item_title ? mform->item_title : "MDO-verslag";

	if (!get_date(C, dpath, &advice))
		return; /* reported as a missing field of the casus form */
	for (m = json_first(json_get(C->root, "mdo")); m; m = json_next(m)) {
		if (!date_parse_iso(json_get_str(m, "datum"), &d) || d <= advice)
			continue;
		after++;
		if (json_bool(json_get(m, "advies_besproken")) && value_filled(json_get(m, "advies_resultaat")))
			return;
	}
	{
		struct buf when = BUF_INIT;

		date_fmt_short(&when, advice);
		if (!after)
			report(C, "mdo", NULL, "dossier invullen {casus} mdo",
			       "Er is geen %s van na het advies van de Adviestafel (%s). Voor spoor 1 moet uit een verslag van daarna blijken dat het advies geen oplossing bracht.",
			       mname, when.s);
		else
			report(C, "mdo", NULL, "dossier invullen {casus} mdo",
			       "Het %s van na het advies (%s) zegt niet dat het advies is besproken en waarom het geen oplossing bracht.",
			       mname, when.s);
		buf_release(&when);
	}
}

/* ---- kind: toestemming — the right people consented ---------------------- */

struct signer {
	const char *name;
	const char *as;
	bool yes;
};

static void check_consent_record(struct ctx *C, const json *t, size_t rec);

/* Each consent record is checked on its own: who had to sign on its date. */
static void check_consent(struct ctx *C)
{
	const json *list = json_get(C->root, "toestemming"), *t;
	size_t rec = 0;

	for (t = json_first(list); t; t = json_next(t))
		if (json_is_object(t))
			check_consent_record(C, t, ++rec);
}

/*
 * One consent record: who must sign at the pupil's age on the record's
 * date (parents with authority, from 12 also the pupil, from 16 the pupil
 * alone), who refused, and signers named as parents who are not. Long
 * because each of these is a case of the law with its own message; the
 * parts share the age and the list of signers computed once at the top.
 */
static void check_consent_record(struct ctx *C, const json *t, size_t rec)
{
	int with_child = (int)param_num(C->rule, "leerling_tekent_mee_vanaf", 12);
	int child_alone = (int)param_num(C->rule, "leerling_alleen_vanaf", 16);
	const json *holders = json_get(get(C, "casus"), "ouders"), *it, *s;
	const json *signers = json_get(t, "ondertekenaars");
	bool disagree = json_bool(json_get(t, "ouders_oneens"));
	int birth, day, age;
	size_t nholders = 0, nyes = 0, idx = 0;
	struct buf missing = BUF_INIT, sfield = BUF_INIT;

	if (!value_filled(t))
		return; /* the document rule reports it */
	if (!get_date(C, "casus.leerling.geboortedatum", &birth))
		return;
	buf_addf(&sfield, "toestemming[%zu].ondertekenaars", rec);
	if (!date_parse_iso(json_get_str(t, "datum"), &day))
		day = C->in->today;
	age = date_age(birth, day);

	if (age < child_alone) {
		for (it = json_first(holders); it; it = json_next(it)) {
			const char *name = json_get_str(it, "naam");
			bool found = false, yes = false;

			if (!json_bool(json_get(it, "gezag")))
				continue;
			nholders++;
			for (s = json_first(signers); s; s = json_next(s))
				if (names_match(json_get_str(s, "naam"), name)) {
					found = true;
					yes |= json_bool(json_get(s, "akkoord"));
				}
			if (yes) {
				nyes++;
			} else if (found) {
				const char *vars[] = { "naam", name, NULL };

				report_as(C, "toestemming-geweigerd", "toestemming", sfield.s, vars, NULL,
					  "%s (met gezag) geeft geen toestemming. Zonder die toestemming mag het dossier niet gedeeld worden.",
					  name);
			} else {
				if (missing.len)
					buf_adds(&missing, ", ");
				buf_adds(&missing, name ? name : "(naam onbekend)");
			}
		}
		if (!nholders) {
			if (rec == 1) /* about the case, not about this record */
				report_as(C, "gezag-onbekend", "casus", "casus.ouders", NULL, "dossier invullen {casus} casus",
				  "Bij de ouders staat niemand met gezag; dan is niet na te gaan wie toestemming moet geven.");
		} else if (!nyes && missing.len) {
			report_as(C, "toestemming-gezag", "toestemming", sfield.s, NULL,
				  "dossier invullen {casus} toestemming",
				  "Geen toestemming van een ouder of verzorger met gezag (nodig van: %s).", missing.s);
		} else if (missing.len) {
			struct rule soft = *C->rule;
			const struct rule *saved = C->rule;

			if (!disagree)
				soft.sev = SEV_WARNING;
			C->rule = &soft;
			report_as(C, "toestemming-tweede-ouder", "toestemming", sfield.s, NULL,
				  "dossier invullen {casus} toestemming",
				  disagree ? "Toestemming van %s ontbreekt. Omdat de ouders het oneens zijn, is de toestemming van iedereen met gezag nodig."
					   : "Toestemming van %s ontbreekt. Bij gezamenlijk gezag kan één ouder volstaan als er geen signalen zijn dat de ouders het oneens zijn; vraag het na.",
				  missing.s);
			C->rule = saved;
		}
	}
	if (age >= with_child) {
		bool child = false;

		for (s = json_first(signers); s; s = json_next(s)) {
			const char *as = json_get_str(s, "hoedanigheid");

			if (as && !strcmp(as, "leerling") && json_bool(json_get(s, "akkoord")))
				child = true;
		}
		if (!child)
			report_as(C, "toestemming-leerling", "toestemming", sfield.s, NULL,
				  "dossier invullen {casus} toestemming",
				  age >= child_alone
					  ? "De leerling is %d jaar en geeft vanaf %d jaar zelf toestemming; die ontbreekt."
					  : "De leerling is %d jaar; vanaf %d jaar moet de leerling zelf ook toestemming geven. Die ontbreekt.",
				  age, age >= child_alone ? child_alone : with_child);
	}
	/* signers as "ouder" who are not gezag holders */
	for (s = json_first(signers); s; s = json_next(s)) {
		const char *as = json_get_str(s, "hoedanigheid"), *name = json_get_str(s, "naam");
		bool known = false;
		struct buf field = BUF_INIT;

		idx++;
		if (!as || strcmp(as, "ouder") || !name)
			continue;
		for (it = json_first(holders); it; it = json_next(it))
			known |= json_bool(json_get(it, "gezag")) && names_match(json_get_str(it, "naam"), name);
		if (!known) {
			struct rule soft = *C->rule;
			const struct rule *saved = C->rule;

			soft.sev = SEV_WARNING;
			C->rule = &soft;
			buf_addf(&field, "toestemming[%zu].ondertekenaars[%zu].naam", rec, idx);
			report_as(C, "toestemming-naam", "toestemming", field.s, NULL, "dossier invullen {casus} toestemming",
				  "%s tekent als ouder met gezag, maar staat niet zo bij de ouders in de casusgegevens. Controleer de schrijfwijze en het gezag.",
				  name);
			C->rule = saved;
		}
		buf_release(&field);
	}
	buf_release(&missing);
	buf_release(&sfield);
}

/* ---- kind: offerte — split costs and totals that add up ------------------- */

/*
 * The sums come from quote_compute(), the same function the print uses.
 * "categorieen": the categories that must each have costs (a warning
 * otherwise); "opgegeven": { category key or "totaal": field key } for the
 * supplier's own figures, each compared with the computed sum.
 */
static void check_quote(struct ctx *C)
{
	const char *id = C->rule->document;
	const struct form *form = formset_get(C->in->fs, id);
	const json *v = json_get(C->root, id), *m;
	struct quote q;
	struct buf path = BUF_INIT, fix = BUF_INIT;

	if (!value_filled(v) || !form || quote_compute(form, v, &q))
		return;
	buf_addf(&fix, "dossier invullen {casus} %s", id);
	if (q.overflow_line) {
		buf_addf(&path, "%s.%s[%zu]", id, q.lines->key, q.overflow_line);
		report_as(C, "offerte-te-groot", id, path.s, NULL, fix.s,
			  "Kostenregel %zu van de offerte is te groot: aantal × tarief (of de som) komt boven € 999.999.999,99. Controleer het aantal en het tarief.",
			  q.overflow_line);
	}
	for (m = json_first(json_get(C->rule->params, "categorieen")); m; m = json_next(m)) {
		const struct choice *ch = json_str(m) ? field_choice(q.category, json_str(m)) : NULL;
		size_t i;

		for (i = 0; ch && i < q.ncats; i++)
			if (q.cats[i].key == ch->key && !q.cats[i].nlines) {
				struct rule soft = *C->rule;
				const struct rule *saved = C->rule;

				soft.sev = SEV_WARNING;
				C->rule = &soft;
				buf_reset(&path);
				buf_addf(&path, "%s.%s", id, q.lines->key);
				report_as(C, "offerte-categorie", id, path.s, NULL, fix.s,
					  "De offerte heeft geen kosten voor %s. Een uitgesplitste offerte toont de kosten per categorie apart; staat dit deel echt op € 0?",
					  ch->label);
				C->rule = saved;
			}
	}
	for (m = json_first(json_get(C->rule->params, "opgegeven")); m; m = json_next(m)) {
		const char *key = json_str(m);
		const json *given = key ? json_get(v, key) : NULL;
		int64_t want = strcmp(json_key(m), "totaal") ? quote_category_sum(&q, json_key(m)) : q.total;
		const struct field *gf = key ? field_sub(&form->root, key) : NULL;
		struct buf a = BUF_INIT, b = BUF_INIT;

		if (!json_is_number(given) || want < 0 || (int64_t)json_num(given) == want)
			continue;
		money_fmt(&a, (int64_t)json_num(given), true);
		money_fmt(&b, want, true);
		buf_reset(&path);
		buf_addf(&path, "%s.%s", id, key);
		report_as(C, "offerte-telt-niet", id, path.s, NULL, fix.s,
			  "In de offerte staat bij '%s' %s, maar de regels tellen op tot %s.", gf ? gf->label : key, a.s, b.s);
		buf_release(&a);
		buf_release(&b);
	}
	quote_release(&q);
	buf_release(&path);
	buf_release(&fix);
}

/* ---- kind: datums — no dates in the future where events happened -------- */

static void future_walk(struct ctx *C, const struct field *def, const json *rec, struct buf *path)
{
	size_t i, base = path->len;
	int d;

	for (i = 0; i < def->nsub; i++) {
		const struct field *f = &def->sub[i];
		const json *v = json_get(rec, f->key);

		if (!v)
			continue;
		buf_addf(path, ".%s", f->key);
		if (f->type->kind == FT_DATUM && f->no_future && date_parse_iso(json_str(v), &d) && d > C->in->today) {
			struct buf when = BUF_INIT;

			date_fmt_short(&when, d);
			report_as(C, NULL, f->form->id, path->s, NULL, NULL,
				  "'%s' (%s) ligt in de toekomst; het gaat om iets dat al gebeurd is.", f->label, when.s);
			buf_release(&when);
		} else if (f->type->kind == FT_GROEP && json_is_object(v)) {
			future_walk(C, f, v, path);
		} else if (f->type->kind == FT_LIJST) {
			const json *it;
			size_t n = 0;

			for (it = json_first(v); it; it = json_next(it)) {
				size_t b2 = path->len;

				buf_addf(path, "[%zu]", ++n);
				if (json_is_object(it))
					future_walk(C, f, it, path);
				buf_setlen(path, b2);
			}
		}
		buf_setlen(path, base);
	}
}

static void check_dates(struct ctx *C)
{
	struct buf path = BUF_INIT;
	size_t i;

	for (i = 0; i < C->in->fs->n; i++) {
		const struct form *form = &C->in->fs->forms[i];
		const json *v = json_get(C->root, form->id), *it;
		size_t n = 0;

		if (form->repeated) {
			for (it = json_first(v); it; it = json_next(it)) {
				buf_reset(&path);
				buf_addf(&path, "%s[%zu]", form->id, ++n);
				if (json_is_object(it))
					future_walk(C, &form->root, it, &path);
			}
		} else if (json_is_object(v)) {
			buf_sets(&path, form->id);
			future_walk(C, &form->root, v, &path);
		}
	}
	buf_release(&path);
}

/* ---- kind: volgorde — one date not after another ------------------------ */

static void order_pair(struct ctx *C, const json *rec, const char *prefix)
{
	const char *a = param_str(C->rule, "eerder"), *b = param_str(C->rule, "later");
	int da, db;
	struct buf pa = BUF_INIT, pb = BUF_INIT, wa = BUF_INIT, wb = BUF_INIT;

	buf_addf(&pa, "%s%s", prefix, a);
	buf_addf(&pb, "%s%s", prefix, b);
	if (rec ? (date_parse_iso(json_get_str(rec, a), &da) && date_parse_iso(json_get_str(rec, b), &db))
		: (get_date(C, pa.s, &da) && get_date(C, pb.s, &db))) {
		if (da > db) {
			date_fmt_short(&wa, da);
			date_fmt_short(&wb, db);
			report(C, pb.s, NULL, NULL, "%s (%s) ligt vóór %s (%s).", pb.s, wb.s, pa.s, wa.s);
		}
	}
	buf_release(&pa);
	buf_release(&pb);
	buf_release(&wa);
	buf_release(&wb);
}

static void check_order(struct ctx *C)
{
	const char *list = param_str(C->rule, "lijst");
	const json *it;
	size_t n = 0;

	if (!list) {
		order_pair(C, NULL, "");
		return;
	}
	for (it = json_first(get(C, list)); it; it = json_next(it)) {
		struct buf prefix = BUF_INIT;

		buf_addf(&prefix, "%s[%zu].", list, ++n);
		order_pair(C, it, prefix.s);
		buf_release(&prefix);
	}
}

/* ---- kind: bijlagen — the files exist and can be used -------------------- */

/* One attachment file, by the verdict every command shares (usable.h); returns its pixels. */
static unsigned long long check_file(struct ctx *C, const char *stored, const char *title, const char *field)
{
	char *full = casus_file_path(C->in->c, stored);
	const char *vars[] = { "titel", title, "bestand", stored, NULL };
	struct usable u;
	struct buf why = BUF_INIT;

	if (usable_check(full, &u, &why)) {
		struct finding *fd = report(C, field, vars, NULL, "%s: %s %s%s%s.", title, stored, why.s,
					    u.errnum ? ": " : "", u.errnum ? errno_nl(u.errnum) : "");

		if (u.errnum)
			fd->sys_errno = u.errnum;
		if (u.kind == FILE_MISSING && stored[0] != '/') {
			/* a relative path: the case may have moved without its attachments */
			struct buf r = BUF_INIT;

			buf_addf(&r, "Het pad geldt vanaf de map van de casus (%s). Is de casus verplaatst of gekopieerd zonder "
				     "zijn bijlagen? Zet de map met de bijlagen ernaast, of geef het bestand opnieuw op.",
				 C->in->c->dir ? C->in->c->dir : ".");
			finding_set_reason(fd, r.s);
			buf_release(&r);
		}
	}
	buf_release(&why);
	free(full);
	return u.pixels;
}

static void check_files(struct ctx *C)
{
	const json *it, *scan;
	size_t n = 0;
	unsigned long long pixels = 0;

	for (it = json_first(json_get(C->root, "bijlagen")); it; it = json_next(it)) {
		const char *file = json_get_str(it, "bestand"), *title = json_get_str(it, "titel");
		struct buf field = BUF_INIT, name = BUF_INIT;

		n++;
		if (!json_is_object(it))
			continue;
		buf_addf(&field, "bijlagen[%zu].bestand", n);
		buf_addf(&name, "Bijlage %zu (%s)", n, title ? title : "zonder titel");
		if (file && *file && json_bool(json_get(it, "gedeeld")))
			pixels += check_file(C, file, name.s, field.s);
		if (file && *file && json_is_bool(json_get(it, "gedeeld")) && !json_bool(json_get(it, "gedeeld"))) {
			struct rule soft = *C->rule;
			const struct rule *saved = C->rule;

			soft.sev = SEV_WARNING;
			soft.message = NULL;
			C->rule = &soft;
			buf_reset(&field);
			buf_addf(&field, "bijlagen[%zu].gedeeld", n);
			finding_set_reason(report_as(C, "bijlage-zonder-toestemming", "bijlagen", field.s, NULL, NULL,
				  "%s gaat niet mee in het dossier: de ouders gaven geen toestemming om dit document te delen. Het wordt alleen bij naam genoemd.",
				  name.s), "Ouders beslissen per document of het gedeeld mag worden, zeker bij medische of psychologische verslagen.");
			C->rule = saved;
		}
		buf_release(&field);
		buf_release(&name);
	}
	n = 0;
	for (it = json_first(json_get(C->root, "toestemming")); it; it = json_next(it)) {
		struct buf field = BUF_INIT, name = BUF_INIT;

		scan = json_get(it, "scan");
		n++;
		if (!json_is_string(scan) || !*json_str(scan))
			continue;
		buf_addf(&field, "toestemming[%zu].scan", n);
		buf_addf(&name, "Scan van toestemming %zu", n);
		pixels += check_file(C, json_str(scan), name.s, field.s);
		buf_release(&field);
		buf_release(&name);
	}
	if (pixels > IMAGE_MAX_PIXELS_DOSSIER) {
		const char *vars[] = { NULL };

		report(C, "bijlagen", vars, NULL,
		       "De afbeeldingen van het dossier hebben samen te veel beeldpunten (%llu megapixel; hoogstens %llu). Scan op hoogstens 300 dpi.",
		       pixels / 1000000, IMAGE_MAX_PIXELS_DOSSIER / 1000000);
	}
}

/* ---- kinds: tijdlijn — weeks since the first absence day ----------------- */

static void check_week_window(struct ctx *C)
{
	const char *p = param_str(C->rule, "pad"), *sp = param_str(C->rule, "start");
	int start, day, week, from = (int)param_num(C->rule, "van_week", 1), to = (int)param_num(C->rule, "tot_week", 1000);
	char wk[16], lo[16], hi[16];
	const char *vars[] = { "week", wk, "van", lo, "tot", hi, NULL };

	if (!get_date(C, sp, &start) || !get_date(C, p, &day))
		return;
	week = timeline_week(&C->in->rs->cal, start, day);
	snprintf(wk, sizeof(wk), "%d", week);
	snprintf(lo, sizeof(lo), "%d", from);
	snprintf(hi, sizeof(hi), "%d", to);
	if (week < from || week > to)
		report(C, p, vars, NULL, "Dit valt in week %d van het verzuim; verwacht is week %d tot en met %d.", week, from, to);
}

/* ---- kind: toestemming_tijd — a consent before the sharing it allows ---- */

/* Did anyone consent in this record? */
static bool consented(const json *t)
{
	const json *s;

	for (s = json_first(json_get(t, "ondertekenaars")); s; s = json_next(s))
		if (json_bool(json_get(s, "akkoord")))
			return true;
	return false;
}

static bool has_value(const json *arr, const char *v)
{
	const json *it;

	for (it = json_first(arr); it; it = json_next(it))
		if (json_str(it) && !strcmp(json_str(it), v))
			return true;
	return false;
}

int rules_consent_for(const json *root, const char *recipient, int day)
{
	const json *t;
	int k = 0, best = 0, d, until;

	for (t = json_first(json_get(root, "toestemming")); t; t = json_next(t)) {
		k++;
		if (!has_value(json_get(t, "ontvangers"), recipient) || !consented(t) ||
		    !date_parse_iso(json_get_str(t, "datum"), &d) || d > day)
			continue;
		if (date_parse_iso(json_get_str(t, "geldig_tot"), &until) && until < day)
			continue;
		best = k; /* the latest record that covers it */
	}
	return best;
}

static void check_consent_timing(struct ctx *C)
{
	const json *cover = json_get(C->rule->params, "dekking"), *it, *t;

	for (it = json_first(cover); it; it = json_next(it)) {
		const char *to = json_get_str(it, "ontvanger"), *what = json_get_str(it, "wat");
		const char *dpath = json_get_str(it, "datum");
		int day, d, until, k = 0, first = 0, first_day = 0, late_until = 0, late_k = 0;
		struct buf code = BUF_INIT, field = BUF_INIT, a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
		const char *who;

		if (!to || !dpath || !get_date(C, dpath, &day))
			continue;
		if (json_get(it, "routes") && !has_value(json_get(it, "routes"), C->in->route))
			continue;
		who = choice_label(C, "toestemming.ontvangers", to);
		for (t = json_first(json_get(C->root, "toestemming")); t; t = json_next(t)) {
			k++;
			if (!has_value(json_get(t, "ontvangers"), to) || !consented(t) ||
			    !date_parse_iso(json_get_str(t, "datum"), &d))
				continue;
			if (!first || d < first_day)
				first = k, first_day = d;
			if (d <= day && date_parse_iso(json_get_str(t, "geldig_tot"), &until) && until < day)
				late_k = k, late_until = until;
		}
		if (!first || rules_consent_for(C->root, to, day))
			goto next; /* none at all is reported by the rules on the recipients */
		date_fmt_short(&b, day);
		if (first_day > day) {
			const char *vars[] = { "wie", who, "wat", what ? what : dpath, "datum", NULL, "op", b.s, NULL };

			date_fmt_short(&a, first_day);
			vars[5] = a.s;
			buf_addf(&code, "%s-%s", C->rule->code, to);
			buf_addf(&field, "toestemming[%d].datum", first);
			report_as(C, code.s, "toestemming", field.s, vars, "dossier invullen {casus} toestemming",
				  "De toestemming om te delen met %s is van %s, na %s (%s). Een toestemming moet er zijn vóór het delen dat ze toestaat.",
				  who, a.s, what ? what : dpath, b.s);
		} else if (late_k) {
			const char *vars[] = { "wie", who, "wat", what ? what : dpath, "tot", NULL, "op", b.s, NULL };

			date_fmt_short(&c, late_until);
			vars[5] = c.s;
			buf_addf(&code, "%s-%s-verlopen", C->rule->code, to);
			buf_addf(&field, "toestemming[%d].geldig_tot", late_k);
			report_as(C, code.s, "toestemming", field.s, vars, "dossier invullen {casus} toestemming",
				  "De toestemming om te delen met %s gold tot %s en is dus verlopen op %s (%s).",
				  who, c.s, what ? what : dpath, b.s);
		}
next:
		buf_release(&code);
		buf_release(&field);
		buf_release(&a);
		buf_release(&b);
		buf_release(&c);
	}
}

/* ---- the kinds table --------------------------------------------------- */

static const char *const p_form[] = { "formulier", NULL };
static const char *const p_field[] = { "pad", NULL };
static const char *const p_req[] = { "eis", "melding", NULL };
static const char *const p_att[] = { "bijlage", NULL };
static const char *const p_roles[] = { "rollen", NULL };
static const char *const p_advice[] = { "advies_datum", NULL };
static const char *const p_order[] = { "eerder", "later", NULL };
static const char *const p_week[] = { "pad", "start", NULL };
static const char *const p_none[] = { NULL };
static const char *const p_cover[] = { "dekking", NULL };

static const struct rule_kind kinds[] = {
	{ "formulier", p_form, check_form },
	{ "veld", p_field, check_field },
	{ "eis", p_req, check_requirement },
	{ "bijlage", p_att, check_attachment },
	{ "mdo_aanwezig", p_roles, check_attendance },
	{ "mdo_na_advies", p_advice, check_mdo_after_advice },
	{ "toestemming", p_none, check_consent },
	{ "offerte", p_none, check_quote },
	{ "datums", p_none, check_dates },
	{ "volgorde", p_order, check_order },
	{ "bijlagen", p_none, check_files },
	{ "weekvenster", p_week, check_week_window },
	{ "toestemming_tijd", p_cover, check_consent_timing },
};

/* ---- loading ------------------------------------------------------------ */

static int rule_error(struct err *e, const char *file, const char *code, const char *fmt, ...) PRINTF_LIKE(4, 5);
static int rule_error(struct err *e, const char *file, const char *code, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (code)
		err_set(e, EXIT_SYSTEM, "%s: regel '%s': %s", file, code, b.s);
	else
		err_set(e, EXIT_SYSTEM, "%s: %s", file, b.s);
	buf_release(&b);
	return -1;
}

static char **str_array(const json *arr, size_t *n)
{
	const json *it;
	char **v;
	size_t i = 0;

	*n = json_len(arr);
	v = xcalloc(*n + 1, sizeof(char *));
	for (it = json_first(arr); it; it = json_next(it))
		v[i++] = xstrdup(json_str(it) ? json_str(it) : "");
	return v;
}

/* Does the path name a field of the forms? (indexes and [*] are fine) */
static int check_path(const struct formset *fs, const char *p, struct err *e)
{
	return formset_field(fs, p, e) ? 0 : -1;
}

/*
 * One rule from the data file: its known keys, kind, routes, severity,
 * condition, texts and the paths its parameters name, each checked with a
 * message naming the rule. Long because it is a list of independent
 * checks of one object; splitting it would only scatter them.
 */
static int load_rule(struct ruleset *rs, const json *o, struct rule *r, const struct formset *fs, struct err *e)
{
	static const char *const known[] = {
		"code", "soort", "routes", "voorwaarde", "ernst", "document", "waarom", "melding", "oplossing",
		"formulier", "pad", "eis", "veld", "bijlage", "of_ingevuld", "rollen", "in_een_overleg",
		"advies_datum", "leerling_tekent_mee_vanaf", "leerling_alleen_vanaf", "eerder", "later", "lijst",
		"start", "van_week", "tot_week", "toelichting", "categorieen", "opgegeven", "meldingen", "dekking",
	};
	const char *code = json_get_str(o, "code"), *kind = json_get_str(o, "soort"), *sev = json_get_str(o, "ernst");
	const json *m, *routes = json_get(o, "routes");
	struct buf msg = BUF_INIT;
	size_t i;

	if (!code || !*code)
		return rule_error(e, rs->file, NULL, "een regel zonder 'code'");
	r->code = xstrdup(code);
	for (m = json_first(o); m; m = json_next(m)) {
		for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			if (!strcmp(json_key(m), known[i]))
				break;
		if (i == sizeof(known) / sizeof(known[0]))
			return rule_error(e, rs->file, code, "onbekende eigenschap '%s'", json_key(m));
	}
	for (i = 0; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].name, kind))
			r->kind = &kinds[i];
	if (!r->kind)
		return rule_error(e, rs->file, code, "onbekende soort '%s'", kind ? kind : "(geen)");
	for (i = 0; r->kind->params[i]; i++)
		if (!json_get(o, r->kind->params[i]) && strcmp(r->kind->params[i], "melding"))
			return rule_error(e, rs->file, code, "soort '%s' heeft '%s' nodig", kind, r->kind->params[i]);
	if (!sev || !strcmp(sev, "fout"))
		r->sev = SEV_ERROR;
	else if (!strcmp(sev, "waarschuwing"))
		r->sev = SEV_WARNING;
	else
		return rule_error(e, rs->file, code, "'ernst' is 'fout' of 'waarschuwing', niet '%s'", sev);
	if (routes) {
		if (!json_is_array(routes) || !json_len(routes))
			return rule_error(e, rs->file, code, "'routes' is een lijst van routes");
		r->routes = str_array(routes, &r->nroutes);
		for (i = 0; i < r->nroutes; i++)
			if (!ruleset_route(rs, r->routes[i]))
				return rule_error(e, rs->file, code, "onbekende route '%s'", r->routes[i]);
	}
	if (json_get_str(o, "voorwaarde") && expr_parse(json_get_str(o, "voorwaarde"), &r->cond, &msg)) {
		rule_error(e, rs->file, code, "%s", msg.s);
		buf_release(&msg);
		return -1;
	}
	if (json_get_str(o, "eis")) {
		struct expr *x;

		if (expr_parse(json_get_str(o, "eis"), &x, &msg)) {
			rule_error(e, rs->file, code, "%s", msg.s);
			buf_release(&msg);
			return -1;
		}
		expr_free(x);
	}
	if (json_get_str(o, "formulier") && !formset_get(fs, json_get_str(o, "formulier")))
		return rule_error(e, rs->file, code, "onbekend formulier '%s'", json_get_str(o, "formulier"));
	{
		static const char *const pathkeys[] = { "pad", "veld", "of_ingevuld", "advies_datum", "start", "lijst" };

		for (i = 0; i < sizeof(pathkeys) / sizeof(pathkeys[0]); i++) {
			const char *p = json_get_str(o, pathkeys[i]);

			if (p && check_path(fs, p, e)) {
				err_prefix(e, "%s: regel '%s': %s", rs->file, code, pathkeys[i]);
				e->code = EXIT_SYSTEM;
				return -1;
			}
		}
	}
	r->document = xstrdup(json_get_str(o, "document") ? json_get_str(o, "document")
			      : json_get_str(o, "formulier") ? json_get_str(o, "formulier") : "dossier");
	r->why = json_get_str(o, "waarom") ? xstrdup(json_get_str(o, "waarom")) : NULL;
	r->message = json_get_str(o, "melding") ? xstrdup(json_get_str(o, "melding")) : NULL;
	if (json_get(o, "meldingen")) {
		const json *mm = json_get(o, "meldingen");

		if (!json_is_object(mm))
			return rule_error(e, rs->file, code, "'meldingen' is een groep {\"code\": \"tekst\"}");
		for (m = json_first(mm); m; m = json_next(m))
			if (!json_is_string(m) || strncmp(json_key(m), code, strlen(code)))
				return rule_error(e, rs->file, code,
						  "'meldingen': '%s' moet een tekst zijn bij een code die met '%s' begint",
						  json_key(m), code);
		r->messages = json_dup(mm);
	}
	r->fix = json_get_str(o, "oplossing") ? xstrdup(json_get_str(o, "oplossing")) : NULL;
	r->params = json_dup(o);
	return 0;
}

/* The index of the rule with this code in a "regels" array, or -1. */
static long rule_index(const json *rules, const char *code)
{
	const json *it;
	long i = 0;

	for (it = json_first(rules); it; it = json_next(it), i++)
		if (code && json_get_str(it, "code") && !strcmp(json_get_str(it, "code"), code))
			return i;
	return -1;
}

static int merge_error(struct err *e, const char *file, const char *fmt, const char *what)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, fmt, what);
	err_set(e, EXIT_SYSTEM, "%s: %s", file, b.s);
	buf_release(&b);
	return -1;
}

/*
 * A route set may build on another ("basis": "routes.json", a file in the
 * same folder): its own "routes", "fasen", "drempels" and "tijdlijn"
 * replace the base's; "weg" drops base rules by code, "wijzig" changes
 * properties of base rules ({code: {key: value}}), and its "regels" replace
 * base rules with the same code or are added. The result is one document.
 */
static int load_routes_doc(const char *file, json **out, int depth, struct err *e)
{
	static const char *const replaced[] = { "routes", "fasen", "drempels", "tijdlijn", "toelichting" };
	json *doc = NULL, *base = NULL, *rules;
	const char *bname;
	const json *it, *m;
	char *dir, *bfile;
	size_t i;

	*out = NULL;
	if (json_load_file(file, 1u << 20, &doc, e))
		return -1;
	bname = json_get_str(doc, "basis");
	if (!bname) {
		*out = doc;
		return 0;
	}
	if (depth > 4 || strchr(bname, '/') || !*bname || bname[0] == '.') {
		merge_error(e, file, "'basis' noemt een ander bestand in dezelfde map, niet '%s'", bname);
		goto bad;
	}
	dir = path_dirname(file);
	bfile = path_join(dir, bname);
	free(dir);
	i = (size_t)load_routes_doc(bfile, &base, depth + 1, e);
	free(bfile);
	if (i)
		goto bad;
	for (i = 0; i < sizeof(replaced) / sizeof(replaced[0]); i++)
		if (json_get(doc, replaced[i]))
			json_set(base, replaced[i], json_dup(json_get(doc, replaced[i])));
	rules = json_get(base, "regels");
	if (!json_is_array(rules)) {
		merge_error(e, file, "de basis %s heeft geen 'regels'", bname);
		goto bad;
	}
	for (it = json_first(json_get(doc, "weg")); it; it = json_next(it)) {
		long k = rule_index(rules, json_str(it));

		if (k < 0) {
			merge_error(e, file, "'weg': de basis heeft geen regel '%s'", json_str(it) ? json_str(it) : "?");
			goto bad;
		}
		json_remove_at(rules, (size_t)k);
	}
	for (it = json_first(json_get(doc, "wijzig")); it; it = json_next(it)) {
		long k = rule_index(rules, json_key(it));

		if (k < 0 || !json_is_object(it)) {
			merge_error(e, file, "'wijzig': de basis heeft geen regel '%s'", json_key(it));
			goto bad;
		}
		for (m = json_first(it); m; m = json_next(m))
			json_set(json_at(rules, (size_t)k), json_key(m), json_dup(m));
	}
	{
		/* the base's rules in their order, each replaced by the derived one of the same code; then the new ones */
		const json *own = json_get(doc, "regels");
		json *merged = json_new_array();

		for (it = json_first(rules); it; it = json_next(it)) {
			long k = rule_index(own, json_get_str(it, "code"));

			json_append(merged, json_dup(k >= 0 ? json_at(own, (size_t)k) : it));
		}
		for (it = json_first(own); it; it = json_next(it))
			if (rule_index(rules, json_get_str(it, "code")) < 0)
				json_append(merged, json_dup(it));
		json_set(base, "regels", merged);
	}
	json_free(doc);
	*out = base;
	return 0;
bad:
	json_free(doc);
	json_free(base);
	return -1;
}

/*
 * The route file and the files it builds on (route sets: 'basis', 'weg',
 * 'wijzig'), then routes, timeline definitions, phases, thresholds and
 * rules, in that order, each checked against the forms. Long because it
 * walks the sections of one file in order; each section's details live in
 * the load_* functions above.
 */
int ruleset_load(struct ruleset *rs, const char *file, const struct formset *fs, struct err *e)
{
	json *doc = NULL;
	const json *routes, *rules, *tl, *it;
	size_t i = 0;
	int r = -1;

	memset(rs, 0, sizeof(*rs));
	rs->file = xstrdup(file);
	if (load_routes_doc(file, &doc, 0, e))
		goto out;
	routes = json_get(doc, "routes");
	rules = json_get(doc, "regels");
	tl = json_get(doc, "tijdlijn");
	if (!json_is_array(routes) || !json_len(routes) || !json_is_array(rules)) {
		rule_error(e, file, NULL, "verwacht 'routes' en 'regels' als lijsten");
		goto out;
	}
	rs->routes = xcalloc(json_len(routes), sizeof(*rs->routes));
	for (it = json_first(routes); it; it = json_next(it), i++) {
		struct route *rt = &rs->routes[i];
		const char *id = json_get_str(it, "id"), *name = json_get_str(it, "naam");
		const json *docs = json_get(it, "documenten");
		size_t k;

		rs->nroutes = i + 1;
		if (!id || !name || !json_is_array(docs)) {
			rule_error(e, file, NULL, "route %zu heeft 'id', 'naam' en 'documenten' nodig", i + 1);
			goto out;
		}
		rt->id = xstrdup(id);
		rt->name = xstrdup(name);
		rt->table = xstrdup(json_get_str(it, "tafel") ? json_get_str(it, "tafel") : name);
		rt->desc = json_get_str(it, "omschrijving") ? xstrdup(json_get_str(it, "omschrijving")) : NULL;
		rt->docs = str_array(docs, &rt->ndocs);
		rt->recipients = str_array(json_get(it, "ontvangers"), &rt->nrecipients);
		for (k = 0; k < rt->ndocs; k++)
			if (!formset_get(fs, rt->docs[k])) {
				rule_error(e, file, NULL, "route '%s': onbekend document '%s'", id, rt->docs[k]);
				goto out;
			}
	}
	rs->rules = xcalloc(json_len(rules) ? json_len(rules) : 1, sizeof(*rs->rules));
	i = 0;
	for (it = json_first(rules); it; it = json_next(it), i++) {
		size_t k;

		rs->nrules = i + 1;
		if (!json_is_object(it)) {
			rule_error(e, file, NULL, "regel %zu is geen groep {...}", i + 1);
			goto out;
		}
		if (load_rule(rs, it, &rs->rules[i], fs, e))
			goto out;
		for (k = 0; k < i; k++)
			if (!strcmp(rs->rules[k].code, rs->rules[i].code)) {
				rule_error(e, file, rs->rules[i].code, "deze code komt twee keer voor");
				goto out;
			}
	}
	if (tl) {
		rs->tl = xcalloc(json_len(tl) ? json_len(tl) : 1, sizeof(*rs->tl));
		i = 0;
		for (it = json_first(tl); it; it = json_next(it), i++) {
			const char *label = json_get_str(it, "label"), *p = json_get_str(it, "pad");

			rs->ntl = i + 1;
			if (!label || !p) {
				rule_error(e, file, NULL, "tijdlijn %zu heeft 'label' en 'pad' nodig", i + 1);
				goto out;
			}
			rs->tl[i].label = xstrdup(label);
			rs->tl[i].path = xstrdup(p);
			rs->tl[i].start = json_bool(json_get(it, "start"));
			if (check_path(fs, p, e)) {
				err_prefix(e, "%s: tijdlijn", file);
				e->code = EXIT_SYSTEM;
				goto out;
			}
		}
	}
	i = 0;
	{
		const json *ph = json_get(doc, "fasen");

		rs->phases = xcalloc(json_len(ph) ? json_len(ph) : 1, sizeof(*rs->phases));
		for (it = json_first(ph); it; it = json_next(it), i++) {
			const char *name = json_get_str(it, "naam");
			const json *from = json_get(it, "van_week"), *to = json_get(it, "tot_week");

			rs->nphases = i + 1;
			if (!name || !json_is_number(from) || !json_is_number(to)) {
				rule_error(e, file, NULL, "fase %zu heeft 'naam', 'van_week' en 'tot_week' nodig", i + 1);
				goto out;
			}
			rs->phases[i].name = xstrdup(name);
			rs->phases[i].desc = json_get_str(it, "omschrijving") ? xstrdup(json_get_str(it, "omschrijving")) : NULL;
			rs->phases[i].from = (int)json_num(from);
			rs->phases[i].to = (int)json_num(to);
		}
	}
	{
		const json *th = json_get(doc, "drempels");

		i = 0;
		rs->thresholds = xcalloc(json_len(th) ? json_len(th) : 1, sizeof(*rs->thresholds));
		for (it = json_first(th); it; it = json_next(it), i++) {
			struct tl_threshold *t = &rs->thresholds[i];
			const char *label = json_get_str(it, "label"), *q = json_get_str(it, "grootheid");
			const json *more = json_get(it, "meer_dan"), *from = json_get(it, "vanaf");

			rs->nthresholds = i + 1;
			if (!label || !q || json_is_number(more) == json_is_number(from)) {
				rule_error(e, file, NULL, "drempel %zu heeft 'label', 'grootheid' en 'meer_dan' of 'vanaf' nodig", i + 1);
				goto out;
			}
			t->q = timeline_quantity_find(q);
			if (t->q < 0) {
				rule_error(e, file, NULL, "drempel %zu: onbekende grootheid '%s'", i + 1, q);
				goto out;
			}
			t->label = xstrdup(label);
			t->inclusive = json_is_number(from);
			t->limit = json_num(t->inclusive ? from : more);
		}
	}
	r = 0;
out:
	json_free(doc);
	return r;
}

const struct tl_phase *ruleset_phase(const struct ruleset *rs, int week)
{
	size_t i;

	for (i = 0; i < rs->nphases; i++)
		if (week >= rs->phases[i].from && week <= rs->phases[i].to)
			return &rs->phases[i];
	return NULL;
}

static const char *profile_lookup(void *p, const char *name, size_t len)
{
	char *n = xstrndup(name, len);
	const char *v = profile_name(p, n);

	free(n);
	return v;
}

/* Regional names in a rule text; unknown {names} stay for later filling. */
static void expand_names(char **s, const struct profile *p)
{
	struct buf b = BUF_INIT;

	if (!*s || !strchr(*s, '{'))
		return;
	tmpl_expand(&b, *s, profile_lookup, (void *)p, NULL);
	free(*s);
	*s = buf_detach(&b, NULL);
}

static int profile_rule_error(const struct profile *p, const char *code, const char *v, const char *why,
			      struct err *e)
{
	struct buf where = BUF_INIT;

	ini_where(p->ini, "regels", code, &where);
	err_set(e, EXIT_SYSTEM, "%s: [regels] %s = %s: %s", where.s, code, v ? v : "", why);
	buf_release(&where);
	return -1;
}

int ruleset_apply_profile(struct ruleset *rs, const struct profile *p, struct err *e)
{
	size_t i;

	for (i = 0; i < rs->nroutes; i++) {
		expand_names(&rs->routes[i].name, p);
		expand_names(&rs->routes[i].table, p);
		expand_names(&rs->routes[i].desc, p);
	}
	for (i = 0; i < rs->ntl; i++)
		expand_names(&rs->tl[i].label, p);
	for (i = 0; i < rs->nphases; i++)
		expand_names(&rs->phases[i].desc, p);
	for (i = 0; i < rs->nthresholds; i++)
		expand_names(&rs->thresholds[i].label, p);
	for (i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];
		const char *v = profile_get(p, "regels", r->code);

		expand_names(&r->why, p);
		expand_names(&r->message, p);
		expand_names(&r->fix, p);
		if (json_get(r->params, "dekking")) {
			json *it;

			for (it = json_first(json_get(r->params, "dekking")); it; it = json_next(it)) {
				char *t = json_get_str(it, "wat") ? xstrdup(json_get_str(it, "wat")) : NULL;

				if (!t)
					continue;
				expand_names(&t, p);
				json_set(it, "wat", json_new_string(t));
				free(t);
			}
		}
		if (r->messages) {
			json *fresh = json_new_object();
			const json *m;

			for (m = json_first(r->messages); m; m = json_next(m)) {
				char *t = xstrdup(json_str(m));

				expand_names(&t, p);
				json_set(fresh, json_key(m), json_new_string(t));
				free(t);
			}
			json_free(r->messages);
			r->messages = fresh;
		}
		if (!v)
			continue;
		if (!strcmp(v, "fout"))
			r->sev = SEV_ERROR, r->off = false;
		else if (!strcmp(v, "waarschuwing"))
			r->sev = SEV_WARNING, r->off = false;
		else if (!strcmp(v, "uit"))
			r->off = true;
		else
			return profile_rule_error(p, r->code, v, "kies fout, waarschuwing of uit", e);
	}
	/* a code that matches no rule (a typo, or a rule that was renamed) would silently do nothing */
	for (i = 0; i < ini_nkeys(p->ini, "regels"); i++) {
		const char *k = ini_key(p->ini, "regels", i);
		size_t j;

		for (j = 0; k && j < rs->nrules; j++)
			if (!strcasecmp(rs->rules[j].code, k))
				break;
		if (k && j == rs->nrules)
			return profile_rule_error(p, k, ini_get(p->ini, "regels", k),
						  "onbekende regel (de codes staan in forms/routes.json en docs/regels.md)", e);
	}
	return 0;
}

void ruleset_release(struct ruleset *rs)
{
	size_t i, k;

	for (i = 0; i < rs->nroutes; i++) {
		struct route *rt = &rs->routes[i];

		free(rt->id);
		free(rt->name);
		free(rt->table);
		free(rt->desc);
		for (k = 0; k < rt->ndocs; k++)
			free(rt->docs[k]);
		free(rt->docs);
		for (k = 0; k < rt->nrecipients; k++)
			free(rt->recipients[k]);
		free(rt->recipients);
	}
	free(rs->routes);
	for (i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];

		free(r->code);
		for (k = 0; k < r->nroutes; k++)
			free(r->routes[k]);
		free(r->routes);
		expr_free(r->cond);
		free(r->document);
		free(r->why);
		free(r->message);
		json_free(r->messages);
		free(r->fix);
		json_free(r->params);
	}
	free(rs->rules);
	for (i = 0; i < rs->ntl; i++) {
		free(rs->tl[i].label);
		free(rs->tl[i].path);
	}
	free(rs->tl);
	for (i = 0; i < rs->nphases; i++) {
		free(rs->phases[i].name);
		free(rs->phases[i].desc);
	}
	free(rs->phases);
	for (i = 0; i < rs->nthresholds; i++)
		free(rs->thresholds[i].label);
	free(rs->thresholds);
	calendar_release(&rs->cal);
	free(rs->file);
	memset(rs, 0, sizeof(*rs));
}

const struct route *ruleset_route(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; id && i < rs->nroutes; i++)
		if (rs->routes[i].id && !strcmp(rs->routes[i].id, id))
			return &rs->routes[i];
	return NULL;
}

void ruleset_route_list(const struct ruleset *rs, struct buf *out)
{
	size_t i;

	for (i = 0; i < rs->nroutes; i++)
		buf_addf(out, "%s%s", i == 0 ? "" : i + 1 == rs->nroutes ? " of " : ", ", rs->routes[i].id);
}

/* ---- checking ------------------------------------------------------------ */

static bool rule_applies(const struct rule *r, struct ctx *C)
{
	size_t i;

	if (r->off)
		return false;
	if (r->routes) {
		for (i = 0; i < r->nroutes; i++)
			if (!strcmp(r->routes[i], C->in->route))
				break;
		if (i == r->nroutes)
			return false;
	}
	C->env.record = NULL;
	return !r->cond || expr_eval(r->cond, &C->env);
}

/* A context for checking (or asking about) the rules of in's route. */
static void ctx_init(struct ctx *C, const struct check_input *in, struct findings *out)
{
	memset(C, 0, sizeof(*C));
	C->in = in;
	C->out = out;
	C->root = in->c->root;
	C->env.root = in->c->root;
	C->env.route = in->route;
	C->env.region = in->region;
}

bool rules_form_needed(const struct check_input *in, const char *form_id)
{
	struct ctx C;
	size_t i;

	ctx_init(&C, in, NULL);
	for (i = 0; i < in->rs->nrules; i++) {
		const struct rule *r = &in->rs->rules[i];
		const char *f = r->kind->check == check_form ? param_str(r, "formulier")
			      : r->kind->check == check_attachment ? "bijlagen" : NULL;

		if (f && !strcmp(f, form_id) && rule_applies(r, &C))
			return true;
	}
	return false;
}

void rules_timeline(const struct ruleset *rs, const json *root, int today, struct timeline *t)
{
	timeline_build(t, rs->tl, rs->ntl, &rs->cal, rs->thresholds, rs->nthresholds, root, today);
}

size_t rules_att_reqs(const struct check_input *in, struct att_req *out, size_t max)
{
	struct ctx C;
	size_t i, n = 0;

	ctx_init(&C, in, NULL);
	for (i = 0; i < in->rs->nrules && n < max; i++) {
		const struct rule *r = &in->rs->rules[i];

		if (r->kind->check != check_attachment || r->off || !rule_applies(r, &C))
			continue;
		out[n].code = r->code;
		out[n].kind = param_str(r, "bijlage");
		out[n].alt = param_str(r, "of_ingevuld");
		out[n].sev = r->sev;
		n++;
	}
	return n;
}

/* Did a rule that names this route in its "routes" give the finding with this code? */
static bool named_for_route(const struct check_input *in, const char *code)
{
	size_t i, k, n;

	for (i = 0; code && i < in->rs->nrules; i++) {
		const struct rule *r = &in->rs->rules[i];

		n = strlen(r->code);
		if (strncmp(code, r->code, n) || (code[n] && code[n] != '-'))
			continue;
		for (k = 0; k < r->nroutes; k++)
			if (!strcmp(r->routes[k], in->route))
				return true;
	}
	return false;
}

/*
 * A form the route does not ask for (an offerte begun on the Adviestafel
 * route) cannot make the dossier incomplete: its errors from `first` on
 * become warnings that say how to take the form out.
 */
static void optional_forms_warn(const struct check_input *in, struct findings *out, size_t first)
{
	size_t i;

	for (i = first; i < out->n; i++) {
		struct finding *fd = &out->v[i];
		const struct form *f = fd->document ? formset_get(in->fs, fd->document) : NULL;
		struct buf q = BUF_INIT;

		if (fd->sev != SEV_ERROR || !f || rules_form_needed(in, f->id) || named_for_route(in, fd->code))
			continue;
		fd->sev = SEV_WARNING;
		shell_quote(&q, in->casus_arg ? in->casus_arg : "CASUS.json");
		finding_set_fix(fd, "dossier zet %s --wis %s  (de %s vraagt dit formulier niet; zonder fouten mag het blijven)",
				q.s, f->id, ruleset_route(in->rs, in->route) ? ruleset_route(in->rs, in->route)->table : "route");
		buf_release(&q);
	}
}

void rules_check(const struct check_input *in, struct findings *out)
{
	struct ctx C;
	struct timeline tl;
	size_t i, first = out->n;

	ctx_init(&C, in, out);
	/* quantities and school weeks for the conditions; no threshold events needed here */
	timeline_build(&tl, in->rs->tl, in->rs->ntl, &in->rs->cal, NULL, 0, in->c->root, in->today);
	C.env.tl = &tl;
	formset_validate_named(in->fs, in->c->root, in->casus_arg, out);
	for (i = 0; i < in->rs->nrules; i++) {
		C.rule = &in->rs->rules[i];
		if (rule_applies(C.rule, &C))
			C.rule->kind->check(&C);
	}
	timeline_release(&tl);
	optional_forms_warn(in, out, first);
}
