#!/usr/bin/env bash
# dossier nieuw: a new case file, private, never overwriting; config prefill.
. "$(dirname "$0")/../lib.sh"

run "$DOSSIER" nieuw "$T/a.json" --kenmerk DH-TEST-1
expect_code 0 "nieuw maakt een casus"
expect_out "kenmerk  DH-TEST-1" "nieuw toont het kenmerk"
check "het casusbestand heeft modus 0600" test "$(stat -c %a "$T/a.json")" = 600
check "het casusbestand is geldige JSON met dossier.formaat" grep -q '"formaat": 1' "$T/a.json"

run "$DOSSIER" nieuw "$T/a.json"
expect_code 2 "nieuw weigert een bestaand bestand"
expect_err "bestaat al" "nieuw zegt dat het bestand al bestaat"

run "$DOSSIER" nieuw "$T/b.json"
expect_code 0 "nieuw zonder kenmerk"
expect_out "kenmerk  DH-20[0-9]{2}-[2-9A-Z]{4}" "nieuw maakt een kenmerk zonder naam van het kind"

run "$DOSSIER" nieuw "$T/c.json" --regio leidschendam-voorburg --route doorbraak-spoor1
expect_code 0 "nieuw met regio en route"
expect_out "regio    Leidschendam-Voorburg" "regio Leidschendam-Voorburg"
expect_out "route    Doorbraaktafel \(spoor 1\)" "route spoor 1"

run "$DOSSIER" nieuw "$T/d.json" --regio atlantis
expect_code 2 "onbekende regio: code 2"
expect_err "onbekende regio 'atlantis' \(bekend: den-haag, hoeksche-waard, leidschendam-voorburg, rijswijk, swvzhw-den-haag, swvzhw-leidschendam-voorburg, swvzhw-rijswijk\)" "onbekende regio noemt de bekende"
check "bij een fout wordt geen bestand gemaakt" test ! -e "$T/d.json"

run "$DOSSIER" nieuw "$T/d.json" --route doorbraak
expect_code 2 "onbekende route: code 2"
expect_err "onbekende route 'doorbraak'" "onbekende route wordt genoemd"

run "$DOSSIER" nieuw /bestaat/niet/e.json
expect_code 3 "onschrijfbare map: code 3"
expect_err "kan niet worden opgeslagen" "onschrijfbare map wordt gemeld"

# the school's details from the user's configuration
mkdir -p "$HOME/.config/dossier"
cat >"$HOME/.config/dossier/dossier.ini" <<'INI'
[standaard]
regio = rijswijk
route = doorbraak-spoor2

[school]
naam = Openbare Basisschool De Kraaienhorst
plaats = Rijswijk
email = ib@kraaienhorst.nl
INI
run "$DOSSIER" nieuw "$T/f.json"
expect_code 0 "nieuw met instellingen"
expect_out "school   3 gegevens overgenomen" "schoolgegevens uit de instellingen"
expect_out "regio    Rijswijk" "standaardregio uit de instellingen"
expect_out "Doorbraaktafel \(spoor 2\)" "standaardroute uit de instellingen"
check "de schoolnaam staat in de casus" grep -q 'De Kraaienhorst' "$T/f.json"

printf '[school]\nemail = geen-adres\n' >"$HOME/.config/dossier/dossier.ini"
run "$DOSSIER" nieuw "$T/g.json"
expect_code 3 "ongeldige waarde in de instellingen: code 3"
expect_err "\[school\] email = geen-adres: Dit is geen e-mailadres" "ongeldig e-mailadres in de instellingen wordt genoemd"

printf '[school]\nnaam = x\ndit is fout\n' >"$HOME/.config/dossier/dossier.ini"
run "$DOSSIER" nieuw "$T/h.json"
expect_code 3 "kapotte instellingen: code 3"
expect_err "dossier.ini:3: onbegrijpelijke regel" "kapotte instellingen met bestand en regel"

run "$DOSSIER" --config "$T/bestaatniet.ini" nieuw "$T/i.json"
expect_code 3 "--config naar een ontbrekend bestand: code 3"
expect_err "bestaatniet.ini" "ontbrekend instellingenbestand wordt genoemd"
finish
