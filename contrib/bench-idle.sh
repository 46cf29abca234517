#!/bin/sh
# How much CPU an idle charrette uses with live refresh on: it runs in tmux
# on a demo database and does nothing for a while; the CPU time comes from
# /proc/PID/stat (utime + stime).  Then the same with a second process
# committing every 2 s (each commit wakes the idle one up: it checks the
# content stamp, reloads the workshop and redraws).
#
#   contrib/bench-idle.sh [SECONDS]      (default 30; CHARRETTE=path/to/binary)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
bin=${CHARRETTE:-$srcdir/charrette}
secs=${1:-30}
command -v tmux >/dev/null 2>&1 || { echo "bench-idle: needs tmux" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench-idle: no binary $bin" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-bench.XXXXXX")
sock=charrette-bench-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
writer=""
cleanup() {
	[ -n "$writer" ] && kill "$writer" 2>/dev/null
	T kill-server >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export HOME="$tmp" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
export CHARRETTE_DATADIR="$srcdir/data"
db=$tmp/bench.db
"$bin" --db "$db" import "$srcdir/data/demo.yaml" >/dev/null
hz=$(getconf CLK_TCK)

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

measure() {
	label=$1
	t0=$(ticks "$pid")
	w0=$(date +%s.%N)
	sleep "$secs"
	t1=$(ticks "$pid")
	w1=$(date +%s.%N)
	awk -v l="$label" -v t=$((t1 - t0)) -v hz="$hz" -v a="$w0" -v b="$w1" \
		'BEGIN { cpu = t / hz; printf "%-40s %6.2f s CPU in %5.1f s = %5.2f %% of one core\n", l, cpu, b - a, 100 * cpu / (b - a) }'
}

T new-session -d -s app -x 100 -y 30 "env TERM=screen-256color '$bin' --db '$db' 1"
sleep 2
# The pane runs env, which execs charrette: the pane's process is it.
pid=$(T display-message -p -t app '#{pane_pid}')
[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = charrette ] || pid=$(pgrep -P "$pid" | head -n 1)
[ -n "$pid" ] || { echo "bench-idle: charrette did not start" >&2; exit 1; }
T send-keys -t app 2
sleep 1
measure "idle, live refresh on"

# A second process commits every 2 s (a new workshop: an audited edit, so
# the idle one reloads and redraws).
(
	n=0
	while :; do
		n=$((n + 1))
		"$bin" --db "$db" --as bench new "Bench $n" >/dev/null 2>&1
		sleep 2
	done
) &
writer=$!
measure "idle, another process writing every 2 s"
