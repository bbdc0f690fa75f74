/*
 * jpeg.c - shrink and turn JPEG scans for print (see jpeg.h).
 */
#include "jpeg.h"
#include "buf.h"
#include "err.h"
#include "fileio.h"
#include "mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "banned.h"

#define JPEG_MAX_FILE (64u << 20)
#define JPEG_QUALITY 80

static unsigned get16(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static unsigned long get32(const unsigned char *p, int le)
{
	return le ? (unsigned long)get16(p, 1) | (unsigned long)get16(p + 2, 1) << 16
		  : (unsigned long)get16(p, 0) << 16 | get16(p + 2, 0);
}

int jpeg_orientation(const unsigned char *s, size_t n)
{
	size_t i = 2;

	while (i + 4 <= n && s[i] == 0xFF) {
		unsigned m = s[i + 1], len = get16(s + i + 2, 0);

		if (len < 2 || i + 2 + len > n || m == 0xDA)
			break;
		if (m == 0xE1 && len >= 16 && !memcmp(s + i + 4, "Exif\0\0", 6)) {
			const unsigned char *t = s + i + 10;
			size_t tn = len - 8, ifd, k, count;
			int le = t[0] == 'I';

			if ((t[0] != 'I' && t[0] != 'M') || get16(t + 2, le) != 42)
				return 1;
			ifd = get32(t + 4, le);
			if (ifd + 2 > tn)
				return 1;
			count = get16(t + ifd, le);
			for (k = 0; k < count && ifd + 2 + 12 * (k + 1) <= tn; k++) {
				const unsigned char *e = t + ifd + 2 + 12 * k;

				if (get16(e, le) == 0x0112) {
					unsigned v = get16(e + 8, le);

					return v >= 1 && v <= 8 ? (int)v : 1;
				}
			}
			return 1;
		}
		i += 2 + len;
	}
	return 1;
}

/*
 * Turn the w x h image of `ps` bytes per pixel upright for EXIF
 * orientation o; the result (caller frees) may swap width and height.
 */
static unsigned char *upright(const unsigned char *src, int w, int h, int ps, int o, int *ow, int *oh)
{
	bool swap = o >= 5;
	int W = swap ? h : w, H = swap ? w : h, x, y;
	unsigned char *dst = xmalloc((size_t)W * (size_t)H * (size_t)ps);

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			int dx, dy;

			switch (o) {
			case 2: dx = w - 1 - x; dy = y; break;
			case 3: dx = w - 1 - x; dy = h - 1 - y; break;
			case 4: dx = x; dy = h - 1 - y; break;
			case 5: dx = y; dy = x; break;
			case 6: dx = h - 1 - y; dy = x; break;
			case 7: dx = h - 1 - y; dy = w - 1 - x; break;
			case 8: dx = y; dy = w - 1 - x; break;
			default: dx = x; dy = y; break;
			}
			memcpy(dst + ((size_t)dy * (size_t)W + (size_t)dx) * (size_t)ps,
			       src + ((size_t)y * (size_t)w + (size_t)x) * (size_t)ps, (size_t)ps);
		}
	*ow = W;
	*oh = H;
	return dst;
}

int jpeg_prepare(const char *path, struct buf *out, struct err *e)
{
	struct buf in = BUF_INIT;
	tjhandle d = NULL, c = NULL;
	tjscalingfactor *sf, best = { 1, 1 };
	unsigned char *pix = NULL, *turned = NULL, *jpg = NULL;
	unsigned long jlen = 0;
	int w, h, sub, cs, nsf, i, sw, sh, ps, tw, th, o, longest, r = -1;
	bool gray;

	buf_reset(out);
	if (file_read(path, JPEG_MAX_FILE, &in, e))
		goto out;
	r = 0;
	o = jpeg_orientation((const unsigned char *)in.s, in.len);
	d = tjInitDecompress();
	if (!d || tjDecompressHeader3(d, (const unsigned char *)in.s, in.len, &w, &h, &sub, &cs))
		goto out;
	longest = w > h ? w : h;
	if (o == 1 && longest <= JPEG_PRINT_LONG_SIDE * 5 / 4)
		goto out; /* fine as it is */
	if (cs == TJCS_CMYK || cs == TJCS_YCCK)
		goto out;
	/* the smallest decoding scale that keeps about 170 dpi or more on A4 */
	sf = tjGetScalingFactors(&nsf);
	for (i = 0; sf && i < nsf; i++) {
		int s = TJSCALED(longest, sf[i]);

		if (s >= JPEG_PRINT_LONG_SIDE * 17 / 20 && s <= longest &&
		    (double)sf[i].num / sf[i].denom < (double)best.num / best.denom)
			best = sf[i];
	}
	sw = TJSCALED(w, best);
	sh = TJSCALED(h, best);
	gray = cs == TJCS_GRAY;
	ps = gray ? 1 : 3;
	pix = xmalloc((size_t)sw * (size_t)sh * (size_t)ps);
	if (tjDecompress2(d, (const unsigned char *)in.s, in.len, pix, sw, 0, sh, gray ? TJPF_GRAY : TJPF_RGB,
			  TJFLAG_FASTDCT))
		goto out;
	tw = sw;
	th = sh;
	if (o != 1)
		turned = upright(pix, sw, sh, ps, o, &tw, &th);
	c = tjInitCompress();
	if (!c || tjCompress2(c, turned ? turned : pix, tw, 0, th, gray ? TJPF_GRAY : TJPF_RGB, &jpg, &jlen,
			      gray ? TJSAMP_GRAY : TJSAMP_420, JPEG_QUALITY, TJFLAG_FASTDCT))
		goto out;
	buf_add(out, jpg, jlen);
out:
	if (jpg)
		tjFree(jpg);
	if (c)
		tjDestroy(c);
	if (d)
		tjDestroy(d);
	free(pix);
	free(turned);
	buf_release(&in);
	return r;
}
