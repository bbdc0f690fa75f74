$a [regels]\nmdo-cjg-aanwezg = uit
