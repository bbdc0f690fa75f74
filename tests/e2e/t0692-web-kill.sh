#!/usr/bin/env bash
# 50 times kill -9 of dossier web while it saves fields: the case file is
# always a valid case (the old or the new version), never half written.
. "$(dirname "$0")/../lib.sh"

cd "$T"
mkdir -p map
"$DOSSIER" nieuw map/k.json --kenmerk K-1 >/dev/null
# a long text makes each save take a while
long=$(head -c 30000 /dev/zero | tr '\0' 'x')
bad=0
kills=0
midway=0
for round in $(seq 50); do
	"$DOSSIER" web map --geen-browser --stop-na 30s >web.out 2>web.err &
	pid=$!
	for _ in $(seq 500); do grep -q 'http://' web.out 2>/dev/null && break; sleep 0.02; done
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?sleutel=[0-9a-f]*' web.out || true)
	base=${url%%/?sleutel=*}
	curl -s -c jar -o /dev/null "$url" || true
	csrf=$(curl -s -b jar "$base/casus/k.json/casus" | grep -o 'data-csrf="[0-9a-f]*"' | cut -d'"' -f2 || true)
	# a burst of saves of one long text (no "oud": the last one wins), killed in the middle
	args=()
	for i in $(seq 12); do
		printf '{"pad":"voorblad.samenvatting","waarde":"ronde %d opslag %d %s"}' "$round" "$i" "$long" >body$i
		[ $i -gt 1 ] && args+=(--next)
		args+=(-s -o /dev/null -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary "@body$i" "$base/casus/k.json/zet")
	done
	curl "${args[@]}" 2>/dev/null &
	cpid=$!
	sleep "0.0$((RANDOM % 6 + 1))"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null || true
	wait $cpid 2>/dev/null || true
	set +e
	"$DOSSIER" controleer map/k.json >/dev/null 2>ctl.err
	rc=$?
	set -e
	last=$(grep -o 'ronde [0-9]* opslag [0-9]*' map/k.json || true)
	[ "$last" = "ronde $round opslag 12" ] || midway=$((midway + 1))
	if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
		bad=$((bad + 1))
		[ $bad -eq 1 ] && fail "ronde $round: het casusbestand is niet meer te lezen (code $rc)" "$(cat ctl.err)"
	fi
done
check "50 keer kill -9 tijdens het opslaan" test "$kills" -eq 50
check "na elke kill is het casusbestand een geldige casus" test "$bad" -eq 0
# at least a fifth: on a loaded machine more kills land between two saves
check "de kills vielen midden in de reeks opslagen ($midway van 50 keer)" test "$midway" -ge 10
check "de laatste opgeslagen tekst staat er helemaal in" sh -c "grep -o 'ronde [0-9]* opslag [0-9]* x*\"' map/k.json | grep -q 'x\{30000\}\"'"
check "het casusbestand blijft privé (0600)" test "$(stat -c %a map/k.json)" = 600
run "$DOSSIER" zet map/k.json casus.leerling.voornaam=Zoë
expect_code 0 "na de kills kan de casus gewoon weer worden gewijzigd (geen slot achtergebleven)"
finish
