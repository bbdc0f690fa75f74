s/^accent .*/accent = blauw/
