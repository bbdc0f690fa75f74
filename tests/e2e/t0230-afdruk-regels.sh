#!/bin/sh
# What the PDF prints follows the definitions: a cost category added to a
# copy of forms/offerte.json, sums in whole cents, the text rule, every
# character the fonts have (and a warning for one they lack), the
# documents on the consent page and the checklist's required documents.
. "$(dirname "$0")/../lib.sh"

# text PDF: its text on one line, in $T/text; has "what" RE: that text matches RE
text() { pdftotext "$1" - 2>/dev/null | tr -s ' \n' '  ' >"$T/text"; }
has() { check "$1" grep -qE -- "$2" "$T/text"; }
hasnt() { check "$1" sh -c '! grep -qE -- "$1" "$2"' _ "$2" "$T/text"; }

# --- a cost category added in the data: its own subtotal, the checked total printed
mkdir -p "$T/data"
cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" "$T/data/"
sed -e 's/{ "sleutel": "jeugdhulp", "label": "jeugdhulp" }/{ "sleutel": "jeugdhulp", "label": "jeugdhulp" },\n            { "sleutel": "vervoer", "label": "vervoer" }/' \
	-e 's/"velden": \[\n* *{ "sleutel": "omschrijving"/&/' \
	-e 's/{ "sleutel": "eenheid", "type": "kort"/{ "sleutel": "kenmerk", "type": "kort", "label": "Kenmerk aanbieder", "hulp": "Het nummer in de offerte." },\n        &/' \
	"$ROOT/forms/offerte.json" >"$T/data/forms/offerte.json"
c=$(sample doorbraak-spoor1)
run "$DOSSIER" --data "$T/data" zet "$c" "offerte.regels[11].omschrijving=Taxi naar school" "offerte.regels[11].categorie=vervoer" \
	"offerte.regels[11].betaler=gemeente" "offerte.regels[11].aantal=10" "offerte.regels[11].tarief=12,34" \
	"offerte.regels[11].kenmerk=TX-2026-88"
expect_code 0 "nieuwe categorie: regel gezet"
run "$DOSSIER" --data "$T/data" zet "$c" "offerte.opgegeven_totaal=30.057,04"
run "$DOSSIER" --data "$T/data" controleer "$c"
expect_no_out 'offerte.opgegeven_totaal|tellen op tot' "nieuwe categorie: het opgegeven totaal (met vervoer) klopt voor controleer"
run "$DOSSIER" --data "$T/data" maak "$c" -o "$T/cat.pdf" --zonder-bijlagen
expect_code 0 "nieuwe categorie: dossier gemaakt"
text "$T/cat.pdf"
pdftotext -layout "$T/cat.pdf" "$T/layout" 2>/dev/null
check "nieuwe categorie: een eigen kop boven zijn regel" sh -c "grep -A2 -E '^ *Vervoer *\$' '$T/layout' | grep -q 'Taxi naar school'"
check "nieuwe categorie: het gedrukte totaal is het gecontroleerde" grep -qE '^ *Totaal +€ 30\.057,04$' "$T/layout"
check "nieuwe categorie: ook in de totalen bij de oplegger" grep -qE 'Subtotaal vervoer +€ 123,40' "$T/layout"
check "eenheden in het meervoud: 16 sessies" grep -qE ' 16 sessies ' "$T/layout"
check "nieuw veld in een kostenregel: staat onder de tabel" grep -qE 'Kostenregel 11: Kenmerk +TX-2026-88' "$T/layout"

# --- money: quantity × rate in whole cents, half up; too large is an error naming the line
c=$(sample doorbraak-spoor1)
run "$DOSSIER" zet "$c" "offerte.regels[1].aantal=1,13" "offerte.regels[1].tarief=87,50" "offerte.opgegeven_onderwijs=" "offerte.opgegeven_totaal="
run "$DOSSIER" maak "$c" -o "$T/cent.pdf" --zonder-bijlagen
expect_code 0 "geld: 1,13 × € 87,50 maakt een dossier"
check "geld: 1,13 × € 87,50 = € 98,88 (half naar boven, in hele centen)" sh -c "pdftotext '$T/cent.pdf' - 2>/dev/null | grep -q '€ 98,88'"
run "$DOSSIER" zet "$c" "offerte.opgegeven_onderwijs=8.292,44"
run "$DOSSIER" controleer "$c"
expect_no_out 'tellen op tot' "geld: het juiste bedrag van de aanbieder wordt niet afgekeurd"
run "$DOSSIER" zet "$c" "offerte.regels[2].aantal=100000" "offerte.regels[2].tarief=20.000,00"
run "$DOSSIER" controleer "$c"
expect_code 1 "geld: 100000 × € 20.000,00 is een fout"
expect_out 'Kostenregel 2 van de offerte is te groot' "geld: de melding noemt de regel"
run "$DOSSIER" maak "$c" -o "$T/big.pdf"
expect_code 1 "geld: maak weigert een te groot bedrag"

# --- the text rule: typed line breaks are soft, an empty line a new paragraph, "- " a list item
c=$(sample adviestafel)
run "$DOSSIER" zet "$c" "voorblad.samenvatting=Eerste regel die
doorloopt op de volgende.

Tweede alinea:
- punt een
- punt twee"
run "$DOSSIER" toon "$c" voorblad
expect_out '^ +Eerste regel die doorloopt op de volgende\.$' "tekstregel: toon voegt een getypte regelovergang samen"
expect_out '^ +- punt een$' "tekstregel: toon houdt een opsomming op eigen regels"
run "$DOSSIER" maak "$c" -o "$T/tekst.pdf" --zonder-bijlagen
check "tekstregel: de PDF voegt de regels samen" sh -c "pdftotext -layout '$T/tekst.pdf' - 2>/dev/null | grep -q 'Eerste regel die doorloopt op de volgende.'"
check "tekstregel: de opsomming staat op eigen regels in de PDF" sh -c "pdftotext '$T/tekst.pdf' - 2>/dev/null | grep -qx '\- punt twee'"

# --- every character the fonts have is printed and extracts right
c=$(sample adviestafel)
run "$DOSSIER" zet "$c" "casus.leerling.voornaam=Nguyễn Văn An" "casus.leerling.achternaam=Παπαδόπουλος" \
	"casus.school.contactpersoon=Алексей Смирнов" "casus.school.functie=$(printf 'Zoe\314\210 en Zoë')" \
	"casus.school.plaats=$(printf 'Den\302\255haag\342\200\213')"
expect_code 0 "tekens: namen gezet"
run "$DOSSIER" maak "$c" -o "$T/tekens.pdf" --zonder-bijlagen --concept
t=$(pdftotext "$T/tekens.pdf" - 2>/dev/null)
for name in "Nguyễn Văn An" "Παπαδόπουλος" "Алексей Смирнов" "Zoë en Zoë" "Denhaag"; do
	check "tekens: '$name' komt er precies zo uit" sh -c "printf '%s' \"\$1\" | grep -qF '$name'" _ "$t"
done
check "tekens: nergens een vraagteken voor een bekend teken" sh -c "! printf '%s' \"\$1\" | grep -q 'Nguy?n\|Zo?'" _ "$t"
run "$DOSSIER" zet "$c" "casus.school.naam=De Ster 🌟"
run "$DOSSIER" controleer "$c"
expect_out "In 'Naam van de school' staat een teken dat de letters van het dossier niet" "tekens: een emoji geeft een waarschuwing die het veld noemt"
run "$DOSSIER" controleer "$c" --json
expect_out '"code": *"teken-ontbreekt"' "tekens: met code teken-ontbreekt"
expect_out '"field": *"casus.school.naam"' "tekens: en het pad van het veld"

# --- consent page: the documents and whether they may be shared; no steering question
c=$(sample doorbraak-spoor1)
run "$DOSSIER" maak "$c" -o "$T/s1.pdf" --zonder-bijlagen
text "$T/s1.pdf"
has "toestemming: de documenten staan erbij" 'Documenten en of ze gedeeld mogen worden.*Brief kinderarts juni 2025'
hasnt "toestemming: de stuurvraag over oneens zijn staat er niet" 'signalen dat de ouders met gezag'
hasnt "zienswijze: de twee stuurvragen staan er niet" 'Zien de ouders het anders|Staat hun zienswijze al'

# --- checklist: every document the route requires, also the absence record typed in
c=$(sample adviestafel)
run "$DOSSIER" zet "$c" "bijlagen[2].gedeeld=nee" "casus.verzuim.registratie[1].van=07-09-2026" \
	"casus.verzuim.registratie[1].tot=11-09-2026" "casus.verzuim.registratie[1].soort=ongeoorloofd" "casus.verzuim.registratie[1].uren=8"
run "$DOSSIER" maak "$c" -o "$T/lijst.pdf" --zonder-bijlagen
text "$T/lijst.pdf"
has "controlelijst: de verzuimregistratie heeft een rij (ingevuld bij de casusgegevens)" 'Verzuimregistratie ingevuld bij Casusgegevens'
has "controlelijst: het OPP heeft een rij" 'OPP \(ontwikkelingsperspectiefplan\) aanwezig'
pdftotext -layout "$T/lijst.pdf" "$T/layout" 2>/dev/null
check "casusgegevens: de ingevulde verzuimperiode staat erin" grep -qE '07-09-2026 +11-09-2026 +ongeoorloofd +8' "$T/layout"

# --- a form the route does not ask for cannot block the dossier (issue 16, item 9)
c=$(sample adviestafel)
run "$DOSSIER" zet "$c" "offerte.aanbieders=X" "offerte.periode_van=01-12-2026" "offerte.periode_tot=01-02-2027" \
	"offerte.regels[1].omschrijving=a" "offerte.regels[1].categorie=onderwijs" "offerte.regels[1].betaler=school" \
	"offerte.regels[1].aantal=2" "offerte.regels[1].tarief=10" "offerte.opgegeven_totaal=99"
run "$DOSSIER" controleer "$c"
expect_code 0 "een offerte met een fout op de Adviestafel-route maakt het dossier niet onvolledig"
expect_out "dossier zet .*adviestafel.json --wis offerte" "... en de melding zegt hoe het formulier eruit gaat"
run "$DOSSIER" maak "$c" -o "$T/optioneel.pdf" --zonder-bijlagen
expect_code 0 "... en maak maakt het dossier"

# --- a case moved without its attachments gets a hint (issue 16, item 10)
mkdir -p "$T/verhuisd"
cp "$SAMPLES/adviestafel.json" "$T/verhuisd/"
COLUMNS=200 run "$DOSSIER" controleer "$T/verhuisd/adviestafel.json"
expect_out "verplaatst of gekopieerd zonder" "een casus zonder zijn bijlagen krijgt een hint"

# --- who attended: the meeting, not its report
c=$(sample adviestafel)
run "$DOSSIER" zet "$c" --wis "mdo[1].aanwezigen[6]" --wis "mdo[2].aanwezigen[5]"
run "$DOSSIER" controleer "$c"
expect_out "Bij geen enkel MDO was iemand aanwezig als leerplichtambtenaar" "de melding over deelnemers noemt het overleg, niet het verslag"

# --- the meeting pack keeps the links of each dossier's contents page
c=$(sample adviestafel)
c2=$(dirname "$c")/doorbraak-spoor1.json
run "$DOSSIER" agenda "$SAMPLES/vergadering.ini" "$c" "$c2" -o "$T/pak"
expect_code 0 "vergadering: het pakket is gemaakt"
check "vergadering: elke link van de inhoudsopgaven wijst naar een pagina" sh -c \
	"! pdftotext \"\$(ls '$T'/pak/agenda-*.pdf)\" /dev/null 2>&1 | grep -q 'Bad annotation destination'"
finish
