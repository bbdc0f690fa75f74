#!/usr/bin/env bash
# The fill-in in a terminal of 60 and of 100 columns (tmux): no word of a
# screen is broken in the middle. Every word on the captured screens must
# be a word the program also writes whole, in a terminal too wide to wrap
# anything (issue 16, item 8).
. "$(dirname "$0")/../lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	fail "tmux ontbreekt (TEST_DEBS in de Makefile installeert het)"
	finish
	exit 0
fi
ANSWERS="$ROOT/tests/data/invullen-adviestafel-kort.txt"
cd "$T"
mkdir -p bijlagen
make_pdf bijlagen/opp.pdf 3 "OPP"
make_pdf bijlagen/verzuim.pdf 1 "Verzuimregistratie"
printf 'set -g history-limit 100000\nset -g status off\n' >tmux.conf
SOCK="dossier-test-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rc=$?; rm -rf "$T"; [ "$FINISHED" = 1 ] || echo "FAIL: $NAME: script stopped early"' EXIT

# screen WIDTH OUT: the whole session as the terminal shows it
screen() {
	local w=$1 out=$2 i
	mkdir -p "w$w" && cp -R bijlagen "w$w/"
	"$DOSSIER" nieuw "w$w/c.json" --kenmerk DH-2026-TEST >/dev/null
	tmux -L "$SOCK" -f tmux.conf new-session -d -s "s$w" -x "$w" -y 50 \
		"cd '$T/w$w' && '$DOSSIER' invullen c.json <'$ANSWERS'; echo KLAAR-MET-DE-TEST; sleep 60"
	for i in $(seq 1 300); do
		tmux -L "$SOCK" capture-pane -p -t "s$w" -S - >"$out" 2>/dev/null
		grep -q KLAAR-MET-DE-TEST "$out" && break
		sleep 0.1
	done
	tmux -L "$SOCK" kill-session -t "s$w" 2>/dev/null || true
	grep -q KLAAR-MET-DE-TEST "$out"
}

words() { tr -s ' \t' '\n\n' <"$1" | sed -e 's/^[[:punct:]]*//' -e 's/[[:punct:]]*$//' | grep . | sort -u; }

check "de hele sessie in 200 kolommen" screen 200 wide.txt
words wide.txt >vocabulary
for w in 60 100; do
	check "de hele sessie in $w kolommen" screen "$w" "s$w.txt"
	check "$w kolommen: het dossier is hetzelfde" cmp -s "w$w/c.json" w200/c.json
	check "$w kolommen: geen regel breder dan het scherm" \
		python3 -c "import sys; sys.exit(any(len(l.rstrip('\n')) > $w for l in open('s$w.txt', encoding='utf-8')))"
	words "s$w.txt" | comm -23 - vocabulary >"broken$w"
	if [ ! -s "broken$w" ]; then pass "$w kolommen: geen woord midden in gebroken"
	else fail "$w kolommen: geen woord midden in gebroken" "$(head -20 "broken$w" | tr '\n' ' ')"; fi
done

finish
