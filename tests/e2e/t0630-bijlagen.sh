#!/usr/bin/env bash
# Attachments (issue 12, items 1, 7, 9, 10, 12): merged pages carry no
# active content; the footer cannot be hidden by the attachment; zet,
# controleer and maak give one verdict with one reason; the pixel budget
# is checked before decoding; merging is linear in pages. The hostile
# files are made here by tests/tools/mkhostile.
. "$(dirname "$0")/../lib.sh"
MK="$TOOLS/mkhostile"
INK="$TOOLS/inkcheck"
cd "$T"
cp -R "$SAMPLES"/. .
cp adviestafel.json schoon.json
OPP=bijlagen/opp-zoe-unal.pdf
page_with() { # PDF TEXT: the number of the first page showing TEXT
	local n p
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	for p in $(seq 1 "$n"); do
		pdftotext -f $p -l $p "$1" - 2>/dev/null | grep -q "$2" && { echo $p; return; }
	done
	echo 0
}

# --- 1. active content is removed from merged pages
"$MK" pdf-actief $OPP
check "de bijlage zelf heeft een script en een ingebed .exe" sh -c "pdfinfo -js $OPP | grep -q alert && pdfdetach -list $OPP | grep -q factuur.exe"
run "$DOSSIER" maak adviestafel.json -o actief.pdf
expect_code 0 "maak met een bijlage vol acties"
check "geen JavaScript in het dossier" sh -c "! pdfinfo -js actief.pdf | grep -q alert"
check "geen ingebedde bestanden in het dossier" sh -c "pdfdetach -list actief.pdf | grep -q '^0 embedded files'"
qpdf --qdf --object-streams=disable actief.pdf qdf.pdf
check "geen Launch-, URI- of JavaScript-actie, formulierveld of bestandsbijlage" \
	sh -c "! grep -a -q -e '/Launch' -e '/URI' -e '/JavaScript' -e '/Widget' -e '/FileAttachment' -e '/EmbeddedFile' -e '/AcroForm' qdf.pdf"
check "de inhoud van de bijlagepagina blijft" test "$(page_with actief.pdf 'Bijlage met actieve inhoud')" != 0
check "en ook de link naar de eigen pagina (een /Dest)" sh -c "grep -a -c '/Dest \[' qdf.pdf | grep -qv '^0$'"

# --- the footer is drawn in a stream of its own
"$MK" pdf-onbalans $OPP
run "$DOSSIER" maak adviestafel.json -o onbalans.pdf
expect_code 0 "maak met een bijlage die haar grafische toestand openlaat"
page=$(page_with onbalans.pdf 'Bijlage die haar toestand openlaat')
ink=$(pdftoppm -gray -r 72 -f $page -l $page -singlefile -x 30 -y 815 -W 400 -H 27 onbalans.pdf 2>/dev/null | "$INK")
check "de voettekst staat zichtbaar onderaan de bijlagepagina (inkt $ink%)" awk "BEGIN { exit !($ink > 0.5) }"
check "de voettekst is tekst op de pagina" sh -c "pdftotext -f $page -l $page onbalans.pdf - | grep -q 'Kenmerk DH-2026-4KX7 · bijlage 1, blad 1 van 1'"

# --- one verdict for zet, controleer and maak
verdict() { # NAME FILE REGEX: zet, controleer and maak all refuse FILE with REGEX
	cp schoon.json v.json
	cp "$2" bijlagen/v.bin
	"$DOSSIER" zet v.json bijlagen[1].bestand=bijlagen/opp-zoe-unal.pdf >/dev/null 2>&1
	cp "$2" $OPP
	run "$DOSSIER" zet v.json bijlagen[1].bestand=bijlagen/v.bin
	expect_code 1 "$1: zet weigert"
	expect_err "$3" "$1: zet noemt de reden"
	run "$DOSSIER" controleer --json v.json
	expect_code 1 "$1: controleer weigert"
	expect_out "opp-zoe-unal.pdf $3" "$1: controleer noemt bestand en reden"
	run "$DOSSIER" maak v.json -o v.pdf
	expect_code 1 "$1: maak weigert"
	expect_err "opp-zoe-unal.pdf $3" "$1: maak noemt bestand en reden"
	cp "$SAMPLES/$OPP" $OPP
}
"$MK" pdf-lus lus.pdf
verdict "paginaboom met een lus" lus.pdf "is onbruikbaar: de pagina's kunnen niet worden gelezen"
"$MK" png-interlaced interlaced.png
verdict "interlaced PNG" interlaced.png "is een interlaced PNG, die niet in de PDF kan"
"$MK" jpeg-verliesvrij verliesvrij.jpg
verdict "verliesvrije JPEG" verliesvrij.jpg "is een verliesvrije JPEG, die PDF-lezers niet kunnen tonen"
"$MK" jpeg-12bits 12bits.jpg
verdict "12-bits JPEG" 12bits.jpg "is een JPEG met meer dan 8 bits per kleur"
qpdf --encrypt '' eigenaar 256 -- "$SAMPLES/$OPP" wachtwoord.pdf
qpdf --encrypt gebruiker eigenaar 256 -- "$SAMPLES/$OPP" slot.pdf
verdict "PDF die een wachtwoord vraagt" slot.pdf "is beveiligd met een wachtwoord"

# an owner password alone: accepted by all three, and merged
cp schoon.json w.json
cp wachtwoord.pdf $OPP
run "$DOSSIER" controleer w.json
expect_code 0 "PDF met alleen een eigenaarswachtwoord: controleer accepteert"
run "$DOSSIER" zet w.json bijlagen[1].bestand=$OPP
expect_code 0 "PDF met alleen een eigenaarswachtwoord: zet accepteert"
run "$DOSSIER" maak w.json -o w.pdf
expect_code 0 "PDF met alleen een eigenaarswachtwoord: maak neemt haar op"
check "en haar pagina's staan erin" sh -c "pdftotext w.pdf - | grep -q 'Ontwikkelingsperspectiefplan'"
cp "$SAMPLES/$OPP" $OPP

# --- 7. the pixel budget, before decoding
"$MK" png-groot groot.png 20000 20000
cp doorbraak-spoor1.json p.json
cp groot.png bijlagen/toestemming-ilayda-scan.jpg
start=$(date +%s%N)
run "$DOSSIER" controleer --json p.json
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_code 1 "PNG van 20000 x 20000: controleer weigert"
expect_out "heeft te veel beeldpunten \(meer dan 50 megapixel\)" "controleer noemt het pixelbudget"
check "zonder het beeld te decoderen (${ms} ms, hoogstens 3000)" test $ms -lt 3000
start=$(date +%s%N)
run "$DOSSIER" maak p.json -o p.pdf
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_code 1 "PNG van 20000 x 20000: maak weigert"
expect_err "toestemming-ilayda-scan.jpg heeft te veel beeldpunten" "maak noemt bestand en reden"
check "maak weigert snel (${ms} ms, hoogstens 3000)" test $ms -lt 3000

# --- a phone photo: shrunk to print size and turned upright (EXIF orientation 6)
"$MK" jpeg-foto foto.jpg 4000 3000 6
cp doorbraak-spoor1.json f.json
cp foto.jpg bijlagen/toestemming-ilayda-scan.jpg
run "$DOSSIER" maak f.json -o foto.pdf
expect_code 0 "maak met een telefoonfoto van 12 megapixel als scan"
set -- $(pdfimages -list foto.pdf 2>/dev/null | awk 'NR > 2 && $4 * $5 > 1000000 { print $4, $5, $15; exit }')
check "de foto staat rechtop (EXIF-oriëntatie 6: ${1:-?} x ${2:-?})" test "${1:-0}" -lt "${2:-0}"
check "en is verkleind tot drukformaat (lange zijde ${2:-?} <= 2339)" test "${2:-99999}" -le 2339
check "het dossier blijft klein ($(( $(stat -c %s foto.pdf) / 1024 )) kB <= 1500 kB; de foto zelf: $(( $(stat -c %s foto.jpg) / 1024 )) kB)" \
	test "$(stat -c %s foto.pdf)" -le 1536000

# --- 12. merging is linear in pages
"$MK" pdf-pagina veel.pdf 2000
cp veel.pdf $OPP
start=$(date +%s%N)
run "$DOSSIER" maak adviestafel.json -o veel-uit.pdf
t2k=$(( ($(date +%s%N) - start) / 1000000 ))
expect_code 0 "maak met een bijlage van 2000 pagina's"
"$MK" pdf-pagina veel.pdf 4000
cp veel.pdf $OPP
start=$(date +%s%N)
run "$DOSSIER" maak adviestafel.json -o veel-uit.pdf
t4k=$(( ($(date +%s%N) - start) / 1000000 ))
expect_code 0 "maak met een bijlage van 4000 pagina's"
check "twee keer zoveel pagina's kost hoogstens 2,6 keer zoveel tijd (${t2k} ms, ${t4k} ms)" \
	awk "BEGIN { exit !($t4k <= 2.6 * $t2k + 300) }"
check "alle pagina's staan erin (14 + 4000 + 1)" test "$(pdfinfo veel-uit.pdf | awk '/^Pages:/ { print $2 }')" = 4015
finish
