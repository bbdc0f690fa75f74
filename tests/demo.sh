#!/bin/sh
# make demo: render the bundled sample dossiers into one folder.
bin=$1
out=$2
mkdir -p "$out" || exit 3
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	"$bin" maak "samples/$s.json" -o "$out/$s.pdf" || exit $?
done
echo
echo "De voorbeelddossiers staan in $out/:"
ls -l "$out"/*.pdf
