#!/usr/bin/env bash
# dossier invullen through a real pseudo-terminal and through a pipe: a
# whole Adviestafel case from empty, resuming, stop and Ctrl-C, and the
# same result either way.
. "$(dirname "$0")/../lib.sh"

PTY="$TOOLS/ptyrun"
ANSWERS="$ROOT/tests/data/invullen-adviestafel.txt"
EXPECTED="$ROOT/tests/data/invullen-adviestafel.verwacht.json"
cd "$T"
mkdir -p bijlagen
make_pdf bijlagen/opp.pdf 3 "OPP"
make_pdf bijlagen/verzuim.pdf 1 "Verzuimregistratie"

# 1. a whole case through the terminal
"$DOSSIER" nieuw z.json --kenmerk DH-2026-TEST >/dev/null
printf 'answers %s\nexpect Klaar.\nexit 0\n' "$ANSWERS" >script
run "$PTY" -t 30 script -- "$DOSSIER" invullen z.json
expect_code 0 "hele adviestafelcasus ingevuld via een terminal"
check "het opgeslagen bestand is gelijk aan het verwachte" same_case z.json "$EXPECTED"
check "het ingevulde dossier is volledig" "$DOSSIER" controleer z.json
check "het casusbestand blijft privé (0600)" test "$(stat -c %a z.json)" = 600

# 2. the same answers through a pipe give the same file
"$DOSSIER" nieuw p.json --kenmerk DH-2026-TEST >/dev/null
run sh -c "'$DOSSIER' invullen p.json <'$ANSWERS'"
expect_code 0 "dezelfde antwoorden via een pijp"
expect_out "Klaar. Het dossier is volledig voor de Adviestafel" "pijp: het eind wordt gemeld"
check "pijp en terminal geven hetzelfde bestand" same_case p.json z.json

# 3. stop halfway, resume at the first empty required field
"$DOSSIER" nieuw r.json --kenmerk R-1 >/dev/null
cat >script <<'S'
expect Voornaam
send Zoë
expect Achternaam
send ?
expect Met tussenvoegsel
expect Achternaam
send Ünal
expect Geboortedatum
send 31-02-2017
expect 31 februari 2017 bestaat niet: februari heeft 28 dagen.
expect Geboortedatum
send 14-03-2017
expect Groep / klas
send stop
expect Gestopt. Alle antwoorden tot nu toe zijn bewaard
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen r.json
expect_code 0 "stoppen halverwege"
check "antwoorden voor 'stop' zijn bewaard" grep -q '"geboortedatum": "2017-03-14"' r.json
cat >script <<'S'
expect Verder bij: Casusgegevens › Leerling › Groep / klas
expect Groep / klas
send terug
expect Geboortedatum
send
expect Groep / klas
send groep 6
expect Naam van de school
# the prompt comes once the line editor has the terminal; a Ctrl-D typed
# before that is swallowed by the terminal's line discipline
expect > 
ctrl d
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen r.json
expect_code 0 "verder waar het was, terug naar de vorige vraag, Ctrl-D stopt"
check "het antwoord na 'terug' is bewaard" grep -q '"groep": "groep 6"' r.json

# 4. Ctrl-C: every earlier answer is saved, and the user is told so
cat >script <<'S'
expect Naam van de school
send OBS De Kraaienhorst
expect Plaats / vestiging
ctrl c
expect Gestopt. Alle antwoorden tot nu toe zijn bewaard
S
# Under valgrind its signal emulation can turn the line editor's re-sent
# SIGINT into an interrupted read; the program then stops as after Ctrl-D.
if [ "${DOSSIER_UNDER_VALGRIND:-}" = 1 ]; then echo ended >>script; else echo "signal 2" >>script; fi
run "$PTY" script -- "$DOSSIER" invullen r.json
expect_code 0 "Ctrl-C stopt met een melding"
check "het antwoord voor Ctrl-C is bewaard" grep -q 'OBS De Kraaienhorst' r.json
check "geen tijdelijke bestanden na Ctrl-C" sh -c "! ls -a | grep -q '^\.r\.json\.'"

# 5. one form only, with a list: add, change, remove
"$DOSSIER" nieuw l.json --kenmerk L-1 >/dev/null
cat >script <<'S'
expect Met wie mag het dossier gedeeld worden?
send 1,2
expect Doel van het delen
send Samen een passend aanbod vinden.
send .
expect Wie geeft toestemming?
expect Naam
send Eline Ünal-de Jonge
expect Als
send 1
expect Geeft toestemming
send j
expect Datum ondertekening
send
expect t = toevoegen
send t
expect Naam
send Kerem Ünal
expect Als
send 1
expect Geeft toestemming
send n
expect Datum ondertekening
send
expect 2. Kerem Ünal
send 2
expect Naam * [Kerem Ünal]
send
expect Als
send
expect Geeft toestemming * (j/n) [nee]
send ja
expect Datum ondertekening
send
expect Kerem Ünal – ouder of verzorger met gezag: ja
send w 1
expect 1 gewist: Eline
send stop
expect Gestopt.
exit 0
S
run "$PTY" script -- "$DOSSIER" invullen l.json toestemming
expect_code 0 "een lijst: toevoegen, wijzigen, wissen"
check "gewiste regel is weg" sh -c "! grep -q Eline l.json"
check "gewijzigde regel is bewaard" grep -q '"akkoord": true' l.json

# 6. long text in the editor ($EDITOR), the text file stays next to the case
cat >"$T/ed.sh" <<'ED'
#!/bin/sh
[ "$(cd "$(dirname "$1")" && pwd)" = "$EXPECT_DIR" ] || { echo "tijdelijk bestand op de verkeerde plek: $1" >&2; exit 1; }
case "$(basename "$1")" in .l.json.tekst-*) ;; *) echo "onverwachte naam: $1" >&2; exit 1;; esac
[ "$(stat -c %a "$1")" = 600 ] || { echo "tijdelijk bestand niet privé: $1" >&2; exit 1; }
# the text above dossier's marker line, the marker and its instructions kept below
{ printf '# Aanleiding\nTekst uit de editor.\n\nTweede alinea met Zoë.\n'; sed -n '/^#--- dossier:/,$p' "$1"; } >"$1.nieuw" && mv "$1.nieuw" "$1"
ED
chmod +x "$T/ed.sh"
cat >script <<'S'
expect Samenvatting
send e
expect Hoofdvraag
send stop
expect Gestopt.
exit 0
S
"$DOSSIER" zet l.json voorblad.datum=vandaag 'voorblad.opgesteld_door=IB' >/dev/null
EDITOR="$T/ed.sh" EXPECT_DIR="$T" run "$PTY" script -- "$DOSSIER" invullen l.json voorblad
expect_code 0 "lange tekst in de editor"
check "tekst uit de editor bewaard, ook de regel met #, zonder de uitleg" grep -q '"samenvatting": "# Aanleiding\\nTekst uit de editor.\\n\\nTweede alinea met Zoë."' l.json

# the review counts what is missing, in proper Dutch
"$DOSSIER" nieuw o.json --kenmerk O-1 >/dev/null
printf 'vandaag\nIB\n\n\n\n' | run "$DOSSIER" invullen o.json voorblad
expect_out "2 verplichte antwoorden ontbreken nog\." "overzicht: '2 verplichte antwoorden ontbreken nog.'"
printf '\nDe vraag.\n.\n\n' | run "$DOSSIER" invullen o.json voorblad
expect_out "1 verplicht antwoord ontbreekt nog\." "overzicht: '1 verplicht antwoord ontbreekt nog.'"
finish
