/*
 * migrate.h - bring case files written by earlier versions up to the
 * current forms, on load.
 *
 * Each step is a row in steps[] (migrate.c): what changed in the forms
 * and how an old value becomes a new one. Steps are idempotent, so a
 * migrated file passes through unchanged; `zet` and `invullen` save the
 * migrated form.
 *
 *   - toestemming: one consent record became a list of records (consent
 *     is given over time: for the loket, later for the Doorbraaktafel);
 *   - casus.woongemeente: free text became a choice; a text that names a
 *     choice becomes its key, another text becomes "anders" with the text
 *     kept in casus.woongemeente_anders.
 */
#ifndef MIGRATE_H
#define MIGRATE_H

#include <stdbool.h>

struct formset;
typedef struct cJSON json;

/* Migrate root in place; fs may be NULL (steps that need the forms are skipped). True when anything changed. */
bool migrate_case(json *root, const struct formset *fs);

#endif
