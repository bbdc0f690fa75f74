/*
 * fuzz_csv - the absence export reader (src/csvimport.c, libcsv). Every
 * input is read as an export with each shipped mapping (forms/verzuim/:
 * algemeen, dagexport, lesexport), as UTF-8 and as Latin-1.
 *
 * Properties: a failing read gives an exit code and a printable Dutch
 * message; a read that succeeds gives days in order (by day, then kind),
 * one entry per day and kind, with a known kind, minutes and times that
 * are not negative, and no more entries than rows.
 */
#include "fuzz.h"

#include "csvimport.h"
#include "timeline.h"

static char csv_file[512];
static const char *const maps[] = { "algemeen", "dagexport", "lesexport" };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_path(csv_file, sizeof(csv_file), "export.csv");
	return 0;
}

static void check(const struct absence_import *imp)
{
	size_t i;

	FUZZ_ASSERT(imp->n <= imp->rows);
	FUZZ_ASSERT(imp->source && fuzz_utf8(imp->source));
	for (i = 0; i < imp->n; i++) {
		const struct absence_day *d = &imp->v[i];

		FUZZ_ASSERT(d->kind >= 0 && d->kind < TLK_N);
		FUZZ_ASSERT(d->minutes >= 0 && d->times >= 0);
		if (i)
			FUZZ_ASSERT(d->day > imp->v[i - 1].day ||
				    (d->day == imp->v[i - 1].day && d->kind > imp->v[i - 1].kind));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(csv_file, "wb");
	char map[600], rel[64];
	size_t m;
	int enc;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	for (m = 0; m < sizeof(maps) / sizeof(maps[0]); m++)
		for (enc = 0; enc < 2; enc++) {
			struct absence_import imp = ABSENCE_IMPORT_INIT;
			struct err e = ERR_INIT;

			snprintf(rel, sizeof(rel), "forms/verzuim/%s.ini", maps[m]);
			fuzz_join(map, sizeof(map), FUZZ_ROOT, rel);
			if (csvimport_read(csv_file, "export.csv", map, enc ? "latin-1" : "utf-8", &imp, &e) == 0)
				check(&imp);
			else
				fuzz_check_err(&e);
			absence_import_release(&imp);
			err_release(&e);
		}
	return 0;
}
