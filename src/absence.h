/*
 * absence.h - what the absence registration says next to the steps taken:
 * each threshold the registration crossed (timeline.h), compared with the
 * DUO report date and the MDO dates of the case, as Dutch sentences for
 * `controleer` and the PDF's Verzuimbeeld page.
 */
#ifndef ABSENCE_H
#define ABSENCE_H

#include <stddef.h>

struct buf;
struct timeline;

/*
 * One sentence per threshold event of t, appended to lines[0..max-1]
 * (each an initialised buf); returns the number written.
 */
size_t absence_notes(const struct timeline *t, struct buf *lines, size_t max);

#endif
