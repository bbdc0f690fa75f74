#!/usr/bin/env bash
# dossier formulieren: the forms as the data files define them.
. "$(dirname "$0")/../lib.sh"

run "$DOSSIER" formulieren
expect_code 0 "formulieren slaagt"
for f in casus voorblad "mdo\[n\]" zienswijze smw "toestemming\[n\]" offerte oplegger "bijlagen\[n\]"; do
	expect_out "^$f " "formulier $f staat in de lijst"
done
expect_out "\* casus\.leerling\.geboortedatum +datum" "verplichte velden met pad en type"

run "$DOSSIER" formulieren smw
expect_code 0 "formulieren smw"
expect_out "alleen als: casus.betrokkenen\[\*\]\.rol bevat smw" "voorwaarde van het SMW-verslag"
expect_out "jeugdhulp of CJG" "Den Haag: CJG"

run "$DOSSIER" formulieren --regio leidschendam-voorburg smw
expect_out "jeugdhulp of WIJZ" "Leidschendam-Voorburg: WIJZ in plaats van CJG"
run "$DOSSIER" formulieren --regio swvzhw-rijswijk mdo
expect_out "JES-verslag" "SWVZHW Rijswijk (voortgezet onderwijs): JES in plaats van MDO"
run "$DOSSIER" formulieren --regio rijswijk mdo
expect_out "MDO-verslag" "SPPOH Rijswijk (primair onderwijs): MDO"
run "$DOSSIER" formulieren --regio hoeksche-waard mdo
expect_out "ZAT-verslag" "Hoeksche Waard: ZAT"

run "$DOSSIER" formulieren bestaatniet
expect_code 2 "onbekend formulier: code 2"

# Every field has a help text (shown at '?' in 'dossier invullen').
# 'dossier formulieren FORM' prints each field as "  * pad type label" (or
# "    pad ..."), followed by its help indented 8 spaces, then "keuzes:" and
# "alleen als:" lines. A field whose first detail line is not help, or that
# has no detail line at all, has no help.
# fields_without_help DATA [OPTIONS...]: prints "pad" per such field and
# "velden: N" last, the number of fields seen; DATA is a --data folder or "".
fields_without_help() {
	local f data=()
	[ -z "$1" ] || data=(--data "$1")
	shift
	for f in $("$DOSSIER" "${data[@]}" formulieren "$@" | awk '/^[a-z]/ { sub(/\[n\]$/, "", $1); print $1 }'); do
		"$DOSSIER" "${data[@]}" formulieren "$@" "$f"
	done | awk '
		function flush() { if (pending != "") print pending; pending = "" }
		/^  [* ] [a-z]/ { flush(); p = substr($0, 5); sub(/ .*/, "", p); pending = p; n++; next }
		/^        / { if ($0 !~ /^        (keuzes:|alleen als:)/) pending = ""; next }
		{ flush() }
		END { flush(); print "velden: " n + 0 }'
}
# passes when the only line is the count, and it covers all forms' fields
all_fields_have_help() {
	local out
	out=$(fields_without_help "" "$@")
	printf '%s\n' "$out"
	[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [ "${out#velden: }" -ge 140 ]
}
for r in den-haag rijswijk leidschendam-voorburg; do
	check "elk veld heeft een uitleg (hulp), regio $r" all_fields_have_help --regio "$r"
done
# the check itself finds a field without help
mkdir -p "$T/zonderhulp"
cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" "$T/zonderhulp/"
sed -i '/"sleutel": "eenheid"/{N;s/,\n *"hulp": "[^"]*"//}' "$T/zonderhulp/forms/offerte.json"
run fields_without_help "$T/zonderhulp"
expect_out "^offerte\.regels\[n\]\.eenheid$" "een veld zonder uitleg wordt gevonden"
expect_no_out "^offerte\.regels\[n\]\.(tarief|aantal)$" "velden met uitleg worden niet gemeld"

# a region can change a label without recompiling
mkdir -p "$T/data"
cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" "$T/data/"
printf '\n[labels]\nvoorblad.hoofdvraag = Centrale vraag aan de tafel\n' >>"$T/data/forms/regio/den-haag.ini"
run "$DOSSIER" --data "$T/data" formulieren voorblad
expect_out "Centrale vraag aan de tafel" "label uit het regioprofiel"

# and a mistake in a form file is reported with file and line
sed -i 's/"type": "tekst", "label": "Samenvatting"/"type": "tekts", "label": "Samenvatting"/' "$T/data/forms/voorblad.json"
run "$DOSSIER" --data "$T/data" formulieren
expect_code 3 "fout formulierbestand: code 3"
expect_err "voorblad.json:[0-9]+: veld 'samenvatting': onbekend type 'tekts'" "fout in een formulier met bestand, regel en veld"

# the field reference in docs/ is what the definitions say now ('make docs' refreshes it)
"$DOSSIER" formulieren --markdown >"$T/velden.md"
check "docs/velden.md is bijgewerkt (make docs)" cmp -s "$T/velden.md" "$ROOT/docs/velden.md"
finish
