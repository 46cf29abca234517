#!/bin/sh
# The trash: delete moves a workshop there with everything in it, list
# --deleted shows it, restore brings back every answer, score, vote, ADR
# and risk (the JSON export is byte for byte the same), purge empties it
# only on request, and only the facilitator's or creator's account may
# delete or purge.  (Two real accounts: tests/perm/two-accounts.sh.)
. "$top_srcdir/tests/cli/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: sqlite3 missing"; exit 77; }
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
count() { sqlite3 "$DB" "SELECT count(*) FROM $1 WHERE workshop_id = $2"; }

C import "$top_srcdir/data/demo.yaml" >/dev/null || { echo "setup failed"; exit 1; }
C new "Choose a message broker" >/dev/null || { echo "setup failed"; exit 1; }
C export 1 --format json >"$T/before.json"
C export 1 --format yaml >"$T/before.yaml"
for t in answer score vote decision risk metric phase criterion approach; do
	echo "$t $(count $t 1)"
done >"$T/rows.before"
grep -q "^vote 0" "$T/rows.before" && { echo "the demo has no votes"; exit 1; }

expect_exit 0 "list --deleted on an empty trash" -- C list --deleted
expect_in "$T/out" "The trash is empty." "an empty trash says so"
expect_exit 0 "delete" -- C delete "Choose a delivery"
expect_in "$T/out" "moved “Choose a delivery platform for Acme Payments” (1) to the trash" "delete names what it moved"
expect_exit 0 "list after delete" -- C list
if grep -q "Acme" "$T/out"; then not_ok "list no longer shows it"; else ok "list no longer shows it"; fi
expect_exit 0 "list --deleted" -- C list --deleted
expect_in "$T/out" "2026-11-26 12:00" "list --deleted says when"
expect_in "$T/out" "Choose a delivery platform for Acme Payments" "list --deleted names it"
expect_exit 2 "show a workshop in the trash" -- C show 1
expect_in "$T/err" "workshop 1 (“Choose a delivery platform for Acme Payments”) is in the trash" "show says it is in the trash"
expect_in "$T/err" "charrette restore 1 brings it back" "show says how to bring it back"
expect_exit 2 "export a workshop in the trash" -- C export 1 --format json
expect_exit 2 "delete it again" -- C delete 1
expect_exit 2 "a title prefix passes over the trash" -- C show "Choose a delivery"
expect_in "$T/err" "no workshop matches" "the title is not found outside the trash"
for t in answer score vote decision risk metric phase criterion approach; do
	echo "$t $(count $t 1)"
done >"$T/rows.trash"
expect_same "$T/rows.before" "$T/rows.trash" "the trash keeps every row"

expect_exit 2 "restore a workshop that is not in the trash" -- C restore 2
expect_in "$T/err" "no workshop in the trash matches '2'" "restore names what is not there"
expect_exit 0 "restore by title prefix" -- C restore "choose a DEL"
expect_in "$T/out" "restored “Choose a delivery platform for Acme Payments” (1)" "restore names it"
C export 1 --format json >"$T/after.json"
C export 1 --format yaml >"$T/after.yaml"
expect_same "$T/before.json" "$T/after.json" "restore: the JSON export is the same, byte for byte"
expect_same "$T/before.yaml" "$T/after.yaml" "restore: the YAML export is the same, byte for byte"
expect_exit 0 "list --deleted after restore" -- C list --deleted
expect_in "$T/out" "The trash is empty." "the trash is empty again"

# Purge: only from the trash, one or all.
expect_exit 2 "purge a workshop that is not in the trash" -- C purge 1
C delete 1 >/dev/null && C delete 2 >/dev/null
expect_exit 0 "purge one" -- C purge 2
expect_in "$T/out" "purged “Choose a message broker” (2) for good" "purge names it"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM workshop WHERE id = 2")" = 0 ] &&
	ok "the purged workshop is gone" || not_ok "the purged workshop is gone"
[ "$(count risk 1)" -gt 0 ] && ok "the other one is still in the trash, whole" ||
	not_ok "the other one is still in the trash, whole"

# Only the facilitator's or creator's account may delete or purge: the
# workshop's accounts are set to someone else's here.
sqlite3 "$DB" "UPDATE workshop SET creator_account = 'someone-else', facilitator_account = 'their-facilitator'"
expect_exit 1 "purge someone else's workshop" -- C purge 1
expect_in "$T/err" "only the facilitator (account their-facilitator) or the creator (account someone-else)" "purge says who may"
expect_exit 0 "purge --all leaves it" -- C purge --all
expect_in "$T/out" "purged 0 workshops from the trash; 1 is left" "purge --all counts what is left"
expect_exit 0 "anyone may restore" -- C restore 1
expect_exit 1 "delete someone else's workshop" -- C delete 1
expect_exit 1 "--as does not change the account" -- C --as someone-else delete 1
expect_in "$T/err" "you are " "the refusal names the account"
[ "$(sqlite3 "$DB" "SELECT deleted IS NULL FROM workshop WHERE id = 1")" = 1 ] &&
	ok "the refused delete changed nothing" || not_ok "the refused delete changed nothing"
me=$(id -un)
sqlite3 "$DB" "UPDATE workshop SET facilitator_account = '$me'"
expect_exit 0 "the facilitator's account may delete" -- C delete 1
expect_exit 0 "and purge" -- C purge --all
expect_in "$T/out" "purged 1 workshop from the trash" "purge --all purged it"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM risk")" = 0 ] && ok "purge removed its rows" ||
	not_ok "purge removed its rows"

# Usage.
expect_exit 2 "delete without a workshop" -- C delete
expect_exit 2 "delete with --read-only" -- C --read-only delete 1
expect_in "$T/err" "delete: cannot change the trash with --read-only" "--read-only is named"
expect_exit 2 "restore with two arguments" -- C restore 1 2
expect_exit 2 "purge with an unknown option" -- C purge --bogus
expect_exit 2 "list --all --deleted" -- C list --all --deleted
expect_exit 0 "--help lists the new verbs" -- C --help
expect_in "$T/out" "restore WORKSHOP" "--help lists restore"
expect_in "$T/out" "purge WORKSHOP|--all" "--help lists purge"

finish
