/*
 * textrule.h - the text rule: how typed text becomes paragraphs.
 *
 * People type long answers line by line in a terminal, press Enter at the
 * screen's edge, or paste from elsewhere. The rule (docs/tekstregel.md),
 * followed by `toon`, the PDF and the web form alike:
 *
 *   - a single line break inside a paragraph is soft: the lines are
 *     joined with one space;
 *   - an empty line (or one of only spaces) starts a new paragraph;
 *   - a line that begins with "- " (or "* ", or "• ") is a list item: it
 *     starts on a line of its own and is written "- item"; lines after
 *     it without a marker continue the item.
 *
 * Spaces at the ends of lines are dropped; spaces inside a line are kept.
 */
#ifndef TEXTRULE_H
#define TEXTRULE_H

struct buf;

/*
 * Append text reflowed by the rule: paragraphs separated by "\n\n", list
 * items each on a line of its own ("- ..."), no other line breaks.
 */
void text_reflow(const char *text, struct buf *out);

#endif
