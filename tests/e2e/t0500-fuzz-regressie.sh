#!/usr/bin/env bash
# t0500-fuzz-regressie: every input the fuzzers found a bug with
# (tests/fuzz/regress/<harness>/) and every seed input (tests/fuzz/seeds.sh)
# goes once more through its harness, built as a plain replay program next
# to the binary under test: build/replay/ for the normal build,
# build/san/replay/ for ASan+UBSan. A harness stops with abort() when a
# property breaks; a sanitizer report fails the check too.
. "$(dirname "$0")/../lib.sh"

REPLAY=$(dirname "$DOSSIER")/replay
VG=""
if [ "${DOSSIER_UNDER_VALGRIND:-}" = 1 ]; then
	# make valgrind: the normal build's replay programs, each run under memcheck
	REPLAY=$ROOT/build/replay
	VG="valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
		--errors-for-leak-kinds=definite,indirect --suppressions=$ROOT/tests/valgrind.supp"
fi
HARNESSES="casus forms ini layout parsers csv"

sh "$ROOT/tests/fuzz/seeds.sh" "$T/seeds" >"$T/.seeds" 2>&1 ||
	fail "zaadbestanden gemaakt" "$(head -5 "$T/.seeds")"

for h in $HARNESSES; do
	bin=$REPLAY/fuzz_$h
	if [ ! -x "$bin" ]; then
		fail "$h: replay-programma aanwezig" "$bin ontbreekt (make check bouwt het)"
		continue
	fi
	for kind in regress seeds; do
		if [ $kind = regress ]; then dir=$ROOT/tests/fuzz/regress/$h; else dir=$T/seeds/$h; fi
		[ -d "$dir" ] || continue
		set -- "$dir"/*
		[ -e "$1" ] || continue
		# one run per directory; the program names each file it finished
		# shellcheck disable=SC2086
		run $VG "$bin" "$@"
		expect_code 0 "$h: $kind ($# invoerbestanden) zonder crash, lek of gebroken eigenschap"
		if [ "$RC" -ne 0 ]; then
			done=$(grep -c '^ok ' "$OUT" || true)
			if [ "$done" -lt $# ]; then
				shift "$done"
				echo "    gestopt bij: ${1#"$ROOT"/}"
			fi
		fi
	done
done

finish
