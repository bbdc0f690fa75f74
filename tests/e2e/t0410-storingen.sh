#!/usr/bin/env bash
# Fault injection at every call site in turn. For each path that writes a
# file (zet, maak without and with attachments, nieuw, agenda, the save in
# invullen, invullen's text file for $EDITOR) a reference run counts the
# calls; then the N-th call of each
# kind is made to fail, for every N:
#   - system calls through tests/tools/faultshim.so (LD_PRELOAD: only with
#     the normal build, ASan must be the first library loaded), every N;
#   - allocations through the DOSSIER_TEST_FAIL_ALLOC hook (both builds):
#     all of the first ones, a sample of the middle, all of the last ones
#     (the save itself).
# Each run must end with exit 0 (a harmless failure, e.g. closing a file
# that was only read) and exactly the files of the fault-free run, or
# exit 3 with a Dutch message and the case file and the old PDF
# byte-identical; never a temporary file left, never a stray file, files
# written with mode 0600.
. "$(dirname "$0")/../lib.sh"

SHIM="$TOOLS/faultshim.so"
VG=${DOSSIER_UNDER_VALGRIND:-0}
case "${VARIANT:-}" in
ASan*) SAN=1 ;;
*) SAN=0 ;;
esac
# Allocation faults: the first $A_HEAD, $A_MID spread over the middle, the
# last $A_TAIL (where the path does its own work and saves). The first few
# thousand allocations load the form definitions and are the same for every
# path, so all of the first $A_FIRST are tried once, for 'zet', and the
# other paths try only their first $A_HEAD.
if [ "$VG" = 1 ]; then
	A_FIRST=5 A_HEAD=2 A_MID=3 A_TAIL=5
elif [ $SAN = 1 ]; then
	A_FIRST=100 A_HEAD=10 A_MID=15 A_TAIL=40
else
	A_FIRST=250 A_HEAD=20 A_MID=25 A_TAIL=80
fi
JOBS=3

# ---- the paths ----------------------------------------------------------
# prep_P fills the current folder (every file in it must survive a failure
# unchanged); CMD_P are the arguments; IN_P is standard input.

prep_zet() { cp "$SAMPLES/adviestafel.json" c.json; }
CMD_zet='zet c.json voorblad.opgesteld_door=nieuw'

prep_maak() {
	cp "$SAMPLES/adviestafel.json" "$SAMPLES/doorbraak-spoor1.json" .
	cp -R "$SAMPLES/bijlagen" .
	rm -rf bijlagen/bron
	cp "$SAMPLES/doorbraak-spoor2.json" oud.json
	"$DOSSIER" maak --zonder-bijlagen oud.json -o uit.pdf >/dev/null
	rm oud.json
}
CMD_maak='maak --zonder-bijlagen adviestafel.json -o uit.pdf'

prep_bijlagen() { prep_maak; }
CMD_bijlagen='maak doorbraak-spoor1.json -o uit.pdf'

prep_nieuw() { :; }
CMD_nieuw='nieuw n.json --kenmerk K-1'

prep_agenda() {
	cp "$SAMPLES/adviestafel.json" .
	cp -R "$SAMPLES/bijlagen" .
	rm -rf bijlagen/bron
	printf '[vergadering]\ndatum = 26-11-2026\nbegin = 09.30\n' >vg.ini
}
CMD_agenda='agenda vg.ini adviestafel.json -o ag -j 1'

prep_invullen() { cp "$SAMPLES/adviestafel.json" c.json; printf '17-10-2026\nstop\n' >antwoord.txt; }
CMD_invullen='invullen c.json voorblad'
IN_invullen=antwoord.txt
# invullen saves after every answer: a failure later in the session may
# leave the case file as saved so far (here: as after the run)
PARTIAL_invullen=1

# a long text through $EDITOR: the private text file next to the case
printf '#!/bin/sh\nprintf "Tekst uit de editor.\\n" >"$1"\n' >"$T/editor.sh"
chmod 755 "$T/editor.sh"
prep_editor() {
	cp "$SAMPLES/adviestafel.json" c.json
	"$DOSSIER" zet c.json --wis voorblad.samenvatting >/dev/null
	printf 'e\nstop\n' >antwoord.txt
}
CMD_editor='invullen c.json voorblad'
IN_editor=antwoord.txt
ENV_editor="EDITOR=$T/editor.sh"
PARTIAL_editor=1

# maak and agenda append to the case's sharing log after the output is made:
# a failure there leaves the output made and the case as it was (code 0 with
# a warning, or code 3 when memory runs out); LOG_P names that case file
LOG_maak=adviestafel.json
LOG_bijlagen=doorbraak-spoor1.json
LOG_agenda=adviestafel.json

PATHS=${FAULT_PATHS:-"zet maak bijlagen nieuw agenda invullen editor"}

# ---- helpers ------------------------------------------------------------

# Everything in a folder, by name, mode and contents (temporary files included).
content() {
	(
		cd "$1" || exit 1
		find . -mindepth 1 ! -name '.run.*' -printf '%p %y %m\n'
		find . -type f ! -name '.run.*' -exec md5sum {} +
	) | LC_ALL=C sort
}

# The same, cheaply, for a folder made with "cp -al" from the template: a
# file that was not touched keeps its inode, size and modification time.
stamp() {
	(cd "$1" && find . -mindepth 1 ! -name '.run.*' \( -type d -printf '%p d\n' -o -printf '%p %y %m %s %i %T@\n' \)) |
		LC_ALL=C sort
}

# Run the path's command in folder $1 with extra NAME=VALUE words; rc in $1/.run.rc.
run_in() {
	local dir=$1 p=$2 cmd in env
	shift 2
	eval "cmd=\$CMD_$p"
	eval "in=\${IN_$p:-}"
	eval "env=\${ENV_$p:-}"
	(
		cd "$dir" || exit 3
		set +e
		# shellcheck disable=SC2163
		[ -n "$env" ] && export "$env"
		# shellcheck disable=SC2163
		[ $# -gt 0 ] && export "$@"
		# shellcheck disable=SC2086
		"$DOSSIER" $cmd <"${in:-/dev/null}" >.run.out 2>.run.err
		echo $? >.run.rc
	)
}

# Everything but the case file of the sharing log (and its lock).
nolog() { grep -vE "^\./\.?$1(\.lock)? |  \./\.?$1(\.lock)?\$" || true; }

# The output is as in the fault-free run, and only the log was not written.
made_without_log() {
	local dir=$1 p=$2 logcase
	eval "logcase=\${LOG_$p:-}"
	[ -n "$logcase" ] || return 1
	content "$dir" | nolog "$logcase" >"$dir/.run.nl"
	nolog "$logcase" <"$T/ref-$p.na" | cmp -s - "$dir/.run.nl" || return 1
	# the case itself untouched: same line in the stamps as before the run
	[ "$(stamp "$dir" | grep -F "./$logcase ")" = "$(grep -F "./$logcase " "$T/before-$p")" ]
}

# The checks after one faulty run; prints a reason when something is wrong.
judge() {
	local dir=$1 p=$2 rc left partial
	rc=$(<"$dir/.run.rc")
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$dir/.run.err"; then
		echo "sanitizer report: $(head -3 "$dir/.run.err" | tr '\n' ' ')"
		return
	fi
	case $rc in
	0)
		content "$dir" >"$dir/.run.na"
		if ! cmp -s "$dir/.run.na" "$T/ref-$p.na" &&
		   ! { grep -q 'logboek van .* kon niet worden bijgewerkt' "$dir/.run.err" && made_without_log "$dir" "$p"; }; then
			echo "code 0, but the files differ from the fault-free run: $(diff "$T/ref-$p.na" "$dir/.run.na" | grep '^[<>]' | head -3 | tr '\n' ' ')"
		fi
		;;
	3)
		if ! grep -qE '^dossier: .*(kan niet|onvoldoende geheugen|niet worden|mislukt|niet gemaakt)' "$dir/.run.err"; then
			echo "code 3 without a Dutch message: $(head -2 "$dir/.run.err" | tr '\n' ' ')"
			return
		fi
		stamp "$dir" >"$dir/.run.na"
		left=$(grep -oE '[^ ]*/\.agenda-[A-Za-z0-9]+ met de dossiers kon niet worden opgeruimd' "$dir/.run.err" | cut -d' ' -f1)
		if [ -n "$left" ]; then
			# the work folder that could not be removed is named: it (and its
			# folder) is all that may stay
			grep -vE "^\./($left|${left%/*}) " "$dir/.run.na" | grep -vF "./$left/" >"$dir/.run.na2" || true
			mv "$dir/.run.na2" "$dir/.run.na"
		fi
		eval "partial=\${PARTIAL_$p:-}"
		if ! cmp -s "$dir/.run.na" "$T/before-$p"; then
			if [ -n "$partial" ] && content "$dir" | cmp -s - "$T/ref-$p.na"; then
				:
			elif made_without_log "$dir" "$p"; then
				:
			else
				echo "code 3, but files changed: $(diff "$T/before-$p" "$dir/.run.na" | grep '^[<>]' | head -3 | tr '\n' ' ')"
			fi
		fi
		;;
	*) echo "exit code $rc: $(head -3 "$dir/.run.err" | tr '\n' ' ')" ;;
	esac
}

# One faulty run in a fresh copy (hard links) of the path's folder; one line in $T/res-P.LABEL.
one() {
	local p=$1 label=$2 w="$T/w.$BASHPID" why
	shift 2
	rm -rf "$w"
	cp -al "$T/tpl-$p" "$w"
	run_in "$w" "$p" "$@"
	why=$(judge "$w" "$p")
	if [ -n "$why" ]; then
		printf 'FOUT %s %s %s\n' "$label" "$*" "$why" >>"$T/res-$p.$label"
	else
		printf 'OK %s rc=%s\n' "$label" "$(<"$w/.run.rc")" >>"$T/res-$p.$label"
	fi
	rm -rf "$w"
}

# Run "one P LABEL ENV..." for each line on stdin ("LABEL ENV..."), $JOBS at a time.
parallel() {
	local p=$1 pids=() line
	while read -r line; do
		# shellcheck disable=SC2086
		one "$p" $line &
		pids+=($!)
		if [ ${#pids[@]} -ge $JOBS ]; then
			wait "${pids[0]}"
			pids=("${pids[@]:1}")
		fi
	done
	wait
}

# Report the results of one group as one PASS or FAIL line.
summary() {
	local p=$1 what=$2 pattern=$3 total bad files
	files=$(ls "$T"/res-"$p".$pattern 2>/dev/null || true)
	[ -n "$files" ] || return 0
	# shellcheck disable=SC2086
	total=$(cat $files | wc -l)
	# shellcheck disable=SC2086
	bad=$(cat $files | grep -c '^FOUT' || true)
	COVERED=$((COVERED + total))
	if [ "$bad" = 0 ]; then
		# shellcheck disable=SC2086
		pass "$p: $what: $total storingen, elk met code 0 of 3 en heel gebleven bestanden ($(cat $files | grep -c 'rc=3') keer code 3)"
	else
		# shellcheck disable=SC2086
		fail "$p: $what: $bad van de $total storingen gaan mis" "$(cat $files | grep '^FOUT' | head -5)"
	fi
}

COVERED=0
for p in $PATHS; do
	mkdir -p "$T/tpl-$p"
	(cd "$T/tpl-$p" && "prep_$p")
	stamp "$T/tpl-$p" >"$T/before-$p"
	# the reference run: the files it leaves, and how many calls of each kind
	rm -rf "$T/ref-$p"
	cp -a "$T/tpl-$p" "$T/ref-$p"
	rm -f "$T/count-$p" "$T/alloc-$p"
	if [ $SAN = 0 ] && [ "$VG" = 0 ]; then
		run_in "$T/ref-$p" "$p" LD_PRELOAD="$SHIM" FAULT_REPORT="$T/count-$p" DOSSIER_TEST_ALLOC_COUNT="$T/alloc-$p"
	else
		run_in "$T/ref-$p" "$p" DOSSIER_TEST_ALLOC_COUNT="$T/alloc-$p"
	fi
	if [ "$(cat "$T/ref-$p/.run.rc")" != 0 ]; then
		fail "$p: de run zonder storing slaagt" "$(head -3 "$T/ref-$p/.run.err")"
		continue
	fi
	content "$T/ref-$p" >"$T/ref-$p.na"
	# what the fault-free run wrote is private
	bad=$(content "$T/tpl-$p" | diff - "$T/ref-$p.na" | awk '/^> .* f [0-7]+$/ && $4 != 600 { print $2 }')
	if [ -z "$bad" ]; then pass "$p: zonder storing: geschreven bestanden hebben modus 0600"; else fail "$p: modus" "$bad"; fi

	# system calls, each kind, every N (normal build only)
	if [ $SAN = 0 ] && [ "$VG" = 0 ]; then
		while read -r kind count; do
			[ "$kind" = failed ] && continue
			n=1
			while [ "$n" -le "$count" ]; do
				echo "$kind FAULT_CALL=$kind:$n LD_PRELOAD=$SHIM"
				n=$((n + 1))
			done
		done <"$T/count-$p" | parallel "$p"
		# a short write (half the bytes) must simply be continued
		one "$p" write-kort LD_PRELOAD="$SHIM" FAULT_CALL=write:1 FAULT_SHORT=1
		while read -r kind count; do
			[ "$kind" = failed ] && continue
			summary "$p" "$kind() faalt" "$kind"
		done <"$T/count-$p"
		summary "$p" "write() schrijft de helft" write-kort
	fi

	# allocations: the N-th x*alloc call fails
	total=$(awk '{ if ($3 > m) m = $3 } END { print m + 0 }' "$T/alloc-$p")
	head=$A_HEAD
	[ "$p" = zet ] && head=$A_FIRST
	{
		n=1
		while [ $n -le $head ] && [ $n -le "$total" ]; do echo $n; n=$((n + 1)); done
		k=1
		while [ $k -le $A_MID ]; do echo $((head + (total - head - A_TAIL) * k / (A_MID + 1))); k=$((k + 1)); done
		n=$((total - A_TAIL + 1))
		while [ $n -le "$total" ]; do echo $n; n=$((n + 1)); done
	} | awk -v t="$total" '$1 >= 1 && $1 <= t && !seen[$1]++' | while read -r n; do
		echo "alloc DOSSIER_TEST_FAIL_ALLOC=$n"
	done | parallel "$p"
	summary "$p" "geheugen op bij aanroep N (van $total)" alloc
done
pass "samen $COVERED storingspunten geprobeerd"
finish
