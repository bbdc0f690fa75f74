s/"smw", "toestemming"/"smw", "nergens", "toestemming"/
