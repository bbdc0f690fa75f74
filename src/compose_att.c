/*
 * compose_att.c - the attachments ("weergave": "bijlagen").
 *
 * An overview page lists every record of the attachments form (also the
 * ones that stay out for lack of consent: they are named, not included);
 * then each included PDF gets a separator page, after which its own pages
 * are merged in (ldoc_insert()), and each scan a page of its own.
 */
#include "compose_int.h"
#include "casus.h"
#include "date.h"
#include "fileio.h"
#include "json.h"
#include "path.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

void print_attachments_head(struct comp *C, const struct section *s)
{
	struct buf t = BUF_INIT;

	section_title(C, s, NULL);
	word_of(C, W_ATTACHMENTS_INTRO, NULL, &t);
	if (t.len)
		flow_text(&C->f, t.s);
	print_list(C, &s->form->root, json_get(C->in->c->root, s->form->id));
	buf_release(&t);
}

void print_attachment(struct comp *C, const struct section *s)
{
	const struct att *a = s->att;
	struct kv kv;
	struct buf t = BUF_INIT, v = BUF_INIT, l = BUF_INIT;
	int d;

	kv_init(&kv);
	section_title(C, s, NULL);
	word_of(C, W_ATT_KIND, NULL, &l);
	if (a->consent_scan)
		word_of(C, W_ATT_SIGNED_CONSENT, NULL, &v);
	else
		prep(C, a->kind_label, &v);
	kv_add(&kv, l.s, v.s);
	if (date_parse_iso(a->date, &d)) {
		buf_reset(&t);
		date_fmt_long(&t, d);
		word_of(C, W_ATT_DATE, NULL, &l);
		kv_add(&kv, l.s, t.s);
	}
	prep(C, path_basename(a->stored), &v);
	word_of(C, W_ATT_FILE, NULL, &l);
	kv_add(&kv, l.s, v.s);
	if (a->is_pdf) {
		char n[24];
		const char *vars[] = { "n", n, NULL };

		snprintf(n, sizeof(n), "%zu", a->npages);
		word_of(C, W_ATT_PAGES, NULL, &l);
		kv_add(&kv, l.s, n);
		kv_flush(C, &kv);
		word_of(C, a->npages == 1 ? W_ATT_NEXT_ONE : W_ATT_NEXT_MANY, vars, &t);
		flow_note(&C->f, t.s);
		ldoc_insert(C->doc, flow_page(&C->f), a->path, a->npages, s->index);
	} else {
		kv_flush(C, &kv);
		flow_image(&C->f, a->path, a->img_w, a->img_h);
	}
	kv_release(&kv);
	buf_release(&t);
	buf_release(&v);
	buf_release(&l);
}
