/*
 * buf.h - growable byte string, the only way this program builds text.
 *
 * A struct buf owns its bytes. `s` is never NULL and always NUL-terminated,
 * so it can be handed to any function that wants a C string; `len` counts
 * the bytes before that NUL. Initialise with BUF_INIT or buf_init(), give
 * the memory back with buf_release(), or take it with buf_detach().
 *
 * Allocation failure ends the program through die_oom() (see mem.h): a
 * half-built string is never returned to the caller.
 */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;
	size_t len;
	size_t cap; /* 0 while s points at the shared empty string */
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

void buf_init(struct buf *b, size_t hint);
/*
 * n empty buffers in one array (zeroed memory is not an empty buf: its s
 * would be NULL). Caller releases each buffer and frees the array.
 */
struct buf *buf_array(size_t n);
/* Free the bytes and leave b empty and reusable. */
void buf_release(struct buf *b);
/* Hand the bytes to the caller (caller frees); b is left empty. */
char *buf_detach(struct buf *b, size_t *len);
/* Make room for `extra` more bytes. */
void buf_grow(struct buf *b, size_t extra);
void buf_setlen(struct buf *b, size_t len);
static inline void buf_reset(struct buf *b) { buf_setlen(b, 0); }

void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, int c);
void buf_addf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Append `s` `n` times. */
void buf_addrep(struct buf *b, const char *s, size_t n);
/* Replace the contents with a copy of s. */
void buf_sets(struct buf *b, const char *s);

/* Strip ASCII white space at both ends. */
void buf_trim(struct buf *b);

#endif
