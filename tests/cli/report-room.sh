#!/bin/sh
# The report's room sections through the binary: a workshop run with the
# room's tools (tests/data/report/room.yaml: an agenda with time spent,
# the countdown running, a parking lot) gets Agenda, Parking lot and
# Wrap-up after the next steps, with the figures counted to the pinned
# clock, the same from `export` and from the app's `:export report`, and
# the same again after a YAML round trip; the demo and a new workshop (an
# agenda nobody ran, no lot) get none of the three; the demo with an item
# parked from the app gets the lot and the wrap-up but no agenda.  Every
# report passes markdownlint where it is installed.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/report-lib.sh"
export CHARRETTE_NOW=1767225600   # 2026-01-01 00:00 UTC: 3 minutes left
DB="$T/r.db"
C() { "$CHARRETTE" --db "$DB" --as tester "$@"; }

# In order, each after the one before.
expect_order() {
	file=$1; desc=$2; shift 2
	if awk -v n="$#" 'BEGIN { for (i = 1; i <= n; i++) want[i] = ARGV[i]; ARGC = 1; k = 1 }
		k <= n && index($0, want[k]) { k++ }
		END { exit k <= n }' "$@" <"$file"; then
		ok "$desc"
	else
		not_ok "$desc"; grep -n '^##' "$file" | sed 's/^/#   /'
	fi
}

tui() {
	db=$1; shift
	printf '%s\n' "$@" >"$T/keys"
	(cd "$T" && CHARRETTE_SCRIPT="$T/keys" CHARRETTE_NO_DISPLAY=1 LINES=24 \
		COLUMNS=80 TERM=xterm-256color timeout 60 "$CHARRETTE" \
		--db "$db" --as tester 1 >"$T/tui.out" 2>"$T/tui.err")
}

expect_exit 0 "import the facilitated workshop" -- \
	C import "$top_srcdir/tests/data/report/room.yaml"
# The app first (its first opening makes the importer the facilitator,
# whom the report names), then the CLI: the same report.
tui "$DB" ":export report $T/tui.md" ||
	{ not_ok "the app ran :export report"; sed 's/^/#   /' "$T/tui.err"; }
expect_exit 0 "export its report" -- C export 1 --format report -o "$T/room.md"
R=$T/room.md
expect_same "$R" "$T/tui.md" "room: :export report in the app writes the same"
expect_order "$R" "room: Agenda, Parking lot, Wrap-up after the next steps" \
	'## Next steps' '## Agenda' '## Parking lot' '## Wrap-up' \
	'### What was decided' '### Open questions' '### Actions' \
	'### Time: planned and spent'
expect_in "$R" '| Trade-offs (running) | 25 min | 22 min | -3 min |' "room: the running stage, counted to now"
expect_in "$R" '| Interview | 20 min | 24 min | +4 min |' "room: planned and spent per stage"
expect_in "$R" '| **Total** | **1 h 40 min** | **1 h 6 min** | **-34 min** |' "room: the totals"
# People by name, as the rest of the report names them.
expect_in "$R" "| Rename the #orders channel | $(person carol) | Done |" "room: a parking-lot item and what became of it"
expect_in "$R" "| Who pays for the staging cluster? | $(person bob) | Next step: Who pays for the staging cluster? |" "room: an item taken into the next steps"
expect_in "$R" '| Risk R2 (score 12, Open): Messages arrive twice after a retry | nobody yet |' "room: an action without an owner"
expect_in "$R" 'Planned 1 h 40 min, spent 1 h 6 min (-34 min).' "room: the time planned against spent"


# A YAML round trip keeps the agenda, the countdown and the lot.
expect_exit 0 "export the interchange" -- C export 1 --format yaml -o "$T/room.yaml"
expect_exit 0 "import it again" -- "$CHARRETTE" --db "$T/again.db" --as tester import "$T/room.yaml"
expect_exit 0 "its report" -- "$CHARRETTE" --db "$T/again.db" --as tester export 1 --format report -o "$T/again.md"
expect_same "$R" "$T/again.md" "room: the round trip's report is the same"

# Never run with the room's tools: none of the three.
expect_exit 0 "import the demo" -- "$CHARRETTE" --db "$T/demo.db" --as tester import "$top_srcdir/data/demo.yaml"
expect_exit 0 "a new workshop" -- "$CHARRETTE" --db "$T/demo.db" --as tester new "Fresh" --template generic
for id in 1 2; do
	"$CHARRETTE" --db "$T/demo.db" --as tester export "$id" --format report >"$T/plain$id.md" 2>"$T/err" ||
		not_ok "export $id"
	if grep -q '^## \(Agenda\|Parking lot\|Wrap-up\)$' "$T/plain$id.md"; then
		not_ok "workshop $id: a room section it never used"
		grep -n '^## ' "$T/plain$id.md" | sed 's/^/#   /'
	else
		ok "workshop $id: no Agenda, Parking lot or Wrap-up"
	fi
done
# Its agenda (the template's, taken as its own) nobody ran is no section,
# nor is it one when an item is parked; the lot and the wrap-up are.
tui "$T/demo.db" ":park Who pays for staging?" ||
	{ not_ok "the app parked an item"; sed 's/^/#   /' "$T/tui.err"; }
"$CHARRETTE" --db "$T/demo.db" --as tester export 1 --format report >"$T/parked.md" || not_ok "export the demo"
expect_order "$T/parked.md" "demo with an item parked: the lot and the wrap-up" \
	'## Next steps' '## Parking lot' "| Who pays for staging? | $(person tester) | Open |" \
	'## Wrap-up' 'Still in the parking lot:'
if grep -q '^## Agenda$' "$T/parked.md"; then not_ok "demo: an Agenda nobody ran"; else ok "demo: no Agenda nobody ran"; fi
expect_in "$T/parked.md" 'the countdown was not run, so no time was recorded.' "demo: the wrap-up says no time was recorded"

if command -v markdownlint-cli2 >/dev/null 2>&1; then
	mkdir -p "$T/lint"
	cp "$R" "$T/lint/room.md"
	cp "$T/parked.md" "$T/lint/parked.md"
	cp "$top_srcdir/.markdownlint-cli2.jsonc" "$T/lint/"
	if (cd "$T/lint" && markdownlint-cli2 "*.md" >"$T/lint.out" 2>&1); then
		ok "the reports pass markdownlint"
	else
		not_ok "markdownlint"; sed 's/^/#   /' "$T/lint.out"
	fi
else
	echo "# markdownlint-cli2 not installed: the lint is left out"
fi
finish
