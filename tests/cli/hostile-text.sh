#!/bin/sh
# Stored text never reaches a terminal raw.  Anyone in the workshop group
# can write the database file, so plant what an attacker would — a window
# title (ESC ] 0 ; ... BEL), a screen clear (ESC [ 2 J), a clipboard write
# (OSC 52), a C1 CSI and a right-to-left override (U+202E) — in titles,
# keys, risks, rationales, answers, notes, decisions, metrics and the
# roadmap, then count those bytes with od in the output of every verb and
# every format that goes to standard output or standard error.
. "$top_srcdir/tests/cli/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: sqlite3 missing"; exit 77; }
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

C import "$top_srcdir/data/demo.yaml" >/dev/null || { echo "setup failed"; exit 1; }
C import "$top_srcdir/data/demo.yaml" >/dev/null || { echo "setup failed"; exit 1; }
# The payload, as SQL: every kind of harmful text at once.
bad="char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(27) || ']52;c;aGk=' || char(7) || char(155) || '31m' || char(8238) || 'txet' || char(8294) || char(127)"
# Workshop 1 gets it everywhere; workshop 2 only where the interchange
# format allows control characters (not in titles, keys or names of
# people), so that its JSON and YAML exports can be read back.
sqlite3 "$DB" "
UPDATE workshop SET title = 'Evil ' || $bad, facilitator = 'mallory' || $bad WHERE id = 1;
UPDATE workshop SET title = 'Evil twin ' || char(8238) || 'txet' WHERE id = 2;
UPDATE risk SET description = 'Risk ' || $bad, mitigation = 'm' || $bad || char(10) || 'second line';
UPDATE risk SET owner = 'o' || $bad WHERE workshop_id = 1;
UPDATE score SET rationale = 'because ' || $bad;
UPDATE answer SET text = 'a' || $bad WHERE kind = 'text';
UPDATE answer SET note = 'n' || $bad;
UPDATE approach SET summary = 's' || $bad, pros = 'p' || $bad;
UPDATE approach SET name = 'App ' || $bad WHERE workshop_id = 1;
UPDATE criterion SET name = 'Crit ' || $bad WHERE key = 'dx' AND workshop_id = 1;
UPDATE criterion SET key = 'k' || $bad WHERE key = 'ops' AND workshop_id = 1;
UPDATE decision SET context = 'c' || $bad, rationale = 'r' || $bad;
UPDATE decision SET title = 'D ' || $bad WHERE workshop_id = 1;
UPDATE metric SET name = 'M ' || $bad, unit = 'u' || $bad WHERE workshop_id = 1;
UPDATE phase SET items = 'i' || $bad;
UPDATE phase SET name = 'P ' || $bad WHERE workshop_id = 1;
UPDATE vote SET participant = participant || $bad WHERE workshop_id = 1;
" || { echo "planting failed"; exit 1; }
[ "$(sqlite3 "$DB" "SELECT instr(title, char(27)) > 0 FROM workshop WHERE id = 1")" = 1 ] ||
	{ echo "the payload was not planted"; exit 1; }

# harmful FILE: how many harmful bytes or sequences FILE holds (ESC, BEL,
# DEL, C1 CSI as UTF-8, U+202E, U+2066).
harmful() {
	od -An -v -tx1 "$1" | tr -s ' \n' '  ' |
		grep -o -E ' (1b|07|7f)| c2 9b| e2 80 ae| e2 81 a6' | wc -l | tr -d ' '
}
# clean DESCRIPTION: the last command's stdout and stderr hold none
clean() {
	n=$(($(harmful "$T/out") + $(harmful "$T/err")))
	if [ "$n" -eq 0 ]; then ok "$1: no escape bytes"; else
		not_ok "$1: $n escape bytes reached the terminal"
		od -c "$T/out" | head -5 | sed 's/^/#   /'
	fi
}
# The check itself must be able to fail: the database holds the bytes.
sqlite3 "$DB" "SELECT title FROM workshop WHERE id = 1" >"$T/raw"
[ "$(harmful "$T/raw")" -gt 5 ] && ok "the counter sees the planted bytes" ||
	not_ok "the counter sees the planted bytes"

expect_exit 0 "list" -- C list
clean "list"
expect_in "$T/out" "Evil ?]0;pwned??[2J?]52;c;aGk=??31m?txet??" "list shows each control as '?'"
expect_exit 0 "list --all" -- C list --all
clean "list --all"
for ref in 1 2; do
	expect_exit 0 "show $ref" -- C show $ref
	clean "show $ref"
done
expect_in "$T/out" "second line" "show keeps the line breaks of a mitigation"
for f in table tsv json; do
	expect_exit 0 "score --format $f" -- C score 1 --format $f --sensitivity
	clean "score --format $f"
done
expect_exit 0 "score (table)" -- C score 1
clean "score"
for f in report risks metrics risks-csv metrics-csv csv yaml json; do
	for ws in 1 2; do
		expect_exit 0 "export $ws --format $f to stdout" -- C export $ws --format $f
		clean "export $ws --format $f"
		cp "$T/out" "$T/export$ws.$f"
	done
done
# JSON escapes them as \u sequences: valid JSON that reads back the same.
expect_in "$T/export1.json" '\u001b]0;pwned\u0007' "export json: ESC and BEL as \\u escapes"
expect_in "$T/export2.json" '\u202e' "export json: U+202E as a \\u escape"
expect_in "$T/export2.yaml" '\u202E' "export yaml: U+202E as an escape"
C score 1 --format json >"$T/score.json"
expect_in "$T/score.json" '\u001b' "score json: ESC as a \\u escape"
if command -v python3 >/dev/null 2>&1; then
	for f in "$T/export1.json" "$T/export2.json" "$T/score.json"; do
		if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$f"; then
			ok "$(basename "$f") is valid JSON"
		else
			not_ok "$(basename "$f") is valid JSON"
		fi
	done
else
	echo "# python3 missing: the JSON validity checks are left out"
fi
expect_exit 0 "the escaped JSON imports" -- C import "$T/export2.json"
id=$(cat "$T/out")
same=$(sqlite3 "$DB" "SELECT (SELECT title FROM workshop WHERE id = 2) = (SELECT title FROM workshop WHERE id = 0$id)")
[ "$same" = 1 ] && ok "the title reads back byte for byte from the JSON" ||
	not_ok "the title reads back byte for byte from the JSON"
expect_exit 0 "the escaped YAML imports" -- C import "$T/export2.yaml"
id=$(cat "$T/out")
same=$(sqlite3 "$DB" "SELECT (SELECT group_concat(mitigation, '|') FROM risk WHERE workshop_id = 2) = (SELECT group_concat(mitigation, '|') FROM risk WHERE workshop_id = 0$id)")
[ "$same" = 1 ] && ok "the mitigations read back byte for byte from the YAML" ||
	not_ok "the mitigations read back byte for byte from the YAML"

# Messages that quote stored text: an ambiguous title lists the candidates.
expect_exit 2 "show Evil is ambiguous" -- C show Evil
expect_in "$T/err" "matches several workshops" "the candidates are listed"
clean "the ambiguous title message"
expect_exit 2 "an argument with an escape is quoted safely" -- C show "$(printf 'x\033[2Jy')"
clean "a quoted argument"
# A file to export over, named in the message with its stored title.
expect_exit 0 "export adr to a folder" -- C export 1 --format adr -o "$T/adr"
clean "export adr (file names)"

# import-adr prints what it read: an ADR titled with a right-to-left
# override (which an ADR title may hold) is shown with it as '?'.
mkdir "$T/adrin"
printf '# 1. Use \342\200\256kafka\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n' >"$T/adrin/0001-use-kafka.md"
expect_exit 0 "import-adr of an ADR with U+202E in its title" -- C import-adr "$T/adrin"
clean "import-adr"
expect_exit 0 "show the imported ADR" -- C show "ADRs from"
clean "show the imported ADR"
expect_in "$T/out" "ADR 1: Use ?kafka" "the override is shown as '?'"

# check-data: a content file whose messages quote what it holds.
mkdir "$T/data"
printf 'kind: criteria\nversion: 1\ncriteria:\n  - id: "x\\e]0;pwned\\a"\n    name: n\n    "b\\u202eogus": 1\n' >"$T/data/criteria.yaml"
expect_exit 2 "check-data on a hostile content file" -- "$CHARRETTE" check-data "$T/data"
clean "check-data"
expect_in "$T/err" "criteria.yaml:" "check-data names the file"

finish
