0,/"voorblad", "mdo"/s//"voorblad", "onbekend", "mdo"/
