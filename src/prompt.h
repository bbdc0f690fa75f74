/*
 * prompt.h - asking a question on the terminal: one line of input, with
 * line editing and history when the input is a terminal (libedit), plain
 * line reading when it is a pipe or a file. The only user of libedit.
 *
 * Output goes to stdout; colour only as term.h allows. History lives in
 * memory only: answers about a child are never written to a history file.
 */
#ifndef PROMPT_H
#define PROMPT_H

#include <stdbool.h>

struct buf;

struct prompt;

/* Set up input from stdin. */
struct prompt *prompt_open(void);
void prompt_close(struct prompt *p);
bool prompt_interactive(const struct prompt *p);

/*
 * Read one line after showing `ps` (a short prompt such as "> "). The
 * line (without newline, trimmed of the line end) replaces out. Returns 0,
 * or 1 at the end of the input (Ctrl-D, end of the file). A NUL byte in
 * piped input arrives as 0xFF (invalid UTF-8), so the answer is refused.
 */
int prompt_read(struct prompt *p, const char *ps, struct buf *out);

/*
 * Print text (already formatted). On a terminal, lines are wrapped
 * between words at its width; a line is written once it is complete, or
 * before the next question. prompt_flush() writes what is left.
 */
void prompt_say(const char *text);
void prompt_flush(void);

#endif
