0,/"type": "kort"/s//"type": "kortt"/
