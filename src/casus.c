/*
 * casus.c - load, create, change and save a case file (see casus.h).
 */
#include "casus.h"
#include "buf.h"
#include "date.h"
#include "err.h"
#include "fileio.h"
#include "json.h"
#include "mem.h"
#include "path.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "banned.h"

static void set_paths(struct casus *c, const char *path)
{
	c->path = xstrdup(path);
	c->dir = path_dirname(path);
}

/* Note which file c->path is now (after a load or a save). */
static void remember_file(struct casus *c)
{
	struct stat st;

	if (stat(c->path, &st) == 0) {
		c->dev = (unsigned long long)st.st_dev;
		c->ino = (unsigned long long)st.st_ino;
	}
}

/* Is c->path still the file that was loaded or last saved? */
static bool same_file_as_loaded(const struct casus *c)
{
	struct stat st;

	return !c->ino || stat(c->path, &st) != 0 ||
	       ((unsigned long long)st.st_dev == c->dev && (unsigned long long)st.st_ino == c->ino);
}

static long long revision_of(const json *root)
{
	const json *v = json_get(json_get(root, "dossier"), "revisie");
	double d = json_is_number(v) ? json_num(v) : 0;

	return d >= 0 && d < 1e15 ? (long long)d : 0;
}

int casus_load(struct casus *c, const char *path, struct err *e)
{
	const json *meta, *fmt;

	memset(c, 0, sizeof(*c));
	c->lockfd = -1;
	set_paths(c, path);
	if (json_load_file(path, CASUS_MAX_FILE, &c->root, e))
		return -1;
	if (!json_is_object(c->root))
		return err_set(e, EXIT_INVALID, "%s is geen casusbestand: verwacht een groep {...}, maar vond %s",
			       path, json_type_name(c->root));
	meta = json_get(c->root, "dossier");
	if (!json_is_object(meta))
		return err_set(e, EXIT_INVALID,
			       "%s is geen casusbestand: de groep \"dossier\" ontbreekt (maak een casus met 'dossier nieuw')",
			       path);
	fmt = json_get(meta, "formaat");
	if (!json_is_number(fmt) || json_num(fmt) < 1 || json_num(fmt) > 1000)
		return err_set(e, EXIT_INVALID, "%s: dossier.formaat moet een versienummer zijn (nu %d)", path,
			       CASUS_FORMAT);
	c->newer = json_num(fmt) > CASUS_FORMAT;
	c->revision = revision_of(c->root);
	remember_file(c);
	{
		static const char *const keys[] = { "kenmerk", "regio", "route", "aangemaakt", "gewijzigd" };
		size_t i;

		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const json *v = json_get(meta, keys[i]);

			if (v && !json_is_string(v))
				return err_set(e, EXIT_INVALID, "%s: dossier.%s: verwacht tekst, maar vond %s", path,
					       keys[i], json_type_name(v));
		}
	}
	return 0;
}

void casus_create(struct casus *c, const char *path, const char *ref, const char *region,
		  const char *route)
{
	json *meta = json_new_object();
	struct buf today = BUF_INIT;

	memset(c, 0, sizeof(*c));
	c->lockfd = -1;
	set_paths(c, path);
	c->root = json_new_object();
	date_fmt_iso(&today, date_today());
	json_set(meta, "formaat", json_new_number(CASUS_FORMAT));
	json_set(meta, "kenmerk", json_new_string(ref));
	json_set(meta, "regio", json_new_string(region));
	json_set(meta, "route", json_new_string(route));
	json_set(meta, "aangemaakt", json_new_string(today.s));
	json_set(meta, "gewijzigd", json_new_string(today.s));
	json_set(c->root, "dossier", meta);
	buf_release(&today);
}

long long casus_disk_revision(const char *path)
{
	json *root = NULL;
	struct err e = ERR_INIT;
	long long r = 0;

	if (json_load_file(path, CASUS_MAX_FILE, &root, &e) == 0)
		r = revision_of(root);
	json_free(root);
	err_release(&e);
	return r;
}

/* CASUS_LOCK_WAIT_MS; tests shorten it with DOSSIER_TEST_LOCK_WAIT_MS. */
static int lock_wait(void)
{
	const char *t = getenv("DOSSIER_TEST_LOCK_WAIT_MS");

	return t && *t ? (int)strtol(t, NULL, 10) : CASUS_LOCK_WAIT_MS;
}

int casus_lock(struct casus *c, struct err *e)
{
	int fd;

	if (c->locked)
		return 0;
	fd = file_lock(c->path, lock_wait(), e);
	if (fd == -1)
		return -1;
	c->lockfd = fd;
	c->locked = true;
	return 0;
}

void casus_unlock(struct casus *c)
{
	if (!c->locked)
		return;
	file_unlock(c->path, c->lockfd);
	c->lockfd = -1;
	c->locked = false;
}

int casus_load_locked(struct casus *c, const char *path, struct err *e)
{
	struct casus tmp = CASUS_INIT;
	int fd = file_lock(path, lock_wait(), e);

	if (fd == -1) {
		memset(c, 0, sizeof(*c));
		c->lockfd = -1;
		set_paths(c, path);
		return -1;
	}
	if (casus_load(&tmp, path, e)) {
		file_unlock(path, fd);
		*c = tmp;
		return -1;
	}
	*c = tmp;
	c->lockfd = fd;
	c->locked = true;
	return 0;
}

int casus_refresh(struct casus *c, struct err *e)
{
	struct casus fresh = CASUS_INIT;

	if (casus_disk_revision(c->path) == c->revision)
		return 0;
	if (casus_load(&fresh, c->path, e)) {
		casus_release(&fresh);
		return -1;
	}
	{
		const char *mine = casus_ref(c), *theirs = casus_ref(&fresh);

		if (mine && (!theirs || strcmp(mine, theirs))) {
			err_set(e, EXIT_SYSTEM,
				"%s is intussen vervangen door een andere casus (kenmerk %s in plaats van %s); er is niets "
				"opgeslagen, zodat die casus niet wordt overschreven", c->path, theirs ? theirs : "zonder kenmerk", mine);
			casus_release(&fresh);
			return -1;
		}
	}
	json_free(c->root);
	c->root = fresh.root;
	c->newer = fresh.newer;
	c->revision = fresh.revision;
	c->dev = fresh.dev;
	c->ino = fresh.ino;
	fresh.root = NULL;
	casus_release(&fresh);
	return 1;
}

static int save(struct casus *c, bool create, struct err *e)
{
	struct buf out = BUF_INIT, today = BUF_INIT;
	json *meta = json_get(c->root, "dossier");
	bool own = !create && !c->locked;
	int r = -1;

	if (own && casus_lock(c, e))
		return -1;
	if (!create && !same_file_as_loaded(c)) {
		r = CASUS_CONFLICT;
		err_set(e, EXIT_SYSTEM,
			"%s is intussen vervangen door een ander bestand (of een koppeling); er is niets opgeslagen, zodat "
			"dat bestand niet wordt overschreven", c->path);
		goto out;
	}
	if (!create && casus_disk_revision(c->path) != c->revision) {
		r = CASUS_CONFLICT;
		err_set(e, EXIT_SYSTEM,
			"%s is intussen door een ander programma gewijzigd; er is niets opgeslagen, zodat die wijziging "
			"niet verloren gaat. Open de casus opnieuw en breng uw wijziging nog eens aan",
			c->path);
		goto out;
	}
	if (meta) {
		date_fmt_iso(&today, date_today());
		json_set(meta, "gewijzigd", json_new_string(today.s));
		json_set(meta, "revisie", json_new_number((double)(c->revision + 1)));
		buf_release(&today);
	}
	json_print(c->root, &out);
	r = create ? file_write_new(c->path, out.s, out.len, e) : file_write_atomic(c->path, out.s, out.len, e);
	buf_release(&out);
	if (r == 0) {
		c->revision++;
		remember_file(c);
	}
out:
	if (own)
		casus_unlock(c);
	return r;
}

int casus_save(struct casus *c, struct err *e)
{
	return save(c, false, e);
}

int casus_save_new(struct casus *c, struct err *e)
{
	return save(c, true, e);
}

void casus_release(struct casus *c)
{
	casus_unlock(c);
	json_free(c->root);
	free(c->path);
	free(c->dir);
	memset(c, 0, sizeof(*c));
	c->lockfd = -1;
}

static const char *meta_str(const struct casus *c, const char *key)
{
	return json_get_str(json_get(c->root, "dossier"), key);
}

const char *casus_ref(const struct casus *c) { return meta_str(c, "kenmerk"); }
const char *casus_region(const struct casus *c) { return meta_str(c, "regio"); }
const char *casus_route(const struct casus *c) { return meta_str(c, "route"); }

void casus_set_meta(struct casus *c, const char *key, const char *value)
{
	json *meta = json_get(c->root, "dossier");

	if (!meta) {
		meta = json_new_object();
		json_set(c->root, "dossier", meta);
	}
	json_set(meta, key, json_new_string(value));
}

json *casus_get(const struct casus *c, const char *spath)
{
	struct path p;
	struct buf msg = BUF_INIT;
	json *v;

	if (path_parse(spath, &p, &msg)) {
		buf_release(&msg);
		return NULL;
	}
	v = path_get(c->root, &p);
	path_release(&p);
	return v;
}

int casus_set(struct casus *c, const char *spath, json *v, struct err *e)
{
	struct path p;
	struct buf msg = BUF_INIT;
	json *cur = c->root;
	size_t i;
	int r = -1;

	if (path_parse(spath, &p, &msg) || p.relative || path_has_wildcard(&p)) {
		if (!msg.len)
			buf_addf(&msg, "'%s' is geen geldig veldpad", spath);
		err_set(e, EXIT_USAGE, "%s", msg.s);
		buf_release(&msg);
		path_release(&p);
		json_free(v);
		return -1;
	}
	for (i = 0; i < p.n; i++) {
		const struct path_seg *s = &p.segs[i];
		bool last = i + 1 == p.n;
		json *next = json_get(cur, s->key);

		if (s->index > 0) {
			size_t len;

			if (!next || !json_is_array(next)) {
				if (!v && last)
					goto done;
				next = json_new_array();
				json_set(cur, s->key, next);
			}
			len = json_len(next);
			if ((size_t)s->index > len + 1) {
				err_set(e, EXIT_USAGE, "%s heeft %zu regel(s); nummer %ld kan niet (hoogstens %zu voor een nieuwe)",
					s->key, len, s->index, len + 1);
				goto out;
			}
			if (last) {
				if (!v) {
					if ((size_t)s->index <= len)
						json_remove_at(next, (size_t)s->index - 1);
					goto done;
				}
				if ((size_t)s->index == len + 1) {
					json_append(next, v);
				} else {
					json_insert(next, (size_t)s->index - 1, v);
					json_remove_at(next, (size_t)s->index);
				}
				v = NULL;
				goto done;
			}
			if ((size_t)s->index == len + 1)
				json_append(next, json_new_object());
			cur = json_at(next, (size_t)s->index - 1);
			if (!json_is_object(cur)) {
				err_set(e, EXIT_INVALID, "%s[%ld] is geen groep velden", s->key, s->index);
				goto out;
			}
			continue;
		}
		if (last) {
			if (v)
				json_set(cur, s->key, v);
			else
				json_remove(cur, s->key);
			v = NULL;
			goto done;
		}
		if (!next || json_is_null(next)) {
			next = json_new_object();
			json_set(cur, s->key, next);
		} else if (!json_is_object(next)) {
			err_set(e, EXIT_INVALID, "'%s' is geen groep maar %s", s->key, json_type_name(next));
			goto out;
		}
		cur = next;
	}
done:
	r = 0;
out:
	json_free(v);
	path_release(&p);
	return r;
}

char *casus_file_path(const struct casus *c, const char *stored)
{
	return path_join(c->dir, stored);
}
