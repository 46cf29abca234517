#!/bin/sh
# bench-report.sh: how `charrette export --format report` grows with the
# number of approaches.  Builds workshops of 10, 100, 1,000 and 5,000
# approaches (8 criteria, every cell scored with a rationale), imports each
# into a scratch database and prints, per size, the CPU time of the export
# and, when valgrind is installed, its callgrind instruction count (exact,
# unlike time on a shared machine), with the growth from the size before.
# It prints figures and asserts nothing.
#
#   contrib/bench-report.sh [BUILD_DIR] [SIZES...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top}
[ $# -gt 0 ] && shift
sizes=${*:-10 100 1000 5000}
bin=$build/charrette
[ -x "$bin" ] || { echo "bench-report: build $bin first" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export CHARRETTE_DATADIR="$top/data" LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1795694400
unset CHARRETTE_DB

workshop() {
	awk -v n="$1" 'BEGIN {
	  print "charrette: 1"; print "title: Bench " n; print "template: devops"
	  split("dx ops security scale cost lockin ttv obs", c, " ")
	  print "criteria:"
	  for (i = 1; i <= 8; i++)
	    printf "  - {id: %s, name: Criterion %s, weight: %d}\n", c[i], c[i], i % 3 + 1
	  print "approaches:"
	  for (a = 1; a <= n; a++) {
	    printf "  - id: a%d\n    name: Approach %d\n    summary: Summary of approach %d\n", a, a, a
	    print "    components: [{category: cicd, name: GitHub Actions}, {category: gitops, name: Argo CD}]"
	    print "    pros: [fast, cheap]\n    cons: [new]\n    stages: [build, test, deploy]"
	    printf "    scores: {"
	    for (i = 1; i <= 8; i++)
	      printf "%s%s: %d", (i > 1 ? ", " : ""), c[i], (a * 7 + i * 3) % 5 + 1
	    print "}\n    rationale:"
	    for (i = 1; i <= 8; i++)
	      printf "      %s: because %d %d\n", c[i], a, i
	  }
	}'
}

printf '%-11s %12s %8s %16s %8s\n' approaches "cpu seconds" growth instructions growth
prev_t= prev_i=
for n in $sizes; do
	workshop "$n" >"$tmp/ws.yaml"
	rm -f "$tmp/b.db"
	id=$("$bin" --db "$tmp/b.db" --as bench import "$tmp/ws.yaml")
	t=$( { /usr/bin/env time -f %U "$bin" --db "$tmp/b.db" --as bench \
		export "$id" --format report >/dev/null; } 2>&1 | tail -n 1) || t=?
	i=-
	if command -v valgrind >/dev/null 2>&1; then
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
			"$bin" --db "$tmp/b.db" --as bench export "$id" \
			--format report >/dev/null 2>"$tmp/cg.err"
		i=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.err")
	fi
	gt=- gi=-
	[ -n "$prev_t" ] && gt=$(awk -v a="$t" -v b="$prev_t" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
	[ -n "$prev_i" ] && [ "$i" != - ] && gi=$(awk -v a="$i" -v b="$prev_i" 'BEGIN { printf "%.2fx", a / b }')
	printf '%-11s %12s %8s %16s %8s\n' "$n" "$t" "$gt" "$i" "$gi"
	prev_t=$t prev_i=$i
done
