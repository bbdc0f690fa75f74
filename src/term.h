/*
 * term.h - what the terminal can show: colour, width, wrapped text.
 *
 * Colour only when the stream is a terminal, TERM is not "dumb" and
 * NO_COLOR is not set (https://no-color.org). Width from the terminal,
 * else $COLUMNS, else 80. Wrapping counts characters, not bytes.
 */
#ifndef TERM_H
#define TERM_H

#include <stdbool.h>
#include <stdio.h>

struct buf;

enum style { ST_BOLD, ST_DIM, ST_RED, ST_YELLOW, ST_GREEN, ST_BLUE };

bool term_color(FILE *f);
int term_width(FILE *f);
/* Append s wrapped in the style's escape codes when colour is on for f. */
void term_style(struct buf *out, FILE *f, enum style st, const char *s);
/*
 * Append text wrapped at `width` characters; every line starts with
 * `indent` spaces (the first line with `first` spaces). Blank lines in the
 * text are kept as paragraph breaks.
 */
void term_wrap(struct buf *out, const char *text, int first, int indent, int width);
/*
 * Append s, cut to at most max characters (the first line only) at the
 * end of a word, with "..." after it when something was left out. A
 * first word longer than max is kept whole rather than broken.
 */
void term_clip(struct buf *out, const char *s, size_t max);

#endif
