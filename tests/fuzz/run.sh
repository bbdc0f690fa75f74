#!/bin/sh
# tests/fuzz/run.sh HARNESS... - run libFuzzer harnesses (built by
# `make fuzz-build` into build/fuzz/) for FUZZ_TIME seconds each, FUZZ_JOBS
# at a time, and print one line of figures per harness.
#
# Corpus: build/fuzz/corpus/<harness>/, seeded from the project's files by
# seeds.sh and kept between runs (it only grows). Crashes, leaks and hangs
# are written as build/fuzz/artifacts/<harness>/crash-* | leak-* | timeout-*
# | oom-* (an earlier run's are moved to <harness>.old/); the log of each run
# is build/fuzz/logs/<harness>.log.
#
# A reproducer that is fixed goes to tests/fuzz/regress/<harness>/, where
# `make test` replays it (tests/e2e/t0500-fuzz-regressie.sh).
set -u
cd "$(dirname "$0")/../.." || exit 3
B=build/fuzz
TIME=${FUZZ_TIME:-60}
JOBS=${FUZZ_JOBS:-1}
[ $# -gt 0 ] || set -- casus forms ini layout parsers bijlage

# Largest input per harness: case files and data files are bigger than
# what a user types at a prompt.
max_len() {
	case $1 in
	casus | forms) echo 65536 ;;
	bijlage) echo 262144 ;;
	ini | layout) echo 16384 ;;
	parsers) echo 512 ;;
	*) echo 4096 ;;
	esac
}

# seeds of this run only: several runs of different harnesses may go at once
SEEDS=$B/seeds.$$
trap 'rm -rf "$SEEDS"' EXIT
sh tests/fuzz/seeds.sh "$SEEDS" || exit 3
mkdir -p "$B/logs"

run_one() {
	h=$1
	corpus=$B/corpus/$h
	art=$B/artifacts/$h
	# what an earlier run found is kept apart, so this run's figures are its own
	if [ -n "$(ls "$art" 2>/dev/null)" ]; then
		mkdir -p "$art.old"
		mv "$art"/* "$art.old/"
	fi
	mkdir -p "$corpus" "$art"
	cp "$SEEDS/$h"/* "$corpus/" 2>/dev/null
	# detect_leaks: a leak is a failure; the replay build checks the same.
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$B/fuzz_$h" "$corpus" \
		-max_total_time="$TIME" -max_len="$(max_len "$h")" -timeout=10 -rss_limit_mb=2048 \
		-detect_leaks=1 -print_final_stats=1 -artifact_prefix="$art/" \
		>"$B/logs/$h.log" 2>&1
	echo $? >"$B/logs/$h.rc"
}

# Figures from the log: final stats, the last status line, what was found.
report() {
	h=$1
	log=$B/logs/$h.log
	rc=$(cat "$B/logs/$h.rc" 2>/dev/null || echo '?')
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	files=$(ls "$B/corpus/$h" | wc -l)
	found=$(ls "$B/artifacts/$h" 2>/dev/null | wc -l)
	if [ "$rc" = 0 ] && [ "$found" = 0 ]; then what=ok; else what="GEVONDEN (exit $rc): $(ls "$B/artifacts/$h" | tr '\n' ' ')"; fi
	printf '%-8s %6ss %10s runs %7s/s  cov %5s  ft %6s  corpus %5s  %s\n' \
		"$h" "$TIME" "${execs:-?}" "${secs:-?}" "${cov:-?}" "${ft:-?}" "$files" "$what"
}

running=0
for h in "$@"; do
	if [ ! -x "$B/fuzz_$h" ]; then
		echo "run.sh: $B/fuzz_$h ontbreekt (make fuzz-build)" >&2
		exit 2
	fi
	echo "fuzz_$h: ${TIME}s ..."
	run_one "$h" &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then
		wait
		running=0
	fi
done
wait

failed=0
for h in "$@"; do
	report "$h"
	[ "$(cat "$B/logs/$h.rc" 2>/dev/null)" = 0 ] && [ -z "$(ls "$B/artifacts/$h")" ] || failed=1
done
exit $failed
