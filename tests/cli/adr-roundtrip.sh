#!/bin/sh
# A team's ADR folder survives a workshop (issue 14), on real collections
# (tests/data/adr/real: adr-tools, MADR, log4brains, NATS, Brighter, JabRef;
# see the NOTICE in each) and on ours:
#   - import, then export into a git copy of the folder: no changed file;
#   - every status word and number as written (shown by `show`, kept in
#     the files);
#   - a record changed in the workshop changes its file only, and only
#     where it changed;
#   - a new record is numbered after a file added behind charrette's back;
#   - charrette's own MADR round-trips byte for byte from the first export;
#   - importing a folder twice never doubles it; `diff` says what an export
#     would change.
. "$top_srcdir/tests/cli/lib.sh"
real="$top_srcdir/tests/data/adr/real"

if ! command -v git >/dev/null 2>&1 || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: needs git and sqlite3"
	exit 77
fi
git_init() {
	(cd "$1" && git init -q && git add -A &&
	 git -c user.email=t@example.org -c user.name=t commit -qm base) ||
		not_ok "git init $1"
}
# clean DIR DESCRIPTION: git sees no changed, new or removed file.
clean() {
	(cd "$1" && git status --porcelain --untracked-files=all) >"$T/status"
	if [ -s "$T/status" ]; then
		not_ok "$2"
		sed 's/^/#   /' "$T/status" | head -20
		(cd "$1" && git diff | head -40 | sed 's/^/#   /')
	else
		ok "$2"
	fi
}

# ---- every collection: import, export into a git copy, nothing changes --
for spec in adr-tools:adr madr:madr log4brains:madr nats:adr brighter:adr \
	    jabref:madr; do
	name=${spec%%:*}
	fmt=${spec#*:}
	work="$T/$name"
	db="$T/$name.db"
	mkdir -p "$work"
	cp -R "$real/$name" "$work/dir"
	chmod -R u+w "$work/dir"
	git_init "$work/dir"
	expect_exit 0 "$name: import-adr" -- \
		"$CHARRETTE" --db "$db" import-adr "$work/dir"
	expect_exit 0 "$name: diff finds nothing to write" -- \
		"$CHARRETTE" --db "$db" diff 1 "$work/dir"
	expect_in "$T/out" "0 file(s) to write" "$name: diff says so"
	expect_exit 0 "$name: export --format $fmt into the folder" -- \
		"$CHARRETTE" --db "$db" export 1 --format "$fmt" -o "$work/dir"
	clean "$work/dir" "$name: git status shows no changed file"
	# The other format too: records keep their own (nothing to convert
	# in a folder that holds them).
	other=madr
	[ "$fmt" = madr ] && other=adr
	expect_exit 0 "$name: export --format $other into the folder" -- \
		"$CHARRETTE" --db "$db" export 1 --format "$other" -o "$work/dir"
	clean "$work/dir" "$name: ... and none after --format $other either"
	# Importing it again into the same workshop adds nothing.
	expect_exit 0 "$name: import-adr --into again" -- \
		"$CHARRETTE" --db "$db" import-adr "$work/dir" --into 1
	expect_in "$T/out" "updated 0, unchanged" "$name: nothing changed"
	"$CHARRETTE" --db "$db" show 1 >"$T/show"
	n_files=$(cd "$work/dir" && ls | grep -ciE '\.md$' )
	n_skip=$(cd "$work/dir" && ls | grep -ciE '^(readme|index|template|adr-template)\.md$')
	n_shown=$(grep -c '^  ADR ' "$T/show")
	[ "$n_shown" -eq $((n_files - n_skip)) ] &&
		ok "$name: one decision a record ($n_shown), no duplicates" ||
		not_ok "$name: $n_shown decisions for $((n_files - n_skip)) records"
done

# ---- status words and numbers, as the files write them ------------------
"$CHARRETTE" --db "$T/nats.db" show 1 >"$T/show"
expect_in "$T/show" '[accepted "Partially Implemented"]' "nats: 'Partially Implemented' kept"
grep -c '\[deprecated' "$T/show" >"$T/n"
[ "$(cat "$T/n")" -ge 1 ] && ok "nats: deprecated from '| Status | Deprecated |'" ||
	not_ok "nats: no deprecated record"
expect_in "$T/show" "  ADR 52: " "nats: ADR-52.md is ADR 52"
"$CHARRETTE" --db "$T/brighter.db" show 1 >"$T/show"
expect_in "$T/show" "  ADR 37: " "brighter: the first 0037 is ADR 37"
expect_in "$T/show" "[deprecated]" "brighter: Deprecated"
"$CHARRETTE" --db "$T/madr.db" show 1 >"$T/show"
expect_in "$T/show" '[proposed "on hold"]' "madr: 'on hold' kept as written"
"$CHARRETTE" --db "$T/jabref.db" show 1 >"$T/show"
expect_in "$T/show" "[superseded by 57]" "jabref: superseded by ADR-0057"
expect_in "$T/show" "    supersedes ADR 45" "jabref: 'accepted; supersedes ADR-0045'"
"$CHARRETTE" --db "$T/log4brains.db" show 1 >"$T/show"
expect_in "$T/show" "[superseded by" "log4brains: superseded by its slug"

# ---- a record changed in the workshop: its file, its changed lines -------
w="$T/adr-tools/dir"
db="$T/adr-tools.db"
sqlite3 "$db" "UPDATE decision SET status = 'deprecated', version = version + 1
		WHERE number = 2;"
expect_exit 0 "diff after a change in the workshop" -- \
	"$CHARRETTE" --db "$db" diff 1 "$w"
expect_in "$T/out" "changed   0002-implement-as-shell-scripts.md (status)" \
	"diff names the file and the field"
expect_in "$T/out" "1 file(s) to write" "diff: one file to write"
expect_exit 0 "export after a change in the workshop" -- \
	"$CHARRETTE" --db "$db" export 1 --format adr -o "$w"
(cd "$w" && git status --porcelain) >"$T/status"
printf ' M 0002-implement-as-shell-scripts.md\n' >"$T/want"
expect_same "$T/want" "$T/status" "only the changed record's file changed"
(cd "$w" && git diff -U0 | grep '^[-+][^-+]') >"$T/lines"
printf '%s\n' '-Accepted' '+Deprecated' >"$T/want"
expect_same "$T/want" "$T/lines" "only its status line changed"
(cd "$w" && git -c user.email=t@example.org -c user.name=t commit -qam status)

# ---- a new record after a file added behind charrette's back -------------
printf '# 10. Added by a colleague\n\nDate: 2024-05-01\n\n## Status\n\nProposed\n' \
	>"$w/0010-added-by-a-colleague.md"
sqlite3 "$db" "INSERT INTO decision(workshop_id, number, title, status, context)
		VALUES (1, 10, 'Publish a man page', 'proposed', 'Users ask.');
		UPDATE workshop SET last_decision = 10 WHERE id = 1;"
expect_exit 0 "export with a new decision" -- \
	"$CHARRETTE" --db "$db" export 1 --format adr -o "$w"
(cd "$w" && git status --porcelain --untracked-files=all) >"$T/status"
printf '%s\n' '?? 0010-added-by-a-colleague.md' '?? 0011-publish-a-man-page.md' \
	>"$T/want"
expect_same "$T/want" "$T/status" "the new record is 0011, after the colleague's 0010"
head -1 "$w/0011-publish-a-man-page.md" >"$T/got"
echo "# 11. Publish a man page" >"$T/want"
expect_same "$T/want" "$T/got" "its title carries its file's number"
grep -q '^Date:' "$w/0011-publish-a-man-page.md" &&
	not_ok "a date was made up for a decision without one" ||
	ok "no date made up"

# ---- charrette's own MADR, byte for byte from the first export -----------
m="$T/own"
expect_exit 0 "a workshop of our own" -- \
	"$CHARRETTE" --db "$m.db" import "$top_srcdir/data/demo.yaml"
expect_exit 0 "its first MADR export" -- \
	"$CHARRETTE" --db "$m.db" export 1 --format madr -o "$m/one"
expect_exit 0 "import-adr of it" -- "$CHARRETTE" --db "$m.db" import-adr "$m/one"
expect_exit 0 "exported again from the import" -- \
	"$CHARRETTE" --db "$m.db" export 2 --format madr -o "$m/two"
if diff -r "$m/one" "$m/two" >"$T/d"; then
	ok "MADR round trip: byte for byte"
else
	not_ok "MADR round trip: byte for byte"; head -40 "$T/d" | sed 's/^/#   /'
fi
expect_exit 0 "and once more" -- "$CHARRETTE" --db "$m.db" import-adr "$m/two"
expect_exit 0 "... exported" -- \
	"$CHARRETTE" --db "$m.db" export 3 --format madr -o "$m/three"
diff -r "$m/one" "$m/three" >/dev/null && ok "stable after two round trips" ||
	not_ok "not stable after two round trips"
for h in "## Considered Options" "## Decision Drivers"; do
	n=$(grep -lx -- "$h" "$m/two"/0001-*.md | wc -l)
	[ "$n" -eq 1 ] && ok "round trip keeps '$h'" || not_ok "round trip lost '$h'"
done
n=$(grep -cx -- "## More Information" "$m/two"/0001-*.md)
[ "$n" -eq 1 ] && ok "one More Information" || not_ok "$n More Information sections"
# A process decision gets no options and no scores of the platform choice.
for f in "$m/one"/0*.md; do
	if ! grep -q '^Chosen option' "$f" && grep -q '## Pros and Cons\|## Considered Options' "$f"; then
		not_ok "$(basename "$f"): options of another decision"
	fi
done
ok "only the decision that chose an option lists the options"
grep -rh 'Good, because [A-Z]' "$m/one" >"$T/bad" && { not_ok "ungrammatical pros"; cat "$T/bad"; } ||
	ok "no 'Good, because Daily deploys'"

# ---- adr-NNN names and dd.mm.yyyy dates ------------------------------------
d="$T/dotted"
cp -R "$top_srcdir/tests/data/adr/dotted" "$d"
chmod -R u+w "$d"
git_init "$d"
expect_exit 0 "import-adr of adr-NNN files" -- "$CHARRETTE" --db "$d.db" import-adr "$d"
"$CHARRETTE" --db "$d.db" show 1 >"$T/show"
expect_in "$T/show" "  ADR 1: Keep a decision log [accepted \"Approved\"] 2021-03-05" \
	"05.03.2021 shown as 2021-03-05, 'Approved' as written"
expect_in "$T/show" "  ADR 3: Run the builds in containers [accepted \"Partly superseded\"] 2021-06-30" \
	"30/06/2021 read, 'Partly superseded' kept"
sqlite3 "$d.db" "UPDATE decision SET date = '2021-04-20', version = version + 1
		 WHERE number = 2;"
expect_exit 0 "export after a date change" -- \
	"$CHARRETTE" --db "$d.db" export 1 --format adr -o "$d"
(cd "$d" && git diff -U0 | grep '^[-+][^-+]') >"$T/lines"
printf '%s\n' '-Date: 12.04.2021' '+Date: 20.04.2021' >"$T/want"
expect_same "$T/want" "$T/lines" "a changed date is written in the file's own form"

# ---- markdownlint on what we wrote ------------------------------------------
if command -v markdownlint-cli2 >/dev/null 2>&1; then
	if (cd "$top_srcdir" && markdownlint-cli2 --config \
	    "$top_srcdir/.markdownlint-cli2.jsonc" "$m/one/*.md") \
	    >"$T/lint" 2>&1; then
		ok "markdownlint on our MADR folder"
	else
		not_ok "markdownlint on our MADR folder"
		sed 's/^/#   /' "$T/lint" | head -40
	fi
fi
finish
