/*
 * term.c - colour and wrapping for terminal output (see term.h).
 */
#include "term.h"
#include "buf.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "banned.h"

bool term_color(FILE *f)
{
	const char *t = getenv("TERM");
	const char *nc = getenv("NO_COLOR");

	if (nc && *nc)
		return false;
	if (!t || !strcmp(t, "dumb"))
		return false;
	return isatty(fileno(f));
}

int term_width(FILE *f)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");

	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col > 200 ? 200 : ws.ws_col;
	if (c) {
		long w = strtol(c, NULL, 10);

		if (w >= 20 && w <= 200)
			return (int)w;
	}
	return 80;
}

void term_style(struct buf *out, FILE *f, enum style st, const char *s)
{
	static const char *const codes[] = { "1", "2", "31", "33", "32", "34" };

	if (!term_color(f)) {
		buf_adds(out, s);
		return;
	}
	buf_addf(out, "\033[%sm%s\033[0m", codes[st], s);
}

/* Characters in s[0..len). */
static int width_of(const char *s, size_t len)
{
	return (int)utf8_length(s, len);
}

static void wrap_paragraph(struct buf *out, const char *p, size_t len, int *first, int indent, int width)
{
	size_t i = 0;
	int col = 0, lead = *first;
	bool line_empty = true;

	buf_addrep(out, " ", (size_t)lead);
	col = lead;
	while (i < len) {
		size_t ws = i, we;
		int w;

		while (ws < len && p[ws] == ' ')
			ws++;
		if (ws >= len)
			break;
		we = ws;
		while (we < len && p[we] != ' ')
			we++;
		if (utf8_binds_next(p + ws, we - ws) && we + 1 < len && p[we + 1] != ' ') {
			/* "€ 80" stays together */
			we++;
			while (we < len && p[we] != ' ')
				we++;
		}
		w = width_of(p + ws, we - ws);
		if (!line_empty && col + 1 + w > width) {
			buf_addch(out, '\n');
			buf_addrep(out, " ", (size_t)indent);
			col = indent;
			line_empty = true;
		}
		if (!line_empty) {
			buf_addch(out, ' ');
			col++;
		}
		buf_add(out, p + ws, we - ws);
		col += w;
		line_empty = false;
		i = we;
	}
	buf_addch(out, '\n');
	*first = indent;
}

void term_clip(struct buf *out, const char *s, size_t max)
{
	size_t len = strcspn(s, "\n"), i = 0, chars = 0, last_space = 0;
	bool cut = s[len] != '\0';

	while (i < len) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, len - i, &cp);

		if (!l)
			l = 1;
		if (s[i] == ' ')
			last_space = i;
		if (chars == max) {
			cut = true;
			break;
		}
		i += l;
		chars++;
	}
	if (!cut) {
		buf_add(out, s, len);
		return;
	}
	if (i < len && s[i] != ' ' && last_space) {
		i = last_space;
	} else if (i < len && s[i] != ' ') {
		while (i < len && s[i] != ' ')
			i++; /* one long word: whole */
	}
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == ';' || s[i - 1] == ':' || s[i - 1] == '('))
		i--;
	buf_add(out, s, i);
	buf_adds(out, "...");
}

void term_wrap(struct buf *out, const char *text, int first, int indent, int width)
{
	const char *p = text;

	if (width < indent + 20)
		width = indent + 20;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (!len) {
			buf_addch(out, '\n');
		} else {
			wrap_paragraph(out, p, len, &first, indent, width);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
}
