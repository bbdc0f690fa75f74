# bash completion for dossier(1): commands, options, form names, region and
# route names and field paths. The names come from the program itself
# (dossier --help, dossier OPDRACHT --help, dossier formulieren --lijst), so
# they follow the installed forms/ and never drift from the program.
# Installed by 'make install' in $(PREFIX)/share/bash-completion/completions.

_dossier_run()
{
	local prog=$1
	shift
	"$prog" "${_dossier_global[@]}" "$@" 2>/dev/null
}

_dossier()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prog=${COMP_WORDS[0]} cmd= i w npos=0
	_dossier_global=()

	# the command is the first word that is not a global option (or its value)
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -z $cmd ]]; then
			case $w in
			--data | --config)
				_dossier_global+=("$w" "${COMP_WORDS[i+1]}")
				((i++))
				;;
			-*) ;;
			*) cmd=$w ;;
			esac
			continue
		fi
		case $w in
		-o | --uit | -r | --regio | --route | --veld | --wis | --uit-bestand | -k | --kenmerk | \
			--sjabloon | -j | --taken | --bewaartermijn) ((i++)) ;;
		-*) ;;
		*) ((npos++)) ;;
		esac
	done

	case $prev in
	--data)
		COMPREPLY=($(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		return
		;;
	--config | --uit-bestand | -o | --uit)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return
		;;
	-r | --regio)
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" formulieren --lijst regios)" -- "$cur"))
		return
		;;
	--route)
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" formulieren --lijst routes)" -- "$cur"))
		return
		;;
	--veld | --wis)
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" formulieren --lijst paden)" -- "$cur"))
		return
		;;
	esac

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--data --config --versie --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_dossier_run "$prog" --help |
				sed -n '/^Opdrachten:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" "$cmd" --help |
			sed -n 's/^  *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p')" -- "$cur"))
		return
	fi
	case $cmd:$npos in
	invullen:1 | toon:1)
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" formulieren --lijst formulieren)" -- "$cur"))
		return
		;;
	formulieren:0)
		COMPREPLY=($(compgen -W "$(_dossier_run "$prog" formulieren --lijst formulieren)" -- "$cur"))
		return
		;;
	zet:[1-9]*)
		COMPREPLY=($(compgen -S = -W "$(_dossier_run "$prog" formulieren --lijst paden)" -- "$cur"))
		compopt -o nospace 2>/dev/null
		return
		;;
	esac
	# a case file (or a meeting file for agenda): files, folders with '/'
	COMPREPLY=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
}
complete -F _dossier dossier
