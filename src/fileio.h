/*
 * fileio.h - files in and out: bounded reads and atomic, private writes.
 *
 * Every file this program writes (case files, PDFs) goes through
 * file_write_atomic(): the bytes go to a temporary file next to the target,
 * created with O_EXCL and mode 0600, are fsync'ed, and the temporary file
 * is renamed over the target. A crash, a full disk or a kill at any moment
 * leaves either the old file or the new one, never a mix. Temporary files
 * are removed on every error path, at exit, and on SIGINT/SIGTERM/SIGHUP
 * (one whose removal fails is tried again at exit); one left behind by
 * SIGKILL is removed by the next write to that target.
 */
#ifndef FILEIO_H
#define FILEIO_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;

/*
 * Read a whole regular file of at most max bytes, appending to out. A
 * FIFO, device or folder is refused without waiting for it.
 */
int file_read(const char *path, size_t max, struct buf *out, struct err *e);

/*
 * Replace path with data atomically; the result has mode 0600. When path
 * is a symbolic link, the file it points to is replaced. A path that is a
 * folder, device, FIFO or socket is refused, never replaced.
 */
int file_write_atomic(const char *path, const void *data, size_t len, struct err *e);
/* Like file_write_atomic(), but fails (EEXIST) rather than replace an existing file. */
int file_write_new(const char *path, const void *data, size_t len, struct err *e);

/* Install the signal handlers that remove temporary files (once, early). */
void fileio_install_cleanup(void);
/*
 * A message to print (to stderr) when SIGINT/SIGTERM/SIGHUP stops the
 * program, e.g. where to continue; NULL for none. Copied.
 */
void fileio_signal_message(const char *msg);

/*
 * Create a private (0600) temporary file next to `near` (a file path) and
 * register it for cleanup; *path receives its name (caller frees). Returns
 * an open descriptor or -1 with e set.
 */
int fileio_temp_near(const char *near, const char *tag, char **path, struct err *e);
/*
 * Remove a file made by fileio_temp_near() and forget it (path is freed).
 * If the removal fails, the file stays registered and is tried again at
 * exit.
 */
void fileio_temp_remove(char *path);
/*
 * Call fn for every temporary file this module may have left next to path:
 * ".<name>.tmp-<pid>-…" of an atomic write (pid > 0) and ".<name>.<tag>-…"
 * of fileio_temp_near() (pid 0). `tmp` is the file's path, `tag` the part
 * after ".<name>.". Used to clean up after a killed process and when a
 * case is deleted.
 */
void fileio_each_temp(const char *path, void (*fn)(const char *tmp, const char *tag, long pid, void *ctx), void *ctx);
/* Write all of data to fd, going on after short writes; -1 with errno. */
int file_write_all(int fd, const void *data, size_t len);

/*
 * Advisory write lock of a file (one writer per case file): an exclusive
 * flock() on ".<name>.lock" next to path, created with mode 0600 and
 * without following a symbolic link. The holder's process id is written
 * into it. While another process holds it, wait up to wait_ms, then fail
 * with e set (exit 3, "... is in gebruik door een ander programma (proces
 * N)"). Returns a descriptor for file_unlock(), or FILE_LOCK_NONE when the
 * folder does not allow the lock file to be made (then no one can write
 * the file there either, and the write itself reports why), or -1.
 * file_unlock() removes the lock file and releases the lock; a process
 * that ends releases its locks anyway (a leftover lock file is harmless).
 */
#define FILE_LOCK_NONE (-2)
int file_lock(const char *path, int wait_ms, struct err *e);
void file_unlock(const char *path, int fd);

/* What the first bytes of a file say it is. */
enum file_kind { FILE_MISSING, FILE_UNREADABLE, FILE_EMPTY, FILE_PDF, FILE_PNG, FILE_JPEG, FILE_OTHER };
enum file_kind file_sniff(const char *path);
/* More than the kind: what a checker wants to know before rendering. */
struct file_info {
	enum file_kind kind;
	long long size;
	int png_depth;       /* PNG: bits per channel (8 is what the PDF library can show) */
	bool pdf_has_eof;    /* PDF: the file ends with %%EOF (not cut off) */
	int errnum;          /* FILE_UNREADABLE: the system's reason (0: not a regular file) */
};
void file_probe(const char *path, struct file_info *fi);
/* Dutch name of a kind: "PDF", "PNG-afbeelding", ... */
const char *file_kind_name(enum file_kind k);

/* Does path name an existing regular file that we can read? */
bool file_readable(const char *path);

/* The folder part of path ("." when there is none); caller frees. */
char *path_dirname(const char *path);
/* The part of path after the last '/' (points into path). */
const char *path_basename(const char *path);
/* Join dir and name unless name is absolute; caller frees. */
char *path_join(const char *dir, const char *name);

/*
 * Test hook: when the environment variable DOSSIER_TEST_FAULT names one of
 * "open", "write", "fsync", "close", "rename", the next file_write_atomic()
 * fails at that step as if the system had refused it (ENOSPC/EIO). Used by
 * the fault-injection tests; has no effect otherwise.
 */

#endif
