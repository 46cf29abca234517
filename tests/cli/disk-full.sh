#!/bin/sh
# A full disk is named as such, with the file, by every verb — never
# "disk I/O error" — and what was saved stays as it was.  The standard
# output cases use /dev/full and always run; the database and export
# cases need root to mount a small tmpfs, and are left out otherwise.
. "$top_srcdir/tests/cli/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: sqlite3 missing"; exit 77; }
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
dump() { sqlite3 "$1" .dump | cksum; }

C import "$top_srcdir/data/demo.yaml" >/dev/null || { echo "setup failed"; exit 1; }
if [ -w /dev/full ]; then
	for v in "list" "list --deleted" "show 1" "score 1" "score 1 --format json" "export 1 --format report" "export 1 --format yaml" "new Y"; do
		expect_exit 1 "/dev/full: $v" -- sh -c '"$1" --db "$2" $3 >/dev/full' sh "$CHARRETTE" "$DB" "$v"
		expect_in "$T/err" "disk full: cannot write to the standard output" "/dev/full: $v says the disk is full"
	done
	expect_exit 1 "/dev/full: check-data" -- sh -c '"$1" check-data >/dev/full' sh "$CHARRETTE"
	expect_in "$T/err" "disk full: cannot write to the standard output" "/dev/full: check-data says the disk is full"
else
	echo "# no /dev/full: the standard output cases are left out"
fi

F="$T/full"
mkdir "$F"
if [ "$(id -u)" -ne 0 ]; then
	echo "# not root: the database and export cases on a full tmpfs are left out"
	finish
	exit $?
fi
if ! mount -t tmpfs -o size=1m tmpfs "$F" 2>/dev/null; then
	echo "# cannot mount a tmpfs here: the full filesystem cases are left out"
	finish
	exit $?
fi
trap 'umount "$F" 2>/dev/null; rm -rf "$T"' EXIT
FDB="$F/team.db"
"$CHARRETTE" --db "$FDB" import "$top_srcdir/data/demo.yaml" >/dev/null ||
	{ not_ok "setup on the tmpfs"; finish; exit 1; }
sqlite3 "$FDB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
before=$(dump "$FDB")
# Fill what is left.
head -c 2000000 /dev/zero >"$F/fill" 2>/dev/null
expect_exit 1 "full: import" -- "$CHARRETTE" --db "$FDB" import "$top_srcdir/data/demo.yaml"
expect_in "$T/err" "disk full: cannot write $FDB" "full: import names the disk and the database"
if grep -q "disk I/O error" "$T/err"; then not_ok "full: import does not say 'disk I/O error'"
else ok "full: import does not say 'disk I/O error'"; fi
for v in "new Y" "delete 1"; do
	expect_exit 1 "full: $v" -- "$CHARRETTE" --db "$FDB" $v
	expect_in "$T/err" "disk full: cannot write $FDB" "full: $v names the disk and the database"
done
expect_exit 1 "full: a new database" -- "$CHARRETTE" --db "$F/new.db" new X
expect_in "$T/err" "disk full" "full: a new database says the disk is full"
expect_exit 1 "full: export json" -- "$CHARRETTE" --db "$DB" export 1 --format json -o "$F/x.json"
expect_in "$T/err" "disk full: $F/x.json" "full: export names the disk and the file"
expect_exit 1 "full: export adr" -- "$CHARRETTE" --db "$DB" export 1 --format adr -o "$F/adr"
expect_in "$T/err" "disk full: " "full: export adr says the disk is full"
rm -f "$F/fill"
expect_exit 0 "after freeing space: list" -- "$CHARRETTE" --db "$FDB" list
[ "$(dump "$FDB")" = "$before" ] && ok "full: the database is as it was" ||
	not_ok "full: the database is as it was"
expect_exit 0 "after freeing space: new" -- "$CHARRETTE" --db "$FDB" new Y
umount "$F"
finish
