#!/bin/sh
# Figures for ADR folders at size (issue 16): export of N decisions to disk
# (wall time, callgrind instructions, syncs), the same export again into
# the folder it wrote, import-adr of N files --into a workshop, and the
# growth of the adr export from 1,000 to 5,000 decisions.  Prints figures
# and asserts nothing; adr-tools' `adr new` is timed beside it when it is
# installed.
#
#   contrib/bench-adr.sh [N]       (default 1000; CHARRETTE=path/to/binary)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
bin=${CHARRETTE:-$srcdir/charrette}
n=${1:-1000}
[ -x "$bin" ] || { echo "bench-adr: no binary $bin" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-bench-adr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1700000000
export CHARRETTE_DATADIR="$srcdir/data"
unset CHARRETTE_DB

# workshop N: a YAML workshop of N decisions, every tenth superseding the
# one before it, with a few lines of text each.
workshop() {
	awk -v n="$1" 'BEGIN {
		print "charrette: 1"
		print "title: Bench " n
		print "template: generic"
		print "decisions:"
		for (i = 1; i <= n; i++) {
			print "  - number: " i
			print "    title: Decision number " i " about the platform"
			if (i % 10 == 9) {
				print "    status: superseded"
				print "    superseded_by: " i + 1
			} else
				print "    status: accepted"
			print "    date: \"2024-01-15\""
			print "    deciders: [maya, priya]"
			print "    context: |"
			print "      Services ship through a weekly release train and the"
			print "      team wants to know why decision " i " was taken."
			print "    decision: We do the thing numbered " i "."
			print "    consequences:"
			print "      positive: [Faster releases, Fewer rollbacks]"
			print "      negative: [More to learn]"
			if (i % 10 == 0)
				print "    supersedes: [" i - 1 "]"
		}
	}'
}

# ms CMD...: median wall time of 5 runs, in milliseconds
ms() {
	for _ in 1 2 3 4 5; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000000))
	done | sort -n | sed -n 3p
}

# ir CMD...: callgrind instruction count of one run
ir() {
	if ! command -v valgrind >/dev/null 2>&1; then
		echo "-"
		return
	fi
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" \
		>/dev/null 2>"$tmp/cg.err" || true
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.err"
}

# syncs CMD...: fsync, fdatasync, syncfs and sync calls of one run
syncs() {
	if ! command -v strace >/dev/null 2>&1; then
		echo "-"
		return
	fi
	strace -f -c -o "$tmp/st.out" -e trace=fsync,fdatasync,syncfs,sync \
		"$@" >/dev/null 2>&1 || true
	awk '$NF ~ /^(fsync|fdatasync|syncfs|sync)$/ { s += $4 }
	     END { print s + 0 }' "$tmp/st.out"
}

db=$tmp/b.db
workshop "$n" >"$tmp/w.yaml"
"$bin" --db "$db" import "$tmp/w.yaml" >/dev/null
ws=1

fresh() { rm -rf "$tmp/out"; "$bin" --db "$db" export $ws --format adr -o "$tmp/out"; }
echo "figure                                   value"
printf '%-40s %s ms\n' "export $n ADRs (adr), new folder" "$(ms fresh)"
rm -rf "$tmp/out"
printf '%-40s %s\n' "  callgrind instructions" \
	"$(ir "$bin" --db "$db" export $ws --format adr -o "$tmp/cg-out")"
rm -rf "$tmp/out"
printf '%-40s %s\n' "  syncs" \
	"$(syncs "$bin" --db "$db" export $ws --format adr -o "$tmp/out")"
again() { "$bin" --db "$db" export $ws --format adr -o "$tmp/out"; }
printf '%-40s %s ms\n' "export again into the same folder" "$(ms again)"
printf '%-40s %s\n' "  syncs" "$(syncs again)"
madr() { rm -rf "$tmp/m"; "$bin" --db "$db" export $ws --format madr -o "$tmp/m"; }
printf '%-40s %s ms\n' "export $n ADRs (madr), new folder" "$(ms madr)"

# import-adr of the folder just written, into a workshop of its own (a
# fresh copy of an empty one each time; only the import is timed)
"$bin" --db "$tmp/empty.db" new "Target" >/dev/null
into_ms() {
	for _ in 1 2 3 4 5; do
		rm -f "$tmp/i.db"*
		"$bin" --db "$tmp/empty.db" list >/dev/null
		cp "$tmp/empty.db" "$tmp/i.db"
		s=$(date +%s%N)
		"$bin" --db "$tmp/i.db" import-adr "$tmp/out" --into 1 >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000000))
	done | sort -n | sed -n 3p
}
printf '%-40s %s ms\n' "import-adr of $n files --into" "$(into_ms)"
printf '%-40s %s\n' "  callgrind instructions" \
	"$(rm -f "$tmp/i.db"*; cp "$tmp/empty.db" "$tmp/i.db"; ir "$bin" --db "$tmp/i.db" import-adr "$tmp/out" --into 1)"
rm -f "$tmp/i.db"*
"$bin" --db "$tmp/i.db" new "Target" >/dev/null
printf '%-40s %s\n' "  syncs" \
	"$(syncs "$bin" --db "$tmp/i.db" import-adr "$tmp/out" --into 1)"

# growth: 1,000 -> 5,000 decisions, adr export instructions
if [ "$n" -eq 1000 ] && command -v valgrind >/dev/null 2>&1; then
	workshop 5000 >"$tmp/w5.yaml"
	"$bin" --db "$tmp/g.db" import "$tmp/w5.yaml" >/dev/null
	a=$(ir "$bin" --db "$db" export $ws --format adr -o "$tmp/g1")
	b=$(ir "$bin" --db "$tmp/g.db" export 1 --format adr -o "$tmp/g5")
	printf '%-40s %s\n' "adr export 1,000 -> 5,000 (instructions)" \
		"$a -> $b ($(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1fx", b / a }'))"
	a=$(ir "$bin" --db "$db" export $ws --format madr -o "$tmp/h1")
	b=$(ir "$bin" --db "$tmp/g.db" export 1 --format madr -o "$tmp/h5")
	printf '%-40s %s\n' "madr export 1,000 -> 5,000 (instructions)" \
		"$a -> $b ($(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1fx", b / a }'))"
fi

# adr-tools for comparison: 100 `adr new` (it runs one process each)
if command -v adr >/dev/null 2>&1; then
	mkdir "$tmp/at"
	s=$(date +%s%N)
	(cd "$tmp/at" && adr init doc/adr >/dev/null &&
	 i=0 && while [ $i -lt 100 ]; do
		EDITOR=true VISUAL=true adr new "Decision $i" >/dev/null
		i=$((i + 1))
	 done)
	e=$(date +%s%N)
	printf '%-40s %s ms\n' "adr-tools: 100 x adr new" $(((e - s) / 1000000))
fi
