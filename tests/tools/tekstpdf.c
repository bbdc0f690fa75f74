/*
 * tekstpdf - make a plain A4 PDF from a UTF-8 text file (for the sample
 * attachments and tests).
 *
 *   tekstpdf IN.txt OUT.pdf REGULAR.ttf BOLD.ttf
 *
 * The first line is the title (bold). A line with only "\f" starts a new
 * page; a line starting with "# " is a bold heading; other lines are
 * paragraphs, wrapped to the page width.
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static HPDF_STATUS failed;

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)u;
	if (!failed)
		fprintf(stderr, "tekstpdf: libharu error %04X/%u\n", (unsigned)e, (unsigned)d);
	failed = e;
}

static HPDF_Page new_page(HPDF_Doc pdf, HPDF_Font f, int *pageno, float *y)
{
	HPDF_Page pg = HPDF_AddPage(pdf);
	char foot[32];

	HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	snprintf(foot, sizeof(foot), "pagina %d", ++*pageno);
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, f, 8);
	HPDF_Page_TextOut(pg, 500, 30, foot);
	HPDF_Page_EndText(pg);
	*y = 780;
	return pg;
}

int main(int argc, char **argv)
{
	HPDF_Doc pdf;
	HPDF_Font reg, bold;
	HPDF_Page pg;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	float y;
	int pageno = 0, first = 1;

	if (argc != 5) {
		fprintf(stderr, "usage: tekstpdf IN.txt OUT.pdf REGULAR.ttf BOLD.ttf\n");
		return 2;
	}
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	pdf = HPDF_New(on_error, NULL);
	if (!pdf)
		return 1;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[3], HPDF_TRUE), "UTF-8");
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[4], HPDF_TRUE), "UTF-8");
	if (failed || !reg || !bold)
		return 1;
	pg = new_page(pdf, reg, &pageno, &y);
	while ((n = getline(&line, &cap, in)) >= 0) {
		HPDF_Font f = reg;
		float size = 10.5f, lh;
		const char *text = line;

		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (!strcmp(line, "\\f")) {
			pg = new_page(pdf, reg, &pageno, &y);
			continue;
		}
		if (first) {
			f = bold;
			size = 15;
			first = 0;
		} else if (!strncmp(line, "# ", 2)) {
			f = bold;
			size = 11.5f;
			text = line + 2;
			y -= 6;
		}
		lh = size * 1.4f;
		if (!*text) {
			y -= lh * 0.6f;
			continue;
		}
		while (*text) {
			HPDF_UINT rest = (HPDF_UINT)strlen(text);
			HPDF_UINT take = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)text, rest, 475, size, 0, 0,
							       HPDF_TRUE, NULL);
			char save;

			if (take == 0) /* one word wider than the line: cut it */
				take = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)text, rest, 475, size, 0, 0, HPDF_FALSE, NULL);
			while (take > 0 && take < rest && ((unsigned char)text[take] & 0xC0) == 0x80)
				take--; /* never inside a character */
			if (take == 0)
				take = rest;
			if (y < 70)
				pg = new_page(pdf, reg, &pageno, &y);
			save = text[take];
			line[text - line + take] = '\0';
			HPDF_Page_BeginText(pg);
			HPDF_Page_SetFontAndSize(pg, f, size);
			HPDF_Page_TextOut(pg, 60, y, text);
			HPDF_Page_EndText(pg);
			line[text - line + take] = save;
			text += take;
			while (*text == ' ')
				text++;
			y -= lh;
		}
		y -= lh * 0.25f;
		if (failed)
			return 1;
	}
	free(line);
	fclose(in);
	if (HPDF_SaveToFile(pdf, argv[2]) != HPDF_OK || failed) {
		fprintf(stderr, "tekstpdf: cannot write %s\n", argv[2]);
		return 1;
	}
	HPDF_Free(pdf);
	return 0;
}
