/*
 * barcheck - which bar of a bar chart is the tallest? For the picture test
 * of the Verzuimbeeld page (tests/e2e/t0700-verzuim.sh).
 *
 *   pdftoppm -gray -r 100 -f N -l N dossier.pdf | barcheck
 *
 * Reads one binary PGM (P5). A bar's top is a horizontal run of dark
 * pixels (< 160) between 20 and 80 pixels long: its outline (the page's
 * rules, table borders and the axis are much longer; text and the legend's
 * swatches much shorter). For each bar (runs grouped by their middle) the
 * topmost run is its top. Prints the number of bars and the 1-based
 * number, from the left, of the tallest one.
 */
#include <stdio.h>
#include <stdlib.h>

static int number(FILE *f)
{
	int c, v = 0;

	do {
		c = getc(f);
		if (c == '#')
			while ((c = getc(f)) != '\n' && c != EOF)
				;
	} while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
	while (c >= '0' && c <= '9') {
		v = v * 10 + (c - '0');
		c = getc(f);
	}
	return v;
}

struct bar { int mid, top, bottom; };

int main(void)
{
	int w, h, max, x, y, i, n = 0, best = -1;
	unsigned char *px;
	struct bar bars[200];

	if (getchar() != 'P' || getchar() != '5')
		return 2;
	w = number(stdin);
	h = number(stdin);
	max = number(stdin);
	if (w <= 0 || h <= 0 || max != 255 || (long)w * h > 100000000L)
		return 2;
	px = malloc((size_t)w * (size_t)h);
	if (!px || fread(px, 1, (size_t)w * (size_t)h, stdin) != (size_t)w * (size_t)h)
		return 2;
	for (y = 0; y < h; y++)
		for (x = 0; x < w;) {
			int a = x;

			while (x < w && px[(size_t)y * (size_t)w + (size_t)x] < 160)
				x++;
			if (x - a >= 20 && x - a <= 80) {
				int mid = (a + x) / 2;

				for (i = 0; i < n && abs(bars[i].mid - mid) > 3; i++)
					;
				if (i == n && n < 200)
					bars[n++] = (struct bar){ mid, y, y };
				else if (i < n)
					bars[i].bottom = y;
			}
			if (x == a)
				x++;
		}
	/* a bar is taller than a few pixels; order by position */
	for (i = 0; i < n; i++) {
		int j;

		for (j = i + 1; j < n; j++)
			if (bars[j].mid < bars[i].mid) {
				struct bar t = bars[i];

				bars[i] = bars[j];
				bars[j] = t;
			}
	}
	for (i = 0; i < n; i++)
		if (best < 0 || bars[i].top < bars[best].top)
			best = i;
	printf("%d %d\n", n, best + 1);
	free(px);
	return 0;
}
