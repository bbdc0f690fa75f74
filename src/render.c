/*
 * render.c - draw laid-out pages with libharu (see render.h).
 *
 * libharu blocks the whole document after any error, so every error is
 * caught by one handler that remembers the first code; rendering checks it
 * at the points that matter and turns it into one Dutch message.
 *
 * Widths come from HPDF_Font_TextWidth per character, cached per font for
 * the Basic Multilingual Plane; which characters a font has comes from
 * its own cmap table, read once here.
 */
#include "render.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "fontinfo.h"
#include "image.h"
#include "jpeg.h"
#include "mem.h"
#include "template.h"
#include "tmpl.h"
#include "unicode.h"
#include "utf8.h"

#include <hpdf.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "banned.h"

/*
 * Fonts. libharu's UTF-8 (CID) fonts cost 40% of a dossier's run time and
 * 20 kB per face (it builds widths and maps for all 65,536 code points).
 * Simple TrueType fonts with the Windows code pages are cheap and small,
 * and five of them cover the names this tool meets: Western European
 * (CP1252), Turkish (CP1254: İ, Ş, Ğ; before Central European, so a Turkish
 * name needs one font object, not two), Central European (CP1250: Ł, Š),
 * Baltic (CP1257), Cyrillic (CP1251) and Greek (CP1253). The font file is
 * embedded once per face whatever the number of code pages used; a code
 * page's font object is only made when a character needs it. Each run of
 * text is drawn with the first code page that has its characters.
 * Widths come straight from the font's own tables, so measuring never
 * creates PDF objects.
 */
static const char *const code_pages[] = { "CP1252", "CP1254", "CP1250", "CP1257", "CP1251", "CP1253" };
#define NPAGES (sizeof(code_pages) / sizeof(code_pages[0]))
#define NO_WIDTH FONT_NO_WIDTH
/*
 * A character no code page holds but both faces have (Vietnamese ễ, a
 * lone combining mark): drawn with libharu's UTF-8 (CID) font of the
 * face, made only when a text needs it, so the common case stays cheap.
 */
#define PAGE_UTF8 NPAGES
#define CODE_UTF8 0xFFFF

struct image_entry {
	char *path;
	HPDF_Image img;
};

struct face {
	const char *name;              /* libharu's name of the loaded font */
	uint16_t *adv;                 /* advance width per BMP code point, 1/1000 em */
	HPDF_Font font[NPAGES + 1];    /* per code page and PAGE_UTF8, made on first use */
	int ascent, descent;
};

struct pdf {
	HPDF_Doc doc;
	struct face face[FONT_COUNT];
	uint16_t *code;                /* per code point: (page << 8 | byte) + 1; 0: not drawable */
	struct metrics m;
	HPDF_STATUS error, detail;
	struct image_entry *images;
	size_t nimages, icap;
	const struct tmpl *t;
};

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct pdf *p = data;

	if (!p->error) {
		p->error = code;
		p->detail = detail;
	}
}

/* The code page and byte for a code point; false when none can draw it. */
static bool encode(const struct pdf *p, uint32_t cp, size_t *page, unsigned char *byte)
{
	uint16_t v = cp < 0x10000 ? p->code[cp] : 0;

	if (!v)
		return false;
	if (v == CODE_UTF8) {
		*page = PAGE_UTF8;
		*byte = 0;
		return true;
	}
	v--;
	*page = v >> 8;
	*byte = (unsigned char)(v & 0xFF);
	return true;
}

static bool covered(const struct pdf *p, uint32_t cp)
{
	return cp < 0x10000 && p->code[cp] != 0;
}

/* ---- metrics ------------------------------------------------------------ */

static double measure(void *ctx, int font, const char *s, size_t len, double size)
{
	struct pdf *p = ctx;
	const uint16_t *adv = p->face[font].adv;
	double total = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (!n) {
			n = 1;
			cp = '?';
		}
		if (!covered(p, cp))
			cp = '?';
		total += adv[cp] == NO_WIDTH ? adv['?'] : adv[cp];
		i += n;
	}
	return total * size / 1000.0;
}

/* Characters that show nothing (fontinfo.h); the Romanian ones are drawn replaced. */
static bool invisible(uint32_t cp)
{
	return font_shows_nothing(cp) && !(cp >= 0x0218 && cp <= 0x021B);
}

bool pdf_can_show(const struct pdf *p, uint32_t cp)
{
	return cp == '\n' || cp == '\t' || invisible(cp) || covered(p, cp) || cp == 0x0218 || cp == 0x0219 ||
	       cp == 0x021A || cp == 0x021B;
}

void pdf_clean_text(const struct pdf *p, const char *in, struct buf *out)
{
	struct buf nfc = BUF_INIT;
	const char *s = in;
	size_t len, i = 0;

	/* one form for what looks the same: e + U+0308 is drawn (and extracted) as ë */
	if (!unicode_nfc(in, strlen(in), &nfc))
		s = nfc.s;
	len = strlen(s);

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (!n) {
			buf_addch(out, '?');
			i++;
			continue;
		}
		if (cp == '\t')
			buf_addch(out, ' ');
		else if (invisible(cp))
			;
		else if (cp == '\n' || cp == '\r' || covered(p, cp))
			buf_add(out, s + i, n);
		else if (cp == 0x0219 || cp == 0x0218) /* Romanian comma below: the cedilla form */
			utf8_encode(out, cp == 0x0219 ? 0x015F : 0x015E);
		else if (cp == 0x021B || cp == 0x021A)
			utf8_encode(out, cp == 0x021B ? 0x0163 : 0x0162);
		else if (cp >= 0x20)
			buf_addch(out, '?');
		i += n;
	}
	buf_release(&nfc);
}

static void clean_cb(void *ctx, const char *s, struct buf *out)
{
	pdf_clean_text(ctx, s, out);
}

const struct metrics *pdf_metrics(const struct pdf *p)
{
	return &p->m;
}

/* The font object of a face for a code page, made on first use. */
static HPDF_Font face_font(struct pdf *p, int font, size_t page)
{
	struct face *f = &p->face[font];

	if (!f->font[page])
		f->font[page] = HPDF_GetFont(p->doc, f->name, page == PAGE_UTF8 ? "UTF-8" : code_pages[page]);
	return f->font[page];
}

/* ---- open / close --------------------------------------------------------- */

static int fail(struct pdf *p, struct err *e, const char *what)
{
	return err_set(e, EXIT_SYSTEM, "%s (PDF-bibliotheek: fout %04X, %u)", what, (unsigned)p->error,
		       (unsigned)p->detail);
}

int pdf_open(struct pdf **out, const struct tmpl *t, struct err *e)
{
	struct pdf *p = xcalloc(1, sizeof(*p));
	size_t k;
	int i, b;

	*out = p;
	p->t = t;
	p->doc = HPDF_New(on_error, p);
	if (!p->doc)
		return err_set(e, EXIT_SYSTEM, "de PDF-bibliotheek kon niet starten (onvoldoende geheugen?)");
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	/* UTF-8 for the document's own strings: title, bookmarks */
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	for (i = 0; i < FONT_COUNT; i++) {
		struct font_info fi;

		if (font_info_load(t->font_path[i], &fi, e))
			return -1;
		p->face[i].adv = fi.adv;
		p->face[i].ascent = fi.ascent;
		p->face[i].descent = fi.descent;
		p->face[i].name = HPDF_LoadTTFontFromFile(p->doc, t->font_path[i], HPDF_TRUE);
		if (!p->face[i].name || p->error)
			return fail(p, e, "het lettertype kan niet worden geladen");
	}
	/* which code page draws each character (the first that has it, in both faces) */
	p->code = xcalloc(0x10000, sizeof(uint16_t));
	for (k = 0; k < NPAGES; k++) {
		HPDF_Encoder enc = HPDF_GetEncoder(p->doc, code_pages[k]);

		if (!enc) {
			p->error = 0;
			HPDF_ResetError(p->doc);
			continue;
		}
		for (b = 0x20; b <= 0xFF; b++) {
			HPDF_UNICODE u = HPDF_Encoder_GetUnicode(enc, (HPDF_UINT16)b);

			if (b == 0x7F || !u || u >= 0xFFFF || p->code[u])
				continue;
			if (p->face[FONT_REGULAR].adv[u] == NO_WIDTH || p->face[FONT_BOLD].adv[u] == NO_WIDTH)
				continue;
			p->code[u] = (uint16_t)(((k << 8) | (size_t)b) + 1);
		}
	}
	for (b = 0x20; b < 0xFFFF; b++)
		if (!p->code[b] && (b < 0xD800 || b > 0xDFFF) && p->face[FONT_REGULAR].adv[b] != NO_WIDTH &&
		    p->face[FONT_BOLD].adv[b] != NO_WIDTH)
			p->code[b] = CODE_UTF8;
	if (!covered(p, '?'))
		return err_set(e, EXIT_SYSTEM, "%s: het lettertype heeft geen gewone letters", t->font_path[FONT_REGULAR]);
	p->m.width = measure;
	p->m.clean = clean_cb;
	p->m.ctx = p;
	p->m.ascent = p->face[FONT_REGULAR].ascent;
	p->m.descent = p->face[FONT_REGULAR].descent;
	return 0;
}

void pdf_close(struct pdf *p)
{
	size_t i;

	if (!p)
		return;
	if (p->doc)
		HPDF_Free(p->doc);
	for (i = 0; i < FONT_COUNT; i++)
		free(p->face[i].adv);
	free(p->code);
	for (i = 0; i < p->nimages; i++)
		free(p->images[i].path);
	free(p->images);
	free(p);
}

/* ---- images ---------------------------------------------------------------- */

static HPDF_Image find_image(const struct pdf *p, const char *path)
{
	size_t i;

	for (i = 0; i < p->nimages; i++)
		if (!strcmp(p->images[i].path, path))
			return p->images[i].img;
	return NULL;
}

int pdf_image_size(struct pdf *p, const char *path, double *w, double *h, struct err *e)
{
	HPDF_Image img = find_image(p, path);
	struct file_info fi;
	enum file_kind k;

	if (!img) {
		file_probe(path, &fi);
		k = fi.kind;
		if (k == FILE_UNREADABLE && fi.errnum)
			return err_errno(e, fi.errnum, "de afbeelding %s kan niet worden gelezen", path);
		if (k == FILE_PNG && fi.png_depth > 8)
			return err_set(e, EXIT_INVALID, "%s is een %d-bits PNG; sla de scan op als JPEG of 8-bits PNG",
				       path, fi.png_depth);
		if (k == FILE_PNG || k == FILE_JPEG) {
			/* libharu must never see a damaged PNG: libpng would abort() */
			int errnum;
			const char *why = image_problem(path, k, &errnum);

			if (why && errnum)
				return err_errno(e, errnum, "de afbeelding %s kan niet worden gelezen", path);
			if (why)
				return err_set(e, EXIT_INVALID, "de afbeelding %s %s", path, why);
		}
		if (k == FILE_PNG) {
			img = HPDF_LoadPngImageFromFile(p->doc, path);
		} else if (k == FILE_JPEG) {
			/* a phone photo: smaller and upright first (jpeg.h) */
			struct buf jb = BUF_INIT;

			if (jpeg_prepare(path, &jb, e))
				return -1;
			img = jb.len ? HPDF_LoadJpegImageFromMem(p->doc, (const HPDF_BYTE *)jb.s, (HPDF_UINT)jb.len)
				     : HPDF_LoadJpegImageFromFile(p->doc, path);
			buf_release(&jb);
		} else {
			return err_set(e, EXIT_INVALID, "%s is geen PNG- of JPEG-afbeelding", path);
		}
		if (!img || p->error) {
			bool sys = p->error == HPDF_FILE_OPEN_ERROR || p->error == HPDF_FILE_IO_ERROR;

			p->error = 0;
			HPDF_ResetError(p->doc);
			if (sys)
				return err_set(e, EXIT_SYSTEM, "de afbeelding %s kan niet worden gelezen (lees- of schrijffout)", path);
			return err_set(e, EXIT_INVALID, "%s kan niet als afbeelding worden gelezen (beschadigd of een vorm die niet wordt ondersteund)",
				       path);
		}
		ARRAY_GROW(p->images, p->nimages, p->icap);
		p->images[p->nimages].path = xstrdup(path);
		p->images[p->nimages].img = img;
		p->nimages++;
	}
	*w = HPDF_Image_GetWidth(img);
	*h = HPDF_Image_GetHeight(img);
	if (*w < 1 || *h < 1)
		return err_set(e, EXIT_INVALID, "%s heeft geen afmetingen", path);
	return 0;
}

/* ---- drawing ------------------------------------------------------------ */

/*
 * The drawing state of the page being drawn. libharu writes every
 * setting it is given; remembering what is set already keeps colours,
 * widths and fonts from being repeated, and consecutive text items share
 * one text object. That makes the page streams about half as long.
 */
struct pen {
	HPDF_Page pg;
	bool in_text;
	int font;
	double size, width, word_space;
	uint32_t fill, stroke;
};

/*
 * A coordinate on a grid of 1/8 pt (0.04 mm): such numbers are exact in
 * libharu's floats, so it writes them, and the moves between them, with
 * at most three decimals ("168.625", not "168.54001"). That keeps the
 * content streams small; the eye cannot see the difference.
 */
static HPDF_REAL pt(double v)
{
	return (HPDF_REAL)(round(v * 8) / 8);
}

static void pen_start(struct pen *pen, HPDF_Page pg)
{
	pen->pg = pg;
	pen->in_text = false;
	pen->font = -1;
	pen->size = pen->width = -1;
	pen->word_space = 0; /* the PDF's initial word spacing */
	pen->fill = pen->stroke = NO_FILL;
}

static void pen_fill(struct pen *pen, uint32_t c)
{
	if (pen->fill == c)
		return;
	HPDF_Page_SetRGBFill(pen->pg, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
	pen->fill = c;
}

static void pen_text_end(struct pen *pen)
{
	if (pen->in_text) {
		HPDF_Page_EndText(pen->pg);
		pen->in_text = false;
	}
}

static void pen_stroke(struct pen *pen, uint32_t c, double width)
{
	pen_text_end(pen);
	if (pen->stroke != c) {
		HPDF_Page_SetRGBStroke(pen->pg, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
		pen->stroke = c;
	}
	if (pen->width != width) {
		HPDF_Page_SetLineWidth(pen->pg, (HPDF_REAL)width);
		pen->width = width;
	}
}

/*
 * Diagonal lines over a rectangle, clipped to it: a pattern that stays
 * legible in black and white. The graphics state is saved around the
 * clip, so the pen's cached colours and width are those from before.
 */
static void hatch(struct pen *pen, const struct item *it)
{
	struct pen before = *pen;
	HPDF_Page pg = pen->pg;
	double d;

	HPDF_Page_GSave(pg);
	HPDF_Page_Rectangle(pg, pt(it->x), pt(it->y), pt(it->w), pt(it->h));
	HPDF_Page_Clip(pg);
	HPDF_Page_EndPath(pg);
	pen_stroke(pen, it->color, 0.6);
	for (d = -it->h; d < it->w; d += it->hatch) {
		HPDF_Page_MoveTo(pg, pt(it->x + d), pt(it->y));
		HPDF_Page_LineTo(pg, pt(it->x + d + it->h), pt(it->y + it->h));
	}
	HPDF_Page_Stroke(pg);
	HPDF_Page_GRestore(pg);
	*pen = before;
}

size_t pdf_page_numbers(const struct ldoc *doc, size_t *nums)
{
	size_t i, k, extra = 0;

	for (i = 0; i < doc->n; i++) {
		nums[i] = i + 1 + extra;
		for (k = 0; k < doc->nins; k++)
			if (doc->inserts[k].after == i)
				extra += doc->inserts[k].npages;
	}
	return doc->n + extra;
}

struct page_vars {
	char page[24], total[24];
};

static const char *page_lookup(void *ctx, const char *name, size_t len)
{
	struct page_vars *v = ctx;

	if (len == 6 && !strncmp(name, "pagina", 6))
		return v->page;
	if (len == 7 && !strncmp(name, "paginas", 7))
		return v->total;
	return NULL;
}

/*
 * Draw UTF-8 text in runs of one code page each: the first run at (x, y)
 * when `place`, else at the current text position; the next runs follow.
 */
static void draw_runs(struct pdf *p, struct pen *pen, int font, double size, const char *s, size_t len, double x,
		      double y, bool place)
{
	struct buf run = BUF_INIT;
	size_t i = 0, page = 0, cur = 0;

	while (i <= len) {
		uint32_t cp = 0;
		size_t n = i < len ? utf8_decode(s + i, len - i, &cp) : 0;
		unsigned char byte = '?';

		if (i < len) {
			if (!n)
				n = 1;
			if (!encode(p, cp, &page, &byte))
				encode(p, '?', &page, &byte);
		}
		if (run.len && (i >= len || page != cur)) {
			HPDF_Font f = face_font(p, font, cur);

			if (f && (pen->font != font * 16 + (int)cur || pen->size != size)) {
				HPDF_Page_SetFontAndSize(pen->pg, f, (HPDF_REAL)size);
				pen->font = font * 16 + (int)cur;
				pen->size = size;
			}
			if (place)
				HPDF_Page_TextOut(pen->pg, pt(x), pt(y), run.s);
			else
				HPDF_Page_ShowText(pen->pg, run.s);
			place = false;
			buf_reset(&run);
		}
		if (i >= len)
			break;
		cur = page;
		if (page == PAGE_UTF8)
			buf_add(&run, s + i, n);
		else
			buf_addch(&run, (char)byte);
		i += n;
	}
	buf_release(&run);
}

/* Text at (x, y); word_space widens every space (justified lines). */
static void text_at(struct pdf *p, struct pen *pen, int font, double size, uint32_t color, double x, double y,
		    const char *s, enum align al, double word_space)
{
	struct buf clean = BUF_INIT;

	pdf_clean_text(p, s, &clean);
	if (al != AL_LEFT) {
		double w = measure(p, font, clean.s, clean.len, size);

		x -= al == AL_RIGHT ? w : w / 2;
	}
	if (!pen->in_text) {
		HPDF_Page_BeginText(pen->pg);
		pen->in_text = true;
	}
	pen_fill(pen, color);
	if (pen->word_space != word_space) {
		/* to 1/1000 pt: the error adds up over the spaces of a line */
		HPDF_Page_SetWordSpace(pen->pg, (HPDF_REAL)(round(word_space * 1000) / 1000));
		pen->word_space = word_space;
	}
	draw_runs(p, pen, font, size, clean.s, clean.len, x, y, true);
	buf_release(&clean);
}

static void furniture(struct pdf *p, struct pen *pen, const struct render_info *info, size_t num, size_t total)
{
	const struct theme *th = &p->t->theme;
	struct page_vars v;
	struct buf s = BUF_INIT;
	double top = th->page_h - th->margin_top + 14, bottom = th->margin_bottom - 20;
	double l = th->margin_left, r = th->page_w - th->margin_right;

	snprintf(v.page, sizeof(v.page), "%zu", num);
	snprintf(v.total, sizeof(v.total), "%zu", total);
	if (info->header_left) {
		tmpl_expand(&s, info->header_left, page_lookup, &v, NULL);
		text_at(p, pen, FONT_REGULAR, th->small, th->muted, l, top, s.s, AL_LEFT, 0);
		buf_reset(&s);
	}
	if (info->header_right) {
		tmpl_expand(&s, info->header_right, page_lookup, &v, NULL);
		text_at(p, pen, FONT_REGULAR, th->small, th->muted, r, top, s.s, AL_RIGHT, 0);
		buf_reset(&s);
	}
	pen_stroke(pen, th->border, 0.4);
	HPDF_Page_MoveTo(pen->pg, (HPDF_REAL)l, (HPDF_REAL)(top - 4));
	HPDF_Page_LineTo(pen->pg, (HPDF_REAL)r, (HPDF_REAL)(top - 4));
	HPDF_Page_Stroke(pen->pg);
	if (info->footer_left) {
		tmpl_expand(&s, info->footer_left, page_lookup, &v, NULL);
		text_at(p, pen, FONT_REGULAR, th->small, th->muted, l, bottom, s.s, AL_LEFT, 0);
		buf_reset(&s);
	}
	if (info->footer_right) {
		tmpl_expand(&s, info->footer_right, page_lookup, &v, NULL);
		text_at(p, pen, FONT_REGULAR, th->small, th->muted, r, bottom, s.s, AL_RIGHT, 0);
		buf_reset(&s);
	}
	if (info->concept) {
		struct buf clean = BUF_INIT;

		pdf_clean_text(p, info->concept, &clean);
		text_at(p, pen, FONT_BOLD, th->small + 1, 0xB00020, th->page_w / 2, top + 10, clean.s, AL_CENTER, 0);
		buf_release(&clean);
	}
	pen_text_end(pen);
	buf_release(&s);
}

/* The concept mark: large, light and diagonal, drawn before the content. */
static void watermark(struct pdf *p, struct pen *pen, const char *mark)
{
	const struct theme *th = &p->t->theme;
	double size = 54, w;
	struct buf clean = BUF_INIT;

	pdf_clean_text(p, mark, &clean);
	w = measure(p, FONT_BOLD, clean.s, clean.len, size);
	HPDF_Page_BeginText(pen->pg);
	pen->in_text = true;
	HPDF_Page_SetTextMatrix(pen->pg, 0.8192f, 0.5736f, -0.5736f, 0.8192f,
				(HPDF_REAL)(th->page_w / 2 - w / 2 * 0.8192), (HPDF_REAL)(th->page_h / 2 - w / 2 * 0.5736));
	pen_fill(pen, 0xF2D6D6);
	draw_runs(p, pen, FONT_BOLD, size, clean.s, clean.len, 0, 0, false);
	pen_text_end(pen);
	buf_release(&clean);
}

static void draw_item(struct pdf *p, struct pen *pen, const struct item *it, const size_t *nums,
		      const struct ldoc *doc)
{
	HPDF_Page pg = pen->pg;

	switch (it->kind) {
	case IT_RECT:
		pen_text_end(pen);
		if (it->fill != NO_FILL)
			pen_fill(pen, it->fill);
		if (it->line_w > 0)
			pen_stroke(pen, it->color, it->line_w);
		HPDF_Page_Rectangle(pg, pt(it->x), pt(it->y), pt(it->w), pt(it->h));
		if (it->fill != NO_FILL && it->line_w > 0)
			HPDF_Page_FillStroke(pg);
		else if (it->fill != NO_FILL)
			HPDF_Page_Fill(pg);
		else if (it->line_w > 0)
			HPDF_Page_Stroke(pg);
		else
			HPDF_Page_EndPath(pg);
		if (it->hatch > 0)
			hatch(pen, it);
		break;
	case IT_LINE:
		pen_stroke(pen, it->color, it->line_w > 0 ? it->line_w : 0.5);
		if (it->dash > 0) {
			HPDF_UINT16 pattern[1] = { (HPDF_UINT16)it->dash };

			HPDF_Page_SetDash(pg, pattern, 1, 0);
		}
		HPDF_Page_MoveTo(pg, pt(it->x), pt(it->y));
		HPDF_Page_LineTo(pg, pt(it->x + it->w), pt(it->y + it->h));
		HPDF_Page_Stroke(pg);
		if (it->dash > 0)
			HPDF_Page_SetDash(pg, NULL, 0, 0);
		break;
	case IT_TEXT:
		if (it->page_ref > 0) {
			char num[24];
			size_t ap = (size_t)it->page_ref < doc->nanchors ? doc->anchors[it->page_ref].page : 0;

			snprintf(num, sizeof(num), "%zu", nums[ap]);
			text_at(p, pen, it->font, it->size, it->color, it->x, it->y, num, it->ref_align, 0);
		} else if (it->text && *it->text) {
			text_at(p, pen, it->font, it->size, it->color, it->x, it->y, it->text, AL_LEFT, it->word_space);
		}
		break;
	case IT_IMAGE: {
		HPDF_Image img = find_image(p, it->text);

		pen_text_end(pen);
		if (img)
			HPDF_Page_DrawImage(pg, img, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		break;
	}
	case IT_LINK:
		break; /* added once every page exists */
	}
}

static HPDF_Destination anchor_dest(HPDF_Page *pages, const struct ldoc *doc, int anchor)
{
	const struct anchor *a = &doc->anchors[anchor];
	HPDF_Destination d = HPDF_Page_CreateDestination(pages[a->page]);

	if (d)
		HPDF_Destination_SetFitH(d, (HPDF_REAL)(a->y + 30));
	return d;
}

static void set_info(struct pdf *p, const struct render_info *info)
{
	time_t t = (time_t)info->created;
	struct tm tm;
	HPDF_Date d;

	if (info->title)
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, info->title);
	if (info->subject)
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, info->subject);
	if (info->author)
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, info->author);
	if (info->keywords)
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_KEYWORDS, info->keywords);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "dossier " DOSSIER_VERSION);
	if (gmtime_r(&t, &tm)) {
		memset(&d, 0, sizeof(d));
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
		d.hour = tm.tm_hour;
		d.minutes = tm.tm_min;
		d.seconds = tm.tm_sec;
		d.ind = 'Z';
		HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
		HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
	}
}

static void outline(struct pdf *p, HPDF_Page *pages, const struct ldoc *doc)
{
	HPDF_Outline parents[8];
	HPDF_Encoder enc = HPDF_GetEncoder(p->doc, "UTF-8");
	size_t i;

	for (i = 0; i < doc->nout; i++) {
		const struct outline_entry *o = &doc->outline[i];
		int lvl = o->level < 0 ? 0 : o->level > 7 ? 7 : o->level;
		struct buf clean = BUF_INIT;
		HPDF_Outline ol;

		pdf_clean_text(p, o->title, &clean);
		ol = HPDF_CreateOutline(p->doc, lvl ? parents[lvl - 1] : NULL, clean.s, enc);
		buf_release(&clean);
		if (!ol)
			return;
		HPDF_Outline_SetOpened(ol, lvl == 0 ? HPDF_TRUE : HPDF_FALSE);
		if (o->anchor > 0 && (size_t)o->anchor < doc->nanchors)
			HPDF_Outline_SetDestination(ol, anchor_dest(pages, doc, o->anchor));
		parents[lvl] = ol;
	}
}

int pdf_render(struct pdf *p, const struct ldoc *doc, const struct render_info *info, struct buf *out,
	       struct err *e)
{
	size_t *nums = xcalloc(doc->n ? doc->n : 1, sizeof(size_t));
	HPDF_Page *pages = xcalloc(doc->n ? doc->n : 1, sizeof(HPDF_Page));
	size_t total = pdf_page_numbers(doc, nums), i, j;
	struct pen pen;
	int r = -1;

	set_info(p, info);
	HPDF_SetPageMode(p->doc, doc->nout ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
	for (i = 0; i < doc->n && !p->error; i++) {
		HPDF_Page pg = HPDF_AddPage(p->doc);

		pages[i] = pg;
		if (!pg)
			break;
		HPDF_Page_SetWidth(pg, (HPDF_REAL)p->t->theme.page_w);
		HPDF_Page_SetHeight(pg, (HPDF_REAL)p->t->theme.page_h);
		pen_start(&pen, pg);
		if (info->concept)
			watermark(p, &pen, info->concept);
		for (j = 0; j < doc->pages[i].n; j++)
			draw_item(p, &pen, &doc->pages[i].v[j], nums, doc);
		furniture(p, &pen, info, nums[i], total);
	}
	if (p->error) {
		fail(p, e, "de PDF kon niet worden opgebouwd");
		goto out;
	}
	/* links and bookmarks point at pages that now all exist */
	for (i = 0; i < doc->n; i++)
		for (j = 0; j < doc->pages[i].n; j++) {
			const struct item *it = &doc->pages[i].v[j];
			HPDF_Rect rect;
			HPDF_Annotation a;

			if (it->kind != IT_LINK || it->target <= 0 || (size_t)it->target >= doc->nanchors)
				continue;
			rect.left = (HPDF_REAL)it->x;
			rect.bottom = (HPDF_REAL)it->y;
			rect.right = (HPDF_REAL)(it->x + it->w);
			rect.top = (HPDF_REAL)(it->y + it->h);
			a = HPDF_Page_CreateLinkAnnot(pages[i], rect, anchor_dest(pages, doc, it->target));
			if (a)
				HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		}
	outline(p, pages, doc);
	if (p->error || HPDF_SaveToStream(p->doc) != HPDF_OK) {
		fail(p, e, "de PDF kon niet worden opgeslagen");
		goto out;
	}
	{
		HPDF_UINT32 size = HPDF_GetStreamSize(p->doc), got;

		buf_grow(out, size);
		got = size;
		if (HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)out->s + out->len, &got) != HPDF_OK && got != size) {
			fail(p, e, "de PDF kon niet worden gelezen uit het geheugen");
			goto out;
		}
		out->len += got;
		out->s[out->len] = '\0';
	}
	r = 0;
out:
	free(nums);
	free(pages);
	return r;
}
