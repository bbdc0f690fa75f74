#!/bin/sh
# tests/valgrind.sh - the end-to-end tests with every run of dossier under
# valgrind (memcheck): no invalid reads or writes, no use of uninitialised
# values, no definitely or indirectly lost memory. Run by 'make valgrind'.
#
# DOSSIER points at a wrapper that starts valgrind with --error-exitcode=99,
# so an error also shows as a wrong exit code in the script that made the
# run; each process writes its own log, and every log that is not empty
# (valgrind runs with --quiet) is reported here as a failure, also for runs
# whose exit code a script ignores. Scripts see DOSSIER_UNDER_VALGRIND=1
# and skip or shrink what depends on timing (random SIGKILLs) or would take
# hours (every fault point of t0410). Suppressions (tests/valgrind.supp)
# are only for third-party libraries, never for src/.
#
# The last line is "N passed, N failed", as in tests/run.sh.
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
W=${TMPDIR:-/tmp}/dossier-valgrind.$$
LOG=$W/all.log
mkdir -p "$W/logs" || exit 3
# cases of t0400 that run as the user nobody write their logs here too
chmod 1777 "$W/logs"
trap 'rm -rf "$W"' EXIT
: >"$LOG"

cat >"$W/dossier" <<EOF
#!/bin/sh
exec valgrind --quiet --error-exitcode=99 --leak-check=full \\
	--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \\
	--track-fds=no --suppressions="$ROOT/tests/valgrind.supp" \\
	--log-file="$W/logs/vg.%p.log" "$ROOT/build/dossier" "\$@"
EOF
chmod 755 "$W/dossier"

echo "== valgrind"
for t in ${VALGRIND_TESTS:-tests/e2e/t*.sh}; do
	name=$(basename "$t" .sh)
	start=$(date +%s)
	DOSSIER="$W/dossier" TOOLS="$ROOT/build/tools" VARIANT=valgrind DOSSIER_UNDER_VALGRIND=1 \
		bash "$t" >"$W/out" 2>&1
	cat "$W/out" >>"$LOG"
	grep -v '^PASS' "$W/out"
	# every log with something in it is a valgrind report
	for l in "$W"/logs/vg.*.log; do
		[ -e "$l" ] || continue
		if [ -s "$l" ]; then
			echo "FAIL: valgrind: $name: $(grep -m1 -E '==[0-9]+== [A-Z]' "$l" | sed 's/^==[0-9]*== //')" | tee -a "$LOG"
			sed -n '1,40s/^/    /p' "$l"
		fi
		rm -f "$l"
	done
	echo "   $name: $(($(date +%s) - start)) s"
done

passed=$(grep -c '^PASS' "$LOG")
failed=$(grep -c '^FAIL' "$LOG")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
