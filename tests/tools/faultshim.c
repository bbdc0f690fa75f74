/*
 * faultshim.c - an LD_PRELOAD library that makes one system call fail.
 *
 *   FAULT_CALL=write:3    the 3rd counted write() fails (kinds below)
 *   FAULT_ERRNO=28        with this errno instead of the kind's usual one
 *   FAULT_SHORT=1         a failing write() writes half and returns that
 *                         count instead (a short write, no error)
 *   FAULT_REPORT=FILE     at exit, FILE gets "KIND COUNT" per kind, and
 *                         "failed KIND N PATH" when a fault was injected
 *
 * Kinds and the errno they fail with: open (also openat, creat, fopen:
 * EACCES, or ENOSPC when creating), read (EIO), write (ENOSPC), fsync and
 * fdatasync (EIO), close (EIO, after really closing: Linux always frees
 * the descriptor), ftruncate (EIO), rename (also renameat, renameat2:
 * EACCES), unlink (also unlinkat: EIO), mkdir (ENOSPC).
 *
 * What is counted: calls on regular files and folders only. Descriptors
 * 0-2, pipes, sockets and terminals are passed through uncounted (a full
 * stdout is tested with /dev/full; stdio writes never come through here
 * anyway, glibc calls its internal write), and so are paths below /proc,
 * /sys and /dev. The counters live in a shared anonymous mapping made at
 * load time, so the workers a batch forks count on the same counters and
 * the N-th call of the whole process tree fails, once. Only the process
 * that loaded the library writes the report. The library takes itself out
 * of LD_PRELOAD at load time: programs that dossier starts (the $EDITOR)
 * run without it, so a fault hits dossier only.
 *
 * Not usable together with ASan (its runtime must come first); the tests
 * use it with the normal build.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum kind { K_OPEN, K_READ, K_WRITE, K_FSYNC, K_FDATASYNC, K_CLOSE, K_FTRUNCATE, K_RENAME, K_UNLINK, K_MKDIR, K_N };

static const char *const names[K_N] = { "open", "read", "write", "fsync", "fdatasync", "close", "ftruncate",
					"rename", "unlink", "mkdir" };
static const int errnos[K_N] = { EACCES, EIO, ENOSPC, EIO, EIO, EIO, EIO, EACCES, EIO, ENOSPC };

struct shared {
	long count[K_N];
	int fired;
	char what[512];
};

static struct shared *sh;
static int fault_kind = -1;
static long fault_n;
static int fault_errno, fault_short;
static pid_t root_pid;
static const char *report;

#define REAL(ret, name, args) \
	static ret(*real_##name) args; \
	if (!real_##name) \
		real_##name = (ret(*) args)dlsym(RTLD_NEXT, #name)

__attribute__((constructor)) static void shim_init(void)
{
	const char *f = getenv("FAULT_CALL"), *e = getenv("FAULT_ERRNO");
	int k;

	unsetenv("LD_PRELOAD");
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		sh = NULL;
	root_pid = getpid();
	report = getenv("FAULT_REPORT");
	fault_short = getenv("FAULT_SHORT") && *getenv("FAULT_SHORT") == '1';
	if (f) {
		for (k = 0; k < K_N; k++) {
			size_t l = strlen(names[k]);

			if (!strncmp(f, names[k], l) && f[l] == ':') {
				fault_kind = k;
				fault_n = strtol(f + l + 1, NULL, 10);
			}
		}
	}
	if (fault_kind >= 0)
		fault_errno = e ? atoi(e) : errnos[fault_kind];
}

/* The report goes out through the real calls: it must not count itself. */
__attribute__((destructor)) static void shim_report(void)
{
	REAL(int, open, (const char *, int, ...));
	REAL(ssize_t, write, (int, const void *, size_t));
	REAL(int, close, (int));
	char line[700];
	int fd, k, n, ok = 1;

	if (!report || !sh || getpid() != root_pid)
		return;
	fd = real_open(report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	for (k = 0; k < K_N && ok; k++) {
		n = snprintf(line, sizeof(line), "%s %ld\n", names[k], sh->count[k]);
		ok = real_write(fd, line, (size_t)n) == n;
	}
	if (sh->fired && ok) {
		n = snprintf(line, sizeof(line), "failed %s\n", sh->what);
		ok = real_write(fd, line, (size_t)n) == n;
	}
	real_close(fd);
}

static int counted_path(const char *p)
{
	return p && strncmp(p, "/proc/", 6) && strncmp(p, "/sys/", 5) && strncmp(p, "/dev/", 5);
}

static int counted_fd(int fd)
{
	struct stat st;

	return fd > 2 && fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
}

/* Count one call; 1 when it is the one to fail. */
static int hit(enum kind k, const char *path, int fd)
{
	long n;

	if (!sh)
		return 0;
	n = __atomic_add_fetch(&sh->count[k], 1, __ATOMIC_SEQ_CST);
	if ((int)k != fault_kind || n != fault_n || __atomic_exchange_n(&sh->fired, 1, __ATOMIC_SEQ_CST))
		return 0;
	if (!path && fd >= 0) {
		char link[64], target[400];
		ssize_t l;

		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		l = readlink(link, target, sizeof(target) - 1);
		target[l > 0 ? l : 0] = '\0';
		snprintf(sh->what, sizeof(sh->what), "%s %ld %s", names[k], n, target);
	} else {
		snprintf(sh->what, sizeof(sh->what), "%s %ld %s", names[k], n, path ? path : "?");
	}
	return 1;
}

static int fail_int(void)
{
	errno = fault_errno;
	return -1;
}

static int open_fault(const char *path, int flags)
{
	if (!counted_path(path) || !hit(K_OPEN, path, -1))
		return 0;
	if (!getenv("FAULT_ERRNO") && (flags & O_CREAT))
		fault_errno = ENOSPC;
	return 1;
}

#define MODE_ARG(flags, mode) \
	mode_t mode = 0; \
	if ((flags) & (O_CREAT | O_TMPFILE)) { \
		va_list ap; \
		va_start(ap, flags); \
		mode = (mode_t)va_arg(ap, int); \
		va_end(ap); \
	}

int open(const char *path, int flags, ...)
{
	REAL(int, open, (const char *, int, ...));
	MODE_ARG(flags, mode);
	if (open_fault(path, flags))
		return fail_int();
	return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	REAL(int, open64, (const char *, int, ...));
	MODE_ARG(flags, mode);
	if (open_fault(path, flags))
		return fail_int();
	return real_open64(path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...)
{
	REAL(int, openat, (int, const char *, int, ...));
	MODE_ARG(flags, mode);
	if (open_fault(path, flags))
		return fail_int();
	return real_openat(dir, path, flags, mode);
}

int openat64(int dir, const char *path, int flags, ...)
{
	REAL(int, openat64, (int, const char *, int, ...));
	MODE_ARG(flags, mode);
	if (open_fault(path, flags))
		return fail_int();
	return real_openat64(dir, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	REAL(int, creat, (const char *, mode_t));
	if (open_fault(path, O_CREAT))
		return fail_int();
	return real_creat(path, mode);
}

FILE *fopen(const char *path, const char *mode)
{
	REAL(FILE *, fopen, (const char *, const char *));
	if (open_fault(path, strpbrk(mode, "wa") ? O_CREAT : 0)) {
		errno = fault_errno;
		return NULL;
	}
	return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	REAL(FILE *, fopen64, (const char *, const char *));
	if (open_fault(path, strpbrk(mode, "wa") ? O_CREAT : 0)) {
		errno = fault_errno;
		return NULL;
	}
	return real_fopen64(path, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(ssize_t, read, (int, void *, size_t));
	if (counted_fd(fd) && hit(K_READ, NULL, fd))
		return fail_int();
	return real_read(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, write, (int, const void *, size_t));
	if (counted_fd(fd) && hit(K_WRITE, NULL, fd)) {
		if (fault_short && n > 1)
			return real_write(fd, buf, n / 2);
		return fail_int();
	}
	return real_write(fd, buf, n);
}

int fsync(int fd)
{
	REAL(int, fsync, (int));
	if (counted_fd(fd) && hit(K_FSYNC, NULL, fd))
		return fail_int();
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(int, fdatasync, (int));
	if (counted_fd(fd) && hit(K_FDATASYNC, NULL, fd))
		return fail_int();
	return real_fdatasync(fd);
}

int close(int fd)
{
	REAL(int, close, (int));
	if (counted_fd(fd) && hit(K_CLOSE, NULL, fd)) {
		real_close(fd);
		return fail_int();
	}
	return real_close(fd);
}

int ftruncate(int fd, off_t len)
{
	REAL(int, ftruncate, (int, off_t));
	if (counted_fd(fd) && hit(K_FTRUNCATE, NULL, fd))
		return fail_int();
	return real_ftruncate(fd, len);
}

int rename(const char *from, const char *to)
{
	REAL(int, rename, (const char *, const char *));
	if (counted_path(to) && hit(K_RENAME, to, -1))
		return fail_int();
	return real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
	REAL(int, renameat, (int, const char *, int, const char *));
	if (counted_path(to) && hit(K_RENAME, to, -1))
		return fail_int();
	return real_renameat(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to, unsigned flags)
{
	REAL(int, renameat2, (int, const char *, int, const char *, unsigned));
	if (counted_path(to) && hit(K_RENAME, to, -1))
		return fail_int();
	return real_renameat2(fd1, from, fd2, to, flags);
}

int unlink(const char *path)
{
	REAL(int, unlink, (const char *));
	if (counted_path(path) && hit(K_UNLINK, path, -1))
		return fail_int();
	return real_unlink(path);
}

int unlinkat(int dir, const char *path, int flags)
{
	REAL(int, unlinkat, (int, const char *, int));
	if (counted_path(path) && hit(K_UNLINK, path, -1))
		return fail_int();
	return real_unlinkat(dir, path, flags);
}

int mkdir(const char *path, mode_t mode)
{
	REAL(int, mkdir, (const char *, mode_t));
	if (counted_path(path) && hit(K_MKDIR, path, -1))
		return fail_int();
	return real_mkdir(path, mode);
}
