#!/bin/sh
# make demo: render the bundled sample dossiers into one folder, plus the
# print file for a meeting that discusses all three and an anonymised copy.
bin=$1
out=$2
mkdir -p "$out" || exit 3
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	"$bin" maak "samples/$s.json" -o "$out/$s.pdf" || exit $?
done
"$bin" maak samples/doorbraak-spoor1.json --anoniem -o "$out/doorbraak-spoor1-anoniem.pdf" || exit $?
"$bin" agenda samples/vergadering.ini samples/adviestafel.json samples/doorbraak-spoor1.json \
	samples/doorbraak-spoor2.json -o "$out" || exit $?
echo
echo "De voorbeelddossiers staan in $out/:"
ls -l "$out"/*.pdf
