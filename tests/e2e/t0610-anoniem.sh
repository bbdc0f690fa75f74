#!/usr/bin/env bash
# The anonymised copy (issue 12, item 2), as a property: for each sample
# and for generated cases, every declared personal value, in each notation
# its type accepts, in other case, and with every kind of Unicode space,
# hyphen and apostrophe around it, is absent from the text, the outline,
# the metadata and the page labels of `maak --anoniem` and
# `agenda --anoniem`. The values come from the forms' declarations
# (anoncheck --waarden), not from a list in this script.
. "$(dirname "$0")/../lib.sh"
export LC_ALL=C.UTF-8
CHECK="$TOOLS/anoncheck"
cd "$T"
cp -R "$SAMPLES"/. .
# a template whose header and document title name the child
mkdir data && cp -R "$ROOT/forms" "$ROOT/templates" "$ROOT/fonts" data/
sed -i 's/^links *= {swv_voluit}$/links         = {casus.leerling.voornaam} {casus.leerling.achternaam:lang}/;
	s/^documenttitel *=.*/documenttitel = Dossier van {casus.leerling.voornaam} {casus.leerling.achternaam}, geboren {casus.leerling.geboortedatum:lang}/' \
	data/templates/standaard.ini
grep -q '{casus.leerling.voornaam}' data/templates/standaard.ini || echo "FAIL: $NAME: template not changed"

# generated cases: short names, particles, letters beyond Latin-1
gen() { # FILE FIRST LAST PARENT1 PARENT2 BIRTH PHONE
	cp adviestafel.json "$1"
	"$DOSSIER" zet "$1" "casus.leerling.voornaam=$2" "casus.leerling.achternaam=$3" \
		"casus.ouders[1].naam=$4" "casus.ouders[2].naam=$5" "casus.leerling.geboortedatum=$6" \
		"casus.ouders[1].telefoon=$7" "toestemming.ondertekenaars[1].naam=$4" \
		"toestemming.ondertekenaars[2].naam=$5" >/dev/null || echo "FAIL: $NAME: zet for $1"
}
gen gen1.json Bo Ng "An Ng" "Li Ng-de Wit" 02-01-2016 "+31 6 12345678"
gen gen2.json "Ïsa" "Ødegård-van der Berg" "Şule Ødegård" "Ça Ødegård" 30-11-2015 0031652468024
gen gen3.json "Jo" "O'Neill" "Mary O'Neill" "Ed O'Neill" 09-09-2018 "070 - 345 67 89"

WRAP=( ' | ' $'\u00a0|\u00a0' $'\u2009|\u2009' $'\u202f|\u202f' $'\u2013|\u2014' $'\u2010|\u2011' '’|’s' '‘|’' '„|”' 'ʼ|ʼs' '-|-' '(|)' $'\u200b|\u200b' $'\u00ad|\u00ad' '“|”,' )
PARTICLES=" van de der den het ten ter te in op la le du da di von dos del el al "

variants() { # TYPE VALUE: one notation per line
	local t=$1 v=$2 y m d dg p
	case $t in
	naam)
		printf '%s\n' "$v" "${v^^}" "${v,,}" "${v// /$'\u00a0'}" "${v//-/$'\u2010'}"
		for p in ${v//-/ }; do
			case "$PARTICLES" in *" ${p,,} "*) continue ;; esac
			printf '%s\n' "$p" "${p^^}" "${p:0:1}"$'\u00ad'"${p:1}"
		done ;;
	datum)
		y=${v:0:4}; m=${v:5:2}; d=${v:8:2}
		local md=$((10#$m)) dd=$((10#$d)) s
		for s in - / .; do printf '%s\n' "$dd$s$md$s$y" "$d$s$m$s$y" "$y$s$m$s$d"; done
		local months=(januari februari maart april mei juni juli augustus september oktober november december)
		printf '%s\n' "$dd ${months[$((md - 1))]} $y" "$dd ${months[$((md - 1))]^^} $y" ;;
	telefoon)
		dg=$(printf '%s' "$v" | tr -cd 0-9)
		case $dg in 0031*) dg=0${dg:4} ;; 31*) dg=0${dg:2} ;; esac
		printf '%s\n' "$dg" "${dg:0:2} ${dg:2}" "${dg:0:3}-${dg:3}" "+31 ${dg:1}" "0031${dg:1}" \
			"${dg:0:2}-${dg:2:2} ${dg:4:2} ${dg:6:2} ${dg:8}" "+31 (0)${dg:1:1} ${dg:2}" ;;
	*)
		printf '%s\n' "$v" "${v^^}" "${v^}" ;;
	esac
}

for c in adviestafel doorbraak-spoor1 doorbraak-spoor2 gen1 gen2 gen3; do
	"$CHECK" --waarden "$ROOT" $c.json >$c.values || echo "FAIL: $NAME: --waarden $c"
	: >$c.forbidden
	text=""
	i=0
	while IFS=$'\t' read -r type value; do
		while IFS= read -r v; do
			w=${WRAP[$((i % ${#WRAP[@]}))]}
			text+="${w%%|*}$v${w#*|} "
			printf '%s\n' "$v" >>$c.forbidden
			i=$((i + 1))
		done < <(variants "$type" "$value")
		for w in "${WRAP[@]}"; do  # every kind around the value as stored
			text+="${w%%|*}$value${w#*|} "
		done
	done <$c.values
	printf '%s\n' "$(cut -f2 $c.values)" >>$c.forbidden
	# into a long text that every route prints
	"$DOSSIER" zet $c.json "mdo[1].analyse=Notities: $text" >/dev/null || echo "FAIL: $NAME: zet text $c"
	run "$DOSSIER" --data data maak $c.json --anoniem -o $c-anoniem.pdf
	expect_code 0 "$c: maak --anoniem"
	pdftotext -enc UTF-8 $c-anoniem.pdf $c.txt
	pdfinfo -enc UTF-8 $c-anoniem.pdf >$c.info
	mutool show $c-anoniem.pdf outline >$c.outline 2>/dev/null
	qpdf --json=2 --json-key=pagelabels $c-anoniem.pdf >$c.labels
	check "$c: de waarden staan echt in de tekst van de casus ($(wc -l <$c.forbidden) notaties)" \
		grep -q "$(head -1 $c.values | cut -f2)" $c.json
	check "$c: geen persoonlijke waarde in tekst, inhoud, metadata en paginalabels" \
		"$CHECK" $c.forbidden $c.txt $c.info $c.outline $c.labels
	pages=$(pdfinfo $c-anoniem.pdf | awk '/^Pages:/ { print $2 }')
	marked=$(for p in $(seq 1 "$pages"); do pdftotext -f $p -l $p $c-anoniem.pdf - | grep -c 'Geanonimiseerde kopie'; done | grep -c '^[1-9]')
	check "$c: elke pagina zegt dat het de geanonimiseerde kopie is ($marked van $pages)" test "$marked" = "$pages"
done

# the meeting pack of anonymised copies: the samples, and the generated
# cases (made from one sample, so each keeps that sample's other texts)
agenda_check() { # LABEL CASES...
	local label=$1 pdf
	shift
	rm -rf ag && cat "${@/%/.forbidden}" >agenda.forbidden
	run "$DOSSIER" --data data agenda vergadering.ini "${@/%/.json}" -o ag --anoniem
	expect_code 0 "agenda --anoniem ($label)"
	pdf=$(ls ag/agenda-*-anoniem.pdf 2>/dev/null | head -1)
	check "agenda --anoniem maakte een PDF ($label)" test -n "$pdf"
	pdftotext -enc UTF-8 "$pdf" agenda.txt
	pdfinfo -enc UTF-8 "$pdf" >agenda.info
	mutool show "$pdf" outline >agenda.outline 2>/dev/null
	qpdf --json=2 --json-key=pagelabels "$pdf" >agenda.labels
	check "agenda --anoniem ($label): geen persoonlijke waarde in tekst, inhoud, metadata en paginalabels" \
		"$CHECK" agenda.forbidden agenda.txt agenda.info agenda.outline agenda.labels
}
agenda_check voorbeelden adviestafel doorbraak-spoor1 doorbraak-spoor2
agenda_check gegenereerd gen1 gen2 gen3
finish
