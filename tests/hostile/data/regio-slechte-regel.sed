s/^kenmerk .*/dit is geen ini-regel/
