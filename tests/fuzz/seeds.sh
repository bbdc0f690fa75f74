#!/bin/sh
# tests/fuzz/seeds.sh OUTDIR - the seed inputs of every fuzz harness, made
# from the project's own files into OUTDIR/<harness>/ (one input a file).
#
#   casus    samples/*.json and the case file that tests/e2e/t0070 expects
#   forms    forms/*.json (form definitions and routes.json)
#   ini      forms/regio/*.ini, templates/*.ini
#   parsers  the typed inputs of tests/data/invoer-fouten.tsv, the value
#            paths and conditions written in forms/*.json, and good inputs
#            of every field type
#   layout   the paragraphs of docs/*.md and the longer texts of samples/
#   bijlage  samples/bijlagen/* and tests/hostile/bijlagen/*
#   csv      the samples' absence exports (samples/verzuim/*.csv)
#
# Used by `make fuzz` (tests/fuzz/run.sh) and, so the seeds stay accepted,
# by tests/e2e/t0500-fuzz-regressie.sh. Needs only sh, sed, awk, cut.
set -eu
cd "$(dirname "$0")/../.."
out=${1:?usage: seeds.sh OUTDIR}
for h in casus forms ini parsers layout bijlage csv; do
	rm -rf "$out/$h"
	mkdir -p "$out/$h"
done

# bijlage: the sample attachments and the hostile ones kept as files
for f in samples/bijlagen/*.pdf samples/bijlagen/*.jpg tests/hostile/bijlagen/*; do
	cp "$f" "$out/bijlage/seed-$(basename "$f")"
done
for f in samples/*.json tests/data/invullen-adviestafel.verwacht.json; do
	cp "$f" "$out/casus/seed-$(basename "$f")"
done
for f in forms/*.json; do
	cp "$f" "$out/forms/seed-$(basename "$f")"
done
for f in samples/verzuim/*.csv; do
	cp "$f" "$out/csv/seed-$(basename "$f")"
done
for f in forms/regio/*.ini templates/*.ini; do
	cp "$f" "$out/ini/seed-$(basename "$f")"
done

# parsers: one typed text per file (without its newline, as a user types it)
{
	grep -v '^#' tests/data/invoer-fouten.tsv | cut -f2
	sed -n 's/.*"\(voorwaarde\|pad\|suggesties\)": *"\([^"]*\)".*/\2/p' forms/*.json
	cat <<'EOF'
14-03-2024
2024-03-14
9-4-2024
vandaag
gisteren
14:30
9.05
€ 1.234,56
80,-
EUR 12,5
1234
070-3456789
06-12345678
+31 70 345 6789
0031 70 345 6789
naam@school.nl
ja
n
2
adviestafel
1,3
mdo[2].aanwezigen[1].naam
.categorie
casus.betrokkenen[*].rol bevat smw
niet (route = adviestafel of leeg voorblad.hoofdvraag)
zienswijze.wijkt_af = ja en regio in (den-haag, rijswijk)
EOF
} | awk -v dir="$out/parsers" 'NF { f = sprintf("%s/seed-%03d", dir, NR); printf "%s", $0 > f; close(f) }'

# layout: paragraphs of the docs, and the long texts in the samples
cat docs/*.md | awk -v dir="$out/layout" '
	/^$/ { if (p != "") { n++; f = sprintf("%s/seed-doc-%03d", dir, n); printf "%s", p > f; close(f) }; p = ""; next }
	{ p = p == "" ? $0 : p "\n" $0 }
	END { if (p != "") { n++; f = sprintf("%s/seed-doc-%03d", dir, n); printf "%s", p > f; close(f) } }'
sed -n 's/^ *"[a-z_]*": *"\(.\{120,\}\)",\{0,1\}$/\1/p' samples/*.json |
	sed 's/\\n/\n/g; s/\\"/"/g' |
	awk -v dir="$out/layout" 'BEGIN { RS = "" } { n++; f = sprintf("%s/seed-sample-%03d", dir, n); printf "%s", $0 > f; close(f) }'
