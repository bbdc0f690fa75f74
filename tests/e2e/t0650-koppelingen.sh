#!/usr/bin/env bash
# Symbolic links (issue 12, item 5): a save follows a link only as the
# kernel's protected_symlinks rule would (README, 'Koppelingen'), and a
# case swapped for a link to another case during invullen is not written.
. "$(dirname "$0")/../lib.sh"
PTY="$TOOLS/ptyrun"
cd "$T"
cp -R "$SAMPLES"/. .

# --- another user's link in a shared folder is not followed (needs root to play two users)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	chmod 711 "$T"
	mkdir -m 1777 gedeeld
	mkdir -m 700 prive
	printf 'mijn eigen bestand\n' >prive/belangrijk.txt
	cp prive/belangrijk.txt voor.txt
	setpriv --reuid=65534 --regid=65534 --clear-groups -- ln -s "$T/prive/belangrijk.txt" gedeeld/uit.pdf
	run "$DOSSIER" maak adviestafel.json -o gedeeld/uit.pdf
	expect_code 3 "maak -o naar de koppeling van een ander in een gedeelde map: geweigerd"
	expect_err "is een symbolische koppeling van een andere gebruiker in een map waarin anderen mogen schrijven" "met uitleg"
	check "het bestand achter de koppeling is ongewijzigd" cmp -s prive/belangrijk.txt voor.txt
	# one's own link is followed as before
	printf 'oud\n' >eigen.pdf
	ln -s "$T/eigen.pdf" gedeeld/mijn.pdf
	run "$DOSSIER" maak adviestafel.json -o gedeeld/mijn.pdf
	expect_code 0 "maak -o naar een eigen koppeling in de gedeelde map"
	check "het bestand achter de eigen koppeling is de PDF" sh -c "head -c 5 eigen.pdf | grep -q '%PDF-'"
else
	pass "koppeling van een ander (overgeslagen: alleen als root)"
fi

# --- a case swapped for a link to another case during invullen
"$DOSSIER" nieuw a.json --kenmerk K-A >/dev/null
"$DOSSIER" nieuw b.json --kenmerk K-B >/dev/null
cp b.json b-voor.json
cat >script <<EOS
expect > 
shell mv a.json a-weg.json && ln -s b.json a.json
send Zoë
expect vervangen door een ander
ended
EOS
run "$PTY" -t 30 script -- "$DOSSIER" invullen a.json
expect_code 0 "invullen merkt dat de casus is vervangen door een andere (ptyrun wachtte op 'vervangen door een ander')"
check "de andere casus is ongewijzigd" cmp -s b.json b-voor.json

# the same with another revision: the re-read finds another case reference
rm -f a.json
"$DOSSIER" nieuw c.json --kenmerk K-C >/dev/null
"$DOSSIER" zet b.json casus.leerling.voornaam=Bo >/dev/null
cp b.json b-voor.json
sed -i 's/a.json/c.json/g; s/a-weg.json/c-weg.json/; s/vervangen door een ander$/andere casus (kenmerk K-B in plaats van K-C)/' script
run "$PTY" -t 30 script -- "$DOSSIER" invullen c.json
expect_code 0 "invullen ziet bij het opnieuw inlezen een ander kenmerk en slaat niets op"
check "de andere casus is ongewijzigd" cmp -s b.json b-voor.json
finish
