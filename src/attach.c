/*
 * attach.c - merging attached PDFs with libqpdf's C API (see attach.h).
 *
 * qpdf copies pages from other files lazily: the source documents must
 * stay open until the merged file has been written, so they are kept in
 * an array and closed at the end.
 *
 * libqpdf is a C++ library that brings libstdc++ and gnutls along; linking
 * it normally costs every run of every command about 2.5 ms of symbol
 * relocation before main(). Only `maak` with PDF attachments needs it, so
 * it is opened with dlopen() the first time it is used.
 */
#include "attach.h"
#include "buf.h"
#include "err.h"
#include "layout.h"
#include "mem.h"

#include <dlfcn.h>
#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

#ifndef QPDF_SONAME
#define QPDF_SONAME "libqpdf.so.29"
#endif

#define QPDF_FUNCS(X) \
	X(qpdf_init) X(qpdf_cleanup) X(qpdf_silence_errors) X(qpdf_set_suppress_warnings) X(qpdf_read) \
	X(qpdf_read_memory) X(qpdf_has_error) X(qpdf_get_error) X(qpdf_get_error_full_text) X(qpdf_get_error_code) \
	X(qpdf_is_encrypted) X(qpdf_get_num_pages) X(qpdf_get_page_n) X(qpdf_add_page_at) \
	X(qpdf_push_inherited_attributes_to_page) X(qpdf_init_write_memory) X(qpdf_set_deterministic_ID) \
	X(qpdf_write) X(qpdf_get_buffer_length) X(qpdf_get_buffer) X(qpdf_oh_get_key) X(qpdf_oh_is_dictionary) \
	X(qpdf_oh_new_dictionary) X(qpdf_oh_replace_key) X(qpdf_oh_parse) X(qpdf_make_indirect_object) \
	X(qpdf_oh_new_stream) X(qpdf_oh_replace_stream_data) X(qpdf_oh_new_null) X(qpdf_oh_new_array) \
	X(qpdf_oh_append_item) X(qpdf_oh_is_array) X(qpdf_oh_get_array_n_items) X(qpdf_oh_get_array_item) \
	X(qpdf_oh_is_stream) X(qpdf_oh_get_numeric_value) X(qpdf_oh_is_number)

#define DECLARE(name) static __typeof__(name) *p_##name;
QPDF_FUNCS(DECLARE)
#undef DECLARE

static int load_qpdf(struct err *e)
{
	static void *lib;

	if (lib)
		return 0;
	lib = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		lib = dlopen("libqpdf.so", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return err_set(e, EXIT_SYSTEM, "de bibliotheek libqpdf (%s) ontbreekt; installeer het pakket libqpdf29 om PDF-bijlagen op te nemen",
			       QPDF_SONAME);
#define LOOKUP(name) \
	if (!(p_##name = (__typeof__(name) *)dlsym(lib, #name))) \
		return err_set(e, EXIT_SYSTEM, "libqpdf mist de functie %s (te oude versie?)", #name);
	QPDF_FUNCS(LOOKUP)
#undef LOOKUP
	return 0;
}

/* From here on, the qpdf names mean the loaded functions. */
#define qpdf_init p_qpdf_init
#define qpdf_cleanup p_qpdf_cleanup
#define qpdf_silence_errors p_qpdf_silence_errors
#define qpdf_set_suppress_warnings p_qpdf_set_suppress_warnings
#define qpdf_read p_qpdf_read
#define qpdf_read_memory p_qpdf_read_memory
#define qpdf_has_error p_qpdf_has_error
#define qpdf_get_error p_qpdf_get_error
#define qpdf_get_error_full_text p_qpdf_get_error_full_text
#define qpdf_get_error_code p_qpdf_get_error_code
#define qpdf_is_encrypted p_qpdf_is_encrypted
#define qpdf_get_num_pages p_qpdf_get_num_pages
#define qpdf_get_page_n p_qpdf_get_page_n
#define qpdf_add_page_at p_qpdf_add_page_at
#define qpdf_push_inherited_attributes_to_page p_qpdf_push_inherited_attributes_to_page
#define qpdf_init_write_memory p_qpdf_init_write_memory
#define qpdf_set_deterministic_ID p_qpdf_set_deterministic_ID
#define qpdf_write p_qpdf_write
#define qpdf_get_buffer_length p_qpdf_get_buffer_length
#define qpdf_get_buffer p_qpdf_get_buffer
#define qpdf_oh_get_key p_qpdf_oh_get_key
#define qpdf_oh_is_dictionary p_qpdf_oh_is_dictionary
#define qpdf_oh_new_dictionary p_qpdf_oh_new_dictionary
#define qpdf_oh_replace_key p_qpdf_oh_replace_key
#define qpdf_oh_parse p_qpdf_oh_parse
#define qpdf_make_indirect_object p_qpdf_make_indirect_object
#define qpdf_oh_new_stream p_qpdf_oh_new_stream
#define qpdf_oh_replace_stream_data p_qpdf_oh_replace_stream_data
#define qpdf_oh_new_null p_qpdf_oh_new_null
#define qpdf_oh_new_array p_qpdf_oh_new_array
#define qpdf_oh_append_item p_qpdf_oh_append_item
#define qpdf_oh_is_array p_qpdf_oh_is_array
#define qpdf_oh_get_array_n_items p_qpdf_oh_get_array_n_items
#define qpdf_oh_get_array_item p_qpdf_oh_get_array_item
#define qpdf_oh_is_stream p_qpdf_oh_is_stream
#define qpdf_oh_get_numeric_value p_qpdf_oh_get_numeric_value
#define qpdf_oh_is_number p_qpdf_oh_is_number

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

/* Did qpdf fail because of the system (open, read, memory) rather than the file's contents? */
static bool system_error(qpdf_data q)
{
	return qpdf_has_error(q) && qpdf_get_error_code(q, qpdf_get_error(q)) == qpdf_e_system;
}

static qpdf_data open_pdf(const char *path, struct err *e)
{
	qpdf_data q = qpdf_init();

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
		if (system_error(q)) {
			err_errno(e, errno ? errno : EIO, "%s kan niet worden gelezen", path);
		} else {
			char *why = qpdf_reason(q);

			err_set(e, EXIT_INVALID, "%s is geen leesbare PDF (%s)", path, why);
			free(why);
		}
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
	qpdf_data q;
	int n;

	if (load_qpdf(e))
		return -1;
	q = open_pdf(path, e);
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
	{
		/* the top of the page, for a line of text that readers extract as plain text */
		qpdf_oh box = qpdf_oh_get_key(q, page, "/MediaBox");
		double top = 842;

		if (qpdf_oh_is_array(q, box) && qpdf_oh_get_array_n_items(q, box) == 4 &&
		    qpdf_oh_is_number(q, qpdf_oh_get_array_item(q, box, 3)))
			top = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, box, 3));
		buf_adds(&ops, "Q q BT /DossierConcept 40 Tf 0.85 0.55 0.55 rg 0.8192 0.5736 -0.5736 0.8192 150 250 Tm (");
		winansi(&ops, mark);
		buf_addf(&ops, ") Tj ET BT /DossierConcept 9 Tf 0.69 0 0.13 rg 1 0 0 1 40 %.1f Tm (", top - 22);
		winansi(&ops, mark);
		buf_adds(&ops, ") Tj ET Q\n");
	}
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
	if (load_qpdf(e))
		return -1;
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
