#!/bin/sh
# tests/run.sh - the whole suite: unit tests and end-to-end tests, each
# once with the normal build and once with the ASan+UBSan build.
# The last line is "N passed, N failed"; the exit code is 0 only if
# nothing failed.
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
LOG=${TMPDIR:-/tmp}/dossier-tests.$$
: >"$LOG"

run_suite() {
	label=$1
	bin=$2
	unit=$3
	echo "== $label"
	out=$LOG.one
	"$unit" "$ROOT" >"$out" 2>&1
	rc=$?
	[ $rc -eq 0 ] || grep -q '^FAIL' "$out" || echo "FAIL: unit: stopped with exit code $rc" >>"$out"
	cat "$out" >>"$LOG"
	grep -v '^PASS' "$out"
	for t in tests/e2e/t*.sh; do
		DOSSIER="$ROOT/$bin" TOOLS="$ROOT/build/tools" VARIANT="$label" bash "$t" >"$out" 2>&1
		cat "$out" >>"$LOG"
		grep -v '^PASS' "$out"
	done
	rm -f "$out"
}

export ASAN_OPTIONS="exitcode=86:detect_leaks=1"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1:halt_on_error=1"
run_suite "gewone build" build/dossier build/unit
run_suite "ASan+UBSan" build/san/dossier build/san/unit

passed=$(grep -c '^PASS' "$LOG")
failed=$(grep -c '^FAIL' "$LOG")
rm -f "$LOG"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
