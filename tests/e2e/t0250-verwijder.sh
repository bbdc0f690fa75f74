#!/usr/bin/env bash
# dossier verwijder: a case, its PDFs and (on request) its attachments go
# when the retention period is over; never without confirmation.
. "$(dirname "$0")/../lib.sh"

PTY="$TOOLS/ptyrun"
c=$(sample doorbraak-spoor1)
d=$(dirname "$c")
"$DOSSIER" maak "$c" -q
"$DOSSIER" maak "$c" --anoniem -q
: >"$d/.doorbraak-spoor1.json.tmp-99999-abc"
: >"$d/.doorbraak-spoor1.json.tekst-Ab12Cd"   # a text for $EDITOR left by a killed invullen

run "$DOSSIER" verwijder "$c" </dev/null
expect_code 2 "zonder terminal en zonder --ja: code 2"
expect_err "er is niets verwijderd: zonder terminal is --ja nodig" "weigering wordt uitgelegd"
expect_out "doorbraak-spoor1-anoniem.pdf" "de lijst noemt de anonieme kopie"
check "zonder bevestiging blijft alles staan" test -f "$c" -a -f "$d/doorbraak-spoor1.pdf"

# on a terminal: the wrong reference deletes nothing, the right one deletes
cat >"$T/fout.pty" <<'PTY'
expect om te verwijderen
send DH-2026-0000
expect Er is niets verwijderd
exit 0
PTY
run "$PTY" "$T/fout.pty" -- "$DOSSIER" verwijder "$c"
expect_code 0 "verkeerd kenmerk getypt: code 0"
check "verkeerd kenmerk: niets verwijderd" test -f "$c" -a -f "$d/doorbraak-spoor1.pdf"

cat >"$T/goed.pty" <<'PTY'
expect om te verwijderen
send DH-2026-7QK3
expect 5 bestanden verwijderd
exit 0
PTY
run "$PTY" "$T/goed.pty" -- "$DOSSIER" verwijder "$c"
expect_code 0 "juiste kenmerk getypt: verwijderd"
check "casusbestand is weg" test ! -e "$c"
check "PDF en anonieme kopie zijn weg" test ! -e "$d/doorbraak-spoor1.pdf" -a ! -e "$d/doorbraak-spoor1-anoniem.pdf"
check "achtergebleven tijdelijk bestand is weg" test ! -e "$d/.doorbraak-spoor1.json.tmp-99999-abc"
check "achtergebleven editortekst is weg" test ! -e "$d/.doorbraak-spoor1.json.tekst-Ab12Cd"
check "zonder --met-bijlagen blijven de bijlagen staan" test -f "$d/bijlagen/opp-ilayda-sahin.pdf"
check "de andere casussen blijven staan" test -f "$d/adviestafel.json" -a -f "$d/doorbraak-spoor2.json"

# --met-bijlagen: every file field of the case (from the form definitions), nothing of other cases
run "$DOSSIER" verwijder "$d/adviestafel.json" --met-bijlagen --ja
expect_code 0 "--met-bijlagen --ja"
for f in opp-zoe-unal.pdf verzuim-zoe-unal.pdf; do
	check "bijlage $f van de casus is weg" test ! -e "$d/bijlagen/$f"
done
check "bijlagen van een andere casus blijven staan" test -f "$d/bijlagen/opp-daan-wojcik.pdf" -a -f "$d/bijlagen/opp-ilayda-sahin.pdf"

# a broken case file can still be deleted, but then its attachments are unknown
printf '{"dossier": {' >"$T/kapot.json"
run "$DOSSIER" verwijder "$T/kapot.json" --met-bijlagen --ja
expect_code 3 "kapotte casus met --met-bijlagen: code 3"
expect_err "de bijlagen zijn daardoor niet bekend" "uitleg bij een kapotte casus"
check "kapotte casus blijft dan staan" test -f "$T/kapot.json"
run "$DOSSIER" verwijder "$T/kapot.json" --ja
expect_code 0 "kapotte casus zonder --met-bijlagen wordt verwijderd"
check "kapotte casus is weg" test ! -e "$T/kapot.json"

run "$DOSSIER" verwijder "$T" --ja
expect_code 3 "een map: code 3"
expect_err "is geen gewoon bestand" "een map wordt niet verwijderd"
run "$DOSSIER" verwijder "$T/bestaatniet.json" --ja
expect_code 3 "ontbrekend bestand: code 3"
expect_err "bestaatniet.json kan niet worden verwijderd: bestand of map bestaat niet" "ontbrekend bestand in het Nederlands"
finish
