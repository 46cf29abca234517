#!/bin/sh
# An adr-tools folder imported with import-adr and exported again with
# --format adr keeps its file names, titles, numbers, dates, statuses,
# supersede links and section texts.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/rt.db"
src="$top_srcdir/tests/data/adr/adr-tools"
C() { "$CHARRETTE" --db "$DB" "$@"; }

expect_exit 0 "import-adr of an adr-tools folder" -- C import-adr "$src"
expect_exit 0 "export it as adr-tools files" -- C export 1 --format adr -o "$T/adr"

# section FILE NAME: the lines of "## NAME" up to the next "## ", with
# blank lines, bullets and our ### labels folded away and spelling of the
# supersede links made one.
section() {
	awk -v want="## $2" '
		/^## / { on = ($0 == want); next }
		on && /^### / { next }
		on && /^<!-- charrette:/ { next }
		on && NF { sub(/^[-*] /, ""); print }
	' "$1" | sed 's/Supersede/Supercede/; s/Superseded/Superceded/'
}

for f in "$src"/[0-9][0-9][0-9][0-9]-*.md; do
	name=$(basename "$f")
	out="$T/adr/$name"
	if [ ! -f "$out" ]; then
		not_ok "$name exported under the same name"
		continue
	fi
	ok "$name exported under the same name"
	[ "$(head -n 1 "$f")" = "$(head -n 1 "$out")" ] &&
		ok "$name: number and title" || not_ok "$name: number and title"
	[ "$(grep '^Date:' "$f")" = "$(grep '^Date:' "$out")" ] &&
		ok "$name: date" || not_ok "$name: date"
	for s in Status Context Decision Consequences; do
		section "$f" "$s" >"$T/want"
		section "$out" "$s" >"$T/got"
		expect_same "$T/want" "$T/got" "$name: $s"
	done
done
finish
