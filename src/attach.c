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
#include "tmpl.h"
#include "utf8.h"

#include <dlfcn.h>
#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdint.h>
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
	X(qpdf_oh_is_stream) X(qpdf_oh_get_numeric_value) X(qpdf_oh_is_number) X(qpdf_get_root) \
	X(qpdf_oh_new_integer) X(qpdf_oh_new_unicode_string) X(qpdf_oh_new_name) \
	X(qpdf_oh_copy_foreign_object) X(qpdf_update_all_pages_cache) X(qpdf_oh_remove_key) X(qpdf_oh_get_dict) \
	X(qpdf_oh_get_page_content_data) X(qpdf_oh_is_name_and_equals) X(qpdf_oh_has_key) X(qpdf_oh_release_all) \
	X(qpdf_oh_get_object_id) X(qpdf_oh_get_generation) X(qpdf_get_object_by_id) X(qpdf_oh_is_indirect) \
	X(qpdf_oh_set_array_item) X(qpdf_oh_is_integer) X(qpdf_oh_get_int_value_as_int)

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
#define qpdf_get_root p_qpdf_get_root
#define qpdf_oh_new_integer p_qpdf_oh_new_integer
#define qpdf_oh_new_unicode_string p_qpdf_oh_new_unicode_string
#define qpdf_oh_new_name p_qpdf_oh_new_name
#define qpdf_oh_copy_foreign_object p_qpdf_oh_copy_foreign_object
#define qpdf_update_all_pages_cache p_qpdf_update_all_pages_cache
#define qpdf_oh_remove_key p_qpdf_oh_remove_key
#define qpdf_oh_get_dict p_qpdf_oh_get_dict
#define qpdf_oh_get_page_content_data p_qpdf_oh_get_page_content_data
#define qpdf_oh_is_name_and_equals p_qpdf_oh_is_name_and_equals
#define qpdf_oh_has_key p_qpdf_oh_has_key
#define qpdf_oh_release_all p_qpdf_oh_release_all
#define qpdf_oh_get_object_id p_qpdf_oh_get_object_id
#define qpdf_oh_get_generation p_qpdf_oh_get_generation
#define qpdf_get_object_by_id p_qpdf_get_object_by_id
#define qpdf_oh_is_indirect p_qpdf_oh_is_indirect
#define qpdf_oh_set_array_item p_qpdf_oh_set_array_item
#define qpdf_oh_is_integer p_qpdf_oh_is_integer
#define qpdf_oh_get_int_value_as_int p_qpdf_oh_get_int_value_as_int

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

/* Code points of WinAnsi (CP1252) bytes 0x80-0x9F; 0 where the byte is unused. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/*
 * UTF-8 as a WinAnsi PDF string literal (without the parentheses): ( ) \
 * escaped, bytes above 0x7E written as octal escapes so the content stream
 * stays ASCII; characters WinAnsi lacks become '?'.
 */
static void winansi(struct buf *out, const char *s)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int byte = '?', k;

		if (!n) {
			n = 1;
			cp = '?';
		}
		i += n;
		if (cp < 0x20 || cp == 0x7F)
			continue;
		if (cp < 0x7F || (cp >= 0xA0 && cp <= 0xFF))
			byte = (int)cp;
		for (k = 0; k < 32; k++)
			if (cp >= 0x100 && cp1252_high[k] == cp)
				byte = 0x80 + k;
		if (byte == '(' || byte == ')' || byte == '\\')
			buf_addf(out, "\\%c", byte);
		else if (byte > 0x7E)
			buf_addf(out, "\\%03o", (unsigned)byte);
		else
			buf_addch(out, (char)byte);
	}
}

/* The visible box of a page: its CropBox, else its MediaBox, else A4. */
static void page_box(qpdf_data q, qpdf_oh page, double box[4])
{
	static const char *const keys[] = { "/CropBox", "/MediaBox" };
	size_t k;
	int i;

	box[0] = box[1] = 0;
	box[2] = 595.28;
	box[3] = 841.89;
	for (k = 0; k < 2; k++) {
		qpdf_oh b = qpdf_oh_get_key(q, page, keys[k]);
		double v[4];

		if (!qpdf_oh_is_array(q, b) || qpdf_oh_get_array_n_items(q, b) != 4)
			continue;
		for (i = 0; i < 4; i++) {
			qpdf_oh item = qpdf_oh_get_array_item(q, b, i);

			if (!qpdf_oh_is_number(q, item))
				break;
			v[i] = qpdf_oh_get_numeric_value(q, item);
		}
		if (i < 4 || v[0] == v[2] || v[1] == v[3])
			continue;
		box[0] = v[0] < v[2] ? v[0] : v[2];
		box[1] = v[1] < v[3] ? v[1] : v[3];
		box[2] = v[0] < v[2] ? v[2] : v[0];
		box[3] = v[1] < v[3] ? v[3] : v[1];
		return;
	}
}

/*
 * A text matrix that puts text upright at (u, v) of the page as a reader
 * shows it, whatever the page's /Rotate: (u, v) are measured from the
 * lower left corner of the shown page.
 */
static void upright_at(struct buf *ops, int rotate, const double box[4], double u, double v)
{
	double w = box[2] - box[0], h = box[3] - box[1];

	switch (rotate) {
	case 90:
		buf_addf(ops, "0 1 -1 0 %.2f %.2f Tm ", box[0] + w - v, box[1] + u);
		break;
	case 180:
		buf_addf(ops, "-1 0 0 -1 %.2f %.2f Tm ", box[0] + w - u, box[1] + h - v);
		break;
	case 270:
		buf_addf(ops, "0 -1 1 0 %.2f %.2f Tm ", box[0] + v, box[1] + h - u);
		break;
	default:
		buf_addf(ops, "1 0 0 1 %.2f %.2f Tm ", box[0] + u, box[1] + v);
	}
}

/* The destination array of a link (its /Dest, or the /D of its GoTo action), or 0. */
static qpdf_oh link_dest(qpdf_data q, qpdf_oh annot)
{
	qpdf_oh d = qpdf_oh_get_key(q, annot, "/Dest"), act;

	if (!qpdf_oh_is_array(q, d)) {
		act = qpdf_oh_get_key(q, annot, "/A");
		d = qpdf_oh_is_dictionary(q, act) ? qpdf_oh_get_key(q, act, "/D") : 0;
	}
	return d && qpdf_oh_is_array(q, d) ? d : 0;
}

/* Does a link lead to a page (a named destination or a lost page does not)? */
static bool link_target_ok(qpdf_data q, qpdf_oh annot)
{
	qpdf_oh d = link_dest(q, annot);

	return d && qpdf_oh_is_dictionary(q, qpdf_oh_get_array_item(q, d, 0));
}

/*
 * Sanitise a page that came from another PDF: its content and resources
 * stay; its actions (/AA), article beads and every annotation other than
 * a link inside the document (a /Dest or a /GoTo action) go: scripts,
 * Launch and URI actions, links to other files, form fields (widgets),
 * file attachments, sounds, movies, rich media and pop-ups.
 */
static void sanitise(qpdf_data q, qpdf_oh page)
{
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots"), keep;
	int i, n;

	qpdf_oh_remove_key(q, page, "/AA");
	qpdf_oh_remove_key(q, page, "/B");
	if (!qpdf_oh_is_array(q, annots)) {
		qpdf_oh_remove_key(q, page, "/Annots");
		return;
	}
	keep = qpdf_oh_new_array(q);
	n = qpdf_oh_get_array_n_items(q, annots);
	for (i = 0; i < n; i++) {
		qpdf_oh a = qpdf_oh_get_array_item(q, annots, i), act;

		if (!qpdf_oh_is_dictionary(q, a) || !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, a, "/Subtype"), "/Link"))
			continue;
		act = qpdf_oh_get_key(q, a, "/A");
		if (qpdf_oh_is_dictionary(q, act)) {
			if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, act, "/S"), "/GoTo"))
				continue;
			qpdf_oh_remove_key(q, act, "/Next"); /* a chain of further actions */
		} else if (!qpdf_oh_has_key(q, a, "/Dest")) {
			continue;
		}
		if (!link_target_ok(q, a))
			continue; /* points nowhere in this document: a reader would warn about it */
		qpdf_oh_remove_key(q, a, "/AA");
		qpdf_oh_remove_key(q, a, "/Popup");
		qpdf_oh_append_item(q, keep, a);
	}
	if (qpdf_oh_get_array_n_items(q, keep))
		qpdf_oh_replace_key(q, page, "/Annots", keep);
	else
		qpdf_oh_remove_key(q, page, "/Annots");
}

/*
 * The page's own drawing becomes a form XObject, and the page gets one
 * content stream of ours: "draw the sheet", then the running footer
 * `footer` and the concept mark `mark` (both may be NULL). Whatever the
 * attachment's content does (unbalanced q/Q, an open text object, a
 * clipping path, a changed matrix or colour) ends with the XObject, so it
 * cannot move, hide or restyle what is drawn after it.
 */
static void restage(qpdf_data q, qpdf_oh page, qpdf_oh fonts, const char *footer, const char *mark)
{
	struct buf ops = BUF_INIT;
	qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents"), res = qpdf_oh_get_key(q, page, "/Resources");
	qpdf_oh sheet = 0, dict, xobjects, newres, box, rot;
	int rotate = 0;
	double pbox[4], shown_h;

	page_box(q, page, pbox);
	rot = qpdf_oh_get_key(q, page, "/Rotate");
	if (qpdf_oh_is_number(q, rot))
		rotate = (((int)qpdf_oh_get_numeric_value(q, rot) % 360) + 360) % 360;
	if (rotate % 90)
		rotate = 0;
	shown_h = rotate == 90 || rotate == 270 ? pbox[2] - pbox[0] : pbox[3] - pbox[1];
	if (qpdf_oh_is_stream(q, contents) && qpdf_oh_is_indirect(q, contents)) {
		sheet = contents; /* one stream: it becomes the form as it is, still compressed */
	} else if (qpdf_oh_is_array(q, contents)) {
		unsigned char *data = NULL;
		size_t len = 0;

		if (qpdf_oh_get_page_content_data(q, page, &data, &len) == QPDF_SUCCESS) {
			sheet = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
			qpdf_oh_replace_stream_data(q, sheet, data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		}
		free(data);
	}
	newres = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, newres, "/Font", fonts);
	if (sheet) {
		dict = qpdf_oh_get_dict(q, sheet);
		qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/XObject"));
		qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/Form"));
		box = qpdf_oh_get_key(q, page, "/MediaBox");
		if (qpdf_oh_is_array(q, box))
			qpdf_oh_replace_key(q, dict, "/BBox", box);
		else
			qpdf_oh_replace_key(q, dict, "/BBox", qpdf_oh_parse(q, "[0 0 595.28 841.89]"));
		if (qpdf_oh_is_dictionary(q, res))
			qpdf_oh_replace_key(q, dict, "/Resources", res);
		xobjects = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, xobjects, "/DossierSheet", sheet);
		qpdf_oh_replace_key(q, newres, "/XObject", xobjects);
		buf_adds(&ops, "q /DossierSheet Do Q\n");
	}
	qpdf_oh_replace_key(q, page, "/Resources", newres);
	buf_adds(&ops, "q ");
	if (mark) {
		buf_adds(&ops, "BT /DossierBold 40 Tf 0.85 0.55 0.55 rg 0.8192 0.5736 -0.5736 0.8192 150 250 Tm (");
		winansi(&ops, mark);
		buf_adds(&ops, ") Tj ET BT /DossierBold 9 Tf 0.69 0 0.13 rg ");
		upright_at(&ops, rotate, pbox, 40, shown_h - 22);
		buf_addch(&ops, '(');
		winansi(&ops, mark);
		buf_adds(&ops, ") Tj ET ");
	}
	if (footer && *footer) {
		buf_adds(&ops, "BT /DossierText 7 Tf 0.37 0.4 0.44 rg ");
		upright_at(&ops, rotate, pbox, 40, 14);
		buf_addch(&ops, '(');
		winansi(&ops, footer);
		buf_adds(&ops, ") Tj ET ");
	}
	buf_adds(&ops, "Q\n");
	contents = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
	qpdf_oh_replace_stream_data(q, contents, (const unsigned char *)ops.s, ops.len, qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, page, "/Contents", contents);
	buf_release(&ops);
}

/* Write doc->labels as the document's /PageLabels number tree. */
static void page_labels(qpdf_data q, const struct ldoc *doc)
{
	qpdf_oh tree, nums;
	size_t i;

	if (!doc->nlabels)
		return;
	tree = qpdf_oh_new_dictionary(q);
	nums = qpdf_oh_new_array(q);
	for (i = 0; i < doc->nlabels; i++) {
		const struct plabel *l = &doc->labels[i];
		qpdf_oh d = qpdf_oh_new_dictionary(q);

		if (l->numbered)
			qpdf_oh_replace_key(q, d, "/S", qpdf_oh_new_name(q, "/D"));
		if (*l->prefix)
			qpdf_oh_replace_key(q, d, "/P", qpdf_oh_new_unicode_string(q, l->prefix));
		qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, (long long)l->index));
		qpdf_oh_append_item(q, nums, d);
	}
	qpdf_oh_replace_key(q, tree, "/Nums", nums);
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/PageLabels", tree);
}

/* The footer of page k (0-based) of attachment ins, at final page `num` of `total`. */
static void footer_text(struct buf *out, const char *pattern, const struct insert *ins, size_t k, size_t num,
			size_t total)
{
	char n[24], sheet[24], sheets[24], page[24], pages[24];
	const char *vars[] = { "n", n, "blad", sheet, "bladen", sheets, "pagina", page, "paginas", pages, NULL };

	snprintf(n, sizeof(n), "%zu", ins->number);
	snprintf(sheet, sizeof(sheet), "%zu", k + 1);
	snprintf(sheets, sizeof(sheets), "%zu", ins->npages);
	snprintf(page, sizeof(page), "%zu", num);
	snprintf(pages, sizeof(pages), "%zu", total);
	buf_reset(out);
	tmpl_expand(out, pattern, tmpl_pairs, (void *)vars, NULL);
}

/* An indirect object's identity, to find it again after qpdf_oh_release_all(). */
struct oid {
	int id, gen;
	size_t index;   /* dests_to_index(): the page's number in its file */
};

static struct oid oid_of(qpdf_data q, qpdf_oh oh)
{
	struct oid o = { qpdf_oh_get_object_id(q, oh), qpdf_oh_get_generation(q, oh), 0 };

	return o;
}

static qpdf_oh oid_get(qpdf_data q, struct oid o)
{
	return qpdf_get_object_by_id(q, o.id, o.gen);
}

/* Release qpdf's object handles every so many pages: it keeps each one until then. */
#define HANDLE_BATCH 256

static int oid_cmp(const void *a, const void *b)
{
	const struct oid *x = a, *y = b;

	return x->id != y->id ? (x->id > y->id) - (x->id < y->id) : (x->gen > y->gen) - (x->gen < y->gen);
}

/*
 * qpdf copies a reference to a page that has not been copied yet as null,
 * so a link to a later page of an attachment (its contents page) would lose
 * its target. Before the pages are copied, each link's target page becomes
 * its index in the attachment; after they are copied, the index becomes the
 * copied page (dests_to_page()).
 */
static void dests_to_index(qpdf_data src, size_t n)
{
	struct oid *sorted = xcalloc(n + 1, sizeof(*sorted));
	size_t k;
	int i, m;

	for (k = 0; k < n; k++) {
		sorted[k] = oid_of(src, qpdf_get_page_n(src, k));
		sorted[k].index = k;
	}
	qsort(sorted, n, sizeof(*sorted), oid_cmp);
	for (k = 0; k < n; k++) {
		qpdf_oh annots = qpdf_oh_get_key(src, qpdf_get_page_n(src, k), "/Annots");

		m = qpdf_oh_is_array(src, annots) ? qpdf_oh_get_array_n_items(src, annots) : 0;
		for (i = 0; i < m; i++) {
			qpdf_oh d = link_dest(src, qpdf_oh_get_array_item(src, annots, i)), target;
			struct oid key, *hit;

			if (!d)
				continue;
			target = qpdf_oh_get_array_item(src, d, 0);
			if (!qpdf_oh_is_indirect(src, target))
				continue;
			key = oid_of(src, target);
			hit = bsearch(&key, sorted, n, sizeof(*sorted), oid_cmp);
			qpdf_oh_set_array_item(src, d, 0, hit ? qpdf_oh_new_integer(src, (long long)hit->index)
							      : qpdf_oh_new_null(src));
		}
		if ((k + 1) % HANDLE_BATCH == 0)
			qpdf_oh_release_all(src);
	}
	free(sorted);
}

/* The page index in a copied link's target back to the copied page (copied[index]). */
static void dests_to_page(qpdf_data q, qpdf_oh page, const struct oid *copied, size_t n)
{
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	int i, m = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;

	for (i = 0; i < m; i++) {
		qpdf_oh d = link_dest(q, qpdf_oh_get_array_item(q, annots, i)), target;
		int j;

		if (!d)
			continue;
		target = qpdf_oh_get_array_item(q, d, 0);
		if (!qpdf_oh_is_integer(q, target))
			continue;
		j = qpdf_oh_get_int_value_as_int(q, target);
		qpdf_oh_set_array_item(q, d, 0, j >= 0 && (size_t)j < n ? oid_get(q, copied[j]) : qpdf_oh_new_null(q));
	}
}


/*
 * The merge builds the page list once, in order: the rendered pages, each
 * followed by the pages of the attachments inserted after it (copied from
 * their files, sanitised and restaged). Time and memory grow linearly with
 * the number of pages: qpdf's insert-at-position would renumber every later
 * page for each page inserted.
 */
int attach_merge(struct buf *pdf, const struct ldoc *doc, const char *footer, const char *concept,
		 struct err *e)
{
	qpdf_data main = NULL, src = NULL, *kept = NULL;
	size_t i, k, total = doc->n, nmain, done = 0, num = 0, nkept = 0, kcap = 0;
	struct buf foot = BUF_INIT;
	struct oid kids_id, fonts_id, pages_id, *main_pages = NULL, *copied = NULL;
	qpdf_oh kids, fonts, root_pages;
	int r = -1, n;

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
	qpdf_push_inherited_attributes_to_page(main);
	for (i = 0; i < doc->nins; i++)
		total += doc->inserts[i].npages;
	n = qpdf_get_num_pages(main);
	if (n < 0) {
		err_set(e, EXIT_SYSTEM, "de zojuist gemaakte PDF heeft geen leesbare pagina's");
		goto out;
	}
	nmain = (size_t)n;
	main_pages = xcalloc(nmain + 1, sizeof(*main_pages));
	for (i = 0; i < nmain; i++)
		main_pages[i] = oid_of(main, qpdf_get_page_n(main, i));
	root_pages = qpdf_oh_get_key(main, qpdf_get_root(main), "/Pages");
	pages_id = oid_of(main, root_pages);
	kids = qpdf_make_indirect_object(main, qpdf_oh_new_array(main));
	kids_id = oid_of(main, kids);
	fonts = qpdf_make_indirect_object(main, qpdf_oh_parse(main,
		"<< /DossierBold << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
		" /DossierText << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>"));
	fonts_id = oid_of(main, fonts);
	for (i = 0; i < nmain; i++) {
		size_t j;

		qpdf_oh pg = oid_get(main, main_pages[i]);

		qpdf_oh_replace_key(main, pg, "/Parent", oid_get(main, pages_id));
		qpdf_oh_append_item(main, oid_get(main, kids_id), pg);
		num++;
		for (j = 0; j < doc->nins; j++) {
			const struct insert *ins = &doc->inserts[j];

			if (ins->after != i)
				continue;
			src = open_pdf(ins->path, e);
			if (!src)
				goto out;
			qpdf_push_inherited_attributes_to_page(src);
			n = qpdf_get_num_pages(src);
			if (n < 0 || (size_t)n != ins->npages) {
				err_set(e, EXIT_SYSTEM, "%s is veranderd tijdens het maken van het dossier", ins->path);
				goto out;
			}
			dests_to_index(src, ins->npages);
			copied = xrealloc(copied, (ins->npages + 1) * sizeof(*copied));
			for (k = 0; k < ins->npages; k++) {
				qpdf_oh copy = qpdf_oh_copy_foreign_object(main, src, qpdf_get_page_n(src, k));

				if (qpdf_has_error(main) || !qpdf_oh_is_dictionary(main, copy)) {
					char *why = qpdf_reason(main);

					err_set(e, EXIT_INVALID, "%s: pagina %zu kan niet worden overgenomen (%s)", ins->path, k + 1, why);
					free(why);
					goto out;
				}
				copied[k] = oid_of(main, copy);
				if ((k + 1) % HANDLE_BATCH == 0) {
					qpdf_oh_release_all(main);
					qpdf_oh_release_all(src);
				}
			}
			for (k = 0; k < ins->npages; k++) {
				qpdf_oh copy = oid_get(main, copied[k]);

				dests_to_page(main, copy, copied, ins->npages);
				num++;
				if (footer && ins->number)
					footer_text(&foot, footer, ins, k, num, total);
				sanitise(main, copy);
				restage(main, copy, oid_get(main, fonts_id), footer && ins->number ? foot.s : NULL, concept);
				qpdf_oh_replace_key(main, copy, "/Parent", oid_get(main, pages_id));
				qpdf_oh_append_item(main, oid_get(main, kids_id), copy);
				if (++done % HANDLE_BATCH == 0) {
					qpdf_oh_release_all(main);
					qpdf_oh_release_all(src);
				}
			}
			/* qpdf copies page data lazily: keep the source open until written */
			ARRAY_GROW(kept, nkept, kcap);
			kept[nkept++] = src;
			src = NULL;
		}
	}
	root_pages = oid_get(main, pages_id);
	qpdf_oh_replace_key(main, root_pages, "/Kids", oid_get(main, kids_id));
	qpdf_oh_replace_key(main, root_pages, "/Count", qpdf_oh_new_integer(main, (long long)num));
	qpdf_update_all_pages_cache(main);
	qpdf_oh_release_all(main);
	page_labels(main, doc);
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
	if (src)
		qpdf_cleanup(&src);
	for (i = 0; i < nkept; i++)
		qpdf_cleanup(&kept[i]);
	free(kept);
	free(main_pages);
	free(copied);
	buf_release(&foot);
	if (main)
		qpdf_cleanup(&main);
	return r;
}
