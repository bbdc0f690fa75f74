/*
 * compose_check.c - the completeness checklist and the timeline.
 *
 * The checklist lists the cover, every document of the route (present
 * with its page, missing, or not needed), every attachment the route's
 * rules ask for (present, filled in on a form instead, or missing), every
 * attachment of the case with whether it went in, then the verdict and
 * the findings of the check that was run, so the page shows exactly what
 * `controleer` found. After the table: which consent record covers each
 * table the route shares with, the people the school invites in the
 * platform (the loket's staff and manager from the profile, the school's
 * adviseur, the jeugdregisseur of the municipality of residence, the
 * participants of the deciding table), and, when asked, the sharing log.
 * The timeline shows the events of the case with their week and phase.
 */
#include "compose_int.h"
#include "casus.h"
#include "date.h"
#include "err.h"
#include "finding.h"
#include "json.h"
#include "mem.h"
#include "profile.h"
#include "rules.h"
#include "template.h"
#include "timeline.h"
#include "tmpl.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static bool doc_has_error(const struct comp *C, const char *doc)
{
	size_t i;

	for (i = 0; i < C->in->findings->n; i++)
		if (C->in->findings->v[i].sev == SEV_ERROR && !strcmp(C->in->findings->v[i].document, doc))
			return true;
	return false;
}

static bool code_found(const struct comp *C, const char *code)
{
	size_t i;

	for (i = 0; i < C->in->findings->n; i++)
		if (C->in->findings->v[i].code && !strcmp(C->in->findings->v[i].code, code))
			return true;
	return false;
}

/* One row: the part, its status (bold when missing), the page it is on (0: none). */
static void row(struct comp *C, struct tbuild *tb, const char *part, enum word status, const char *const *vars,
		int anchor)
{
	struct buf t = BUF_INIT;
	struct tcell *c;

	tb_row(tb, ROW_NORMAL);
	prep(C, part, &t);
	tb_cell(tb, t.s);
	word_of(C, status, vars, &t);
	tb_cell(tb, t.s)->font = status == W_CL_MISSING ? FONT_BOLD : FONT_REGULAR;
	c = tb_cell(tb, "");
	c->page_ref = anchor;
	c->align = AL_RIGHT;
	buf_release(&t);
}

/* A fresh table of n columns whose header row holds the words hd[0..n). */
static void header_row(struct comp *C, struct tbuild *tb, const enum word *hd, size_t n)
{
	struct buf t = BUF_INIT;
	size_t i;

	tb_init(tb, n);
	tb_row(tb, ROW_HEADER);
	for (i = 0; i < n; i++) {
		word_of(C, hd[i], NULL, &t);
		tb_cell(tb, t.s);
	}
	buf_release(&t);
}

static void group_row(struct comp *C, struct tbuild *tb, enum word w)
{
	struct buf t = BUF_INIT;

	tb_row(tb, ROW_GROUP);
	word_of(C, w, NULL, &t);
	tb_cell(tb, t.s)->span = 3;
	buf_release(&t);
}

static const struct section *att_section(const struct comp *C, const struct att *a)
{
	size_t i;

	for (i = 0; i < C->nsec; i++)
		if (C->sec[i].att == a)
			return &C->sec[i];
	return NULL;
}

/* The attachments the route's rules ask for, each with where it is. */
static void required_attachments(struct comp *C, struct tbuild *tb)
{
	const struct compose_in *in = C->in;
	const struct form *af = form_with_layout(C, LAYOUT_ATTACHMENTS);
	const struct field *kind = form_role(af, ROLE_ATT_KIND);
	struct check_input ci = { in->rs, in->fs, in->c, in->route->id, casus_region(in->c), in->today, NULL };
	struct att_req req[32];
	size_t n = rules_att_reqs(&ci, req, 32), i, k;

	for (i = 0; kind && i < n; i++) {
		const struct choice *ch = field_choice(kind, req[i].kind);
		const struct section *sec = NULL;
		struct buf label = BUF_INIT;

		label_text(C, ch ? ch->label : req[i].kind, &label);
		for (k = 0; k < in->natts && !sec; k++)
			if (!in->atts[k].consent_scan && in->atts[k].shared && !strcmp(in->atts[k].kind, req[i].kind))
				sec = att_section(C, &in->atts[k]);
		if (sec) {
			row(C, tb, label.s, W_CL_PRESENT, NULL, sec->anchor);
		} else if (req[i].alt && value_filled(casus_get(in->c, req[i].alt))) {
			char *form = xstrndup(req[i].alt, strcspn(req[i].alt, ".["));
			const struct form *f = formset_get(in->fs, form);
			const struct section *fs = section_of_form(C, f);
			const char *vars[] = { "formulier", f ? f->title : form, NULL };

			row(C, tb, label.s, W_CL_FILLED_IN, vars, fs ? fs->anchor : 0);
			free(form);
		} else if (code_found(C, req[i].code)) {
			row(C, tb, label.s, W_CL_MISSING, NULL, 0);
		} else {
			row(C, tb, label.s, in->omit_attachments ? W_CL_PRESENT : W_CL_NOT_NEEDED, NULL, 0);
		}
		buf_release(&label);
	}
}

/* Every document of the route: present (with its page), missing, or not needed. */
static void route_documents(struct comp *C, struct tbuild *tb)
{
	const struct compose_in *in = C->in;
	const struct form *cover = form_with_layout(C, LAYOUT_COVER);
	size_t i;

	if (cover)
		row(C, tb, cover->title, W_CL_PRESENT, NULL, C->cover_anchor);
	for (i = 0; i < in->route->ndocs; i++) {
		const struct form *f = formset_get(in->fs, in->route->docs[i]);
		const struct section *sec = section_of_form(C, f);

		if (!f || f == cover || f->layout->kind == LAYOUT_ATTACHMENTS)
			continue;
		if (sec)
			row(C, tb, f->title, W_CL_PRESENT, NULL, sec->anchor);
		else
			row(C, tb, f->title, doc_has_error(C, f->id) ? W_CL_MISSING : W_CL_NOT_NEEDED, NULL, 0);
	}
}

/* Every attachment of the case: included (a PDF or a scan) or left out, and why. */
static void case_attachments(struct comp *C, struct tbuild *tb)
{
	const struct compose_in *in = C->in;
	struct buf t = BUF_INIT, w = BUF_INIT;
	size_t i;

	for (i = 0; i < in->natts; i++) {
		const struct att *a = &in->atts[i];
		const struct section *sec = att_section(C, a);
		struct tcell *c;

		if (a->consent_scan)
			word_of(C, W_CL_SCAN, NULL, &w);
		else
			prep(C, a->kind_label, &w);
		buf_reset(&t);
		buf_addf(&t, "%s: %s", w.s, a->title);
		tb_row(tb, ROW_NORMAL);
		label_text(C, t.s, &w);
		tb_cell(tb, w.s);
		if (!a->shared)
			word_of(C, W_CL_NO_CONSENT, NULL, &w);
		else if (in->omit_attachments)
			prep(C, in->omit_attachments, &w);
		else
			word_of(C, a->is_pdf ? W_CL_INCLUDED : W_CL_INCLUDED_SCAN, NULL, &w);
		tb_cell(tb, w.s);
		c = tb_cell(tb, "");
		c->page_ref = a->shared && !in->omit_attachments && sec ? sec->anchor : 0;
		c->align = AL_RIGHT;
	}
	buf_release(&t);
	buf_release(&w);
}

/* The verdict in a box, then the errors and the warnings as numbered lists. */
static void verdict(struct comp *C)
{
	const struct compose_in *in = C->in;
	size_t nerr = findings_count(in->findings, SEV_ERROR), nwarn = findings_count(in->findings, SEV_WARNING);
	struct buf t = BUF_INIT;
	char num[24];
	const char *vars[] = { "n", num, NULL };
	size_t i, k;

	snprintf(num, sizeof(num), "%zu", nerr);
	word_of(C, !nerr ? W_CL_COMPLETE : nerr == 1 ? W_CL_INCOMPLETE_ONE : W_CL_INCOMPLETE_MANY, vars, &t);
	flow_box(&C->f, t.s, true);
	for (k = 0; k < 2; k++) {
		enum severity sev = k == 0 ? SEV_ERROR : SEV_WARNING;
		int n = 0;

		if (!(k == 0 ? nerr : nwarn))
			continue;
		word_of(C, k == 0 ? W_CL_ERRORS : W_CL_WARNINGS, NULL, &t);
		flow_heading(&C->f, t.s, 2);
		for (i = 0; i < in->findings->n; i++) {
			const struct finding *fd = &in->findings->v[i];
			struct span sp;

			if (fd->sev != sev)
				continue;
			prep(C, fd->message, &t);
			sp.text = t.s;
			sp.len = t.len;
			sp.font = FONT_REGULAR;
			flow_numbered(&C->f, ++n, &sp, 1);
		}
	}
	buf_release(&t);
}

/* Per table the route shares with: the consent record that covers it on the dossier's date. */
static void consents_per_table(struct comp *C)
{
	const struct compose_in *in = C->in;
	const struct form *cf = form_with_layout(C, LAYOUT_CONSENT);
	struct err e = ERR_INIT;
	const struct field *to = cf ? formset_field(in->fs, "toestemming.ontvangers", &e) : NULL;
	struct tbuild tb;
	struct buf t = BUF_INIT, day = BUF_INIT;
	const struct section *sec = section_of_form(C, cf);
	size_t i;

	err_release(&e);
	if (!in->route->nrecipients || !cf)
		return;
	word_of(C, W_CL_CONSENTS, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	tb_init(&tb, 3);
	tb_row(&tb, ROW_HEADER);
	word_of(C, W_CL_TABLE, NULL, &t);
	tb_cell(&tb, t.s);
	word_of(C, W_CL_CONSENT, NULL, &t);
	tb_cell(&tb, t.s);
	word_of(C, W_CL_PAGE, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	date_fmt_short(&day, in->tl->today);
	for (i = 0; i < in->route->nrecipients; i++) {
		const char *key = in->route->recipients[i];
		const struct choice *ch = to ? field_choice(to, key) : NULL;
		int k = rules_consent_for(in->c->root, key, in->tl->today), d;
		char nr[16];
		struct buf when = BUF_INIT;
		const char *vars[] = { "nr", nr, "datum", NULL, NULL };
		struct tcell *c;

		tb_row(&tb, ROW_NORMAL);
		prep(C, ch ? ch->label : key, &t);
		tb_cell(&tb, t.s);
		snprintf(nr, sizeof(nr), "%d", k);
		if (k && date_parse_iso(json_get_str(json_at(json_get(in->c->root, cf->id), (size_t)k - 1), "datum"), &d))
			date_fmt_short(&when, d);
		vars[3] = k ? when.s : day.s;
		word_of(C, k ? W_CL_CONSENT_REC : W_CL_CONSENT_NONE, vars, &t);
		tb_cell(&tb, t.s)->font = k ? FONT_REGULAR : FONT_BOLD;
		c = tb_cell(&tb, "");
		c->page_ref = k && sec ? sec->anchor : 0;
		c->align = AL_RIGHT;
		buf_release(&when);
	}
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
	buf_release(&day);
}

static void invitee(struct comp *C, struct tbuild *tb, const char *who, enum word as, const char *email)
{
	struct buf t = BUF_INIT;

	tb_row(tb, ROW_NORMAL);
	if (who && *who) {
		prep(C, who, &t);
	} else {
		word_of(C, W_INV_UNKNOWN, NULL, &t);
	}
	tb_cell(tb, t.s)->font = who && *who ? FONT_REGULAR : FONT_BOLD;
	word_of(C, as, NULL, &t);
	tb_cell(tb, t.s);
	prep(C, email ? email : "", &t);
	tb_cell(tb, t.s);
	buf_release(&t);
}

/* The staff names of the profile's [loket], one row each ("Angela de Konink, Renee Reints"). */
static void profile_people(struct comp *C, struct tbuild *tb, const char *key, enum word as)
{
	const char *v = profile_get(C->in->prof, "loket", key);
	char *list, *p, *q;

	if (!v || !*v)
		return;
	list = xstrdup(v);
	for (p = list; p; p = q) {
		q = strchr(p, ',');
		if (q)
			*q++ = '\0';
		while (*p == ' ')
			p++;
		if (*p)
			invitee(C, tb, p, as, NULL);
	}
	free(list);
}

/* Who the school invites in the platform for this route (memo 004). */
static void invitations(struct comp *C)
{
	const struct compose_in *in = C->in;
	const json *it, *people = casus_get(in->c, "casus.betrokkenen");
	struct tbuild tb;
	struct buf t = BUF_INIT;
	bool regisseur = false, loket = false, deciding = false;
	size_t i;

	for (i = 0; i < in->route->nrecipients; i++) {
		loket |= !strcmp(in->route->recipients[i], "loket") || !strcmp(in->route->recipients[i], "adviestafel");
		deciding |= !strcmp(in->route->recipients[i], "doorbraaktafel");
	}
	if (!loket && !deciding)
		return;
	word_of(C, W_INV_TITLE, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	if (profile_get(in->prof, "loket", "uitnodigen")) {
		word_of(C, W_INV_INTRO, NULL, &t);
		flow_text(&C->f, t.s);
	}
	{
		static const enum word hd[] = { W_INV_WHO, W_INV_AS, W_INV_EMAIL };

		header_row(C, &tb, hd, 3);
	}
	if (loket) {
		profile_people(C, &tb, "medewerkers", W_INV_STAFF);
		profile_people(C, &tb, "manager", W_INV_MANAGER);
		invitee(C, &tb, json_str(casus_get(in->c, "casus.school.adviseur")), W_INV_ADVISER,
			json_str(casus_get(in->c, "casus.school.adviseur_email")));
		for (it = json_first(people); it; it = json_next(it)) {
			const char *rol = json_get_str(it, "rol");

			if (rol && !strcmp(rol, "jeugdregisseur")) {
				invitee(C, &tb, json_get_str(it, "naam"), W_INV_REGISSEUR, json_get_str(it, "email"));
				regisseur = true;
			}
		}
		if (!regisseur)
			invitee(C, &tb, NULL, W_INV_REGISSEUR, NULL);
	}
	if (deciding) {
		bool any = false;

		for (it = json_first(casus_get(in->c, "casus.verloop.deelnemers_doorbraaktafel")); it; it = json_next(it)) {
			invitee(C, &tb, json_get_str(it, "naam"), W_INV_PARTICIPANT, json_get_str(it, "email"));
			any = true;
		}
		if (!any)
			invitee(C, &tb, NULL, W_INV_PARTICIPANT, NULL);
	}
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
}

/* The sharing log (sharelog.h): earlier dossiers, their tables and consents. */
static void sharing_log(struct comp *C)
{
	const json *log = casus_get(C->in->c, "logboek"), *it, *k;
	struct tbuild tb;
	struct buf t = BUF_INIT, x = BUF_INIT;

	if (!C->in->with_log || !json_len(log))
		return;
	word_of(C, W_LOG_TITLE, NULL, &t);
	flow_heading(&C->f, t.s, 2);
	word_of(C, W_LOG_INTRO, NULL, &t);
	flow_text(&C->f, t.s);
	{
		static const enum word hd[] = { W_LOG_WHEN, W_LOG_WHAT, W_LOG_TABLES };

		header_row(C, &tb, hd, 3);
	}
	for (it = json_first(log); it; it = json_next(it)) {
		tb_row(&tb, ROW_NORMAL);
		prep(C, json_get_str(it, "moment"), &t);
		tb_cell(&tb, t.s);
		buf_reset(&x);
		buf_addf(&x, "%s, %s", json_get_str(it, "opdracht") ? json_get_str(it, "opdracht") : "",
			 json_get_str(it, "route") ? json_get_str(it, "route") : "");
		if (json_bool(json_get(it, "anoniem"))) {
			struct buf a = BUF_INIT;

			word_of(C, W_LOG_ANONYMOUS, NULL, &a);
			buf_addf(&x, ", %s", a.s);
			buf_release(&a);
		}
		prep(C, x.s, &t);
		tb_cell(&tb, t.s);
		buf_reset(&x);
		for (k = json_first(json_get(it, "toestemmingen")); k; k = json_next(k))
			buf_addf(&x, "%s%s %d", x.len ? ", " : "", json_get_str(k, "tafel") ? json_get_str(k, "tafel") : "?",
				 (int)json_num(json_get(k, "toestemming")));
		prep(C, x.s, &t);
		tb_cell(&tb, t.s);
	}
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
	buf_release(&x);
}

void print_checklist(struct comp *C, const struct section *s)
{
	struct tbuild tb;
	struct buf t = BUF_INIT;

	section_title(C, s, NULL);
	word_of(C, W_CHECKLIST_INTRO, NULL, &t);
	if (t.len)
		flow_text(&C->f, t.s);
	tb_init(&tb, 3);
	tb_row(&tb, ROW_HEADER);
	word_of(C, W_CL_PART, NULL, &t);
	tb_cell(&tb, t.s);
	word_of(C, W_CL_STATUS, NULL, &t);
	tb_cell(&tb, t.s);
	word_of(C, W_CL_PAGE, NULL, &t);
	tb_cell(&tb, t.s)->align = AL_RIGHT;
	group_row(C, &tb, W_CL_GROUP_ROUTE);
	route_documents(C, &tb);
	required_attachments(C, &tb);
	if (C->in->natts)
		group_row(C, &tb, W_CL_GROUP_ATTS);
	case_attachments(C, &tb);
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	consents_per_table(C);
	invitations(C);
	sharing_log(C);
	verdict(C);
	buf_release(&t);
}

/* The events with date, week and (with_phase) phase; "today" in bold where it falls. */
void print_timeline_table(struct comp *C, bool with_phase)
{
	static const double w4[] = { 0.18, 0.08, 0.5, 0.24 }, w3[] = { 0.2, 0.1, 0.7 };
	const struct timeline *tl = C->in->tl;
	static const enum word hd[] = { W_TL_DATE, W_TL_WEEK, W_TL_EVENT, W_TL_PHASE };
	size_t ncols = with_phase ? 4 : 3, i, k;
	bool today_done = false;
	struct tbuild tb;
	struct buf t = BUF_INIT;

	tb_init(&tb, ncols);
	tb.colw = with_phase ? w4 : w3;
	tb_row(&tb, ROW_HEADER);
	for (k = 0; k < ncols; k++) {
		word_of(C, hd[k], NULL, &t);
		tb_cell(&tb, t.s);
	}
	for (i = 0; i <= tl->n; i++) {
		const struct tl_event *ev = i < tl->n ? &tl->v[i] : NULL;
		bool is_today = !today_done && (!ev || ev->day > tl->today);
		int day = is_today ? tl->today : ev ? ev->day : 0, week = is_today ? tl->today_week : ev ? ev->week : 0;
		const struct tl_phase *ph = ruleset_phase(C->in->rs, week);
		int font = is_today ? FONT_BOLD : FONT_REGULAR;

		if (!is_today && !ev)
			break;
		tb_row(&tb, ROW_NORMAL);
		buf_reset(&t);
		date_fmt_short(&t, day);
		tb_cell(&tb, t.s)->font = font;
		buf_reset(&t);
		buf_addf(&t, "%d", week);
		tb_cell(&tb, t.s)->font = font;
		tb.rows[tb.n - 1].cells[1].align = AL_RIGHT;
		if (is_today) {
			word_of(C, W_TL_TODAY, NULL, &t);
			today_done = true;
			i--; /* the event still has to come */
		} else {
			struct buf lab = BUF_INIT, pl = BUF_INIT;

			buf_adds(&lab, ev->label);
			if (ev->future) {
				word_of(C, W_TL_PLANNED, NULL, &pl);
				buf_addf(&lab, " %s", pl.s);
			}
			prep(C, lab.s, &t);
			buf_release(&lab);
			buf_release(&pl);
		}
		tb_cell(&tb, t.s)->font = font;
		if (with_phase) {
			prep(C, ph ? ph->name : "", &t);
			tb_cell(&tb, t.s);
		}
	}
	tb_flow(&C->f, &tb);
	tb_release(&tb);
	buf_release(&t);
}

void print_timeline(struct comp *C, const struct section *s)
{
	struct buf t = BUF_INIT;
	size_t i;

	section_title(C, s, NULL);
	word_of(C, W_TIMELINE_INTRO, NULL, &t);
	if (t.len)
		flow_text(&C->f, t.s);
	if (!C->in->tl->has_start) {
		word_of(C, W_TL_NO_START, NULL, &t);
		flow_note(&C->f, t.s);
	} else {
		print_timeline_table(C, true);
	}
	for (i = 0; i < C->in->rs->nphases; i++) {
		const struct tl_phase *ph = &C->in->rs->phases[i];
		char from[16], to[16];
		const char *vars[] = { "fase", ph->name, "van", from, "tot", to, "omschrijving", ph->desc ? ph->desc : "", NULL };

		snprintf(from, sizeof(from), "%d", ph->from);
		snprintf(to, sizeof(to), "%d", ph->to);
		word_of(C, ph->to >= 1000 ? W_TL_PHASE_FROM : W_TL_PHASE_RANGE, vars, &t);
		flow_note(&C->f, t.s);
	}
	for (i = 0; i < C->in->findings->n; i++) {
		const struct finding *fd = &C->in->findings->v[i];

		if (strcmp(fd->document, "tijdlijn"))
			continue;
		prep(C, fd->message, &t);
		flow_box(&C->f, t.s, false);
	}
	buf_release(&t);
}
