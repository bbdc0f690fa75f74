/*
 * prompt.c - line input with libedit or plain reads (see prompt.h).
 */
#include "prompt.h"
#include "buf.h"
#include "mem.h"
#include "term.h"

#include <dirent.h>
#include <editline/readline.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"

#define MAX_LINE (1u << 20)

struct prompt {
	bool tty;
};

/*
 * Tab completes file names as the user typed them: "~/Docu" becomes
 * "~/Documenten/" (a folder ends in '/', with no space after it, so the
 * next Tab goes on inside it). The whole answer is one name, spaces and
 * all, so nothing breaks it into words.
 */
static char **cands;
static size_t ncands, next_cand;

static void free_cands(void)
{
	size_t i;

	for (i = 0; i < ncands; i++)
		free(cands[i]);
	free(cands);
	cands = NULL;
	ncands = next_cand = 0;
}

static void find_cands(const char *text)
{
	const char *home = getenv("HOME"), *slash = strrchr(text, '/');
	struct buf dir = BUF_INIT, typed_dir = BUF_INIT, full = BUF_INIT;
	const char *prefix = slash ? slash + 1 : text;
	size_t plen = strlen(prefix), cap = 0;
	DIR *d;
	struct dirent *de;

	free_cands();
	if (slash)
		buf_add(&typed_dir, text, (size_t)(slash - text) + 1);
	if (typed_dir.len && typed_dir.s[0] == '~' && (typed_dir.s[1] == '/') && home) {
		buf_adds(&dir, home);
		buf_adds(&dir, typed_dir.s + 1);
	} else {
		buf_adds(&dir, typed_dir.len ? typed_dir.s : "./");
	}
	d = opendir(dir.s);
	while (d && (de = readdir(d)) != NULL) {
		struct stat st;

		if (strncmp(de->d_name, prefix, plen) || !strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (de->d_name[0] == '.' && prefix[0] != '.')
			continue;
		ARRAY_GROW(cands, ncands, cap);
		buf_reset(&full);
		buf_addf(&full, "%s%s", dir.s, de->d_name);
		{
			bool is_dir = stat(full.s, &st) == 0 && S_ISDIR(st.st_mode);
			struct buf m = BUF_INIT;

			buf_addf(&m, "%s%s%s", typed_dir.len ? typed_dir.s : "", de->d_name, is_dir ? "/" : "");
			cands[ncands++] = buf_detach(&m, NULL);
		}
	}
	if (d)
		closedir(d);
	buf_release(&dir);
	buf_release(&typed_dir);
	buf_release(&full);
}

static char *next_name(const char *text, int state)
{
	if (!state) {
		find_cands(text);
		next_cand = 0;
	}
	return next_cand < ncands ? xstrdup(cands[next_cand++]) : NULL;
}

static char **complete_path(const char *text, int start, int end)
{
	char **m;

	(void)start;
	(void)end;
	rl_attempted_completion_over = 1;
	m = rl_completion_matches(text, next_name);
	/* one match (libedit: the match in [0] and [1]) that is a folder: no space after its '/' */
	rl_completion_append_character =
		m && m[0] && (!m[1] || !m[2]) && *m[0] && m[0][strlen(m[0]) - 1] == '/' ? '\0' : ' ';
	free_cands();
	return m;
}

struct prompt *prompt_open(void)
{
	struct prompt *p = xcalloc(1, sizeof(*p));

	p->tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (p->tty) {
		rl_instream = stdin;
		rl_outstream = stdout;
		rl_initialize();
		rl_attempted_completion_function = complete_path;
		rl_completer_word_break_characters = (char *)"\n";
		stifle_history(200);
	}
	return p;
}

void prompt_close(struct prompt *p)
{
	prompt_flush();
	if (p && p->tty)
		clear_history();
	free(p);
}

bool prompt_interactive(const struct prompt *p)
{
	return p->tty;
}

/*
 * Output to a terminal is wrapped here, between words, at the terminal's
 * width: whatever a line holds (a list row, a current value, a message),
 * the terminal never has to break it inside a word. Text is kept until
 * its line is complete (or a question waits for input), so a line
 * written in pieces is wrapped as one. A continued line is indented like
 * its first line, plus two; a numbered row ("  3. ...") under its text.
 */
static struct buf pending = BUF_INIT;
static int out_width = -1;

/* Visible characters of s[0..n): escape sequences and UTF-8 continuation bytes do not count. */
static size_t visible(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		if (s[i] == '\033') {
			i++;
			if (i < n && s[i] == '[') {
				i++;
				while (i < n && !((s[i] >= '@' && s[i] <= '~')))
					i++;
			}
			i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
		i++;
	}
	return w;
}

static void emit_line(const char *s, size_t n)
{
	size_t indent = 0, hang, col, i = 0;

	if (out_width < 0)
		out_width = isatty(STDOUT_FILENO) ? term_width(stdout) : 0;
	if (!out_width || visible(s, n) < (size_t)out_width) {
		fwrite(s, 1, n, stdout);
		return;
	}
	while (indent < n && s[indent] == ' ')
		indent++;
	hang = indent + 2;
	{
		size_t k = indent;

		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k > indent && k + 1 < n && s[k] == '.' && s[k + 1] == ' ')
			hang = k + 2;
	}
	col = 0;
	while (i < n) {
		size_t ws = i, we, w;

		while (ws < n && s[ws] == ' ')
			ws++;
		we = ws;
		while (we < n && s[we] != ' ')
			we++;
		w = visible(s + ws, we - ws);
		if (col > hang && col + (ws - i) + w >= (size_t)out_width && we > ws) {
			size_t k;

			fputc('\n', stdout);
			for (k = 0; k < hang; k++)
				fputc(' ', stdout);
			col = hang;
		} else {
			fwrite(s + i, 1, ws - i, stdout);
			col += ws - i;
		}
		fwrite(s + ws, 1, we - ws, stdout);
		col += w;
		i = we;
	}
}

/* Write out the complete lines waiting; with `all`, the unfinished one too. */
static void drain(bool all)
{
	size_t start = 0;

	for (;;) {
		const char *nl = memchr(pending.s + start, '\n', pending.len - start);

		if (!nl)
			break;
		emit_line(pending.s + start, (size_t)(nl - pending.s) - start);
		fputc('\n', stdout);
		start = (size_t)(nl - pending.s) + 1;
	}
	if (all && start < pending.len) {
		emit_line(pending.s + start, pending.len - start);
		start = pending.len;
	}
	if (start) {
		memmove(pending.s, pending.s + start, pending.len - start);
		buf_setlen(&pending, pending.len - start);
	}
	fflush(stdout);
}

void prompt_say(const char *text)
{
	buf_adds(&pending, text);
	drain(false);
}

void prompt_flush(void)
{
	drain(true);
	buf_release(&pending);
}

/*
 * A plain line from stdin; long lines are cut at MAX_LINE. A NUL byte
 * would silently end the answer there (everything after it lost), so it
 * is passed on as the byte 0xFF, which no UTF-8 text contains: the answer
 * is then refused as invalid text instead of being saved cut short.
 */
static int plain_read(struct buf *out)
{
	int c;

	buf_reset(out);
	while ((c = getchar()) != EOF) {
		if (c == '\n')
			return 0;
		if (out->len < MAX_LINE)
			buf_addch(out, c ? c : 0xFF);
	}
	if (ferror(stdin) && errno == EINTR) {
		clearerr(stdin);
		return plain_read(out);
	}
	return out->len ? 0 : 1;
}

int prompt_read(struct prompt *p, const char *ps, struct buf *out)
{
	char *line;

	drain(true);
	if (!p->tty) {
		prompt_say(ps);
		if (plain_read(out))
			return 1;
		/* echo piped answers so a transcript reads like a session */
		prompt_say(out->s);
		prompt_say("\n");
		if (out->len && out->s[out->len - 1] == '\r')
			buf_setlen(out, out->len - 1);
		return 0;
	}
	fflush(stdout);
	line = readline(ps);
	if (!line)
		return 1;
	buf_sets(out, line);
	if (*line)
		add_history(line);
	free(line);
	return 0;
}
