/*
 * err.h - an error as a value: exit code plus a Dutch message.
 *
 * Modules never print. A function that fails fills a struct err and
 * returns -1; the command layer adds context if it wants to and main()
 * prints the message once, as "dossier: <message>", and exits with the
 * code. The exit codes are part of the user interface (README, --help).
 */
#ifndef ERR_H
#define ERR_H

#include "buf.h"

enum exit_code {
	EXIT_OK = 0,      /* done; the dossier is complete (warnings allowed) */
	EXIT_INVALID = 1, /* the dossier is incomplete or holds invalid data */
	EXIT_USAGE = 2,   /* wrong command line */
	EXIT_SYSTEM = 3,  /* a file could not be read or written, or the system failed */
};

struct err {
	int code;        /* one of enum exit_code; 0 while no error is set */
	struct buf msg;  /* Dutch, no trailing newline */
	int errnum;      /* set by err_errno(): the system's reason; else 0 */
};
#define ERR_INIT { 0, BUF_INIT, 0 }

/* Set the error (replacing an earlier one) and return -1. */
int err_set(struct err *e, int code, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Like err_set with EXIT_SYSTEM, followed by ": " and errnum in Dutch. */
int err_errno(struct err *e, int errnum, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Put "<context>: " in front of the message. */
void err_prefix(struct err *e, const char *fmt, ...) PRINTF_LIKE(2, 3);
void err_release(struct err *e);

/* The Dutch description of an errno value; never NULL. */
const char *errno_nl(int errnum);

#endif
