#!/usr/bin/env bash
# make install puts the man page and the bash completion where Debian looks;
# the man page says what --help says; the completion completes commands,
# options, form, region and route names and --veld paths.
. "$(dirname "$0")/../lib.sh"

cd "$T"
# 1. make install with DESTDIR and PREFIX
run make -s -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr
expect_code 0 "make install DESTDIR=... PREFIX=/usr"
check "de man-pagina staat in /usr/share/man/man1" test -f root/usr/share/man/man1/dossier.1
check "de tab-aanvulling staat in /usr/share/bash-completion/completions" \
	test -f root/usr/share/bash-completion/completions/dossier
check "het programma staat in /usr/bin" test -x root/usr/bin/dossier
run make -s -C "$ROOT" install DESTDIR="$T/local"
check "standaard onder /usr/local" test -f local/usr/local/share/man/man1/dossier.1 -a \
	-f local/usr/local/share/bash-completion/completions/dossier

# 2. the man page cannot drift from --help: every line of every help is in it
MAN=root/usr/share/man/man1/dossier.1
sed -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/^\\&//' "$MAN" >man.txt
cmds=$("$DOSSIER" --help | sed -n '/^Opdrachten:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
missing=
for c in "" $cmds; do
	# shellcheck disable=SC2086
	"$DOSSIER" $c --help >help.txt
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		grep -qxF -- "$line" man.txt || missing="$missing
  ${c:-dossier}: $line"
	done <help.txt
done
if [ -z "$missing" ]; then pass "elke regel van elke --help staat in de man-pagina"
else fail "elke regel van elke --help staat in de man-pagina" "$missing"; fi
check "de man-pagina noemt alle opdrachten" sh -c "for c in $(echo $cmds); do grep -q \"^.SS \$c\$\" '$MAN' || exit 1; done"
if command -v man >/dev/null 2>&1; then
	check "man kan de pagina tonen" sh -c "man -l '$MAN' 2>&1 | grep -q 'OPDRACHTEN'"
fi

# 3. completion through the completion function itself
cat >complete.sh <<'SH'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
compopt() { :; }
_dossier
printf '%s\n' "${COMPREPLY[@]}"
SH
COMP=root/usr/share/bash-completion/completions/dossier
"$DOSSIER" nieuw z.json >/dev/null
run bash complete.sh "$COMP" "$DOSSIER" invullen z.json --veld casus.leer
expect_out '^casus\.leerling\.geboortedatum$' "--veld casus.leer<Tab> vult het pad aan"
expect_no_out '^casus\.school' "--veld casus.leer<Tab> geeft alleen passende paden"
run bash complete.sh "$COMP" "$DOSSIER" inv
expect_out '^invullen$' "opdrachten worden aangevuld"
run bash complete.sh "$COMP" "$DOSSIER" maak z.json --con
expect_out '^--concept$' "opties van een opdracht worden aangevuld"
run bash complete.sh "$COMP" "$DOSSIER" nieuw x.json --regio r
expect_out '^rijswijk$' "regio's worden aangevuld"
run bash complete.sh "$COMP" "$DOSSIER" nieuw x.json --route doorbraak
expect_out '^doorbraak-spoor2$' "routes worden aangevuld"
run bash complete.sh "$COMP" "$DOSSIER" invullen z.json to
expect_out '^toestemming$' "formuliernamen worden aangevuld"
run bash complete.sh "$COMP" "$DOSSIER" zet z.json casus.leerling.voor
expect_out '^casus\.leerling\.voornaam=$' "bij zet wordt PAD= aangevuld"

finish
