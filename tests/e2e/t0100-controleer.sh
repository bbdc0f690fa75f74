#!/usr/bin/env bash
# dossier controleer: the samples pass their own route; every rule of every
# route is caught (table in tests/data/regels.tsv).
. "$(dirname "$0")/../lib.sh"

for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	run "$DOSSIER" controleer "$SAMPLES/$s.json"
	expect_code 0 "voorbeeld $s is volledig voor zijn eigen route"
	expect_out "^Volledig voor de" "voorbeeld $s: 'Volledig' in de uitvoer"
done
run "$DOSSIER" controleer "$SAMPLES/doorbraak-spoor1.json" --route doorbraak-spoor2
expect_code 1 "spoor-1-voorbeeld past niet bij spoor 2: de Adviestafel stuurde het terug naar het MDO"
expect_out "Spoor 2 is voor een Adviestafel die voorstelde direct op te schalen" "spoor 2: de uitkomst van de Adviestafel telt"
rm -rf "$T/s"
c=$(sample doorbraak-spoor1)
"$DOSSIER" zet "$c" casus.verloop.adviestafel_uitkomst=doorbraaktafel >/dev/null
run "$DOSSIER" controleer "$c" --route doorbraak-spoor2
expect_code 0 "spoor-1-voorbeeld met de uitkomst 'door naar de Doorbraaktafel' is volledig voor spoor 2"

# the memo: a zienswijze 'kan ... worden toegevoegd': leaving it out is no error
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	rm -rf "$T/s"
	c=$(sample $s)
	"$DOSSIER" zet "$c" --wis zienswijze >/dev/null
	run "$DOSSIER" controleer "$c"
	expect_code 0 "$s zonder zienswijze is volledig"
done
for r in doorbraak-spoor1 doorbraak-spoor2; do
	run "$DOSSIER" controleer "$SAMPLES/adviestafel.json" --route $r
	expect_code 1 "adviestafelvoorbeeld is onvolledig voor $r"
	expect_out "De toestemming geldt niet voor de Doorbraaktafel" "$r: de toestemming dekt de Doorbraaktafel niet"
	expect_out "Het formulier 'Uitgesplitste offerte' ontbreekt" "$r: de offerte ontbreekt"
done
run "$DOSSIER" controleer "$SAMPLES/adviestafel.json" --route doorbraak-spoor1
expect_out "Het formulier 'Oplegger Doorbraaktafel' ontbreekt" "spoor 1: de oplegger ontbreekt"
run "$DOSSIER" controleer "$SAMPLES/adviestafel.json" --route doorbraak-spoor2
expect_no_out "Oplegger Doorbraaktafel' ontbreekt" "spoor 2: geen oplegger nodig"
run "$DOSSIER" controleer "$SAMPLES/adviestafel.json" --route spoor3
expect_code 2 "onbekende --route: code 2"

# the fix is a command on a line of its own, ready to copy, also for a path with spaces and quotes
mkdir -p "$T/map met spatie"
cp "$SAMPLES/adviestafel.json" "$T/map met spatie/zoë's casus.json"
run "$DOSSIER" controleer "$T/map met spatie/zoë's casus.json" --route doorbraak-spoor2
expect_code 1 "pad met spaties: onvolledig voor spoor 2"
fixline=$(grep -m1 '^        dossier invullen ' "$OUT" | sed 's/^ *dossier invullen //; s/ [a-z]*$//')
check "de opdracht bij 'Oplossen' staat op één regel met het pad goed tussen aanhalingstekens" \
	sh -c "eval test -f \"\$0\"" "$fixline"

run "$DOSSIER" controleer "$SAMPLES/doorbraak-spoor1.json" --json
expect_code 0 "--json bij een volledig dossier"
expect_out '"severity": "warning"' "--json geeft waarschuwingen met severity"
expect_out '"code": "bijlage-zonder-toestemming"' "--json geeft de code"
run "$DOSSIER" controleer "$SAMPLES/adviestafel.json" --route doorbraak-spoor1 --json
for key in code severity document field message; do
	expect_out "\"$key\": " "--json heeft '$key'"
done
expect_out '"severity": "error"' "--json geeft fouten met severity error"

# one finding (a record of the JSON array) with this code and field (and message, if given)?
has_finding() {
	awk -v code="\"code\": \"$1\"" -v field="$2" -v sev="\"severity\": \"$3\"" -v msg="$4" '
		BEGIN { RS = "\n  }"; found = 0 }
		index($0, code) && index($0, "\"field\": \"" field) && index($0, sev) &&
		(msg == "" || index($0, "\"message\": \"" msg "\"")) { found = 1 }
		END { exit found ? 0 : 1 }' "$OUT"
}

while IFS='	' read -r sample route changes code field sev melding; do
	case "$sample" in ''|'#'*) continue ;; esac
	rm -rf "$T/s"
	c=$(sample "$sample")
	ok=1
	IFS=';' read -ra steps <<<"$changes"
	for step in "${steps[@]}"; do
		step=$(echo "$step" | sed 's/^ *//; s/ *$//')
		if [ "${step#!}" != "$step" ]; then
			(cd "$T/s" && sh -c "${step#!}") >/dev/null 2>&1 || ok=0
		else
			# shellcheck disable=SC2086
			"$DOSSIER" zet "$c" $step >/dev/null 2>"$ERR" || ok=0
		fi
	done
	label="$route: $changes -> $code"
	if [ $ok = 0 ]; then
		fail "$label" "de verandering lukte niet" "$(cat "$ERR")"
		continue
	fi
	run "$DOSSIER" controleer "$c" --route "$route" --json
	want=1
	[ "$sev" = waarschuwing ] && want=0
	english=error
	[ "$sev" = waarschuwing ] && english=warning
	if ! sanitizer_clean; then
		fail "$label" "sanitizer report"
	elif [ "$RC" -ne $want ]; then
		fail "$label" "exit $RC, verwacht $want"
	elif ! has_finding "$code" "$field" "$english" "$melding"; then
		fail "$label" "geen bevinding met code $code, veld $field, ernst $english${melding:+, melding '$melding'}"
	else
		pass "$label"
	fi
done <"$ROOT/tests/data/regels.tsv"

# every rule code of every route set (forms/routes*.json) appears in the table
for code in $(cat "$ROOT"/forms/routes*.json | grep -o '"code": "[^"]*"' | sed 's/.*: "//; s/"//' | sort -u); do
	if awk -F'\t' -v c="$code" '$4 == c || index($4, c "-") == 1 { f = 1 } END { exit !f }' "$ROOT/tests/data/regels.tsv" ||
	   { [ "$code" = toestemming-wie ] && grep -q 'toestemming-leerling' "$ROOT/tests/data/regels.tsv"; } ||
	   { [ "$code" = offerte-uitgesplitst ] && grep -q 'offerte-telt-niet' "$ROOT/tests/data/regels.tsv"; } ||
	   { [ "$code" = casus ] || [ "$code" = voorblad ] || [ "$code" = mdo ]; } ||
	   { [ "$code" = zienswijze ] && grep -q '	zienswijze.wijkt_af=ja	veld-ontbreekt' "$ROOT/tests/data/regels.tsv"; }; then
		pass "regel $code staat in de tabel"
	else
		fail "regel $code staat niet in tests/data/regels.tsv"
	fi
done

# a region can switch a rule off or make it an error
mkdir -p "$T/data"
cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" "$T/data/"
printf 'mdo-cjg-aanwezig = fout\n' >>"$T/data/forms/regio/den-haag.ini"
rm -rf "$T/s"
c=$(sample adviestafel)
"$DOSSIER" zet "$c" 'mdo[2].aanwezigen[8].aanwezigheid=afgemeld' >/dev/null
run "$DOSSIER" --data "$T/data" controleer "$c"
expect_code 1 "regio maakt een waarschuwing een fout"
sed -i 's/mdo-cjg-aanwezig = fout/mdo-cjg-aanwezig = uit/' "$T/data/forms/regio/den-haag.ini"
run "$DOSSIER" --data "$T/data" controleer "$c"
expect_code 0 "regio zet een regel uit"
expect_no_out "CJG aanwezig" "uitgezette regel meldt niets"
finish
