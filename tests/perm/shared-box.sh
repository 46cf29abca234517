#!/bin/sh
# The shared box for real: two members of a Unix group and one outsider,
# each a Unix account of their own, on a folder set up by
# contrib/shared-box-setup.sh.  A member with umask 077 creates the
# database, the other (umask 022) writes to it while the first still has it
# open and the other way round, both list it, the outsider can neither read
# nor change it, the files stay group-writable, and a database that lost its
# group write bit is warned about.
#
# Needs root (to create the accounts); skipped (77) otherwise, or when
# useradd, setpriv or the charrette binary is missing.  The accounts and
# the group get a random suffix and are removed on every exit.
set -u
: "${CHARRETTE:?}" "${top_srcdir:?}"

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root to create test accounts"
for tool in useradd userdel groupdel setpriv stat sha256sum; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing"
done
[ -x "$CHARRETTE" ] || skip "$CHARRETTE is not built"
datadir=${CHARRETTE_DATADIR:-$top_srcdir/data}

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
# check DESCRIPTION CMD...: ok when CMD succeeds
check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
show() { sed 's/^/#   /' "$1"; }

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
ua=chra$suffix
ub=chrb$suffix
uo=chro$suffix
grp=chrg$suffix
created_users=
holder_pid=

# A fresh 0755 folder under /tmp, so every account can reach what is in it
# whatever the parent folders of the build tree allow.
T=$(mktemp -d /tmp/charrette-perm-XXXXXX) || exit 1
chmod 0755 "$T"

cleanup() {
	if [ -n "$holder_pid" ]; then
		: >"$T/stop"
		wait "$holder_pid" 2>/dev/null
	fi
	for u in $created_users; do
		userdel "$u" 2>/dev/null
	done
	getent group "$grp" >/dev/null 2>&1 && groupdel "$grp" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

for u in "$ua" "$ub" "$uo"; do
	if ! useradd -M -N -s /bin/sh -d "$T/home" "$u" 2>"$T/useradd.err"; then
		show "$T/useradd.err"
		echo "Bail out! cannot create account $u"
		exit 99
	fi
	created_users="$created_users $u"
done

# Everyone runs copies kept in $T: the build tree may be under /root.
mkdir -p "$T/bin" "$T/home"
cp "$CHARRETTE" "$T/bin/charrette" || exit 99
cp -R "$datadir" "$T/data" || exit 99
chmod -R a+rX "$T/bin" "$T/data" "$T/home"

dir=$T/shared
db=$dir/team.db

# as USER UMASK CMD...: run CMD as USER with its groups and that umask.
as() {
	u=$1; m=$2; shift 2
	setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
		env HOME="$T/home" XDG_DATA_HOME="$T/home/data" \
		XDG_CONFIG_HOME="$T/home/config" CHARRETTE_DATADIR="$T/data" \
		LC_ALL=C.UTF-8 TZ=UTC \
		sh -c 'umask "$0"; exec "$@"' "$m" "$@"
}
# run NAME USER UMASK ARGS...: charrette as USER; $T/NAME.out/.err/.rc
run() {
	name=$1; u=$2; m=$3; shift 3
	as "$u" "$m" "$T/bin/charrette" --db "$db" "$@" \
		>"$T/$name.out" 2>"$T/$name.err"
	echo $? >"$T/$name.rc"
}
rc() { cat "$T/$1.rc"; }
# expect_ok NAME DESCRIPTION: exit 0 and no warning on stderr
expect_ok() {
	if [ "$(rc "$1")" -eq 0 ] && ! grep -q warning "$T/$1.err"; then
		ok "$2"
	else
		not_ok "$2 (exit $(rc "$1"))"; show "$T/$1.err"
	fi
}
mode() { stat -c %a "$1" 2>/dev/null || echo missing; }
group_of() { stat -c %G "$1" 2>/dev/null || echo missing; }

# hold USER UMASK: keep the database open as USER (a member with the TUI
# open) until release; the -wal and -shm files exist meanwhile.
hold() {
	rm -f "$T/stop" "$T/hold.out"
	{
		echo "SELECT count(*) FROM workshop;"
		i=0
		while [ ! -e "$T/stop" ] && [ $i -lt 600 ]; do
			sleep 0.1; i=$((i + 1))
		done
		echo "SELECT 'bye';"
	} | as "$1" "$2" sqlite3 "$db" >"$T/hold.out" 2>&1 &
	holder_pid=$!
	i=0
	while ! grep -q . "$T/hold.out" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
}
release() {
	: >"$T/stop"
	wait "$holder_pid"
	holder_pid=
}

# ---- the folder -----------------------------------------------------------
sh "$top_srcdir/contrib/shared-box-setup.sh" "$grp" "$dir" "$ua" "$ub" \
	>"$T/setup.out" 2>&1
setup_rc=$?
check "shared-box-setup.sh succeeds" test $setup_rc -eq 0
[ $setup_rc -eq 0 ] || show "$T/setup.out"
check "the folder is 2770 and belongs to the group" \
	test "$(mode "$dir"):$(group_of "$dir")" = "2770:$grp"

# ---- A (umask 077) creates the database ------------------------------------
run a-new "$ua" 077 new "Shared"
expect_ok a-new "member A (umask 077) creates a workshop"
check "team.db is 660 despite A's umask" test "$(mode "$db")" = 660
check "team.db belongs to the group" test "$(group_of "$db")" = "$grp"

# ---- B writes while A has it open, and exports ----------------------------
have_sqlite=false
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=true
if $have_sqlite; then
	hold "$ua" 077
	check "A holds the database open" grep -q '^1$' "$T/hold.out"
	for f in "$db-wal" "$db-shm"; do
		check "$(basename "$f") made by A is group-writable (660)" \
			test "$(mode "$f")" = 660
		check "$(basename "$f") belongs to the group" \
			test "$(group_of "$f")" = "$grp"
	done
fi
run b-new "$ub" 022 new "B's notes"
expect_ok b-new "member B (umask 022) writes while A has it open"
run b-export "$ub" 022 export 1 --format yaml -o "$dir/out.yaml"
if grep -q "not available" "$T/b-export.err"; then
	run b-show "$ub" 022 show 1
	expect_ok b-show "B reads A's workshop (show; no export in this build)"
	check "B sees A's workshop" grep -q "Shared" "$T/b-show.out"
else
	expect_ok b-export "B exports A's workshop as YAML"
	check "the export names A's workshop" grep -q "Shared" "$dir/out.yaml"
	run b-import "$ub" 022 import "$dir/out.yaml"
	expect_ok b-import "B imports it back (a second write)"
fi
run a-again "$ua" 077 new "A again"
expect_ok a-again "A writes again after B"
if $have_sqlite; then
	release
	# And the other way round: B has it open, A writes.
	hold "$ub" 022
	for f in "$db-wal" "$db-shm"; do
		check "$(basename "$f") made by B is group-writable (660)" \
			test "$(mode "$f")" = 660
	done
	run a-third "$ua" 077 new "A while B looks"
	expect_ok a-third "A writes while B has it open"
	release
fi
check "team.db is still 660" test "$(mode "$db")" = 660

# ---- both list everything --------------------------------------------------
for who in a b; do
	eval "u=\$u$who"
	run "$who-list" "$u" 022 list
	expect_ok "$who-list" "member $(echo $who | tr ab AB) lists the workshops"
	check "the list shows A's and B's workshops" \
		sh -c "grep -q 'Shared' '$T/$who-list.out' &&
		       grep -q \"B's notes\" '$T/$who-list.out' &&
		       grep -q 'A again' '$T/$who-list.out'"
done
if $have_sqlite; then
	check "the database is intact" \
		test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
	sqlite3 "$db" "SELECT DISTINCT who FROM audit" >"$T/who.out" 2>&1
	check "the audit log names both members" \
		sh -c "grep -qx '$ua' '$T/who.out' && grep -qx '$ub' '$T/who.out'"
fi

# ---- the outsider ----------------------------------------------------------
before=$(sha256sum "$db" | cut -d' ' -f1)
run o-list "$uo" 022 list
if [ "$(rc o-list)" -ne 0 ] && grep -qi "permission" "$T/o-list.err"; then
	ok "the outsider cannot list (exit $(rc o-list)): $(head -1 "$T/o-list.err")"
else
	not_ok "the outsider cannot list, with a permission message (exit $(rc o-list))"
	show "$T/o-list.out"; show "$T/o-list.err"
fi
check "the outsider sees no title" \
	sh -c "! grep -q Shared '$T/o-list.out' '$T/o-list.err'"
run o-new "$uo" 022 new "Intruder"
check "the outsider cannot write either" test "$(rc o-new)" -ne 0
check "the database is unchanged by the outsider" \
	test "$(sha256sum "$db" | cut -d' ' -f1)" = "$before"
check "the outsider left no file behind" \
	test -z "$(find "$dir" -user "$uo")"

# ---- a database that lost g+w ----------------------------------------------
chmod g-w "$db"
run a-warn "$ua" 022 list
check "A still opens it" test "$(rc a-warn)" -eq 0
if grep -q "not group-writable" "$T/a-warn.err"; then
	ok "opening it warns that it is not group-writable"
else
	not_ok "opening it warns that it is not group-writable"; show "$T/a-warn.err"
fi
run b-warn "$ub" 022 list
check "B can still read it (exit $(rc b-warn))" \
	sh -c "test $(rc b-warn) -eq 0 && grep -q Shared '$T/b-warn.out'"
check "B is warned too" grep -q "not group-writable" "$T/b-warn.err"
run b-cannot "$ub" 022 new "B blocked"
check "B cannot write it (exit $(rc b-cannot))" test "$(rc b-cannot)" -ne 0
# The fix the warning names is enough: B's read-only look must not have
# left -wal or -shm files behind that lock A out.
chmod g+w "$db"
run a-after "$ua" 077 new "A after the fix"
expect_ok a-after "after chmod g+w, A writes again"
run b-after "$ub" 022 new "B after the fix"
expect_ok b-after "after chmod g+w, B writes again"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
