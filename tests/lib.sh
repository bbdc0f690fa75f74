# tests/lib.sh - helpers for the end-to-end test scripts (sourced).
#
# Each script in tests/e2e/ runs the real binary ($DOSSIER) and reports one
# line per check: "PASS: <script>: <what>" or "FAIL: <script>: <what>" with
# details indented below. tests/run.sh counts them.
#
#   run CMD...              run a command, keep its exit code, stdout, stderr
#   expect_code N "what"    the last run exited with N
#   expect_out  RE "what"   its stdout matches the extended regex RE
#   expect_err  RE "what"   its stderr matches RE
#   expect_no_out RE "what" its stdout does not match RE
#   check "what" CMD...     CMD succeeds
#
# Sanitizer reports in stderr always fail the check that looks at the run.

set -u
: "${DOSSIER:?DOSSIER must point at the binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLES="$ROOT/samples"
NAME=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX")
FINISHED=0
trap 'rc=$?; rm -rf "$T"; [ "$FINISHED" = 1 ] || echo "FAIL: $NAME: script stopped early (exit $rc)"' EXIT
# 'maak' and 'agenda' write the sharing log into the case: tests work on a copy of the samples
mkdir -p "$T/samples" && cp -R "$ROOT/samples/." "$T/samples/"
SAMPLES="$T/samples"
# Call at the end of every script: a script that stops early is a failure.
finish() { FINISHED=1; }
export SOURCE_DATE_EPOCH=1795000000   # 2026-11-18, a Wednesday
export DOSSIER_TEST_TODAY=1795000000  # 'vandaag' for the tests (src/date.h)
export NO_COLOR=1
export HOME="$T/home"                 # never read the tester's own config
mkdir -p "$HOME"
unset DOSSIER_CONFIG XDG_CONFIG_HOME DOSSIER_DATA
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1:halt_on_error=1"
umask 022

RC=0
OUT="$T/.out"
ERR="$T/.err"

pass() { echo "PASS: $NAME: $1"; }
fail() {
	echo "FAIL: $NAME: $1"
	shift
	for l in "$@"; do printf '    %s\n' "$l"; done
	if [ -s "$OUT" ]; then echo "    --- stdout:"; head -20 "$OUT" | sed 's/^/    /'; fi
	if [ -s "$ERR" ]; then echo "    --- stderr:"; head -20 "$ERR" | sed 's/^/    /'; fi
}

run() {
	set +e
	"$@" >"$OUT" 2>"$ERR"
	RC=$?
	set -e
}

sanitizer_clean() {
	! grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer' "$ERR"
}

expect_code() {
	if ! sanitizer_clean; then fail "$2" "sanitizer report"; return; fi
	if [ "$RC" -eq "$1" ]; then pass "$2"; else fail "$2" "exit code $RC, expected $1"; fi
}

expect_out() {
	if grep -qE -- "$1" "$OUT"; then pass "$2"; else fail "$2" "stdout does not match: $1"; fi
}

expect_no_out() {
	if grep -qE -- "$1" "$OUT"; then fail "$2" "stdout matches: $1"; else pass "$2"; fi
}

expect_err() {
	if grep -qE -- "$1" "$ERR"; then pass "$2"; else fail "$2" "stderr does not match: $1"; fi
}

check() {
	local what=$1
	shift
	set +e
	"$@" >"$T/.check" 2>&1
	local rc=$?
	set -e
	if [ $rc -eq 0 ]; then pass "$what"; else fail "$what" "command failed ($rc): $*" "$(head -5 "$T/.check")"; fi
}

# Copy a sample with its attachments into the scratch folder; prints the new path.
sample() {
	mkdir -p "$T/s"
	cp -R "$SAMPLES/." "$T/s/"
	echo "$T/s/$1.json"
}

set -e

# make_pdf OUT PAGES TEXT: a small real PDF (written by hand, tidied by qpdf).
make_pdf() {
	local out=$1 n=$2 text=$3 i kids="" content
	{
		printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
		i=0
		while [ $i -lt "$n" ]; do kids="$kids $((10 + i * 2)) 0 R"; i=$((i + 1)); done
		printf '2 0 obj << /Type /Pages /Kids [%s] /Count %d >> endobj\n' "$kids" "$n"
		printf '3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n'
		i=0
		while [ $i -lt "$n" ]; do
			content="BT /F1 14 Tf 72 720 Td ($text - blad $((i + 1))) Tj ET"
			printf '%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >> endobj\n' $((10 + i * 2)) $((11 + i * 2))
			printf '%d 0 obj << /Length %d >> stream\n%s\nendstream endobj\n' $((11 + i * 2)) ${#content} "$content"
			i=$((i + 1))
		done
		printf 'trailer << /Root 1 0 R /Size %d >>\n%%%%EOF\n' $((10 + n * 2))
	} >"$out.raw"
	qpdf "$out.raw" "$out" >/dev/null 2>&1 || [ $? -eq 3 ]
	rm -f "$out.raw"
}

# make_jpeg OUT TEXT: a one-page scan-like JPEG.
make_jpeg() {
	make_pdf "$1.pdf" 1 "$2"
	pdftoppm -jpeg -r 40 -singlefile "$1.pdf" "${1%.jpg}" 2>/dev/null
	rm -f "$1.pdf"
}

# expect_code_in "N M" "what": the last run exited with one of the codes
expect_code_in() {
	if ! sanitizer_clean; then fail "$2" "sanitizer report"; return; fi
	case " $1 " in *" $RC "*) pass "$2" ;; *) fail "$2" "exit code $RC, expected one of $1" ;; esac
}
