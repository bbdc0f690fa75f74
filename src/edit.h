/*
 * edit.h - changing a case: a typed answer becomes a checked value at a path.
 *
 * `dossier zet`, `dossier invullen` and imports all change a case through
 * these functions, so one answer gets the same validation and the same
 * Dutch message whichever way it was given. The meta values under
 * "dossier." (route, regio, kenmerk) are checked against the rules and
 * profiles. Nothing here saves: callers decide when (invullen saves after
 * every answer, zet once after all of them).
 */
#ifndef EDIT_H
#define EDIT_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct buf;
struct casus;
struct err;
typedef struct cJSON json;

/*
 * Set the value at `path` from typed text. An empty text removes the
 * value. Errors: unknown path (exit 2), invalid text (exit 1, with the
 * field type's message).
 */
int edit_set_text(struct app *app, struct casus *c, const char *path, const char *text, struct err *e);

/*
 * Set the value at `path` from a JSON value (as in an answers file): a
 * string is read as typed text; a number, true/false, list or group must
 * already have the stored form and is checked. v is not taken over.
 */
int edit_set_json(struct app *app, struct casus *c, const char *path, const json *v, struct err *e);

/*
 * The file handed to $EDITOR for a text: the current text, then a marker
 * line and a few lines of instructions below it. Replaces out.
 */
void edit_editor_file(struct buf *out, const char *current, const char *label);

/*
 * The text back from the editor file: everything above the last marker
 * line. Lines of the text that begin with '#' (a Markdown heading, "#3 op
 * de lijst") are the user's and are kept. Without a marker (the user
 * removed it) the instruction lines are dropped where they appear
 * unchanged. Replaces text.
 */
void edit_editor_text(const char *raw, size_t len, struct buf *text);

/*
 * Which editor opens a text: $VISUAL, then $EDITOR; when neither is set,
 * the beginner's editor nano where it is installed, else Debian's
 * sensible-editor order (~/.selected_editor, editor, nano-tiny, vi).
 * Sets cmd to the command (a shell word list) and how to a Dutch sentence
 * that names the editor and says how to save and leave it.
 */
void edit_choose_editor(struct buf *cmd, struct buf *how);

/* The stored value at path formatted for people ("" when empty); caller frees. */
char *edit_format(struct app *app, const struct casus *c, const char *path);

#endif
