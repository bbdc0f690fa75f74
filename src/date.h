/*
 * date.h - calendar dates as day numbers, in Dutch.
 *
 * A date is an int: days since 1970-01-01 (proleptic Gregorian). Case
 * files store dates as ISO text (2024-04-09); users type and read them as
 * dd-mm-jjjj, and the PDF says "dinsdag 9 april 2024". "Today" honours
 * SOURCE_DATE_EPOCH so tests and reproducible builds see a fixed day.
 */
#ifndef DATE_H
#define DATE_H

#include <stdbool.h>

struct buf;

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2100

int date_from_ymd(int y, int m, int d);
void date_to_ymd(int days, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);

/* Parse stored ISO text "jjjj-mm-dd"; false if it is not a real date. */
bool date_parse_iso(const char *s, int *days);
/*
 * Parse what a user typed: dd-mm-jjjj (also with / or . and without
 * leading zeros), jjjj-mm-dd, "vandaag" or "gisteren". On failure write a
 * Dutch explanation to msg and return false.
 */
bool date_parse_user(const char *s, int *days, struct buf *msg);

/*
 * Today by the clock: what 'vandaag' means when a user types it, and the
 * day a save stamps. Test hook: DOSSIER_TEST_TODAY (seconds since 1970)
 * fixes it for the test suite.
 */
int date_today(void);
/*
 * The day a PDF is made on: SOURCE_DATE_EPOCH when set (reproducible
 * PDFs), else date_today(). Only maak and agenda use it.
 */
int date_print_day(void);
/* 0 = Monday ... 6 = Sunday */
int date_weekday(int days);
/* Whole years from birth to day (age on that day). */
int date_age(int birth, int day);

void date_fmt_iso(struct buf *b, int days);     /* 2024-04-09 */
void date_fmt_short(struct buf *b, int days);   /* 09-04-2024 */
void date_fmt_long(struct buf *b, int days);    /* 9 april 2024 */
void date_fmt_weekday(struct buf *b, int days); /* dinsdag 9 april 2024 */

/* Parse "14:30" / "14.30" / "9.05"; minutes since midnight, or false. */
bool time_parse(const char *s, int *minutes);
void time_fmt(struct buf *b, int minutes);     /* 14.30 */

#endif
