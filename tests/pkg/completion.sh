#!/bin/sh
# The shell completions: bash's completion function driven word by word
# (with and without the bash-completion package loaded), its verbs and
# export formats checked against the program, and zsh's file against the
# same verbs.  CHARRETTE_BASH_COMPLETION / CHARRETTE_ZSH_COMPLETION name the
# files to test (default: the source tree's; tests/pkg/check-deb.sh passes
# the installed ones).
. "$top_srcdir/tests/cli/lib.sh"
bcomp=${CHARRETTE_BASH_COMPLETION:-$top_srcdir/completions/bash/charrette}
zcomp=${CHARRETTE_ZSH_COMPLETION:-$top_srcdir/completions/zsh/_charrette}
if ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: bash is not installed"
	exit 77
fi
unset LANGUAGE

# The charrette under test, on $PATH as "charrette" (the completion runs
# the one the command line names).
mkdir -p "$T/bin"
ln -s "$CHARRETTE" "$T/bin/charrette"
PATH=$T/bin:$PATH
export PATH

"$CHARRETTE" --db "$T/a.db" new "Queue choice" >/dev/null
"$CHARRETTE" --db "$T/a.db" new "Quorum: three nodes" --template generic >/dev/null
"$CHARRETTE" --db "$T/a.db" new "Observability stack" >/dev/null
"$CHARRETTE" --db "$T/b.db" new "Quiet hours for deploys" >/dev/null

# comp [--no-bash-completion] WORD...: what bash offers for the last WORD
# (words as bash splits them: --opt=value is --opt, =, value), one a line.
comp() {
	lib=/usr/share/bash-completion/bash_completion
	if [ "$1" = --no-bash-completion ]; then
		lib=""
		shift
	fi
	bash -c '
		lib=$1 file=$2
		shift 2
		[ -n "$lib" ] && [ -f "$lib" ] && . "$lib"
		. "$file" || exit 99
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_charrette charrette "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"
	' comp "$lib" "$bcomp" "$@" 2>"$T/comp.err" | sort
}

# expect_comp WANT DESCRIPTION -- WORD...: the offers are exactly WANT
# (lines; "" for none).
expect_comp() {
	want=$1 desc=$2
	shift 3
	for mode in "" --no-bash-completion; do
		printf '%s' "$want" | sed '/^$/d' | sort >"$T/want"
		# shellcheck disable=SC2086
		comp $mode "$@" | sed '/^$/d' >"$T/got"
		expect_same "$T/want" "$T/got" "$desc${mode:+ (without bash-completion)}"
	done
}

export CHARRETTE_DB="$T/a.db"
expect_comp "export" "exp completes to export" -- charrette exp
expect_comp "import
import-adr" "im offers both import verbs" -- charrette im
expect_comp "madr" "--format ma completes to madr" -- charrette export 1 --format ma
expect_comp "madr
metrics
metrics-csv" "--format m offers the formats starting with m" -- charrette export 1 --format m
expect_comp "madr" "--format=ma completes to madr" -- charrette export 1 --format = ma
expect_comp "table
tsv
json" "score formats" -- charrette score 1 --format ""
expect_comp "table
tsv" "list formats" -- charrette list --format ""
expect_comp "Queue\\ choice" "a title prefix from \$CHARRETTE_DB, quoted for the shell" -- charrette show Que
expect_comp "Queue\\ choice
Quorum:\\ three\\ nodes" "every title with the prefix" -- charrette export Qu
expect_comp "Quiet\\ hours\\ for\\ deploys" "--db FILE names the database" -- charrette --db "$T/b.db" show Qu
expect_comp "Quiet\\ hours\\ for\\ deploys" "--db=FILE names the database" -- charrette --db = "$T/b.db" score Q
expect_comp "Queue\\ choice
Quorum:\\ three\\ nodes" "a title as the WORKSHOP of the terminal app" -- charrette Qu
expect_comp "generic" "--template g completes to generic" -- charrette new "X" --template g
expect_comp "devops
generic" "--template lists the templates" -- charrette new "X" --template ""
expect_comp "--all
--deleted
--format" "list's options" -- charrette list --
expect_comp "--db
--data
--demo" "global options" -- charrette --d
expect_comp "" "no title for a verb that takes none" -- charrette templates Q
expect_comp "" "a second workshop is not offered" -- charrette show 1 Q
expect_comp "Queue\\ choice
Quorum:\\ three\\ nodes" "import-adr --into takes a workshop" -- charrette import-adr doc/adr --into Qu
# lib.sh points $XDG_DATA_HOME into the test folder.
unset CHARRETTE_DB
"$CHARRETTE" new "Default database" >/dev/null
expect_comp "Default\\ database" "the default database without --db or \$CHARRETTE_DB" -- charrette show Def
export CHARRETTE_DB="$T/a.db"
expect_comp "" "a database that is not there offers nothing" -- charrette --db "$T/none/x.db" show Q
if [ -e "$T/none" ]; then not_ok "completing does not create a database"; else
	ok "completing does not create a database"; fi

# The verbs the completions know are the verbs charrette --help lists.
"$CHARRETTE" --help | sed -n '/^Verbs:/,/^$/p' | sed -n 's/^  \([a-z-]*\).*/\1/p' |
	sort >"$T/verbs.help"
sed -n 's/^_charrette_verbs="\(.*\)"$/\1/p' "$bcomp" | tr ' ' '\n' | sort >"$T/verbs.bash"
expect_same "$T/verbs.help" "$T/verbs.bash" "bash knows the verbs of --help"
sed -n "s/^    '\([a-z-]*\):.*/\1/p" "$zcomp" | sort >"$T/verbs.zsh"
expect_same "$T/verbs.help" "$T/verbs.zsh" "zsh knows the verbs of --help"

# Every export format offered is one charrette export takes.
for f in $(sed -n 's/^_charrette_export_formats="\(.*\)"$/\1/p' "$bcomp"); do
	if "$CHARRETTE" --db "$T/a.db" export 1 --format "$f" -o "$T/x-$f" >/dev/null 2>"$T/err"; then
		ok "export takes --format $f"
	else
		not_ok "export takes --format $f"; sed 's/^/#   /' "$T/err"
	fi
done
zf=$(sed -n 's/.*\[export format\]:format:(\(.*\))'"'"'.*/\1/p' "$zcomp")
bf=$(sed -n 's/^_charrette_export_formats="\(.*\)"$/\1/p' "$bcomp")
[ -n "$zf" ] && [ "$zf" = "$bf" ] && ok "zsh offers the same export formats" ||
	not_ok "zsh offers the same export formats ('$zf' / '$bf')"

if command -v zsh >/dev/null 2>&1; then
	if zsh -n "$zcomp" 2>"$T/err"; then ok "zsh reads _charrette"; else
		not_ok "zsh reads _charrette"; sed 's/^/#   /' "$T/err"; fi
else
	echo "# zsh is not installed: its syntax check is skipped"
fi
finish
