/*
 * err.c - error values and Dutch descriptions of system errors.
 *
 * strerror() speaks the C locale's English; users of this tool read
 * Dutch, so the errors a user can cause or fix get their own sentence.
 */
#include "err.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	buf_reset(&e->msg);
	va_start(ap, fmt);
	buf_vaddf(&e->msg, fmt, ap);
	va_end(ap);
	e->code = code;
	e->errnum = 0;
	return -1;
}

int err_errno(struct err *e, int errnum, const char *fmt, ...)
{
	va_list ap;

	buf_reset(&e->msg);
	va_start(ap, fmt);
	buf_vaddf(&e->msg, fmt, ap);
	va_end(ap);
	buf_addf(&e->msg, ": %s", errno_nl(errnum));
	e->code = EXIT_SYSTEM;
	e->errnum = errnum;
	return -1;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	buf_adds(&b, ": ");
	buf_add(&b, e->msg.s, e->msg.len);
	buf_release(&e->msg);
	e->msg = b;
}

void err_release(struct err *e)
{
	buf_release(&e->msg);
	e->code = 0;
	e->errnum = 0;
}

const char *errno_nl(int errnum)
{
	static char other[96];

	switch (errnum) {
	case ENOENT: return "bestand of map bestaat niet";
	case EACCES: return "geen toestemming (controleer de rechten van het bestand of de map)";
	case EPERM: return "niet toegestaan";
	case ENOSPC: return "de schijf is vol";
	case EDQUOT: return "uw schijfquotum is op";
	case EROFS: return "de map is alleen-lezen";
	case EISDIR: return "dit is een map, geen bestand";
	case ENOTDIR: return "een deel van het pad is geen map";
	case EEXIST: return "bestaat al";
	case ENAMETOOLONG: return "de bestandsnaam is te lang";
	case EIO: return "lees- of schrijffout op de schijf";
	case EMFILE: case ENFILE: return "te veel geopende bestanden";
	case ENOMEM: return "onvoldoende geheugen";
	case EFBIG: return "het bestand is te groot";
	case ELOOP: return "te veel symbolische koppelingen in het pad";
	case EBUSY: return "het bestand is in gebruik";
	case EXDEV: return "doel ligt op een ander bestandssysteem";
	case EINVAL: return "ongeldige bewerking voor dit bestand";
	default:
		snprintf(other, sizeof(other), "systeemfout %d (%s)", errnum, strerror(errnum));
		return other;
	}
}
