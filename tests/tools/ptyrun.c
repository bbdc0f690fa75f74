/*
 * ptyrun - drive a program through a real pseudo-terminal, for tests.
 *
 *   ptyrun [-t SECONDS] SCRIPT -- PROGRAM [ARGS...]
 *
 * The script has one command per line:
 *   expect TEXT     wait until the output (after the last match) contains TEXT
 *   send TEXT       type TEXT and Enter
 *   type TEXT       type TEXT without Enter
 *   answers FILE    for each line of FILE: wait for the next "> " prompt, type it
 *   ctrl C          send Ctrl-C (any letter: ctrl d, ...)
 *   kill SIGNAL     send a signal (number) to the program
 *   exit CODE       wait for the program to end with this exit code
 *   signal N        wait for the program to be ended by signal N
 *   ended           wait for the program to end, however it ends
 *   sleepms N       wait N milliseconds
 *   shell CMD       run CMD with /bin/sh meanwhile (the program keeps
 *                   running); fail unless CMD exits 0
 * Lines starting with # and empty lines are ignored. On any failure the
 * transcript is printed and the exit code is 1.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static char *out;
static size_t outlen, outcap, mark;
static int master = -1;
static pid_t child;
static double timeout_s = 10;
static int child_status = -1;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *why)
{
	fprintf(stderr, "ptyrun: %s\n--- transcript ---\n", why);
	fwrite(out, 1, outlen, stderr);
	fprintf(stderr, "\n--- end ---\n");
	if (child > 0)
		kill(child, SIGKILL);
	exit(1);
}

/* Read what is there (waiting up to ms); returns 0 when the pty closed. */
static int pump(int ms)
{
	struct pollfd p = { master, POLLIN, 0 };
	char buf[4096];
	ssize_t n;

	if (poll(&p, 1, ms) <= 0)
		return 1;
	n = read(master, buf, sizeof(buf));
	if (n <= 0)
		return 0;
	if (outlen + (size_t)n + 1 > outcap) {
		outcap = (outlen + (size_t)n + 1) * 2;
		out = realloc(out, outcap);
		if (!out)
			die("out of memory");
	}
	memcpy(out + outlen, buf, (size_t)n);
	outlen += (size_t)n;
	out[outlen] = '\0';
	return 1;
}

static void expect(const char *text)
{
	double end = now() + timeout_s;

	for (;;) {
		char *hit = out ? memmem(out + mark, outlen - mark, text, strlen(text)) : NULL;

		if (hit) {
			mark = (size_t)(hit - out) + strlen(text);
			return;
		}
		if (now() > end) {
			char why[512];

			snprintf(why, sizeof(why), "timeout waiting for \"%s\"", text);
			die(why);
		}
		if (!pump(50) && !memmem(out + mark, outlen - mark, text, strlen(text))) {
			char why[512];

			snprintf(why, sizeof(why), "program ended while waiting for \"%s\"", text);
			die(why);
		}
	}
}

static void put(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(master, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			die("write to pty failed");
		}
		s += w;
		n -= (size_t)w;
	}
}

/*
 * Wait until the program reads the terminal in raw mode (ICANON off), as
 * the line editor does while it waits for a key. A control character sent
 * while the terminal is still in line mode, between two questions, is
 * handled by the kernel's line discipline instead (^D becomes an end of
 * line that the editor never sees), which made tests depend on timing.
 * Programs that never switch the mode are given a fifth of the timeout
 * (2 seconds; more under valgrind).
 */
static void wait_reading(void)
{
	double end = now() + timeout_s / 5;
	struct termios t;

	while (now() < end) {
		if (tcgetattr(master, &t) == 0 && !(t.c_lflag & ICANON))
			return;
		pump(10);
	}
}

/* want_code -1 with want_signal -1: any end will do */
static void wait_end(int want_code, int want_signal)
{
	double end = now() + timeout_s;
	int st;

	for (;;) {
		pid_t r = waitpid(child, &st, WNOHANG);

		if (r == child)
			break;
		if (now() > end)
			die("timeout waiting for the program to end");
		pump(20);
	}
	while (pump(20))
		if (outlen == 0)
			break;
	child_status = st;
	child = -1;
	if (want_code < 0 && want_signal < 0)
		return;
	if (want_signal >= 0) {
		if (!WIFSIGNALED(st) || WTERMSIG(st) != want_signal) {
			char why[128];

			snprintf(why, sizeof(why), "expected signal %d, got status %d", want_signal, st);
			die(why);
		}
	} else if (!WIFEXITED(st) || WEXITSTATUS(st) != want_code) {
		char why[128];

		snprintf(why, sizeof(why), "expected exit %d, got %s %d", want_code,
			 WIFEXITED(st) ? "exit" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
		die(why);
	}
}

static void answers(const char *file)
{
	FILE *f = fopen(file, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		die("cannot open answers file");
	while ((n = getline(&line, &cap, f)) >= 0) {
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		expect("> ");
		put(line, (size_t)n);
		put("\r", 1);
	}
	free(line);
	fclose(f);
}

int main(int argc, char **argv)
{
	struct winsize ws = { 24, 80, 0, 0 };
	FILE *script;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int i = 1;

	if (argc > 2 && !strcmp(argv[1], "-t")) {
		timeout_s = atof(argv[2]);
		i = 3;
	}
	/* tests/valgrind.sh: every step of the program is many times slower */
	if (getenv("DOSSIER_UNDER_VALGRIND") && !strcmp(getenv("DOSSIER_UNDER_VALGRIND"), "1"))
		timeout_s *= 8;
	if (argc < i + 3 || strcmp(argv[i + 1], "--")) {
		fprintf(stderr, "usage: ptyrun [-t SECONDS] SCRIPT -- PROGRAM [ARGS...]\n");
		return 2;
	}
	script = !strcmp(argv[i], "-") ? stdin : fopen(argv[i], "r");
	if (!script) {
		perror(argv[i]);
		return 2;
	}
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0) {
		perror("forkpty");
		return 2;
	}
	if (child == 0) {
		setenv("TERM", "xterm", 1);
		execvp(argv[i + 2], argv + i + 2);
		perror("exec");
		_exit(127);
	}
	while ((n = getline(&line, &cap, script)) >= 0) {
		char *arg;

		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		arg = strchr(line, ' ');
		arg = arg ? arg + 1 : line + n;
		if (!strncmp(line, "expect ", 7)) {
			expect(arg);
		} else if (!strncmp(line, "send", 4) && (line[4] == ' ' || !line[4])) {
			put(arg, strlen(arg));
			put("\r", 1);
		} else if (!strncmp(line, "type ", 5)) {
			put(arg, strlen(arg));
		} else if (!strncmp(line, "answers ", 8)) {
			answers(arg);
		} else if (!strncmp(line, "ctrl ", 5)) {
			char c = (char)(arg[0] & 0x1f);

			wait_reading();
			put(&c, 1);
		} else if (!strncmp(line, "kill ", 5)) {
			kill(child, atoi(arg));
		} else if (!strncmp(line, "exit ", 5)) {
			wait_end(atoi(arg), -1);
		} else if (!strncmp(line, "signal ", 7)) {
			wait_end(0, atoi(arg));
		} else if (!strcmp(line, "ended")) {
			wait_end(-1, -1);
		} else if (!strncmp(line, "sleepms ", 8)) {
			usleep((useconds_t)atoi(arg) * 1000);
			pump(0);
		} else if (!strncmp(line, "shell ", 6)) {
			if (system(arg) != 0)
				die("shell command failed");
			pump(0);
		} else {
			die("unknown script command");
		}
	}
	free(line);
	if (child > 0) {
		/* the script did not wait: stop the program */
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	return 0;
}
