/*
 * sharelog.c - the sharing log (see sharelog.h).
 */
#include "sharelog.h"
#include "buf.h"
#include "casus.h"
#include "date.h"
#include "err.h"
#include "json.h"
#include "mem.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banned.h"

/* "2026-11-18 14:05": the moment, local time; SOURCE_DATE_EPOCH when set. */
static void moment(struct buf *out)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;
	char s[32];

	if (!localtime_r(&t, &tm) || !strftime(s, sizeof(s), "%Y-%m-%d %H:%M", &tm))
		s[0] = '\0';
	buf_adds(out, s);
}

json *sharelog_entry(const char *what, const struct route *r, const json *root, int day, bool anonymous,
		     bool concept, bool no_attachments, const char *meeting)
{
	json *e = json_new_object(), *tables = json_new_array(), *consents = json_new_array();
	struct buf m = BUF_INIT;
	size_t i;

	moment(&m);
	json_set(e, "moment", json_new_string(m.s));
	json_set(e, "opdracht", json_new_string(what));
	if (meeting)
		json_set(e, "vergadering", json_new_string(meeting));
	json_set(e, "route", json_new_string(r->id));
	for (i = 0; i < r->nrecipients; i++) {
		json *c = json_new_object();
		int k = rules_consent_for(root, r->recipients[i], day);

		json_append(tables, json_new_string(r->recipients[i]));
		json_set(c, "tafel", json_new_string(r->recipients[i]));
		json_set(c, "toestemming", json_new_number(k)); /* 0: none covered it */
		json_append(consents, c);
	}
	json_set(e, "tafels", tables);
	json_set(e, "toestemmingen", consents);
	json_set(e, "documenten", json_new_array());
	json_set(e, "anoniem", json_new_bool(anonymous));
	json_set(e, "concept", json_new_bool(concept));
	json_set(e, "zonder_bijlagen", json_new_bool(no_attachments));
	buf_release(&m);
	return e;
}

void sharelog_add_doc(json *entry, const char *title)
{
	if (title && *title)
		json_append(json_get(entry, "documenten"), json_new_string(title));
}

int sharelog_append(const char *casus_path, const json *entry, struct err *e)
{
	struct casus c = CASUS_INIT;
	json *log;
	int r = -1;

	if (casus_load_locked(&c, casus_path, e))
		goto out;
	log = json_get(c.root, "logboek");
	if (!json_is_array(log)) {
		json_set(c.root, "logboek", json_new_array());
		log = json_get(c.root, "logboek");
	}
	json_append(log, json_dup(entry));
	r = casus_save(&c, e);
out:
	if (r)
		err_prefix(e, "het logboek van %s kon niet worden bijgewerkt", casus_path);
	casus_release(&c);
	return r;
}
