/*
 * attach.c - merging attached PDFs with libqpdf's C API (see attach.h).
 *
 * qpdf copies pages from other files lazily: the source documents must
 * stay open until the merged file has been written, so they are kept in
 * an array and closed at the end.
 */
#include "attach.h"
#include "buf.h"
#include "err.h"
#include "layout.h"
#include "mem.h"

#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

/* The first error text qpdf has, for the message; caller frees. */
static char *qpdf_reason(qpdf_data q)
{
	if (q && qpdf_has_error(q)) {
		qpdf_error err = qpdf_get_error(q);
		const char *t = qpdf_get_error_full_text(q, err);

		return xstrdup(t ? t : "onbekende fout");
	}
	return xstrdup("onbekende fout");
}

static qpdf_data open_pdf(const char *path, struct err *e)
{
	qpdf_data q = qpdf_init();

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
		char *why = qpdf_reason(q);

		err_set(e, EXIT_INVALID, "%s is geen leesbare PDF (%s)", path, why);
		free(why);
		qpdf_cleanup(&q);
		return NULL;
	}
	if (qpdf_is_encrypted(q)) {
		err_set(e, EXIT_INVALID, "%s is beveiligd met een wachtwoord of versleuteld; sla een onbeveiligde versie op", path);
		qpdf_cleanup(&q);
		return NULL;
	}
	return q;
}

int attach_count_pages(const char *path, size_t *npages, struct err *e)
{
	qpdf_data q = open_pdf(path, e);
	int n;

	if (!q)
		return -1;
	n = qpdf_get_num_pages(q);
	if (n <= 0) {
		char *why = qpdf_reason(q);

		err_set(e, EXIT_INVALID, "%s: de pagina's kunnen niet worden gelezen (%s)", path, n == 0 ? "geen pagina's" : why);
		free(why);
		qpdf_cleanup(&q);
		return -1;
	}
	*npages = (size_t)n;
	qpdf_cleanup(&q);
	return 0;
}

/* WinAnsi text for a PDF string literal: escape ( ) \, map the en dash. */
static void winansi(struct buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x93) {
			buf_adds(out, "\\226");
			s += 2;
		} else if (c == '(' || c == ')' || c == '\\') {
			buf_addch(out, '\\');
			buf_addch(out, (char)c);
		} else if (c >= 0x20 && c < 0x7F) {
			buf_addch(out, (char)c);
		} else if (c >= 0x80) {
			/* skip other multi-byte characters */
			while (((unsigned char)s[1] & 0xC0) == 0x80)
				s++;
			buf_addch(out, '?');
		}
	}
}

/* Put the concept mark on a page that came from another PDF. */
static void stamp(qpdf_data q, qpdf_oh page, const char *mark)
{
	struct buf ops = BUF_INIT;
	qpdf_oh contents, res, fonts, font, before, after, arr;
	static const char pre[] = "q\n";

	contents = qpdf_oh_get_key(q, page, "/Contents");
	res = qpdf_oh_get_key(q, page, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, page, "/Resources", res);
	}
	fonts = qpdf_oh_get_key(q, res, "/Font");
	if (!qpdf_oh_is_dictionary(q, fonts)) {
		fonts = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, "/Font", fonts);
	}
	font = qpdf_oh_parse(q, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
	qpdf_oh_replace_key(q, fonts, "/DossierConcept", font);
	buf_adds(&ops, "Q q BT /DossierConcept 40 Tf 0.85 0.55 0.55 rg 0.8192 0.5736 -0.5736 0.8192 150 250 Tm (");
	winansi(&ops, mark);
	buf_adds(&ops, ") Tj ET Q\n");
	before = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
	qpdf_oh_replace_stream_data(q, before, (const unsigned char *)pre, strlen(pre), qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	after = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
	qpdf_oh_replace_stream_data(q, after, (const unsigned char *)ops.s, ops.len, qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, before);
	if (qpdf_oh_is_array(q, contents)) {
		int i, n = qpdf_oh_get_array_n_items(q, contents);

		for (i = 0; i < n; i++)
			qpdf_oh_append_item(q, arr, qpdf_oh_get_array_item(q, contents, i));
	} else if (qpdf_oh_is_stream(q, contents)) {
		qpdf_oh_append_item(q, arr, contents);
	}
	qpdf_oh_append_item(q, arr, after);
	qpdf_oh_replace_key(q, page, "/Contents", arr);
	buf_release(&ops);
}

int attach_merge(struct buf *pdf, const struct ldoc *doc, const char *concept, struct err *e)
{
	qpdf_data main = NULL, *src = NULL;
	size_t i, k, nsrc = 0;
	int r = -1;

	if (!doc->nins)
		return 0;
	main = qpdf_init();
	qpdf_silence_errors(main);
	qpdf_set_suppress_warnings(main, QPDF_TRUE);
	if (qpdf_read_memory(main, "dossier", pdf->s, pdf->len, NULL) & QPDF_ERRORS) {
		char *why = qpdf_reason(main);

		err_set(e, EXIT_SYSTEM, "de zojuist gemaakte PDF is onleesbaar (%s)", why);
		free(why);
		goto out;
	}
	if (concept)
		qpdf_push_inherited_attributes_to_page(main);
	src = xcalloc(doc->nins, sizeof(*src));
	/* from the last insertion point back, so earlier page numbers stay put */
	for (i = doc->nins; i-- > 0;) {
		const struct insert *ins = &doc->inserts[i];
		qpdf_oh ref = qpdf_get_page_n(main, ins->after);
		int n;

		src[nsrc] = open_pdf(ins->path, e);
		if (!src[nsrc])
			goto out;
		nsrc++;
		if (concept)
			qpdf_push_inherited_attributes_to_page(src[nsrc - 1]);
		n = qpdf_get_num_pages(src[nsrc - 1]);
		if (n < 0 || (size_t)n != ins->npages) {
			err_set(e, EXIT_SYSTEM, "%s is veranderd tijdens het maken van het dossier", ins->path);
			goto out;
		}
		for (k = ins->npages; k-- > 0;) {
			qpdf_oh pg = qpdf_get_page_n(src[nsrc - 1], k);

			if (qpdf_add_page_at(main, src[nsrc - 1], pg, QPDF_FALSE, ref) & QPDF_ERRORS) {
				char *why = qpdf_reason(main);

				err_set(e, EXIT_INVALID, "%s: pagina %zu kan niet worden overgenomen (%s)", ins->path, k + 1, why);
				free(why);
				goto out;
			}
		}
		if (concept)
			for (k = 0; k < ins->npages; k++)
				stamp(main, qpdf_get_page_n(main, ins->after + 1 + k), concept);
	}
	qpdf_init_write_memory(main);
	qpdf_set_deterministic_ID(main, QPDF_TRUE);
	if (qpdf_write(main) & QPDF_ERRORS) {
		char *why = qpdf_reason(main);

		err_set(e, EXIT_SYSTEM, "de samengevoegde PDF kan niet worden geschreven (%s)", why);
		free(why);
		goto out;
	}
	buf_reset(pdf);
	buf_add(pdf, qpdf_get_buffer(main), qpdf_get_buffer_length(main));
	r = 0;
out:
	for (i = 0; i < nsrc; i++)
		qpdf_cleanup(&src[i]);
	free(src);
	if (main)
		qpdf_cleanup(&main);
	return r;
}
