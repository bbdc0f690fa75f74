#!/usr/bin/env bash
# The routes as each partnership runs them: school weeks and threshold events
# in the timeline, consent timing and the migration of old case files, the
# sharing log, the profiles' own routes.
. "$(dirname "$0")/../lib.sh"

# --- school weeks: the autumn holiday (17-25 October 2026, regio midden) is no week
rm -rf "$T/s"
c=$(sample adviestafel)
"$DOSSIER" zet "$c" casus.verloop.aanmelding_loket=28-10-2026 >/dev/null
run "$DOSSIER" tijdlijn "$c"
expect_code 0 "tijdlijn over de herfstvakantie"
expect_out "schoolweken: vakanties tellen niet mee" "de tijdlijn zegt dat ze schoolweken telt"
cal=$(( ($(date -u -d 2026-10-26 +%s) - $(date -u -d 2026-09-07 +%s)) / 604800 + 1 ))
expect_out "28-10-2026 +$((cal - 1)) +Aanmelding bij het loket" "na de herfstvakantie: één week minder dan de kalender ($cal)"
expect_out "15-10-2026 +6 +MDO 2" "vóór de vakantie telt de week gewoon"

# --- threshold events, at the boundary: 15,5 hours is not more than 16, 16,5 is
"$DOSSIER" verzuim "$c" --wis >/dev/null # the sample's imported export would count too
reg() { # HOURS
	"$DOSSIER" zet "$c" casus.verzuim.registratie[1].van=07-09-2026 casus.verzuim.registratie[1].tot=11-09-2026 \
		casus.verzuim.registratie[1].soort=ongeoorloofd "casus.verzuim.registratie[1].uren=$1" >/dev/null
}
reg 15,5
run "$DOSSIER" tijdlijn "$c"
expect_no_out "Meer dan 16 uur verzuim in 4 schoolweken" "15,5 uur: geen meldplicht op de tijdlijn"
reg 16,5
run "$DOSSIER" tijdlijn "$c"
expect_out "11-09-2026 +1 +Meer dan 16 uur verzuim in 4 schoolweken: meldplicht DUO" "16,5 uur: de grens staat op de dag dat hij bereikt werd"
"$DOSSIER" zet "$c" casus.verzuim.duo_gemeld=nee --wis casus.verzuim.duo_datum >/dev/null
run "$DOSSIER" controleer "$c"
expect_out "maar er staat geen melding bij DUO" "controleer: meldplicht zonder DUO-melding"
reg 15,5
run "$DOSSIER" controleer "$c"
expect_no_out "geen melding bij DUO" "controleer: 15,5 uur is geen meldplicht"

# a phase without an end: "week 13 en later"
rm -rf "$T/s"
c=$(sample doorbraak-spoor1)
DOSSIER_TEST_TODAY=$(date -u -d 2026-12-09 +%s) run "$DOSSIER" tijdlijn "$c"
expect_out "fase Doorbreken \(week 13 en later\)" "een fase zonder einde: week 13 en later"
expect_no_out "week 13-13" "niet 'week 13-13'"

# a first absence day after the registration is reported, and printed as "vóór"
"$DOSSIER" zet "$c" casus.verzuim.startdatum=13-10-2026 >/dev/null
run "$DOSSIER" tijdlijn "$c"
expect_out "06-10-2026 +vóór +Aanmelding bij het loket" "een datum vóór week 1 heet 'vóór', niet 'week -4'"
expect_out "eerste verzuimdag ligt na de aanmelding bij het loket" "tijdlijn: de volgorde klopt niet"

# --- today's spoor-1 sample (one consent, given after the registration) ---
rm -rf "$T/s"
c=$(sample doorbraak-spoor1)
cp "$ROOT/tests/data/spoor1-oud.json" "$c"
run "$DOSSIER" controleer "$c" --json
expect_code 1 "het oude spoor-1-voorbeeld is niet volledig"
expect_out "De toestemming voor het loket is van 12-11-2026, na de aanmelding bij het loket op 06-10-2026" "de toestemming kwam na de aanmelding bij het loket"
expect_out "De toestemming voor de Adviestafel is van 12-11-2026, na de bespreking aan de Adviestafel op 13-10-2026" "en na de Adviestafel"
check "het oude bestand heeft nog één toestemming en woongemeente als tekst" grep -q '"woongemeente": "Den Haag"' "$c"
"$DOSSIER" zet "$c" casus.verloop.adviestafel_uitkomst=terug-mdo >/dev/null
check "na 'zet': de toestemming is een lijst" grep -q '"toestemming": \[' "$c"
check "na 'zet': de woongemeente is een keuze" grep -q '"woongemeente": "den-haag"' "$c"
run "$DOSSIER" toon "$c"
expect_code_in "0 1" "toon leest het omgezette bestand"

# --- the sharing log ---
rm -rf "$T/s"
c=$(sample doorbraak-spoor1)
run "$DOSSIER" logboek "$c"
expect_out "Nog niets gedeeld" "logboek zonder dossiers"
"$DOSSIER" maak "$c" -o "$T/geheim-eerste.pdf" -q
"$DOSSIER" maak "$c" --zonder-bijlagen -o "$T/geheim-tweede.pdf" -q
"$DOSSIER" maak "$c" --anoniem -o "$T/geheim-derde.pdf" -q
run "$DOSSIER" logboek "$c"
expect_code 0 "logboek na drie keer maak"
expect_out "^3 keer gedeeld" "drie keer maak: drie regels in het logboek"
expect_out "^  3\. 18-11-2026 .* maak · Doorbraaktafel \(spoor 1\) · geanonimiseerde kopie" "de anonieme kopie staat erin als zodanig"
expect_out "zonder bijlagen" "zonder bijlagen staat erbij"
expect_out "Doorbraaktafel \(toestemming 2 van 12-11-2026\)" "onder welke toestemming"
check "het logboek noemt de naam van de PDF niet" sh -c '! grep -q geheim "$0"' "$c"
# every text in the log is in the case already, or one of the log's own words
awk '
	/^  "logboek": \[/ { inlog = 1; next }
	inlog && /^  \]/ { inlog = 0; next }
	inlog { n = split($0, q, "\""); for (i = 2; i <= n; i += 2) if (q[i] != "") print q[i]; next }
	{ print > "'"$T/rest.txt"'" }' "$c" | sort -u >"$T/logtexts.txt"
"$DOSSIER" formulieren >"$T/forms.txt" # the form titles as this region prints them
bad=""
while IFS= read -r s; do
	case "$s" in
	moment|opdracht|route|tafels|toestemmingen|tafel|toestemming|documenten|anoniem|concept|zonder_bijlagen|vergadering) continue ;;
	maak|agenda|loket|adviestafel|doorbraaktafel|doorbraak-spoor1|"Ondertekende toestemming") continue ;;
	2026-11-18\ [0-9][0-9]:[0-9][0-9]) continue ;;
	esac
	grep -qF -- "$s" "$T/rest.txt" || grep -qF -- "  $s" "$T/forms.txt" || bad="$bad [$s]"
done <"$T/logtexts.txt"
check "het logboek neemt niets over dat niet al in de casus of de formulieren staat${bad:+:$bad}" test -z "$bad"
anon=$(awk '/^  "logboek": \[/ { inlog = 1 } inlog' "$c" | awk 'BEGIN { RS = "\n    }" } /"anoniem": true/')
check "de anonieme regel staat in het bestand" test -n "$anon"
check "de anonieme regel noemt geen bijlagen" sh -c 'case "$0" in *OPP*|*Verzuimregistratie*|*kinderarts*) exit 1 ;; esac' "$anon"
cat >"$T/verg.ini" <<'INI'
[vergadering]
titel = Doorbraaktafel
datum = 26-11-2026
begin = 09:30
duur = 45
INI
run "$DOSSIER" agenda "$T/verg.ini" "$c" -o "$T/ag"
expect_code 0 "agenda met de casus"
run "$DOSSIER" logboek "$c"
expect_out "^4 keer gedeeld" "de agenda komt in het logboek"
expect_out "agenda · Doorbraaktafel \(spoor 1\) · vergadering van" "de agenda staat erin als agenda"
check "met de datum van de vergadering" grep -q '"vergadering": "2026-11-26"' "$c"
run "$DOSSIER" maak "$c" --met-logboek -o "$T/met.pdf"
expect_code 0 "maak --met-logboek"
check "de controlelijst toont het logboek en de toestemming per tafel" sh -c \
	'pdftotext "$0" - 2>/dev/null | grep -q "Eerder gedeeld" && pdftotext "$0" - 2>/dev/null | grep -q "Toestemming per tafel"' "$T/met.pdf"
check "de controlelijst noemt wie de school uitnodigt" sh -c \
	'pdftotext "$0" - 2>/dev/null | grep -q "Uitnodigen in Onderwijs Transparant"' "$T/met.pdf"

# --- the profiles run their own routes ---
for s in rijswijk hoeksche-waard; do
	run "$DOSSIER" controleer "$SAMPLES/$s.json"
	expect_code 0 "voorbeeld $s is volledig voor zijn eigen route"
done
run "$DOSSIER" controleer "$SAMPLES/hoeksche-waard.json" --route adviestafel
expect_code 2 "Hoeksche Waard kent geen Adviestafel"
expect_err "kies meldpunt of bindend-advies" "de routes van de Hoeksche Waard"
rm -rf "$T/s"
c=$(sample adviestafel)
"$DOSSIER" zet "$c" dossier.regio=swvzhw-leidschendam-voorburg >/dev/null
run "$DOSSIER" controleer "$c" --route adviestafel
expect_code 2 "SWVZHW heeft geen Adviestafel"
expect_err "kies expertisetafel, mwta of doorbraaktafel" "de routes van SWVZHW"
run "$DOSSIER" controleer "$c" --route expertisetafel
expect_code 0 "het adviestafelvoorbeeld past ook bij de Expertisetafel van SWVZHW"
run "$DOSSIER" tijdlijn "$SAMPLES/hoeksche-waard.json"
expect_out "Meer dan 4 weken geen onderwijs: thuiszitter" "Hoeksche Waard: de thuiszitter-grens op de tijdlijn"
finish
