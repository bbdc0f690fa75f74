/*
 * fileio.c - bounded reads, atomic writes, temporary file cleanup.
 *
 * The write sequence is the classic one: open(tmp, O_CREAT|O_EXCL, 0600),
 * write everything, fsync, close, rename(tmp, target), fsync(dir). The
 * temporary name carries our pid, so a later run can tell a leftover of a
 * killed process (pid gone) from a file another live process is writing.
 */
#include "fileio.h"
#include "buf.h"
#include "err.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

#define MAX_TEMPS 8

static char *volatile temps[MAX_TEMPS];

static void temp_add(char *path)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (!temps[i]) {
			temps[i] = path;
			return;
		}
}

static void temp_del(const char *path)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i] == path)
			temps[i] = NULL;
}

static void remove_temps(void)
{
	int i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i])
			unlink(temps[i]);
}

static char sig_msg[1024];
static volatile size_t sig_msg_len;

void fileio_signal_message(const char *msg)
{
	size_t n = msg ? strlen(msg) : 0;

	sig_msg_len = 0;
	if (n >= sizeof(sig_msg))
		n = sizeof(sig_msg) - 1;
	if (n)
		memcpy(sig_msg, msg, n);
	sig_msg_len = n;
}

static void on_signal(int sig)
{
	if (sig_msg_len) {
		ssize_t w = write(STDERR_FILENO, sig_msg, sig_msg_len);

		(void)w;
	}
	remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

void fileio_install_cleanup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	atexit(remove_temps);
}

/* What a path is when it is not a regular file, in Dutch. */
static const char *kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "een map";
	if (S_ISFIFO(m))
		return "een FIFO (named pipe)";
	if (S_ISSOCK(m))
		return "een socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "een apparaat";
	return "een onbekende soort bestand";
}

int file_read(const char *path, size_t max, struct buf *out, struct err *e)
{
	struct stat st;
	int fd;
	ssize_t n;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return err_errno(e, errno, "%s kan niet worden geopend", path);
	if (fstat(fd, &st) < 0) {
		int en = errno;
		close(fd);
		return err_errno(e, en, "%s kan niet worden gelezen", path);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, EXIT_SYSTEM, "%s is geen gewoon bestand maar %s", path, kind_of(st.st_mode));
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return err_set(e, EXIT_SYSTEM, "%s is te groot (%.1f MB; maximaal %.1f MB)", path,
			       st.st_size / 1048576.0, max / 1048576.0);
	}
	buf_grow(out, (size_t)st.st_size);
	for (;;) {
		buf_grow(out, 8192);
		n = read(fd, out->s + out->len, out->cap - out->len - 1);
		if (n < 0) {
			int en = errno;
			if (en == EINTR)
				continue;
			close(fd);
			return err_errno(e, en, "%s kan niet worden gelezen", path);
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->s[out->len] = '\0';
		if (out->len > max) {
			close(fd);
			return err_set(e, EXIT_SYSTEM, "%s is te groot (maximaal %.1f MB)", path, max / 1048576.0);
		}
	}
	close(fd);
	return 0;
}

int fileio_temp_near(const char *near, const char *tag, char **path, struct err *e)
{
	char *dir = path_dirname(near);
	struct buf p = BUF_INIT;
	int fd;

	buf_addf(&p, "%s/.%s.%s-XXXXXX", dir, path_basename(near), tag);
	free(dir);
	fd = mkstemp(p.s);
	if (fd < 0) {
		err_errno(e, errno, "tijdelijk bestand naast %s kan niet worden gemaakt", near);
		buf_release(&p);
		return -1;
	}
	fchmod(fd, 0600);
	*path = buf_detach(&p, NULL);
	temp_add(*path);
	return fd;
}

void fileio_temp_remove(char *path)
{
	if (!path)
		return;
	if (unlink(path) < 0 && errno != ENOENT)
		return; /* stays registered (and allocated): removed again at exit */
	temp_del(path);
	free(path);
}

bool file_readable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* file_sniff(), and for FILE_UNREADABLE the errno (0: not a regular file). */
static enum file_kind sniff(const char *path, int *errnum)
{
	unsigned char h[8];
	struct stat st;
	ssize_t n;
	int fd;

	*errnum = 0;
	if (stat(path, &st) < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return FILE_MISSING;
		*errnum = errno;
		return FILE_UNREADABLE;
	}
	if (!S_ISREG(st.st_mode))
		return FILE_UNREADABLE;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*errnum = errno;
		return FILE_UNREADABLE;
	}
	n = read(fd, h, sizeof(h));
	if (n < 0)
		*errnum = errno;
	close(fd);
	if (n < 0)
		return FILE_UNREADABLE;
	if (n == 0)
		return FILE_EMPTY;
	if (n >= 5 && !memcmp(h, "%PDF-", 5))
		return FILE_PDF;
	if (n >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
		return FILE_PNG;
	if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
		return FILE_JPEG;
	return FILE_OTHER;
}

enum file_kind file_sniff(const char *path)
{
	int errnum;

	return sniff(path, &errnum);
}

void file_probe(const char *path, struct file_info *fi)
{
	unsigned char h[32], tail[1024];
	struct stat st;
	ssize_t n;
	int fd;

	memset(fi, 0, sizeof(*fi));
	fi->kind = sniff(path, &fi->errnum);
	if (fi->kind != FILE_PDF && fi->kind != FILE_PNG)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		fi->errnum = fd < 0 ? errno : 0;
		if (fd >= 0)
			close(fd);
		fi->kind = FILE_UNREADABLE;
		return;
	}
	fi->size = st.st_size;
	if (fi->kind == FILE_PNG) {
		n = read(fd, h, sizeof(h));
		if (n < 0) {
			fi->errnum = errno;
			fi->kind = FILE_UNREADABLE;
		} else if (n >= 25 && !memcmp(h + 12, "IHDR", 4))
			fi->png_depth = h[24];
	} else {
		off_t off = st.st_size > (off_t)sizeof(tail) ? st.st_size - (off_t)sizeof(tail) : 0;

		n = pread(fd, tail, sizeof(tail), off);
		if (n < 0) {
			fi->errnum = errno;
			fi->kind = FILE_UNREADABLE;
		} else if (n > 5) {
			ssize_t i;

			for (i = n - 5; i >= 0; i--)
				if (!memcmp(tail + i, "%%EOF", 5)) {
					fi->pdf_has_eof = true;
					break;
				}
		}
	}
	close(fd);
}

const char *file_kind_name(enum file_kind k)
{
	switch (k) {
	case FILE_PDF: return "PDF";
	case FILE_PNG: return "PNG-afbeelding";
	case FILE_JPEG: return "JPEG-afbeelding";
	case FILE_MISSING: return "ontbrekend bestand";
	case FILE_UNREADABLE: return "onleesbaar bestand";
	case FILE_EMPTY: return "leeg bestand";
	default: return "onbekend bestandstype";
	}
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	if (name[0] == '/' || !dir || !*dir || !strcmp(dir, "."))
		return xstrdup(name);
	buf_adds(&b, dir);
	if (b.s[b.len - 1] != '/')
		buf_addch(&b, '/');
	buf_adds(&b, name);
	return buf_detach(&b, NULL);
}

const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void fileio_each_temp(const char *path, void (*fn)(const char *tmp, const char *tag, long pid, void *ctx), void *ctx)
{
	const char *base = path_basename(path);
	char *dir = path_dirname(path);
	struct buf prefix = BUF_INIT, p = BUF_INIT;
	struct dirent *d;
	DIR *dh = opendir(dir);

	buf_addf(&prefix, ".%s.", base);
	while (dh && (d = readdir(dh))) {
		const char *tag = d->d_name + prefix.len, *q = tag;
		char *end;
		long pid = 0;

		if (strncmp(d->d_name, prefix.s, prefix.len))
			continue;
		while (*q >= 'a' && *q <= 'z')
			q++;
		if (q == tag || *q != '-')
			continue;
		if (!strncmp(tag, "tmp-", 4)) {
			pid = strtol(tag + 4, &end, 10);
			if (pid <= 0 || *end != '-')
				continue;
		}
		buf_reset(&p);
		buf_add(&p, path, (size_t)(base - path));
		buf_adds(&p, d->d_name);
		fn(p.s, tag, pid, ctx);
	}
	if (dh)
		closedir(dh);
	buf_release(&prefix);
	buf_release(&p);
	free(dir);
}

/* A temporary file of an atomic write whose process is gone: remove it. */
static void remove_if_stale(const char *tmp, const char *tag, long pid, void *ctx)
{
	(void)ctx;
	if (strncmp(tag, "tmp-", 4) || pid == (long)getpid())
		return;
	if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
		return;
	unlink(tmp);
}

/* Test hook (see fileio.h): should this step fail? */
static int fault(const char *step)
{
	const char *f = getenv("DOSSIER_TEST_FAULT");

	return f && !strcmp(f, step);
}

/* All of data to fd, going on after short writes; hook: the DOSSIER_TEST_FAULT step. */
static int write_all(int fd, const char *data, size_t len, bool hook)
{
	while (len) {
		ssize_t n;

		if (hook && fault("write")) {
			errno = ENOSPC;
			return -1;
		}
		n = write(fd, data, len > (1u << 30) ? (1u << 30) : len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int file_write_all(int fd, const void *data, size_t len)
{
	return write_all(fd, data, len, false);
}

/*
 * May a write follow the symbolic links from path on? The kernel's
 * protected_symlinks rule, applied by this program itself because a save
 * resolves the link and renames over its target (which the kernel's check
 * at open() never sees): a link is followed only when this user owns it,
 * or when the owner of the link also owns the folder it lies in, or when
 * no one else may write that folder. Otherwise another user of a shared
 * folder could make `maak -o` or a save replace a file of yours. Every
 * link of a chain is checked.
 */
static bool link_may_be_followed(const char *path, struct err *e)
{
	struct buf cur = BUF_INIT;
	int hops;
	bool ok = true;

	buf_sets(&cur, path);
	for (hops = 0; hops < 40 && ok; hops++) {
		struct stat ls, ds;
		char *dir = path_dirname(cur.s), target[4096];
		ssize_t n;

		if (lstat(cur.s, &ls) < 0 || !S_ISLNK(ls.st_mode)) {
			free(dir);
			break;
		}
		if (stat(dir, &ds) == 0 && ls.st_uid != geteuid() && ls.st_uid != ds.st_uid &&
		    (ds.st_mode & (S_IWGRP | S_IWOTH))) {
			err_set(e, EXIT_SYSTEM,
				"%s is een symbolische koppeling van een andere gebruiker in een map waarin anderen mogen "
				"schrijven; die wordt niet gevolgd (zie README, 'Koppelingen'). Kies een andere naam of verwijder de koppeling",
				cur.s);
			ok = false;
		}
		n = readlink(cur.s, target, sizeof(target) - 1);
		if (n < 0) {
			free(dir);
			break;
		}
		target[n] = '\0';
		if (target[0] == '/') {
			buf_sets(&cur, target);
		} else {
			char *next = path_join(dir, target);

			buf_sets(&cur, next);
			free(next);
		}
		free(dir);
	}
	buf_release(&cur);
	return ok;
}

/*
 * The file to replace for `path`: path itself, or the file a symbolic link
 * points to (so saving a linked case file updates the file, not the link).
 * Caller frees. NULL with e set when path exists but is no regular file.
 */
static char *write_target(const char *path, struct err *e)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) < 0)
		return xstrdup(path);
	if (S_ISLNK(st.st_mode)) {
		if (!link_may_be_followed(path, e))
			return NULL;
		real = realpath(path, NULL);
		if (!real) {
			if (errno == ENOENT)
				err_set(e, EXIT_SYSTEM, "%s is een symbolische koppeling naar een bestand dat niet bestaat", path);
			else
				err_errno(e, errno, "%s kan niet worden opgeslagen", path);
			return NULL;
		}
		if (stat(real, &st) < 0 || S_ISREG(st.st_mode))
			return real; /* malloc'ed by realpath(): the caller's free() fits */
		free(real);
	}
	if (S_ISDIR(st.st_mode))
		err_set(e, EXIT_SYSTEM, "%s is een map, geen bestand", path);
	else if (!S_ISREG(st.st_mode))
		err_set(e, EXIT_SYSTEM, "%s is geen gewoon bestand maar %s; kies een andere naam", path, kind_of(st.st_mode));
	else
		return xstrdup(path);
	return NULL;
}

/* Put tmp in place of target; with noreplace, never over an existing file. */
static int put_in_place(const char *tmp, const char *target, bool noreplace)
{
	if (fault("rename")) {
		errno = EACCES;
		return -1;
	}
	if (noreplace) {
		struct stat st;

		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, target, RENAME_NOREPLACE) == 0)
			return 0;
		if (errno != EINVAL && errno != ENOSYS)
			return -1;
		/* a file system without RENAME_NOREPLACE: check, then rename */
		if (lstat(target, &st) == 0) {
			errno = EEXIST;
			return -1;
		}
	}
	return rename(tmp, target);
}

static int write_atomic(const char *where, const void *data, size_t len, bool noreplace, struct err *e)
{
	char *path = write_target(where, e), *dir;
	const char *base;
	struct buf tmp = BUF_INIT;
	int fd = -1, tries, r = -1;

	if (!path)
		return -1;
	dir = path_dirname(path);
	base = path_basename(path);
	if (!*base) {
		err_set(e, EXIT_SYSTEM, "%s: geen bestandsnaam", where);
		goto out;
	}
	fileio_each_temp(path, remove_if_stale, NULL);
	for (tries = 0; tries < 100 && fd < 0; tries++) {
		buf_reset(&tmp);
		buf_addf(&tmp, "%s/.%s.tmp-%ld-%lx", dir, base, (long)getpid(),
			 (unsigned long)(time(NULL) ^ (tries * 2654435761u) ^ (unsigned long)clock()));
		if (fault("open")) {
			errno = EACCES;
			break;
		}
		fd = open(tmp.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		err_errno(e, errno, "%s kan niet worden opgeslagen (tijdelijk bestand in %s)", where, dir);
		goto out;
	}
	temp_add(tmp.s);
	if (write_all(fd, data, len, true) < 0) {
		err_errno(e, errno, "%s kan niet worden opgeslagen", where);
		goto fail;
	}
	if (fault("fsync") ? (errno = EIO, 1) : fsync(fd) < 0) {
		err_errno(e, errno, "%s kan niet veilig worden opgeslagen", where);
		goto fail;
	}
	if (fault("close") ? (errno = EIO, 1) : close(fd) < 0) {
		fd = -1;
		err_errno(e, errno, "%s kan niet worden opgeslagen", where);
		goto fail;
	}
	fd = -1;
	if (put_in_place(tmp.s, path, noreplace) < 0) {
		if (errno == EEXIST && noreplace)
			err_set(e, EXIT_SYSTEM, "%s bestaat al; het bestand is niet overschreven", where);
		else
			err_errno(e, errno, "%s kan niet worden vervangen", where);
		goto fail;
	}
	temp_del(tmp.s);
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			fsync(dfd); /* best effort: not every file system allows it */
			close(dfd);
		}
	}
	r = 0;
	goto out;
fail:
	if (fd >= 0)
		close(fd);
	if (unlink(tmp.s) < 0 && errno != ENOENT)
		buf_detach(&tmp, NULL); /* stays registered: removed again at exit */
	else
		temp_del(tmp.s);
out:
	buf_release(&tmp);
	free(dir);
	free(path);
	return r;
}

int file_write_atomic(const char *path, const void *data, size_t len, struct err *e)
{
	return write_atomic(path, data, len, false, e);
}

int file_write_new(const char *path, const void *data, size_t len, struct err *e)
{
	return write_atomic(path, data, len, true, e);
}

/* ---- the write lock ------------------------------------------------------ */

static char *lock_path(const char *path)
{
	struct buf b = BUF_INIT;
	const char *base = path_basename(path);

	buf_add(&b, path, (size_t)(base - path));
	buf_addf(&b, ".%s.lock", base);
	return buf_detach(&b, NULL);
}

int file_lock(const char *path, int wait_ms, struct err *e)
{
	char *lp = lock_path(path);
	int fd = -1, waited = 0;

	for (;;) {
		struct stat a, b;

		fd = open(lp, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
		if (fd < 0) {
			if (errno == EACCES || errno == EPERM || errno == EROFS || errno == ENOENT) {
				fd = FILE_LOCK_NONE;
				break;
			}
			err_errno(e, errno, "%s: de vergrendeling %s kon niet worden gemaakt", path, lp);
			break;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			/* the holder before us may have removed the file: then lock the new one */
			if (fstat(fd, &a) == 0 && lstat(lp, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
				char pid[32];
				int n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());

				if (ftruncate(fd, 0) == 0 && n > 0)
					(void)!file_write_all(fd, pid, (size_t)n);
				break;
			}
			close(fd);
			continue;
		}
		if (errno != EWOULDBLOCK && errno != EINTR) {
			err_errno(e, errno, "%s kon niet worden vergrendeld", path);
			close(fd);
			fd = -1;
			break;
		}
		if (waited >= wait_ms) {
			char pid[32] = "";
			ssize_t n = pread(fd, pid, sizeof(pid) - 1, 0);
			long other = n > 0 ? strtol(pid, NULL, 10) : 0;

			if (other > 0)
				err_set(e, EXIT_SYSTEM,
					"%s is in gebruik door een ander programma (proces %ld); probeer het over een ogenblik opnieuw",
					path, other);
			else
				err_set(e, EXIT_SYSTEM,
					"%s is in gebruik door een ander programma; probeer het over een ogenblik opnieuw", path);
			close(fd);
			fd = -1;
			break;
		}
		close(fd);
		{
			struct timespec ts = { 0, 20 * 1000000L };

			nanosleep(&ts, NULL);
		}
		waited += 20;
	}
	free(lp);
	return fd;
}

void file_unlock(const char *path, int fd)
{
	char *lp;

	if (fd < 0)
		return;
	lp = lock_path(path);
	unlink(lp); /* before the unlock: a waiter then sees a new file (see file_lock) */
	close(fd);
	free(lp);
}
