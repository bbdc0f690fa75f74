#!/usr/bin/env bash
# dossier verzuim: a school's absence export into the case; school weeks,
# thresholds on the real days in tijdlijn, controleer and the PDF; the
# Verzuimbeeld chart checked against the data (drawn rectangles, picture).
. "$(dirname "$0")/../lib.sh"

MK="$TOOLS/mkverzuim"
mkdir -p "$T/x"
cd "$T/x"

# ---- two (three) shapes of the same absence give the same case data -------------------
"$MK" algemeen 2026-08-31 12 7 >algemeen.csv
"$MK" dag 2026-08-31 12 7 >dag.csv
"$MK" les 2026-08-31 12 7 >les.csv
check "de dagexport is Latin-1 (een ë als één byte)" grep -q "$(printf 'idee\353n')" dag.csv
for v in algemeen dag les; do
	c=$(sample doorbraak-spoor1)
	cp "$c" "c-$v.json"
done
run "$DOSSIER" verzuim c-algemeen.json algemeen.csv
expect_code 0 "het algemene formaat wordt ingelezen"
expect_out "ingelezen \(algemeen formaat\): 26 dagen met verzuim" "de melding noemt de bron en het aantal dagen"
run "$DOSSIER" verzuim c-dag.json dag.csv --bron dagexport
expect_code 0 "de dagexport (puntkomma, Latin-1, dd-mm-jjjj, lettercodes) wordt ingelezen"
run "$DOSSIER" verzuim c-les.json les.csv --bron lesexport
expect_code 0 "de lesexport (komma, UTF-8, per les begin- en eindtijd) wordt ingelezen"
# stdout as one line (controleer wraps its sentences)
flat_out() { tr '\n' ' ' <"$OUT" | tr -s ' ' | grep -qE -- "$1"; }
days() { sed -n '/"dagen"/,/\]/p' "$1"; }
check "dag- en algemeen formaat geven dezelfde verzuimdagen" cmp -s <(days c-algemeen.json) <(days c-dag.json)
check "les- en algemeen formaat geven dezelfde verzuimdagen" cmp -s <(days c-algemeen.json) <(days c-les.json)
check "de casus noemt het bestand" grep -q '"bestand": "les.csv"' c-les.json
check "de casus noemt de datum van het bestand en van het inlezen" \
	grep -q "\"bestand_datum\": \"$(date +%Y-%m-%d)\"" c-les.json
check "de casus noemt de datum van het inlezen" grep -q '"ingelezen": "2026-11-18"' c-les.json
check "het casusbestand blijft alleen voor de eigenaar leesbaar" test "$(stat -c %a c-les.json)" = 600

# ---- a re-import replaces the earlier one ------------------------------------------------
printf 'datum;soort;uren\n07-09-2026;ziek;2\n' >een.csv
run "$DOSSIER" verzuim c-les.json een.csv
expect_code 0 "opnieuw inlezen lukt"
check "de nieuwe import vervangt de vorige (één dag over)" test "$(days c-les.json | grep -c '"datum"')" -eq 1
check "de casus noemt het nieuwe bestand" grep -q '"bestand": "een.csv"' c-les.json

run "$DOSSIER" verzuim c-les.json --wis
expect_code 0 "--wis haalt de import weg"
check "na --wis heeft de casus geen import meer" sh -c "! grep -q '\"export\"' c-les.json"
run "$DOSSIER" verzuim c-les.json --wis
expect_out "geen ingelezen verzuimregistratie; er is niets gewijzigd" "--wis zonder import: niets gewijzigd"

# ---- errors: nothing saved ------------------------------------------------------------------
cp c-algemeen.json before.json
printf 'datum;soort;uren;keer\n31-02-2026;ziek;2;\n01-10-2026;griep;2;\n02-10-2026;ziek;twee;\n03-10-2026;ziek\n' >kapot.csv
run "$DOSSIER" verzuim c-algemeen.json kapot.csv
expect_code 1 "een onleesbare rij: exit 1"
expect_err "kapot.csv, rij 2, kolom 'datum': '31-02-2026' is geen datum" "fout noemt bestand, rij en kolom (datum)"
expect_err "kapot.csv, rij 3, kolom 'soort': code 'griep'" "fout noemt een onbekende code"
expect_err "kapot.csv, rij 4, kolom 'uren': 'twee' is geen aantal uren" "fout noemt een onleesbaar getal"
expect_err "kapot.csv, rij 5.*te weinig kolommen" "fout noemt een te korte rij"
check "bij een fout blijft de casus ongewijzigd" cmp -s before.json c-algemeen.json
run "$DOSSIER" verzuim c-algemeen.json dag.csv --bron dagexport --codering utf-8
expect_code 1 "een Latin-1-bestand als UTF-8 gelezen: exit 1"
expect_err "dag.csv, regel 2: geen geldige UTF-8-tekst; is het bestand in Latin-1 opgeslagen\? Geef dan --codering latin-1 mee" \
	"Latin-1 als UTF-8: een duidelijke melding met de oplossing"
: >leeg.csv
run "$DOSSIER" verzuim c-algemeen.json leeg.csv
expect_code 1 "een leeg bestand: exit 1"
expect_err "leeg.csv: het bestand is leeg; er is niets ingelezen" "een leeg bestand: duidelijke melding"
printf 'datum;soort;uren\n' >kop.csv
run "$DOSSIER" verzuim c-algemeen.json kop.csv
expect_code 1 "alleen een kopregel: exit 1"
expect_err "alleen een kopregel" "alleen een kopregel: duidelijke melding"
printf 'dag;soort;uren\n07-09-2026;ziek;2\n' >kolom.csv
run "$DOSSIER" verzuim c-algemeen.json kolom.csv
expect_err "kolom.csv, rij 1: de kolom 'datum' ontbreekt in de kopregel" "een ontbrekende kolom wordt genoemd"
run "$DOSSIER" verzuim c-algemeen.json algemeen.csv --bron bestaatniet
expect_code 2 "een onbekende koppeling: exit 2"
expect_err "geen koppeling 'bestaatniet'" "een onbekende koppeling wordt genoemd"
check "na alle fouten is de casus nog ongewijzigd" cmp -s before.json c-algemeen.json

# ---- speed: 100,000 rows in at most 1 s ------------------------------------------------------
"$MK" groot 100000 >groot.csv
cp before.json groot.json
start=$(date +%s%N)
run "$DOSSIER" verzuim groot.json groot.csv --bron lesexport
end=$(date +%s%N)
expect_code 0 "100.000 rijen worden ingelezen"
expect_out "^100000 rijen" "alle 100.000 rijen geteld"
ms=$(( (end - start) / 1000000 ))
limit=1000
[ "${VARIANT:-}" = san ] && limit=5000 # the sanitizer build is several times slower
if [ $ms -le $limit ]; then pass "100.000 rijen in $ms ms (grens $limit ms)"; else fail "100.000 rijen in $ms ms, meer dan $limit ms"; fi

# ---- thresholds around the boundary: 15,5 against 16,5 hours in 4 school weeks ------------
label16="Meer dan 16 uur verzuim in 4 schoolweken"
for last in 3,5 4,5; do
	c=$(sample doorbraak-spoor1)
	printf 'datum;soort;uren\n07-09-2026;ongeoorloofd;4\n14-09-2026;ongeoorloofd;4\n21-09-2026;ongeoorloofd;4\n28-09-2026;ongeoorloofd;%s\n' "$last" >grens.csv
	"$DOSSIER" verzuim "$c" grens.csv >/dev/null
	run "$DOSSIER" tijdlijn "$c"
	if [ $last = 4,5 ]; then
		expect_out "28-09-2026     5  $label16" "16,5 uur: de grens valt in de tijdlijn op 28-09-2026 (week 5)"
		expect_out "^     5  28-09-2026    4,50  #+$" "16,5 uur: week 5 heeft een regel met 4,50 uur en een balk"
	else
		expect_no_out "$label16" "15,5 uur: geen grens in de tijdlijn"
	fi
	run "$DOSSIER" controleer "$c"
	if [ $last = 4,5 ]; then
		check "16,5 uur: controleer noemt de dag van de grens, de DUO-melding en het MDO daarna" flat_out \
			"$label16: meldplicht DUO: volgens de registratie bereikt op 28-09-2026 \(week 5\)\. Melding bij DUO op 14-09-2026, 10 schooldagen eerder; daarna eerst MDO 2 op 01-10-2026 \(week 5\), 3 schooldagen later"
	else
		expect_no_out "$label16" "15,5 uur: controleer noemt geen grens"
	fi
	"$DOSSIER" maak "$c" --zonder-bijlagen -o "grens-$last.pdf" -q
	pdftotext "grens-$last.pdf" "grens-$last.txt"
	if [ $last = 4,5 ]; then
		check "16,5 uur: de grens staat in de PDF" grep -q "$label16: meldplicht DUO: volgens de registratie bereikt op 28-09-2026" "grens-$last.txt"
	else
		check "15,5 uur: geen grens in de PDF" sh -c "! grep -q '$label16' grens-$last.txt"
	fi
done

# 3 against 4 sick reports in 12 school weeks (separate days), 6 against 7 consecutive sick days
for n in 3 4; do
	c=$(sample doorbraak-spoor1)
	{ echo "datum;soort;uren"; for d in 07 15 23; do echo "$d-09-2026;ziek;5"; done; [ $n = 4 ] && echo "01-10-2026;ziek;5"; } >ziek.csv
	"$DOSSIER" verzuim "$c" ziek.csv >/dev/null
	run "$DOSSIER" tijdlijn "$c"
	if [ $n = 4 ]; then
		expect_out "01-10-2026     5  4e ziekmelding in 12 schoolweken" "4 ziekmeldingen: de 4e op de echte dag"
	else
		expect_no_out "4e ziekmelding" "3 ziekmeldingen: geen grens"
	fi
done
for n in 6 7; do
	c=$(sample doorbraak-spoor1)
	# Thursday 10 September up to and including the n-th school day (weekend skipped)
	{ echo "datum;soort;uren"; for d in 10 11 14 15 16 17 18; do echo "$d-09-2026;ziek;5"; done | head -$n; } >reeks.csv
	"$DOSSIER" verzuim "$c" reeks.csv >/dev/null
	run "$DOSSIER" tijdlijn "$c"
	if [ $n = 7 ]; then
		expect_out "18-09-2026     3  7e schooldag aaneengesloten ziek" "7 schooldagen ziek: de grens op de 7e dag, over het weekend heen"
		expect_no_out "4e ziekmelding" "aaneengesloten ziekdagen zijn één ziekmelding"
	else
		expect_no_out "7e schooldag" "6 schooldagen ziek: geen grens"
	fi
done
# times late (Hoeksche Waard: 9 times late), 8 against 9, on the export alone
for n in 8 9; do
	c=$(sample hoeksche-waard)
	"$DOSSIER" zet "$c" --wis casus.verzuim.registratie >/dev/null # its typed periods count too
	{ echo "datum;soort;uren;keer"; for d in 14 15 16 17 18 21 22 23 24; do echo "$d-09-2026;te-laat;0,25;1"; done | head -$n; } >laat.csv
	"$DOSSIER" verzuim "$c" laat.csv >/dev/null
	run "$DOSSIER" tijdlijn "$c"
	if [ $n = 9 ]; then
		expect_out "24-09-2026 +[0-9]+  9 keer te laat" "9 keer te laat: de grens op de 9e keer"
		expect_out "\(5× te laat\)" "de weekregel telt de keren te laat"
	else
		expect_no_out "9 keer te laat" "8 keer te laat: geen grens"
	fi
done

# ---- the chart: bar heights against the data ------------------------------------------------
c=$(sample doorbraak-spoor1)
"$DOSSIER" verzuim "$c" algemeen.csv >/dev/null
"$DOSSIER" maak "$c" --zonder-bijlagen -o beeld.pdf -q
page=$(for p in $(seq 1 "$(pdfinfo beeld.pdf | awk '/^Pages:/ { print $2 }')"); do
	pdftotext -f $p -l $p beeld.pdf - | grep -q '^Lijnen in de grafiek' && echo $p; done | head -1)
check "het dossier heeft een Verzuimbeeld-pagina" test -n "$page"
pdftotext -f "$page" -l "$page" -layout beeld.pdf beeld.txt
for w in uren schoolweek ongeoorloofd geoorloofd ziek "te laat" "luxe verzuim" "vak\\." Preventie Opschalen \
	"Melding bij DUO" "MDO 1" "Aanmelding bij het loket" Adviestafel Doorbraaktafel; do
	check "het Verzuimbeeld toont '$w'" grep -q "$w" beeld.txt
done
qpdf --empty --pages beeld.pdf "$page" -- een.pdf
qpdf --qdf --object-streams=disable een.pdf qdf.pdf
# the bars: rectangles drawn with line width 0.35, outside saved states (the hatching's clip)
awk '/^q$/ { st[++sp] = lw; next }
/^Q$/ { lw = st[sp--]; next }
/ w$/ && NF == 2 { lw = $1; next }
/ re$/ && NF == 5 && lw == 0.35 && sp == 0 { if (!($1 in h)) xs[++n] = $1; h[$1] += $4 }
END { for (i = 1; i <= n; i++) print xs[i], h[xs[i]] }' qdf.pdf | sort -n | awk '{ print $2 }' >drawn.txt
"$DOSSIER" tijdlijn "$c" | awk '$2 ~ /^[0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9]$/ && $3 ~ /^[0-9]+,[0-9][0-9]$/ && $3 != "0,00" { sub(",", ".", $3); print $3 }' >hours.txt
check "evenveel balken als weken met verzuim ($(wc -l <hours.txt))" test "$(wc -l <drawn.txt)" -eq "$(wc -l <hours.txt)" -a -s hours.txt
# one scale, from the tallest bar; the PDF rounds each coordinate (at most 1/8 pt), a bar has up to 5 parts
check "elke balk is even hoog als de uren van zijn week (één schaal)" awk '
NR == FNR { h[FNR] = $1; if ($1 > mh) mh = $1; next }
{ u[FNR] = $1; if ($1 > mu) mu = $1 }
END { s = mh / mu; for (i = 1; i <= FNR; i++) { d = h[i] - s * u[i]; if (d < -0.7 || d > 0.7) bad = 1 }; exit bad }' drawn.txt hours.txt
best=$(awk '{ if ($1 > m) { m = $1; i = NR } } END { print i }' hours.txt)
set -- $(pdftoppm -gray -r 100 -f "$page" -l "$page" beeld.pdf | "$TOOLS/barcheck")
check "op het plaatje zijn $1 balken te zien, evenveel als weken met verzuim" test "$1" -eq "$(wc -l <hours.txt)"
check "op het plaatje is de balk van de week met de meeste uren (nr. $best) de hoogste ($2)" test "$2" -eq "$best"
# the samples carry an export, and their dossiers show the chart
for s in adviestafel doorbraak-spoor1; do
	check "voorbeeld $s heeft een ingelezen verzuimexport uit samples/verzuim" \
		grep -q "\"bestand\": \"$s.csv\"" "$SAMPLES/$s.json"
	c=$(sample $s)
	"$DOSSIER" maak "$c" --zonder-bijlagen -o "v-$s.pdf" -q
	check "het dossier van $s toont het Verzuimbeeld" sh -c "pdftotext v-$s.pdf - | grep -q '^Lijnen in de grafiek'"
done
pdftoppm -gray -r 30 -f "$page" -l "$page" beeld.pdf grijs
check "het Verzuimbeeld is in grijstinten leesbaar (niet leeg)" test -s grijs-*.pgm
finish
