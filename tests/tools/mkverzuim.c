/*
 * mkverzuim - fictional absence exports for the tests of `dossier verzuim`.
 *
 *   mkverzuim VORM START WEKEN [ZAAD] > bestand.csv
 *
 * VORM: algemeen (docs/verzuimexport.md), dag (forms/verzuim/dagexport.ini:
 * Latin-1, ';', dd-mm-jjjj, letter codes, hours per day) or les
 * (forms/verzuim/lesexport.ini: UTF-8, ',', ISO dates, one row per lesson
 * with begin and end time). START is a Monday (jjjj-mm-dd), WEKEN the
 * number of calendar weeks. The same ZAAD gives the same absence in every
 * shape, so the three files must import to the same case data.
 *
 *   mkverzuim groot RIJEN > bestand.csv    RIJEN lesson rows (speed test)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state;

static unsigned next(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

/* days since 1970-01-01 <-> civil date */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)yoe + (int)era * 400 + (*m <= 2);
}

enum kind { UNAUTH, AUTH, SICK, LATE, LUXURY };
static const char *const generic[] = { "ongeoorloofd", "geoorloofd", "ziek", "te-laat", "luxe" };
static const char *const letter[] = { "O", "G", "Z", "L", "V" };
static const char *const reason[] = { "Ongeoorloofd afwezig", "Geoorloofd afwezig", "Ziek gemeld", "Te laat", "Luxe verzuim" };

/* One day of absence: kind, first lesson (0-7), lessons; late: minutes late. */
struct day {
	enum kind kind;
	int first, lessons, late_min;
};

static void lesson_time(int lesson, int *h, int *m)
{
	int t = 8 * 60 + 30 + lesson * 45;

	*h = t / 60;
	*m = t % 60;
}

static void emit(const char *shape, long day, const struct day *a)
{
	int y, mo, d, i, h, m, h2, m2;

	civil_from_days(day, &y, &mo, &d);
	if (!strcmp(shape, "algemeen")) {
		if (a->kind == LATE)
			printf("%04d-%02d-%02d;te-laat;%d,%02d;1\n", y, mo, d, 0, a->late_min * 100 / 60);
		else
			printf("%02d-%02d-%04d;%s;%d,%02d;\n", d, mo, y, generic[a->kind], a->lessons * 45 / 60,
			       (a->lessons * 45 % 60) * 100 / 60);
	} else if (!strcmp(shape, "dag")) {
		/* "Afwezigheid" with an e-acute in Latin-1 in the remark column */
		if (a->kind == LATE)
			printf("L. de Vries;%02d-%02d-%04d;L;te laat;0,%02d;1\n", d, mo, y, a->late_min * 100 / 60);
		else
			printf("L. de Vries;%02d-%02d-%04d;%s;\"%s, idee\xebn\";%d,%02d;\n", d, mo, y, letter[a->kind],
			       generic[a->kind], a->lessons * 45 / 60, (a->lessons * 45 % 60) * 100 / 60);
		if (a->kind != LATE && a->first > 0)
			printf("L. de Vries;%02d-%02d-%04d;A;aanwezig;%d;\n", d, mo, y, a->first);
	} else {
		if (a->kind == LATE) {
			lesson_time(a->first, &h, &m);
			h2 = h + (m + a->late_min) / 60;
			m2 = (m + a->late_min) % 60;
			printf("4711,%04d-%02d-%02d,%d,%02d:%02d,%02d:%02d,Te laat\n", y, mo, d, a->first + 1, h, m, h2, m2);
			return;
		}
		for (i = 0; i < a->first; i++) {
			lesson_time(i, &h, &m);
			lesson_time(i + 1, &h2, &m2);
			printf("4711,%04d-%02d-%02d,%d,%02d:%02d,%02d:%02d,Aanwezig\n", y, mo, d, i + 1, h, m, h2, m2);
		}
		for (i = a->first; i < a->first + a->lessons; i++) {
			lesson_time(i, &h, &m);
			lesson_time(i + 1, &h2, &m2);
			printf("4711,%04d-%02d-%02d,%d,%02d:%02d,%02d:%02d,\"%s\"\n", y, mo, d, i + 1, h, m, h2, m2,
			       reason[a->kind]);
		}
	}
}

int main(int argc, char **argv)
{
	const char *shape;
	int y, m, d, weeks, w, i;
	long start;

	if (argc == 3 && !strcmp(argv[1], "groot")) {
		long rows = atol(argv[2]), r;
		long day = days_from_civil(2000, 1, 3);

		printf("leerlingnummer,datum,lesuur,begin,eind,reden\n");
		for (r = 0; r < rows; r++) {
			int lesson = (int)(r % 8), h, mi, h2, m2;

			if (lesson == 0 && r)
				day += ((day + 4) % 7 == 4) ? 3 : 1; /* Friday -> Monday */
			civil_from_days(day, &y, &m, &d);
			lesson_time(lesson, &h, &mi);
			lesson_time(lesson + 1, &h2, &m2);
			printf("4711,%04d-%02d-%02d,%d,%02d:%02d,%02d:%02d,%s\n", y, m, d, lesson + 1, h, mi, h2, m2,
			       r % 3 ? "Ziek gemeld" : "Ongeoorloofd afwezig");
		}
		return 0;
	}
	if (argc < 4 || sscanf(argv[2], "%d-%d-%d", &y, &m, &d) != 3 || (weeks = atoi(argv[3])) <= 0) {
		fprintf(stderr, "gebruik: mkverzuim algemeen|dag|les JJJJ-MM-DD WEKEN [ZAAD] | mkverzuim groot RIJEN\n");
		return 2;
	}
	shape = argv[1];
	state = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
	start = days_from_civil(y, m, d);
	if (!strcmp(shape, "algemeen"))
		printf("datum;soort;uren;keer\n");
	else if (!strcmp(shape, "dag"))
		printf("Leerling;Datum;Code;Omschrijving;Lesuren;Aantal\n");
	else if (!strcmp(shape, "les"))
		printf("leerlingnummer,datum,lesuur,begin,eind,reden\n");
	else {
		fprintf(stderr, "mkverzuim: onbekende vorm '%s'\n", shape);
		return 2;
	}
	for (w = 0; w < weeks; w++)
		for (i = 0; i < 5; i++) {
			struct day a;
			unsigned roll = next(100);

			if (roll < 55)
				continue;
			a.kind = roll < 70 ? UNAUTH : roll < 80 ? SICK : roll < 88 ? LATE : roll < 97 ? AUTH : LUXURY;
			a.first = (int)next(4);
			a.lessons = 1 + (int)next(8 - (unsigned)a.first);
			a.late_min = 5 * (1 + (int)next(6));
			if (a.kind == LUXURY) {
				a.first = 0;
				a.lessons = 8;
			}
			emit(shape, start + 7 * w + i, &a);
		}
	return ferror(stdout) ? 1 : 0;
}
