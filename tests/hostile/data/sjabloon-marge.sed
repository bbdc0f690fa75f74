s/^marge_boven .*/marge_boven = 500/
