0,/"soort": "formulier"/s//"soort": "raar"/
