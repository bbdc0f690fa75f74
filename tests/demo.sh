#!/bin/sh
# make demo: render the bundled sample dossiers into one folder, plus the
# print file for a meeting that discusses all three and an anonymised copy.
bin=$1
out=$2
mkdir -p "$out" || exit 3
# maak and agenda write the sharing log into each case: work on a copy of the samples
s_dir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-demo.XXXXXX") || exit 3
trap 'rm -rf "$s_dir"' EXIT
cp -R samples/. "$s_dir/" || exit 3
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2 rijswijk hoeksche-waard; do
	"$bin" maak "$s_dir/$s.json" -o "$out/$s.pdf" || exit $?
done
"$bin" maak "$s_dir/doorbraak-spoor1.json" --anoniem -o "$out/doorbraak-spoor1-anoniem.pdf" || exit $?
"$bin" agenda "$s_dir/vergadering.ini" "$s_dir/adviestafel.json" "$s_dir/doorbraak-spoor1.json" \
	"$s_dir/doorbraak-spoor2.json" -o "$out" || exit $?
echo
echo "De voorbeelddossiers staan in $out/:"
ls -l "$out"/*.pdf
