#!/bin/sh
# The real binary in a real terminal: tmux runs charrette in an 80x24
# window on a private server socket; keys go in with send-keys and the
# screen comes back with capture-pane.  Checks: opening on the demo
# workshop, switching screens, a real resize below the minimum and back,
# live refresh when another process changes the database, the help
# overlay, quitting with q, keys that arrive in one burst (Alt-x, a
# paste) in an editor, and the presenter view's live countdown.  Skipped
# (77) when tmux is missing.
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${CHARRETTE:-${top_builddir:-$srcdir}/charrette}

command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-tmux.XXXXXX") || exit 99
sock=charrette-test-$$
db=$tmp/db.sqlite
fails=0
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

export HOME="$tmp" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
# For sanitizer builds: ignore what ncurses itself leaks.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$srcdir/tests/ui/lsan.supp}"
export CHARRETTE_DATADIR="$srcdir/data"
"$bin" --db "$db" import "$srcdir/data/demo.yaml" >/dev/null || exit 99

# Wait (up to 5 s) until the pane shows the text; print the pane if not.
expect() {
	i=0
	while [ $i -lt ${3:-50} ]; do
		if T capture-pane -p -t ui 2>/dev/null | grep -q -- "$1"; then
			echo "ok   $2"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "FAIL $2: no '$1' on screen:"
	T capture-pane -p -t ui 2>/dev/null | sed 's/^/    | /'
	fails=$((fails + 1))
	return 1
}

T new-session -d -s ui -x 80 -y 24 \
	"env TERM=screen-256color '$bin' --db '$db' 1; echo EXITED \$?; sleep 5"
T set-option -t ui -g default-terminal screen-256color >/dev/null 2>&1

expect "4 phases · 20 weeks" "opens on the demo workshop"
T send-keys -t ui 2
expect "How often should the team be able to deploy" "2 shows the interview"
T send-keys -t ui '?'
expect "Help: keys and commands" "? opens the help"
T send-keys -t ui Escape
expect "answered" "Esc closes the help"
T resize-window -t ui -x 50 -y 14
expect "terminal too small" "a real resize below 60x16"
T resize-window -t ui -x 100 -y 30
expect "How often should the team be able to deploy to production" "growing back redraws the screen"
# Idle: waiting for keys with a timeout must not spin.
pane=$(T display-message -p -t ui '#{pane_pid}')
app=$(pgrep -P "$pane" | head -n 1)
if [ -n "$app" ] && [ -r "/proc/$app/stat" ]; then
	t0=$(awk '{print $14 + $15}' "/proc/$app/stat")
	sleep 2
	t1=$(awk '{print $14 + $15}' "/proc/$app/stat")
	if [ $((t1 - t0)) -le 10 ]; then
		echo "ok   idle for 2 s used $((t1 - t0)) clock ticks of CPU"
	else
		echo "FAIL idle for 2 s used $((t1 - t0)) clock ticks of CPU"
		fails=$((fails + 1))
	fi
fi
T send-keys -t ui 1
expect "Choose a delivery platform" "1 shows the workshop list"
# Another process writes: the list picks it up while idle.
"$bin" --db "$db" new "Live refresh check" >/dev/null
expect "Live refresh check" "another process's new workshop appears live"
# Presence: a second participant shows in the title bar after a heartbeat.
T new-session -d -s bob -x 80 -y 24 \
	"env TERM=screen-256color '$bin' --db '$db' --as bob 1; sleep 5"
expect "with bob (via" "another participant appears in the title bar" 80
T kill-session -t bob
# Where the database cannot be watched (CHARRETTE_NO_WATCH stands in for
# that) the idle loop polls instead: the list still shows another
# process's new workshop.
T new-session -d -s poll -x 80 -y 24 \
	"env TERM=screen-256color CHARRETTE_NO_WATCH=1 '$bin' --db '$db'; sleep 5"
i=0
until T capture-pane -p -t poll 2>/dev/null | grep -q "Live refresh check" ||
	[ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
"$bin" --db "$db" new "Polled refresh check" >/dev/null
i=0
until T capture-pane -p -t poll 2>/dev/null | grep -q "Polled refresh check" ||
	[ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
if [ $i -lt 50 ]; then
	echo "ok   without a watch on the database the list still refreshes"
else
	echo "FAIL without a watch on the database: no refresh"
	T capture-pane -p -t poll 2>/dev/null | sed 's/^/    | /'
	fails=$((fails + 1))
fi
T kill-session -t poll
T send-keys -t ui q
expect "EXITED 0" "q quits with status 0"

# A real hang-up in the middle of an edit: the text is kept as a draft.
T new-session -d -s hup -x 80 -y 24 \
	"env TERM=screen-256color '$bin' --db '$db' 1; echo EXITED \$?; sleep 5"
expect_s() { T capture-pane -p -t "$1" 2>/dev/null | grep -q -- "$2"; }
sleep 0.5
T send-keys -t hup 2 N
sleep 0.3
T send-keys -t hup ' dropped mid-sentence'
sleep 0.3
T kill-session -t hup
sleep 0.5
if command -v sqlite3 >/dev/null 2>&1; then
	got=$(sqlite3 "$db" "SELECT text FROM draft WHERE place LIKE 'note:%';")
	case $got in
	*" dropped mid-sentence")
		echo "ok   SIGHUP mid-edit saved the draft" ;;
	*)
		echo "FAIL SIGHUP mid-edit: draft is '$got'"
		fails=$((fails + 1)) ;;
	esac
fi

# An editor in a real terminal (issue 12): Alt-d reaches the program as
# Esc d, a paste with a line break as one burst between bracketed-paste
# marks.  Neither may close the editor or run a command (d would ask to
# delete the approach); the paste is typed in, its line break as a space.
T new-session -d -s ed -x 80 -y 24 \
	"env TERM=screen-256color '$bin' --db '$db' 1; echo EXITED \$?; sleep 5"
wait_s() {
	i=0
	while [ $i -lt 50 ]; do
		expect_s ed "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check_s() {
	if wait_s "$1"; then
		echo "ok   $2"
	else
		echo "FAIL $2: no '$1' on screen:"
		T capture-pane -p -t ed | sed 's/^/    | /'
		fails=$((fails + 1))
	fi
}
wait_s "4 phases"
T send-keys -t ed 4
wait_s "Approach"
T send-keys -t ed l
sleep 0.3
T send-keys -t ed Enter
check_s "┌ Name" "Enter opens the name editor"
T send-keys -t ed End M-d
check_s "M-d does nothing in an editor" "Alt-d in an editor says it does nothing"
T set-buffer -b charrette-test "
pasted
Dd y"
T paste-buffer -p -d -b charrette-test -t ed
check_s "EKS pasted Dd y" "a paste with line breaks is typed into the field"
T send-keys -t ed C-s
check_s "saved: Name" "C-s saves the one-line editor"
T send-keys -t ed q
check_s "EXITED 0" "q quits after the edit"
if command -v sqlite3 >/dev/null 2>&1; then
	got=$(sqlite3 "$db" "SELECT count(*) || ' ' || (SELECT name FROM approach WHERE pos = 0) FROM approach;")
	case $got in
	"3 GitHub Actions + Argo CD + EKS pasted Dd y")
		echo "ok   the name holds the paste; no approach deleted" ;;
	*)
		echo "FAIL after the editor keys the database holds '$got'"
		fails=$((fails + 1)) ;;
	esac
fi
T kill-session -t ed 2>/dev/null

# Input that ends (EOF after a dropped connection) must end the program,
# not spin on getch errors.
T new-session -d -s eof -x 80 -y 24 \
	"env TERM=screen-256color '$bin' --db '$db' 1 </dev/null; echo EXITED \$?; sleep 5"
i=0
until expect_s eof "EXITED 0" || [ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
if expect_s eof "EXITED 0"; then
	echo "ok   EOF on the terminal input ends the program"
else
	echo "FAIL EOF on input: still running"
	fails=$((fails + 1))
fi

# Terminals we cannot drive are refused with a clear message and status 2.
T new-session -d -s bad -x 80 -y 24 \
	"env TERM=no-such-terminal '$bin' --db '$db'; echo EXITED \$?; sleep 5"
T new-session -d -s dumb -x 80 -y 24 \
	"env TERM=dumb '$bin' --db '$db'; echo EXITED \$?; sleep 5"
sleep 1
for s in bad dumb; do
	out=$(T capture-pane -p -t $s)
	case $out in
	*"is not supported (set TERM"*"EXITED 2"*)
		echo "ok   TERM of session $s refused with status 2" ;;
	*)
		echo "FAIL TERM of session $s:"
		echo "$out" | sed 's/^/    | /'
		fails=$((fails + 1)) ;;
	esac
done

# The presenter view (issue 13) in a real terminal: P on Trade-offs shows
# the ranking in block letters with a running countdown in the corner,
# which counts down live; the view follows a resize; q leaves it.
if command -v sqlite3 >/dev/null 2>&1; then
	now=$(date +%s)
	sqlite3 "$db" "INSERT OR REPLACE INTO room_timer(workshop_id, stage, state, ends_at, started_at, duration) VALUES (1, 'tradeoffs', 'running', $now + 600, $now, 600);"
	T new-session -d -s pv -x 80 -y 24 \
		"env -u CHARRETTE_NOW TERM=screen-256color '$bin' --db '$db' 1; echo EXITED \$?; sleep 5"
	pv_expect() {
		i=0
		while [ $i -lt 50 ]; do
			expect_s pv "$1" && { echo "ok   $2"; return 0; }
			sleep 0.1
			i=$((i + 1))
		done
		echo "FAIL $2: no '$1' on screen:"
		T capture-pane -p -t pv | sed 's/^/    | /'
		fails=$((fails + 1))
	}
	pv_expect "4 phases" "opens for the presenter view"
	T send-keys -t pv 5 P
	pv_expect "the bars measure each against the leader" "P shows the ranking in the presenter view"
	top0=$(T capture-pane -p -t pv -S 0 -E 2)
	i=0
	while [ $i -lt 30 ] && [ "$(T capture-pane -p -t pv -S 0 -E 2)" = "$top0" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ "$(T capture-pane -p -t pv -S 0 -E 2)" != "$top0" ] &&
	   printf '%s\n' "$top0" | grep -q '█'; then
		echo "ok   the countdown in the corner counts down live"
	else
		echo "FAIL the countdown did not change in 3 s:"
		printf '%s\n' "$top0" | sed 's/^/    | /'
		fails=$((fails + 1))
	fi
	T resize-window -t pv -x 160 -y 48
	pv_expect "the bars measure each against the leader" "the view follows a resize to 160x48"
	T send-keys -t pv q
	pv_expect "m matrix" "q leaves the presenter view"
	T send-keys -t pv q
	pv_expect "EXITED 0" "q quits after the presenter view"
	T kill-session -t pv 2>/dev/null
fi

if [ $fails -gt 0 ]; then
	echo "$fails tmux checks failed"
	exit 1
fi
echo "all tmux checks passed"
exit 0
