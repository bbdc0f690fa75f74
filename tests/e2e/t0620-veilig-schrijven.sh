#!/usr/bin/env bash
# Safe writes (issue 12, items 3 and 13): maak never writes over its case
# file or an attachment; SOURCE_DATE_EPOCH fixes only the PDF's dates;
# a closed standard output does not make a successful zet fail.
. "$(dirname "$0")/../lib.sh"
cd "$T"
cp -R "$SAMPLES"/. .

# --- maak never replaces the case or an attachment
cp adviestafel.json voor.json
run "$DOSSIER" maak adviestafel.json -o adviestafel.json
expect_code 2 "maak -o CASUS.json: geweigerd (code 2)"
expect_err "adviestafel.json is het casusbestand zelf" "maak zegt dat -o het casusbestand is"
check "het casusbestand is ongewijzigd" cmp -s adviestafel.json voor.json

ln -s adviestafel.json andere-naam.json
run "$DOSSIER" maak adviestafel.json -o andere-naam.json
expect_code 2 "maak -o naar een link naar de casus: geweigerd"

cp bijlagen/opp-zoe-unal.pdf opp-voor.pdf
run "$DOSSIER" maak adviestafel.json -o bijlagen/opp-zoe-unal.pdf
expect_code 2 "maak -o BIJLAGE.pdf: geweigerd (code 2)"
expect_err "is bijlage 'OPP Zoë Ünal, schooljaar 2026-2027' van de casus en wordt niet overschreven" "maak noemt de bijlage"
check "de bijlage is ongewijzigd" cmp -s bijlagen/opp-zoe-unal.pdf opp-voor.pdf

# the default name, when an attachment happens to have it
cp bijlagen/opp-zoe-unal.pdf adviestafel.pdf
"$DOSSIER" zet adviestafel.json bijlagen[1].bestand=adviestafel.pdf >/dev/null
cp adviestafel.pdf pdf-voor.pdf
run "$DOSSIER" maak adviestafel.json
expect_code 2 "maak zonder -o terwijl een bijlage adviestafel.pdf heet: geweigerd"
check "die bijlage is ongewijzigd" cmp -s adviestafel.pdf pdf-voor.pdf

# --- SOURCE_DATE_EPOCH fixes the PDF's dates, not what 'vandaag' means
"$DOSSIER" nieuw d.json --kenmerk V-1 >/dev/null
real=$(date +%Y-%m-%d)
run env -u DOSSIER_TEST_TODAY SOURCE_DATE_EPOCH=0 "$DOSSIER" zet d.json casus.verzuim.startdatum=vandaag
expect_code 0 "zet ...=vandaag met SOURCE_DATE_EPOCH=0"
check "'vandaag' is de echte datum ($real), niet 1 januari 1970" grep -q "\"startdatum\": \"$real\"" d.json
check "de opslagdatum ook" grep -q "\"gewijzigd\": \"$real\"" d.json
run env -u DOSSIER_TEST_TODAY SOURCE_DATE_EPOCH=1795000000 "$DOSSIER" maak voor.json -o sde.pdf
expect_code 0 "maak met SOURCE_DATE_EPOCH"
check "de PDF draagt de datum van SOURCE_DATE_EPOCH" sh -c "pdftotext sde.pdf - | grep -q 'Gemaakt op 18 november 2026'"

# --- a closed standard output
run sh -c "\"$DOSSIER\" zet d.json casus.leerling.voornaam=Zoë >&-"
expect_code 0 "zet >&- slaagt (code 0)"
check "en heeft opgeslagen" grep -q '"voornaam": "Zoë"' d.json
check "de melding kwam niet in het casusbestand" sh -c "! grep -q 'opgeslagen in' d.json"
finish
