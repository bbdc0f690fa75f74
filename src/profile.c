/*
 * profile.c - regional profiles and user configuration (see profile.h).
 */
#include "profile.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "ini.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "banned.h"

static char *regio_dir(const char *datadir)
{
	return path_join(datadir, "forms/regio");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **profile_list(const char *datadir, size_t *n)
{
	char *dir = regio_dir(datadir);
	DIR *d = opendir(dir);
	struct dirent *de;
	char **ids = NULL;
	size_t cap = 0;

	*n = 0;
	free(dir);
	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l <= 4 || strcmp(de->d_name + l - 4, ".ini") || de->d_name[0] == '.')
			continue;
		ARRAY_GROW(ids, *n, cap);
		ids[(*n)++] = xstrndup(de->d_name, l - 4);
	}
	closedir(d);
	if (*n)
		qsort(ids, *n, sizeof(*ids), cmp_str);
	return ids;
}

char *profile_default(const char *datadir)
{
	size_t n, i;
	char **ids = profile_list(datadir, &n);
	char *def = NULL;

	for (i = 0; i < n; i++) {
		struct profile p = PROFILE_INIT;
		struct err e = ERR_INIT;
		bool is_def = false;

		if (!def && profile_load(&p, datadir, ids[i], &e) == 0 &&
		    ini_get_bool(p.ini, "regio", "standaard", false, &is_def, &e) == 0 && is_def)
			def = xstrdup(ids[i]);
		profile_release(&p);
		err_release(&e);
	}
	if (!def && n)
		def = xstrdup(ids[0]);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return def ? def : xstrdup("den-haag");
}

static bool valid_id(const char *id)
{
	const char *p;

	if (!*id || strlen(id) > 64)
		return false;
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

int profile_load(struct profile *p, const char *datadir, const char *id, struct err *e)
{
	char *dir = regio_dir(datadir);
	struct buf name = BUF_INIT;
	char *file;
	int r = -1;

	memset(p, 0, sizeof(*p));
	buf_addf(&name, "%s.ini", id);
	file = path_join(dir, name.s);
	if (!valid_id(id) || !file_readable(file)) {
		size_t n, i;
		char **ids = profile_list(datadir, &n);
		struct buf known = BUF_INIT;

		for (i = 0; i < n; i++) {
			buf_addf(&known, "%s%s", i ? ", " : "", ids[i]);
			free(ids[i]);
		}
		free(ids);
		err_set(e, EXIT_USAGE, "onbekende regio '%s' (bekend: %s)", id, known.len ? known.s : "geen");
		buf_release(&known);
		goto out;
	}
	if (ini_load(file, &p->ini, e))
		goto out;
	p->id = xstrdup(id);
	p->name = xstrdup(ini_get(p->ini, "regio", "naam") ? ini_get(p->ini, "regio", "naam") : id);
	r = 0;
out:
	free(file);
	free(dir);
	buf_release(&name);
	return r;
}

void profile_release(struct profile *p)
{
	ini_free(p->ini);
	free(p->id);
	free(p->name);
	free(p->home);
	free(p->home_sec);
	memset(p, 0, sizeof(*p));
}

const char *profile_get(const struct profile *p, const char *section, const char *key)
{
	return p ? ini_get(p->ini, section, key) : NULL;
}

void profile_set_home(struct profile *p, const char *home)
{
	struct buf sec = BUF_INIT;

	free(p->home);
	free(p->home_sec);
	p->home = home && *home ? xstrdup(home) : NULL;
	p->home_sec = NULL;
	if (p->home) {
		/* looked up for every {name}: decide once whether the section is there */
		buf_addf(&sec, "woongemeente %s", p->home);
		if (ini_has_section(p->ini, sec.s))
			p->home_sec = buf_detach(&sec, NULL);
	}
	buf_release(&sec);
}

const char *profile_name(void *profile, const char *name)
{
	const struct profile *p = profile;
	const char *v = NULL;

	if (p && p->home_sec)
		v = profile_get(p, p->home_sec, name);
	if (!v)
		v = profile_get(p, "namen", name);
	if (!v && strchr(name, '.') && name[0] != '.') {
		/* {doorbraaktafel.leden}: a key of another section */
		char *sec = xstrndup(name, (size_t)(strchr(name, '.') - name));

		v = profile_get(p, sec, strchr(name, '.') + 1);
		free(sec);
	}
	return v ? v : profile_get(p, "regio", name);
}

int config_load(struct config *c, const char *explicit, struct err *e)
{
	const char *env = getenv("DOSSIER_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf path = BUF_INIT;
	bool must_exist = false;

	memset(c, 0, sizeof(*c));
	if (explicit) {
		buf_adds(&path, explicit);
		must_exist = true;
	} else if (env && *env) {
		buf_adds(&path, env);
		must_exist = true;
	} else if (xdg && *xdg) {
		buf_addf(&path, "%s/dossier/dossier.ini", xdg);
	} else if (home && *home) {
		buf_addf(&path, "%s/.config/dossier/dossier.ini", home);
	} else {
		return 0;
	}
	if (!must_exist) {
		struct stat st;

		if (stat(path.s, &st) < 0 && errno == ENOENT) {
			buf_release(&path);
			return 0;
		}
	}
	if (ini_load(path.s, &c->ini, e)) {
		err_prefix(e, "instellingen");
		buf_release(&path);
		return -1;
	}
	c->path = buf_detach(&path, NULL);
	return 0;
}

void config_release(struct config *c)
{
	ini_free(c->ini);
	free(c->path);
	memset(c, 0, sizeof(*c));
}

const char *config_get(const struct config *c, const char *section, const char *key)
{
	const char *v = c ? ini_get(c->ini, section, key) : NULL;

	return v && *v ? v : NULL;
}
