/*
 * measure - run a command N times; print the median wall time and CPU
 * time (ms) and the largest peak memory (KiB) of the runs.
 *
 *   measure N COMMAND [ARGS...]
 *
 * Output: "<median wall ms> <median cpu ms> <max rss KiB>". The command's
 * output is discarded; a failing run stops the measurement (exit 1).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0, i;
	double *wall, *cpu;
	long maxrss = 0;

	if (n < 1) {
		fprintf(stderr, "usage: measure N COMMAND [ARGS...]\n");
		return 2;
	}
	wall = calloc((size_t)n, sizeof(double));
	cpu = calloc((size_t)n, sizeof(double));
	for (i = 0; i < n; i++) {
		struct timespec a, b;
		struct rusage ru;
		int status;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &a);
		pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);

			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
			perror("measure");
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "measure: %s failed (status %d)\n", argv[2], status);
			return 1;
		}
		wall[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
		cpu[i] = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
	}
	qsort(wall, (size_t)n, sizeof(double), cmp);
	qsort(cpu, (size_t)n, sizeof(double), cmp);
	printf("%.1f %.1f %ld\n", wall[n / 2], cpu[n / 2], maxrss);
	return 0;
}
