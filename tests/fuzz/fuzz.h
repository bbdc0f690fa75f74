/*
 * fuzz.h - shared bits of the libFuzzer harnesses (tests/fuzz/fuzz_*.c).
 *
 * Each harness is built twice by the Makefile: with clang and libFuzzer
 * for `make fuzz`, and with the project's compiler plus replay.c as a plain
 * program that re-runs saved inputs for `make check`. FUZZ_ROOT (set by
 * the Makefile) is the source tree, for the real form definitions, rules,
 * profiles, templates and fonts. Inputs that must be files are written
 * into a private scratch folder, removed at exit.
 *
 * A harness reports a broken property with abort(), which both libFuzzer
 * and the replay program treat as a crash.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "utf8.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Stop with a message on stderr: a property of the code under test broke. */
#define FUZZ_ASSERT(cond)                                                                       \
	do {                                                                                    \
		if (!(cond)) {                                                                  \
			fprintf(stderr, "%s:%d: fuzz: property broken: %s\n", __FILE__, __LINE__, \
				#cond);                                                         \
			abort();                                                                \
		}                                                                               \
	} while (0)

static char fuzz_scratch[64];

/* dir + "/" + name + ext into out (n bytes); aborts when it does not fit. */
static inline void fuzz_join_ext(char *out, size_t n, const char *dir, const char *name, const char *ext)
{
	int r = snprintf(out, n, "%s/%s%s", dir, name, ext);

	if (r < 0 || (size_t)r >= n) {
		fprintf(stderr, "fuzz: path too long: %s/%s%s\n", dir, name, ext);
		abort();
	}
}

static inline void fuzz_join(char *out, size_t n, const char *dir, const char *name)
{
	fuzz_join_ext(out, n, dir, name, "");
}

/* Remove the scratch folder and what is in it (one level, plus one of sub-folders). */
static inline void fuzz_rm_tree(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[512];

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		fuzz_join(p, sizeof(p), dir, de->d_name);
		if (unlink(p) != 0 && depth < 4)
			fuzz_rm_tree(p, depth + 1);
	}
	closedir(d);
	rmdir(dir);
}

static inline void fuzz_cleanup(void)
{
	if (fuzz_scratch[0])
		fuzz_rm_tree(fuzz_scratch, 0);
}

/* The scratch folder of this process (made on first use). */
static inline const char *fuzz_dir(void)
{
	if (!fuzz_scratch[0]) {
		const char *tmp = getenv("TMPDIR");

		snprintf(fuzz_scratch, sizeof(fuzz_scratch), "%s/dossier-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_scratch)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(fuzz_cleanup);
	}
	return fuzz_scratch;
}

/* The full name of a file in the scratch folder. */
static inline void fuzz_path(char *out, size_t n, const char *name)
{
	fuzz_join(out, n, fuzz_dir(), name);
}

/* Write data to path, replacing it; aborts on failure (the harness cannot go on). */
static inline void fuzz_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* A NUL-terminated copy of the input; caller frees. */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Is s a whole, valid UTF-8 text (what may reach the terminal or the PDF)? */
static inline bool fuzz_utf8(const char *s)
{
	return s && utf8_check(s, strlen(s), NULL);
}

/*
 * What every failing loader must give: an exit code and a Dutch message
 * that can be printed as it is.
 */
static inline void fuzz_check_err(const struct err *e)
{
	FUZZ_ASSERT(e->code == EXIT_INVALID || e->code == EXIT_USAGE || e->code == EXIT_SYSTEM);
	FUZZ_ASSERT(e->msg.len > 0 && fuzz_utf8(e->msg.s));
}

#endif
