/*
 * mkhostile - hostile attachments for the tests (issue 12), made at test
 * time rather than kept as binary files.
 *
 *   mkhostile KIND OUT [ARGS]
 *
 * KIND:
 *   pdf-actief      one page with a page-open script (/AA), a Launch link,
 *                   a URI link, a JavaScript link, a form field, a file
 *                   attachment annotation holding "factuur.exe", and one
 *                   link to its own page (the only thing that may stay)
 *   pdf-onbalans    one page whose content leaves three q open, a text
 *                   object open, a 10x matrix, a clip to a small corner
 *                   and white fill: what is drawn after it must not care
 *   pdf-lus         a page tree whose /Kids contain the tree itself
 *   pdf-pagina N    N pages of one line of text each (big merges)
 *   png-interlaced  a 64x64 grey PNG, Adam7-interlaced
 *   png-groot W H   a W x H grey PNG (compresses to almost nothing)
 *   jpeg-verliesvrij  the header of a lossless (SOF3) JPEG
 *   jpeg-12bits     the header of a 12-bit (SOF1, precision 12) JPEG
 *   jpeg-foto W H [ORIENTATION]  a W x H colour photo-like JPEG (noise,
 *                   so it does not compress away: 12 MP is about 3 MB),
 *                   with an EXIF orientation tag when ORIENTATION is given
 *
 * Exit 0 written, 1 failure, 2 usage.
 */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

static FILE *out;

/* ---- PDF with a correct cross-reference table ------------------------- */

static long offs[64];
static int nobj;

static void obj(int n, const char *body)
{
	offs[n] = ftell(out);
	fprintf(out, "%d 0 obj\n%s\nendobj\n", n, body);
	if (n > nobj)
		nobj = n;
}

static void stream_obj(int n, const char *dict_extra, const char *data)
{
	offs[n] = ftell(out);
	fprintf(out, "%d 0 obj\n<< /Length %zu %s >>\nstream\n%s\nendstream\nendobj\n", n, strlen(data), dict_extra, data);
	if (n > nobj)
		nobj = n;
}

static void finish_pdf(void)
{
	long x = ftell(out);
	int i;

	fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
	for (i = 1; i <= nobj; i++)
		fprintf(out, "%010ld 00000 n \n", offs[i]);
	fprintf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj + 1, x);
}

static void pdf_start(void)
{
	fputs("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", out);
}

static int pdf_active(void)
{
	pdf_start();
	obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R] >> >>");
	obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
	       " /Contents 5 0 R /AA << /O << /S /JavaScript /JS (app.alert\\('pagina geopend'\\)) >> >>"
	       " /Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R] >>");
	obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
	stream_obj(5, "", "BT /F1 14 Tf 72 720 Td (Bijlage met actieve inhoud) Tj ET");
	obj(6, "<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] /A << /S /Launch /F (factuur.exe) >> >>");
	obj(7, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (veld) /V (invullen) /Rect [72 560 300 580] /P 3 0 R"
	       " /AA << /K << /S /JavaScript /JS (app.alert\\(1\\)) >> >> >>");
	obj(8, "<< /Type /Annot /Subtype /Link /Rect [72 520 300 540] /A << /S /URI /URI (http://voorbeeld.invalid/x) >> >>");
	obj(9, "<< /Type /Annot /Subtype /Link /Rect [72 480 300 500] /A << /S /JavaScript /JS (app.alert\\(2\\)) >> >>");
	obj(10, "<< /Type /Annot /Subtype /FileAttachment /Rect [72 440 90 460] /Name /PushPin"
		" /FS << /Type /Filespec /F (factuur.exe) /EF << /F 12 0 R >> >> >>");
	obj(11, "<< /Type /Annot /Subtype /Link /Rect [72 400 300 420] /Dest [3 0 R /Fit] >>");
	stream_obj(12, "/Type /EmbeddedFile", "MZ dit zou een programma zijn");
	finish_pdf();
	return 0;
}

static int pdf_unbalanced(void)
{
	pdf_start();
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
	obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
	obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
	stream_obj(5, "", "BT /F1 14 Tf 72 720 Td (Bijlage die haar toestand openlaat) Tj ET\n"
			  "q q q 1 1 1 rg 1 1 1 RG 10 0 0 10 300 400 cm 0 0 5 5 re W n 3 Tr BT /F1 1 Tf");
	finish_pdf();
	return 0;
}

static int pdf_loop(void)
{
	pdf_start();
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
	obj(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>");
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
	stream_obj(4, "", "0 0 m 100 100 l S");
	finish_pdf();
	return 0;
}

static int pdf_pages(int n)
{
	long *po = malloc(sizeof(long) * (size_t)(2 * n + 8));
	long x;
	int i;

	if (!po)
		return 1;
	pdf_start();
	po[1] = ftell(out);
	fprintf(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	po[2] = ftell(out);
	fprintf(out, "2 0 obj\n<< /Type /Pages /Count %d /Kids [", n);
	for (i = 0; i < n; i++)
		fprintf(out, " %d 0 R", 4 + 2 * i);
	fprintf(out, " ] >>\nendobj\n");
	po[3] = ftell(out);
	fprintf(out, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	for (i = 0; i < n; i++) {
		char text[80];
		int len = snprintf(text, sizeof(text), "BT /F1 12 Tf 72 720 Td (Blad %d) Tj ET", i + 1);

		po[4 + 2 * i] = ftell(out);
		fprintf(out, "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>\nendobj\n",
			4 + 2 * i, 5 + 2 * i);
		po[5 + 2 * i] = ftell(out);
		fprintf(out, "%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", 5 + 2 * i, len, text);
	}
	x = ftell(out);
	fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", 4 + 2 * n);
	for (i = 1; i < 4 + 2 * n; i++)
		fprintf(out, "%010ld 00000 n \n", po[i]);
	fprintf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", 4 + 2 * n, x);
	free(po);
	return 0;
}

/* ---- images -------------------------------------------------------------- */

static int png_grey(unsigned w, unsigned h, int interlace)
{
	png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = p ? png_create_info_struct(p) : NULL;
	png_bytep row = calloc(w, 1);
	unsigned y, x;
	int passes, k;

	if (!p || !info || !row || setjmp(png_jmpbuf(p)))
		return 1;
	png_init_io(p, out);
	png_set_IHDR(p, info, w, h, 8, PNG_COLOR_TYPE_GRAY, interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(p, info);
	passes = interlace ? png_set_interlace_handling(p) : 1;
	for (k = 0; k < passes; k++)
		for (y = 0; y < h; y++) {
			for (x = 0; x < w; x++)
				row[x] = (png_byte)(interlace ? ((x / 8 + y / 8) % 2 ? 40 : 220) : 255);
			png_write_row(p, row);
		}
	png_write_end(p, NULL);
	png_destroy_write_struct(&p, &info);
	free(row);
	return 0;
}

/* A JPEG that is only a header: SOI, an SOFn with the given precision, EOI. */
static int jpeg_header(int marker, int precision)
{
	const unsigned char sof[] = { 0xFF, 0xD8, 0xFF, (unsigned char)marker, 0, 11, (unsigned char)precision,
				      0x02, 0x00, 0x02, 0x00, 1, 1, 0x11, 0, 0xFF, 0xD9 };

	return fwrite(sof, 1, sizeof(sof), out) == sizeof(sof) ? 0 : 1;
}

static int jpeg_photo(int w, int h, int orientation)
{
	tjhandle t = tjInitCompress();
	unsigned char *rgb = malloc((size_t)w * (size_t)h * 3), *jpg = NULL;
	unsigned long len = 0;
	unsigned int seed = 12345;
	size_t i;
	int x, y;

	if (!t || !rgb)
		return 1;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned char *px = rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;

			seed = seed * 1103515245u + 12345u;
			px[0] = (unsigned char)(200 + (seed >> 27));
			px[1] = (unsigned char)(190 + ((seed >> 22) & 31));
			px[2] = (unsigned char)((x / 40 + y / 40) % 7 == 0 ? 40 : 170 + ((seed >> 17) & 31));
		}
	if (tjCompress2(t, rgb, w, 0, h, TJPF_RGB, &jpg, &len, TJSAMP_420, 85, 0))
		return 1;
	if (orientation) {
		/* APP1 Exif, little endian TIFF with one IFD entry: Orientation (0x0112) */
		const unsigned char app1[] = {
			0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 0x2A, 0x00, 0x08, 0, 0, 0,
			0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0, 0, 0, (unsigned char)orientation, 0, 0, 0,
			0, 0, 0, 0 };

		fwrite(jpg, 1, 2, out);
		fwrite(app1, 1, sizeof(app1), out);
		i = fwrite(jpg + 2, 1, len - 2, out);
	} else {
		i = fwrite(jpg, 1, len, out);
	}
	tjFree(jpg);
	tjDestroy(t);
	free(rgb);
	return i ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *k;
	int r;

	if (argc < 3) {
		fprintf(stderr, "usage: mkhostile KIND OUT [ARGS]\n");
		return 2;
	}
	k = argv[1];
	out = fopen(argv[2], "wb");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	if (!strcmp(k, "pdf-actief"))
		r = pdf_active();
	else if (!strcmp(k, "pdf-onbalans"))
		r = pdf_unbalanced();
	else if (!strcmp(k, "pdf-lus"))
		r = pdf_loop();
	else if (!strcmp(k, "pdf-pagina") && argc > 3)
		r = pdf_pages(atoi(argv[3]));
	else if (!strcmp(k, "png-interlaced"))
		r = png_grey(64, 64, 1);
	else if (!strcmp(k, "png-groot") && argc > 4)
		r = png_grey((unsigned)atoi(argv[3]), (unsigned)atoi(argv[4]), 0);
	else if (!strcmp(k, "jpeg-verliesvrij"))
		r = jpeg_header(0xC3, 8);
	else if (!strcmp(k, "jpeg-12bits"))
		r = jpeg_header(0xC1, 12);
	else if (!strcmp(k, "jpeg-foto") && argc > 4)
		r = jpeg_photo(atoi(argv[3]), atoi(argv[4]), argc > 5 ? atoi(argv[5]) : 0);
	else {
		fprintf(stderr, "mkhostile: unknown kind or missing arguments: %s\n", k);
		fclose(out);
		return 2;
	}
	if (fclose(out) || r) {
		fprintf(stderr, "mkhostile: %s failed\n", k);
		return 1;
	}
	return 0;
}
