#!/bin/sh
# An adr-tools folder imported with import-adr and exported again with
# --format adr keeps its file names, titles, numbers, dates, statuses,
# supersede and other links and the texts of all its sections, extra ones
# ("## Compliance", "## Notes") included, Markdown (code fences) verbatim.
# Then the same records through MADR and back: exported as MADR, imported
# again and exported with --format adr, they give the same files.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/rt.db"
src="$top_srcdir/tests/data/adr/adr-tools"
C() { "$CHARRETTE" --db "$DB" "$@"; }

expect_exit 0 "import-adr of an adr-tools folder" -- C import-adr "$src"
expect_exit 0 "export it as adr-tools files" -- C export 1 --format adr -o "$T/adr"

# headings FILE: the "## " headings outside code fences, in order.
headings() {
	awk '
		/^ {0,3}(```|~~~)/ { fence = !fence; next }
		!fence && /^## / { print }
	' "$1"
}

# section FILE NAME: the lines of "## NAME" up to the next "## " heading
# outside a code fence, leading and trailing blank lines dropped.  Cosmetic
# differences only are folded away: in Consequences, the "- " bullets we
# write for each item (adr-tools records often write "* " or plain
# paragraphs, one item each) and the blank lines between such paragraphs;
# in Status, adr-tools' own "Supercede" spelling of the supersede links,
# which we write on purpose (see src/adr/adr_write.c).
section() {
	awk -v want="## $2" -v conseq="$([ "$2" = Consequences ] && echo 1)" '
		/^ {0,3}(```|~~~)/ { fence = !fence }
		!fence && /^## / { on = ($0 == want); next }
		!on || /^<!-- charrette:/ { next }
		conseq && !NF { next }
		conseq { sub(/^[-*] /, "") }
		!NF { blank++; next }
		{ if (seen) while (blank-- > 0) print ""; blank = 0; seen = 1; print }
	' "$1" | sed 's/^Supersedes /Supercedes /; s/^Superseded by /Superceded by /'
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
	# Every section of the record, in its order (ours may add some).
	headings "$f" >"$T/want"
	headings "$out" | grep -xF -f "$T/want" >"$T/got"
	expect_same "$T/want" "$T/got" "$name: its sections, in order"
	headings "$f" | sed 's/^## //' | while IFS= read -r s; do
		section "$f" "$s" >"$T/want"
		section "$out" "$s" >"$T/got"
		if cmp -s "$T/want" "$T/got"; then
			echo "ok - $name: $s"
		else
			echo "not ok - $name: $s"
			diff -u "$T/want" "$T/got" | sed 's/^/#   /' | head -40
		fi
	done >"$T/sections"
	cat "$T/sections"
	passed=$((passed + $(grep -c '^ok' "$T/sections")))
	failed=$((failed + $(grep -c '^not ok' "$T/sections")))
done

# The same records through MADR: exported, imported again into a new
# workshop and exported as adr-tools files, they read the same (the marker
# comment names the workshop, so it differs).
expect_exit 0 "export as MADR" -- C export 1 --format madr -o "$T/madr"
expect_exit 0 "import-adr of the MADR folder" -- C import-adr "$T/madr"
expect_exit 0 "export the MADR import as adr-tools files" -- \
	C export 2 --format adr -o "$T/adr2"
for f in "$T/adr"/[0-9][0-9][0-9][0-9]-*.md; do
	name=$(basename "$f")
	grep -v '^<!-- charrette:' "$f" >"$T/want"
	if [ -f "$T/adr2/$name" ]; then
		grep -v '^<!-- charrette:' "$T/adr2/$name" >"$T/got"
	else
		: >"$T/got"
	fi
	expect_same "$T/want" "$T/got" "$name: the same after a MADR round trip"
done

# The exported folders pass markdownlint with the repository's settings.
if command -v markdownlint-cli2 >/dev/null 2>&1; then
	for dir in adr madr; do
		if (cd "$top_srcdir" && markdownlint-cli2 --config \
		    "$top_srcdir/.markdownlint-cli2.jsonc" "$T/$dir/*.md") \
		    >"$T/lint" 2>&1; then
			ok "markdownlint on the exported $dir folder"
		else
			not_ok "markdownlint on the exported $dir folder"
			sed 's/^/#   /' "$T/lint" | head -40
		fi
	done
fi
finish
