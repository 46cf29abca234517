#!/bin/sh
# UI scenario runner (after tig's test suite): each tests/ui/NAME.script is
# fed to charrette as keys (CHARRETTE_SCRIPT) with no display, in a fresh
# temporary HOME and database, with a fixed locale, time zone, size and
# clock, under a watchdog.  Every NAME.*.screen the script saved with
# :save-display is compared with the file of the same name beside the
# script.
#
#   tests/ui/run.sh [NAME...]          run these scenarios (default: all)
#   CHARRETTE_UPDATE_SCREENS=1 ...     rewrite the expected screens (then
#                                      read them before committing!)
#   CHARRETTE_UI_WRAPPER="valgrind --error-exitcode=1 --leak-check=full
#                        --errors-for-leak-kinds=definite" ...
#                                      run the app under a checker
#
# Directives in a script (comment lines starting with "#@"):
#   #@ size COLSxROWS      terminal size (default 80x24)
#   #@ setup ARGS...       run "charrette --db DB ARGS" first (shell words;
#                          $srcdir is the source tree)
#   #@ env NAME=VALUE      extra environment for the run
#   #@ args ARGS...        arguments of the TUI run (e.g. --read-only 1);
#                          after a #@ rerun, of that run and the next ones
#                          (e.g. --as bob 1 for a second participant)
#   #@ exit N              the expected exit status (default 0)
#   #@ rerun               end of a run: the rest of the script is a second
#                          run of the app on the same database
#   #@ sql QUERY           after the run so far, print QUERY's result (with
#                          sqlite3) into NAME.sql.screen, compared as well
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-$srcdir}
bin=${CHARRETTE:-$builddir/charrette}
here=$srcdir/tests/ui
. "$here/lib.sh"
# The watchdog: a hung run is killed (checkers get longer).
tmo=20
[ -n "${CHARRETTE_UI_WRAPPER:-}" ] && tmo=180

if [ ! -x "$bin" ]; then
	echo "run.sh: no charrette binary at $bin" >&2
	exit 99
fi

if [ $# -eq 0 ]; then
	set --
	for f in "$here"/*.script; do
		n=$(basename "$f" .script)
		set -- "$@" "$n"
	done
fi

# Run one phase: script file, size, args, env file.
run_phase() {
	_script=$1
	_cols=$2
	_rows=$3
	_tmp=$4
	shift 4
	(
		cd "$_tmp/out" || exit 99
		env -i PATH="$PATH" HOME="$_tmp/home" LANG=C.UTF-8 \
			LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1767225600 \
			LD_PRELOAD="$fakeid" CHARRETTE_TEST_ACCOUNT=dana \
			ASAN_OPTIONS="$pin_asan" \
			LINES="$_rows" COLUMNS="$_cols" TERM=xterm-256color \
			CHARRETTE_DATADIR="$srcdir/data" \
			CHARRETTE_LOCALEDIR="${CHARRETTE_LOCALEDIR:-$builddir/tests/locale}" \
			CHARRETTE_SCRIPT="$_script" CHARRETTE_NO_DISPLAY=1 \
			$(cat "$_tmp/env") \
			timeout "$tmo" \
			${CHARRETTE_UI_WRAPPER:-} "$bin" --db "$_tmp/db.sqlite" "$@" \
			>"$_tmp/stdout" 2>"$_tmp/stderr"
	)
}

run_one() {
	name=$1
	script=$here/$name.script
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-ui.XXXXXX") || return 1
	mkdir -p "$tmp/home" "$tmp/out"
	: >"$tmp/env"
	ok=1
	cols=80
	rows=24
	want=0
	phase=1
	args=""
	: >"$tmp/phase1"

	if [ ! -f "$script" ]; then
		echo "FAIL $name: no $script"
		rm -rf "$tmp"
		return 1
	fi
	# Split into phases and read the directives.
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		"#@ size "*)
			sz=${line#\#@ size }
			cols=${sz%x*}
			rows=${sz#*x}
			;;
		"#@ env "*)
			echo "${line#\#@ env }" >>"$tmp/env"
			;;
		"#@ args "*)
			args=${line#\#@ args }
			echo "$args" >"$tmp/args$phase"
			;;
		"#@ exit "*)
			want=${line#\#@ exit }
			;;
		"#@ setup "*)
			cmd=${line#\#@ setup }
			if ! (eval "set -- $cmd"; cd "$tmp/out" && \
			      env HOME="$tmp/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
				TZ=UTC CHARRETTE_NOW=1767225600 \
				LD_PRELOAD="$fakeid" CHARRETTE_TEST_ACCOUNT=dana \
				ASAN_OPTIONS="$pin_asan" \
				CHARRETTE_DATADIR="$srcdir/data" \
				"$bin" --db "$tmp/db.sqlite" "$@") \
			     >"$tmp/setup.out" 2>&1; then
				echo "FAIL $name: setup '$cmd':"
				sed 's/^/    /' "$tmp/setup.out"
				ok=0
			fi
			;;
		"#@ sql "*)
			echo "$line" >>"$tmp/phase$phase"
			;;
		"#@ rerun")
			phase=$((phase + 1))
			: >"$tmp/phase$phase"
			;;
		*)
			echo "$line" >>"$tmp/phase$phase"
			;;
		esac
	done <"$script"

	p=1
	args=""
	while [ $ok = 1 ] && [ $p -le $phase ]; do
		grep -v '^#@ sql ' "$tmp/phase$p" >"$tmp/run$p.script"
		[ -f "$tmp/args$p" ] && args=$(cat "$tmp/args$p")
		eval "set -- $args"
		run_phase "$tmp/run$p.script" "$cols" "$rows" "$tmp" "$@"
		rc=$?
		if [ "$rc" != "$want" ]; then
			echo "FAIL $name: run $p exited $rc, expected $want"
			sed 's/^/    stderr: /' "$tmp/stderr"
			ok=0
		fi
		grep '^#@ sql ' "$tmp/phase$p" | while IFS= read -r q; do
			sqlite3 "$tmp/db.sqlite" "${q#\#@ sql }" \
				>>"$tmp/out/$name.sql.screen" 2>&1
		done
		p=$((p + 1))
	done

	# Compare what was saved with what is expected.
	compare_screens "$name" "$tmp" || ok=0
	rm -rf "$tmp"
	[ $ok = 1 ]
}

run_all "$@"
