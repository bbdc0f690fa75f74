#!/usr/bin/env bash
# verwijder (issue 12, item 6): acts on the real file behind a link,
# deletes only regular PDF/PNG/JPEG files of the case inside its folder,
# never a PDF that is an attachment, keeps a file another case names, and
# reports exactly what it removed.
. "$(dirname "$0")/../lib.sh"
cd "$T"
mkdir -p map elders
cp -R "$SAMPLES"/. map/

# --- a case named through a link: the case behind it goes, and the link
ln -s map/doorbraak-spoor2.json link.json
run "$DOSSIER" verwijder link.json --ja
expect_code 0 "verwijder via een link"
check "de casus achter de link is weg" test ! -e map/doorbraak-spoor2.json
check "de link is weg" test ! -L link.json
expect_out "map/doorbraak-spoor2.json" "het verslag noemt het echte bestand"

# --- without --met-bijlagen: a PDF named like the case's PDF that is an attachment stays
cp map/adviestafel.json map/a.json
cp map/bijlagen/opp-zoe-unal.pdf map/a.pdf
"$DOSSIER" zet map/a.json bijlagen[1].bestand=map/a.pdf >/dev/null
run "$DOSSIER" verwijder map/a.json --ja
expect_code 0 "verwijder a.json"
check "a.pdf is een bijlage en blijft staan" test -f map/a.pdf
expect_out "a.pdf \(dat is een bijlage van de casus\)" "verwijder zegt waarom a.pdf blijft"
check "a.json is weg" test ! -e map/a.json

# --- --met-bijlagen: only the case's PDF/PNG/JPEG files inside its folder, not one another case names
cp map/adviestafel.json map/b.json
cp map/bijlagen/verzuim-zoe-unal.pdf elders/buiten.pdf
printf 'geen pdf\n' >map/notitie.txt
"$DOSSIER" zet map/b.json bijlagen[1].bestand=elders/buiten.pdf >/dev/null
edit_file() { sed -i "s#\"bestand\": \"bijlagen/verzuim-zoe-unal.pdf\"#\"bestand\": \"$2\"#" "$1"; }
edit_file map/b.json notitie.txt
grep -q '"bestand": "notitie.txt"' map/b.json || echo "FAIL: $NAME: set-up of notitie.txt"
"$DOSSIER" zet map/b.json 'bijlagen[3].soort=anders' 'bijlagen[3].titel=Gedeeld' 'bijlagen[3].bestand=map/bijlagen/opp-ilayda-sahin.pdf' 'bijlagen[3].gedeeld=ja' >/dev/null
run "$DOSSIER" verwijder map/b.json --met-bijlagen --ja
expect_code 0 "verwijder --met-bijlagen"
check "een bijlage buiten de map van de casus blijft" test -f elders/buiten.pdf
expect_out "buiten.pdf \(buiten de map van de casus\)" "met de reden"
check "een bestand dat geen PDF, PNG of JPEG is blijft" test -f map/notitie.txt
expect_out "notitie.txt \(geen PDF, PNG of JPEG\)" "met de reden"
check "een bijlage die een andere casus noemt blijft" test -f map/bijlagen/opp-ilayda-sahin.pdf
expect_out "opp-ilayda-sahin.pdf \(ook genoemd door een andere casus in de map: doorbraak-spoor1.json\)" "met de andere casus"
expect_out "^[0-9]+ bestand(en)? verwijderd:$" "verwijder meldt wat het verwijderde"
expect_out "^  map/b.json$" "het verslag noemt het casusbestand"
check "b.json is weg" test ! -e map/b.json
finish
