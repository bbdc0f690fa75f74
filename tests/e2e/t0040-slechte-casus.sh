#!/usr/bin/env bash
# Broken case files give a clear Dutch error naming the file (and the key
# where possible), a documented exit code, and no crash.
. "$(dirname "$0")/../lib.sh"

META='"dossier":{"formaat":1,"kenmerk":"X-1","regio":"den-haag","route":"adviestafel"}'

printf '{%s, "casus": {"leerling": {"voornaam": "Zoë",}}}' "$META" >"$T/komma.json"
run "$DOSSIER" toon "$T/komma.json"
expect_code 3 "kapotte JSON: code 3"
expect_err "komma.json: regel 1, kolom [0-9]+: dit is geen geldige JSON" "kapotte JSON met bestand, regel en kolom"

printf '{%s, "casus": {"leerling": {"voornaam": "Zo\xeb"}}}' "$META" >"$T/latin1.json"
run "$DOSSIER" toon "$T/latin1.json"
expect_code 3 "ongeldige UTF-8: code 3"
expect_err "latin1.json: regel 1, kolom [0-9]+: ongeldige UTF-8-tekens" "ongeldige UTF-8 met positie"

printf '{%s, "casus": {"leerling": {"geboortedatum": 20170314, "voornaam": ["Zoë"]}}}' "$META" >"$T/type.json"
run "$DOSSIER" toon "$T/type.json"
expect_code 1 "verkeerd type: code 1"
expect_err "casus.leerling.geboortedatum\): verwacht een datum, maar vond getal" "verkeerd type noemt het veld"
expect_err "casus.leerling.voornaam\): verwacht tekst, maar vond lijst" "tweede verkeerde type ook genoemd"
run "$DOSSIER" controleer "$T/type.json"
expect_code 1 "controleer met verkeerd type: code 1"
expect_out "verwacht een datum" "controleer meldt het verkeerde type"
run "$DOSSIER" maak "$T/type.json" -o "$T/type.pdf"
expect_code 1 "maak met verkeerd type: code 1"
check "maak schrijft geen PDF bij ongeldige gegevens" test ! -e "$T/type.pdf"

{ printf '{%s, "voorblad": {"samenvatting": "' "$META"; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"}}'; } >"$T/groot.json"
run "$DOSSIER" toon "$T/groot.json"
expect_code 1 "veld van 10 MB: code 1"
expect_err "voorblad.samenvatting\): is te lang \(10485760 tekens; hoogstens 100000\)" "te lang veld met naam en maat"
run "$DOSSIER" controleer "$T/groot.json" --json
expect_code 1 "controleer met een veld van 10 MB: code 1"

{ printf '{%s, "x": "' "$META"; head -c 17000000 /dev/zero | tr '\0' 'a'; printf '"}'; } >"$T/enorm.json"
run "$DOSSIER" toon "$T/enorm.json"
expect_code 3 "casusbestand boven 16 MB: code 3"
expect_err "enorm.json is te groot" "te groot bestand wordt gemeld"

run "$DOSSIER" toon "$T/bestaatniet.json"
expect_code 3 "ontbrekend bestand: code 3"
expect_err "bestaatniet.json kan niet worden geopend: bestand of map bestaat niet" "ontbrekend bestand in het Nederlands"

run "$DOSSIER" toon "$T"
expect_code 3 "een map in plaats van een bestand: code 3"
expect_err "is geen gewoon bestand" "map wordt herkend"

printf '[1,2,3]' >"$T/lijst.json"
run "$DOSSIER" toon "$T/lijst.json"
expect_code 1 "JSON die geen casus is: code 1"
expect_err "is geen casusbestand" "geen casusbestand wordt gemeld"

printf '{"dossier":{"formaat":1},"casus":{"leerling":{"voornaam":"a\\u0000b"}}}' >"$T/nul.json"
run "$DOSSIER" toon "$T/nul.json"
expect_code 3 "NUL-teken in JSON: code 3"
expect_err "NUL-teken" "NUL-teken wordt gemeld"

{ printf '{"dossier":{"formaat":1},"x":'; head -c 10000 /dev/zero | tr '\0' '['; } >"$T/diep.json"
run "$DOSSIER" toon "$T/diep.json"
expect_code 3 "10.000 keer genest: code 3"
expect_err "te diep genest" "diepe nesting wordt gemeld"

printf '{%s, "offerte": {"regels": [{"omschrijving": "x", "categorie": "onderwijs", "betaler": "swv", "aantal": 1e400, "tarief": -5}]}}' "$META" >"$T/getal.json"
run "$DOSSIER" toon "$T/getal.json"
expect_code 1 "getallen buiten bereik: code 1"
expect_err "offerte.regels\[1\].tarief\): -5 is geen geldig bedrag" "negatief bedrag wordt genoemd"

printf '{%s, "casus": {"verzuim": {"startdatum": "2025-02-31"}}}' "$META" >"$T/datum.json"
run "$DOSSIER" toon "$T/datum.json"
expect_code 1 "31-02-2025: code 1"
expect_err "'2025-02-31' is geen bestaande datum" "niet-bestaande datum wordt genoemd"

printf '{"dossier":{"formaat":1,"kenmerk":"X","route":"nergens"}}' >"$T/route.json"
run "$DOSSIER" controleer "$T/route.json"
expect_code 1 "onbekende route in de casus: code 1"
expect_err "onbekende route 'nergens'" "onbekende route wordt genoemd"

# unknown keys (a newer version, another system) survive a change
printf '{"dossier":{"formaat":3,"kenmerk":"X","regio":"den-haag","route":"adviestafel","nieuw":1},"casus":{"extra":{"a":[1,2]}},"toekomst":"blijft"}' >"$T/nieuwer.json"
run "$DOSSIER" zet "$T/nieuwer.json" casus.leerling.voornaam=Zoë
expect_code 0 "zet op een bestand van een nieuwere versie"
check "onbekende velden blijven bewaard" grep -q '"toekomst": "blijft"' "$T/nieuwer.json"
check "onbekende geneste velden blijven bewaard" grep -q '"extra"' "$T/nieuwer.json"
run "$DOSSIER" toon "$T/nieuwer.json"
expect_out "nieuwere versie" "toon meldt de nieuwere versie"
finish
