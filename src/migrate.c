/*
 * migrate.c - case files of earlier versions (see migrate.h).
 */
#include "migrate.h"
#include "buf.h"
#include "err.h"
#include "field.h"
#include "form.h"
#include "json.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* One consent object becomes a list holding it. */
static bool consent_list(json *root, const struct formset *fs)
{
	json *t = json_get(root, "toestemming");

	(void)fs;
	if (!json_is_object(t))
		return false;
	t = json_dup(t);
	json_set(root, "toestemming", json_new_array());
	json_append(json_get(root, "toestemming"), t);
	return true;
}

/* The municipality as free text becomes the choice it names, or "anders". */
static bool home_choice(json *root, const struct formset *fs)
{
	struct err e = ERR_INIT;
	const struct field *f = fs ? formset_field(fs, "casus.woongemeente", &e) : NULL;
	json *casus = json_get(root, "casus");
	const char *v = json_get_str(casus, "woongemeente");
	size_t i;

	err_release(&e);
	if (!f || !v || !*v || field_choice(f, v))
		return false;
	for (i = 0; i < f->nchoices; i++)
		if (utf8_fold_equal(f->choices[i].label, v) || utf8_fold_equal(f->choices[i].key, v)) {
			json_set(casus, "woongemeente", json_new_string(f->choices[i].key));
			return true;
		}
	if (!field_choice(f, "anders"))
		return false;
	json_set(casus, "woongemeente_anders", json_new_string(v));
	json_set(casus, "woongemeente", json_new_string("anders"));
	return true;
}

static bool (*const steps[])(json *root, const struct formset *fs) = {
	consent_list,
	home_choice,
};

bool migrate_case(json *root, const struct formset *fs)
{
	bool changed = false;
	size_t i;

	if (!json_is_object(root))
		return false;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		changed |= steps[i](root, fs);
	return changed;
}
