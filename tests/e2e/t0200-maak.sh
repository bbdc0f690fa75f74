#!/usr/bin/env bash
# dossier maak: the three samples become printable PDFs that real readers
# accept, with the right pages, text, bookmarks and metadata.
. "$(dirname "$0")/../lib.sh"

INK="$TOOLS/inkcheck"
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
text() { pdftotext -q "$@" - 2>/dev/null; }

for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	pdf="$T/$s.pdf"
	run "$DOSSIER" maak "$SAMPLES/$s.json" -o "$pdf"
	expect_code 0 "$s: maak slaagt"
	check "$s: PDF is privé (0600)" test "$(stat -c %a "$pdf")" = 600
	check "$s: qpdf --check vindt geen fouten" qpdf --check "$pdf"
	total=$(grep -oE '^  [0-9]+ pagina' "$OUT" | grep -oE '[0-9]+')
	check "$s: pdfinfo telt dezelfde pagina's als maak meldt ($total)" test "$(pages "$pdf")" = "$total"
	inserted=$(grep -oE '[0-9]+ uit PDF-bijlagen' "$OUT" | grep -oE '^[0-9]+')
	want=0
	for f in $(grep -oE '"bestand": "[^"]*\.pdf"' "$SAMPLES/$s.json" | sed 's/.*: "//; s/"$//'); do
		# only attachments the parents agreed to share are merged
		if grep -A3 "\"$f\"" "$SAMPLES/$s.json" | grep -q '"gedeeld": true'; then
			want=$((want + $(pages "$SAMPLES/$f")))
		fi
	done
	check "$s: alle pagina's van de gedeelde PDF-bijlagen zitten erin ($want)" test "$inserted" = "$want"
	info=$(pdfinfo "$pdf" 2>/dev/null)
	kenmerk=$(grep -o '"kenmerk": "[^"]*"' "$SAMPLES/$s.json" | sed 's/.*: "//; s/"$//')
	check "$s: titel in de metadata" sh -c "echo '$info' | grep -q '^Title: *Dossier schoolverzuim $kenmerk'"
	check "$s: onderwerp (route) in de metadata" sh -c "echo '$info' | grep -q '^Subject: *.*tafel'"
	check "$s: maker in de metadata" sh -c "echo '$info' | grep -q '^Creator: *dossier [0-9]'"
	outline=$(mutool show "$pdf" outline 2>/dev/null)
	for b in Voorblad Inhoud Toestemming "Volledigheid voor de" Tijdlijn; do
		check "$s: bladwijzer '$b'" sh -c "echo \"\$0\" | grep -q '\"$b'" "$outline"
	done
	n=$(grep -c '"soort": ' "$SAMPLES/$s.json" || true)
	nb=$(echo "$outline" | grep -c '"Bijlage [0-9]*:' || true)
	shared=$(grep -c '"gedeeld": true' "$SAMPLES/$s.json" || true)
	check "$s: een bladwijzer per gedeelde bijlage ($shared)" test "$nb" = "$shared"
	blank=""
	np=$(pages "$pdf")
	p=1
	while [ $p -le "$np" ]; do
		ink=$(pdftoppm -gray -r 20 -f $p -l $p "$pdf" 2>/dev/null | "$INK")
		awk -v i="$ink" 'BEGIN { exit !(i > 0.2) }' || blank="$blank $p"
		p=$((p + 1))
	done
	if [ -z "$blank" ]; then pass "$s: geen lege pagina's (pdftoppm)"; else fail "$s: lege pagina's:$blank"; fi
	check "$s: 'pagina 1 van $np' op de eerste pagina" sh -c "pdftotext -q -f 1 -l 1 '$pdf' - | grep -q 'pagina 1 van $np'"
done

# text comes out exactly: diacritics and money
a=$(text "$T/adviestafel.pdf")
s1=$(text "$T/doorbraak-spoor1.pdf")
s2=$(text "$T/doorbraak-spoor2.pdf")
for w in "Zoë Ünal" "Eline Ünal-de Jonge" "Anouk Brouwer-Çelik" "MDO-verslag 2 – donderdag 15 oktober 2026" "Hoofdvraag aan de Adviestafel"; do
	check "adviestafel: tekst '$w'" sh -c "echo \"\$0\" | grep -qF '$w'" "$a"
done
for w in "İlayda Şahin" "Ayşe Şahin" "€ 19.893,56" "€ 10.040,08" "€ 29.933,64" "€ 1.234,56" "Subtotaal Onderwijs" "Subtotaal Jeugdhulp" "dr. Esra Yılmaz" "Gevraagd besluit" "Brief kinderarts juni 2025"; do
	check "spoor 1: tekst '$w'" sh -c "echo \"\$0\" | grep -qF '$w'" "$s1"
done
for w in "Łukasz Wójcik" "Marta Wójcik-Kowalska" "€ 7.926,00" "€ 8.128,00" "€ 16.054,00"; do
	check "spoor 2: tekst '$w'" sh -c "echo \"\$0\" | grep -qF '$w'" "$s2"
done
check "spoor 1: het niet gedeelde medische verslag staat er niet in" sh -c "! echo \"\$0\" | grep -q 'polikliniek kindergeneeskunde'" "$s1"
check "spoor 1: het OPP staat er pagina voor pagina in" sh -c "echo \"\$0\" | grep -q 'Ontwikkelingsperspectiefplan (OPP) – İlayda Şahin'" "$s1"

# the same case and date give the same bytes
run "$DOSSIER" maak "$SAMPLES/doorbraak-spoor1.json" -o "$T/again.pdf"
check "zelfde casus en datum geven dezelfde PDF" cmp -s "$T/again.pdf" "$T/doorbraak-spoor1.pdf"

# a 3-page PDF and a JPEG scan: their pages come on top of the form pages
c=$(sample doorbraak-spoor1)
"$DOSSIER" zet "$c" --wis 'bijlagen[3]' --wis 'bijlagen[2]' 'casus.verzuim.registratie[1].van=31-08-2026' \
	'casus.verzuim.registratie[1].tot=13-11-2026' casus.verzuim.registratie[1].soort=ongeoorloofd casus.verzuim.registratie[1].uren=213 >/dev/null
run "$DOSSIER" maak "$c" -o "$T/drie.pdf" --concept
expect_code 0 "casus met een PDF van 3 pagina's en een JPEG-scan"
rendered=$(grep -oE '\([0-9]+ opgemaakt' "$OUT" | grep -oE '[0-9]+')
check "totaal = opgemaakte pagina's + 3 PDF-pagina's" test "$(pages "$T/drie.pdf")" = $((rendered + 3))
scanpage=$(mutool show "$T/drie.pdf" outline | grep 'scan)' | grep -oE 'page=[0-9]+' | grep -oE '[0-9]+')
imgs=$(pdfimages -list -f "$scanpage" -l "$scanpage" "$T/drie.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image" { n++ } END { print n + 0 }')
check "de scan staat als afbeelding op een eigen pagina ($scanpage)" test "$imgs" = 1
first=$(mutool show "$T/drie.pdf" outline | grep 'Bijlage 1:' | grep -oE 'page=[0-9]+' | grep -oE '[0-9]+')
for k in 1 2 3; do
	check "OPP-pagina $k volgt op het scheidingsblad" sh -c "pdftotext -q -f $((first + k)) -l $((first + k)) '$T/drie.pdf' - | grep -q 'pagina $k'"
done

# every page of a merged attachment carries the case reference and its final page number
np=$(pages "$T/doorbraak-spoor1.pdf")
first=$(mutool show "$T/doorbraak-spoor1.pdf" outline | grep 'Bijlage 1:' | grep -oE 'page=[0-9]+' | grep -oE '[0-9]+')
n1=$(pages "$SAMPLES/bijlagen/opp-ilayda-sahin.pdf")
k=1
while [ $k -le "$n1" ]; do
	p=$((first + k))
	check "bijlage 1, blad $k: voetregel met kenmerk en pagina $p van $np" sh -c \
		"pdftotext -q -f $p -l $p '$T/doorbraak-spoor1.pdf' - | grep -qF 'Kenmerk DH-2026-7QK3 · bijlage 1, blad $k van $n1 · pagina $p van $np'"
	k=$((k + 1))
done
# a landscape attachment (page rotated 90 degrees): the footer reads upright at the foot of the shown page
c=$(sample doorbraak-spoor1)
make_pdf "$T/liggend.raw.pdf" 1 "Liggend verslag"
qpdf --rotate=+90 "$T/liggend.raw.pdf" "$(dirname "$c")/bijlagen/advies-adviestafel-ilayda.pdf"
run "$DOSSIER" maak "$c" -o "$T/liggend.pdf"
expect_code 0 "dossier met een gedraaide bijlagepagina"
last=$(pages "$T/liggend.pdf")
bbox=$(pdftotext -q -bbox -f "$last" -l "$last" "$T/liggend.pdf" - | grep -F '>Kenmerk<' | head -1)
check "gedraaide pagina: voetregel onderaan, van links naar rechts ($bbox)" awk -v b="$bbox" 'BEGIN {
	match(b, /xMin="[0-9.]+"/); x0 = substr(b, RSTART + 6, RLENGTH - 7) + 0
	match(b, /yMin="[0-9.]+"/); y0 = substr(b, RSTART + 6, RLENGTH - 7) + 0
	match(b, /xMax="[0-9.]+"/); x1 = substr(b, RSTART + 6, RLENGTH - 7) + 0
	match(b, /yMax="[0-9.]+"/); y1 = substr(b, RSTART + 6, RLENGTH - 7) + 0
	# the shown page is 842 wide and 595 high; the word is wider than high and near the bottom left
	exit !(x1 - x0 > y1 - y0 && x0 < 60 && y0 > 560)
}'

# long texts, long lists: nothing lost, in order
c=$(sample doorbraak-spoor1)
{
	printf '{\n"oplegger.geprobeerd": "'
	i=1
	while [ $i -le 5000 ]; do
		printf 'woord%d ' $i
		[ $((i % 400)) -eq 0 ] && printf '\\n\\n'
		i=$((i + 1))
	done
	printf '",\n"offerte.regels": ['
	i=1
	while [ $i -le 200 ]; do
		[ $i -gt 1 ] && printf ','
		printf '{"omschrijving": "Kostenregel %d met een omschrijving die over twee regels loopt in de tabel", "categorie": "%s", "betaler": "gemeente", "aantal": %d, "tarief": 1250}' $i "$([ $((i % 2)) -eq 0 ] && echo onderwijs || echo jeugdhulp)" $i
		i=$((i + 1))
	done
	printf '],\n"mdo[1].aanwezigen": ['
	i=1
	while [ $i -le 30 ]; do
		[ $i -gt 1 ] && printf ','
		printf '{"naam": "Deelnemer %d Ünal-Şahin", "rol": "%s", "organisatie": "Organisatie %d", "aanwezigheid": "aanwezig"}' $i "$([ $i -le 6 ] && echo ouder || echo anders)" $i
		i=$((i + 1))
	done
	printf ']\n}\n'
} >"$T/groot.json"
"$DOSSIER" zet "$c" --wis offerte.opgegeven_onderwijs --wis offerte.opgegeven_jeugdhulp --wis offerte.opgegeven_totaal >/dev/null
run "$DOSSIER" zet "$c" --uit-bestand "$T/groot.json"
expect_code 0 "5.000 woorden, 200 kostenregels en 30 deelnemers ingelezen"
run "$DOSSIER" maak "$c" -o "$T/groot.pdf" --concept
expect_code 0 "groot dossier gemaakt"
check "groot dossier: qpdf --check" qpdf --check "$T/groot.pdf"
g=$(text "$T/groot.pdf")
words=$(echo "$g" | grep -oE 'woord[0-9]+' | tr -d 'a-z' | tr '\n' ' ')
check "alle 5.000 woorden staan erin, in volgorde" test "$words" = "$(seq -s ' ' 1 5000) "
rows=$(echo "$g" | grep -oE 'Kostenregel [0-9]+ ' | grep -oE '[0-9]+' | sort -n | uniq | wc -l)
check "alle 200 kostenregels staan erin" test "$rows" = 200
att=$(echo "$g" | grep -oE 'Deelnemer [0-9]+ Ünal-Şahin' | sort -u | wc -l)
check "alle 30 deelnemers staan erin" test "$att" = 30
echo "$g" >"$T/groot.txt" # the text is longer than one command-line argument may be
check "de tabelkop herhaalt zich op elke pagina van de offerte" sh -c "test \$(grep -c '^Omschrijving\$' \"\$0\") -ge 4" "$T/groot.txt"
total=0
i=1
while [ $i -le 200 ]; do total=$((total + i * 1250)); i=$((i + 1)); done
euros=$(printf "%d" $((total / 100)) | sed ':a;s/\B[0-9]\{3\}\>/.&/;ta')
check "het totaal van 200 regels klopt (€ $euros,00)" grep -qF "€ $euros,00" "$T/groot.txt"
finish
