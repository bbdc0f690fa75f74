/*
 * bench_check - CPU time of one completeness check, in process.
 *
 *   bench_check DATADIR CASUS.json [ROUNDS]
 *
 * Loads the definitions and the case once, then runs the whole check
 * (value validation and every rule of the route) ROUNDS times and prints
 * the median and the mean CPU time per check in microseconds.
 */
#include "app.h"
#include "casus.h"
#include "date.h"
#include "finding.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	struct app app;
	struct casus c = CASUS_INIT;
	const struct route *r;
	int rounds = argc > 3 ? atoi(argv[3]) : 2000, i;
	double *t, sum = 0;
	size_t nfind = 0;

	if (argc < 3 || rounds < 1) {
		fprintf(stderr, "usage: bench_check DATADIR CASUS.json [ROUNDS]\n");
		return 2;
	}
	if (app_init(&app, argv[1], NULL) || casus_load(&c, argv[2], &app.err) || app_setup_case(&app, &c) ||
	    !(r = app_route(&app, &c, NULL))) {
		fprintf(stderr, "bench_check: %s\n", app.err.msg.s);
		return 3;
	}
	t = calloc((size_t)rounds, sizeof(double));
	for (i = 0; i < rounds; i++) {
		struct findings fs = FINDINGS_INIT;
		struct check_input in = { &app.rules, &app.forms, &c, r->id, casus_region(&c), date_today(), argv[2] };
		double t0 = cpu_us();

		rules_check(&in, &fs);
		t[i] = cpu_us() - t0;
		sum += t[i];
		nfind = fs.n;
		findings_release(&fs);
	}
	qsort(t, (size_t)rounds, sizeof(double), cmp);
	printf("%.1f %.1f %zu\n", t[rounds / 2], sum / rounds, nfind);
	free(t);
	casus_release(&c);
	app_release(&app);
	return 0;
}
