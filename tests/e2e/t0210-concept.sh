#!/usr/bin/env bash
# An incomplete dossier is refused, or made as a concept marked on every
# page; the output file is replaced only when everything worked.
. "$(dirname "$0")/../lib.sh"

c=$(sample doorbraak-spoor1)
"$DOSSIER" zet "$c" --wis oplegger >/dev/null
printf 'oude inhoud\n' >"$T/uit.pdf"
run "$DOSSIER" maak "$c" -o "$T/uit.pdf"
expect_code 1 "onvolledig dossier wordt geweigerd"
expect_err "het dossier is niet volledig voor de Doorbraaktafel \(1 punt\): Het formulier 'Oplegger Doorbraaktafel' ontbreekt. Zie 'dossier controleer" "weigering noemt wat ontbreekt en legt uit wat te doen"
expect_err "--concept" "weigering noemt --concept"
check "een bestaande PDF blijft staan bij een weigering" grep -q 'oude inhoud' "$T/uit.pdf"

run "$DOSSIER" maak "$c" -o "$T/uit.pdf" --concept
expect_code 0 "--concept maakt toch een PDF"
expect_out "CONCEPT" "maak meldt dat het een concept is"
n=$(pdfinfo "$T/uit.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
missing=""
p=1
while [ $p -le "$n" ]; do
	pdftotext -q -f $p -l $p "$T/uit.pdf" - | grep -q 'CONCEPT – onvolledig' || missing="$missing $p"
	p=$((p + 1))
done
if [ -z "$missing" ]; then pass "CONCEPT – onvolledig op alle $n pagina's, ook die van de bijlagen"; else fail "CONCEPT ontbreekt op pagina's:$missing"; fi
check "concept: qpdf --check" qpdf --check "$T/uit.pdf"
check "concept: de checklist noemt wat ontbreekt" sh -c "pdftotext -q '$T/uit.pdf' - | grep -q \"Het formulier 'Oplegger Doorbraaktafel' ontbreekt\""

# a failed write keeps the old PDF and leaves no temporary file
cp "$T/uit.pdf" "$T/voor.pdf"
c2=$(sample adviestafel)
for step in write fsync rename; do
	set +e
	DOSSIER_TEST_FAULT=$step "$DOSSIER" maak "$c2" -o "$T/uit.pdf" >"$OUT" 2>"$ERR"
	RC=$?
	set -e
	expect_code 3 "maak met mislukte stap '$step': code 3"
	check "mislukte stap '$step': de oude PDF is heel" cmp -s "$T/uit.pdf" "$T/voor.pdf"
	check "mislukte stap '$step': geen tijdelijk bestand" sh -c "! ls -a '$T' | grep -q '^\.uit\.pdf\.tmp'"
done

mkdir "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
	run "$DOSSIER" maak "$c2" -o "$T/ro/x.pdf"
	expect_code 3 "uitvoer in een alleen-lezen map: code 3"
fi
run "$DOSSIER" maak "$c2" -o "$T/bestaat/niet/x.pdf"
expect_code 3 "uitvoer in een map die niet bestaat: code 3"
expect_err "x.pdf kan niet worden opgeslagen" "ontbrekende map wordt gemeld"
run "$DOSSIER" maak "$c2" -o "$T"
expect_code 3 "uitvoer naar een map: code 3"

# an attachment that is not a PDF gives a clear message
c3=$(sample adviestafel)
cp "$T/s/bijlagen/bron/opp-zoe-unal.txt" "$T/s/bijlagen/opp-zoe-unal.pdf"
run "$DOSSIER" maak "$c3" -o "$T/y.pdf"
expect_code 1 "bijlage die geen PDF is: code 1"
COLUMNS=200 run "$DOSSIER" controleer "$c3"
expect_out "is geen PDF, PNG of JPEG" "controleer noemt de bijlage die geen PDF is"
run "$DOSSIER" maak "$c3" -o "$T/y.pdf" --concept
expect_code 0 "concept met een kapotte bijlage"
expect_err "let op: bijlage 'OPP Zoë Ünal, schooljaar 2026-2027': .* geen PDF, PNG of JPEG; sla het document op als PDF; niet opgenomen" "de kapotte bijlage wordt in een concept weggelaten, met melding"
printf '%%PDF-1.4\n kapot %%%%EOF\n' >"$T/s/bijlagen/opp-zoe-unal.pdf"
run "$DOSSIER" maak "$c3" -o "$T/y.pdf" --concept
expect_code 0 "concept met een PDF die qpdf niet kan lezen"
expect_err "is geen leesbare PDF" "een onleesbare PDF wordt genoemd"
finish
