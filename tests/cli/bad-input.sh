#!/bin/sh
# Bad input, verb by verb: every case gets a clear message naming the
# place, the exit code of the contract (1 runtime failure, 2 usage or input
# error), and leaves what was saved unchanged.  One check per line.
#
# The permission cases run as nobody (setpriv) and need root; the full
# filesystem case needs a tmpfs mount.  Each section says when it is left
# out; the rest always runs.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
# A checksum of a file, and of a database's content (SQLite may checkpoint
# a WAL database on close, so its bytes are not the thing to compare).
sum() { cksum <"$1"; }
dump() { sqlite3 "$1" .dump | cksum; }
# same_as BEFORE NOW DESCRIPTION
same_as() { if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3"; fi; }
no_file() { if [ ! -e "$1" ]; then ok "$2"; else not_ok "$2 ($1 is there)"; fi; }
no_temp() {
	if [ -z "$(find "$1" -name '.*.??????' 2>/dev/null)" ]; then ok "$2"
	else not_ok "$2 (temp file left)"; fi
}
rep() { # rep N TEXT: TEXT N times, no newline
	head -c "$1" /dev/zero | tr '\0' "$2"
}

C import "$top_srcdir/data/demo.yaml" >/dev/null || { echo "setup failed"; exit 1; }
C export 1 --format yaml >"$T/good.yaml"
C export 1 --format json >"$T/good.json"
base=$(dump "$DB")

## import FILE: files that are not what they should be
expect_exit 2 "import: missing file" -- C import "$T/nosuch.yaml"
expect_in "$T/err" "$T/nosuch.yaml: No such file" "import: missing file is named"
mkdir "$T/folder"
expect_exit 2 "import: a folder instead of a file" -- C import "$T/folder"
expect_in "$T/err" "$T/folder: is a folder, not a file" "import: the folder is named"
: >"$T/empty.yaml"
expect_exit 2 "import: empty file" -- C import "$T/empty.yaml"
expect_in "$T/err" "empty.yaml:1:1: the file is empty" "import: empty file is named"
printf 'charrette: 1\ntitle: \001\002\000\003\377\376binary\n' >"$T/binary.yaml"
expect_exit 2 "import: binary file" -- C import "$T/binary.yaml"
expect_in "$T/err" "binary.yaml:2:" "import: binary file names line:col"
printf 'charrette: 1\ntitle: "caf\351"\n' >"$T/latin1.yaml"
expect_exit 2 "import: invalid UTF-8 in YAML" -- C import "$T/latin1.yaml"
expect_in "$T/err" "latin1.yaml:2:12: invalid UTF-8" "import: invalid UTF-8 in YAML at line:col"
printf '{"charrette": 1,\n "title": "caf\351"}\n' >"$T/latin1.json"
expect_exit 2 "import: invalid UTF-8 in JSON" -- C import "$T/latin1.json"
expect_in "$T/err" "latin1.json:2:" "import: invalid UTF-8 in JSON at line:col"
printf '\357\273\277' | cat - "$T/good.json" >"$T/bom.json"
expect_exit 0 "import: JSON with a byte order mark" -- C import "$T/bom.json"
sed 's/$/\r/' "$T/good.yaml" >"$T/crlf.yaml"
expect_exit 0 "import: YAML with CRLF line ends" -- C import "$T/crlf.yaml"
sed 's/$/\r/' "$T/good.json" >"$T/crlf.json"
expect_exit 0 "import: JSON with CRLF line ends" -- C import "$T/crlf.json"
C show 3 | sed 1d >"$T/show-crlf"; C show 1 | sed 1d >"$T/show-1"
expect_same "$T/show-1" "$T/show-crlf" "import: CRLF gives the same workshop"
{
	printf 'charrette: 1\ntitle: bomb\n'
	printf 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
	for i in 1 2 3 4 5 6 7 8; do
		p=$((i - 1))
		printf 'x%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n' \
			"$i" "$i" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p"
	done
} >"$T/bomb.yaml"
expect_exit 2 "import: YAML alias bomb" -- C import "$T/bomb.yaml"
expect_in "$T/err" "the aliases expand this file past 16 MiB" "import: alias bomb refused by its expanded size"
expect_in "$T/err" "bomb.yaml:" "import: the alias bomb is named at line:col"
# A bomb that would import: 3,000 risks whose description is one 100 kB
# text, aliased (279 kB of file, 300 MB of database before the limit).
awk 'BEGIN { printf "charrette: 1\ntitle: laughs\nrisks:\n  - {id: R0, description: &d \""
	for (i = 0; i < 100000; i++) printf "l"
	printf "\", probability: 2, impact: 3}\n"
	for (i = 1; i <= 3000; i++) printf "  - {id: R%d, description: *d, probability: 2, impact: 3}\n", i }' >"$T/laughs.yaml"
expect_exit 2 "import: aliases of a long text" -- C import "$T/laughs.yaml"
expect_in "$T/err" "laughs.yaml:169:29: the aliases expand this file past 16 MiB" "import: the alias that crosses the limit is named"
printf 'charrette: 1\ntitle: loop\nnext_steps: &l [a, *l]\n' >"$T/loop.yaml"
expect_exit 2 "import: an alias inside what it names" -- C import "$T/loop.yaml"
expect_in "$T/err" "loop.yaml:3:20: the alias *l is inside the node it names" "import: the loop is named"
{ printf 'charrette: 1\ntitle: deep\nrisks: '; rep 100000 '['; rep 100000 ']'; echo; } >"$T/deep.yaml"
expect_exit 2 "import: deeply nested YAML" -- C import "$T/deep.yaml"
expect_in "$T/err" "deep.yaml:3:71: nested more than 64 levels deep" "import: deep nesting is named at line:col"
{ printf '{"charrette": 1, "title": "deep", "risks": '; rep 100000 '['; rep 100000 ']'; echo '}'; } >"$T/deep.json"
expect_exit 2 "import: deeply nested JSON" -- C import "$T/deep.json"
expect_in "$T/err" "deep.json:1:107: nested more than 64 levels deep" "import: deep JSON is named at line:col"
{ printf 'charrette: 1\ntitle: big\nrisks:\n'; yes '  - {id: R, description: a risk written again and again to fill a big file, probability: 2, impact: 3}' | head -c 52428800; } >"$T/huge.yaml"
expect_exit 2 "import: a 50 MB file is refused" -- C import "$T/huge.yaml"
expect_in "$T/err" "huge.yaml: too large for a workshop file" "import: the size limit is named"
expect_exit 2 "import: a 50 MB standard input is refused" -- sh -c '"$CHARRETTE" --db "$1" import - <"$2"' sh "$DB" "$T/huge.yaml"
expect_in "$T/err" "<stdin>: too large for a workshop file" "import: the size limit on standard input"
rm -f "$T/huge.yaml"
awk 'BEGIN { print "charrette: 1\ntitle: many\nrisks:"
	for (i = 0; i <= 10000; i++)
		printf "  - {id: R%d, description: risk %d, probability: 2, impact: 3}\n", i, i }' >"$T/many.yaml"
expect_exit 2 "import: 10001 risks are refused" -- C import "$T/many.yaml"
expect_in "$T/err" "many.yaml:4:3: too many risks (10001; at most 10000)" "import: the list limit is named at line:col"
printf 'charrette: 1\ntitle: "two\\nlines"\n' >"$T/nl-title.yaml"
expect_exit 2 "import: a newline in the title" -- C import "$T/nl-title.yaml"
expect_in "$T/err" "nl-title.yaml:2:8: 'title' must be one line without control characters" "import: the newline is named"
printf 'charrette: 1\ntitle: "red \\e[31m alert"\n' >"$T/esc-title.yaml"
expect_exit 2 "import: an escape in the title" -- C import "$T/esc-title.yaml"
expect_in "$T/err" "esc-title.yaml:2:8:" "import: the escape is named"
printf 'charrette: 1\ntitle: "a\\u0000b"\n' >"$T/nul.yaml"
expect_exit 2 "import: a NUL in the title" -- C import "$T/nul.yaml"
expect_in "$T/err" "nul.yaml:2:8: 'title' contains a NUL character" "import: the NUL is named"
expect_exit 2 "import: unknown option" -- C import --bogus
expect_exit 2 "import: two files" -- C import a.yaml b.yaml
expect_exit 2 "import: no file" -- C import
expect_exit 2 "import: with --read-only" -- C --read-only import "$T/good.yaml"
expect_in "$T/err" "import: cannot import with --read-only" "import: --read-only is named"
expect_exit 0 "list after the refused imports" -- C list
expect_in "$T/out" "4     roadmap" "the three good imports were saved"
grep -c roadmap "$T/out" >"$T/n"; expect_in "$T/n" "4" "nothing else was saved (the demo and three good imports)"
base=$(dump "$DB")

## new TITLE and the global options
expect_exit 2 "new: a newline in the title" -- C new "$(printf 'two\nlines')"
expect_in "$T/err" "new: the title must be one line without control characters" "new: the newline is explained"
expect_exit 2 "new: an escape sequence in the title" -- C new "$(printf 'red \033[31m alert')"
expect_exit 2 "new: a tab in the title" -- C new "$(printf 'a\tb')"
expect_exit 2 "new: invalid UTF-8 in the title" -- C new "$(printf 'caf\351')"
expect_in "$T/err" "new: the title is not valid UTF-8" "new: invalid UTF-8 is named"
expect_exit 2 "new: an empty title" -- C new ""
expect_exit 2 "new: a blank title" -- C new "   "
expect_exit 2 "new: unknown option" -- C new X --bogus
expect_exit 2 "new: --template without a value" -- C new X --template
expect_in "$T/err" "new: --template needs a NAME" "new: the missing value is named"
expect_exit 2 "new: --template twice" -- C new X --template devops --template generic
expect_in "$T/err" "new: --template given twice" "new: the duplicate is named"
expect_exit 2 "new: an empty --template=" -- C new X --template=
expect_exit 2 "new: with --read-only" -- C --read-only new X
expect_in "$T/err" "new: cannot create a workshop with --read-only" "new: --read-only is named"
expect_exit 2 "--as: invalid UTF-8" -- C --as "$(printf 'jos\351')" new X
expect_in "$T/err" "--as: the name is not valid UTF-8" "--as: invalid UTF-8 is named"
expect_exit 2 "--as: a newline" -- C --as "$(printf 'a\nb')" new X
expect_in "$T/err" "--as: the name must be one line without control characters" "--as: the newline is named"
expect_exit 2 "--as: an escape sequence" -- C --as "$(printf 'a\033[2J')" new X
expect_exit 2 "--as: a name that holds \"(via \"" -- C --as "alice (via alice)" new X
expect_in "$T/err" "--as: the name cannot hold \"(via \"" "--as: a name posing as an account is refused"
expect_exit 2 "--as: empty" -- C --as "" new X
expect_in "$T/err" "--as needs a NAME" "--as: the empty name is named"
expect_exit 2 "--db: empty" -- "$CHARRETTE" --db "" list
expect_in "$T/err" "--db needs a FILE" "--db: the empty value is named"
expect_exit 2 "--db: missing value" -- "$CHARRETTE" --db
expect_in "$T/err" "charrette: option '--db' needs a value" "--db: the missing value in our own words"
expect_exit 2 "--db: given twice" -- C --db "$T/other.db" list
expect_in "$T/err" "--db given twice" "--db: the duplicate is named"
expect_exit 2 "unknown global option" -- C --frobnicate list
expect_in "$T/err" "charrette: unknown option '--frobnicate'" "unknown global option in our own words"
expect_exit 2 "--demo with a verb" -- "$CHARRETTE" --demo list
expect_in "$T/err" "--demo opens the terminal interface; it takes no verb" "--demo with a verb is explained"
expect_exit 2 "--data: a missing folder" -- C --data "$T/nosuch" new X
expect_in "$T/err" "$T/nosuch: no such folder" "--data: the missing folder is named"
expect_exit 2 "--data: a missing folder, even for list" -- C --data "$T/nosuch" list
expect_exit 2 "--data: a file" -- C --data "$T/good.yaml" new X
expect_in "$T/err" "good.yaml: not a folder" "--data: the file is named"
mkdir "$T/baddata"
printf 'kind: criteria\nversion: 1\ncriteria:\n  - id: dx\n    name: "caf\351"\n' >"$T/baddata/criteria.yaml"
expect_exit 2 "--data: invalid UTF-8 in a content file" -- C --data "$T/baddata" new X
expect_in "$T/err" "baddata/criteria.yaml:5:" "--data: the bad file is named at line:col"
same_as "$base" "$(dump "$DB")" "new and the options: nothing saved by the refusals"

## WORKSHOP arguments (show, score, export)
for v in show score "export --format report --"; do
	verb=${v%% *}
	expect_exit 2 "$verb: id 0" -- C $v 0
	expect_in "$T/err" "no workshop matches '0'" "$verb: id 0 is named"
	expect_exit 2 "$verb: a negative id" -- C $v -1
	expect_exit 2 "$verb: a huge id" -- C $v 99999999999999999999
	expect_in "$T/err" "no workshop matches '99999999999999999999'" "$verb: the huge id is named"
	expect_exit 2 "$verb: a prefix matching nothing" -- C $v "Nothing like this"
	expect_exit 2 "$verb: an empty reference" -- C $v ""
done
expect_exit 2 "show: no workshop" -- C show
expect_exit 2 "show: two workshops" -- C show 1 2
expect_exit 2 "score: unknown option" -- C score 1 --bogus
expect_exit 2 "score: --format without a value" -- C score 1 --format
expect_in "$T/err" "score: --format needs a value" "score: the missing value is named"
expect_exit 2 "score: unknown format" -- C score 1 --format xml
expect_exit 2 "score: --format twice" -- C score 1 --format json --format tsv
expect_in "$T/err" "score: --format given twice" "score: the duplicate is named"
expect_exit 2 "export: --format without a value" -- C export 1 --format
expect_exit 2 "export: unknown format" -- C export 1 --format bogus
expect_in "$T/err" "unknown format 'bogus'" "export: the unknown format is named"
expect_exit 2 "export: no format" -- C export 1
expect_exit 2 "export: -o without a path" -- C export 1 --format report -o
expect_exit 2 "export: -o empty" -- C export 1 --format report -o ""
expect_exit 2 "export: unknown option" -- C export 1 --format report --bogus
expect_exit 2 "export: --format twice" -- C export 1 --format report --format json
expect_in "$T/err" "export: --format given twice" "export: the duplicate --format is named"
expect_exit 2 "export: -o twice" -- C export 1 --format report -o "$T/a.md" -o "$T/b.md"
expect_in "$T/err" "export: -o given twice" "export: the duplicate -o is named"
expect_exit 2 "list: unknown option" -- C list --bogus
expect_exit 2 "list: an argument" -- C list foo

## import-adr DIR and check-data DIR
A="$top_srcdir/tests/data/adr/adr-tools"
expect_exit 2 "import-adr: missing folder" -- C import-adr "$T/nosuch"
expect_in "$T/err" "$T/nosuch: no such folder" "import-adr: the missing folder is named"
expect_exit 2 "import-adr: a file" -- C import-adr "$T/good.yaml"
expect_in "$T/err" "good.yaml: not a folder" "import-adr: the file is named"
expect_exit 2 "import-adr: --into without a value" -- C import-adr "$A" --into
expect_exit 2 "import-adr: --into a workshop that is not there" -- C import-adr "$A" --into 0
expect_exit 2 "import-adr: --into twice" -- C import-adr "$A" --into 1 --into 2
expect_in "$T/err" "import-adr: --into given twice" "import-adr: the duplicate is named"
expect_exit 2 "import-adr: --read-only" -- C --read-only import-adr "$A"
mkdir "$T/adr1"
printf '# 1. Use caf\351\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n' >"$T/adr1/0001-x.md"
expect_exit 2 "import-adr: invalid UTF-8 in an ADR" -- C import-adr "$T/adr1"
expect_in "$T/err" "adr1/0001-x.md:1:13: invalid UTF-8" "import-adr: the bad byte is named at line:col"
mkdir "$T/adr2"
printf 'x\000y\001' >"$T/adr2/0001-bin.md"
expect_exit 2 "import-adr: a binary ADR" -- C import-adr "$T/adr2"
expect_in "$T/err" "adr2/0001-bin.md:1: binary file" "import-adr: the binary file is named"
mkdir "$T/adr3"
: >"$T/adr3/0001-empty.md"
expect_exit 2 "import-adr: an empty ADR" -- C import-adr "$T/adr3"
expect_in "$T/err" "adr3/0001-empty.md:1: empty file" "import-adr: the empty file is named"
mkdir "$T/adr4"
printf '# 1. Use \033[31mred\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n' >"$T/adr4/0001-x.md"
expect_exit 2 "import-adr: an escape in the title" -- C import-adr "$T/adr4"
expect_in "$T/err" "adr4/0001-x.md:1:10: control character" "import-adr: the escape is named at line:col"
mkdir "$T/adr5"
{ cat "$A/0002-deploy-with-github-actions.md"; rep 17000000 a; } >"$T/adr5/0002-huge.md"
expect_exit 2 "import-adr: a 17 MB ADR" -- C import-adr "$T/adr5"
expect_in "$T/err" "adr5/0002-huge.md:1: file too large" "import-adr: the size limit is named"
rm -rf "$T/adr5"
mkdir "$T/adr6"
sed 's/$/\r/' "$A/0005-use-terraform-for-shared-infrastructure.md" >"$T/adr6/0005-tf.md"
expect_exit 0 "import-adr: CRLF line ends" -- C import-adr "$T/adr6"
id=$(sed -n 's/^workshop \([0-9]*\):.*/\1/p' "$T/out")
C export "$id" --format yaml >"$T/adr6.yaml"
expect_in "$T/adr6.yaml" "title: Use Terraform for shared infrastructure" "import-adr: CRLF title read without the CR"
base=$(dump "$DB")
expect_exit 2 "check-data: missing folder" -- "$CHARRETTE" check-data "$T/nosuch"
expect_in "$T/err" "no such folder: $T/nosuch" "check-data: the missing folder is named"
expect_exit 2 "check-data: a file" -- "$CHARRETTE" check-data "$T/good.yaml"
expect_exit 2 "check-data: invalid UTF-8" -- "$CHARRETTE" check-data "$T/baddata"
expect_in "$T/err" "criteria.yaml:5:" "check-data: invalid UTF-8 at line:col"
mkdir "$T/cd1"
mkdir "$T/cd1/rules.yaml"
expect_exit 2 "check-data: a folder named like a content file" -- "$CHARRETTE" check-data "$T/cd1"
expect_in "$T/err" "cd1/rules.yaml: is a folder, not a file" "check-data: the folder is named"
mkdir "$T/cd2"
{ printf 'kind: rules\nversion: 1\nrules:\n  - id: r\n    when: '; rep 100000 '['; rep 100000 ']'; echo; } >"$T/cd2/rules.yaml"
expect_exit 2 "check-data: deeply nested YAML" -- "$CHARRETTE" check-data "$T/cd2"
expect_in "$T/err" "cd2/rules.yaml:5:" "check-data: deep nesting is named"
expect_in "$T/err" "nested more than 64 levels deep" "check-data: deep nesting is explained"
# 40 rule files whose conditions alias one bad condition 820 times each:
# every problem is told once, with how often it came.
mkdir "$T/cd-bomb"
for i in $(seq 1 40); do
	{
		printf 'kind: rules\nversion: 1\nrules:\n'
		printf '  - {id: r%d, title: t, goal: velocity, recommendation: x, when: &c0 {question: nosuch, eq: 1}}\n' "$i"
		printf '  - {id: s%d, title: t, goal: velocity, recommendation: x, when: &c1 {all: [*c0, *c0, *c0, *c0, *c0, *c0, *c0, *c0, *c0]}}\n' "$i"
		printf '  - {id: t%d, title: t, goal: velocity, recommendation: x, when: &c2 {all: [*c1, *c1, *c1, *c1, *c1, *c1, *c1, *c1, *c1]}}\n' "$i"
		printf '  - {id: u%d, title: t, goal: velocity, recommendation: x, when: {all: [*c2, *c2, *c2, *c2, *c2, *c2, *c2, *c2, *c2]}}\n' "$i"
	} >"$T/cd-bomb/rules-$i.yaml"
done
expect_exit 2 "check-data: 40 alias-bomb rule files" -- "$CHARRETTE" check-data "$T/cd-bomb"
n=$(wc -l <"$T/err")
[ "$n" -le 250 ] && ok "check-data: 40 alias bombs print a bounded number of lines ($n)" ||
	not_ok "check-data: 40 alias bombs print $n lines"
expect_in "$T/err" "rules-1.yaml:" "check-data: the alias bombs are named"
expect_in "$T/err" "(reported " "check-data: repeated problems are counted, not repeated"
mkdir "$T/cd3"
: >"$T/cd3/criteria.yaml"
expect_exit 2 "check-data: an empty content file" -- "$CHARRETTE" check-data "$T/cd3"
expect_in "$T/err" "cd3/criteria.yaml:1:1: the file is empty" "check-data: the empty file is named"
mkdir "$T/cd4"
sed 's/$/\r/' "$top_srcdir/data/criteria.yaml" >"$T/cd4/criteria.yaml"
expect_exit 0 "check-data: CRLF line ends" -- "$CHARRETTE" check-data "$T/cd4"
expect_exit 2 "check-data: unknown option" -- "$CHARRETTE" check-data --bogus

## databases
printf 'this is not a database\n' >"$T/text.db"
s=$(sum "$T/text.db")
expect_exit 2 "a text file as database" -- "$CHARRETTE" --db "$T/text.db" list
expect_in "$T/err" "$T/text.db is not a SQLite database" "the text file is named"
same_as "$s" "$(sum "$T/text.db")" "the text file is unchanged"
sqlite3 "$T/foreign.db" "CREATE TABLE invoices(id INTEGER PRIMARY KEY);"
s=$(sum "$T/foreign.db")
expect_exit 2 "a foreign SQLite database" -- "$CHARRETTE" --db "$T/foreign.db" new X
expect_in "$T/err" "foreign.db is a SQLite database of another application" "the foreign database is named"
same_as "$s" "$(sum "$T/foreign.db")" "the foreign database is unchanged"
cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999;"
s=$(dump "$T/newer.db")
expect_exit 2 "a newer schema" -- "$CHARRETTE" --db "$T/newer.db" new X
expect_in "$T/err" "newer.db was written by a newer charrette" "the newer schema is named"
same_as "$s" "$(dump "$T/newer.db")" "the newer database is unchanged"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
head -c 8192 "$DB" >"$T/trunc.db"
expect_exit 1 "a truncated database" -- "$CHARRETTE" --db "$T/trunc.db" show 1
expect_in "$T/err" "$T/trunc.db is damaged (database disk image is malformed)" "the truncated database is named"
# Overwrite the workshop table's first page (its root page) in a copy.
page=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'workshop'")
psize=$(sqlite3 "$DB" "PRAGMA page_size")
cp "$DB" "$T/corrupt.db"
head -c "$psize" /dev/zero | tr '\0' 'Z' |
	dd of="$T/corrupt.db" bs="$psize" seek=$((page - 1)) conv=notrunc 2>/dev/null
s=$(sum "$T/corrupt.db")
for v in "list" "show 1" "score 1" "export 1 --format report" "new X"; do
	expect_exit 1 "a corrupt page: $v fails" -- "$CHARRETTE" --db "$T/corrupt.db" $v
	expect_in "$T/err" "corrupt.db is damaged" "a corrupt page: $v names the file"
done
expect_exit 1 "a corrupt page: import fails" -- "$CHARRETTE" --db "$T/corrupt.db" import "$T/good.yaml"
same_as "$s" "$(sum "$T/corrupt.db")" "the corrupt database is unchanged"
# Objects charrette did not create, planted by anyone who can write the
# file: refused by every verb with their names, the file unchanged (and
# nothing they would do done).
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$DB" "$T/trigger.db"
sqlite3 "$T/trigger.db" "CREATE TRIGGER rewrite AFTER INSERT ON workshop BEGIN UPDATE decision SET decision = 'pwned'; DELETE FROM audit; END; CREATE VIEW peek AS SELECT title FROM workshop;"
s=$(sum "$T/trigger.db")
for v in "list" "show 1" "score 1" "export 1 --format json" "new X" "import $T/good.yaml" "delete 1" "--read-only list"; do
	expect_exit 2 "a planted trigger: $v is refused" -- "$CHARRETTE" --db "$T/trigger.db" $v
done
expect_in "$T/err" "trigger.db holds what charrette did not create: view \"peek\", trigger \"rewrite\" on workshop" "a planted trigger: the objects are named"
expect_in "$T/err" "it was not opened and is unchanged" "a planted trigger: the message says the file is untouched"
same_as "$s" "$(sum "$T/trigger.db")" "a planted trigger: the file is unchanged, byte for byte"
[ "$(sqlite3 "$T/trigger.db" "SELECT count(*) FROM decision WHERE decision = 'pwned'")" = 0 ] &&
	ok "a planted trigger: it never ran" || not_ok "a planted trigger: it never ran"
cp "$DB" "$T/loop.db"
sqlite3 "$T/loop.db" "CREATE TRIGGER spin BEFORE UPDATE ON workshop BEGIN SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); END;"
s=$(sum "$T/loop.db")
t0=$(date +%s)
expect_exit 2 "a looping trigger: new is refused" -- timeout 10 "$CHARRETTE" --db "$T/loop.db" new X
t1=$(date +%s)
[ $((t1 - t0)) -le 2 ] && ok "a looping trigger: refused within 2 s" ||
	not_ok "a looping trigger: refused within 2 s (took $((t1 - t0)) s)"
same_as "$s" "$(sum "$T/loop.db")" "a looping trigger: the file is unchanged"
# A verb can always be stopped: SIGINT, SIGTERM or SIGHUP end it, with that
# signal (here while it waits for its input; the store's progress handler
# stops a long query the same way, see test_store).  env --default-signal:
# a background job of a script starts with SIGINT ignored.
if env --default-signal=INT true 2>/dev/null; then
	for sig in TERM INT HUP; do
		mkfifo "$T/in.$sig"
		env --default-signal=INT,TERM,HUP "$CHARRETTE" --db "$DB" import - \
			<"$T/in.$sig" >/dev/null 2>&1 &
		pid=$!
		exec 3>"$T/in.$sig"
		sleep 0.3
		kill -"$sig" "$pid"
		wait "$pid" 2>/dev/null
		rc=$?
		exec 3>&-
		[ "$rc" -gt 128 ] && ok "SIG$sig stops a verb ($rc)" ||
			not_ok "SIG$sig stops a verb (exit $rc)"
	done
else
	echo "# env --default-signal is missing: the signal cases are left out"
fi
expect_exit 2 "a folder as database" -- "$CHARRETTE" --db "$T/folder" list
expect_in "$T/err" "folder is a folder, not a database" "the folder is named"
expect_exit 2 "a database path under a regular file" -- "$CHARRETTE" --db "$T/good.yaml/x.db" list
expect_in "$T/err" "good.yaml/x.db: Not a directory" "the path is named"
ln -s "$DB" "$T/link.db"
expect_exit 0 "a symlink to the database" -- "$CHARRETTE" --db "$T/link.db" list
expect_in "$T/out" "Choose a delivery platform" "the symlink opens the database"
ln -s "$T/nowhere/x.db" "$T/dangling.db"
expect_exit 2 "a dangling symlink" -- "$CHARRETTE" --db "$T/dangling.db" list
expect_in "$T/err" "dangling.db" "the dangling symlink is named"
expect_exit 2 "--read-only on a missing database" -- "$CHARRETTE" --read-only --db "$T/none.db" list
expect_in "$T/err" "none.db does not exist" "the missing database is named"
no_file "$T/none.db" "--read-only creates no database"
# Another process holds the write lock for a second: readers go on, a
# writer waits for it and then saves.
sqlite3 "$DB" 'BEGIN IMMEDIATE;' 'UPDATE charrette_meta SET value = value;' \
	'.shell sleep 1' 'COMMIT;' >/dev/null 2>&1 &
holder=$!
sleep 0.3
expect_exit 0 "locked: list reads on" -- C list
expect_exit 0 "locked: new waits for the lock" -- C new "After the lock"
wait $holder
expect_exit 0 "locked: the new workshop is there" -- C show "After the lock"

## outputs
mkdir "$T/outdir"
expect_exit 0 "export -o a folder puts report.md in it" -- C export 1 --format report -o "$T/outdir"
expect_in "$T/out" "outdir/report.md" "export -o a folder names the file"
echo old >"$T/target.md"
ln -s "$T/target.md" "$T/link.md"
expect_exit 2 "export -o a symlink is refused" -- C export 1 --format report -o "$T/link.md"
expect_in "$T/err" "link.md is a symbolic link" "export: the symlink is named"
expect_in "$T/target.md" "old" "export: the symlink's target is unchanged"
expect_exit 2 "export -o under a regular file" -- C export 1 --format report -o "$T/good.yaml/x.md"
expect_in "$T/err" "good.yaml: not a folder" "export: the file in the way is named"
expect_exit 2 "export adr -o a file" -- C export 1 --format adr -o "$T/good.yaml"
expect_exit 2 "export -o an existing different file" -- C export 1 --format report -o "$T/target.md"
expect_in "$T/err" "target.md already exists" "export: the existing file is named"
expect_exit 1 "list to a full standard output" -- sh -c '"$CHARRETTE" --db "$1" list >/dev/full' sh "$DB"
expect_in "$T/err" "disk full: cannot write to the standard output" "list: the full output is named"
expect_exit 1 "show to a full standard output" -- sh -c '"$CHARRETTE" --db "$1" show 1 >/dev/full' sh "$DB"
expect_exit 1 "export to a full standard output" -- sh -c '"$CHARRETTE" --db "$1" export 1 --format report >/dev/full' sh "$DB"
expect_in "$T/err" "disk full: cannot write to the standard output" "export: the full output is named"
expect_exit 1 "score to a full standard output" -- sh -c '"$CHARRETTE" --db "$1" score 1 --format json >/dev/full' sh "$DB"
expect_exit 1 "check-data to a full standard output" -- sh -c '"$CHARRETTE" check-data >/dev/full'
expect_exit 1 "--help to a full standard output" -- sh -c '"$CHARRETTE" --help >/dev/full'
expect_exit 1 "list with standard output closed" -- sh -c '"$CHARRETTE" --db "$1" list >&-' sh "$DB"
expect_exit 1 "export with standard output closed" -- sh -c '"$CHARRETTE" --db "$1" export 1 --format json >&-' sh "$DB"
expect_exit 1 "new to a full standard output" -- sh -c '"$CHARRETTE" --db "$1" new Y >/dev/full' sh "$DB"
# A broken pipe ends the writer (SIGPIPE), never a crash: the status is
# 141 (killed by SIGPIPE) or 1 (the write error reported), not 0 nor >128
# for any other signal.
for i in 1 2 3 4 5 6 7 8; do C new "Padding $i" >/dev/null; done
sh -c '"$CHARRETTE" --db "$1" export 1 --format yaml 2>"$2"; echo $? >"$3"' sh "$DB" "$T/pipe.err" "$T/pipe.rc" | head -c 10 >/dev/null
rc=$(cat "$T/pipe.rc")
case $rc in 0|1|141) ok "export into a closed pipe ends cleanly ($rc)" ;; *) not_ok "export into a closed pipe (exit $rc)" ;; esac

## as an unprivileged user (root only)
# nobody runs a copy of the binary and the content in a folder it can
# reach: the build tree may sit under a folder nobody cannot enter (a
# checkout in /root, any 0700 folder).
nb_ready() {
	mkdir -m 0755 "$T/nb" && cp "$CHARRETTE" "$T/nb/charrette" &&
		cp -R "$CHARRETTE_DATADIR" "$T/nb/data" && chmod -R a+rX "$T/nb" &&
		chmod 0755 "$T" &&
		nobody "$T/nb/charrette" --version >/dev/null 2>&1
}
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T/nbhome" XDG_DATA_HOME="$T/nbhome/d" XDG_CONFIG_HOME="$T/nbhome/c" CHARRETTE_DATADIR="$T/nb/data" "$@"; }
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "# the unprivileged cases need root and setpriv: left out"
elif ! nb_ready; then
	echo "# nobody cannot run a copy of charrette from $T (a noexec /tmp?): the unprivileged cases are left out"
else
	NB=$T/nb/charrette
	mkdir -m 0755 "$T/pub"
	cp "$T/good.yaml" "$T/pub/secret.yaml"
	chmod 0600 "$T/pub/secret.yaml"
	expect_exit 2 "nobody: import an unreadable file" -- nobody "$NB" --db "$T/pub/nb.db" import "$T/pub/secret.yaml"
	expect_in "$T/err" "secret.yaml: Permission denied" "nobody: the unreadable file is named"
	# A database in a folder nobody cannot write: reads work, writes say why.
	mkdir -m 0755 "$T/rodir"
	sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	cp "$DB" "$T/rodir/w.db"
	chmod 0666 "$T/rodir/w.db"
	s=$(sum "$T/rodir/w.db")
	expect_exit 0 "nobody: list a database in a read-only folder" -- nobody "$NB" --db "$T/rodir/w.db" list
	expect_exit 1 "nobody: new in a read-only folder fails" -- nobody "$NB" --db "$T/rodir/w.db" new X
	expect_in "$T/err" "$T/rodir/w.db is open read-only: its folder is not writable" "nobody: the read-only folder is named"
	same_as "$s" "$(sum "$T/rodir/w.db")" "nobody: the database in the read-only folder is unchanged"
	# A read-only database file in a writable folder.
	mkdir -m 0777 "$T/rofile"
	cp "$T/rodir/w.db" "$T/rofile/w.db"
	chmod 0644 "$T/rofile/w.db"
	s=$(sum "$T/rofile/w.db")
	expect_exit 0 "nobody: show a read-only database" -- nobody "$NB" --db "$T/rofile/w.db" show 1
	expect_exit 1 "nobody: import into a read-only database fails" -- nobody "$NB" --db "$T/rofile/w.db" import "$T/good.yaml"
	expect_in "$T/err" "$T/rofile/w.db is open read-only: the file is not writable" "nobody: the read-only file is named"
	same_as "$s" "$(sum "$T/rofile/w.db")" "nobody: the read-only database is unchanged"
	# Exports into a folder nobody cannot write.
	for f in report adr yaml; do
		expect_exit 1 "nobody: export $f into a read-only folder" -- nobody "$NB" --db "$T/rofile/w.db" --read-only export 1 --format $f -o "$T/rodir/out"
		expect_in "$T/err" "$T/rodir" "nobody: export $f names the folder"
	done
	no_file "$T/rodir/out" "nobody: no export left in the read-only folder"
	mkdir -m 0755 "$T/pub/cd"
	cp "$top_srcdir/data/criteria.yaml" "$T/pub/cd/criteria.yaml"
	chmod 0600 "$T/pub/cd/criteria.yaml"
	expect_exit 2 "nobody: check-data an unreadable content file" -- nobody "$NB" check-data "$T/pub/cd"
	expect_in "$T/err" "cd/criteria.yaml: cannot open: Permission denied" "nobody: the unreadable content file is named"
	mkdir -m 0755 "$T/pub/adr"
	cp "$A/0002-deploy-with-github-actions.md" "$T/pub/adr/"
	chmod 0600 "$T/pub/adr/0002-deploy-with-github-actions.md"
	cp "$DB" "$T/pub/nb2.db"; chmod 0666 "$T/pub/nb2.db"; chmod 0777 "$T/pub"
	expect_exit 2 "nobody: import-adr an unreadable ADR" -- nobody "$NB" --db "$T/pub/nb2.db" import-adr "$T/pub/adr"
	expect_in "$T/err" "0002-deploy-with-github-actions.md: cannot read: Permission denied" "nobody: the unreadable ADR is named"
fi

## a full filesystem (root, and a tmpfs mount)
mkdir "$T/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
	trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
	C export 1 --format report -o "$T/full/keep.md" >/dev/null
	s=$(sum "$T/full/keep.md")
	head -c 200000 /dev/zero >"$T/full/fill" 2>/dev/null
	expect_exit 1 "ENOSPC: export json" -- C export 1 --format json -o "$T/full/x.json"
	expect_in "$T/err" "disk full: $T/full/x.json: write error: No space left on device" "ENOSPC: the full disk and the file are named"
	no_file "$T/full/x.json" "ENOSPC: no partial file"
	expect_exit 1 "ENOSPC: export adr" -- C export 1 --format adr -o "$T/full/adr"
	expect_in "$T/err" "No space left on device" "ENOSPC: adr says why"
	expect_exit 1 "ENOSPC: export report over a file with --force" -- C export 1 --format metrics -o "$T/full/keep.md" --force
	same_as "$s" "$(sum "$T/full/keep.md")" "ENOSPC: the old file is kept whole"
	no_temp "$T/full" "ENOSPC: no temp file left"
	umount "$T/full"
else
	echo "# no tmpfs mount here: the full filesystem case is left out"
fi

finish
