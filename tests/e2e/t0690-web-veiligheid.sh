#!/usr/bin/env bash
# dossier web's door: wrong Host, no cookie, no CSRF token, another Origin,
# paths outside the data, oversized and hostile uploads are refused with
# the right status and change nothing on disk; the server listens on the
# loopback address only, sends no CORS headers, and stops when idle.
. "$(dirname "$0")/../lib.sh"

cd "$T"
mkdir -p map outside
"$DOSSIER" nieuw map/a.json --kenmerk A-1 >/dev/null
echo '{"geheim": true}' >outside/b.json
ln -s ../outside/b.json map/link.json
make_pdf outside/los.pdf 1 "Buiten"

start_server() {
	# a server left behind by a failing check stops by itself
	"$DOSSIER" web map --geen-browser --stop-na 90s "$@" >web.out 2>web.err &
	pid=$!
	for _ in $(seq 200); do grep -q 'http://' web.out 2>/dev/null && break; sleep 0.1; done
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?sleutel=[0-9a-f]*' web.out || true)
	port=$(echo "$url" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')
	base="http://127.0.0.1:$port"
}
start_server
check "de server meldt zijn adres" test -n "$url"

# status of a request: code [curl options...]
status() { curl -s -o "$T/.body" -D "$T/.head" -w '%{http_code}' "$@" 2>/dev/null || true; }
sum() { find map -type f -exec sha256sum {} + | sort; }
same_disk() { sum >"$T/.after"; if cmp -s "$T/.before" "$T/.after"; then pass "$1: niets veranderd op schijf"; else fail "$1: niets veranderd op schijf" "$(diff "$T/.before" "$T/.after")"; fi; }
is() { if [ "$1" = "$2" ]; then pass "$3"; else fail "$3" "status $1, verwacht $2" "$(head -c 300 "$T/.body")"; fi; }

# the key becomes a cookie
code=$(status -c jar "$base/?sleutel=verkeerd")
is "$code" 403 "een verkeerde sleutel wordt geweigerd (403)"
check "een verkeerde sleutel geeft geen cookie" sh -c "! grep -qi '^set-cookie' '$T/.head'"
code=$(status -c jar "$url")
is "$code" 303 "de sleutel uit het adres geeft een cookie en een doorverwijzing"
check "de cookie is HttpOnly en SameSite=Strict" grep -qi '^set-cookie: dossier_sessie=[0-9a-f]*; HttpOnly; SameSite=Strict; Path=/' "$T/.head"
status -b jar "$base/casus/a.json/casus" >/dev/null
csrf=$(grep -o 'data-csrf="[0-9a-f]*"' "$T/.body" | cut -d'"' -f2)
check "de pagina draagt een CSRF-token" test -n "$csrf"

# headers on a page with personal data
check "Content-Security-Policy zonder inline script" grep -qi "^content-security-policy: default-src 'none'; script-src 'self'; style-src 'self'" "$T/.head"
check "geen 'unsafe-inline' in de CSP" sh -c "! grep -qi 'unsafe' '$T/.head'"
check "geen inline script in de pagina" sh -c "! grep -qiE '<script>|<script [^>]*>[^<]|onclick=|onchange=|javascript:' '$T/.body'"
check "niet bewaren in de cache (no-store)" grep -qi '^cache-control: no-store' "$T/.head"
check "geen verwijzer (no-referrer)" grep -qi '^referrer-policy: no-referrer' "$T/.head"
check "niet in een frame (frame-ancestors)" grep -qi "frame-ancestors 'none'" "$T/.head"

set_field() { # value [extra curl options]
	local v=$1; shift
	status -b jar -H 'Content-Type: application/json' --data-binary "{\"pad\":\"casus.leerling.voornaam\",\"waarde\":\"$v\",\"oud\":\"\"}" "$@" "$base/casus/a.json/zet"
}
sum >"$T/.before"

code=$(set_field Eva -H 'Host: evil.example:'"$port" -H "X-CSRF-Token: $csrf")
is "$code" 421 "een verkeerde Host-kop wordt geweigerd (421, DNS-rebinding)"
code=$(status -b jar -H 'Host: 127.0.0.1.evil.example' "$base/casus/a.json/casus")
is "$code" 421 "ook een pagina opvragen met een verkeerde Host (421)"
code=$(status -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary '{"pad":"casus.leerling.voornaam","waarde":"Eva","oud":""}' "$base/casus/a.json/zet")
is "$code" 403 "zonder cookie geen wijziging (403)"
code=$(status "$base/casus/a.json/casus")
is "$code" 403 "zonder cookie geen pagina met persoonsgegevens (403)"
check "de weigering noemt geen gegevens uit de casus" sh -c "! grep -q 'A-1' '$T/.body'"
code=$(set_field Eva)
is "$code" 403 "zonder CSRF-token geen wijziging (403)"
code=$(set_field Eva -H 'X-CSRF-Token: 0000')
is "$code" 403 "met een verkeerd CSRF-token geen wijziging (403)"
code=$(set_field Eva -H "X-CSRF-Token: $csrf" -H 'Origin: http://evil.example')
is "$code" 403 "een andere Origin wordt geweigerd (403)"
code=$(set_field Eva -H "X-CSRF-Token: $csrf" -H 'Sec-Fetch-Site: cross-site')
is "$code" 403 "een verzoek van een andere site wordt geweigerd (403)"
code=$(status -b jar -d "csrf=$csrf" -H 'Origin: http://evil.example' "$base/afsluiten")
is "$code" 403 "'Afsluiten' vanaf een andere site wordt geweigerd (403)"
check "de server draait daarna nog" kill -0 $pid
code=$(status -b jar -X OPTIONS -H 'Origin: http://evil.example' -H 'Access-Control-Request-Method: POST' "$base/casus/a.json/zet")
is "$code" 405 "geen CORS-preflight (405)"
code=$(set_field Eva -H "X-CSRF-Token: $csrf" -H 'Origin: http://evil.example')
check "nooit een Access-Control-kop" sh -c "! grep -qi '^access-control' '$T/.head'"
same_disk "Host, cookie, CSRF, Origin"

# paths outside the data
code=$(status -b jar --path-as-is "$base/casus/../../outside/b.json/casus")
is "$code" 404 "../ in het pad geeft geen bestand buiten de map (404)"
code=$(status -b jar "$base/casus/..%2Foutside%2Fb.json/casus")
is "$code" 404 "een gecodeerd ../ evenmin (404)"
code=$(status -b jar "$base/casus/link.json/casus")
is "$code" 404 "een symbolische koppeling naar buiten de map wordt niet geopend (404)"
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary '{"pad":"casus.leerling.voornaam","waarde":"Eva","oud":""}' "$base/casus/link.json/zet")
is "$code" 404 "en niet via een koppeling gewijzigd (404)"
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary "{\"pad\":\"toestemming[1].scan\",\"waarde\":\"$T/outside/los.pdf\",\"oud\":\"\"}" "$base/casus/a.json/zet")
is "$code" 403 "een bestand buiten de map kan niet als bijlage worden genoemd (403)"
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary '{"pad":"dossier.route","waarde":"doorbraak-spoor1","oud":"Adviestafel"}' "$base/casus/a.json/zet")
is "$code" 400 "de gegevens van het dossier zelf zijn niet te wijzigen (400)"
check "het bestand buiten de map is ongemoeid" grep -q geheim outside/b.json
same_disk "paden buiten de map"

# uploads
upload() { # file name [curl options]
	local f=$1 n=$2; shift 2
	status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/octet-stream' --data-binary "@$f" "$@" "$base/casus/a.json/bijlage?pad=toestemming%5B1%5D.scan&naam=$n"
}
head -c $((25 * 1024 * 1024)) /dev/zero >big.pdf
printf '%%PDF-1.4\n' | dd of=big.pdf conv=notrunc 2>/dev/null
code=$(upload big.pdf groot.pdf)
is "$code" 413 "een te grote upload wordt geweigerd (413)"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'x' | sed 's/^/{"pad":"voorblad.samenvatting","waarde":"/; s/$/"}/' >big.json
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary @big.json "$base/casus/a.json/zet")
is "$code" 413 "een veld van 2 MB wordt geweigerd (413; alleen een bijlage mag groot zijn)"
printf '<html><script>alert(1)</script></html>' >evil.pdf
code=$(upload evil.pdf evil.pdf)
is "$code" 415 "HTML vermomd als PDF wordt geweigerd (415)"
printf '\211PNG\r\n\032\nrommel' >kapot.png
code=$(upload kapot.png kapot.png)
is "$code" 422 "een kapotte PNG wordt geweigerd met de melding van de terminal (422)"
check "de kapotte PNG wordt niet bewaard" test ! -e map/bijlagen/kapot.png
code=$(upload "$SAMPLES/bijlagen/toestemming-ilayda-scan.jpg" scan.jpg -H 'Origin: http://evil.example')
is "$code" 403 "een upload van een andere site wordt geweigerd (403)"
code=$(status -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/octet-stream' --data-binary "@$SAMPLES/bijlagen/toestemming-ilayda-scan.jpg" "$base/casus/a.json/bijlage?pad=toestemming%5B1%5D.scan&naam=x.jpg")
is "$code" 403 "een upload zonder cookie wordt geweigerd (403)"
find map -type f -exec sha256sum {} + | sort >"$T/.after"
check "niets bewaard van de geweigerde uploads" sh -c "! find map -path '*bijlagen*' -type f | grep -q ."
code=$(upload "$SAMPLES/bijlagen/toestemming-ilayda-scan.jpg" '..%2F..%2Foutside%2Fscan.jpg')
is "$code" 200 "een goede scan met een vijandige naam wordt aangenomen"
check "... als scan.jpg in bijlagen/ naast de casus" test -f map/bijlagen/scan.jpg
check "... en niet buiten de map" test ! -e outside/scan.jpg
check "... privé (0600)" test "$(stat -c %a map/bijlagen/scan.jpg)" = 600
code=$(upload "$SAMPLES/bijlagen/toestemming-ilayda-scan.jpg" '..%2F..%2Foutside%2Fscan.jpg')
check "een tweede upload met dezelfde naam overschrijft niets" test -f map/bijlagen/scan-2.jpg

# the previous MDO's attendees into an empty list of the next report
"$DOSSIER" zet map/a.json 'mdo[1].datum=06-10-2026' 'mdo[1].aanwezigen[1].naam=Noor Bakker' 'mdo[1].aanwezigen[1].rol=smw' \
	'mdo[1].aanwezigen[2].naam=Sjoerd Hoekstra' 'mdo[2].datum=10-11-2026' >/dev/null
status -b jar "$base/casus/a.json/mdo" >/dev/null
check "het tweede verslag biedt de deelnemers van het vorige aan" grep -q 'data-lijst="mdo\[2\].aanwezigen" data-op="overnemen"' "$T/.body"
check "het eerste verslag niet" sh -c "! grep -q 'data-lijst=\"mdo\[1\].aanwezigen\" data-op=\"overnemen\"' '$T/.body'"
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary '{"pad":"mdo[2].aanwezigen","op":"overnemen","index":1,"aantal":0}' "$base/casus/a.json/lijst")
is "$code" 200 "deelnemers van het vorige verslag overnemen"
run "$DOSSIER" toon map/a.json mdo
expect_out 'Noor Bakker.*smw|Noor Bakker' "het tweede verslag heeft nu ook Noor Bakker"
check "... twee keer in de casus (verslag 1 en 2)" test "$(grep -c '"Noor Bakker"' map/a.json)" = 2
code=$(status -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' --data-binary '{"pad":"mdo[2].aanwezigen","op":"overnemen","index":1,"aantal":0}' "$base/casus/a.json/lijst")
is "$code" 409 "een tweede keer overnemen in een gevulde lijst wordt geweigerd (409)"
sum >"$T/.before"

# the meeting pack and deleting, through the start page's forms
code=$(status -b jar -d "csrf=$csrf&c=a.json&c=link.json&c=..%2Foutside%2Fb.json&datum=03-12-2026&begin=09.30&plaats=Stadhuis&concept=ja" "$base/agenda")
is "$code" 200 "de agenda van de aangevinkte casussen"
check "... is een PDF" sh -c "head -c 5 '$T/.body' | grep -q '%PDF-'"
check "... met alleen de casus in de map (geen koppeling, niets erbuiten)" sh -c "pdftotext '$T/.body' - | grep -q 'A-1' && ! pdftotext '$T/.body' - | grep -q geheim"
check "... en de tijdelijke map is weer weg" sh -c "! ls -a map | grep -q dossier-agenda"
code=$(status -b jar -d "csrf=$csrf&bestand=a.json&kenmerk=A-2" "$base/verwijder")
is "$code" 422 "verwijderen met een verkeerd kenmerk wordt geweigerd (422)"
check "... en de casus blijft" test -f map/a.json
code=$(status -b jar -d "bestand=a.json&kenmerk=A-1" "$base/verwijder")
is "$code" 403 "verwijderen zonder CSRF-token wordt geweigerd (403)"
code=$(status -b jar -d "csrf=$csrf&bestand=..%2Foutside%2Fb.json&kenmerk=x" "$base/verwijder")
is "$code" 404 "een bestand buiten de map kan niet worden verwijderd (404)"
check "... en blijft staan" test -f outside/b.json
code=$(status -b jar -d "csrf=$csrf&bestand=..%2Foutside%2Fc.json" "$base/nieuw")
is "$code" 400 "een nieuwe casus buiten de map wordt geweigerd (400)"
check "... en er komt niets buiten de map" test ! -e outside/c.json
"$DOSSIER" nieuw map/weg.json --kenmerk WEG-1 >/dev/null
code=$(status -b jar -d "csrf=$csrf&bestand=weg.json&kenmerk=WEG-1" "$base/verwijder")
is "$code" 200 "verwijderen met het juiste kenmerk"
check "... verwijdert de casus" test ! -e map/weg.json

# loopback only
if command -v ss >/dev/null; then
	check "de server luistert alleen op 127.0.0.1" sh -c "ss -ltnH | grep ':$port ' | awk '{print \$4}' | grep -qx '127.0.0.1:$port' && ! ss -ltnH | grep ':$port ' | grep -qv '127.0.0.1:$port'"
fi
# the listening socket itself, from the kernel's table: bound to 127.0.0.1 (0100007F), nothing else
hexport=$(printf '%04X' "$port")
check "in /proc/net/tcp alleen 127.0.0.1:$port" sh -c "awk '\$4 == \"0A\" && \$2 ~ /:$hexport\$/ { print \$2 }' /proc/net/tcp /proc/net/tcp6 | grep -qx '0100007F:$hexport' && [ \$(awk '\$4 == \"0A\" && \$2 ~ /:$hexport\$/' /proc/net/tcp /proc/net/tcp6 | wc -l) -eq 1 ]"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.2:$port/" 2>/dev/null || true)
is "$code" 000 "geen antwoord op een ander loopback-adres dan 127.0.0.1"

# Afsluiten stops the server; nothing personal in its output
code=$(status -b jar -d "csrf=$csrf" "$base/afsluiten")
is "$code" 200 "'Afsluiten' met cookie en token"
RC=0; wait $pid || RC=$?
cp web.err "$ERR"; : >"$OUT"
expect_code 0 "de server stopt na 'Afsluiten' met code 0"
check "geen uitvoer op stderr" test ! -s web.err
if grep -qE 'A-1|a\.json|scan|outside' web.out; then fail "niets persoonlijks in de uitvoer" "$(cat web.out)"; else pass "niets persoonlijks in de uitvoer"; fi

# idle stop
start_server --stop-na 2s
RC=0; wait $pid || RC=$?
cp web.err "$ERR"; : >"$OUT"
expect_code 0 "de server stopt vanzelf na een tijd zonder gebruik"
check "en zegt waarom" grep -q 'niet gebruikt' web.out

# a port that is taken
start_server --stop-na 20s
run "$DOSSIER" web map --geen-browser --poort "$port"
expect_code 3 "een bezette poort geeft een systeemfout (3)"
expect_err "de webserver kan niet starten op poort $port" "en zegt welke poort"
kill $pid; wait $pid || true
run "$DOSSIER" web map --geen-browser --poort 70000
expect_code 2 "een ongeldige poort is verkeerd gebruik (2)"
finish
