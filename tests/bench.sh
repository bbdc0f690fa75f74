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

echo "5. De verzuimregistratie van het spoor-1-voorbeeld (samples/verzuim/, $(($(wc -l <samples/verzuim/doorbraak-spoor1.csv) - 1)) rijen):"
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
