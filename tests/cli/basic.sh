#!/bin/sh
# CLI basics: new, list, show, workshop references, refusals, exit codes.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

expect_exit 0 "--version" -- C --version
expect_in "$T/out" "charrette " "--version prints the name"
expect_exit 0 "--help" -- C --help
expect_in "$T/out" "import-adr DIR" "--help lists the verbs"
expect_exit 2 "unknown option is a usage error" -- C --frobnicate
expect_exit 2 "unknown verb is a usage error" -- C frobnicate now

expect_exit 0 "list on a new database" -- C list
expect_in "$T/out" "No workshops yet" "empty list says so"
expect_exit 0 "new" -- C new "Choose a delivery platform"
expect_in "$T/out" "1" "new prints the id"
expect_exit 0 "new with the generic template" -- C new "Choose a message broker" --template generic
expect_exit 0 "new a third" -- C new "Choose a database"
expect_exit 2 "new with an unknown template" -- C new "X" --template nosuch
expect_in "$T/err" "nosuch" "unknown template is named"
expect_exit 2 "new without a title" -- C new

expect_exit 0 "list" -- C list
cat >"$T/want" <<'OUT'
ID    STAGE        UPDATED           TITLE
1     interview    2026-11-26 12:00  Choose a delivery platform
2     interview    2026-11-26 12:00  Choose a message broker
3     interview    2026-11-26 12:00  Choose a database
OUT
expect_same "$T/want" "$T/out" "list shows the three workshops"

expect_exit 0 "show by id" -- C show 1
expect_in "$T/out" "Workshop 1: Choose a delivery platform" "show names the workshop"
expect_in "$T/out" "Template: devops" "show names the template"
expect_in "$T/out" "dx  Developer experience" "devops criteria are created"
cp "$T/out" "$T/show1"
expect_exit 0 "show by unique prefix" -- C show "choose a del"
expect_same "$T/show1" "$T/out" "prefix and id show the same workshop"
expect_exit 2 "ambiguous prefix" -- C show "Choose a"
expect_in "$T/err" "matches several workshops" "ambiguity is explained"
expect_in "$T/err" "Choose a message broker" "ambiguity lists the candidates"
expect_exit 2 "no match" -- C show "Nothing like this"
expect_exit 2 "show without a workshop" -- C show

# Refusals leave the file byte-for-byte unchanged.
printf 'this is not a database, just text\n' >"$T/text.db"
sum=$(cksum <"$T/text.db")
expect_exit 2 "a text file is refused" -- "$CHARRETTE" --db "$T/text.db" list
expect_in "$T/err" "not a SQLite database" "refusal says why"
[ "$(cksum <"$T/text.db")" = "$sum" ] && ok "text file unchanged" || not_ok "text file changed"

sqlite3 "$T/foreign.db" "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);"
sum=$(cksum <"$T/foreign.db")
expect_exit 2 "another application's database is refused" -- "$CHARRETTE" --db "$T/foreign.db" list
expect_in "$T/err" "another application" "refusal names the reason"
[ "$(cksum <"$T/foreign.db")" = "$sum" ] && ok "foreign database unchanged" || not_ok "foreign database changed"

cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999;"
sum=$(cksum <"$T/newer.db")
expect_exit 2 "a newer schema is refused" -- "$CHARRETTE" --db "$T/newer.db" list
expect_in "$T/err" "newer charrette" "refusal names the reason"
[ "$(cksum <"$T/newer.db")" = "$sum" ] && ok "newer database unchanged" || not_ok "newer database changed"

# A read-only database file opens read-only: reading works, writing fails.
cp "$DB" "$T/ro.db"
chmod 0444 "$T/ro.db"
if [ "$(id -u)" -ne 0 ]; then
	expect_exit 0 "read-only file can be listed" -- "$CHARRETTE" --db "$T/ro.db" list
	expect_exit 1 "read-only file refuses writes" -- "$CHARRETTE" --db "$T/ro.db" new "Nope"
	expect_in "$T/err" "read-only" "the refusal says read-only"
fi
expect_exit 0 "--read-only lists" -- "$CHARRETTE" --read-only --db "$DB" list
expect_exit 2 "--read-only refuses new (a usage error, as for import-adr)" -- "$CHARRETTE" --read-only --db "$DB" new "Nope"
expect_in "$T/err" "read-only" "--read-only refusal says read-only"
expect_exit 2 "--read-only on a missing file" -- "$CHARRETTE" --read-only --db "$T/missing.db" list

# Default location: $CHARRETTE_DB, else XDG with folders created.
CHARRETTE_DB="$T/env.db" "$CHARRETTE" new "From env" >/dev/null 2>&1
[ -f "$T/env.db" ] && ok "CHARRETTE_DB is honoured" || not_ok "CHARRETTE_DB is honoured"
"$CHARRETTE" new "From XDG" >/dev/null 2>&1
[ -f "$XDG_DATA_HOME/charrette/charrette.db" ] && ok "XDG default with folders created" || not_ok "XDG default"

# Identity: the audit log records --as with the account behind it.
expect_exit 0 "--as" -- "$CHARRETTE" --db "$DB" --as facilitator new "As someone"
who=$(sqlite3 "$DB" "SELECT who FROM audit ORDER BY id DESC LIMIT 1" 2>/dev/null)
case $who in
"facilitator (via "*) ok "--as recorded with the account" ;;
*) not_ok "--as recorded with the account (got '$who')" ;;
esac
finish
