#!/usr/bin/env bash
# dossier instellingen: show the settings, and set the school's data by
# questions; 'dossier nieuw' then fills them in and says where from
# (issue 16, item 11).
. "$(dirname "$0")/../lib.sh"

cd "$T"
INI="$HOME/.config/dossier/dossier.ini"
run "$DOSSIER" nieuw eerst.json
expect_out "dossier instellingen school" "nieuw zonder instellingen wijst op 'dossier instellingen school'"
run "$DOSSIER" instellingen
expect_code 0 "instellingen tonen zonder bestand"
expect_out "dossier.ini \(bestaat nog niet\)" "het bestand wordt genoemd, en dat het er nog niet is"
printf 'OBS De Kraaienhorst\nDen Haag\nMarieke Oosterhuis\nintern begeleider\nfout-adres\nm.oosterhuis@kraaienhorst.nl\n070-3456789\nAnouk Brouwer-Çelik\na.brouwer@sppoh.nl\n' >school.txt
run sh -c "'$DOSSIER' instellingen school <school.txt"
expect_code 0 "de gegevens van de school invullen met vragen"
expect_out "Dit is geen e-mailadres" "een fout antwoord wordt uitgelegd en opnieuw gevraagd"
check "het bestand is alleen voor u leesbaar" test "$(stat -c %a "$INI")" = 600
check "de map ook" test "$(stat -c %a "$(dirname "$INI")")" = 700
run "$DOSSIER" nieuw z.json
expect_out "school   8 gegevens overgenomen uit .*dossier.ini" "nieuw neemt de gegevens over en zegt waarvandaan"
check "de school staat in de nieuwe casus" grep -q '"naam": "OBS De Kraaienhorst"' z.json
printf '[standaard]\nregio = rijswijk\n\n[school]\nnaam = Oud\n' >"$INI"
printf 'Nieuwe naam\n-\nstop\n' >twee.txt
run sh -c "'$DOSSIER' instellingen school <twee.txt"
expect_code 0 "wijzigen, wissen en stoppen"
check "andere groepen blijven staan" grep -q '^regio = rijswijk' "$INI"
check "de nieuwe naam is bewaard" grep -q '^naam *= Nieuwe naam' "$INI"
run "$DOSSIER" instellingen
expect_out "regio +rijswijk" "de regio uit de instellingen wordt getoond"
expect_out "Naam van de school +Nieuwe naam" "de school uit de instellingen wordt getoond"

finish
