#!/usr/bin/env bash
# For the meeting: an agenda pack, anonymised copies, and batches.
. "$(dirname "$0")/../lib.sh"

cat >"$T/verg.ini" <<'INI'
[vergadering]
titel      = Agenda {adviestafel}
datum      = 26-11-2026
begin      = 09.30
duur       = 30
pauze_na   = 2
pauze      = 15
plaats     = Stadhuis Den Haag, kamer 4.12
voorzitter = regisseur JMO

[duur]
doorbraak-spoor1.json = 45
INI
run "$DOSSIER" agenda "$T/verg.ini" "$SAMPLES/adviestafel.json" "$SAMPLES/doorbraak-spoor1.json" "$SAMPLES/doorbraak-spoor2.json" -o "$T/ag"
expect_code 0 "agenda van drie casussen"
pdf="$T/ag/agenda-2026-11-26.pdf"
check "één PDF voor de vergadering" test -f "$pdf"
check "alleen die ene PDF, geen werkbestanden" test "$(ls -A "$T/ag" | wc -l)" = 1
check "agenda: qpdf --check" qpdf --check "$pdf"
check "agenda is privé (0600)" test "$(stat -c %a "$pdf")" = 600
p1=$(pdftotext -q -f 1 -l 1 "$pdf" -)
for w in "Agenda Adviestafel" "donderdag 26 november 2026" "09.30 – 10.00" "10.00 – 10.45" "pauze" "11.00 – 11.30" "DH-2026-4KX7" "DH-2026-7QK3" "DH-2026-P8WM" "Stadhuis Den Haag"; do
	check "agendapagina noemt '$w'" sh -c "echo \"\$0\" | grep -qF '$w'" "$p1"
done
outline=$(mutool show "$pdf" outline 2>/dev/null)
check "bladwijzer voor de agenda" sh -c "echo \"\$0\" | head -1 | grep -q 'Agenda Adviestafel'" "$outline"
for k in DH-2026-4KX7 DH-2026-7QK3 DH-2026-P8WM; do
	check "bladwijzer voor casus $k" sh -c "echo \"\$0\" | grep -q 'Casus [0-9]: $k'" "$outline"
done
single=0
for s in adviestafel doorbraak-spoor1 doorbraak-spoor2; do
	"$DOSSIER" maak "$SAMPLES/$s.json" -o "$T/$s.pdf" -q
	single=$((single + $(pdfinfo "$T/$s.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')))
done
# page labels: the reader shows each dossier's own page numbers
labels=$(qpdf --json --json-key=pagelabels "$pdf" 2>/dev/null | tr -d ' \n')
check "paginalabel 'Agenda 1' voor de agendapagina" sh -c "echo '$labels' | grep -qF '{\"index\":0,\"label\":{\"/P\":\"u:Agenda\",\"/S\":\"/D\"'"
for k in DH-2026-4KX7 DH-2026-7QK3 DH-2026-P8WM; do
	sep=$(echo "$outline" | grep "Casus [0-9]: $k" | grep -oE 'page=[0-9]+' | grep -oE '[0-9]+')
	check "paginalabel van het scheidingsblad van $k (pagina $sep)" sh -c "echo '$labels' | grep -qF '{\"index\":$((sep - 1)),\"label\":{\"/P\":\"u:Casus'"
	check "paginalabels '$k · 1, 2, ...' vanaf pagina $((sep + 1))" sh -c "echo '$labels' | grep -qF '{\"index\":$sep,\"label\":{\"/P\":\"u:$k·\",\"/S\":\"/D\"'"
done
check "agenda = 1 agendapagina + 3 scheidingsbladen + alle dossierpagina's" test "$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" = $((single + 4))

run "$DOSSIER" agenda "$T/verg.ini" "$SAMPLES/adviestafel.json" -o "$T/los" --los
expect_code 0 "agenda met --los"
check "--los: het losse dossier staat ernaast" test -f "$T/los/adviestafel.pdf"

printf '[vergadering]\nbegin = 09.30\n' >"$T/fout.ini"
run "$DOSSIER" agenda "$T/fout.ini" "$SAMPLES/adviestafel.json" -o "$T/x"
expect_code 2 "vergaderbestand zonder datum: code 2"
expect_err "fout.ini: \[vergadering\] datum: ontbreekt" "ontbrekende datum wordt genoemd"

# anonymised copies: none of the declared personal values appear
run "$DOSSIER" maak "$SAMPLES/doorbraak-spoor1.json" --anoniem -o "$T/anon.pdf"
expect_code 0 "geanonimiseerde kopie"
expect_out "geanonimiseerd" "maak meldt de anonimisering"
anon=$(pdftotext -q "$T/anon.pdf" -)
for v in "İlayda" "Şahin" "Ayşe" "Murat" "2 mei 2015" "02-05-2015" "2015-05-02" "06-18273645" "ayse.sahin@voorbeeld.nl" "Rotterdam" "Ontwikkelingsperspectiefplan (OPP) – "; do
	check "anoniem: '$v' komt niet voor" sh -c "! echo \"\$0\" | grep -qF '$v'" "$anon"
done
check "anoniem: het kenmerk staat erin" sh -c "echo \"\$0\" | grep -qF 'DH-2026-7QK3'" "$anon"
check "anoniem: de initialen van de leerling staan erin" sh -c "echo \"\$0\" | grep -qF 'İ. Ş.'" "$anon"
check "anoniem: de initialen van de moeder staan erin" sh -c "echo \"\$0\" | grep -qF 'A.Ş.'" "$anon"
check "anoniem: de bijlagen worden genoemd" sh -c "echo \"\$0\" | grep -qF 'niet in deze anonieme kopie'" "$anon"
check "anoniem: geen afbeeldingen (scans)" test "$(pdfimages -list "$T/anon.pdf" 2>/dev/null | awk 'NR > 2' | wc -l)" = 0
check "anoniem: qpdf --check" qpdf --check "$T/anon.pdf"
# every value declared "persoonlijk" in the forms, for every sample
for s in adviestafel doorbraak-spoor2; do
	"$DOSSIER" maak "$SAMPLES/$s.json" --anoniem -o "$T/a-$s.pdf" -q
	a=$(pdftotext -q "$T/a-$s.pdf" -)
	for key in voornaam achternaam; do
		val=$(grep -oE "\"$key\": \"[^\"]*\"" "$SAMPLES/$s.json" | head -1 | sed 's/.*: "//; s/"$//')
		check "$s anoniem: $key '$val' komt niet voor" sh -c "! echo \"\$0\" | grep -qF '$val'" "$a"
	done
	awk '/"ouders": \[/,/\]/' "$SAMPLES/$s.json" | grep -oE '"(naam|telefoon|email|adres)": "[^"]*"' | sed 's/.*: "//; s/"$//' >"$T/vals"
	while read -r val; do
		check "$s anoniem: ouderwaarde '$val' komt niet voor" sh -c "! echo \"\$0\" | grep -qF '$val'" "$a"
	done <"$T/vals"
	# every e-mail address and phone number in the case (all are declared "weglaten"), and the birth date
	grep -oE '"(email|adviseur_email|telefoon)": "[^"]*"' "$SAMPLES/$s.json" | sed 's/.*: "//; s/"$//' | sort -u >"$T/vals"
	check "$s: er zijn contactgegevens om te controleren" test -s "$T/vals"
	while read -r val; do
		check "$s anoniem: contactgegeven '$val' komt niet voor" sh -c "! echo \"\$0\" | grep -qF '$val'" "$a"
	done <"$T/vals"
	born=$(grep -oE '"geboortedatum": "[0-9-]+"' "$SAMPLES/$s.json" | head -1 | sed 's/.*: "//; s/"$//')
	nl=$(echo "$born" | awk -F- '{ print $3 "-" $2 "-" $1 }')
	check "$s anoniem: geboortedatum ($nl) komt niet voor" sh -c "! echo \"\$0\" | grep -qF -e '$born' -e '$nl'" "$a"
done

# a batch uses the cores and reports each case
mkdir "$T/many"
for i in 1 2 3 4 5 6; do cp -R "$SAMPLES/." "$T/many/"; cp "$SAMPLES/adviestafel.json" "$T/many/casus$i.json"; done
run "$DOSSIER" maak "$T/many"/casus*.json -o "$T/batch" -j 2
expect_code 0 "batch van 6 casussen met 2 werkprocessen"
expect_out "6 van de 6 dossiers gemaakt" "batch meldt het aantal"
check "batch: 6 PDF's" test "$(ls "$T/batch"/*.pdf | wc -l)" = 6
check "batch: gelijk aan los gemaakt" cmp -s "$T/batch/casus3.pdf" "$T/adviestafel.pdf"
printf '{}' >"$T/many/kapot.json"
run "$DOSSIER" maak "$T/many/casus1.json" "$T/many/kapot.json" -o "$T/batch2"
expect_code 1 "batch met een ongeldige casus: code 1"
expect_err "kapot.json" "de ongeldige casus wordt genoemd"
check "de goede casus is toch gemaakt" test -f "$T/batch2/casus1.pdf"
finish
