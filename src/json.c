/*
 * json.c - cJSON behind a small, checked interface (see json.h).
 *
 * Before cJSON sees a text, one pass checks what cJSON lets through or
 * reports badly: invalid UTF-8 and NUL bytes, "\u0000" escapes (cJSON
 * would silently cut the string there) and nesting deeper than cJSON's
 * limit. cJSON allocates through x*alloc(), so it never sees NULL.
 */
#include "json.h"
#include "buf.h"
#include "err.h"
#include "mem.h"
#include "utf8.h"
#include "fileio.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "banned.h"

#define MAX_DEPTH 200

static void init_hooks(void)
{
	static int done;
	cJSON_Hooks h = { xmalloc, free };

	if (!done) {
		cJSON_InitHooks(&h);
		done = 1;
	}
}

static int fail_at(struct err *e, const char *name, const char *text, size_t off, const char *what)
{
	size_t line, col;

	utf8_line_col(text, off, &line, &col);
	return err_set(e, EXIT_SYSTEM, "%s: regel %zu, kolom %zu: %s", name, line, col, what);
}

static int hex4(const char *s, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		char c = s[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	return 1;
}

/*
 * A "\uXXXX" escape at text[i] (the backslash): how many bytes past the
 * backslash to skip, or 0 with *why set for what cJSON gets wrong. It
 * refuses half of a UTF-16 pair without a useful position, and it reads
 * "\uZZZZ" (not four hex digits) as a NUL and silently cuts the text
 * there, so a save would lose the rest of the value.
 */
static size_t unicode_escape(const char *text, size_t len, size_t i, const char **why)
{
	unsigned v, w;

	if (i + 6 > len || !hex4(text + i + 2, &v)) {
		*why = "ongeldige \\u-code: na \\u horen vier hexadecimale cijfers (0-9, a-f)";
		return 0;
	}
	if (v >= 0xDC00 && v <= 0xDFFF)
		goto half;
	if (v < 0xD800 || v > 0xDBFF)
		return 5;
	if (i + 12 > len || text[i + 6] != '\\' || text[i + 7] != 'u' || !hex4(text + i + 8, &w) ||
	    w < 0xDC00 || w > 0xDFFF)
		goto half;
	return 11;
half:
	*why = "ongeldige \\u-code: de helft van een UTF-16-paar (\\uD800-\\uDFFF) zonder de andere helft";
	return 0;
}

static bool only_space(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
			return false;
	return true;
}

/* One pass over the raw text: encoding, NUL escapes, \u pairs and depth. */
static int precheck(const char *text, size_t len, const char *name, struct err *e, int *unclosed)
{
	size_t i, bad, depth = 0;
	int in_str = 0, mismatch = 0;
	char stack[MAX_DEPTH + 1];

	if (!utf8_check(text, len, &bad))
		return fail_at(e, name, text, bad,
			       text[bad] ? "ongeldige UTF-8-tekens; sla het bestand op als UTF-8"
					 : "het bestand bevat een NUL-teken");
	for (i = 0; i < len; i++) {
		char c = text[i];

		if (in_str) {
			if (c == '\\') {
				size_t skip = 1;
				const char *why = NULL;

				if (i + 5 < len && text[i + 1] == 'u' && !memcmp(text + i + 2, "0000", 4))
					return fail_at(e, name, text, i, "de tekst bevat een NUL-teken (\\u0000)");
				if (i + 1 < len && text[i + 1] == 'u' && !(skip = unicode_escape(text, len, i, &why)))
					return fail_at(e, name, text, i, why);
				i += skip;
			} else if (c == '"') {
				in_str = 0;
			}
			continue;
		}
		if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (depth >= MAX_DEPTH)
				return fail_at(e, name, text, i, "de gegevens zijn te diep genest");
			stack[depth++] = c == '[' ? ']' : '}';
		} else if (c == ']' || c == '}') {
			if (depth && stack[depth - 1] == c)
				depth--;
			else
				mismatch = 1;
		}
	}
	*unclosed = !mismatch && (in_str || depth > 0);
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first key that occurs twice in obj's own members, or NULL. */
static const char *twice(const cJSON *obj)
{
	const cJSON *a, *b;
	const char **keys, *dup = NULL;
	size_t n = 0, i;

	for (a = obj->child; a; a = a->next)
		n++;
	if (n <= 16) {
		for (a = obj->child; a && !dup; a = a->next)
			for (b = a->next; b && !dup; b = b->next)
				if (a->string && b->string && !strcmp(a->string, b->string))
					dup = a->string;
		return dup;
	}
	keys = xcalloc(n, sizeof(*keys));
	for (a = obj->child, i = 0; a; a = a->next)
		if (a->string)
			keys[i++] = a->string;
	qsort(keys, i, sizeof(*keys), cmp_key);
	n = i;
	for (i = 1; i < n && !dup; i++)
		if (!strcmp(keys[i - 1], keys[i]))
			dup = keys[i];
	free(keys);
	return dup;
}

/* The first object at or below v that holds a key twice, or NULL; *dup gets the key. */
static const cJSON *dup_group(const cJSON *v, const char **dup)
{
	const cJSON *c, *g;

	if (cJSON_IsObject(v) && (*dup = twice(v)))
		return v;
	for (c = v->child; c; c = c->next)
		if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && (g = dup_group(c, dup)))
			return g;
	return NULL;
}

/* Append the path from v down to target ("casus.ouders[2]"); true when found. */
static bool path_to(const cJSON *v, const cJSON *target, struct buf *where)
{
	const cJSON *c;
	size_t mark = where->len, k = 0;

	if (v == target)
		return true;
	for (c = v->child; c; c = c->next) {
		k++;
		if (!cJSON_IsObject(c) && !cJSON_IsArray(c))
			continue;
		if (cJSON_IsObject(v))
			buf_addf(where, "%s%s", where->len ? "." : "", c->string ? c->string : "");
		else
			buf_addf(where, "[%zu]", k);
		if (path_to(c, target, where))
			return true;
		buf_setlen(where, mark);
	}
	return false;
}

/*
 * A key twice in one group is ambiguous (one value would be used, the
 * other silently kept), so it is an error naming the group and the key.
 * The group's path is only worked out when there is one to report.
 */
static int no_duplicates(const cJSON *v, const char *name, struct err *e)
{
	const char *dup = NULL;
	const cJSON *g = dup_group(v, &dup);
	struct buf where = BUF_INIT;
	int r;

	if (!g)
		return 0;
	path_to(v, g, &where);
	r = err_set(e, EXIT_SYSTEM, "%s: %s: de sleutel \"%s\" staat er twee keer in; laat er één staan", name,
		    where.len ? where.s : "het bestand", dup);
	buf_release(&where);
	return r;
}

int json_parse(const char *text, size_t len, const char *name, json **out, struct err *e)
{
	const char *end = NULL;
	cJSON *v;
	int unclosed = 0;

	init_hooks();
	*out = NULL;
	if (only_space(text, len) || (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) && only_space(text + 3, len - 3)))
		return err_set(e, EXIT_SYSTEM, "%s: het bestand is leeg (verwacht JSON: {...})", name);
	{
		/* a document given where the .json belongs: say so, not "invalid UTF-8" */
		static const struct {
			const char *magic;
			size_t n;
			const char *what;
		} kinds[] = {
			{ "%PDF-", 5, "een PDF" }, { "\x89PNG", 4, "een PNG-afbeelding" },
			{ "\xFF\xD8\xFF", 3, "een JPEG-afbeelding" }, { "PK\x03\x04", 4, "een Word- of ZIP-bestand" },
		};
		size_t k;

		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (len >= kinds[k].n && !memcmp(text, kinds[k].magic, kinds[k].n))
				return err_set(e, EXIT_SYSTEM,
					       "%s is %s, geen JSON-bestand; geef het .json-bestand van de casus op "
					       "(de PDF maakt dossier daaruit)", name, kinds[k].what);
	}
	if (precheck(text, len, name, e, &unclosed))
		return -1;
	v = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!v) {
		size_t off = len;

		if (!end)
			end = cJSON_GetErrorPtr();
		if (end && end >= text && end <= text + len)
			off = (size_t)(end - text);
		if (off >= len || unclosed)
			return err_set(e, EXIT_SYSTEM, "%s: het bestand houdt onverwacht op (onvolledige JSON: een '}', ']' of '\"' ontbreekt)", name);
		return fail_at(e, name, text, off, "dit is geen geldige JSON");
	}
	while (end && (size_t)(end - text) < len &&
	       (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t'))
		end++;
	if (end && (size_t)(end - text) < len) {
		cJSON_Delete(v);
		return fail_at(e, name, text, (size_t)(end - text), "onverwachte tekst na het einde van de JSON");
	}
	if (no_duplicates(v, name, e)) {
		cJSON_Delete(v);
		return -1;
	}
	*out = v;
	return 0;
}

int json_load_file(const char *path, size_t max_size, json **out, struct err *e)
{
	struct buf b = BUF_INIT;
	int r;

	*out = NULL;
	if (file_read(path, max_size, &b, e))
		return -1;
	r = json_parse(b.s, b.len, path, out, e);
	buf_release(&b);
	return r;
}

static void print_scalar(const json *v, struct buf *out)
{
	char *s = cJSON_PrintUnformatted(v);

	if (!s)
		die_oom();
	buf_adds(out, s);
	free(s);
}

/* Two-space indentation, one member per line: easy to read and to diff. */
static void print_pretty(const json *v, struct buf *out, int depth)
{
	const cJSON *c;
	bool obj = json_is_object(v);

	if (!obj && !json_is_array(v)) {
		print_scalar(v, out);
		return;
	}
	if (!v->child) {
		buf_adds(out, obj ? "{}" : "[]");
		return;
	}
	buf_addch(out, obj ? '{' : '[');
	for (c = v->child; c; c = c->next) {
		buf_addch(out, '\n');
		buf_addrep(out, "  ", (size_t)depth + 1);
		if (obj) {
			json *key = json_new_string(c->string ? c->string : "");

			print_scalar(key, out);
			json_free(key);
			buf_adds(out, ": ");
		}
		print_pretty(c, out, depth + 1);
		if (c->next)
			buf_addch(out, ',');
	}
	buf_addch(out, '\n');
	buf_addrep(out, "  ", (size_t)depth);
	buf_addch(out, obj ? '}' : ']');
}

void json_print(const json *v, struct buf *out)
{
	init_hooks();
	print_pretty(v, out, 0);
	buf_addch(out, '\n');
}

void json_print_compact(const json *v, struct buf *out)
{
	init_hooks();
	print_scalar(v, out);
}

void json_free(json *v)
{
	if (v)
		cJSON_Delete(v);
}

enum json_type json_type(const json *v)
{
	if (!v)
		return JSON_NONE;
	switch (v->type & 0xFF) {
	case cJSON_NULL: return JSON_NULL;
	case cJSON_True: case cJSON_False: return JSON_BOOL;
	case cJSON_Number: return JSON_NUMBER;
	case cJSON_String: return JSON_STRING;
	case cJSON_Array: return JSON_ARRAY;
	case cJSON_Object: return JSON_OBJECT;
	default: return JSON_NONE;
	}
}

const char *json_type_name(const json *v)
{
	switch (json_type(v)) {
	case JSON_NULL: return "leeg (null)";
	case JSON_BOOL: return "ja/nee (true/false)";
	case JSON_NUMBER: return "getal";
	case JSON_STRING: return "tekst";
	case JSON_ARRAY: return "lijst";
	case JSON_OBJECT: return "groep ({...})";
	default: return "niets";
	}
}

bool json_is_string(const json *v) { return json_type(v) == JSON_STRING; }
bool json_is_number(const json *v) { return json_type(v) == JSON_NUMBER; }
bool json_is_bool(const json *v) { return json_type(v) == JSON_BOOL; }
bool json_is_array(const json *v) { return json_type(v) == JSON_ARRAY; }
bool json_is_object(const json *v) { return json_type(v) == JSON_OBJECT; }
bool json_is_null(const json *v) { return json_type(v) == JSON_NULL; }

const char *json_str(const json *v)
{
	return json_is_string(v) ? v->valuestring : NULL;
}

double json_num(const json *v)
{
	return json_is_number(v) ? v->valuedouble : 0;
}

bool json_bool(const json *v)
{
	return v && (v->type & 0xFF) == cJSON_True;
}

json *json_get(const json *obj, const char *key)
{
	if (!json_is_object(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

const char *json_get_str(const json *obj, const char *key)
{
	return json_str(json_get(obj, key));
}

size_t json_len(const json *v)
{
	size_t n = 0;
	const cJSON *c;

	if (!json_is_array(v) && !json_is_object(v))
		return 0;
	for (c = v->child; c; c = c->next)
		n++;
	return n;
}

json *json_at(const json *arr, size_t i)
{
	cJSON *c;

	if (!json_is_array(arr))
		return NULL;
	for (c = arr->child; c && i; c = c->next)
		i--;
	return c;
}

json *json_first(const json *v)
{
	if (!json_is_array(v) && !json_is_object(v))
		return NULL;
	return v->child;
}

json *json_next(const json *v)
{
	return v ? v->next : NULL;
}

const char *json_key(const json *member)
{
	return member ? member->string : NULL;
}

static json *checked(json *v)
{
	if (!v)
		die_oom();
	return v;
}

json *json_new_object(void) { init_hooks(); return checked(cJSON_CreateObject()); }
json *json_new_array(void) { init_hooks(); return checked(cJSON_CreateArray()); }
json *json_new_string(const char *s) { init_hooks(); return checked(cJSON_CreateString(s)); }
json *json_new_number(double d) { init_hooks(); return checked(cJSON_CreateNumber(d)); }
json *json_new_bool(bool b) { init_hooks(); return checked(cJSON_CreateBool(b)); }
json *json_new_null(void) { init_hooks(); return checked(cJSON_CreateNull()); }

json *json_dup(const json *v)
{
	init_hooks();
	return checked(cJSON_Duplicate(v, 1));
}

void json_set(json *obj, const char *key, json *v)
{
	if (cJSON_GetObjectItemCaseSensitive(obj, key)) {
		if (!cJSON_ReplaceItemInObjectCaseSensitive(obj, key, v))
			die_bug("json_set replace");
	} else if (!cJSON_AddItemToObject(obj, key, v)) {
		die_oom();
	}
}

void json_remove(json *obj, const char *key)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
}

void json_append(json *arr, json *v)
{
	if (!cJSON_AddItemToArray(arr, v))
		die_oom();
}

void json_insert(json *arr, size_t i, json *v)
{
	if (i >= json_len(arr))
		json_append(arr, v);
	else if (!cJSON_InsertItemInArray(arr, (int)i, v))
		die_oom();
}

void json_remove_at(json *arr, size_t i)
{
	cJSON_DeleteItemFromArray(arr, (int)i);
}

void json_swap(json *arr, size_t i, size_t j)
{
	json *a, *b;

	if (i == j || i >= json_len(arr) || j >= json_len(arr))
		return;
	if (i > j) {
		size_t t = i;
		i = j;
		j = t;
	}
	b = cJSON_DetachItemFromArray(arr, (int)j);
	a = cJSON_DetachItemFromArray(arr, (int)i);
	json_insert(arr, i, b);
	json_insert(arr, j, a);
}

bool json_equal(const json *a, const json *b)
{
	return cJSON_Compare(a, b, 1);
}
