/*
 * fuzz_bijlage - attachment bytes (PDF, PNG, JPEG or anything) through
 * the one usable-attachment verdict (usable.h) and, for a PDF it accepts,
 * through the merge into a one-page dossier (attach_merge: copying,
 * sanitising and restaging every page).
 *
 * Properties: the verdict never crashes and a refusal always says why, in
 * valid UTF-8; a PDF that the verdict accepts merges without error (what
 * zet and controleer accept, maak can put in the dossier), and the merged
 * file opens again with 1 + its pages; an accepted image has a pixel count
 * within the budget.
 */
#include "fuzz.h"

#include "attach.h"
#include "image.h"
#include "layout.h"
#include "usable.h"

/* A minimal one-page PDF standing in for the rendered dossier. */
static const char base_pdf[] =
	"%PDF-1.4\n"
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
	"4 0 obj << /Length 17 >> stream\n0 0 m 10 10 l S\n\nendstream endobj\n"
	"trailer << /Root 1 0 R /Size 5 >>\n%%EOF\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	setenv("DOSSIER_TEST_TODAY", "1795000000", 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	struct usable u;
	struct buf why = BUF_INIT;

	fuzz_path(path, sizeof(path), "bijlage");
	fuzz_write(path, data, size);
	if (usable_check(path, &u, &why)) {
		FUZZ_ASSERT(why.len > 0 && fuzz_utf8(why.s));
	} else if (u.kind == FILE_PDF) {
		struct ldoc doc = LDOC_INIT;
		struct buf pdf = BUF_INIT, out = BUF_INIT;
		struct err e = ERR_INIT;
		size_t n = 0;
		int errnum;
		char merged[512];

		FUZZ_ASSERT(u.npages > 0);
		ldoc_insert(&doc, 0, path, u.npages, 1);
		buf_add(&pdf, base_pdf, sizeof(base_pdf) - 1);
		if (attach_merge(&pdf, &doc, "Kenmerk X · bijlage {n}, blad {blad} van {bladen}", "CONCEPT", &e)) {
			fprintf(stderr, "fuzz: accepted PDF does not merge: %s\n", e.msg.s);
			FUZZ_ASSERT(!"an accepted PDF merges");
		}
		fuzz_path(merged, sizeof(merged), "merged.pdf");
		fuzz_write(merged, pdf.s, pdf.len);
		FUZZ_ASSERT(attach_pdf_check(merged, &n, &out, &errnum) == 0 && n == 1 + u.npages);
		err_release(&e);
		buf_release(&out);
		buf_release(&pdf);
		ldoc_release(&doc);
	} else {
		FUZZ_ASSERT(u.kind == FILE_PNG || u.kind == FILE_JPEG);
		FUZZ_ASSERT(u.pixels <= IMAGE_MAX_PIXELS);
	}
	buf_release(&why);
	return 0;
}
