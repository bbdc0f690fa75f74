0,/"voorblad", "casus", "mdo"/s//"voorblad", "onbekend", "mdo"/
