#!/bin/sh
# Killed part-way (kill -9), a bulk export leaves the old set of files or
# the new one, never a mix once charrette has looked at the folder again,
# and a bulk import-adr leaves the workshop as it was or with every record
# (issues 11 and 16).  Two kinds of kill: at a chosen point inside the
# commit (CHARRETTE_TEST_CRASH, which stops the process as kill -9 would,
# so that the worst moment is hit every time), and from outside at random
# moments.
. "$top_srcdir/tests/cli/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: needs sqlite3"
	exit 77
fi
DB="$T/crash.db"
N=300
C() { "$CHARRETTE" --db "$DB" "$@"; }

awk -v n="$N" 'BEGIN {
	print "charrette: 1"; print "title: Crash"; print "template: generic"
	print "decisions:"
	for (i = 1; i <= n; i++) {
		print "  - number: " i
		print "    title: Decision " i
		print "    status: accepted"
		print "    date: \"2024-01-15\""
		print "    context: The old text of decision " i "."
	}
}' >"$T/w.yaml"
expect_exit 0 "a workshop of $N decisions" -- C import "$T/w.yaml"
expect_exit 0 "the old set" -- C export 1 --format adr -o "$T/dir"
cp -R "$T/dir" "$T/old"
sqlite3 "$DB" "UPDATE decision SET context = 'The new text of decision ' || number || '.',
		version = version + 1;"
expect_exit 0 "the new set, elsewhere" -- C export 1 --format adr -o "$T/new"

# set_is DIR: "old", "new" or "mix" (with no temporary file left over).
set_is() {
	if ls -A "$1" | grep -q '^\.charrette'; then
		echo leftovers
	elif diff -r "$T/old" "$1" >/dev/null 2>&1; then
		echo old
	elif diff -r "$T/new" "$1" >/dev/null 2>&1; then
		echo new
	else
		echo mix
	fi
}

# ---- killed at the worst moment: half the renames done ------------------
CHARRETTE_TEST_CRASH=fileset:150 C export 1 --format adr -o "$T/dir" \
	>/dev/null 2>&1
rc=$?
[ "$rc" -eq 137 ] && ok "killed during the renames (exit $rc)" ||
	not_ok "not killed where asked (exit $rc)"
[ -f "$T/dir/.charrette-journal" ] && ok "the journal of the set is there" ||
	not_ok "no journal after the kill"
# The next look at the folder (diff, export, import-adr) finishes the set.
expect_exit 0 "diff after the kill" -- C diff 1 "$T/dir"
[ "$(set_is "$T/dir")" = new ] && ok "the new set, whole, after the kill" ||
	not_ok "after the kill the folder is: $(set_is "$T/dir")"
expect_in "$T/out" "0 file(s) to write" "nothing left to write"

# ---- killed before the set was committed: the old set stays -------------
rm -rf "$T/dir"
cp -R "$T/old" "$T/dir"
CHARRETTE_TEST_CRASH=fileset-staged:0 C export 1 --format adr -o "$T/dir" \
	>/dev/null 2>&1
rc=$?
[ "$rc" -eq 137 ] && ok "killed with the new files written, not committed" ||
	not_ok "not killed before the commit (exit $rc)"
ls -A "$T/dir" | grep -q '^\.charrette-tmp-' && ok "its temporary files are there" ||
	not_ok "no temporary files after the kill"
expect_exit 0 "import-adr after that kill" -- C import-adr "$T/dir"
[ "$(set_is "$T/dir")" = old ] && ok "not committed: the old set, no leftovers" ||
	not_ok "the folder is: $(set_is "$T/dir")"

# ---- killed after the commit, before the first rename: the new set -------
CHARRETTE_TEST_CRASH=fileset:0 C export 1 --format adr -o "$T/dir" \
	>/dev/null 2>&1
expect_exit 0 "diff after a kill before the first rename" -- C diff 1 "$T/dir"
[ "$(set_is "$T/dir")" = new ] && ok "committed before the renames: the new set" ||
	not_ok "the folder is: $(set_is "$T/dir")"

# ---- killed from outside, at random moments -------------------------------
i=0
while [ $i -lt 6 ]; do
	rm -rf "$T/dir"
	cp -R "$T/old" "$T/dir"
	# Not through C: $! must be charrette itself.
	"$CHARRETTE" --db "$DB" export 1 --format adr -o "$T/dir" \
		>/dev/null 2>&1 &
	pid=$!
	# 0 to 50 ms into the export
	sleep "0.0$(( (i * 7) % 6 ))" 2>/dev/null || sleep 0
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	C diff 1 "$T/dir" >/dev/null 2>&1
	s=$(set_is "$T/dir")
	case $s in
	old|new) ok "random kill $i: the $s set" ;;
	*) not_ok "random kill $i: $s" ;;
	esac
	i=$((i + 1))
done

# ---- import-adr killed part-way: all of it or none ------------------------
expect_exit 0 "an empty workshop" -- C new "Target"
target=$(sed -n '1p' "$T/out")
before=$(sqlite3 "$DB" "SELECT count(*) FROM decision WHERE workshop_id = $target")
CHARRETTE_TEST_CRASH=import:150 C import-adr "$T/new" --into "$target" \
	>/dev/null 2>&1
rc=$?
[ "$rc" -eq 137 ] && ok "import-adr killed half-way (exit $rc)" ||
	not_ok "import-adr not killed where asked (exit $rc)"
after=$(sqlite3 "$DB" "SELECT count(*) FROM decision WHERE workshop_id = $target")
[ "$after" -eq "$before" ] && ok "the workshop as it was ($after decisions)" ||
	not_ok "$after decisions after a killed import (was $before)"
i=0
while [ $i -lt 4 ]; do
	"$CHARRETTE" --db "$DB" import-adr "$T/new" --into "$target" \
		>/dev/null 2>&1 &
	pid=$!
	sleep "0.0$(( (i * 3) % 5 ))" 2>/dev/null || sleep 0
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	n=$(sqlite3 "$DB" "SELECT count(*) FROM decision WHERE workshop_id = $target")
	case $n in
	"$before"|$((before + N))) ok "random kill $i of import-adr: $n decisions" ;;
	*) not_ok "random kill $i of import-adr: $n decisions" ;;
	esac
	[ "$n" -eq $((before + N)) ] && break
	i=$((i + 1))
done
finish
