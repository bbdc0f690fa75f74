#!/usr/bin/env bash
# dossier web in a real browser (headless chromium, tests/web/web.test.js):
# the whole Adviestafel route from an empty case, uploads, live findings,
# the PDF, two tabs, axe-core on every kind of page.
. "$(dirname "$0")/../lib.sh"

cd "$T"
mkdir -p src map
make_pdf src/opp.pdf 3 "OPP"
make_pdf src/verzuim.pdf 1 "Verzuimregistratie"
cp "$SAMPLES/bijlagen/toestemming-ilayda-scan.jpg" src/scan.jpg
"$DOSSIER" nieuw map/twee.json --kenmerk TWEE >/dev/null

# a server left behind by a failing browser stops by itself
"$DOSSIER" web map --geen-browser --stop-na 120s >web.out 2>web.err &
pid=$!
for _ in $(seq 200); do grep -q 'http://' web.out 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?sleutel=[0-9a-f]*' web.out || true)
check "de server meldt zijn adres" test -n "$url"

brc=0
NAME=$NAME node "$ROOT/tests/web/web.test.js" "$url" "$T" >browser.out 2>&1 || brc=$?
cat browser.out
grep -q '^FAIL' browser.out || [ $brc -eq 0 ] || fail "de browsertest stopte met code $brc" "$(tail -5 browser.out)"

# the server stopped on "Afsluiten", cleanly
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then fail "de server stopt na 'Afsluiten'"; kill $pid; else pass "de server stopt na 'Afsluiten'"; fi
RC=0
wait $pid || RC=$?
cp web.err "$ERR"
: >"$OUT"
expect_code 0 "de server eindigt met code 0"
check "de server schreef niets naar stderr" test ! -s web.err
if grep -qE 'Zoë|Ünal|Kraaienhorst|zoe\.json|opp\.pdf' web.out; then fail "niets persoonlijks in de uitvoer van de server" "$(cat web.out)"; else pass "niets persoonlijks in de uitvoer van de server"; fi

# the PDF made through the browser holds the case
pdftotext -layout dossier.pdf dossier.txt 2>/dev/null
check "de PDF is te lezen" test -s dossier.txt
check "de PDF noemt de leerling" grep -q 'Zoë' dossier.txt
check "de PDF bevat de hoofdvraag" grep -q 'Welke partij neemt de regie' dossier.txt
check "de PDF bevat de geüploade OPP" grep -q 'OPP - blad 3' dossier.txt
pdftotext anoniem.pdf anoniem.txt 2>/dev/null
if grep -q 'Ünal-de Jonge' anoniem.txt; then fail "de geanonimiseerde kopie noemt de ouders niet bij naam"; else pass "de geanonimiseerde kopie noemt de ouders niet bij naam"; fi
check "het casusbestand blijft privé (0600)" test "$(stat -c %a map/zoe.json)" = 600
check "het controleren van de casus geeft 'volledig'" "$DOSSIER" controleer map/zoe.json
finish
