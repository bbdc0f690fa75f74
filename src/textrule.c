/*
 * textrule.c - typed text to paragraphs (see textrule.h).
 */
#include "textrule.h"
#include "buf.h"

#include <stdbool.h>
#include <string.h>

#include "banned.h"

/* Length of a list marker at the start of a trimmed line ("- ", "* ", "• "), or 0. */
static size_t marker(const char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (n >= 4 && !memcmp(s, "\xE2\x80\xA2 ", 4))
		return 4;
	return 0;
}

void text_reflow(const char *text, struct buf *out)
{
	const char *p = text ? text : "";
	bool in_para = false, blank = false;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p), m;
		const char *s = p;

		/* trim: leading spaces only matter for markers, trailing never */
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (!n) {
			blank = in_para;
		} else {
			m = marker(s, n);
			if (in_para && blank)
				buf_adds(out, "\n\n");
			else if (in_para && m)
				buf_addch(out, '\n');
			else if (in_para)
				buf_addch(out, ' ');
			if (m) {
				buf_adds(out, "- ");
				s += m;
				n -= m;
				while (n && *s == ' ') {
					s++;
					n--;
				}
			}
			buf_add(out, s, n);
			in_para = true;
			blank = false;
		}
		p = e ? e + 1 : p + strlen(p);
	}
}
