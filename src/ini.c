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

#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define INI_MAX_FILE (1u << 20)

struct ini {
	dictionary *d;
	char *file;
};

static struct buf captured = BUF_INIT;

static int capture(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&captured, fmt, ap);
	va_end(ap);
	return 0;
}

/* "…syntax error in F (12):\n-> text" -> line 12, "text". */
static void explain(const char *path, struct err *e)
{
	const char *open = strrchr(captured.s, '(');
	const char *arrow = strstr(captured.s, "-> ");
	long line = open ? strtol(open + 1, NULL, 10) : 0;
	struct buf what = BUF_INIT;

	if (arrow) {
		buf_adds(&what, arrow + 3);
		buf_trim(&what);
	}
	if (strstr(captured.s, "too long"))
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
	buf_release(&text);
	buf_reset(&captured);
	iniparser_set_error_callback(capture);
	d = iniparser_load(path);
	if (!d || captured.len) {
		explain(path, e);
		if (d)
			iniparser_freedict(d);
		buf_release(&captured);
		return -1;
	}
	buf_release(&captured);
	*out = xmalloc(sizeof(**out));
	(*out)->d = d;
	(*out)->file = xstrdup(path);
	return 0;
}

void ini_free(struct ini *ini)
{
	if (!ini)
		return;
	iniparser_freedict(ini->d);
	free(ini->file);
	free(ini);
}

const char *ini_file(const struct ini *ini)
{
	return ini->file;
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
		buf_release(&t);
		return err_set(e, EXIT_SYSTEM, "%s: [%s] %s = %s: verwacht een getal van %g tot %g",
			       ini->file, section, key, v, min, max);
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
	else
		return err_set(e, EXIT_SYSTEM, "%s: [%s] %s = %s: verwacht ja of nee", ini->file, section, key, v);
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
