#!/usr/bin/env bash
# dossier zet: fields from the command line or a file, checked like the
# guided form, all or nothing.
. "$(dirname "$0")/../lib.sh"

C="$T/c.json"
"$DOSSIER" nieuw "$C" --kenmerk Z-1 >/dev/null

run "$DOSSIER" zet "$C" casus.leerling.voornaam=Zoë casus.leerling.geboortedatum=14-3-2017 \
	'casus.ouders[1].naam=Eline Ünal-de Jonge' casus.ouders[1].relatie=1 casus.ouders[1].gezag=j \
	'offerte.regels[1].tarief=€ 1.234,56' offerte.regels[1].aantal=2,5 toestemming.ontvangers=1,2
expect_code 0 "zet met geldige waarden"
expect_out "8 velden opgeslagen" "zet telt de velden"
check "datum opgeslagen als jjjj-mm-dd" grep -q '"geboortedatum": "2017-03-14"' "$C"
check "keuze op nummer opgeslagen als sleutel" grep -q '"relatie": "moeder"' "$C"
check "ja opgeslagen als true" grep -q '"gezag": true' "$C"
check "bedrag opgeslagen in centen" grep -q '"tarief": 123456' "$C"
check "getal met komma" grep -q '"aantal": 2.5' "$C"

cp "$C" "$T/voor.json"
run "$DOSSIER" zet "$C" casus.leerling.achternaam=Ünal casus.leerling.geboortedatum=31-02-2017
expect_code 1 "ongeldige datum: code 1"
expect_err "niets opgeslagen: Geboortedatum \(casus.leerling.geboortedatum\): 31 februari 2017 bestaat niet" "ongeldige datum met veld en reden"
check "niets opgeslagen bij één fout" cmp -s "$C" "$T/voor.json"

run "$DOSSIER" zet "$C" casus.leerling.bsn=123456789
expect_code 2 "onbekend veld: code 2"
expect_err "'casus.leerling' heeft geen veld 'bsn'" "onbekend veld wordt genoemd"

run "$DOSSIER" zet "$C" 'casus.ouders[3].naam=X'
expect_code 2 "regel buiten de lijst: code 2"
expect_err "nummer 3 kan niet" "regel buiten de lijst wordt uitgelegd"

run "$DOSSIER" zet "$C" casus.school.email=ib@school
expect_code 1 "ongeldig e-mailadres"
expect_err "Dit is geen e-mailadres" "e-mailfout in het Nederlands"
run "$DOSSIER" zet "$C" casus.school.telefoon=12345
expect_err "Dit is geen telefoonnummer" "telefoonfout in het Nederlands"
run "$DOSSIER" zet "$C" offerte.regels[1].tarief=12.50
expect_err "duizendtallen" "bedragfout in het Nederlands"
run "$DOSSIER" zet "$C" casus.verzuim.soort=ziek
expect_code 0 "keuze op begin van de naam"
run "$DOSSIER" zet "$C" casus.verzuim.soort=12
expect_err "Nummer 12 staat niet in de lijst" "keuze buiten de lijst"
run "$DOSSIER" zet "$C" casus.verzuim.startdatum=01-01-2030
expect_err "ligt in de toekomst" "datum in de toekomst geweigerd"
run "$DOSSIER" zet "$C" casus.leerling
expect_code 2 "zonder = : code 2"
run "$DOSSIER" zet "$C" casus=x
expect_code 2 "een heel formulier zetten: code 2"
expect_err "een heel formulier" "heel formulier wordt uitgelegd"
run "$DOSSIER" zet "$C" dossier.route=doorbraak-spoor1
expect_code 0 "route wijzigen"
run "$DOSSIER" zet "$C" dossier.route=spoor3
expect_code 1 "onbekende route"

run "$DOSSIER" zet "$C" casus.leerling.voornaam=
expect_code 0 "leeg wist een waarde"
check "gewiste waarde is weg" sh -c "! grep -q '\"voornaam\"' '$C'"
run "$DOSSIER" zet "$C" --wis 'casus.ouders[1]'
expect_code 0 "--wis verwijdert een regel"
check "gewiste regel is weg" sh -c "! grep -q 'Eline' '$C'"

cat >"$T/antwoorden.json" <<'JSON'
{
  "casus.leerling.voornaam": "İlayda",
  "casus.leerling.geboortedatum": "02-02-2013",
  "casus.ouders[1].naam": "Ayşe Şahin",
  "casus.ouders[1].gezag": true,
  "casus.verzuim.uren_totaal": 42,
  "offerte.regels[1].tarief": 4875
}
JSON
run "$DOSSIER" zet "$C" --uit-bestand "$T/antwoorden.json"
expect_code 0 "antwoorden uit een bestand"
check "tekst uit het bestand" grep -q 'İlayda' "$C"
check "ja/nee uit het bestand" grep -q '"gezag": true' "$C"
check "bedrag in centen uit het bestand" grep -q '"tarief": 4875' "$C"

printf '{"casus.leerling.geboortedatum": 12}' >"$T/fout.json"
run "$DOSSIER" zet "$C" --uit-bestand "$T/fout.json"
expect_code 1 "verkeerd type in een antwoordenbestand"
expect_err "fout.json: .*verwacht een datum" "verkeerd type in een antwoordenbestand wordt genoemd"
finish
