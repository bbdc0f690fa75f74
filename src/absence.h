/*
 * absence.h - what the absence registration says next to the steps taken:
 * each threshold the registration crossed (timeline.h), compared with the
 * DUO report date and the MDO dates of the case, as Dutch sentences for
 * `controleer` and the PDF's Verzuimbeeld page.
 */
#ifndef ABSENCE_H
#define ABSENCE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct timeline;

/*
 * One sentence per threshold event of t, appended to lines[0..max-1]
 * (each an initialised buf); returns the number written.
 */
size_t absence_notes(const struct timeline *t, struct buf *lines, size_t max);

typedef struct cJSON json;

/* Does the case hold absence data to draw: an imported export or typed periods? */
bool absence_has_data(const json *root);

/*
 * Where the imported registration came from, for the page's note: the
 * file's name and date, the source's name and the day it was read in
 * (dates short, dd-mm-jjjj); appended to the bufs. false when nothing was
 * imported.
 */
bool absence_source(const json *root, struct buf *file, struct buf *file_date, struct buf *source,
		    struct buf *imported);

#endif
