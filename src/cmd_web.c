/*
 * cmd_web.c - `dossier web [MAP]`: the guided form in the browser, served
 * from this computer only.
 *
 * A small server (httpd.h) on 127.0.0.1 shows the cases in MAP and each
 * case's forms as pages generated from the form definitions (webform.h).
 * A field is saved when it changes, through the same parse-and-check code
 * as `dossier zet` (edit.h), atomically, after checking that nobody
 * changed it meanwhile (the value the page showed is sent along).
 *
 * Security, for special-category data on shared computers:
 *   - loopback only (httpd.c binds 127.0.0.1);
 *   - a random key in the printed address, exchanged once per browser for
 *     an HttpOnly, SameSite=Strict session cookie; no cookie, no page;
 *   - the Host header must name this server (against DNS rebinding);
 *   - every change is a POST with the CSRF token and, when the browser
 *     sends one, our own Origin; no CORS headers are ever sent;
 *   - a Content-Security-Policy without inline script, no-store on every
 *     answer, no referrer, no framing;
 *   - case names are plain file names in MAP, never paths; attachments
 *     arrive by upload only, capped in size, checked before they are kept;
 *   - the server stops after a time without requests and on "Afsluiten",
 *     and prints nothing but its address.
 */
#include "app.h"
#include "buf.h"
#include "casus.h"
#include "cmd.h"
#include "date.h"
#include "edit.h"
#include "field.h"
#include "fileio.h"
#include "finding.h"
#include "form.h"
#include "httpd.h"
#include "json.h"
#include "make.h"
#include "mem.h"
#include "opt.h"
#include "rules.h"
#include "tmpl.h"
#include "webform.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

extern char **environ;

static const char usage[] =
	"Gebruik: dossier web [MAP] [--poort POORT] [--stop-na MINUTEN] [--geen-browser]\n"
	"\n"
	"Opent het invullen van de casussen in MAP (standaard: de huidige map) in de\n"
	"browser. De server draait alleen op deze computer (127.0.0.1); niets gaat\n"
	"het netwerk op. Het adres met de geheime sleutel staat hieronder zodra de\n"
	"server draait; open het in de browser als die niet vanzelf opengaat.\n"
	"\n"
	"De server stopt met de knop 'Afsluiten', met Ctrl-C, of vanzelf na een\n"
	"tijd zonder gebruik (standaard 30 minuten).\n";

#define WEB_MAX_BODY (24u << 20)     /* the largest upload: 24 MB */
#define WEB_MAX_FORM (1u << 20)      /* any other request body */
#define TOKEN_BYTES 24
#define COOKIE_NAME "dossier_sessie"

struct web {
	struct app *app;
	char *dir;            /* MAP, resolved */
	char key[2 * TOKEN_BYTES + 1];      /* in the printed address */
	char session[2 * TOKEN_BYTES + 1];  /* the cookie */
	char csrf[2 * TOKEN_BYTES + 1];     /* on every change */
	int port;
	char host_ip[32], host_name[32];    /* accepted Host headers */
	char origin_ip[48], origin_name[48];
	struct buf page, css, js;           /* templates/web/ */
	time_t last;
	bool quit;
};

/* ---- small helpers --------------------------------------------------------- */

static int random_token(char *out)
{
	unsigned char r[TOKEN_BYTES];
	size_t i, got = 0;

	while (got < sizeof(r)) {
		ssize_t n = getrandom(r + got, sizeof(r) - got, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	for (i = 0; i < sizeof(r); i++) {
		out[2 * i] = "0123456789abcdef"[r[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[r[i] & 15];
	}
	out[2 * sizeof(r)] = 0;
	return 0;
}

/* Compare a secret without leaking where it differs. */
static bool same_secret(const char *a, const char *b)
{
	size_t la = a ? strlen(a) : 0, lb = strlen(b), i;
	unsigned d = la != lb;

	for (i = 0; i < lb; i++)
		d |= (unsigned)(unsigned char)b[i] ^ (unsigned)(unsigned char)(i < la ? a[i] : 0);
	return a && !d;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The next field `name` of an application/x-www-form-urlencoded body from
 * *pos on (a check box group sends one per ticked box), decoded; caller
 * frees; NULL when there is none more.
 */
static char *form_value_next(const char **pos, const char *name)
{
	size_t nl = strlen(name);
	const char *p = *pos;

	while (p && *p) {
		const char *end = strchr(p, '&');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len > nl && !strncmp(p, name, nl) && p[nl] == '=') {
			struct buf v = BUF_INIT;
			size_t i;

			for (i = nl + 1; i < len; i++) {
				if (p[i] == '+') {
					buf_addch(&v, ' ');
				} else if (p[i] == '%' && i + 2 < len + 1 && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
					int c = hexval(p[i + 1]) * 16 + hexval(p[i + 2]);

					if (c)
						buf_addch(&v, c);
					i += 2;
				} else {
					buf_addch(&v, p[i]);
				}
			}
			*pos = end ? end + 1 : p + len;
			return buf_detach(&v, NULL);
		}
		p = end ? end + 1 : NULL;
	}
	*pos = NULL;
	return NULL;
}

/* The first field `name`; caller frees; NULL if absent. */
static char *form_value(const char *body, const char *name)
{
	const char *pos = body;

	return form_value_next(&pos, name);
}

/* The value of cookie `name` in a Cookie header, copied into out. */
static bool cookie_value(const char *header, const char *name, struct buf *out)
{
	size_t nl = strlen(name);
	const char *p = header;

	while (p && *p) {
		while (*p == ' ' || *p == ';')
			p++;
		if (!strncmp(p, name, nl) && p[nl] == '=') {
			p += nl + 1;
			buf_add(out, p, strcspn(p, ";"));
			buf_trim(out);
			return true;
		}
		p = strchr(p, ';');
	}
	return false;
}

/* A case file name as it may appear in a URL: a plain name ending in .json. */
static bool valid_case_name(const char *s, size_t len)
{
	size_t i;

	if (len < 6 || len > 120 || s[0] == '.' || s[0] == '-' || strncmp(s + len - 5, ".json", 5))
		return false;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return false;
	return true;
}

/* The full path of a case in MAP when it exists as a regular file (no symlink); caller frees. */
static char *case_path(const struct web *W, const char *name)
{
	struct stat st;
	char *p;

	if (!valid_case_name(name, strlen(name)))
		return NULL;
	p = path_join(W->dir, name);
	if (lstat(p, &st) || !S_ISREG(st.st_mode)) {
		free(p);
		return NULL;
	}
	return p;
}

static const char *status_text(int status)
{
	static const struct { int code; const char *text; } texts[] = {
		{ 400, "Dit verzoek klopt niet." },
		{ 403, "Geen toegang. Open het adres dat 'dossier web' in het terminalvenster toonde opnieuw." },
		{ 404, "Deze pagina of casus bestaat niet." },
		{ 405, "Dit kan op deze manier niet." },
		{ 409, "Dit is intussen elders gewijzigd." },
		{ 413, "Het bestand is te groot." },
		{ 415, "Dit soort bestand kan niet in een dossier." },
		{ 421, "Dit adres hoort niet bij deze server." },
		{ 422, "Deze invoer kan niet worden opgeslagen." },
		{ 500, "Er ging iets mis in de server." },
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i].code == status)
			return texts[i].text;
	return "Er ging iets mis.";
}

struct page_vars {
	const char *title, *header, *sidebar, *main, *findings, *casus, *csrf;
};

static const char *page_lookup(void *ctx, const char *name, size_t len)
{
	const struct page_vars *v = ctx;
	static const struct { const char *name; size_t off; } vars[] = {
		{ "titel", offsetof(struct page_vars, title) },
		{ "kop", offsetof(struct page_vars, header) },
		{ "zijbalk", offsetof(struct page_vars, sidebar) },
		{ "inhoud", offsetof(struct page_vars, main) },
		{ "bevindingen", offsetof(struct page_vars, findings) },
		{ "casus", offsetof(struct page_vars, casus) },
		{ "csrf", offsetof(struct page_vars, csrf) },
	};
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (strlen(vars[i].name) == len && !strncmp(vars[i].name, name, len))
			return *(const char *const *)((const char *)v + vars[i].off);
	return NULL;
}

/* A whole page from templates/web/pagina.html; title and casus are escaped here. */
static void page(struct web *W, struct http_response *rs, int status, const char *title, const char *casus,
		 const char *sidebar, const char *main, const char *findings)
{
	struct buf t = BUF_INIT, c = BUF_INIT, h = BUF_INIT;
	struct page_vars v;

	html_escape(&t, title);
	html_escape(&c, casus ? casus : "");
	buf_adds(&h, "<form method=\"post\" action=\"/afsluiten\" class=\"afsluiten\"><input type=\"hidden\" name=\"csrf\" value=\"");
	buf_adds(&h, W->csrf);
	buf_adds(&h, "\"><button type=\"submit\">Afsluiten</button></form>");
	v.title = t.s;
	v.header = h.s;
	v.sidebar = sidebar ? sidebar : "";
	v.main = main;
	v.findings = findings ? findings : "";
	v.casus = c.s;
	v.csrf = W->csrf;
	tmpl_expand(&rs->body, W->page.s, page_lookup, &v, NULL);
	rs->status = status;
	rs->type = "text/html; charset=utf-8";
	buf_release(&t);
	buf_release(&c);
	buf_release(&h);
}

/* A page with a heading and a text: a message (<p>) or a program's output (<pre>). */
static void text_page(struct web *W, struct http_response *rs, int status, const char *title, const char *text,
		      bool output)
{
	struct buf m = BUF_INIT;

	buf_adds(&m, "<h1>");
	html_escape(&m, title);
	buf_adds(&m, output ? "</h1>\n<pre class=\"uitvoer\">" : "</h1>\n<p class=\"bericht\">");
	html_escape(&m, text);
	buf_adds(&m, output ? "</pre>" : "</p>");
	buf_adds(&m, "\n<p><a href=\"/\">Naar de casussen</a></p>\n");
	page(W, rs, status, title, NULL, NULL, m.s, NULL);
	buf_release(&m);
}

static void message_page(struct web *W, struct http_response *rs, int status, const char *title, const char *text)
{
	text_page(W, rs, status, title, text, false);
}

static void refuse(struct web *W, struct http_response *rs, int status)
{
	message_page(W, rs, status, status == 403 ? "Geen toegang" : "Niet gelukt", status_text(status));
}

static void json_answer(struct http_response *rs, int status, json *doc)
{
	json_print_compact(doc, &rs->body);
	json_free(doc);
	rs->status = status;
	rs->type = "application/json; charset=utf-8";
}

static void json_error(struct http_response *rs, int status, const char *msg)
{
	json *d = json_new_object();

	json_set(d, "fout", json_new_string(msg ? msg : status_text(status)));
	json_answer(rs, status, d);
}

static void redirect(struct http_response *rs, const char *to)
{
	rs->status = 303;
	http_response_header(rs, "Location", to);
}

static void clear_err(struct app *app)
{
	err_release(&app->err);
	memset(&app->err, 0, sizeof(app->err));
}

/* ---- a loaded case ----------------------------------------------------------- */

struct opened {
	struct casus c;
	char *path;
	const struct route *route;
	struct findings fs;
	struct webcase w;
};

static void opened_init(struct opened *o)
{
	static const struct casus empty = CASUS_INIT;

	memset(o, 0, sizeof(*o));
	o->c = empty;
}

static void opened_release(struct opened *o)
{
	findings_release(&o->fs);
	casus_release(&o->c);
	free(o->path);
}

static void opened_check(struct web *W, struct opened *o)
{
	struct check_input in = { &W->app->rules, &W->app->forms, &o->c, o->route->id, casus_region(&o->c),
				  date_today(), o->w.name };
	const char *order[64];
	size_t n = 0, i;

	findings_release(&o->fs);
	memset(&o->fs, 0, sizeof(o->fs));
	rules_check(&in, &o->fs);
	order[n++] = "dossier";
	order[n++] = "casus";
	for (i = 0; i < W->app->forms.n && n < 60; i++)
		order[n++] = W->app->forms.forms[i].id;
	order[n++] = "bijlagen";
	order[n++] = "tijdlijn";
	findings_sort(&o->fs, order, n);
}

/*
 * Load case `name` of MAP with its forms and findings; for a change, with
 * the case's write lock held until opened_release() (casus.h: one writer
 * per case, the same lock as zet and invullen). 404/422 on failure
 * (message in app->err).
 */
static int opened_load_as(struct web *W, const char *name, struct opened *o, bool lock)
{
	int r;

	opened_init(o);
	o->path = case_path(W, name);
	if (!o->path)
		return 404;
	r = lock ? casus_load_locked(&o->c, o->path, &W->app->err) : casus_load(&o->c, o->path, &W->app->err);
	if (r || app_setup_case(W->app, &o->c) ||
	    !(o->route = app_route(W->app, &o->c, NULL)))
		return 422;
	o->w.app = W->app;
	o->w.c = &o->c;
	o->w.name = name;
	o->w.route = o->route;
	o->w.fs = &o->fs;
	if (!lock)   /* a change checks once, after it is made (case_state) */
		opened_check(W, o);
	return 0;
}

static int opened_load(struct web *W, const char *name, struct opened *o)
{
	return opened_load_as(W, name, o, false);
}

static int opened_load_locked(struct web *W, const char *name, struct opened *o)
{
	return opened_load_as(W, name, o, true);
}

/* The side bar and findings of a case after a change, plus the visibility of form `form`. */
static json *case_state(struct web *W, struct opened *o, const char *form)
{
	json *d = json_new_object();
	struct buf b = BUF_INIT;
	const struct form *f = formset_get(&W->app->forms, form);

	opened_check(W, o);
	webform_sidebar(&o->w, form, &b);
	json_set(d, "zijbalk", json_new_string(b.s));
	buf_reset(&b);
	webform_findings(&o->w, &b);
	json_set(d, "bevindingen", json_new_string(b.s));
	if (f)
		json_set(d, "zichtbaar", webform_visibility(&o->w, f));
	buf_release(&b);
	return d;
}

/* "mdo[2].datum" -> "mdo" */
static char *form_of_path(const char *path)
{
	return xstrndup(path, strcspn(path, ".["));
}

/* ---- pages ----------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void attr_value(struct buf *out, const char *v)
{
	buf_adds(out, " value=\"");
	html_escape(out, v);
	buf_addch(out, '"');
}

/* The meeting file's keys that the start page asks for (cmd_agenda.c reads them). */
static const struct { const char *key, *label, *hint; } meeting_fields[] = {
	{ "titel", "Titel", "bijvoorbeeld 'Agenda Adviestafel'; leeg: de standaardtitel" },
	{ "datum", "Datum", "dd-mm-jjjj" },
	{ "begin", "Begintijd", "uu.mm" },
	{ "duur", "Minuten per casus", "bijvoorbeeld 30" },
	{ "plaats", "Plaats", NULL },
	{ "voorzitter", "Voorzitter", NULL },
};

static void start_page(struct web *W, struct http_response *rs, const char *note)
{
	struct buf m = BUF_INIT;
	char **names = NULL, **regions;
	size_t n = 0, cap = 0, i, nreg = 0;
	DIR *d = opendir(W->dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		if (!valid_case_name(de->d_name, strlen(de->d_name)))
			continue;
		names = xgrowarray(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	buf_adds(&m, "<h1>Casussen</h1>\n");
	if (note) {
		buf_adds(&m, "<p class=\"bericht\" role=\"status\">");
		html_escape(&m, note);
		buf_adds(&m, "</p>\n");
	}
	buf_adds(&m, "<table class=\"casussen\">\n<caption>De casussen in deze map</caption>\n<thead><tr><th scope=\"col\">Kenmerk</th>"
		     "<th scope=\"col\">Route</th><th scope=\"col\">Volledig?</th><th scope=\"col\">Laatst gewijzigd</th>"
		     "<th scope=\"col\">Bestand</th><th scope=\"col\">Op de agenda</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		struct opened o;
		int r = opened_load(W, names[i], &o);

		if (r == 404 || (!o.c.root && r)) {
			clear_err(W->app);
			opened_release(&o);
			continue;
		}
		buf_adds(&m, "<tr><td>");
		if (!r) {
			size_t nerr = findings_count(&o.fs, SEV_ERROR);
			const json *meta = json_get(o.c.root, "dossier");

			buf_adds(&m, "<a href=\"/casus/");
			html_escape(&m, names[i]);
			buf_adds(&m, "/casus\">");
			html_escape(&m, casus_ref(&o.c) ? casus_ref(&o.c) : names[i]);
			buf_adds(&m, "</a></td><td>");
			html_escape(&m, o.route->name);
			buf_addf(&m, "</td><td>%s", nerr ? "nee" : "ja");
			if (nerr)
				buf_addf(&m, " (%zu fout%s)", nerr, nerr == 1 ? "" : "en");
			buf_adds(&m, "</td><td>");
			html_escape(&m, json_get_str(meta, "gewijzigd"));
		} else {
			html_escape(&m, names[i]);
			buf_adds(&m, "</td><td colspan=\"3\">kan niet worden geopend: ");
			html_escape(&m, W->app->err.msg.s);
			clear_err(W->app);
		}
		buf_adds(&m, "</td><td>");
		html_escape(&m, names[i]);
		buf_addf(&m, "</td><td><input type=\"checkbox\" form=\"agenda\" name=\"c\" id=\"c-%zu\"", i);
		attr_value(&m, names[i]);
		buf_addf(&m, "><label for=\"c-%zu\" class=\"sr\">", i);
		html_escape(&m, names[i]);
		buf_adds(&m, " op de agenda</label></td></tr>\n");
		opened_release(&o);
	}
	buf_adds(&m, "</tbody>\n</table>\n");
	if (!n)
		buf_adds(&m, "<p>Er staan nog geen casussen in deze map.</p>\n");

	buf_adds(&m, "<h2 id=\"nieuw-kop\">Nieuwe casus</h2>\n<form method=\"post\" action=\"/nieuw\" class=\"blok\" aria-labelledby=\"nieuw-kop\">\n");
	buf_addf(&m, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", W->csrf);
	buf_adds(&m, "<div class=\"veld\"><label for=\"n-bestand\">Bestandsnaam</label><span class=\"hint\" id=\"n-bestand-t\">"
		     "bijvoorbeeld casus-2026-03.json; niet de naam van het kind</span>"
		     "<input type=\"text\" id=\"n-bestand\" name=\"bestand\" required aria-describedby=\"n-bestand-t\"></div>\n");
	buf_adds(&m, "<div class=\"veld\"><label for=\"n-kenmerk\">Kenmerk</label><span class=\"hint\" id=\"n-kenmerk-t\">"
		     "leeg laten: dossier kiest er een</span>"
		     "<input type=\"text\" id=\"n-kenmerk\" name=\"kenmerk\" autocomplete=\"off\" aria-describedby=\"n-kenmerk-t\"></div>\n");
	buf_adds(&m, "<div class=\"veld\"><label for=\"n-regio\">Regio</label><select id=\"n-regio\" name=\"regio\">\n");
	regions = profile_list(W->app->datadir, &nreg);
	for (i = 0; i < nreg; i++) {
		buf_adds(&m, "<option value=\"");
		html_escape(&m, regions[i]);
		buf_addf(&m, "\"%s>", W->app->prof.id && !strcmp(W->app->prof.id, regions[i]) ? " selected" : "");
		html_escape(&m, regions[i]);
		buf_adds(&m, "</option>\n");
		free(regions[i]);
	}
	free(regions);
	buf_adds(&m, "</select></div>\n<div class=\"veld\"><label for=\"n-route\">Route</label><select id=\"n-route\" name=\"route\">\n");
	for (i = 0; W->app->ready && i < W->app->rules.nroutes; i++) {
		buf_adds(&m, "<option value=\"");
		html_escape(&m, W->app->rules.routes[i].id);
		buf_adds(&m, "\">");
		html_escape(&m, W->app->rules.routes[i].name);
		buf_adds(&m, "</option>\n");
	}
	buf_adds(&m, "</select></div>\n<button type=\"submit\">Casus aanmaken</button>\n</form>\n");

	if (n) {
		buf_adds(&m, "<h2 id=\"agenda-kop\">Vergadering</h2>\n<form method=\"post\" action=\"/agenda\" id=\"agenda\" target=\"_blank\" class=\"blok\" aria-labelledby=\"agenda-kop\">\n");
		buf_addf(&m, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", W->csrf);
		buf_adds(&m, "<p>Eén PDF met de agenda en de dossiers van de casussen die hierboven zijn aangevinkt.</p>\n");
		for (i = 0; i < sizeof(meeting_fields) / sizeof(meeting_fields[0]); i++) {
			buf_addf(&m, "<div class=\"veld\"><label for=\"a-%s\">%s</label>", meeting_fields[i].key, meeting_fields[i].label);
			if (meeting_fields[i].hint)
				buf_addf(&m, "<span class=\"hint\" id=\"a-%s-t\">%s</span>", meeting_fields[i].key, meeting_fields[i].hint);
			buf_addf(&m, "<input type=\"text\" id=\"a-%s\" name=\"%s\" autocomplete=\"off\"", meeting_fields[i].key,
				 meeting_fields[i].key);
			if (meeting_fields[i].hint)
				buf_addf(&m, " aria-describedby=\"a-%s-t\"", meeting_fields[i].key);
			buf_adds(&m, "></div>\n");
		}
		buf_adds(&m, "<div class=\"veld\"><label class=\"optie\"><input type=\"checkbox\" name=\"anoniem\" value=\"ja\"> geanonimiseerde kopieën</label> "
			     "<label class=\"optie\"><input type=\"checkbox\" name=\"concept\" value=\"ja\"> ook onvolledige dossiers (concept)</label></div>\n"
			     "<button type=\"submit\">Agenda en dossiers als PDF</button>\n</form>\n");
		buf_adds(&m, "<h2 id=\"weg-kop\">Casus verwijderen</h2>\n<form method=\"post\" action=\"/verwijder\" class=\"blok\" aria-labelledby=\"weg-kop\">\n");
		buf_addf(&m, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", W->csrf);
		buf_adds(&m, "<p>Als de bewaartermijn voorbij is. Dit kan niet ongedaan worden gemaakt.</p>\n"
			     "<div class=\"veld\"><label for=\"w-bestand\">Casus</label><select id=\"w-bestand\" name=\"bestand\">\n");
		for (i = 0; i < n; i++) {
			buf_adds(&m, "<option>");
			html_escape(&m, names[i]);
			buf_adds(&m, "</option>\n");
		}
		buf_adds(&m, "</select></div>\n<div class=\"veld\"><label for=\"w-kenmerk\">Typ ter bevestiging het kenmerk van de casus</label>"
			     "<input type=\"text\" id=\"w-kenmerk\" name=\"kenmerk\" autocomplete=\"off\" required></div>\n"
			     "<div class=\"veld\"><label class=\"optie\"><input type=\"checkbox\" name=\"met_bijlagen\" value=\"ja\"> ook de bijlagen verwijderen</label></div>\n"
			     "<button type=\"submit\" class=\"gevaar\">Verwijderen</button>\n</form>\n");
	}
	page(W, rs, 200, "Casussen", NULL, NULL, m.s, NULL);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_release(&m);
}

static void case_page(struct web *W, struct http_response *rs, const char *name, const char *form_id)
{
	struct opened o;
	const struct form *f;
	struct buf side = BUF_INIT, main = BUF_INIT, fnd = BUF_INIT, title = BUF_INIT;
	int r = opened_load(W, name, &o);

	if (r) {
		if (r == 404)
			refuse(W, rs, 404);
		else
			message_page(W, rs, r, "Casus kan niet worden geopend", W->app->err.msg.s);
		goto out;
	}
	f = formset_get(&W->app->forms, form_id);
	if (!f || !webform_shown(&o.w, f)) {
		refuse(W, rs, 404);
		goto out;
	}
	webform_sidebar(&o.w, f->id, &side);
	buf_adds(&side, "<h2>Afdrukken</h2>\n<ul class=\"pdf\">\n");
	buf_addf(&side, "<li><a href=\"/casus/%s/pdf\" target=\"_blank\">Maak PDF</a></li>\n", name);
	buf_addf(&side, "<li><a href=\"/casus/%s/pdf?soort=concept\" target=\"_blank\">Concept-PDF</a></li>\n", name);
	buf_addf(&side, "<li><a href=\"/casus/%s/pdf?soort=anoniem\" target=\"_blank\">Geanonimiseerde kopie</a></li>\n", name);
	buf_adds(&side, "</ul>\n<p><a href=\"/\">Alle casussen</a></p>\n");
	webform_form(&o.w, f, &main);
	webform_findings(&o.w, &fnd);
	buf_addf(&title, "%s – %s", f->title, casus_ref(&o.c) ? casus_ref(&o.c) : name);
	page(W, rs, 200, title.s, name, side.s, main.s, fnd.s);
out:
	clear_err(W->app);
	opened_release(&o);
	buf_release(&side);
	buf_release(&main);
	buf_release(&fnd);
	buf_release(&title);
}

static void pdf_page(struct web *W, const struct http_request *rq, struct http_response *rs, const char *name)
{
	const char *kind = httpd_query(rq, "soort");
	struct make_opts mo;
	struct make_result res;
	char *path = case_path(W, name);

	memset(&mo, 0, sizeof(mo));
	memset(&res, 0, sizeof(res));
	if (!path) {
		refuse(W, rs, 404);
		return;
	}
	mo.concept = kind && !strcmp(kind, "concept");
	mo.anonymous = kind && !strcmp(kind, "anoniem");
	if (mo.anonymous)
		mo.concept = true;
	mo.casus_arg = name;
	if (make_dossier(W->app, path, &mo, &rs->body, &res)) {
		buf_reset(&rs->body);
		message_page(W, rs, 422, "Geen PDF gemaakt",
			     W->app->err.code == EXIT_INVALID ?
			     "Het dossier is nog niet volledig. Vul eerst aan wat de controle noemt, of maak een concept-PDF." :
			     W->app->err.msg.s);
	} else {
		rs->status = 200;
		rs->type = "application/pdf";
		http_response_header(rs, "Content-Disposition", "inline");
	}
	clear_err(W->app);
	make_result_release(&res);
	free(path);
}

/* ---- changes ------------------------------------------------------------------------- */

/* Set one field from typed text, unless it changed since the page showed `old`. */
static void api_set(struct web *W, const struct http_request *rq, struct http_response *rs, const char *name)
{
	json *req = NULL, *d;
	struct opened o;
	const char *path, *text, *old;
	const struct field *f;
	struct err e = ERR_INIT;
	char *now = NULL, *form = NULL;
	int r;

	opened_init(&o);
	if (json_parse(rq->body, rq->len, "verzoek", &req, &e) || !json_is_object(req) ||
	    !(path = json_get_str(req, "pad")) || !(text = json_get_str(req, "waarde"))) {
		json_error(rs, 400, NULL);
		goto out;
	}
	old = json_get_str(req, "oud");
	if ((r = opened_load_locked(W, name, &o))) {
		json_error(rs, r, r == 404 ? NULL : W->app->err.msg.s);
		goto out;
	}
	if (!strncmp(path, "dossier", 7) || !(f = formset_field(&W->app->forms, path, &e)) || field_is_container(f)) {
		json_error(rs, 400, "Dit veld bestaat niet op deze pagina.");
		goto out;
	}
	if (f->type->kind == FT_BESTAND && *text) {
		json_error(rs, 403, "Een bestand voegt u toe met de knop 'Bestand kiezen' of door het hierheen te slepen.");
		goto out;
	}
	now = edit_format(W->app, &o.c, path);
	if (old && strcmp(old, now)) {
		d = json_new_object();
		json_set(d, "fout", json_new_string("Dit veld is intussen elders gewijzigd (in een ander tabblad of in de terminal). "
						    "De nieuwe waarde staat nu in het veld; uw invoer is niet opgeslagen."));
		json_set(d, "waarde", json_new_string(now));
		json_set(d, "conflict", json_new_bool(true));
		json_answer(rs, 409, d);
		goto out;
	}
	if (edit_set_text(W->app, &o.c, path, text, &e)) {
		json_error(rs, e.code == EXIT_INVALID ? 422 : 400, e.msg.s);
		goto out;
	}
	if (casus_save(&o.c, &e)) {
		json_error(rs, 500, e.msg.s);
		goto out;
	}
	free(now);
	now = edit_format(W->app, &o.c, path);
	form = form_of_path(path);
	d = case_state(W, &o, form);
	json_set(d, "waarde", json_new_string(now));
	json_answer(rs, 200, d);
out:
	clear_err(W->app);
	err_release(&e);
	json_free(req);
	opened_release(&o);
	free(now);
	free(form);
}

/* Add, remove or move a row of a list (or a record of a repeated form). */
static void api_list(struct web *W, const struct http_request *rq, struct http_response *rs, const char *name)
{
	json *req = NULL, *list, *d;
	struct opened o;
	const char *path, *op;
	const struct field *f;
	struct err e = ERR_INIT;
	struct buf item = BUF_INIT;
	size_t n, idx;
	int r;

	opened_init(&o);
	if (json_parse(rq->body, rq->len, "verzoek", &req, &e) || !json_is_object(req) ||
	    !(path = json_get_str(req, "pad")) || !(op = json_get_str(req, "op")) ||
	    !json_is_number(json_get(req, "index")) || json_num(json_get(req, "index")) < 1 ||
	    !json_is_number(json_get(req, "aantal"))) {
		json_error(rs, 400, NULL);
		goto out;
	}
	if ((r = opened_load_locked(W, name, &o))) {
		json_error(rs, r, r == 404 ? NULL : W->app->err.msg.s);
		goto out;
	}
	if (!strncmp(path, "dossier", 7) || !(f = formset_field(&W->app->forms, path, &e)) || f->type->kind != FT_LIJST) {
		json_error(rs, 400, "Deze lijst bestaat niet.");
		goto out;
	}
	list = casus_get(&o.c, path);
	n = json_is_array(list) ? json_len(list) : 0;
	idx = (size_t)json_num(json_get(req, "index"));
	if ((size_t)json_num(json_get(req, "aantal")) != n) {
		json_error(rs, 409, "Deze lijst is intussen elders gewijzigd. Laad de pagina opnieuw; er is niets veranderd.");
		goto out;
	}
	if (!strcmp(op, "toevoegen") && n < FIELD_MAX_ITEMS) {
		buf_addf(&item, "%s[%zu]", path, n + 1);
		r = casus_set(&o.c, item.s, json_new_object(), &e);
	} else if (!strcmp(op, "overnemen") && !n && webform_previous_list(path, &item) &&
		   json_is_array(casus_get(&o.c, item.s))) {
		/* the rows of the same list in the previous record (an MDO's attendees) */
		r = casus_set(&o.c, path, json_dup(casus_get(&o.c, item.s)), &e);
	} else if (!strcmp(op, "verwijderen") && idx <= n) {
		buf_addf(&item, "%s[%zu]", path, idx);
		r = casus_set(&o.c, item.s, NULL, &e);
	} else if (!strcmp(op, "omhoog") && idx >= 2 && idx <= n) {
		json_swap(list, idx - 2, idx - 1);
		r = 0;
	} else if (!strcmp(op, "omlaag") && idx < n) {
		json_swap(list, idx - 1, idx);
		r = 0;
	} else {
		json_error(rs, 400, NULL);
		goto out;
	}
	if (r || casus_save(&o.c, &e)) {
		json_error(rs, 500, e.msg.s);
		goto out;
	}
	d = json_new_object();
	json_set(d, "ok", json_new_bool(true));
	json_answer(rs, 200, d);
out:
	clear_err(W->app);
	err_release(&e);
	json_free(req);
	buf_release(&item);
	opened_release(&o);
}

/* A file name safe to keep: the base name, with anything odd replaced by '-'. */
static void safe_file_name(const char *given, struct buf *out)
{
	const char *base = given ? strrchr(given, '/') : NULL;
	size_t i;

	base = base ? base + 1 : (given ? given : "");
	for (i = 0; base[i] && out->len < 80; i++) {
		char ch = base[i];

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
		    ch == '_' || ch == '-')
			buf_addch(out, ch);
		else
			buf_addch(out, '-');
	}
	while (out->len && out->s[0] == '.')
		memmove(out->s, out->s + 1, out->len--);
	if (!out->len)
		buf_adds(out, "bijlage");
}

static const char *upload_kind(const char *data, size_t len)
{
	if (len >= 5 && !memcmp(data, "%PDF-", 5))
		return ".pdf";
	if (len >= 8 && !memcmp(data, "\x89PNG\r\n\x1a\n", 8))
		return ".png";
	if (len >= 3 && !memcmp(data, "\xff\xd8\xff", 3))
		return ".jpg";
	return NULL;
}

/* An attachment: the body is the file. Kept in bijlagen/ next to the case, mode 0600, never over another file. */
static void api_upload(struct web *W, const struct http_request *rq, struct http_response *rs, const char *name)
{
	const char *path = httpd_query(rq, "pad"), *ext;
	struct opened o;
	const struct field *f;
	struct err e = ERR_INIT;
	struct buf fname = BUF_INIT, target = BUF_INIT;
	char *dir = NULL, *now = NULL, *form = NULL;
	struct stat st;
	json *d;
	int r, i;

	opened_init(&o);
	if (rq->too_big) {
		json_error(rs, 413, "Het bestand is groter dan 24 MB. Maak de PDF of scan kleiner (bijvoorbeeld met een lagere resolutie).");
		goto out;
	}
	if (!path || (r = opened_load_locked(W, name, &o))) {
		json_error(rs, path ? r : 400, NULL);
		goto out;
	}
	if (!(f = formset_field(&W->app->forms, path, &e)) || f->type->kind != FT_BESTAND) {
		json_error(rs, 400, "Hier kan geen bestand worden toegevoegd.");
		goto out;
	}
	if (!(ext = upload_kind(rq->body, rq->len))) {
		json_error(rs, 415, "Dit is geen PDF-, PNG- of JPEG-bestand. Sla het document eerst op als PDF.");
		goto out;
	}
	safe_file_name(httpd_query(rq, "naam"), &fname);
	if (fname.len < 4 || (strcmp(fname.s + fname.len - 4, ext) && strcmp(fname.s + fname.len - 4, ".jpg") &&
			      strcmp(fname.s + fname.len - 5 > fname.s ? fname.s + fname.len - 5 : fname.s, ".jpeg")))
		buf_adds(&fname, ext);
	dir = path_join(o.c.dir ? o.c.dir : W->dir, "bijlagen");
	if (mkdir(dir, 0700) && errno != EEXIST) {
		json_error(rs, 500, "De map voor bijlagen kan niet worden gemaakt.");
		goto out;
	}
	if (lstat(dir, &st) || !S_ISDIR(st.st_mode)) {
		json_error(rs, 403, "'bijlagen' naast de casus is geen gewone map.");
		goto out;
	}
	for (i = 1; i < 1000; i++) {
		buf_reset(&target);
		buf_addf(&target, "%s/", dir);
		if (i == 1) {
			buf_adds(&target, fname.s);
		} else {
			const char *dot = strrchr(fname.s, '.');

			buf_add(&target, fname.s, (size_t)(dot - fname.s));
			buf_addf(&target, "-%d%s", i, dot);
		}
		if (lstat(target.s, &st) == 0)
			continue;
		if (file_write_new(target.s, rq->body, rq->len, &e)) {  /* still refuses a file that appeared meanwhile */
			json_error(rs, 500, e.msg.s);
			goto out;
		}
		break;
	}
	if (i == 1000) {
		json_error(rs, 500, "Er staan al te veel bestanden met deze naam in bijlagen/.");
		goto out;
	}
	if (edit_set_text(W->app, &o.c, path, target.s, &e) || casus_save(&o.c, &e)) {
		unlink(target.s);
		json_error(rs, e.code == EXIT_INVALID ? 422 : 500, e.msg.s);
		goto out;
	}
	now = edit_format(W->app, &o.c, path);
	form = form_of_path(path);
	d = case_state(W, &o, form);
	json_set(d, "waarde", json_new_string(now));
	json_answer(rs, 200, d);
out:
	clear_err(W->app);
	err_release(&e);
	buf_release(&fname);
	buf_release(&target);
	opened_release(&o);
	free(dir);
	free(now);
	free(form);
}

/*
 * Run this program itself for `nieuw` and `verwijder`, so the web makes
 * and deletes cases with exactly the checks and safeguards of the command
 * line. Its output goes to the page, not to the server's terminal.
 */
static int run_self(struct web *W, const char *const *args, struct buf *out)
{
	const char **argv;
	size_t n = 0, i;
	posix_spawn_file_actions_t fa;
	int pipefd[2], status = 0, rc = -1;
	pid_t pid;
	char chunk[4096];
	ssize_t got;

	for (i = 0; args[i]; i++)
		;
	argv = xcalloc(i + 6, sizeof(*argv));
	argv[n++] = "dossier";
	argv[n++] = "--data";
	argv[n++] = W->app->datadir;
	if (W->app->config_arg) {
		argv[n++] = "--config";
		argv[n++] = W->app->config_arg;
	}
	for (i = 0; args[i]; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(pipefd)) {
		free(argv);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
	posix_spawn_file_actions_addclose(&fa, pipefd[0]);
	if (posix_spawn(&pid, "/proc/self/exe", &fa, NULL, (char *const *)argv, environ) == 0)
		rc = 0;
	posix_spawn_file_actions_destroy(&fa);
	free(argv);
	close(pipefd[1]);
	while ((got = read(pipefd[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		if (out->len < 65536)
			buf_add(out, chunk, (size_t)got);
	}
	close(pipefd[0]);
	if (rc)
		return -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void output_page(struct web *W, struct http_response *rs, int status, const char *title, const char *output)
{
	text_page(W, rs, status, title, output, true);
}

static void post_new(struct web *W, const struct http_request *rq, struct http_response *rs)
{
	char *file = form_value(rq->body, "bestand"), *region = form_value(rq->body, "regio");
	char *route = form_value(rq->body, "route"), *ref = form_value(rq->body, "kenmerk"), *full = NULL;
	struct buf out = BUF_INIT, to = BUF_INIT;
	int r;

	if (file && *file && !strstr(file, ".json")) { /* a name without .json gets it */
		char *t = xmalloc(strlen(file) + 6);

		memcpy(t, file, strlen(file));
		memcpy(t + strlen(file), ".json", 6);
		free(file);
		file = t;
	}
	if (!file || !valid_case_name(file, strlen(file))) {
		message_page(W, rs, 400, "Geen casus aangemaakt",
			     "Kies een bestandsnaam van letters, cijfers, '-' en '_' die eindigt op .json, bijvoorbeeld casus-2026-03.json. "
			     "Gebruik niet de naam van het kind.");
		goto out;
	}
	full = path_join(W->dir, file);
	{
		const char *args[9];
		size_t k = 0;

		args[k++] = "nieuw";
		args[k++] = full;
		if (region && *region) {
			args[k++] = "--regio";
			args[k++] = region;
		}
		if (route && *route) {
			args[k++] = "--route";
			args[k++] = route;
		}
		if (ref && *ref) {
			args[k++] = "--kenmerk";
			args[k++] = ref;
		}
		args[k] = NULL;
		r = run_self(W, args, &out);
	}
	if (r) {
		output_page(W, rs, 422, "Geen casus aangemaakt", out.s);
		goto out;
	}
	buf_addf(&to, "/casus/%s/casus", file);
	redirect(rs, to.s);
out:
	free(file);
	free(region);
	free(route);
	free(ref);
	free(full);
	buf_release(&out);
	buf_release(&to);
}

static void post_delete(struct web *W, const struct http_request *rq, struct http_response *rs)
{
	char *file = form_value(rq->body, "bestand"), *typed = form_value(rq->body, "kenmerk");
	char *all = form_value(rq->body, "met_bijlagen"), *path = file ? case_path(W, file) : NULL;
	struct casus c = CASUS_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	const char *ref;
	int r;

	if (!path) {
		refuse(W, rs, 404);
		goto out;
	}
	ref = casus_load(&c, path, &e) == 0 && casus_ref(&c) ? casus_ref(&c) : file;
	if (!typed || strcmp(typed, ref)) {
		message_page(W, rs, 422, "Niets verwijderd", "Het getypte kenmerk klopt niet met de casus. Er is niets verwijderd.");
		goto out;
	}
	{
		const char *args[] = { "verwijder", "--ja", path, all ? "--met-bijlagen" : NULL, NULL };

		r = run_self(W, args, &out);
	}
	output_page(W, rs, r ? 500 : 200, r ? "Niet alles verwijderd" : "Casus verwijderd", out.s);
out:
	casus_release(&c);
	err_release(&e);
	free(file);
	free(typed);
	free(all);
	free(path);
	buf_release(&out);
}

/* A value for the meeting file: one line, no INI comment or section characters. */
static void ini_value(struct buf *out, const char *key, const char *v)
{
	buf_addf(out, "%s = ", key);
	for (; v && *v; v++)
		buf_addch(out, (*v == '\n' || *v == '\r' || *v == ';' || *v == '#' || *v == '[' || *v == ']') ? ' ' : *v);
	buf_addch(out, '\n');
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		char *p;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		p = path_join(dir, de->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/*
 * The meeting pack of the ticked cases: `dossier agenda` itself, run on a
 * meeting file made from the form, into a private folder in MAP that is
 * removed again once the PDF is read; the browser shows the PDF.
 */
static void post_agenda(struct web *W, const struct http_request *rq, struct http_response *rs)
{
	static const char *const keys[] = { "titel", "datum", "begin", "duur", "plaats", "voorzitter" };
	struct buf ini = BUF_INIT, out = BUF_INIT, tmpl = BUF_INIT, pdf = BUF_INIT;
	const char **args = NULL;
	char **cases = NULL, *v, *tmpdir = NULL, *inipath = NULL, *anon = form_value(rq->body, "anoniem");
	char *concept = form_value(rq->body, "concept");
	const char *pos = rq->body;
	size_t n = 0, cap = 0, i, k = 0;
	struct err e = ERR_INIT;
	DIR *d;
	struct dirent *de;

	while ((v = form_value_next(&pos, "c"))) {
		char *p = case_path(W, v);

		free(v);
		if (!p)
			continue;
		cases = xgrowarray(cases, &cap, n + 1, sizeof(*cases));
		cases[n++] = p;
	}
	if (!n) {
		message_page(W, rs, 400, "Geen agenda gemaakt", "Vink in de lijst van casussen aan welke op de agenda komen.");
		goto out;
	}
	buf_adds(&ini, "[vergadering]\n");
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		v = form_value(rq->body, keys[i]);
		if (v && *v)
			ini_value(&ini, keys[i], v);
		free(v);
	}
	buf_addf(&tmpl, "%s/.dossier-agenda-XXXXXX", W->dir);
	if (!mkdtemp(tmpl.s)) {
		message_page(W, rs, 500, "Geen agenda gemaakt", "Er kon geen tijdelijke map worden gemaakt naast de casussen.");
		goto out;
	}
	tmpdir = xstrdup(tmpl.s);
	inipath = path_join(tmpdir, "vergadering.ini");
	if (file_write_new(inipath, ini.s, ini.len, &e)) {
		message_page(W, rs, 500, "Geen agenda gemaakt", e.msg.s);
		goto out;
	}
	args = xcalloc(n + 8, sizeof(*args));
	args[k++] = "agenda";
	args[k++] = inipath;
	for (i = 0; i < n; i++)
		args[k++] = cases[i];
	args[k++] = "-o";
	args[k++] = tmpdir;
	if (anon)
		args[k++] = "--anoniem";
	if (concept)
		args[k++] = "--concept";
	if (run_self(W, args, &out)) {
		output_page(W, rs, 422, "Geen agenda gemaakt", out.s);
		goto out;
	}
	d = opendir(tmpdir);
	while (d && (de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 4 && !strcmp(de->d_name + l - 4, ".pdf") && !strncmp(de->d_name, "agenda-", 7)) {
			char *p = path_join(tmpdir, de->d_name);

			buf_reset(&pdf);
			if (file_read(p, 1u << 30, &pdf, &e))
				buf_reset(&pdf);
			free(p);
		}
	}
	if (d)
		closedir(d);
	if (!pdf.len) {
		output_page(W, rs, 500, "Geen agenda gemaakt", out.s);
		goto out;
	}
	buf_add(&rs->body, pdf.s, pdf.len);
	rs->status = 200;
	rs->type = "application/pdf";
	http_response_header(rs, "Content-Disposition", "inline");
out:
	if (tmpdir)
		remove_tree(tmpdir);
	for (i = 0; i < n; i++)
		free(cases[i]);
	free(cases);
	free(args);
	free(tmpdir);
	free(inipath);
	free(anon);
	free(concept);
	err_release(&e);
	buf_release(&ini);
	buf_release(&out);
	buf_release(&tmpl);
	buf_release(&pdf);
}

/* ---- the door: checks every request passes, then the routes ------------------------------ */

static void security_headers(struct http_response *rs)
{
	http_response_header(rs, "Content-Security-Policy",
			     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
			     "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	http_response_header(rs, "Cache-Control", "no-store");
	http_response_header(rs, "Referrer-Policy", "no-referrer");
	http_response_header(rs, "X-Content-Type-Options", "nosniff");
	http_response_header(rs, "X-Frame-Options", "DENY");
	http_response_header(rs, "Cross-Origin-Opener-Policy", "same-origin");
	http_response_header(rs, "Cross-Origin-Resource-Policy", "same-origin");
}

static bool host_ok(const struct web *W, const struct http_request *rq)
{
	const char *h = httpd_header(rq, "Host");

	return h && (!strcmp(h, W->host_ip) || !strcmp(h, W->host_name));
}

/* A change: our Origin (when the browser names one), a same-origin fetch, and the CSRF token. */
static bool change_ok(const struct web *W, const struct http_request *rq)
{
	const char *origin = httpd_header(rq, "Origin"), *site = httpd_header(rq, "Sec-Fetch-Site");
	const char *token = httpd_header(rq, "X-CSRF-Token");
	char *field = NULL;
	bool ok;

	/* with "no-referrer" a browser sends "Origin: null"; then its Sec-Fetch-Site must say same-origin */
	if (origin && !strcmp(origin, "null")) {
		if (!site || strcmp(site, "same-origin"))
			return false;
	} else if (origin && strcmp(origin, W->origin_ip) && strcmp(origin, W->origin_name)) {
		return false;
	}
	if (site && strcmp(site, "same-origin"))
		return false;
	if (!token) {
		const char *type = httpd_header(rq, "Content-Type");

		if (!type || strncmp(type, "application/x-www-form-urlencoded", 33))
			return false;
		field = form_value(rq->body, "csrf");
		token = field;
	}
	ok = same_secret(token, W->csrf);
	free(field);
	return ok;
}

/* "/casus/NAME/REST" -> NAME and REST (both copied); false if the path is not of that shape. */
static bool split_case(const char *path, char **name, char **rest)
{
	const char *p = path + 7, *slash;

	if (strncmp(path, "/casus/", 7))
		return false;
	slash = strchr(p, '/');
	*name = xstrndup(p, slash ? (size_t)(slash - p) : strlen(p));
	*rest = xstrdup(slash ? slash + 1 : "");
	return true;
}

static void handle(void *ctx, const struct http_request *rq, struct http_response *rs)
{
	struct web *W = ctx;
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"), post = !strcmp(rq->method, "POST");
	struct buf cookie = BUF_INIT;
	char *name = NULL, *rest = NULL;
	const char *key;

	W->last = time(NULL);
	security_headers(rs);
	if (!host_ok(W, rq)) {
		refuse(W, rs, 421);
		return;
	}
	if (!get && !post) {
		http_response_header(rs, "Allow", "GET, POST");
		refuse(W, rs, 405);
		return;
	}
	if (get && !strcmp(rq->path, "/dossier.css")) {
		buf_add(&rs->body, W->css.s, W->css.len);
		rs->status = 200;
		rs->type = "text/css; charset=utf-8";
		return;
	}
	if (get && !strcmp(rq->path, "/favicon.ico")) {
		rs->status = 204;
		return;
	}
	if (get && !strcmp(rq->path, "/dossier.js")) {
		buf_add(&rs->body, W->js.s, W->js.len);
		rs->status = 200;
		rs->type = "text/javascript; charset=utf-8";
		return;
	}
	if (get && !strcmp(rq->path, "/") && (key = httpd_query(rq, "sleutel"))) {
		struct buf set = BUF_INIT;

		if (!same_secret(key, W->key)) {
			refuse(W, rs, 403);
			return;
		}
		buf_addf(&set, COOKIE_NAME "=%s; HttpOnly; SameSite=Strict; Path=/", W->session);
		http_response_header(rs, "Set-Cookie", set.s);
		buf_release(&set);
		redirect(rs, "/");
		return;
	}
	if (!cookie_value(httpd_header(rq, "Cookie"), COOKIE_NAME, &cookie) || !same_secret(cookie.s, W->session)) {
		buf_release(&cookie);
		refuse(W, rs, 403);
		return;
	}
	buf_release(&cookie);
	/* only an attachment may be big; every other body is a form or one field */
	if (post && (rq->too_big || rq->len > WEB_MAX_FORM) &&
	    (strncmp(rq->path, "/casus/", 7) || !strstr(rq->path + 7, "/bijlage"))) {
		if (!strncmp(rq->path, "/casus/", 7))
			json_error(rs, 413, "Deze invoer is te groot.");
		else
			refuse(W, rs, 413);
		return;
	}
	if (post && !change_ok(W, rq)) {
		if (!strncmp(rq->path, "/casus/", 7))
			json_error(rs, 403, "Deze wijziging is geweigerd (geen geldig formulier van deze server). Laad de pagina opnieuw.");
		else
			refuse(W, rs, 403);
		return;
	}
	if (!strcmp(rq->path, "/")) {
		if (get)
			start_page(W, rs, NULL);
		else
			refuse(W, rs, 405);
	} else if (post && !strcmp(rq->path, "/nieuw")) {
		post_new(W, rq, rs);
	} else if (post && !strcmp(rq->path, "/agenda")) {
		post_agenda(W, rq, rs);
	} else if (post && !strcmp(rq->path, "/verwijder")) {
		post_delete(W, rq, rs);
	} else if (post && !strcmp(rq->path, "/afsluiten")) {
		message_page(W, rs, 200, "Afgesloten", "De server van dossier is gestopt. U kunt dit venster sluiten.");
		W->quit = true;
	} else if (split_case(rq->path, &name, &rest)) {
		char *exists = case_path(W, name);

		free(exists);
		if (!exists) {
			if (post)
				json_error(rs, 404, NULL);
			else
				refuse(W, rs, 404);
		} else if (get && !*rest) {
			struct buf to = BUF_INIT;

			buf_addf(&to, "/casus/%s/casus", name);
			redirect(rs, to.s);
			buf_release(&to);
		} else if (get && !strcmp(rest, "pdf")) {
			pdf_page(W, rq, rs, name);
		} else if (get) {
			case_page(W, rs, name, rest);
		} else if (!strcmp(rest, "zet")) {
			api_set(W, rq, rs, name);
		} else if (!strcmp(rest, "lijst")) {
			api_list(W, rq, rs, name);
		} else if (!strcmp(rest, "bijlage")) {
			api_upload(W, rq, rs, name);
		} else {
			json_error(rs, 404, NULL);
		}
	} else {
		refuse(W, rs, 404);
	}
	free(name);
	free(rest);
}

/* ---- the command ---------------------------------------------------------------------------- */

static int load_template(struct web *W, const char *name, struct buf *out)
{
	struct buf rel = BUF_INIT;
	char *p;
	int r;

	buf_addf(&rel, "templates/web/%s", name);
	p = app_data_path(W->app, rel.s);
	r = file_read(p, 1u << 20, out, &W->app->err);
	free(p);
	buf_release(&rel);
	return r;
}

/* "30" minutes, or "20s" seconds (for tests). */
static int parse_idle(const char *s, long *seconds)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || v < 1 || v > 24 * 60)
		return -1;
	if (!strcmp(end, "s"))
		*seconds = v;
	else if (!*end)
		*seconds = v * 60;
	else
		return -1;
	return 0;
}

static void open_browser(const char *url)
{
	const char *argv[] = { "xdg-open", url, NULL };
	posix_spawn_file_actions_t fa;
	pid_t pid;

	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		return;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "xdg-open", &fa, NULL, (char *const *)argv, environ) == 0)
		signal(SIGCHLD, SIG_IGN);
	posix_spawn_file_actions_destroy(&fa);
}

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

int cmd_web(struct app *app, int argc, char **argv)
{
	const char *port_arg = NULL, *idle_arg = NULL;
	bool no_browser = false;
	const struct opt opts[] = {
		OPT_STRING(0, "poort", &port_arg, "POORT", "deze poort in plaats van een vrije"),
		OPT_STRING(0, "stop-na", &idle_arg, "MINUTEN", "stoppen na zoveel minuten zonder gebruik (standaard 30)"),
		OPT_FLAG(0, "geen-browser", &no_browser, "de browser niet zelf openen"),
		OPT_END(),
	};
	struct web W;
	struct httpd *h = NULL;
	struct buf url = BUF_INIT;
	struct sigaction sa;
	long idle = 30 * 60, port = 0;
	int n, rc = -1;

	memset(&W, 0, sizeof(W));
	W.app = app;
	n = opt_parse(argc, argv, opts, "web", usage, &app->err);
	if (n == OPT_HELP)
		return 0;
	if (n < 0)
		return -1;
	if (n > 1)
		return err_set(&app->err, EXIT_USAGE, "geef hoogstens één map op (zie 'dossier web --help')");
	if (port_arg) {
		char *end;

		port = strtol(port_arg, &end, 10);
		if (*end || end == port_arg || port < 1 || port > 65535)
			return err_set(&app->err, EXIT_USAGE, "--poort: een getal van 1 tot 65535");
	}
	if (idle_arg && parse_idle(idle_arg, &idle))
		return err_set(&app->err, EXIT_USAGE, "--stop-na: een aantal minuten van 1 tot 1440");
	W.dir = realpath(n ? argv[0] : ".", NULL);
	if (!W.dir)
		return err_errno(&app->err, errno, "de map %s kan niet worden geopend", n ? argv[0] : ".");
	if (app_setup(app, NULL) || load_template(&W, "pagina.html", &W.page) || load_template(&W, "dossier.css", &W.css) ||
	    load_template(&W, "dossier.js", &W.js))
		goto out;
	if (random_token(W.key) || random_token(W.session) || random_token(W.csrf)) {
		err_set(&app->err, EXIT_SYSTEM, "er is geen toeval beschikbaar voor de geheime sleutel");
		goto out;
	}
	h = httpd_start((int)port, WEB_MAX_BODY, handle, &W, &W.port, &app->err);
	if (!h)
		goto out;
	snprintf(W.host_ip, sizeof(W.host_ip), "127.0.0.1:%d", W.port);
	snprintf(W.host_name, sizeof(W.host_name), "localhost:%d", W.port);
	snprintf(W.origin_ip, sizeof(W.origin_ip), "http://127.0.0.1:%d", W.port);
	snprintf(W.origin_name, sizeof(W.origin_name), "http://localhost:%d", W.port);
	buf_addf(&url, "http://127.0.0.1:%d/?sleutel=%s", W.port, W.key);
	printf("dossier web draait op deze computer. Open in de browser:\n\n  %s\n\n"
	       "Stoppen: 'Afsluiten' in de browser of Ctrl-C hier.\n", url.s);
	fflush(stdout);
	if (!no_browser)
		open_browser(url.s);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	W.last = time(NULL);
	while (!W.quit && !stop_signal) {
		if (httpd_run(h, 1000))
			break;
		if (time(NULL) - W.last >= idle) {
			printf("Gestopt: %ld minuten niet gebruikt.\n", idle / 60 ? idle / 60 : 1);
			break;
		}
	}
	if (W.quit) {
		time_t until = time(NULL) + 2;

		while (time(NULL) < until)  /* let the goodbye page and its style sheet go out */
			httpd_run(h, 100);
		printf("Gestopt met 'Afsluiten'.\n");
	} else if (stop_signal) {
		printf("Gestopt.\n");
	}
	rc = 0;
out:
	httpd_stop(h);
	buf_release(&url);
	buf_release(&W.page);
	buf_release(&W.css);
	buf_release(&W.js);
	free(W.dir);
	return rc;
}
