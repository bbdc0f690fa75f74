0,/"sleutel"/s//"sleutel",,/
