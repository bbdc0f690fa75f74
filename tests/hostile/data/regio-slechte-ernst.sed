$a [regels]\nvoorblad = heel erg
