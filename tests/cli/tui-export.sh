#!/bin/sh
# The terminal app's :export writes the same files as `charrette export`.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

expect_exit 0 "import the demo" -- C import "$top_srcdir/data/demo.yaml"
cat >"$T/keys" <<KEYS
:export adr $T/tui/adr
:export madr $T/tui/madr
:export report $T/tui/report.md
:export risks $T/tui/risks.md
:export metrics-csv $T/tui/metrics.csv
KEYS
(
	cd "$T" &&
	CHARRETTE_SCRIPT="$T/keys" CHARRETTE_NO_DISPLAY=1 LINES=24 COLUMNS=80 \
		TERM=xterm-256color timeout 60 "$CHARRETTE" --db "$DB" 1 \
		>"$T/tui.out" 2>"$T/tui.err"
)
[ $? -eq 0 ] && ok "the app ran the :export commands" ||
	{ not_ok "the app ran the :export commands"; sed 's/^/#   /' "$T/tui.err"; }

mkdir -p "$T/cli"
expect_exit 0 "CLI adr" -- C export 1 --format adr -o "$T/cli/adr"
expect_exit 0 "CLI madr" -- C export 1 --format madr -o "$T/cli/madr"
expect_exit 0 "CLI report" -- C export 1 --format report -o "$T/cli/report.md"
expect_exit 0 "CLI risks" -- C export 1 --format risks -o "$T/cli/risks.md"
expect_exit 0 "CLI metrics-csv" -- C export 1 --format metrics-csv -o "$T/cli/metrics.csv"

for f in adr madr report.md risks.md metrics.csv; do
	if [ -e "$T/tui/$f" ] && diff -r "$T/cli/$f" "$T/tui/$f" >"$T/diff" 2>&1; then
		ok "$f: the app and the CLI wrote the same"
	else
		not_ok "$f: the app and the CLI wrote the same"
		sed 's/^/#   /' "$T/diff" | head -20
	fi
done
finish
