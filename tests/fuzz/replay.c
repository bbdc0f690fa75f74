/*
 * replay.c - run a fuzz harness without libFuzzer: every file named on the
 * command line is read and handed to LLVMFuzzerTestOneInput(), once.
 *
 * Linked with each tests/fuzz/fuzz_*.c by the Makefile (gcc, normal and
 * ASan+UBSan builds), so `make check` can re-run the crash reproducers in
 * tests/fuzz/regress/ and the seed files without clang. A harness signals a
 * broken property with abort(); sanitizers report through their own exit
 * codes. Prints one line per file, "ok <file>", so a failure names the
 * file it stopped at.
 */
#include "fuzz.h"

#include <errno.h>

int main(int argc, char **argv)
{
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *data = NULL;
		size_t len = 0, cap = 0, n;

		if (!f) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 4096;
				data = realloc(data, cap);
				if (!data)
					abort();
			}
			n = fread(data + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		if (ferror(f)) {
			fprintf(stderr, "replay: %s: leesfout\n", argv[i]);
			return 2;
		}
		fclose(f);
		/* an exact-size copy, so ASan sees reads past the input's end */
		{
			uint8_t *exact = malloc(len ? len : 1);

			if (!exact)
				abort();
			memcpy(exact, data, len);
			free(data);
			LLVMFuzzerTestOneInput(exact, len);
			free(exact);
		}
		printf("ok %s\n", argv[i]);
		fflush(stdout);
	}
	return 0;
}
