/*
 * csvimport.h - the one door to libcsv: a school's absence export read
 * with a mapping (forms/verzuim/<bron>.ini) into days of absence.
 *
 * A pupil administration exports absence per day or per lesson. The
 * mapping names the separator, the encoding, the header names of the
 * columns (date, kind code, hours, minutes or begin/end time, times late)
 * and which of the source's codes is which kind of absence (the keys of
 * casus.verzuim.registratie[n].soort, or "negeer"). The result is one
 * entry per day and kind, hours and times added up, sorted by day and
 * kind, so two exports of different shapes that describe the same absence
 * give the same result. The generic format is docs/verzuimexport.md.
 *
 * Every unreadable row is an error naming the file, the row (the header
 * is row 1) and the column; the first ten are reported together.
 */
#ifndef CSVIMPORT_H
#define CSVIMPORT_H

#include <stdbool.h>
#include <stddef.h>

struct err;

struct absence_day {
	int day;       /* day number (date.h) */
	int kind;      /* enum tl_kind (timeline.h) */
	long minutes;  /* time missed that day of this kind */
	long times;    /* rows (or the times column) of this kind that day */
};

struct absence_import {
	struct absence_day *v;
	size_t n;
	size_t rows;      /* data rows read (without the header) */
	size_t ignored;   /* rows whose code is "negeer" */
	char *source;     /* the mapping's [bron] naam */
};
#define ABSENCE_IMPORT_INIT { NULL, 0, 0, 0, NULL }

/*
 * Read csv_path with the mapping in map_path. encoding, when not NULL,
 * overrides the mapping's codering ("utf-8" or "latin-1"). 0, or -1 with
 * e set (exit 1 for a bad row or an empty file, 3 for an unreadable file
 * or mapping). Caller releases out.
 */
int csvimport_read(const char *csv_path, const char *display_name, const char *map_path, const char *encoding,
		   struct absence_import *out, struct err *e);
void absence_import_release(struct absence_import *imp);

#endif
