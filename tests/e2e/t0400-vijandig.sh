#!/usr/bin/env bash
# The hostile corpus (tests/hostile/cases.tsv): broken, huge, mistyped and
# malicious input for every command, plus faulty surroundings (unreadable
# files, read-only and full disks). Every case must give its documented
# exit code and a Dutch message, change no file but the ones it may
# write, leave no other file behind, and write files with mode 0600.
# The big inputs (10 MB field, 17 MB file, 10,000-deep nesting, 100,000
# list items) are made here at run time; the small ones are in the tree.
. "$(dirname "$0")/../lib.sh"

H="$ROOT/tests/hostile"
LIMIT=${DOSSIER_TIMEOUT:-60}
[ "${DOSSIER_UNDER_VALGRIND:-}" = 1 ] && LIMIT=600
META='"dossier": {"formaat": 1, "kenmerk": "X-1", "regio": "den-haag", "route": "adviestafel"}'
LANGE_NAAM=$(head -c 5000 /dev/zero | tr '\0' 'a')
export LANGE_NAAM

# ---- generators for inputs too big (or too odd) to keep in git ----------

gen_veld_10mb() {
	{ printf '{%s, "voorblad": {"samenvatting": "' "$META"; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"}}\n'; } >in.json
}
gen_bestand_17mb() {
	{ printf '{%s, "x": "' "$META"; head -c 17000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; } >in.json
}
gen_diep_10000() {
	{ printf '{%s, "x": ' "$META"; head -c 10000 /dev/zero | tr '\0' '['; head -c 10000 /dev/zero | tr '\0' ']'; printf '}\n'; } >in.json
}
gen_diep_string() {
	# brackets inside a string are text, not nesting
	{ printf '{%s, "voorblad": {"hoofdvraag": "' "$META"; head -c 10000 /dev/zero | tr '\0' '['; printf '"}}\n'; } >in.json
}
gen_lijst_100000() {
	{
		printf '{%s, "casus": {"betrokkenen": [' "$META"
		awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%s{\"naam\": \"n%d\", \"rol\": \"anders\", \"organisatie\": \"o\"}", (i > 1 ? ", " : ""), i }'
		printf ']}}\n'
	} >in.json
}
gen_sleutels_100000() {
	{
		printf '{%s, "casus": {' "$META"
		awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%s\"k%d\": %d", (i > 1 ? ", " : ""), i, i }'
		printf ', "k77": 0}}\n'
	} >in.json
}
gen_antwoorden_10mb() {
	{ printf '{"voorblad.samenvatting": "'; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"}\n'; } >a.json
}
gen_antwoorden_type() { printf '{"casus.leerling.geboortedatum": true}\n' >a.json; }
gen_bijlage_map() { mkdir bijlagen/opp-zoe-unal.pdf; }
gen_bijlage_fifo() { mkfifo bijlagen/opp-zoe-unal.pdf; }
gen_link() { ln -s adviestafel.json link.json; }
gen_fifo() { mkfifo in.json; }
gen_fifo_uit() { mkfifo uit.pdf; }
gen_symlink_lus() { ln -s b.json in.json; ln -s in.json b.json; }
gen_map() { mkdir in.json; }
gen_map_uit() { mkdir uit.pdf; }
gen_leesrechten_weg() { cp "$H/casus/type-tekst.json" in.json; chmod 000 in.json; }
gen_alleen_lezen() { mkdir ro; cp "$SAMPLES/adviestafel.json" ro/in.json; chmod 500 ro; }
gen_casus() { "$DOSSIER" nieuw in.json --kenmerk K-1 >/dev/null && "$DOSSIER" zet in.json voorblad.opgesteld_door=begin >/dev/null; }
gen_pdf_oud() { "$DOSSIER" maak adviestafel.json -o uit.pdf >/dev/null; }

# ---- one case -----------------------------------------------------------

# "type path fingerprint" of everything below the current folder
snapshot() {
	find . -mindepth 1 \( -name .out -o -name .err \) -prune -o -print | LC_ALL=C sort | while IFS= read -r p; do
		if [ -L "$p" ]; then
			echo "l $p $(readlink "$p")"
		elif [ -f "$p" ] && [ -r "$p" ]; then
			echo "f $p $(md5sum <"$p" | cut -c1-32)"
		else
			echo "o $p $(stat -c '%F %s %Y' "$p")"
		fi
	done
}

# May this path change or appear? (listed, or inside a listed folder)
allowed() {
	local p=${1#./} a
	for a in $MAY; do
		a=${a#+}
		case "$p" in "$a" | "$a"/*) return 0 ;; esac
	done
	return 1
}

setup_step() {
	local step=$1 arg=${1#*:} src dst
	case "$step" in
	voorbeeld) cp -R "$SAMPLES/." . ;;
	data) mkdir -p data && cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" data/ ;;
	kopie:*)
		src=${arg%%=*}
		dst=${arg#*=}
		[ "$dst" = "$arg" ] && dst=$(basename "$src")
		mkdir -p "$(dirname "$dst")" && cp "$H/$src" "$dst"
		;;
	sed:*) sed -i -f "$H/${arg%%=*}" "${arg#*=}" ;;
	afkappen:*) head -c "${arg#*=}" "${arg%%=*}" >.cut && mv .cut "${arg%%=*}" ;;
	weg:*) rm -rf "$arg" ;;
	maak:*) "gen_$arg" ;;
	chmod:*) chmod "${arg%%=*}" "${arg#*=}" ;;
	nietroot | ulimit:* | stdout-vol | -) ;;
	*) echo "onbekende opzetstap '$step'" >&2; return 1 ;;
	esac
}

# As root, file modes do not bind: cases that need them run as the user
# nobody (setpriv), when nobody can reach the program and its data files.
NOBODY=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	DROP="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	if $DROP test -x "$DOSSIER" && $DROP test -r "$ROOT/forms/formulieren.json" &&
		$DROP test -r "$ROOT/fonts/LiberationSans-Regular.ttf"; then
		NOBODY=$DROP
	fi
fi

run_case() {
	local name=$1 setup=$2 args=$3 input=$4 code=$5 msg=$6 dir="$T/c/$name" step fsize="" full=0 stream=$ERR re
	local runas=""
	MAY=$7
	[ "$MAY" = - ] && MAY=""
	for step in $setup; do
		case "$step" in
		nietroot)
			if [ "$(id -u)" = 0 ] && [ -z "$NOBODY" ]; then
				echo "SKIP: $NAME: $name (als root gelden bestandsrechten niet, en setpriv kan niet naar de gebruiker nobody)"
				return
			fi
			[ "$(id -u)" = 0 ] && runas=$NOBODY
			;;
		ulimit:*) fsize=${step#ulimit:} ;;
		stdout-vol) full=1 ;;
		esac
	done
	mkdir -p "$dir"
	cd "$dir"
	for step in $setup; do
		if ! setup_step "$step"; then
			fail "$name: opzet '$step' mislukt"
			cd "$T"
			return
		fi
	done
	if [ -n "$runas" ]; then
		# the case folder becomes nobody's own, as a user's files are
		chmod 711 "$T" "$T/c"
		chown -R 65534:65534 "$dir"
		touch "$OUT" "$ERR"
	fi
	snapshot >"$T/.voor"
	[ "$input" = - ] && input=/dev/null || input="$H/$input"
	set +e
	if [ $full = 1 ]; then
		eval "timeout $LIMIT \"\$DOSSIER\" $args" <"$input" >/dev/full 2>"$ERR"
		RC=$?
		: >"$OUT"
	else
		# shellcheck disable=SC2016
		RUNAS=$runas FSIZE=$fsize LIMIT=$LIMIT ARGS=$args bash -c '
			[ -n "$FSIZE" ] && { trap "" XFSZ; ulimit -f "$FSIZE"; }
			eval "exec timeout $LIMIT $RUNAS \"\$DOSSIER\" $ARGS"' <"$input" >"$OUT" 2>"$ERR"
		RC=$?
	fi
	set -e
	snapshot >"$T/.na"
	cd "$T"
	[ -n "$runas" ] && chmod 700 "$T"
	if [ $RC = 124 ]; then
		fail "$name: loopt vast (na $LIMIT s afgebroken)"
		return
	fi
	expect_code "$code" "$name: code $code"
	re=$msg
	if [ "${msg#uit:}" != "$msg" ]; then
		re=${msg#uit:}
		stream=$OUT
	fi
	if grep -qE -- "$re" "$stream"; then pass "$name: melding"; else fail "$name: melding" "verwacht: $re"; fi
	# nothing but the allowed files changed or appeared, written files are private
	local changed bad="" p
	changed=$(diff "$T/.voor" "$T/.na" | sed -n 's/^[<>] [a-z] \([^ ]*\).*/\1/p' | sort -u)
	for p in $changed; do
		if ! allowed "$p"; then
			bad="$bad ${p#./}"
		elif [ -f "$dir/$p" ] && [ ! -L "$dir/$p" ] && [ "$(stat -c %a "$dir/$p")" != 600 ]; then
			bad="$bad ${p#./}(modus $(stat -c %a "$dir/$p"))"
		fi
	done
	for p in $MAY; do
		if [ "${p#+}" != "$p" ] && [ ! -e "$dir/${p#+}" ]; then bad="$bad ${p#+}(ontbreekt)"; fi
	done
	if [ -z "$bad" ]; then pass "$name: geen andere bestanden, modus 0600"; else fail "$name: bestanden" "onverwacht:$bad"; fi
	chmod -R u+rwx "$dir" 2>/dev/null || true
	rm -rf "$dir"
}

n=0
while IFS='	' read -r name setup args input code msg may; do
	case "$name" in '' | '#'*) continue ;; esac
	n=$((n + 1))
	run_case "$name" "$setup" "$args" "$input" "$code" "$msg" "${may:--}"
done <"$H/cases.tsv"
check "de tabel heeft minstens 40 gevallen ($n)" test "$n" -ge 40
finish
