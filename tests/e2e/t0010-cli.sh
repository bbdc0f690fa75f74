#!/usr/bin/env bash
# The command line: help in Dutch for every command, version, exit codes.
. "$(dirname "$0")/../lib.sh"

run "$DOSSIER" --help
expect_code 0 "--help slaagt"
expect_out "Opdrachten:" "--help toont de opdrachten"
expect_out "Afsluitcodes: 0 gelukt" "--help noemt de afsluitcodes"

for cmd in nieuw formulieren toon zet controleer tijdlijn maak; do
	run "$DOSSIER" "$cmd" --help
	expect_code 0 "$cmd --help slaagt"
	expect_out "^Gebruik: dossier $cmd" "$cmd --help begint met 'Gebruik'"
	expect_out "Opties:" "$cmd --help noemt de opties"
done

run "$DOSSIER" help maak
expect_code 0 "'dossier help maak' werkt als 'maak --help'"
expect_out "^Gebruik: dossier maak" "'help maak' toont de hulp van maak"

run "$DOSSIER" --versie
expect_code 0 "--versie slaagt"
expect_out "^dossier [0-9]+\.[0-9]+" "--versie toont een versienummer"

run "$DOSSIER" toverij
expect_code 2 "onbekende opdracht geeft code 2"
expect_err "'toverij' is geen opdracht" "onbekende opdracht wordt in het Nederlands gemeld"

run "$DOSSIER" toon --kleur
expect_code 2 "onbekende optie geeft code 2"
expect_err "onbekende optie '--kleur'" "onbekende optie wordt genoemd"

run "$DOSSIER" maak
expect_code 2 "maak zonder casus geeft code 2"
expect_err "geef precies één casusbestand" "maak zonder casus legt uit wat ontbreekt"

run "$DOSSIER"
expect_code 2 "zonder opdracht: code 2"
expect_err "Gebruik: dossier" "zonder opdracht: de hulp op stderr"

run "$DOSSIER" --data /bestaat/niet formulieren
expect_code 3 "--data naar een map zonder formulieren: code 3"
expect_err "bevat geen formulieren" "--data naar een verkeerde map wordt uitgelegd"

# stdout to a full disk is an error, not a silently cut-off output
if [ -w /dev/full ]; then
	set +e
	"$DOSSIER" formulieren >/dev/full 2>"$ERR"
	RC=$?
	set -e
	expect_code 3 "uitvoer naar een volle schijf geeft code 3"
	expect_err "uitvoer kon niet worden geschreven" "volle schijf bij uitvoer wordt gemeld"
fi
finish
