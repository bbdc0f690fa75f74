#!/bin/sh
# make bench: speed and memory figures (a benchmark, not a test: it prints
# numbers and checks nothing). Whole processes, on this machine.
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-build/dossier}
TOOLS=build/tools
W=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1795000000
export DOSSIER_TEST_TODAY=1795000000
# maak writes the sharing log into the case: measure on a copy of the samples
cp -R samples "$W/samples"
S=$W/samples/doorbraak-spoor1.json

echo "dossier $("$BIN" --versie | cut -d' ' -f2) · $(nproc) kernen · $(uname -m) · $(date -u +%Y-%m-%d)"
echo

kb() { echo $(( ($(stat -c %s "$1") + 512) / 1024 )); }

echo "1. Het spoor-1-voorbeeld, alleen formulieren (maak --zonder-bijlagen), 31 keer:"
set -- $("$TOOLS/measure" 31 "$BIN" maak "$S" --zonder-bijlagen -o "$W/f.pdf")
"$BIN" maak "$S" --zonder-bijlagen -o "$W/f.pdf" -q
echo "   mediaan $1 ms per dossier (CPU $2 ms), piekgeheugen $(( $3 / 1024 )).$(( ($3 % 1024) * 10 / 1024 )) MB, PDF $(kb "$W/f.pdf") kB, $(pdfinfo "$W/f.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pagina's"

echo "2. Hetzelfde dossier met zijn bijlagen (de gedeelde PDF's en de scan samengevoegd), 31 keer:"
set -- $("$TOOLS/measure" 31 "$BIN" maak "$S" -o "$W/b.pdf")
"$BIN" maak "$S" -o "$W/b.pdf" -q
echo "   mediaan $1 ms per dossier (CPU $2 ms), piekgeheugen $(( $3 / 1024 )).$(( ($3 % 1024) * 10 / 1024 )) MB, PDF $(kb "$W/b.pdf") kB, $(pdfinfo "$W/b.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pagina's"

echo "3. controleer op het spoor-1-voorbeeld:"
set -- $("$TOOLS/measure" 101 "$BIN" controleer "$S")
echo "   hele proces: mediaan $1 ms, CPU $2 ms (opstarten, definities lezen, casus lezen, controleren)"
set -- $("$TOOLS/bench_check" . "$S" 5000)
echo "   alleen de controle (alle regels van de route), in het proces: mediaan $1 µs CPU"

echo "4. 1.000 dossiers in één opdracht ($(nproc) werkprocessen):"
mkdir -p "$W/veel"
ln -s "$PWD/samples/bijlagen" "$W/veel/bijlagen"
i=1
while [ $i -le 1000 ]; do
	sed "s/DH-2026-7QK3/DH-2026-$(printf '%04d' $i)/" "$S" >"$W/veel/casus$(printf '%04d' $i).json"
	i=$((i + 1))
done
for mode in "--zonder-bijlagen" ""; do
	rm -rf "$W/uit"
	start=$(date +%s%N)
	# shellcheck disable=SC2086
	"$BIN" maak "$W"/veel/casus*.json -o "$W/uit" -q $mode
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	n=$(ls "$W/uit" | wc -l)
	size=$(du -sk "$W/uit" | cut -f1)
	label=${mode:+alleen formulieren}
	echo "   ${label:-met alle bijlagen}: $n dossiers in $((ms / 1000)).$(( (ms % 1000) / 100 )) s = $(( n * 1000 / (ms > 0 ? ms : 1) )) dossiers per seconde, samen $((size / 1024)) MB PDF"
done

echo "5. Een dossier met 10 telefoonfoto's als scan (12 megapixel, ongeveer 2,5 MB per foto, gemaakt door tests/tools/mkhostile), 5 keer:"
mkdir -p "$W/foto/bijlagen"
cp samples/adviestafel.json "$W/foto/casus.json"
cp samples/bijlagen/*zoe* "$W/foto/bijlagen/"
set --
i=1
while [ $i -le 10 ]; do
	"$TOOLS/mkhostile" jpeg-foto "$W/foto/bijlagen/foto$i.jpg" 4000 3000 $([ $((i % 3)) = 0 ] && echo 6)
	n=$((i + 2))
	set -- "$@" "bijlagen[$n].soort=anders" "bijlagen[$n].titel=Getekend formulier $i" \
		"bijlagen[$n].bestand=$W/foto/bijlagen/foto$i.jpg" "bijlagen[$n].gedeeld=ja"
	i=$((i + 1))
done
"$BIN" zet "$W/foto/casus.json" "$@" >/dev/null
fotos=$(du -sk "$W/foto/bijlagen" | cut -f1)
set -- $("$TOOLS/measure" 5 "$BIN" maak "$W/foto/casus.json" -o "$W/foto.pdf")
"$BIN" maak "$W/foto/casus.json" -o "$W/foto.pdf" -q
echo "   mediaan $1 ms (CPU $2 ms), piekgeheugen $(( $3 / 1024 )) MB, PDF $(kb "$W/foto.pdf") kB (de foto's samen $((fotos / 1024)) MB); doel <= 1 s, <= 60 MB, <= 4 MB"

echo "6. Een bijlage van 10.000 en van 20.000 pagina's (gemaakt door tests/tools/mkhostile):"
for pages in 10000 20000; do
	mkdir -p "$W/groot$pages/bijlagen"
	cp samples/adviestafel.json "$W/groot$pages/casus.json"
	cp samples/bijlagen/*zoe* "$W/groot$pages/bijlagen/"
	"$TOOLS/mkhostile" pdf-pagina "$W/groot$pages/bijlagen/opp-zoe-unal.pdf" $pages
	set -- $("$TOOLS/measure" 3 "$BIN" maak "$W/groot$pages/casus.json" -o "$W/groot.pdf")
	eval "t$pages=$1"
	echo "   $pages pagina's: mediaan $1 ms (CPU $2 ms), piekgeheugen $(( $3 / 1024 )) MB, PDF $(kb "$W/groot.pdf") kB"
	rm -rf "$W/groot$pages" "$W/groot.pdf"
done
echo "   20.000 pagina's kost $(awk "BEGIN { printf \"%.2f\", $t20000 / $t10000 }") keer de tijd van 10.000; doel: 10.000 <= 5 s, verhouding <= 2,2"
echo
echo "7. dossier web op het spoor-1-voorbeeld (tijd in de server zelf, Server-Timing; 101 keer):"
mkdir -p "$W/web"
cp "$S" "$W/web/spoor1.json"
ln -s "$PWD/samples/bijlagen" "$W/web/bijlagen"
"$BIN" web "$W/web" --geen-browser --stop-na 60s >"$W/web.out" 2>&1 &
wpid=$!
i=0
until grep -q 'http://' "$W/web.out" 2>/dev/null || [ $i -ge 100 ]; do sleep 0.05; i=$((i + 1)); done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?sleutel=[0-9a-f]*' "$W/web.out")
base=${url%%/?sleutel=*}
curl -s -c "$W/jar" -o /dev/null "$url"
csrf=$(curl -s -b "$W/jar" "$base/casus/spoor1.json/casus" | grep -o 'data-csrf="[0-9a-f]*"' | cut -d'"' -f2)
# the handler's time of each answer, one per line
timing() { grep -i '^server-timing:' | sed 's/.*app;dur=\([0-9.]*\), cpu;dur=\([0-9.]*\).*/\1 \2/'; }
# median of column $1 ("1": wall, "2": CPU)
median() { awk -v c="$1" '{ print $c }' | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'; }
for form in casus mdo; do
	i=0
	while [ $i -lt 101 ]; do curl -s -o /dev/null -D - -b "$W/jar" "$base/casus/spoor1.json/$form"; i=$((i + 1)); done | timing >"$W/t.$form"
done
i=0
while [ $i -lt 101 ]; do
	new="Hoofdvraag, versie $i"
	printf '{"pad":"voorblad.hoofdvraag","waarde":"%s"}' "$new" >"$W/body"
	curl -s -o /dev/null -D - -b "$W/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary "@$W/body" "$base/casus/spoor1.json/zet"
	i=$((i + 1))
done | timing >"$W/t.zet"
peak=$(awk '/^VmHWM:/ { print $2 }' /proc/$wpid/status)
curl -s -o /dev/null -b "$W/jar" -d "csrf=$csrf" "$base/afsluiten"
wait $wpid || true
echo "   formulierpagina Casusgegevens: mediaan $(median 1 <"$W/t.casus") ms (CPU $(median 2 <"$W/t.casus") ms); MDO-verslagen: $(median 1 <"$W/t.mdo") ms (CPU $(median 2 <"$W/t.mdo") ms), met de controle van het hele dossier; doel <= 20 ms"
echo "   een veld opslaan (lezen onder het slot, controleren, atomair schrijven met fsync, nieuwe bevindingen): mediaan $(median 1 <"$W/t.zet") ms (CPU $(median 2 <"$W/t.zet") ms); doel <= 5 ms"
echo "   piekgeheugen van de server na $((101 * 3)) verzoeken: $((peak / 1024)).$(( (peak % 1024) * 10 / 1024 )) MB"
echo "8. De verzuimregistratie van het spoor-1-voorbeeld (samples/verzuim/, $(($(wc -l <samples/verzuim/doorbraak-spoor1.csv) - 1)) rijen):"
cp "$S" "$W/v.json"
set -- $("$TOOLS/measure" 31 "$BIN" verzuim "$W/v.json" samples/verzuim/doorbraak-spoor1.csv --bron dagexport)
echo "   inlezen (dossier verzuim, hele proces): mediaan $1 ms (CPU $2 ms)"
# the same case without its export: no Verzuimbeeld page
awk '/^      "export": \{/ { skip = 1; sub(/,$/, "", prev) } !skip { if (NR > 1) print prev; prev = $0 } skip && /^      \}/ { skip = 0 } END { print prev }' "$S" >"$W/samples/zonder.json"
cp "$S" "$W/samples/met.json"
set -- $("$TOOLS/measure" 31 "$BIN" maak "$W/samples/zonder.json" --zonder-bijlagen -o "$W/z.pdf")
zonder=$1
set -- $("$TOOLS/measure" 31 "$BIN" maak "$W/samples/met.json" --zonder-bijlagen -o "$W/m.pdf")
"$BIN" maak "$W/samples/zonder.json" --zonder-bijlagen -o "$W/z.pdf" -q
"$BIN" maak "$W/samples/met.json" --zonder-bijlagen -o "$W/m.pdf" -q
echo "   maak zonder verzuimregistratie: mediaan $zonder ms, PDF $(kb "$W/z.pdf") kB; met (Verzuimbeeld): mediaan $1 ms, PDF $(kb "$W/m.pdf") kB"
