#!/bin/sh
# Every value that was entered reaches the dossier, in its own form's
# section; a question that only steers the form does not. The expected
# texts come from the definitions (tests/tools/printcheck), so a field
# added to forms/ without a place in the PDF makes this test fail.
. "$(dirname "$0")/../lib.sh"

PC="$TOOLS/printcheck"

# sections PDF OUT: "title<TAB>word" for every word of the PDF, by the
# top-level bookmark whose section it lies in (mutool gives the page and
# the height from the top, as pdftotext does).
sections() {
	mutool show "$1" outline >"$T/outline" 2>/dev/null
	pdftotext -bbox "$1" "$T/bbox.html" 2>/dev/null
	awk -v outline="$T/outline" '
		BEGIN {
			n = 0
			while ((getline l < outline) > 0) {
				if (l !~ /^[|+-]\t"/) continue        # top level only
				t = l; sub(/^[|+-]\t"/, "", t); sub(/"\t#page=.*/, "", t)
				p = l; sub(/.*#page=/, "", p); y = p; sub(/&.*/, "", p); sub(/.*FitH,/, "", y)
				n++; title[n] = t; spage[n] = p + 0; sy[n] = y + 0
			}
		}
		/<page / { page++; h = $0; sub(/.*height="/, "", h); sub(/".*/, "", h); h += 0 }
		/<word / {
			ym = $0; sub(/.*yMin="/, "", ym); sub(/".*/, "", ym); ym += 0
			w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
			gsub(/&#39;|&apos;/, "\047", w); gsub(/&amp;/, "\\&", w); gsub(/&lt;/, "<", w); gsub(/&gt;/, ">", w); gsub(/&quot;/, "\"", w)
			sec = ""
			for (i = 1; i <= n; i++)
				if (spage[i] < page || (spage[i] == page && sy[i] <= ym + 2)) sec = title[i]
			if (sec != "") print sec "\t" w
		}' "$T/bbox.html" >"$2"
}

# verify CASE PDF WHAT: every expectation of printcheck holds
verify() {
	"$PC" expect "$ROOT" "$1" >"$T/expect" 2>"$T/expect.err" || { fail "$3: printcheck expect" "$(cat "$T/expect.err")"; return; }
	sections "$2" "$T/words"
	if awk -F'\t' -v words="$T/words" '
		# lower case, one space between words, no punctuation around a word
		function norm(s,   n, i, p, r) {
			s = tolower(s); gsub(/\xc2\xa0/, " ", s); gsub(/[ \t\n]+/, " ", s)
			n = split(s, p, " "); r = ""
			for (i = 1; i <= n; i++) {
				gsub(/^[.,;:!?()"\047]+|[.,;:!?()"\047]+$/, "", p[i])
				if (p[i] != "") r = r (r == "" ? "" : " ") p[i]
			}
			return r
		}
		BEGIN {
			while ((getline l < words) > 0) {
				split(l, a, "\t"); m = split(norm(a[2]), ws, " ")
				for (i = 1; i <= m; i++) { text[a[1]] = text[a[1]] " " ws[i]; has[a[1], ws[i]] = 1 }
			}
			for (s in text) text[s] = text[s] " "
		}
		{
			sec = $1; kind = $3; ok = 0
			if (kind == "waarde") {
				for (i = 4; i <= NF && !ok; i++) if (index(text[sec], " " norm($i) " ")) ok = 1
			} else if (kind == "woorden") {
				m = split(norm($4), ws, " "); ok = 1
				for (i = 1; i <= m; i++) if (!has[sec, ws[i]]) { ok = 0; miss = miss " «" ws[i] "»" }
			} else if (kind == "stuurt") {
				ok = !index(text[sec], " " norm($4) " ")
			}
			total++
			if (!ok) { bad++; if (bad <= 12) printf "%s %s (%s): %s%s\n", kind, $2, sec, substr($4, 1, 60), miss }
			miss = ""
		}
		END { printf "%d van %d\n", total - bad, total; exit bad > 0 }' "$T/expect" >"$T/verdict" 2>&1 &&
		[ "$(wc -l <"$T/expect")" -gt 20 ]; then
		pass "$3: $(tail -1 "$T/verdict") waarden staan in hun eigen onderdeel"
	else
		fail "$3: waarden ontbreken of staan op de verkeerde plaats" "$(cat "$T/verdict")"
	fi
}

# the samples, as they are
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	c=$(sample "$s")
	run "$DOSSIER" maak "$c" -o "$T/$s.pdf"
	expect_code 0 "$s: dossier gemaakt"
	verify "$c" "$T/$s.pdf" "$s"
done

# generated cases: every field of every form filled with a marker, per route and seed
for route in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	for seed in 1 2 3; do
		d="$T/gen-$route-$seed"
		mkdir -p "$d"
		"$PC" gen "$ROOT" "$route" "$seed" "$d/casus.json" >"$d/files"
		while read -r f; do cp "$SAMPLES/bijlagen/opp-zoe-unal.pdf" "$d/$f"; done <"$d/files"
		run "$DOSSIER" maak "$d/casus.json" --concept -o "$d/casus.pdf"
		expect_code_in "0 1" "$route/$seed: concept gemaakt"
		verify "$d/casus.json" "$d/casus.pdf" "$route/$seed"
	done
done

# a field added to a form without anything else: it is printed too
mkdir -p "$T/data"
cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" "$T/data/"
sed 's/"velden": \[/"velden": [\n    { "sleutel": "extra_vraag", "type": "kort", "label": "Een nieuwe vraag", "hulp": "Toegevoegd door de regio." },/' \
	"$ROOT/forms/smw.json" >"$T/data/forms/smw.json"
c=$(sample adviestafel)
run "$DOSSIER" --data "$T/data" zet "$c" smw.extra_vraag="Nieuw antwoord Qx77"
expect_code 0 "nieuw veld: gezet"
run "$DOSSIER" --data "$T/data" maak "$c" -o "$T/extra.pdf"
expect_code 0 "nieuw veld: dossier gemaakt"
check "nieuw veld: staat in het SMW-verslag" sh -c "pdftotext '$T/extra.pdf' - | grep -q 'Nieuw antwoord Qx77'"
finish
