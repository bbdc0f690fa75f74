/*
 * mem.h - allocation that cannot return NULL, and the two ways to die.
 *
 * Running out of memory is not something a form-filling tool can recover
 * from, so x*alloc() end the program with a Dutch message and exit code 3.
 * Files being written at that moment are protected by fileio.c: the
 * temporary file is removed at exit and the target was never touched.
 *
 * Test hook, in the spirit of Lua's test allocator: with the environment
 * variable DOSSIER_TEST_FAIL_ALLOC=N the N-th call of any x*alloc function
 * (counting from 1, in this process and the workers it forks) fails as if
 * memory had run out. With DOSSIER_TEST_ALLOC_COUNT=FILE the number of
 * calls made is appended to FILE at exit ("alloc <pid> <count>"), so a
 * test knows which N to try. The environment is read at the first call;
 * from then on the hook costs one decrement and one branch per call.
 * Allocations inside the libraries (libharu, qpdf, iniparser) do not go
 * through here; cJSON's do (json.c installs x*alloc as its hooks).
 */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of `size`-byte items to hold at least `need` items. */
void *xgrowarray(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Print "onvoldoende geheugen" and exit(3). */
_Noreturn void die_oom(void);
/* An internal error that should be impossible: print and abort(). */
_Noreturn void die_bug(const char *what);

/* Grow `arr` (with fields arr, n, cap) to hold one more item. */
#define ARRAY_GROW(arr, n, cap) \
	((arr) = xgrowarray((arr), &(cap), (n) + 1, sizeof(*(arr))))

#endif
