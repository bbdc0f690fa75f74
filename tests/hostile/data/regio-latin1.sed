s/^overleg .*/overleg = \xe9\xe9n/
