#!/bin/sh
# The machine-readable listings the shell completions read: list --format
# tsv (one line a workshop whatever its title holds) and templates.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
TAB=$(printf '\t')

expect_exit 0 "list --format tsv on an empty database" -- C list --format tsv
printf 'id\ttitle\tstage\tupdated\tarchived\n' >"$T/want"
expect_same "$T/want" "$T/out" "an empty database gives the header only"

C new "Choose a delivery platform" >/dev/null
C new "Queue choice" --template generic >/dev/null
expect_exit 0 "list --format tsv" -- C list --format tsv
cat >"$T/want" <<'OUT'
id	title	stage	updated	archived
1	Choose a delivery platform	interview	2026-11-26T12:00:00Z	no
2	Queue choice	interview	2026-11-26T12:00:00Z	no
OUT
expect_same "$T/want" "$T/out" "one line a workshop: id, title, stage, updated, archived"
expect_exit 0 "--format=table is the plain list" -- C list --format=table
C list >"$T/plain"
expect_same "$T/plain" "$T/out" "--format table prints what list prints"

expect_exit 2 "an unknown format" -- C list --format csv
expect_in "$T/err" "unknown format 'csv'" "the unknown format is named"
expect_exit 2 "--format without a value" -- C list --format
expect_exit 2 "--format twice" -- C list --format tsv --format tsv
expect_in "$T/err" "given twice" "--format twice is said"

# Titles written by another program (or an older one): tabs, line breaks,
# an escape sequence, invalid UTF-8.  Each workshop stays one line of five
# fields, and nothing reaches the terminal raw.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE workshop SET title = 'a' || char(9) || 'b' || char(10) || 'c' || char(13) || char(27) || '[31md' || CAST(X'FF' AS TEXT) || ' é' WHERE id = 2; UPDATE workshop SET archived = 1 WHERE id = 1;"
	expect_exit 0 "list --all --format tsv with hostile titles" -- C list --all --format tsv
	lines=$(wc -l <"$T/out")
	[ "$lines" -eq 3 ] && ok "a title with line breaks is still one line" ||
		not_ok "a title with line breaks is still one line ($lines lines)"
	bad=$(awk -F'\t' 'NF != 5' "$T/out" | wc -l)
	[ "$bad" -eq 0 ] && ok "every line has five fields" ||
		not_ok "every line has five fields"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/out"; then
		not_ok "no control character is printed"
	else
		ok "no control character is printed"
	fi
	expect_in "$T/out" "2${TAB}a b c  [31md� é${TAB}interview" "controls read as spaces, bad UTF-8 as U+FFFD"
	expect_in "$T/out" "1${TAB}Choose a delivery platform${TAB}interview${TAB}2026-11-26T12:00:00Z${TAB}yes" "an archived workshop says yes"
	expect_exit 0 "list --format tsv leaves out archived ones" -- C list --format tsv
	if grep -q '^1	' "$T/out"; then not_ok "without --all, no archived workshop"; else
		ok "without --all, no archived workshop"; fi
else
	echo "# sqlite3 missing: the hostile-title checks are skipped"
fi

expect_exit 0 "templates" -- C templates
expect_in "$T/out" "devops   DevOps platform" "templates lists devops with its name"
expect_in "$T/out" "generic  Architecture decision" "templates lists generic"
expect_exit 0 "templates --format tsv" -- C templates --format tsv
head -n 1 "$T/out" >"$T/head"
printf 'id\tname\tdescription\n' >"$T/want"
expect_same "$T/want" "$T/head" "templates tsv starts with its header"
cut -f1 "$T/out" >"$T/ids"
printf 'id\ndevops\ngeneric\n' >"$T/want"
expect_same "$T/want" "$T/ids" "the template ids, shipped order"
mkdir -p "$T/extra"
cat >"$T/extra/templates.yaml" <<'YAML'
kind: templates
version: 1
templates:
  - id: platform-lite
    name: Platform, the short way
    description: Three sections only.
    sections: [delivery, team]
    criteria: [dx, cost]
    patterns: []
YAML
expect_exit 0 "templates with --data" -- C --data "$T/extra" templates --format tsv
expect_in "$T/out" "platform-lite${TAB}Platform, the short way${TAB}Three sections only." "a user's template is listed"
expect_exit 2 "templates takes no argument" -- C templates devops
expect_exit 0 "--help names the templates verb" -- C --help
expect_in "$T/out" "templates [--format table|tsv]" "--help lists templates"
expect_in "$T/out" "list [--all|--deleted] [--format table|tsv]" "--help shows list --format"
finish
