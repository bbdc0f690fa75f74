#!/usr/bin/env bash
# SIGKILL at random moments of a guided session, 100 times: the case file
# always parses and holds every answer given before the last one.
. "$(dirname "$0")/../lib.sh"

PTY="$TOOLS/ptyrun"
if [ "${DOSSIER_UNDER_VALGRIND:-}" = 1 ]; then
	# the kills land at moments measured for the real speed; under valgrind
	# they would all hit start-up, which proves nothing
	echo "SKIP: $NAME: SIGKILL op willekeurige momenten (onder valgrind)"
	finish
	exit 0
fi
cd "$T"
head -16 "$ROOT/tests/data/invullen-adviestafel.txt" >all.txt
# what each answer must leave in the file
cat >stored.txt <<'E'
"voornaam": "Zoë"
"achternaam": "Ünal"
"geboortedatum": "2017-03-14"
"groep": "groep 6"
"naam": "OBS De Kraaienhorst"
"plaats": "Den Haag"
"contactpersoon": "Marieke Oosterhuis"
"functie": "intern begeleider"
"email": "m.oosterhuis@kraaienhorst.nl"
"telefoon": "070-3456789"
"adviseur": "Anouk Brouwer-Çelik"
"adviseur_email": "a.brouwer@sppoh.nl"
"woongemeente": "den-haag"
"naam": "Eline Ünal-de Jonge"
"relatie": "moeder"
"gezag": true
E
bad=0
detail=""
trial=1
while [ $trial -le 100 ]; do
	k=$((RANDOM % 16 + 1))
	rm -f k.json
	"$DOSSIER" nieuw k.json --kenmerk K-1 >/dev/null
	head -$k all.txt >part.txt
	printf 'answers part.txt\nsleepms %d\nkill 9\nsignal 9\n' $((RANDOM % 4)) >script
	"$PTY" script -- "$DOSSIER" invullen k.json >/dev/null 2>&1 || true
	set +e
	"$DOSSIER" toon k.json >"$OUT" 2>"$ERR"
	rc=$?
	set -e
	if [ $rc -gt 1 ]; then
		bad=$((bad + 1))
		detail="$detail [poging $trial: onleesbaar na antwoord $k]"
	else
		i=1
		while [ $i -lt $k ]; do
			pat=$(sed -n "${i}p" stored.txt)
			if ! grep -qF "$pat" k.json; then
				bad=$((bad + 1))
				detail="$detail [poging $trial: antwoord $i ontbreekt na $k]"
				break
			fi
			i=$((i + 1))
		done
	fi
	trial=$((trial + 1))
done
if [ $bad -eq 0 ]; then
	pass "100 keer SIGKILL tijdens invullen: bestand steeds leesbaar met alle eerdere antwoorden"
else
	fail "SIGKILL tijdens invullen" "$bad mislukt:$detail"
fi
check "geen tijdelijke bestanden die bij een levend proces horen" sh -c "! ls -a | grep -q '^\.k\.json\.tmp-$$-'"
finish
