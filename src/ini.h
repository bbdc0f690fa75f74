/*
 * ini.h - the one door to iniparser: INI files with Dutch errors.
 *
 * Regional profiles, the user's configuration, page templates and meeting
 * files are INI. Loading checks the encoding first (UTF-8) and turns
 * iniparser's complaints into "bestand:regel: ..." messages. Section and
 * key names are case-insensitive (iniparser folds them to lower case).
 */
#ifndef INI_H
#define INI_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct ini;

/* Load path; caller frees with ini_free(). */
int ini_load(const char *path, struct ini **out, struct err *e);
void ini_free(struct ini *ini);
const char *ini_file(const struct ini *ini);
/* The line (from 1) of key in section, of [section] itself when key is NULL; 0 when not found. */
size_t ini_line(const struct ini *ini, const char *section, const char *key);
/* Append "file:line" for key in section (just "file" when the line is unknown), for messages. */
void ini_where(const struct ini *ini, const char *section, const char *key, struct buf *out);

/* The value of key in section, or NULL when absent. */
const char *ini_get(const struct ini *ini, const char *section, const char *key);
bool ini_has_section(const struct ini *ini, const char *section);

/*
 * A number in [min, max]; def when absent. A value that is not a number
 * or out of range is an error naming the file, section and key.
 */
int ini_get_number(const struct ini *ini, const char *section, const char *key, double def,
		   double min, double max, double *out, struct err *e);
/* ja/nee (also true/false, 1/0); def when absent. */
int ini_get_bool(const struct ini *ini, const char *section, const char *key, bool def,
		 bool *out, struct err *e);

/* Sections and keys, for iteration. Key names come without "section:". */
size_t ini_nsections(const struct ini *ini);
const char *ini_section(const struct ini *ini, size_t i);
size_t ini_nkeys(const struct ini *ini, const char *section);
/* The i-th key of section (i < ini_nkeys), or NULL. */
const char *ini_key(const struct ini *ini, const char *section, size_t i);

#endif
