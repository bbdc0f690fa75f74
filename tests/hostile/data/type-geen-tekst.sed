0,/"type": "kort"/s//"type": 5/
