#!/bin/sh
# Scenarios with several charrette processes on one database at once (the
# shared box), in the manner of run.sh: each tests/ui/NAME.scenario holds
# one key script per process; the processes run concurrently in script
# mode with no display, in one temporary folder, and synchronise with the
# script-only commands ":signal NAME" (creates NAME.sync), ":until TEXT"
# (idles until the screen shows TEXT) and ":wait NAME"
# (waits for it); ":idle MS" waits the way the idle loop does, polling the
# database (live refresh, follow mode).  Every NAME.*.screen the processes
# saved is compared with the file beside the scenario.
#
#   tests/ui/shared.sh [NAME...]         (default: every *.scenario)
#   CHARRETTE_UPDATE_SCREENS=1 ...       rewrite the expected screens
#   CHARRETTE_UI_WRAPPER="valgrind ..."  run the processes under a checker
#
# Directives (comment lines starting with "#@"):
#   #@ size COLSxROWS      terminal size of every process (default 80x24)
#   #@ setup ARGS...       run "charrette --db DB ARGS" first
#   #@ proc NAME ARGS...   the lines that follow are the script of a new
#                          process NAME, run as "charrette --db DB ARGS"
#                          by the Unix account NAME (each participant is an
#                          account of its own, as on a shared box; the
#                          preload in fakeid.c pins it)
#   #@ sql QUERY           after every process ended, QUERY's result goes
#                          into NAME.sql.screen, compared as well
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-$srcdir}
bin=${CHARRETTE:-$builddir/charrette}
here=$srcdir/tests/ui
. "$here/lib.sh"
tmo=30
[ -n "${CHARRETTE_UI_WRAPPER:-}" ] && tmo=240

if [ ! -x "$bin" ]; then
	echo "shared.sh: no charrette binary at $bin" >&2
	exit 99
fi
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 missing: skipped"; exit 77; }

if [ $# -eq 0 ]; then
	for f in "$here"/*.scenario; do
		set -- "$@" "$(basename "$f" .scenario)"
	done
fi

run_one() {
	name=$1
	file=$here/$name.scenario
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-shared.XXXXXX") || return 1
	mkdir -p "$tmp/home" "$tmp/out"
	ok=1
	cols=80
	rows=24
	procs=""
	cur=""
	: >"$tmp/sql"

	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		"#@ size "*)
			sz=${line#\#@ size }
			cols=${sz%x*}
			rows=${sz#*x}
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
		"#@ proc "*)
			rest=${line#\#@ proc }
			cur=${rest%% *}
			[ "$cur" = "$rest" ] && rest="" || rest=${rest#* }
			procs="$procs $cur"
			echo "$rest" >"$tmp/$cur.args"
			: >"$tmp/$cur.script"
			;;
		"#@ sql "*)
			echo "${line#\#@ sql }" >>"$tmp/sql"
			;;
		*)
			[ -n "$cur" ] && echo "$line" >>"$tmp/$cur.script"
			;;
		esac
	done <"$file"

	pids=""
	for p in $procs; do
		(
			eval "set -- $(cat "$tmp/$p.args")"
			cd "$tmp/out" || exit 99
			env -i PATH="$PATH" HOME="$tmp/home" LANG=C.UTF-8 \
				LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1767225600 \
				LD_PRELOAD="$fakeid" CHARRETTE_TEST_ACCOUNT="$p" \
				ASAN_OPTIONS="$pin_asan" \
				LINES="$rows" COLUMNS="$cols" TERM=xterm-256color \
				CHARRETTE_DATADIR="$srcdir/data" \
				CHARRETTE_SCRIPT="$tmp/$p.script" \
				CHARRETTE_NO_DISPLAY=1 \
				timeout "$tmo" ${CHARRETTE_UI_WRAPPER:-} \
				"$bin" --db "$tmp/db.sqlite" "$@" \
				>"$tmp/$p.stdout" 2>"$tmp/$p.stderr"
			echo $? >"$tmp/$p.rc"
		) &
		pids="$pids $!"
	done
	for pid in $pids; do
		wait "$pid"
	done
	for p in $procs; do
		rc=$(cat "$tmp/$p.rc" 2>/dev/null || echo "?")
		if [ "$rc" != 0 ]; then
			echo "FAIL $name: process $p exited $rc"
			sed 's/^/    stderr: /' "$tmp/$p.stderr"
			ok=0
		fi
	done
	while IFS= read -r q; do
		sqlite3 "$tmp/db.sqlite" "$q" >>"$tmp/out/$name.sql.screen" 2>&1
	done <"$tmp/sql"

	# Compare what was saved with what is expected.
	compare_screens "$name" "$tmp" || ok=0
	if [ -n "${CHARRETTE_KEEP_TMP:-}" ]; then
		echo "kept $tmp"
	else
		rm -rf "$tmp"
	fi
	[ $ok = 1 ]
}

run_all "$@"
