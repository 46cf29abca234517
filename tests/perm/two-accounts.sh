#!/bin/sh
# Two Unix accounts on one group-writable database (the shared box of
# contrib/shared-box-setup.sh): A creates a workshop and facilitates it;
# B, a member of the same group who can write the file, cannot take the
# role with --as A or as himself while A is here, cannot delete or purge
# A's workshop, can restore it, and gets the role only when A agrees or
# has been away past the presence timeout.  Everything B does is recorded
# under B's account.
#
# Needs root (to create the accounts); skipped (77) otherwise, or when
# useradd, setpriv or sqlite3 is missing.  The accounts and the group get
# a random suffix and are removed on every exit.
set -u
: "${CHARRETTE:?}" "${top_srcdir:?}" "${top_builddir:?}"

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root to create test accounts"
for tool in useradd userdel groupdel setpriv sqlite3; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing"
done
probe=$top_builddir/tests/perm/role-probe
[ -x "$CHARRETTE" ] || skip "$CHARRETTE is not built"
[ -x "$probe" ] || skip "$probe is not built"
datadir=${CHARRETTE_DATADIR:-$top_srcdir/data}

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
show() { sed 's/^/#   /' "$1"; }

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
ua=chta$suffix
ub=chtb$suffix
grp=chtg$suffix
created_users=

T=$(mktemp -d /tmp/charrette-perm2-XXXXXX) || exit 1
chmod 0755 "$T"
cleanup() {
	for u in $created_users; do
		userdel "$u" 2>/dev/null
	done
	getent group "$grp" >/dev/null 2>&1 && groupdel "$grp" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

for u in "$ua" "$ub"; do
	if ! useradd -M -N -s /bin/sh -d "$T/home" "$u" 2>"$T/useradd.err"; then
		show "$T/useradd.err"
		echo "Bail out! cannot create account $u"
		exit 99
	fi
	created_users="$created_users $u"
done
mkdir -p "$T/bin" "$T/home"
cp "$CHARRETTE" "$T/bin/charrette" && cp "$probe" "$T/bin/role-probe" || exit 99
cp -R "$datadir" "$T/data" || exit 99
chmod -R a+rX "$T/bin" "$T/data" "$T/home"
dir=$T/shared
db=$dir/team.db
sh "$top_srcdir/contrib/shared-box-setup.sh" "$grp" "$dir" "$ua" "$ub" \
	>"$T/setup.out" 2>&1 || { show "$T/setup.out"; echo "Bail out! setup"; exit 99; }

now=1795694400
# as USER CMD...: CMD as USER with its groups, at the clock $now.
as() {
	u=$1; shift
	setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
		env HOME="$T/home" XDG_DATA_HOME="$T/home/data" \
		XDG_CONFIG_HOME="$T/home/config" CHARRETTE_DATADIR="$T/data" \
		LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW="$now" "$@"
}
# C NAME USER ARGS...: charrette as USER; P NAME USER ARGS...: role-probe.
C() { n=$1; u=$2; shift 2; as "$u" "$T/bin/charrette" --db "$db" "$@" >"$T/$n.out" 2>"$T/$n.err"; echo $? >"$T/$n.rc"; }
P() { n=$1; u=$2; shift 2; as "$u" "$T/bin/role-probe" "$db" 1 "$@" >"$T/$n.out" 2>"$T/$n.err"; echo $? >"$T/$n.rc"; }
rc() { cat "$T/$1.rc"; }
expect_rc() { # NAME CODE DESCRIPTION
	if [ "$(rc "$1")" -eq "$2" ]; then ok "$3"; else
		not_ok "$3 (exit $(rc "$1"), wanted $2)"; show "$T/$1.err"; fi
}
expect_in() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$T/$1"; then ok "$3"; else
		not_ok "$3 (no '$2')"; show "$T/$1"; fi
}
q() { sqlite3 "$db" "$1"; }

# ---- A creates and facilitates -------------------------------------------
C a-new "$ua" new "Queue choice"
expect_rc a-new 0 "A creates a workshop"
check "the creator is A's account" test "$(q 'SELECT creator_account FROM workshop')" = "$ua"
P a-take "$ua" take
expect_rc a-take 0 "A takes the free facilitator role"
P a-beat "$ua" beat
P b-beat "$ub" --as "$ua" beat
check "presence rows carry the account, whatever the name" \
	test "$(q "SELECT group_concat(participant || '=' || account, ',') FROM presence ORDER BY participant")" = "$ua=$ua,$ua (via $ub)=$ub"

# ---- B cannot take the role, by any name, while A is here ----------------
P b-as "$ub" --as "$ua" take
expect_rc b-as 1 "B --as A cannot take the role"
expect_in b-as.err "holds the facilitator role" "B is told who holds it"
P b-take "$ub" take
expect_rc b-take 1 "B as himself cannot take it either"
P b-get "$ub" --as "$ua" get
expect_in b-get.out "holder=$ua name=$ua request=- declined=0 mine=0 present=1" "B --as A does not count as A"
P b-rel "$ub" --as "$ua" release
expect_rc b-rel 1 "B --as A cannot give A's role up"
P b-yes "$ub" --as "$ua" yes
expect_rc b-yes 1 "B --as A cannot answer for A"
check "the role is still A's" test "$(q 'SELECT facilitator_account FROM workshop')" = "$ua"

# ---- B cannot delete or purge it; anyone may restore ---------------------
C b-del-as "$ub" --as "$ua" delete 1
expect_rc b-del-as 1 "B --as A cannot delete A's workshop"
expect_in b-del-as.err "you are $ub" "the refusal names B's account"
C b-del "$ub" delete 1
expect_rc b-del 1 "B cannot delete it"
check "the workshop is not in the trash" test "$(q 'SELECT deleted IS NULL FROM workshop')" = 1
C a-del "$ua" delete 1
expect_rc a-del 0 "A deletes it: into the trash"
C b-purge "$ub" --as "$ua" purge 1
expect_rc b-purge 1 "B --as A cannot purge it"
C b-purge-all "$ub" purge --all
expect_rc b-purge-all 0 "B's purge --all runs ..."
expect_in b-purge-all.out "purged 0 workshops from the trash; 1 is left" "... and leaves A's workshop"
check "A's workshop is still stored" test "$(q 'SELECT count(*) FROM workshop')" = 1
C b-list "$ub" list --deleted
expect_in b-list.out "Queue choice" "B sees it in the trash"
C b-restore "$ub" restore 1
expect_rc b-restore 0 "B may restore it"
check "it is back" test "$(q 'SELECT deleted IS NULL FROM workshop')" = 1

# ---- the role by consent ---------------------------------------------------
P b-req "$ub" request
expect_rc b-req 0 "B asks A for the role"
P a-no "$ua" no
expect_rc a-no 0 "A says no"
P b-get2 "$ub" get
expect_in b-get2.out "holder=$ua name=$ua request=$ub declined=1" "B sees the answer"
P b-wd "$ub" withdraw
P b-req2 "$ub" request
P a-yes "$ua" yes
expect_rc a-yes 0 "A agrees"
check "the role is B's account now" test "$(q 'SELECT facilitator_account FROM workshop')" = "$ub"
C b-del2 "$ub" delete 1
expect_rc b-del2 0 "as facilitator B may delete the workshop"
C b-restore2 "$ub" restore 1
P a-beat2 "$ua" beat   # (the trash dropped the presence rows)
P b-hand "$ub" hand "$ua"
expect_rc b-hand 0 "B hands the role back to A, who is here"

# ---- the role by absence ---------------------------------------------------
now=$((now + 16))
P b-take2 "$ub" take
expect_rc b-take2 0 "B takes it once A has been away 16 s"
P b-beat2 "$ub" beat
P a-take2 "$ua" take
expect_rc a-take2 1 "A, back, cannot take it while B is here"
check "the role is B's" test "$(q 'SELECT facilitator_account FROM workshop')" = "$ub"

# ---- who did what ---------------------------------------------------------
check "every change B made is under B's account" \
	test "$(q "SELECT count(*) FROM audit WHERE who LIKE '% (via $ub)' AND account IS NOT '$ub'")" = 0
check "B's changes are in the history" \
	test "$(q "SELECT count(*) FROM audit WHERE account = '$ub'")" -ge 5
check "the database is intact" test "$(q 'PRAGMA integrity_check')" = ok

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
