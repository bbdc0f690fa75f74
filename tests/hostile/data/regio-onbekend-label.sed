$a [labels]\ncasus.schoenmaat = Schoenmaat
