#!/usr/bin/env bash
# Every input rule of every field type: a wrong answer gives the expected
# Dutch message (through `zet`; `invullen` shows the same text, see t0070)
# and nothing is saved.
. "$(dirname "$0")/../lib.sh"

cd "$T"
"$DOSSIER" nieuw c.json --kenmerk F-1 >/dev/null
cp c.json before.json
printf 'geen pdf\n' >brief.txt
long=$(printf 'a%.0s' $(seq 1 301))
n=0
while IFS='	' read -r path input want; do
	case "$path" in ''|'#'*) continue ;; esac
	case "$input" in LANG) input=$long ;; TAB) input=$(printf 'a\tb') ;; esac
	n=$((n + 1))
	run "$DOSSIER" zet c.json "$path=$input"
	if [ "$RC" -eq 1 ] && grep -qF -- "$want" "$ERR" && sanitizer_clean; then
		pass "$path = '${input:0:20}' geeft: $want"
	else
		fail "$path = '${input:0:20}'" "exit $RC, verwacht 1 met: $want"
	fi
done <"$ROOT/tests/data/invoer-fouten.tsv"
check "na alle foute invoer is het bestand ongewijzigd" cmp -s c.json before.json
check "de tabel dekt alle regels ($n)" test "$n" -ge 29

# the guided form shows the same message and asks again
printf 'misschien\nnee\n\n' >answers
run sh -c "'$DOSSIER' invullen c.json zienswijze <answers"
expect_code 0 "invullen van één formulier via een pijp"
expect_out "! Antwoord met ja of nee \(j/n\)\." "invullen toont dezelfde melding"
check "invullen vraagt opnieuw en bewaart het goede antwoord" grep -q '"wijkt_af": false' c.json
finish
