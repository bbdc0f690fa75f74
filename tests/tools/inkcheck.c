/*
 * inkcheck - how much of a page is not white? For tests.
 *
 *   pdftoppm -gray -r 30 -f N -l N file.pdf - | inkcheck
 *
 * Reads one binary PGM (P5) from stdin and prints the share of pixels
 * darker than 240 as a percentage with two decimals.
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

int main(void)
{
	int w, h, max, c;
	long long dark = 0, total;

	if (getchar() != 'P' || getchar() != '5') {
		fprintf(stderr, "inkcheck: expected a binary PGM (P5)\n");
		return 2;
	}
	w = number(stdin);
	h = number(stdin);
	max = number(stdin);
	if (w <= 0 || h <= 0 || max != 255) {
		fprintf(stderr, "inkcheck: unsupported PGM\n");
		return 2;
	}
	total = (long long)w * h;
	for (long long i = 0; i < total && (c = getchar()) != EOF; i++)
		dark += c < 240;
	printf("%.2f\n", 100.0 * (double)dark / (double)total);
	return 0;
}
