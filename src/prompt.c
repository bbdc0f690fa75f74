/*
 * prompt.c - line input with libedit or plain reads (see prompt.h).
 */
#include "prompt.h"
#include "buf.h"
#include "mem.h"

#include <editline/readline.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

#define MAX_LINE (1u << 20)

struct prompt {
	bool tty;
};

struct prompt *prompt_open(void)
{
	struct prompt *p = xcalloc(1, sizeof(*p));

	p->tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (p->tty) {
		rl_instream = stdin;
		rl_outstream = stdout;
		rl_initialize();
		stifle_history(200);
	}
	return p;
}

void prompt_close(struct prompt *p)
{
	if (p && p->tty)
		clear_history();
	free(p);
}

bool prompt_interactive(const struct prompt *p)
{
	return p->tty;
}

void prompt_say(const char *text)
{
	fputs(text, stdout);
	fflush(stdout);
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
