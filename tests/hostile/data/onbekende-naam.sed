0,/{overleg}/s//{overlegg}/
