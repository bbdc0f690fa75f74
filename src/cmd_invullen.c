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
#include "prompt.h"
#include "rules.h"
#include "term.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "banned.h"

static const char usage[] =
	"Gebruik: dossier invullen CASUS.json [FORMULIER]\n"
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
	"(bijvoorbeeld 'mdo' of 'toestemming') alleen dat formulier.\n"
	"\n"
	"Zonder terminal (dossier invullen casus.json < antwoorden.txt) wordt elke regel\n"
	"als antwoord gelezen, op dezelfde manier.\n";

enum step { ST_NEXT, ST_BACK, ST_STOP, ST_FAIL };

struct ses {
	struct app *app;
	struct casus *c;
	struct prompt *pr;
	struct expr_env env;
	const char *target;    /* resume here; NULL: ask everything */
	int width;
	int depth;             /* list nesting, for indentation */
	size_t answered;
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

static int save(struct ses *S)
{
	if (casus_save(S->c, &S->app->err))
		return -1;
	S->answered++;
	return 0;
}

/*
 * One change under the case's write lock: when another program (zet, the
 * web form, a second invullen) saved the case since it was read, read it
 * again first and say so, so that change is kept; then set path from
 * text (NULL: remove the value or list item) and save. An invalid text
 * (EXIT_INVALID in S->app->err) changes nothing.
 */
static int change(struct ses *S, const char *path, const char *text)
{
	int r = -1, fresh;

	if (casus_lock(S->c, &S->app->err))
		return -1;
	fresh = casus_refresh(S->c, &S->app->err);
	if (fresh < 0)
		goto out;
	if (fresh)
		sayf("%*s(De casus is intussen door een ander programma gewijzigd en opnieuw ingelezen.)\n", indent_of(S), "");
	if (text ? edit_set_text(S->app, S->c, path, text, &S->app->err) : casus_set(S->c, path, NULL, &S->app->err))
		goto out;
	r = save(S);
out:
	casus_unlock(S->c);
	return r;
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
		*st = change(S, path, "") ? ST_FAIL : ST_NEXT;
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

/* Suggestions for a field ("suggesties": a path with [*]); caller frees each and the array. */
static char **suggestions(const struct ses *S, const struct field *f, size_t *n)
{
	struct path p;
	struct buf msg = BUF_INIT;
	char **v = NULL;
	size_t cap = 0;
	const json *it;

	*n = 0;
	if (!f->suggest || f->type->kind != FT_KORT || path_parse(f->suggest, &p, &msg)) {
		buf_release(&msg);
		return NULL;
	}
	/* only "list[*].key" shapes are offered */
	if (p.n >= 2 && p.segs[p.n - 2].index == PATH_ALL) {
		struct path head = { p.segs, p.n - 1, 0, false };

		p.segs[p.n - 2].index = PATH_NO_INDEX;
		for (it = json_first(path_get(S->c->root, &head)); it; it = json_next(it)) {
			const char *s = json_get_str(it, p.segs[p.n - 1].key);

			if (s && *s) {
				ARRAY_GROW(v, *n, cap);
				v[(*n)++] = xstrdup(s);
			}
		}
		p.segs[p.n - 2].index = PATH_ALL;
	}
	path_release(&p);
	return v;
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- one question ----------------------------------------------------------- */

static void show_choices(const struct ses *S, const struct field *f)
{
	struct buf b = BUF_INIT, item = BUF_INIT;
	size_t i;
	int col = indent_of(S) + 2, in = col;

	buf_addrep(&b, " ", (size_t)in);
	for (i = 0; i < f->nchoices; i++) {
		int w;

		buf_reset(&item);
		buf_addf(&item, "%zu %s", i + 1, f->choices[i].label);
		w = (int)utf8_length(item.s, item.len);
		if (col > in && col + 3 + w > S->width - 1) {
			buf_addch(&b, '\n');
			buf_addrep(&b, " ", (size_t)in);
			col = in;
		} else if (col > in) {
			buf_adds(&b, "   ");
			col += 3;
		}
		buf_add(&b, item.s, item.len);
		col += w;
	}
	buf_addch(&b, '\n');
	say(b.s);
	buf_release(&b);
	buf_release(&item);
}

static void question_line(const struct ses *S, const struct field *f, const char *current)
{
	struct buf b = BUF_INIT, lab = BUF_INIT;

	buf_addrep(&b, " ", (size_t)indent_of(S));
	say(b.s);
	buf_reset(&b);
	buf_adds(&lab, f->label);
	if (f->required)
		buf_adds(&lab, " *");
	term_style(&b, stdout, ST_BOLD, lab.s);
	if (f->type->hint && f->type->kind != FT_BESTAND)
		buf_addf(&b, " (%s)", f->type->hint);
	if (current && *current) {
		struct buf cur = BUF_INIT;
		size_t n = utf8_length(current, strlen(current));

		if (n > 40) {
			size_t cut = 0, k = 0;

			while (current[cut] && k < 37) {
				uint32_t cp;
				size_t l = utf8_decode(current + cut, strlen(current + cut), &cp);

				cut += l ? l : 1;
				k++;
			}
			buf_add(&cur, current, cut);
			buf_adds(&cur, "...");
		} else {
			buf_adds(&cur, current);
		}
		buf_adds(&b, " [");
		buf_adds(&b, cur.s);
		buf_adds(&b, "]");
		buf_release(&cur);
	}
	buf_addch(&b, '\n');
	say(b.s);
	buf_release(&b);
	buf_release(&lab);
}

static const char *input_prompt(const struct ses *S)
{
	static char ps[48];

	snprintf(ps, sizeof(ps), "%*s> ", indent_of(S), "");
	return ps;
}

/* Ask for a long text: lines until a line with only ".", or the editor. */
static int read_text(struct ses *S, const char *first, struct buf *text)
{
	struct buf line = BUF_INIT;

	buf_reset(text);
	if (first) {
		buf_adds(text, first);
		buf_addch(text, '\n');
	}
	for (;;) {
		if (prompt_read(S->pr, input_prompt(S), &line)) {
			buf_release(&line);
			return 0; /* the end of the input ends the text */
		}
		if (!strcmp(line.s, "."))
			break;
		buf_add(text, line.s, line.len);
		buf_addch(text, '\n');
	}
	buf_release(&line);
	return 0;
}

static int run_editor(struct ses *S, const struct field *f, const char *current, struct buf *text)
{
	const char *ed = getenv("VISUAL");
	char *tmp = NULL;
	int fd, status;
	pid_t pid;
	struct buf content = BUF_INIT, raw = BUF_INIT;
	const char *p;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = access("/usr/bin/nano", X_OK) == 0 ? "nano" : "vi";
	/* the text is about a child: keep it next to the case, private, never in /tmp */
	fd = fileio_temp_near(S->c->path, "tekst", &tmp, &S->app->err);
	if (fd < 0)
		return -1;
	buf_addf(&content, "%s\n# Typ hierboven de tekst voor '%s'. Regels die met # beginnen, worden\n"
			   "# weggelaten. Sla op en sluit de editor af om verder te gaan.\n",
		 current ? current : "", f->label);
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
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, tmp, (char *)NULL);
		_exit(127);
	}
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
	buf_reset(text);
	for (p = raw.s; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (!(n && p[0] == '#')) {
			buf_add(text, p, n);
			buf_addch(text, '\n');
		}
		p = nl ? nl + 1 : p + n;
	}
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
			read_text(S, NULL, &text);
		} else {
			read_text(S, line.s, &text);
		}
		buf_trim(&text);
		if (!text.len) {
			sayf("%*s(geen tekst; niets veranderd)\n", indent_of(S) + 2, "");
			goto out;
		}
		if (change(S, path, text.s)) {
			if (S->app->err.code == EXIT_INVALID) {
				problem(S, S->app->err.msg.s);
				err_release(&S->app->err);
				continue;
			}
			st = ST_FAIL;
			goto out;
		}
		goto out;
	}
out:
	buf_release(&cur);
	buf_release(&line);
	buf_release(&text);
	return st;
}

static enum step ask_leaf(struct ses *S, const struct field *f, const char *path)
{
	struct buf cur = BUF_INIT, line = BUF_INIT;
	enum step st = ST_NEXT;
	size_t nsug = 0, i;
	char **sug;
	bool again;

	if (f->type->kind == FT_TEKST)
		return ask_text(S, f, path);
	sug = suggestions(S, f, &nsug);
	for (;;) {
		current_text(S, f, path, &cur);
		question_line(S, f, cur.s);
		if (f->nchoices)
			show_choices(S, f);
		if (nsug) {
			struct buf b = BUF_INIT;

			buf_addf(&b, "%*sKies een nummer of typ een naam:", indent_of(S) + 2, "");
			for (i = 0; i < nsug; i++)
				buf_addf(&b, "  %zu %s", i + 1, sug[i]);
			buf_addch(&b, '\n');
			say(b.s);
			buf_release(&b);
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
		if (!line.len) {
			if (!cur.len && f->required)
				sayf("%*s(verplicht; u kunt het later invullen)\n", indent_of(S) + 2, "");
			goto out;
		}
		if (nsug) {
			char *end;
			long k = strtol(line.s, &end, 10);

			if (!*end && k >= 1 && (size_t)k <= nsug)
				buf_sets(&line, sug[k - 1]);
		}
		if (change(S, path, line.s)) {
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
		goto out;
	}
out:
	free_strings(sug, nsug);
	buf_release(&cur);
	buf_release(&line);
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
		if (!applies(S, f, rec_path) || (S->target && !leads_to(S->target, fp.s))) {
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

static enum step edit_item(struct ses *S, const struct field *f, const char *path, size_t idx, bool is_new)
{
	struct buf ip = BUF_INIT, title = BUF_INIT;
	enum step st;

	buf_addf(&ip, "%s[%zu]", path, idx);
	buf_addf(&title, "%s %zu%s", f->item_name ? f->item_name : "regel", idx, is_new ? " (nieuw)" : "");
	if (title.s[0] >= 'a' && title.s[0] <= 'z')
		title.s[0] = (char)(title.s[0] - 32);
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

static enum step list_menu(struct ses *S, const struct field *f, const char *path)
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

		list_overview(S, f, path);
		/* a required list, or a whole form of records (MDO reports): start the first at once */
		if (first && n == 0 && (f->required || !f->parent)) {
			sayf("%*sNog niets ingevuld.\n", indent_of(S) + 2, "");
			first = false;
			st = edit_item(S, f, path, 1, true);
			if (st == ST_STOP || st == ST_FAIL)
				break;
			continue;
		}
		first = false;
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
		if (utf8_fold_equal(line.s, "t") || utf8_fold_equal(line.s, "toevoegen") || utf8_fold_equal(line.s, "+")) {
			if (n >= FIELD_MAX_ITEMS) {
				problem(S, "Deze lijst is vol.");
				continue;
			}
			st = edit_item(S, f, path, n + 1, true);
		} else if ((line.s[0] == 'w' || line.s[0] == 'W') && line.len > 1) {
			char *end;
			long k = strtol(line.s + 1, &end, 10);
			struct buf ip = BUF_INIT, sum = BUF_INIT;

			if (*end || k < 1 || (size_t)k > n) {
				problem(S, "Typ w en het nummer van de regel, bijvoorbeeld w 2.");
				continue;
			}
			field_item_summary(f, json_at(value_at(S, path), (size_t)k - 1), &sum);
			buf_addf(&ip, "%s[%ld]", path, k);
			if (change(S, ip.s, NULL)) {
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
			buf_addf(&b, "%3zu. %s: ", i + 1, f->label);
			buf_adds(&b, val.s);
			buf_adds(&b, miss.s);
			buf_addch(&b, '\n');
			say(b.s);
		}
		if (missing)
			sayf("%zu verplicht%s antwoord%s %s nog.\n", missing, missing == 1 ? "" : "e",
			     missing == 1 ? "" : "en", missing == 1 ? "ontbreekt" : "ontbreken");
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
	if (st == ST_NEXT && !f->repeated)
		st = review(S, f); /* a form of records has its overview in the list */
	buf_release(&head);
	buf_release(&rule);
	return st;
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
	const struct opt opts[] = { OPT_END() };
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
	if (n == 2 && !(only = formset_get(&app->forms, argv[1]))) {
		err_set(&app->err, EXIT_USAGE, "'%s' is geen formulier (zie 'dossier formulieren')", argv[1]);
		goto out;
	}
	S.app = app;
	S.c = &c;
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
	for (i = 0; i < app->forms.n && !where.len; i++) {
		const struct form *f = &app->forms.forms[i];

		if (only ? f != only : !in_walk(&S, f))
			continue;
		form_missing(&S, f, &where);
	}
	if (where.len) {
		describe(&S, where.s, &desc);
		if (json_len(c.root) > 1)
			sayf("\nVerder bij: %s\n", desc.s);
		else
			sayf("\nBegin bij: %s\n", desc.s);
		S.target = where.s;
	} else {
		say(only ? "\nDit formulier is compleet. U kunt elk antwoord nog wijzigen.\n"
			 : "\nAlle verplichte vragen zijn ingevuld. U kunt elk antwoord nog wijzigen.\n");
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

			for (i = 0; i < app->forms.n; i++) {
				const struct form *f = &app->forms.forms[i];

				if (form_applies(&S, f) && !in_walk(&S, f))
					buf_addf(&skipped, "%s%s", skipped.len ? ", " : "", f->title);
			}
			if (skipped.len) {
				struct buf t = BUF_INIT;

				buf_addf(&t, "Niet gevraagd, omdat de route ze niet nodig heeft: %s. Toch invullen kan met "
					     "'dossier invullen %s FORMULIER'.", skipped.s, argv[0]);
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
		else
			sayf("Klaar met invullen. Voor de %s %s nog %zu punt%s; zie:  dossier controleer %s\n", r->table,
			     nerr == 1 ? "ontbreekt" : "ontbreken", nerr, nerr == 1 ? "" : "en", argv[0]);
		findings_release(&fs);
	}
	rc = 0;
out:
	fileio_signal_message(NULL);
	if (S.pr)
		prompt_close(S.pr);
	buf_release(&where);
	buf_release(&msg);
	buf_release(&desc);
	casus_release(&c);
	return rc;
}
