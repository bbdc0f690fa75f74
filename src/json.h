/*
 * json.h - the one door to cJSON.
 *
 * Case files, form definitions and route rules are JSON. This module
 * parses them with checks cJSON does not make (valid UTF-8, no NUL, a size
 * limit, error positions as line:column), prints them, and offers small
 * accessors so no other module needs cJSON's header. A `json` value is a
 * cJSON node; whoever holds the root owns the tree and frees it with
 * json_free(). Getters return borrowed pointers into the tree.
 */
#ifndef JSON_H
#define JSON_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct buf;
typedef struct cJSON json;

enum json_type { JSON_NONE, JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

/*
 * Parse text (len bytes). `name` is used in messages ("bestand.json: regel
 * 3, kolom 7: ..."). On success *out owns the tree.
 */
int json_parse(const char *text, size_t len, const char *name, json **out, struct err *e);
/* Read and parse a file of at most max_size bytes. */
int json_load_file(const char *path, size_t max_size, json **out, struct err *e);
/* Pretty-printed text with a final newline, appended to out. */
void json_print(const json *v, struct buf *out);
/* Compact one-line text appended to out. */
void json_print_compact(const json *v, struct buf *out);

void json_free(json *v);

enum json_type json_type(const json *v);
/* Dutch name of the value's type, for messages ("tekst", "getal", ...). */
const char *json_type_name(const json *v);
bool json_is_string(const json *v);
bool json_is_number(const json *v);
bool json_is_bool(const json *v);
bool json_is_array(const json *v);
bool json_is_object(const json *v);
bool json_is_null(const json *v);

const char *json_str(const json *v);          /* NULL unless a string */
double json_num(const json *v);               /* 0 unless a number */
bool json_bool(const json *v);                /* false unless true */
json *json_get(const json *obj, const char *key); /* NULL if absent */
const char *json_get_str(const json *obj, const char *key);
size_t json_len(const json *v);               /* items of array/object */
json *json_at(const json *arr, size_t i);
/* Iterate the members of an array or object. */
json *json_first(const json *v);
json *json_next(const json *v);
const char *json_key(const json *member);

json *json_new_object(void);
json *json_new_array(void);
json *json_new_string(const char *s);
json *json_new_number(double d);
json *json_new_bool(bool b);
json *json_new_null(void);
json *json_dup(const json *v);

/* Set key in obj to v (takes ownership of v), replacing an old value in place. */
void json_set(json *obj, const char *key, json *v);
void json_remove(json *obj, const char *key);
/* Append v (takes ownership) to arr. */
void json_append(json *arr, json *v);
/* Insert v before index i (or append when i == len). */
void json_insert(json *arr, size_t i, json *v);
void json_remove_at(json *arr, size_t i);
/* Swap items i and j of arr. */
void json_swap(json *arr, size_t i, size_t j);
/* Structural equality. */
bool json_equal(const json *a, const json *b);

#endif
