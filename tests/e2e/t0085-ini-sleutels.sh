#!/usr/bin/env bash
# Every INI file is checked against its table of known keys: a typo in the
# template, the settings or the meeting file is an error with file, line
# and the key that was meant (issue 16, item 10).
. "$(dirname "$0")/../lib.sh"

cd "$T"
CASE=$(sample adviestafel)

# the template
sed 's/^marge_boven /marge_bovn  /' "$ROOT/templates/standaard.ini" >typo.ini
run "$DOSSIER" maak "$CASE" --sjabloon "$T/typo.ini" -o t.pdf
expect_code 3 "een tikfout in het sjabloon wordt geweigerd"
expect_err "typo.ini:8: \[pagina\] marge_bovn: onbekende sleutel; bedoelde u marge_boven\?" \
	"de melding noemt bestand, regel en de bedoelde sleutel"
check "er is geen PDF gemaakt" test ! -e t.pdf
sed 's/^\[kleuren\]/[kleuen]/' "$ROOT/templates/standaard.ini" >sec.ini
run "$DOSSIER" maak "$CASE" --sjabloon "$T/sec.ini" -o t.pdf
expect_err "sec.ini:[0-9]+: \[kleuen\]: onbekende groep in het sjabloon; bedoelde u \[kleuren\]\?" \
	"een verkeerde groepsnaam in het sjabloon"
sed 's/^uitlijning .*/uitlijning = midden/' "$ROOT/templates/standaard.ini" >keuze.ini
run "$DOSSIER" maak "$CASE" --sjabloon "$T/keuze.ini" -o t.pdf
expect_err "\[letters\] uitlijning = midden: kies uitvullen of links" "een keuze buiten de tabel"
# defaults come from the one table: a template without [voettekst] still numbers the pages
sed '/^\[voettekst\]/,/^bijlagen/d' "$ROOT/templates/standaard.ini" >kaal.ini
run "$DOSSIER" maak "$CASE" --sjabloon "$T/kaal.ini" -o kaal.pdf
expect_code 0 "een sjabloon zonder voettekst"
check "de standaardvoettekst komt uit de tabel" sh -c "pdftotext kaal.pdf - | grep -q 'pagina 1 van'"

# the settings
mkdir -p home/.config/dossier
printf '[standaard]\nregoi = rijswijk\n' >home/.config/dossier/dossier.ini
run "$DOSSIER" nieuw n.json
expect_code 3 "een tikfout in de instellingen wordt geweigerd"
expect_err "dossier.ini:2: \[standaard\] regoi: onbekende sleutel; bedoelde u regio\?" \
	"de melding over de instellingen noemt de bedoelde sleutel"
printf '[scholen]\nnaam = X\n' >home/.config/dossier/dossier.ini
run "$DOSSIER" nieuw n.json
expect_err "\[scholen\]: onbekende groep in de instellingen; bedoelde u \[school\]\?" "een verkeerde groep in de instellingen"
rm home/.config/dossier/dossier.ini

# the meeting file
sed 's/^voorzitter/voorziter/' "$SAMPLES/vergadering.ini" >verg.ini
run "$DOSSIER" agenda verg.ini "$CASE" -o uit
expect_code 2 "een tikfout in het vergaderbestand wordt geweigerd"
expect_err "verg.ini:[0-9]+: \[vergadering\] voorziter: onbekende sleutel; bedoelde u voorzitter\?" \
	"de melding over het vergaderbestand noemt de bedoelde sleutel"
printf '[vergadering]\ndatum = 03-12-2026\nbegin = 09.30\nduur = lang\n' >duur.ini
run "$DOSSIER" agenda duur.ini "$CASE" -o uit
expect_err "\[vergadering\] duur = lang: verwacht een getal van 5 tot 240" "een getal buiten de tabel"

# coordinators: -o to a folder, a PDF given instead of the case
mkdir -p bestaand
run "$DOSSIER" maak "$CASE" -o bestaand
expect_code 0 "maak -o een bestaande map"
check "de PDF staat in de map, met de naam van de casus" test -s bestaand/adviestafel.pdf
run "$DOSSIER" maak "$CASE" -o nieuw/ --anoniem
expect_code 0 "maak -o nieuwe-map/"
check "de nieuwe map is gemaakt, met de PDF erin" test -s nieuw/adviestafel-anoniem.pdf
check "de nieuwe map is alleen voor u" test "$(stat -c %a nieuw)" = 700
run "$DOSSIER" controleer bestaand/adviestafel.pdf
expect_code 3 "een PDF in plaats van het casusbestand"
expect_err "adviestafel.pdf is een PDF, geen JSON-bestand; geef het .json-bestand van de casus op" \
	"de melding zegt dat het een PDF is, niet iets over UTF-8"

# a fix hint names the case file as it was typed, not the word CASUS
cp "$CASE" "mijn casus.json"
python3 -c "import json; d=json.load(open('mijn casus.json')); d['casus']['school']['email']='geen'; json.dump(d, open('mijn casus.json', 'w'))"
run "$DOSSIER" controleer "mijn casus.json"
expect_out "dossier zet 'mijn casus.json' casus.school.email=" "de oplossing noemt het casusbestand"
expect_out "dossier invullen 'mijn casus.json' --veld casus.school.email" "en opent het formulier bij het veld"

finish
