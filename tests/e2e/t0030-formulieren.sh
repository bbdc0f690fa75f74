#!/usr/bin/env bash
# dossier formulieren: the forms as the data files define them.
. "$(dirname "$0")/../lib.sh"

run "$DOSSIER" formulieren
expect_code 0 "formulieren slaagt"
for f in casus voorblad "mdo\[n\]" zienswijze smw toestemming offerte oplegger "bijlagen\[n\]"; do
	expect_out "^$f " "formulier $f staat in de lijst"
done
expect_out "\* casus\.leerling\.geboortedatum +datum" "verplichte velden met pad en type"

run "$DOSSIER" formulieren smw
expect_code 0 "formulieren smw"
expect_out "alleen als: casus.betrokkenen\[\*\]\.rol bevat smw" "voorwaarde van het SMW-verslag"
expect_out "jeugdhulp of CJG" "Den Haag: CJG"

run "$DOSSIER" formulieren --regio leidschendam-voorburg smw
expect_out "jeugdhulp of WIJZ" "Leidschendam-Voorburg: WIJZ in plaats van CJG"
run "$DOSSIER" formulieren --regio rijswijk mdo
expect_out "JES-verslag" "Rijswijk: JES in plaats van MDO"

run "$DOSSIER" formulieren bestaatniet
expect_code 2 "onbekend formulier: code 2"

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
finish
