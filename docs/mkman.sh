#!/bin/sh
# docs/mkman.sh DOSSIER VERSION - write the man page dossier(1) to stdout.
#
# The page is made from the program's own --help texts (the main help and
# 'dossier OPDRACHT --help' for every command it lists), so it cannot say
# something the program does not: 'make' rebuilds it with the program, and
# tests/e2e/t0090-installatie.sh checks every help line is in it.
set -eu
prog=$1
version=${2:-}
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d 2>/dev/null || date -u +%Y-%m-%d)

# roff: backslashes, a leading dot or quote, and hyphens in options
esc() {
	sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/" -e 's/-/\\-/g'
}

main=$("$prog" --help)
cmds=$(printf '%s\n' "$main" | sed -n '/^Opdrachten:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')

printf '.TH DOSSIER 1 "%s" "dossier %s" "Gebruikershandleiding"\n' "$date" "$version"
printf '.SH NAAM\ndossier \\- het dossier voor de Adviestafel en de Doorbraaktafel samenstellen\n'
printf '.SH OVERZICHT\n.nf\n'
printf '%s\n' "$main" | sed -n '1s/^Gebruik: //p' | esc
for c in $cmds; do
	"$prog" "$c" --help | sed -n '1s/^Gebruik: *//p' | esc
done
printf '.fi\n.SH BESCHRIJVING\n.nf\n'
printf '%s\n' "$main" | esc
printf '.fi\n.SH OPDRACHTEN\n'
for c in $cmds; do
	printf '.SS %s\n' "$c"
	printf '.nf\n'
	"$prog" "$c" --help | esc
	printf '.fi\n'
done
printf '.SH BESTANDEN\n'
printf '.TP\n.I ~/.config/dossier/dossier.ini\nuw instellingen, zoals de gegevens van uw school\n'
printf '.TP\n.I %s\nde formulieren, routes, regio'"'"'s, sjablonen en lettertypen\n' "${DOSSIER_SHARE:-/usr/local/share/dossier}"
printf '.SH ZIE OOK\nDe README in /usr/share/doc/dossier of /usr/local/share/doc/dossier.\n'
