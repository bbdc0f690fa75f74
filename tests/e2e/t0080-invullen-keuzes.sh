#!/usr/bin/env bash
# dossier invullen for people who are not programmers (issue 16): pick
# lists that copy role and organisation, proposals taken with Enter, the
# attendees of the previous MDO copied, the editor, Ctrl-C in a text and
# 'terug' on the first question. Each through a real pseudo-terminal.
. "$(dirname "$0")/../lib.sh"

PTY="$TOOLS/ptyrun"
LONG="$ROOT/tests/data/invullen-adviestafel.txt"
SHORT="$ROOT/tests/data/invullen-adviestafel-kort.txt"
EXPECTED="$ROOT/tests/data/invullen-adviestafel.verwacht.json"
cd "$T"
mkdir -p bijlagen
make_pdf bijlagen/opp.pdf 3 "OPP"
make_pdf bijlagen/verzuim.pdf 1 "Verzuimregistratie"

# A typed answer is a line the user types something on: Enter alone (keep,
# take the proposal, skip) is not, nor the '.' that closes a long text.
typed() { grep -v '^\.$' "$1" | grep -c .; }

# 1. the same case with pick lists and proposals, at least 30% fewer answers
"$DOSSIER" nieuw z.json --kenmerk DH-2026-TEST >/dev/null
printf 'answers %s\nexpect Klaar.\nsave transcript\nexit 0\n' "$SHORT" >script
run "$PTY" -t 40 script -- "$DOSSIER" invullen z.json
expect_code 0 "adviestafelcasus met keuzelijsten en voorstellen"
check "dezelfde casus als met alle antwoorden getypt" same_case z.json "$EXPECTED"
long=$(typed "$LONG")
short=$(typed "$SHORT")
echo "# getypte antwoorden: $long zonder keuzelijsten, $short met ($(( (long - short) * 100 / long ))% minder)"
same=0
if same_case z.json "$EXPECTED"; then same=1; fi
check "minstens 30% minder getypte antwoorden voor dezelfde casus ($short van $long)" \
	test "$same" = 1 -a $((short * 100)) -le $((long * 70))
check "de ouders, de leerling en de contactpersoon van school staan in de keuzelijst" \
	grep -q '4 Eline Ünal-de Jonge   5 Kerem Ünal   6 Zoë Ünal' transcript
check "de adviseur van de school staat in de keuzelijst" grep -q '8 Anouk Brouwer-Çelik' transcript
check "een gekozen deelnemer neemt rol en organisatie mee" \
	python3 -c "import json,sys; a=json.load(open('z.json'))['mdo'][0]['aanwezigen'][4]; sys.exit(a!={'naam':'Marieke Oosterhuis','rol':'school','organisatie':'OBS De Kraaienhorst','aanwezigheid':'aanwezig'})"
check "'opgesteld door' wordt voorgesteld uit de contactpersoon" \
	grep -q 'Voorstel: Marieke Oosterhuis, intern begeleider' transcript
check "bij het SMW-verslag wordt de ene SMW-medewerker voorgesteld" grep -q 'Voorstel: Noor Bakker' transcript
check "na een keuze van meer mensen volgen alleen hun lege vragen" grep -q 'Deelnemer 6: Fenna Dijkstra' transcript

# 2b. a complete case opens with a menu of its forms; names in any case; --veld
cat >script <<'S'
expect Welk formulier wilt u bekijken of wijzigen?
expect MDO-verslagen: compleet
expect Nummer = dat formulier
send toestemming
expect ── Toestemming (1/1)
expect nummer = wijzigen
send 1
expect Met wie mag het dossier gedeeld worden?
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen z.json
expect_code 0 "een volledige casus begint met de lijst van formulieren"
run "$DOSSIER" invullen z.json MDO </dev/null
expect_out "MDO-verslagen \(1/1\)" "formuliernamen in hoofdletters ('MDO') worden herkend"
run "$DOSSIER" invullen z.json offerte-x </dev/null
expect_code 2 "een onbekend formulier"
expect_err "'offerte-x' is geen formulier; kies uit: casus, voorblad, mdo" "de melding noemt de formulieren"
cat >script <<'S'
expect Naar: Casusgegevens › Leerling › Geboortedatum
expect Geboortedatum * (dd-mm-jjjj) [14-03-2017]
send 15-03-2017
expect Groep / klas
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen z.json --veld casus.leerling.geboortedatum
expect_code 0 "--veld opent het formulier bij dat veld"
check "het antwoord bij --veld is bewaard" grep -q '"geboortedatum": "2017-03-15"' z.json

# 2c. the route's findings in a form: not "compleet", and shown in its overview
"$DOSSIER" zet z.json 'toestemming[1].ondertekenaars[2].akkoord=nee' >/dev/null
cat >script <<'S'
expect maar controleer vindt nog:
expect Kerem
expect nummer = wijzigen
send 1
expect Met wie mag het dossier gedeeld worden?
send
expect Doel van het delen
send
expect Wie geeft toestemming?
send
expect Datum van de toestemming
send
expect Plaats
send
expect ouders met gezag
send
expect Geldig tot
send
expect Scan
send
expect nummer = wijzigen
send
expect Overzicht: Toestemming
expect Wat 'dossier controleer' over dit formulier zegt:
expect Kerem
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen z.json toestemming
expect_code 0 "een formulier met een fout volgens controleer heet niet compleet"
cat >script <<'S'
expect MDO-verslagen (1/1)
expect t = toevoegen
send
expect Overzicht: MDO-verslagen
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen z.json mdo
expect_code 0 "ook het MDO-formulier krijgt een overzicht"

# 2. a second MDO: the attendees of the previous one copied with 'v'
cat >script <<'S'
expect MDO-verslagen
expect t = toevoegen
send t
expect Datum van het overleg
send 03-11-2026
expect Aanvang
send
expect Einde
send
expect Locatie
send
expect Voorzitter
send
expect Verslag gemaakt door
send
expect v = de 6 Deelnemers van het vorige verslag overnemen
send v
expect Overgenomen.
expect 6. Fenna Dijkstra
send stop
expect Gestopt.
exit 0
S
run "$PTY" -t 20 script -- "$DOSSIER" invullen z.json mdo
expect_code 0 "de deelnemers van het vorige MDO overnemen"
check "het tweede verslag heeft dezelfde deelnemers" \
	python3 -c "import json,sys; m=json.load(open('z.json'))['mdo']; sys.exit(m[1]['aanwezigen']!=m[0]['aanwezigen'])"

# 3. an existing text with lines that begin with '#', back from the editor unchanged
"$DOSSIER" nieuw e.json --kenmerk E-1 >/dev/null
"$DOSSIER" zet e.json voorblad.datum=vandaag voorblad.opgesteld_door=IB voorblad.hoofdvraag=Welke? >/dev/null
"$DOSSIER" zet e.json 'voorblad.samenvatting=# Aanleiding
Zoë verzuimt.
#2 op de wachtlijst' >/dev/null
cat >script <<'S'
expect Datum van het dossier
send
expect Opgesteld door
send
expect Samenvatting
expect Enter = houden
send e
expect Hoofdvraag
send stop
expect Gestopt.
exit 0
S
EDITOR=true run "$PTY" script -- "$DOSSIER" invullen e.json voorblad
expect_code 0 "een tekst in de editor openen en ongewijzigd sluiten"
check "de regels die met # beginnen blijven staan" \
	grep -q '"samenvatting": "# Aanleiding\\nZoë verzuimt.\\n#2 op de wachtlijst"' e.json

# 4. without $EDITOR: nano, named, with how to leave it
mkdir -p bin
cat >bin/nano <<'ED'
#!/bin/sh
printf 'Tekst uit nano.\n' >"$1.nieuw" && sed -n '/^#--- dossier:/,$p' "$1" >>"$1.nieuw" && mv "$1.nieuw" "$1"
ED
chmod +x bin/nano
cat >script <<'S'
expect Datum van het dossier
send
expect Opgesteld door
send
expect Samenvatting
expect Enter = houden
send
expect Hoofdvraag
expect Enter = houden
send e
expect De editor nano opent. Opslaan: Ctrl-O en Enter; afsluiten: Ctrl-X.
expect Overzicht: Voorblad
send stop
expect Gestopt.
exit 0
S
env -u VISUAL -u EDITOR PATH="$T/bin:$PATH" "$PTY" script -- "$DOSSIER" invullen e.json voorblad >"$OUT" 2>"$ERR"; RC=$?
expect_code 0 "zonder \$EDITOR opent nano, met uitleg hoe u hem verlaat"
check "de tekst uit nano is bewaard" grep -q '"hoofdvraag": "Tekst uit nano."' e.json

# 5. Ctrl-C while typing a text keeps the lines typed so far
"$DOSSIER" nieuw c.json --kenmerk C-1 >/dev/null
"$DOSSIER" zet c.json voorblad.datum=vandaag voorblad.opgesteld_door=IB >/dev/null
cat >script <<'S'
expect Samenvatting
expect > 
send Eerste regel van de samenvatting.
expect Eerste regel van de samenvatting.
expect > 
send Tweede regel.
expect Tweede regel.
expect > 
ctrl c
expect Gestopt.
ended
S
# the line editor re-sends Ctrl-C as a signal (the program ends by it), or,
# under load or valgrind, it arrives as an interrupted read (the session
# stops as after Ctrl-D); either way the message comes and the lines stay
run "$PTY" script -- "$DOSSIER" invullen c.json voorblad
expect_code 0 "Ctrl-C midden in een tekst stopt met een melding"
check "de getypte regels zijn bewaard" \
	grep -q '"samenvatting": "Eerste regel van de samenvatting.\\nTweede regel."' c.json

# 6. 'terug' on the first question stays there
"$DOSSIER" nieuw b.json --kenmerk B-1 >/dev/null
cat >script <<'S'
expect Datum van het dossier
send terug
expect Dit is de eerste vraag
expect Datum van het dossier
send 01-11-2026
expect Opgesteld door
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen b.json voorblad
expect_code 0 "terug bij de eerste vraag van een formulier"
check "de sessie ging door na terug" grep -q '"datum": "2026-11-01"' b.json
cat >script <<'S'
expect Voornaam
send terug
expect Dit is de eerste vraag
expect Voornaam
send Zoë
expect Achternaam
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen b.json
expect_code 0 "terug bij de allereerste vraag gaat niet vooruit"
check "het antwoord na terug hoort bij de eerste vraag" grep -q '"voornaam": "Zoë"' b.json

# 8. Dutch: several choices with spaces, comma and dot in amounts, a row that does not exist
"$DOSSIER" nieuw d.json --kenmerk D-1 >/dev/null
run "$DOSSIER" zet d.json 'toestemming.ontvangers=1 2 3'
expect_code 0 "meer keuzes met spaties ertussen ('1 2 3')"
check "alle drie de keuzes zijn bewaard" python3 -c "import json,sys; sys.exit(json.load(open('d.json'))['toestemming']['ontvangers']!=['loket','adviestafel','doorbraaktafel'])"
run "$DOSSIER" zet d.json 'offerte.regels[1].tarief=1,234.56'
expect_err "De komma staat voor de centen, de punt tussen duizendtallen: schrijf 1.234,56." \
	"een bedrag met komma en punt verwisseld wordt uitgelegd"
run "$DOSSIER" zet d.json casus.leerling.geboortedatum=31-02-2017
expect_err "31 februari 2017 bestaat niet: februari heeft 28 dagen." "een datum die niet bestaat, met de maand klein"
"$DOSSIER" zet d.json 'casus.ouders[1].naam=A' 'casus.ouders[2].naam=B' >/dev/null
printf 'w 5\nstop\n' >w.txt
run sh -c "'$DOSSIER' invullen d.json --veld casus.ouders <w.txt"
expect_out "Er is geen regel 5; de lijst heeft 2 regels \(1 tot en met 2\)." "wissen van een regel die er niet is"
"$DOSSIER" zet d.json zienswijze.wijkt_af=nee >/dev/null
printf '\n\nstop\n' >z.txt
run sh -c "'$DOSSIER' invullen d.json zienswijze <z.txt"
expect_out "1\. Zien de ouders de situatie anders dan de school en de andere deelnemers\? nee" \
	"een vraag in het overzicht zonder '?:'"

# 7. attachment paths as a shell gives them: quotes, backslashes, ~, file://, Tab for folders
"$DOSSIER" nieuw p.json --kenmerk P-1 >/dev/null
mkdir -p "mijn stukken" "$HOME/Documenten"
make_pdf "mijn stukken/opp 2026.pdf" 1 "OPP"
make_pdf "$HOME/Documenten/verzuim.pdf" 1 "Verzuim"
make_pdf "mijn stukken/advies.pdf" 1 "Advies"
make_pdf "mijn stukken/slepen hier.pdf" 1 "Verslag"
cat >script <<S
expect Soort document
send 1
expect Titel
send OPP
expect Bestand
send 'mijn stukken/opp 2026.pdf'
expect Datum van het document
send
expect toestemming gegeven
send ja
expect Onder welke toestemming
send
expect t = toevoegen
send t
expect Soort document
send 2
expect Titel
send Verzuim
expect Bestand
type ~/Docu	
expect menten/
type verz	
expect uim.pdf
send
expect Datum van het document
send
expect toestemming gegeven
send ja
expect Onder welke toestemming
send
expect t = toevoegen
send t
expect Soort document
send 3
expect Titel
send Advies
expect Bestand
send mijn\\ stukken/advies.pdf
expect Datum van het document
send
expect toestemming gegeven
send ja
expect Onder welke toestemming
send
expect t = toevoegen
send t
expect Soort document
send 4
expect Titel
send Verslag
expect Bestand
send file://$T/mijn%20stukken/slepen%20hier.pdf
expect Datum van het document
send
expect toestemming gegeven
send ja
expect Onder welke toestemming
send
expect t = toevoegen
send stop
expect Gestopt.
exit 0
S
run "$PTY" -t 20 script -- "$DOSSIER" invullen p.json bijlagen
expect_code 0 "bijlagen met paden zoals de shell ze schrijft"
check "een pad tussen aanhalingstekens" grep -q '"bestand": "mijn stukken/opp 2026.pdf"' p.json
# (HOME lies in the case's folder here, so the path is stored relative to it)
check "~/ en Tab (een map eindigt op /)" grep -q '"bestand": "home/Documenten/verzuim.pdf"' p.json
check "een spatie met een backslash ervoor" grep -q '"bestand": "mijn stukken/advies.pdf"' p.json
check "een pad als file://-adres" grep -q '"bestand": "mijn stukken/slepen hier.pdf"' p.json

finish
