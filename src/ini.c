/*
 * ini.c - iniparser behind a checked interface (see ini.h).
 *
 * iniparser reports syntax errors through a global callback as English
 * text "iniparser: syntax error in FILE (LINE):\n-> TEXT"; we capture the
 * line number and the offending text and say it in Dutch.
 */
#include "ini.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "mem.h"
#include "utf8.h"

#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

#define INI_MAX_FILE (1u << 20)

struct ini {
	dictionary *d;
	char *file;
	struct buf text;  /* the file's text, to find the line of a key */
};

static struct buf captured = BUF_INIT;
static int captured_errno; /* errno when the first complaint came: fopen's, for "cannot open" */

static int capture(const char *fmt, ...)
{
	va_list ap;

	if (!captured.len)
		captured_errno = errno;
	va_start(ap, fmt);
	buf_vaddf(&captured, fmt, ap);
	va_end(ap);
	return 0;
}

/*
 * "…syntax error in F (12):\n-> text\n" -> line 12, "text". Only the first
 * complaint counts: iniparser reports every bad line, and a file that is
 * no INI file at all would otherwise give pages of English.
 */
static void explain(const char *path, struct err *e)
{
	const char *arrow = strstr(captured.s, "):\n-> ");
	const char *open = NULL, *p;
	long line = 0;
	struct buf what = BUF_INIT;

	if (arrow) {
		for (p = arrow; p > captured.s && !open; p--)
			if (*p == '(')
				open = p;
		if (open)
			line = strtol(open + 1, NULL, 10);
		buf_add(&what, arrow + 6, strcspn(arrow + 6, "\n"));
		buf_trim(&what);
	} else if ((open = strchr(captured.s, '('))) {
		line = strtol(open + 1, NULL, 10);
	}
	if (strstr(captured.s, "cannot open"))
		err_errno(e, captured_errno, "%s kan niet worden geopend", path);
	else if (strstr(captured.s, "too long"))
		err_set(e, EXIT_SYSTEM, "%s:%ld: de regel is te lang (hoogstens 1024 tekens)", path, line);
	else if (line > 0 && what.len)
		err_set(e, EXIT_SYSTEM, "%s:%ld: onbegrijpelijke regel \"%s\" (verwacht [sectie] of sleutel = waarde)",
			path, line, what.s);
	else
		err_set(e, EXIT_SYSTEM, "%s: het bestand kan niet worden gelezen als INI-bestand", path);
	buf_release(&what);
}

int ini_load(const char *path, struct ini **out, struct err *e)
{
	struct buf text = BUF_INIT;
	size_t bad, line, col;
	dictionary *d;

	*out = NULL;
	if (file_read(path, INI_MAX_FILE, &text, e))
		return -1;
	if (!utf8_check(text.s, text.len, &bad)) {
		utf8_line_col(text.s, bad, &line, &col);
		buf_release(&text);
		return err_set(e, EXIT_SYSTEM, "%s:%zu: ongeldige tekens; sla het bestand op als UTF-8", path, line);
	}
	buf_reset(&captured);
	iniparser_set_error_callback(capture);
	d = iniparser_load(path);
	if (!d || captured.len) {
		explain(path, e);
		if (d)
			iniparser_freedict(d);
		buf_release(&captured);
		buf_release(&text);
		return -1;
	}
	buf_release(&captured);
	*out = xmalloc(sizeof(**out));
	(*out)->d = d;
	(*out)->file = xstrdup(path);
	(*out)->text = text;
	return 0;
}

void ini_free(struct ini *ini)
{
	if (!ini)
		return;
	iniparser_freedict(ini->d);
	free(ini->file);
	buf_release(&ini->text);
	free(ini);
}

const char *ini_file(const struct ini *ini)
{
	return ini->file;
}

/* Does [s, s+n) equal name, ignoring case and surrounding blanks? */
static bool same_name(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == k && !strncasecmp(s, name, k);
}

size_t ini_line(const struct ini *ini, const char *section, const char *key)
{
	const char *p = ini ? ini->text.s : NULL;
	size_t line = 0;
	bool in_section = false;

	while (p && *p) {
		size_t n = strcspn(p, "\n");
		const char *q = p;

		line++;
		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		if (*q == '[') {
			const char *close = memchr(q, ']', (size_t)(p + n - q));

			in_section = close && same_name(q + 1, (size_t)(close - q - 1), section);
			if (in_section && !key)
				return line;
		} else if (in_section && key) {
			const char *eq = memchr(q, '=', (size_t)(p + n - q));

			if (eq && same_name(q, (size_t)(eq - q), key))
				return line;
		}
		p += n + (p[n] == '\n');
	}
	return 0;
}

void ini_where(const struct ini *ini, const char *section, const char *key, struct buf *out)
{
	size_t line = ini_line(ini, section, key);

	buf_adds(out, ini ? ini->file : "?");
	if (line)
		buf_addf(out, ":%zu", line);
}

const char *ini_get(const struct ini *ini, const char *section, const char *key)
{
	struct buf k = BUF_INIT;
	const char *v;

	if (!ini)
		return NULL;
	buf_addf(&k, "%s:%s", section, key);
	v = iniparser_getstring(ini->d, k.s, NULL);
	buf_release(&k);
	return v;
}

bool ini_has_section(const struct ini *ini, const char *section)
{
	return ini && iniparser_find_entry(ini->d, section);
}

int ini_get_number(const struct ini *ini, const char *section, const char *key, double def,
		   double min, double max, double *out, struct err *e)
{
	const char *v = ini_get(ini, section, key);
	struct buf t = BUF_INIT;
	char *end;
	double d;
	size_t i;

	*out = def;
	if (!v)
		return 0;
	buf_adds(&t, v);
	for (i = 0; i < t.len; i++)
		if (t.s[i] == ',')
			t.s[i] = '.';
	d = strtod(t.s, &end);
	if (end == t.s || *end || !(d >= min && d <= max)) {
		buf_reset(&t);
		ini_where(ini, section, key, &t);
		err_set(e, EXIT_SYSTEM, "%s: [%s] %s = %s: verwacht een getal van %g tot %g", t.s, section, key, v,
			min, max);
		buf_release(&t);
		return -1;
	}
	buf_release(&t);
	*out = d;
	return 0;
}

int ini_get_bool(const struct ini *ini, const char *section, const char *key, bool def,
		 bool *out, struct err *e)
{
	const char *v = ini_get(ini, section, key);

	*out = def;
	if (!v)
		return 0;
	if (utf8_fold_equal(v, "ja") || utf8_fold_equal(v, "true") || !strcmp(v, "1"))
		*out = true;
	else if (utf8_fold_equal(v, "nee") || utf8_fold_equal(v, "false") || !strcmp(v, "0"))
		*out = false;
	else {
		struct buf where = BUF_INIT;

		ini_where(ini, section, key, &where);
		err_set(e, EXIT_SYSTEM, "%s: [%s] %s = %s: verwacht ja of nee", where.s, section, key, v);
		buf_release(&where);
		return -1;
	}
	return 0;
}

size_t ini_nsections(const struct ini *ini)
{
	int n = ini ? iniparser_getnsec(ini->d) : 0;

	return n > 0 ? (size_t)n : 0;
}

const char *ini_section(const struct ini *ini, size_t i)
{
	return iniparser_getsecname(ini->d, (int)i);
}

size_t ini_nkeys(const struct ini *ini, const char *section)
{
	int n = ini ? iniparser_getsecnkeys(ini->d, section) : 0;

	return n > 0 ? (size_t)n : 0;
}

const char *ini_key(const struct ini *ini, const char *section, size_t i)
{
	size_t n = ini_nkeys(ini, section), sl = strlen(section);
	const char **keys;
	const char *k = NULL;

	if (i >= n)
		return NULL;
	keys = xcalloc(n, sizeof(*keys));
	if (iniparser_getseckeys(ini->d, section, keys) && keys[i]) {
		k = keys[i];
		if (!strncmp(k, section, sl) && k[sl] == ':')
			k += sl + 1;
	}
	free(keys);
	return k;
}
