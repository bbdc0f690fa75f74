/*
 * mkpdf - turn a UTF-8 text file into a plain A4 PDF (for the sample
 * attachments in samples/bijlagen/ and for tests).
 *
 *   mkpdf IN.txt OUT.pdf FONT.ttf
 *
 * Layout of IN.txt:
 *   - the first line is the title (large);
 *   - a line "\f" (a backslash and an f, or a form feed character, alone on
 *     the line) starts a new page;
 *   - a line "# text" is a heading;
 *   - a line with TAB characters is a table row: the cells start at the tab
 *     stops of the last "%tabs X1 X2 ..." line (points from the left margin;
 *     default every 120 points); the last cell wraps;
 *   - an empty line is a small vertical gap;
 *   - every other line is a paragraph, wrapped with HPDF_Page_TextRect and
 *     continued on a new page when the page is full.
 * Every page gets "pagina N van M" at the bottom.
 *
 * One TrueType face is embedded (subset, compressed). Input that is not
 * valid UTF-8, or has characters libharu cannot show (4-byte sequences,
 * control characters), is refused rather than silently garbled.
 *
 * Exit codes: 0 written, 1 libharu or output error, 2 usage or bad input.
 *
 * Build and regenerate the sample attachments (from the top of the tree):
 *   mkdir -p build/tools
 *   gcc -std=c11 -Wall -Wextra -Werror -O2 tests/tools/mkpdf.c -lhpdf -o build/tools/mkpdf
 *   for t in samples/bijlagen/bron/[a-z]*.txt; do b=$(basename "$t" .txt)
 *     [ "$b" = toestemming-ilayda ] && continue
 *     build/tools/mkpdf "$t" "samples/bijlagen/$b.pdf" fonts/LiberationSans-Regular.ttf; done
 *   build/tools/mkpdf samples/bijlagen/bron/toestemming-ilayda.txt /tmp/t.pdf \
 *     fonts/LiberationSans-Regular.ttf
 *   pdftoppm -jpeg -r 60 -singlefile /tmp/t.pdf samples/bijlagen/toestemming-ilayda-scan
 * The output is byte-for-byte the same on every run (no dates, no IDs).
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUT (1024L * 1024L)
#define MAX_PAGES 200
#define MAX_TABS 12

/* page geometry (points, A4 portrait) */
#define LEFT 60.0f
#define RIGHT 535.0f
#define TOP 782.0f
#define BOTTOM 72.0f

#define TITLE_SIZE 15.0f
#define HEAD_SIZE 12.0f
#define BODY_SIZE 10.5f
#define FOOT_SIZE 8.0f
#define LEADING 1.35f

struct doc {
	HPDF_Doc pdf;
	HPDF_Font font;
	HPDF_Page pages[MAX_PAGES];
	int npages;
	HPDF_Page page; /* current page */
	float y;        /* top of the free space on the current page */
	int fresh;      /* nothing drawn yet on the current page */
	float tabs[MAX_TABS];
	int ntabs;
	const char *out;
};

static void die_hpdf(struct doc *d, const char *what, HPDF_STATUS st)
{
	HPDF_STATUS err = HPDF_GetError(d->pdf);

	fprintf(stderr, "mkpdf: %s: %s: libharu error 0x%04X (detail %u)\n", d->out, what,
		(unsigned)(st != HPDF_OK ? st : err), (unsigned)HPDF_GetErrorDetail(d->pdf));
	HPDF_Free(d->pdf);
	exit(1);
}

/* For calls that return a value instead of a status. */
static void check_error(struct doc *d, const char *what)
{
	if (HPDF_GetError(d->pdf) != HPDF_OK)
		die_hpdf(d, what, HPDF_OK);
}

/* Every status-returning HPDF call goes through this. */
#define CHECK(d, call)                                  \
	do {                                            \
		HPDF_STATUS st_ = (call);               \
		if (st_ != HPDF_OK)                     \
			die_hpdf((d), #call, st_);      \
	} while (0)

/* Valid UTF-8 without overlong forms or surrogates, only 1-3 byte characters
 * (libharu drops 4-byte ones), no control characters except TAB, LF, CR, FF. */
static int check_text(const unsigned char *s, size_t n, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned cp;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
				goto fail;
			if (c == 0x7F)
				goto fail;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else {
			goto fail; /* stray continuation, overlong lead, or 4-byte */
		}
		if (i + len > n)
			goto fail;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
			goto fail;
		if (cp >= 0x80 && cp < 0xA0)
			goto fail; /* C1 controls */
		i += len;
	}
	return 1;
fail:
	*bad = i;
	return 0;
}

static void new_page(struct doc *d)
{
	HPDF_Page pg;

	if (d->npages == MAX_PAGES) {
		fprintf(stderr, "mkpdf: %s: more than %d pages\n", d->out, MAX_PAGES);
		HPDF_Free(d->pdf);
		exit(2);
	}
	pg = HPDF_AddPage(d->pdf);
	if (!pg)
		die_hpdf(d, "HPDF_AddPage", HPDF_OK);
	CHECK(d, HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT));
	d->pages[d->npages++] = pg;
	d->page = pg;
	d->y = TOP;
	d->fresh = 1;
}

/* Make sure one line of this size fits; otherwise go to a new page. */
static void need(struct doc *d, float size)
{
	if (d->y - size * LEADING < BOTTOM)
		new_page(d);
}

/* Draw a single piece of text at (x, baseline); no wrapping. */
static void text_at(struct doc *d, float x, float base, float size, const char *s)
{
	CHECK(d, HPDF_Page_BeginText(d->page));
	CHECK(d, HPDF_Page_SetFontAndSize(d->page, d->font, size));
	CHECK(d, HPDF_Page_TextOut(d->page, x, base, s));
	CHECK(d, HPDF_Page_EndText(d->page));
}

/*
 * A word wider than the box: TextRect draws nothing (len 0). Cut off as much
 * as fits on one line, at a character boundary, and draw it on its own line.
 * Returns the number of bytes drawn (at least one character).
 */
static size_t force_line(struct doc *d, float left, float right, float size, const char *s)
{
	size_t rest = strlen(s), take;
	char *piece;

	CHECK(d, HPDF_Page_SetFontAndSize(d->page, d->font, size)); /* inside BT */
	take = HPDF_Page_MeasureText(d->page, s, right - left, HPDF_FALSE, NULL);
	check_error(d, "HPDF_Page_MeasureText");
	while (take > 0 && take < rest && ((unsigned char)s[take] & 0xC0) == 0x80)
		take--;
	if (take == 0) { /* not even one character fits: take one anyway */
		take = 1;
		while (take < rest && ((unsigned char)s[take] & 0xC0) == 0x80)
			take++;
	}
	piece = malloc(take + 1);
	if (!piece) {
		fprintf(stderr, "mkpdf: out of memory\n");
		exit(1);
	}
	memcpy(piece, s, take);
	piece[take] = '\0';
	CHECK(d, HPDF_Page_EndText(d->page));
	text_at(d, left, d->y - size, size, piece);
	free(piece);
	CHECK(d, HPDF_Page_BeginText(d->page));
	d->y -= size * LEADING;
	return take;
}

/* A wrapped paragraph in the column [left, right], continued on new pages. */
static void paragraph(struct doc *d, float left, float right, float size, const char *s)
{
	HPDF_Box bbox = HPDF_Font_GetBBox(d->font);
	float descent = -bbox.bottom / 1000.0f * size;

	check_error(d, "HPDF_Font_GetBBox");

	while (*s == ' ')
		s++;
	while (*s) {
		HPDF_UINT len = 0;
		HPDF_STATUS st;
		HPDF_Point pos;

		need(d, size);
		CHECK(d, HPDF_Page_BeginText(d->page));
		CHECK(d, HPDF_Page_SetFontAndSize(d->page, d->font, size));
		CHECK(d, HPDF_Page_SetTextLeading(d->page, size * LEADING));
		st = HPDF_Page_TextRect(d->page, left, d->y, right, BOTTOM, s, HPDF_TALIGN_LEFT, &len);
		if (st != HPDF_OK && st != HPDF_PAGE_INSUFFICIENT_SPACE)
			die_hpdf(d, "HPDF_Page_TextRect", st);
		if (len == 0) {
			/* nothing drawn: one word is wider than the column */
			s += force_line(d, left, right, size, s);
			CHECK(d, HPDF_Page_EndText(d->page));
			d->fresh = 0;
			while (*s == ' ')
				s++;
			continue;
		}
		pos = HPDF_Page_GetCurrentTextPos(d->page); /* last baseline */
		check_error(d, "HPDF_Page_GetCurrentTextPos");
		CHECK(d, HPDF_Page_EndText(d->page));
		d->fresh = 0;
		d->y = pos.y - descent;
		s += len;
		while (*s == ' ')
			s++;
		if (st == HPDF_PAGE_INSUFFICIENT_SPACE && *s)
			new_page(d);
	}
}

/* "%tabs 0 90 180": tab stops in points from the left margin. */
static void set_tabs(struct doc *d, const char *spec)
{
	char *end;

	d->ntabs = 0;
	while (d->ntabs < MAX_TABS) {
		double v = strtod(spec, &end);

		if (end == spec)
			break;
		if (v < 0 || v > RIGHT - LEFT - 20) {
			fprintf(stderr, "mkpdf: %s: tab stop %.0f outside the page\n", d->out, v);
			HPDF_Free(d->pdf);
			exit(2);
		}
		d->tabs[d->ntabs++] = (float)v;
		spec = end;
	}
}

static float tab_stop(const struct doc *d, int i)
{
	if (i < d->ntabs)
		return LEFT + d->tabs[i];
	if (d->ntabs == 0)
		return LEFT + 120.0f * (float)i;
	return LEFT + d->tabs[d->ntabs - 1] + 120.0f * (float)(i - d->ntabs + 1);
}

/* A table row: cells at the tab stops; the last cell wraps to the margin. */
static void row(struct doc *d, char *line)
{
	char *cells[MAX_TABS + 1];
	int n = 0;
	float top, lowest;

	cells[n++] = line;
	for (char *p = line; *p; p++) {
		if (*p == '\t') {
			*p = '\0';
			if (n <= MAX_TABS)
				cells[n++] = p + 1;
		}
	}
	need(d, BODY_SIZE);
	top = d->y;
	lowest = top;
	for (int i = 0; i < n; i++) {
		float x = tab_stop(d, i);

		if (x > RIGHT - 20) {
			fprintf(stderr, "mkpdf: %s: too many cells in a row\n", d->out);
			HPDF_Free(d->pdf);
			exit(2);
		}
		if (i < n - 1) {
			if (*cells[i])
				text_at(d, x, top - BODY_SIZE, BODY_SIZE, cells[i]);
			if (top - BODY_SIZE * LEADING < lowest)
				lowest = top - BODY_SIZE * LEADING;
		} else {
			HPDF_Page before = d->page;

			d->y = top;
			paragraph(d, x, RIGHT, BODY_SIZE, cells[i]);
			if (d->page != before || d->y < lowest)
				lowest = d->y;
		}
	}
	d->y = lowest - 2.5f;
}

static void footers(struct doc *d, const char *title)
{
	char buf[64];

	for (int i = 0; i < d->npages; i++) {
		float w;

		d->page = d->pages[i];
		snprintf(buf, sizeof(buf), "pagina %d van %d", i + 1, d->npages);
		CHECK(d, HPDF_Page_SetFontAndSize(d->page, d->font, FOOT_SIZE));
		w = HPDF_Page_TextWidth(d->page, buf);
		check_error(d, "HPDF_Page_TextWidth");
		text_at(d, RIGHT - w, 40, FOOT_SIZE, buf);
		if (i > 0) /* the title again, small, on the later pages */
			text_at(d, LEFT, 40, FOOT_SIZE, title);
		CHECK(d, HPDF_Page_SetLineWidth(d->page, 0.5f));
		CHECK(d, HPDF_Page_MoveTo(d->page, LEFT, 52));
		CHECK(d, HPDF_Page_LineTo(d->page, RIGHT, 52));
		CHECK(d, HPDF_Page_Stroke(d->page));
	}
}

static char *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t got;

	if (!f) {
		perror(path);
		exit(2);
	}
	buf = malloc((size_t)MAX_INPUT + 1);
	if (!buf) {
		fprintf(stderr, "mkpdf: out of memory\n");
		exit(1);
	}
	got = fread(buf, 1, (size_t)MAX_INPUT + 1, f);
	if (ferror(f)) {
		perror(path);
		exit(2);
	}
	fclose(f);
	if (got > (size_t)MAX_INPUT) {
		fprintf(stderr, "mkpdf: %s: larger than %ld bytes\n", path, MAX_INPUT);
		exit(2);
	}
	buf[got] = '\0';
	*n = got;
	return buf;
}

int main(int argc, char **argv)
{
	struct doc d;
	char *text, *line, *next, *title = NULL;
	size_t n, bad = 0;
	const char *fontname;

	if (argc != 4) {
		fprintf(stderr, "usage: mkpdf IN.txt OUT.pdf FONT.ttf\n");
		return 2;
	}
	text = read_all(argv[1], &n);
	if (strlen(text) != n) {
		fprintf(stderr, "mkpdf: %s: contains a NUL byte\n", argv[1]);
		return 2;
	}
	if (!check_text((const unsigned char *)text, n, &bad)) {
		fprintf(stderr, "mkpdf: %s: byte %zu: not valid UTF-8, a control character, "
			"or a character outside the Basic Multilingual Plane\n", argv[1], bad);
		return 2;
	}

	memset(&d, 0, sizeof(d));
	d.out = argv[2];
	d.pdf = HPDF_New(NULL, NULL);
	if (!d.pdf) {
		fprintf(stderr, "mkpdf: cannot create a PDF document\n");
		return 1;
	}
	CHECK(&d, HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL));
	CHECK(&d, HPDF_UseUTFEncodings(d.pdf));
	fontname = HPDF_LoadTTFontFromFile(d.pdf, argv[3], HPDF_TRUE);
	if (!fontname)
		die_hpdf(&d, "HPDF_LoadTTFontFromFile", HPDF_OK);
	d.font = HPDF_GetFont(d.pdf, fontname, "UTF-8");
	if (!d.font)
		die_hpdf(&d, "HPDF_GetFont", HPDF_OK);
	CHECK(&d, HPDF_SetCurrentEncoder(d.pdf, "UTF-8"));

	new_page(&d);
	for (line = text; line; line = next) {
		size_t len;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else if (!*line)
			break; /* the end, after a final newline */
		len = strlen(line);
		while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';

		if (!title) {
			if (!len)
				continue;
			title = line;
			need(&d, TITLE_SIZE);
			paragraph(&d, LEFT, RIGHT, TITLE_SIZE, title);
			d.y -= 8.0f;
			continue;
		}
		if (!strcmp(line, "\\f") || !strcmp(line, "\f")) {
			new_page(&d);
			continue;
		}
		if (!strncmp(line, "%tabs", 5)) {
			set_tabs(&d, line + 5);
			continue;
		}
		if (!len) {
			if (!d.fresh)
				d.y -= BODY_SIZE * 0.6f;
			continue;
		}
		if (!strncmp(line, "# ", 2)) {
			if (!d.fresh)
				d.y -= 7.0f;
			/* keep a heading with at least two lines of what follows */
			if (d.y - HEAD_SIZE * LEADING - 2 * BODY_SIZE * LEADING < BOTTOM)
				new_page(&d);
			paragraph(&d, LEFT, RIGHT, HEAD_SIZE, line + 2);
			d.y -= 2.0f;
			continue;
		}
		if (strchr(line, '\t')) {
			row(&d, line);
			continue;
		}
		paragraph(&d, LEFT, RIGHT, BODY_SIZE, line);
		d.y -= 3.0f;
	}
	if (!title) {
		fprintf(stderr, "mkpdf: %s: empty, no title\n", argv[1]);
		HPDF_Free(d.pdf);
		return 2;
	}
	footers(&d, title);
	CHECK(&d, HPDF_SetInfoAttr(d.pdf, HPDF_INFO_TITLE, title));
	CHECK(&d, HPDF_SetInfoAttr(d.pdf, HPDF_INFO_CREATOR, "mkpdf (dossier tests/tools)"));
	CHECK(&d, HPDF_SaveToFile(d.pdf, argv[2]));
	HPDF_Free(d.pdf);
	free(text);
	return 0;
}
