#!/bin/sh
# bench: every figure of issue 16 ("fast at any size"), printed, never
# asserted.  It builds what it needs, makes its synthetic databases with
# `charrette import` of generated interchange files, and measures:
#
#   * first frame + quit of the app on 200 workshops (callgrind
#     instructions, script mode), `charrette list` on the same database,
#     and tig opening its main view on a 50-commit repository;
#   * the CPU of an idle session with live refresh on (in tmux; the CPU
#     time comes from /proc/PID/schedstat, in nanoseconds), alone, with
#     another process committing every 2 s, and with a countdown running;
#     and how soon another process's commit shows on the screen;
#   * one cursor move at 160x48 on the matrix, side by side and risks
#     screens: (instructions of N moves - instructions of 0 moves) / N;
#   * export of 1,000 ADRs to disk and import-adr of them --into a
#     workshop (median wall time, fsync + fdatasync calls), beside
#     adr-tools writing as many records;
#   * CPU growth 1,000 -> 5,000 approaches (report) and decisions (adr);
#   * 8 concurrent writers (tests/stress/bench: p50 ... max latency);
#   * max RSS of the app on a 1,000-ADR workshop (median of the runs);
#   * a growth table: instructions of load + export for 10, 100, 1,000
#     and 5,000 decisions, risks and approaches.
#
#   contrib/bench.sh [--quick] [--build DIR] [--keep]
#
#   --quick      smaller sizes and fewer repeats (about a minute)
#   --build DIR  use the build tree DIR (default: the source tree if it is
#                configured, else a fresh build in $TMPDIR)
#   --keep       keep the scratch folder (databases, callgrind files)
#
# valgrind, strace, tig, adr-tools, tmux and GNU time are used when they
# are installed and reported "not installed" otherwise.  Put TMPDIR on the
# disk the shared box really uses: sync costs depend on it.
set -u

srcdir=$(cd "$(dirname "$0")/.." && pwd)
quick=0
builddir=""
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 ;;
	--build) [ $# -ge 2 ] || { echo "bench: --build needs a DIR" >&2; exit 2; }
		builddir=$2; shift ;;
	--keep) keep=1 ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
	shift
done

if [ $quick = 1 ]; then
	reps=3 moves=20 idle_secs=8 edits=100 adrs=200 adrtools=100 cg_limit=60
	sizes="10 100 1000"
else
	reps=5 moves=40 idle_secs=20 edits=400 adrs=1000 adrtools=1000 cg_limit=120
	sizes="10 100 1000 5000"
fi

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '%s\n' "$*"; }
row() { printf '  %-46s %s\n' "$1" "$2"; }

# ---- build -----------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-bench.XXXXXX") || exit 1
sock=charrette-bench-$$
writer=""
cleanup() {
	[ -n "$writer" ] && kill "$writer" 2>/dev/null
	have tmux && tmux -L "$sock" kill-server >/dev/null 2>&1
	if [ $keep = 1 ]; then
		echo "bench: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$builddir" ]; then
	if [ -f "$srcdir/Makefile" ]; then
		builddir=$srcdir
	else
		builddir=${TMPDIR:-/tmp}/charrette-bench-build
		if [ ! -f "$builddir/Makefile" ]; then
			echo "bench: configuring in $builddir" >&2
			[ -x "$srcdir/configure" ] || (cd "$srcdir" && ./autogen.sh) >&2 ||
				exit 1
			mkdir -p "$builddir" &&
				(cd "$builddir" && "$srcdir/configure") >"$tmp/configure.log" 2>&1 || {
				tail -n 20 "$tmp/configure.log" >&2
				exit 1
			}
		fi
	fi
fi
builddir=$(cd "$builddir" && pwd) || exit 1
echo "bench: building in $builddir" >&2
make -C "$builddir" -j2 charrette tests/stress/bench >"$tmp/make.log" 2>&1 || {
	tail -n 20 "$tmp/make.log" >&2
	exit 1
}
bin=$builddir/charrette

export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1767225600
export CHARRETTE_DATADIR="$srcdir/data" TERM=xterm-256color
unset CHARRETTE_DB CHARRETTE_SCRIPT CHARRETTE_NO_DISPLAY
mkdir -p "$HOME"

# ---- helpers ---------------------------------------------------------------
C() { "$bin" --as bench "$@"; }

# Interchange file with N approaches, decisions or risks (the other two
# lists small): gen KIND N > FILE.
gen() {
	awk -v kind="$1" -v n="$2" -v title="Bench $1 $2" '
	function q(s) { return "\"" s "\"" }
	BEGIN {
		na = kind == "approaches" ? n : 3
		nd = kind == "decisions" ? n : 1
		nr = kind == "risks" ? n : 3
		print "charrette: 1"
		print "title: " q(title)
		print "template: devops"
		print "stage: decision"
		print "facilitator: bench"
		print "score_scale: [1, 5]"
		print "answers:"
		print "  team_size: 35"
		print "  deploy_frequency: daily"
		print "  compliance: [soc2, pci_dss]"
		print "weighting: direct"
		print "criteria:"
		for (c = 0; c < 8; c++) {
			print "  - id: c" c
			print "    name: Criterion " c
			print "    weight: " (c % 5) + 1
		}
		print "approaches:"
		for (i = 1; i <= na; i++) {
			print "  - id: a" i
			print "    name: Approach " i
			print "    summary: Approach " i " builds in CI, deploys with GitOps and watches the rollout."
			print "    deployment: Pull-based GitOps"
			print "    pros: [fast feedback, small blast radius]"
			print "    cons: [one more system to run]"
			printf "    scores: {"
			for (c = 0; c < 8; c++)
				printf "%sc%d: %d", c ? ", " : "", c, (i * 7 + c * 3) % 5 + 1
			print "}"
		}
		print "decisions:"
		for (i = 1; i <= nd; i++) {
			print "  - number: " i
			print "    title: Decision " i " on how service " i " is delivered"
			# Every tenth decision is superseded by the next one.
			if (i % 10 == 0 && i < nd) {
				print "    status: superseded"
				print "    superseded_by: " i + 1
			} else
				print "    status: accepted"
			print "    date: \"2026-11-26\""
			print "    deciders: [maya, priya]"
			print "    context: Service " i " ships through a weekly release train that two people understand."
			print "    decision: Build service " i " with the shared pipeline and deploy it with GitOps."
			print "    rationale: It scored highest on the criteria weighted most."
			print "    consequences:"
			print "      positive: [Deploys any day]"
			print "      negative: [One more system to run]"
			if (i % 10 == 1 && i > 1)
				print "    supersedes: [" i - 1 "]"
		}
		print "risks:"
		for (i = 1; i <= nr; i++) {
			print "  - id: R" i
			print "    description: Risk " i ", the rollout of service " i " stalls halfway."
			print "    probability: " (i % 5) + 1
			print "    impact: " (i * 3 % 5) + 1
			print "    owner: maya"
			print "    mitigation: Fixed migration waves with named teams and dates."
			print "    status: open"
		}
	}'
}

# A database holding one generated workshop: mkdb KIND N (prints its path).
mkdb() {
	_db=$tmp/$1$2.db
	if [ ! -f "$_db" ]; then
		gen "$1" "$2" >"$tmp/$1$2.yaml" &&
			C --db "$_db" import "$tmp/$1$2.yaml" >/dev/null ||
			{ echo "bench: cannot make $_db" >&2; return 1; }
	fi
	echo "$_db"
}

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
mega() { awk -v n="$1" 'BEGIN { if (n == "") print "?"; else printf "%.1f M", n / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "?"; else printf "%.1f", a / b }'; }

# Instructions of a command under callgrind (empty if it failed, or took
# longer than $cgt seconds where that is set): cg NAME COMMAND...; the
# callgrind file stays in $tmp/NAME.cg.
cg() {
	_n=$1
	shift
	have valgrind || return 0
	${cgt:+timeout "$cgt"} valgrind --tool=callgrind \
		--callgrind-out-file="$tmp/$_n.cg" "$@" \
		>"$tmp/$_n.out" 2>"$tmp/$_n.err" </dev/null
	case $? in
	0) ;;
	124) return 0 ;;   # out of time: the caller says so
	*) echo "bench: $_n failed (see $tmp/$_n.err)" >&2; return 0 ;;
	esac
	sed -n 's/^summary: //p' "$tmp/$_n.cg"
}

# The app driven by a key script with no display:
# app COLS ROWS SCRIPT COMMAND...  (appcg NAME COLS ROWS SCRIPT ARGS... counts
# the instructions of the app with ARGS).
app() {
	_cols=$1 _rows=$2 _script=$3
	shift 3
	env COLUMNS="$_cols" LINES="$_rows" \
		CHARRETTE_SCRIPT="$_script" CHARRETTE_NO_DISPLAY=1 "$@"
}
appcg() (
	_n=$1
	export COLUMNS="$2" LINES="$3" CHARRETTE_SCRIPT="$4" CHARRETTE_NO_DISPLAY=1
	shift 4
	cg "$_n" "$bin" "$@"
)

# Median milliseconds of REPS runs of a command; SETUP (a shell command,
# with $i the run) runs untimed before each: ms SETUP COMMAND...
ms() {
	_setup=$1
	shift
	i=0
	while [ $i -lt $reps ]; do
		i=$((i + 1))
		eval "$_setup" || return 1
		_t0=$(now_ns)
		"$@" >/dev/null 2>"$tmp/ms.err" || { cat "$tmp/ms.err" >&2; return 1; }
		_t1=$(now_ns)
		echo $(((_t1 - _t0) / 1000000))
	done | median
}

# fsync + fdatasync calls of a command and its children.
syncs() {
	have strace || { echo "not installed"; return 0; }
	strace -f --seccomp-bpf -qq -e signal=none -o "$tmp/strace.out" \
		-e trace=fsync,fdatasync "$@" \
		>/dev/null 2>&1 </dev/null || { echo "?"; return 0; }
	grep -c -E '(fsync|fdatasync)\(' "$tmp/strace.out"
}

# User + system CPU seconds of one run of a command: REPS runs under one
# GNU time (which counts hundredths of a second: one run of a small export
# is a few of them), divided by REPS.
cpu() {
	/usr/bin/time -f '%U %S' -o "$tmp/time.out" sh -c '
		n=$1
		shift
		i=0
		while [ $i -lt "$n" ]; do
			i=$((i + 1))
			"$@" >/dev/null 2>&1 || exit 1
		done' sh "$reps" "$@" || return 0
	awk -v n="$reps" '{ printf "%.3f\n", ($1 + $2) / n }' "$tmp/time.out"
}

# ---- what was measured -----------------------------------------------------
say "charrette bench ($( [ $quick = 1 ] && echo quick || echo full )), $(date -u '+%Y-%m-%d %H:%M UTC')"
say "  build: $builddir ($(sed -n 's/^CFLAGS = //p' "$builddir/Makefile" | head -n 1))"
say "  commit: $(git -C "$srcdir" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$srcdir" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
say "  machine: $(nproc 2>/dev/null || echo '?') cores, $(uname -srm); TMPDIR ${TMPDIR:-/tmp} on $(df -PT "$tmp" 2>/dev/null | awk 'NR == 2 { print $2 }')"
for t in valgrind strace tig adr tmux; do
	have $t || say "  $t: not installed (its figures are skipped)"
done
[ -x /usr/bin/time ] || say "  GNU time: not installed (CPU and RSS figures are skipped)"
say ""

# ---- startup ---------------------------------------------------------------
say "== Startup: first frame + quit (callgrind instructions) =="
db200=$tmp/w200.db
i=0
while [ $i -lt 200 ]; do
	i=$((i + 1))
	C --db "$db200" import "$srcdir/data/demo.yaml" >/dev/null || exit 1
done
: >"$tmp/quit.script"
# Once untimed, so that whatever the app caches is there, as on any
# second start.
app 160 48 "$tmp/quit.script" "$bin" --db "$db200" --as bench >/dev/null 2>&1
first=$(appcg first 160 48 "$tmp/quit.script" --db "$db200" --as bench)
row "app, 200 workshops, 160x48" "$(mega "$first")"
list=$(cg list "$bin" --db "$db200" --as bench list)
row "charrette list, 200 workshops" "$(mega "$list")"
if have tig && have git && have script; then
	repo=$tmp/repo
	git init -q "$repo" && i=0
	while [ $i -lt 50 ]; do
		i=$((i + 1))
		echo "$i" >"$repo/f$((i % 5))"
		git -C "$repo" add . &&
			git -C "$repo" -c user.name=bench -c user.email=bench@example.org \
				commit -q -m "Commit $i"
	done
	printf ':quit\n' >"$tmp/tig.script"
	# tig reads keys from a terminal even with a script: script(1) gives
	# it one.  Only tig is counted, not the git it runs.
	(cd "$repo" && script -qec "env TIG_SCRIPT='$tmp/tig.script' TIG_NO_DISPLAY=1 LINES=48 COLUMNS=160 valgrind --tool=callgrind --callgrind-out-file='$tmp/tig.cg' tig" /dev/null) \
		>/dev/null 2>&1 </dev/null
	tig=$(sed -n 's/^summary: //p' "$tmp/tig.cg" 2>/dev/null)
	row "tig main view, 50 commits, 160x48" "$(mega "$tig") (TIG_SCRIPT=:quit, TIG_NO_DISPLAY, under script(1); git not counted)"
	row "app / tig" "$(ratio "$first" "$tig")x"
else
	row "tig" "not installed"
fi
say ""

# ---- idle ------------------------------------------------------------------
say "== Idle session, live refresh on (CPU of one core, ${idle_secs} s each) =="
if have tmux; then
	dbi=$tmp/idle.db
	C --db "$dbi" import "$srcdir/data/demo.yaml" >/dev/null
	dbl=$tmp/live.db
	C --db "$dbl" import "$srcdir/data/demo.yaml" >/dev/null
	T() { tmux -L "$sock" -f /dev/null "$@"; }
	cpu_ns() { awk '{ print $1 }' "/proc/$1/schedstat"; }
	idle() {
		_c0=$(cpu_ns "$pid") _w0=$(now_ns)
		sleep "$idle_secs"
		_c1=$(cpu_ns "$pid") _w1=$(now_ns)
		row "$1" "$(awk -v c=$((_c1 - _c0)) -v w=$((_w1 - _w0)) 'BEGIN { printf "%.3f %% (%.1f ms CPU in %.1f s)", 100 * c / w, c / 1e6, w / 1e9 }')"
	}
	# start NAME DB [ARGS]: the app in a tmux window on the real clock
	# (a countdown must run), its process id in $pid.
	start() {
		T new-session -d -s "$1" -x 100 -y 30 \
			"env -u CHARRETTE_NOW TERM=screen-256color '$bin' --db '$2' --as bench ${3:-}"
		sleep 2
		# The pane runs env, which execs charrette: the pane's process
		# is it.
		pid=$(T display-message -p -t "$1" '#{pane_pid}')
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = charrette ] ||
			pid=$(pgrep -P "$pid" | head -n 1)
		[ -n "$pid" ] && [ -r "/proc/$pid/schedstat" ]
	}
	if start app "$dbi" 1; then
		T send-keys -t app 2
		sleep 1
		idle "idle on the Interview screen"
		# Each commit of another process wakes the idle one up.
		(
			n=0
			while :; do
				n=$((n + 1))
				"$bin" --db "$dbi" --as writer new "Bench $n" >/dev/null 2>&1
				sleep 2
			done
		) &
		writer=$!
		idle "the same, another process writing every 2 s"
		kill "$writer" 2>/dev/null
		wait "$writer" 2>/dev/null
		writer=""
		# The title bar's countdown changes every second.
		T send-keys -t app ':timer 60m' Enter
		sleep 1
		idle "the same, alone, a countdown running"
		T send-keys -t app ':timer stop' Enter
	else
		row "idle" "charrette did not start in tmux"
	fi
	# Live refresh: from the end of another process's commit until its
	# new workshop is on the list (the pane read every 10 ms).
	if start live "$dbl"; then
		lat=$(
			i=0
			while [ $i -lt "$reps" ]; do
				i=$((i + 1))
				sleep 1.3
				"$bin" --db "$dbl" --as writer new "Live $i" >/dev/null 2>&1
				_t1=$(now_ns) j=0
				until T capture-pane -p -t live | grep -q "Live $i" ||
					[ $j -ge 1000 ]; do
					sleep 0.01
					j=$((j + 1))
				done
				echo $((($(now_ns) - _t1) / 1000000))
			done | median)
		row "live refresh: another process's edit shown" "$lat ms after its commit (median of $reps)"
	fi
	T kill-server >/dev/null 2>&1
else
	row "idle" "tmux not installed"
fi
say ""

# ---- keystrokes ------------------------------------------------------------
say "== One cursor move at 160x48, demo workshop (instructions per move, $moves moves) =="
dbd=$tmp/demo.db
C --db "$dbd" import "$srcdir/data/demo.yaml" >/dev/null
# move LABEL KEYS-TO-THE-SCREEN NAME: j and k alternate, so every key moves.
move() {
	printf '%s\n' "$2" >"$tmp/move$3.0.script"
	{
		printf '%s\n' "$2"
		i=0
		while [ $i -lt "$moves" ]; do
			i=$((i + 2))
			printf 'j\nk\n'
		done
	} >"$tmp/move$3.n.script"
	_a=$(appcg "move$3.0" 160 48 "$tmp/move$3.0.script" --db "$dbd" --as bench 1)
	_b=$(appcg "move$3.n" 160 48 "$tmp/move$3.n.script" --db "$dbd" --as bench 1)
	if [ -n "$_a" ] && [ -n "$_b" ]; then
		row "$1" "$(awk -v a="$_a" -v b="$_b" -v n="$moves" 'BEGIN { printf "%.2f M", (b - a) / n / 1e6 }')"
	else
		row "$1" "?"
	fi
}
if have valgrind; then
	move "matrix (screen 5)" 5 matrix
	move "side by side (screen 4, v)" "$(printf '4\nv')" compare
	move "risks (screen 7)" 7 risks
else
	row "cursor moves" "valgrind not installed"
fi
say ""

# ---- bulk export and import ------------------------------------------------
say "== Export and import of $adrs ADRs (median of $reps runs) =="
dba=$(mkdb decisions "$adrs") || exit 1
t=$(ms 'rm -rf "$tmp/adr"' C --db "$dba" export 1 --format adr -o "$tmp/adr")
rm -rf "$tmp/adr"
s=$(syncs "$bin" --as bench --db "$dba" export 1 --format adr -o "$tmp/adr")
row "charrette export --format adr" "$t ms, $s syncs (fsync + fdatasync)"
if have adr; then
	# adr-tools: one `adr new` per record, the editor switched off.
	cat >"$tmp/adr-new.sh" <<-'EOF'
	cd "$1" && adr init doc/adr >/dev/null || exit 1
	i=0
	while [ $i -lt "$2" ]; do
		i=$((i + 1))
		VISUAL= EDITOR= adr new "Decision $i on how service $i is delivered" >/dev/null || exit 1
	done
	EOF
	rm -rf "$tmp/adrt" && mkdir "$tmp/adrt"
	t0=$(now_ns)
	sh "$tmp/adr-new.sh" "$tmp/adrt" "$adrtools"
	t1=$(now_ns)
	# Syncs of the first 100 (strace slows every fork down).
	rm -rf "$tmp/adrt" && mkdir "$tmp/adrt"
	s=$(syncs sh "$tmp/adr-new.sh" "$tmp/adrt" 100)
	row "adr-tools: init + $adrtools x adr new" "$(((t1 - t0) / 1000000)) ms, $s syncs in the first 100 (a process tree per record)"
else
	row "adr-tools" "not installed"
fi
dbt=$tmp/target.db
C --db "$dbt" new "Target" >/dev/null
t=$(ms 'cp "$dbt" "$tmp/into.db"' C --db "$tmp/into.db" import-adr "$tmp/adr" --into 1)
cp "$dbt" "$tmp/into.db"
s=$(syncs "$bin" --as bench --db "$tmp/into.db" import-adr "$tmp/adr" --into 1)
row "charrette import-adr --into (empty workshop)" "$t ms, $s syncs"
say ""

# ---- growth ----------------------------------------------------------------
say "== Growth 1,000 -> 5,000 (CPU seconds of one run, user + system, $reps runs) =="
if [ -x /usr/bin/time ]; then
	for k in approaches:report decisions:adr; do
		kind=${k%%:*} fmt=${k#*:}
		d1=$(mkdb "$kind" 1000) && d5=$(mkdb "$kind" 5000) || exit 1
		a=$(cpu "$bin" --db "$d1" export 1 --format "$fmt" -o "$tmp/g1" --force)
		b=$(cpu "$bin" --db "$d5" export 1 --format "$fmt" -o "$tmp/g5" --force)
		rm -rf "$tmp/g1" "$tmp/g5"
		row "$kind, export --format $fmt" "$a s -> $b s = $(ratio "$b" "$a")x (linear is 5x)"
	done
else
	row "growth" "GNU time not installed"
fi
say ""

say "== Growth table: instructions of load + export (callgrind) =="
if have valgrind; then
	printf "  %-28s" "size"
	for n in $sizes; do printf '%12s' "$n"; done
	case $sizes in
	*5000) printf '%12s' "5000/1000" ;;
	esac
	printf '\n'
	for k in decisions:adr risks:risks approaches:report; do
		kind=${k%%:*} fmt=${k#*:}
		printf "  %-28s" "$kind (--format $fmt)"
		for n in $sizes; do
			d=$(mkdb "$kind" "$n") || exit 1
			rm -rf "$tmp/gx"
			v=$(cgt=$cg_limit cg "grow-$kind-$n" "$bin" --db "$d" export 1 --format "$fmt" -o "$tmp/gx")
			if [ -n "$v" ]; then
				printf '%12s' "$(mega "$v")"
			else
				printf '%12s' ">${cg_limit} s"
			fi
			[ "$n" = 1000 ] && v1000=$v
		done
		case $sizes in
		*5000) printf '%12s' "$(ratio "$v" "$v1000")x" ;;
		esac
		printf '\n'
	done
else
	row "growth table" "valgrind not installed"
fi
say ""

# ---- writers ---------------------------------------------------------------
say "== Concurrent writers (tests/stress/bench $edits) =="
"$builddir/tests/stress/bench" "$edits" | sed 's/^/  /'
say ""

# ---- memory ----------------------------------------------------------------
say "== Memory =="
if [ -x /usr/bin/time ]; then
	dbm=$(mkdb decisions 1000) || exit 1
	printf '6\n' >"$tmp/six.script"
	# Max RSS in kB of a command, the median of REPS runs (it varies by a
	# few hundred kB with what the kernel maps in).
	rss() {
		i=0
		while [ $i -lt "$reps" ]; do
			i=$((i + 1))
			rm -rf "$tmp/rss-adr"
			"$@" >/dev/null 2>&1
			awk -F': ' '/Maximum resident/ { print $2 }' "$tmp/rss.out"
		done | median
	}
	mb() { awk -v k="$1" 'BEGIN { if (k == "") print "?"; else printf "%.1f MB", k / 1024 }'; }
	r=$(rss app 160 48 "$tmp/six.script" /usr/bin/time -v -o "$tmp/rss.out" \
		"$bin" --db "$dbm" --as bench 1)
	row "app on a 1,000-ADR workshop, Decision screen" "$(mb "$r") max RSS (median of $reps)"
	r=$(rss /usr/bin/time -v -o "$tmp/rss.out" "$bin" --db "$dbm" --as bench export 1 --format adr -o "$tmp/rss-adr")
	row "export --format adr of it" "$(mb "$r") max RSS (median of $reps)"
else
	row "RSS" "GNU time not installed"
fi
