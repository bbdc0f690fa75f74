#!/usr/bin/env bash
# One writer per case (issue 12, item 4): the advisory lock and the
# revision keep every change of programs that change one case at once.
. "$(dirname "$0")/../lib.sh"
PTY="$TOOLS/ptyrun"
cd "$T"

# 1. eight zet at once on eight fields: all eight kept
"$DOSSIER" nieuw c.json --kenmerk L-1 >/dev/null
fields="casus.leerling.voornaam=Zoë casus.leerling.achternaam=Ünal casus.leerling.groep=groep_6
casus.school.naam=De_Kraaienhorst casus.school.plaats=Den_Haag casus.school.contactpersoon=Marieke
casus.school.email=m@school.nl casus.school.telefoon=070-3456789"
i=0
for f in $fields; do
	i=$((i + 1))
	( "$DOSSIER" zet c.json "${f//_/ }" >"zet$i.out" 2>"zet$i.err"; echo $? >"zet$i.rc" ) &
done
wait
ok=1
for j in 1 2 3 4 5 6 7 8; do [ "$(cat zet$j.rc)" = 0 ] || { ok=0; cat "zet$j.err"; }; done
check "acht gelijktijdige zet melden alle acht succes" test $ok = 1
kept=0
for f in $fields; do
	key=${f%%=*}; key=${key##*.}; val=${f#*=}; val=${val//_/ }
	grep -q "\"$key\": \"$val\"" c.json && kept=$((kept + 1))
done
check "alle acht waarden staan in de casus (gevonden: $kept)" test $kept = 8
check "de revisie telt elke opslag" grep -q '"revisie": 9' c.json
check "geen vergrendeling achtergebleven" test ! -e .c.json.lock

# 2. a zet during invullen survives the next answer, and the session says it re-read
"$DOSSIER" nieuw d.json --kenmerk L-2 >/dev/null
cat >script <<EOS
expect > 
send Zoë
expect > 
shell "$DOSSIER" zet d.json casus.school.naam=Kraaienhorst >/dev/null
send Ünal
expect opnieuw ingelezen
expect > 
send stop
ended
EOS
run "$PTY" -t 30 script -- "$DOSSIER" invullen d.json
expect_code 0 "invullen zegt dat het de casus opnieuw heeft ingelezen (ptyrun wachtte op 'opnieuw ingelezen')"
check "de wijziging van zet blijft staan" grep -q '"naam": "Kraaienhorst"' d.json
check "het antwoord van invullen ook" grep -q '"achternaam": "Ünal"' d.json
check "en het eerste antwoord" grep -q '"voornaam": "Zoë"' d.json

# 3. another program holds the case: a clear message, nothing saved
"$DOSSIER" nieuw e.json --kenmerk L-3 >/dev/null
cp e.json e-voor.json
flock .e.json.lock sleep 3 &
holder=$!
sleep 0.3
DOSSIER_TEST_LOCK_WAIT_MS=200 run "$DOSSIER" zet e.json casus.leerling.voornaam=Zoë
expect_code 3 "zet op een casus die een ander programma vasthoudt: code 3"
expect_err "e.json is in gebruik door een ander programma.*probeer het over een ogenblik opnieuw" "zet zegt dat een ander programma de casus vasthoudt"
check "niets opgeslagen" cmp -s e.json e-voor.json
kill $holder 2>/dev/null; wait $holder 2>/dev/null || true

finish
