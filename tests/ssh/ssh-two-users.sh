#!/bin/sh
# Two Unix users on one box over a real ssh, as a team would work: a
# private sshd on 127.0.0.1 (its own host key and config, key-based login),
# two test users in one group, a setgid shared folder made by
# contrib/shared-box-setup.sh, and one tmux session per user running
# "ssh -tt user@127.0.0.1 charrette --db DIR/team.db 1".  User A answers a
# question and user B's screen shows it; then A's ssh dies in the middle
# of an edit, and A's charrette must exit within 2 s with the draft saved.
# Everything (sshd, users, group, tmux, files) is removed even on failure.
# Skipped (77) unless run as root with sshd, ssh, tmux and sqlite3 present.
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${CHARRETTE:-${top_builddir:-$srcdir}/charrette}

skip() { echo "ssh-two-users: $1: skipped"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root (it creates users)"
sshd=$(command -v sshd 2>/dev/null || echo /usr/sbin/sshd)
[ -x "$sshd" ] || skip "no sshd"
for c in ssh ssh-keygen tmux sqlite3 useradd userdel groupdel; do
	command -v "$c" >/dev/null 2>&1 || skip "no $c"
done
[ -x "$bin" ] || { echo "ssh-two-users: no binary $bin" >&2; exit 99; }

tag=$$
ua=chra$tag
ub=chrb$tag
grp=chrg$tag
sock=charrette-ssh-$tag
tmp=$(mktemp -d /tmp/charrette-ssh.XXXXXX) || exit 99
chmod 755 "$tmp"
made_run=0
fails=0
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1
	[ -f "$tmp/sshd.pid" ] && kill "$(cat "$tmp/sshd.pid")" 2>/dev/null
	for u in $ua $ub; do
		pkill -KILL -u "$u" 2>/dev/null
		id "$u" >/dev/null 2>&1 && userdel "$u" 2>/dev/null
	done
	getent group "$grp" >/dev/null && groupdel "$grp" 2>/dev/null
	[ $made_run = 1 ] && rmdir /run/sshd 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
pane() { T capture-pane -p -t "$1" 2>/dev/null; }
expect() {
	i=0
	while [ $i -lt "${4:-100}" ]; do
		pane "$1" | grep -q -- "$2" && { ok "$3"; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	bad "$3: no '$2' on screen:"
	pane "$1" | sed 's/^/    | /'
	return 1
}

# The program where the users can run it: a world-readable prefix.
mkdir -p "$tmp/prefix/bin"
cp "$bin" "$tmp/prefix/bin/charrette" || exit 99
cp -R "$srcdir/data" "$tmp/prefix/data" || exit 99
chmod -R a+rX "$tmp/prefix"

# Users with key-based login (no password, not locked).
groupadd "$grp" || exit 99
for u in $ua $ub; do
	useradd -d "$tmp/home-$u" -m -s /bin/sh "$u" || exit 99
	usermod -p '*' "$u"
	mkdir -p "$tmp/home-$u/.ssh"
	ssh-keygen -q -t ed25519 -N '' -f "$tmp/key-$u" || exit 99
	cp "$tmp/key-$u.pub" "$tmp/home-$u/.ssh/authorized_keys"
	chown -R "$u:" "$tmp/home-$u"
	chmod 700 "$tmp/home-$u/.ssh"
	chmod 600 "$tmp/home-$u/.ssh/authorized_keys"
done
sh "$srcdir/contrib/shared-box-setup.sh" "$grp" "$tmp/team" $ua $ub \
	>"$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; exit 99; }
db=$tmp/team/team.db

# A private sshd on a free port.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/hostkey" || exit 99
[ -d /run/sshd ] || { mkdir -p /run/sshd && chmod 755 /run/sshd && made_run=1; }
port=$((20000 + tag % 20000))
cat >"$tmp/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/hostkey
PidFile $tmp/sshd.pid
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile .ssh/authorized_keys
AllowUsers $ua $ub
PrintMotd no
CONF
"$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log" || { cat "$tmp/sshd.log"; exit 99; }
i=0
while [ ! -s "$tmp/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

run_env="env CHARRETTE_DATADIR=$tmp/prefix/data CHARRETTE_BEAT=1"
sshcmd() {
	echo "ssh -tt -p $port -i $tmp/key-$1 -o BatchMode=yes" \
	     "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null" \
	     "-o LogLevel=ERROR $1@127.0.0.1"
}
# A creates the workshop over ssh too (the database gets the group).
$(sshcmd $ua) "$run_env $tmp/prefix/bin/charrette --db $db new 'Shared box' --template generic" \
	>"$tmp/new.out" 2>&1 </dev/null ||
	{ bad "creating the workshop over ssh:"; sed 's/^/    /' "$tmp/new.out"; exit 1; }
ok "user A created the workshop over ssh"
case $(stat -c '%G %a' "$db") in
"$grp 660") ok "the database belongs to the group, mode 660" ;;
*) bad "database is $(stat -c '%U:%G %a' "$db")" ;;
esac

for u in $ua $ub; do
	T new-session -d -s "$u" -x 80 -y 24 \
		"$(sshcmd "$u") \"$run_env TERM=screen-256color $tmp/prefix/bin/charrette --db $db 1\"; echo SSH-ENDED; sleep 30"
done
expect $ua "What decision does the group need" "user A sees the interview"
expect $ub "with $ua" "user B sees user A in the title bar"
T send-keys -t $ua jjjjjj Enter
sleep 0.5
T send-keys -t $ua -l "Priya, over ssh"
sleep 0.3
T send-keys -t $ua Enter
expect $ub "Priya, over ssh" "user B sees user A's answer" 50
# Group permissions hold: B writes to the file A created.
T send-keys -t $ub jjjjjjj Enter
sleep 0.5
T send-keys -t $ub -l "Legal and the on-call leads"
sleep 0.3
T send-keys -t $ub C-s
expect $ub "saved: Legal and the on-call leads" "user B saves into the database user A created"
case $(sqlite3 "$db" "SELECT who FROM audit WHERE new_value LIKE 'Legal%';") in
"$ub") ok "the audit log names user B" ;;
*) bad "the audit log does not name user B" ;;
esac

# A starts an edit, then A's connection drops.
T send-keys -t $ua g Enter
expect $ua "C-s save" "user A's editor is open" 100
T send-keys -t $ua -l "Typed before the drop"
expect $ua "Typed before the drop" "user A typed into it" 100
app=$(pgrep -u $ua -f "charrette --db $db 1" | head -n 1)
client=$(pgrep -P "$(T display-message -p -t $ua '#{pane_pid}')" ssh | head -n 1)
if [ -z "$app" ] || [ -z "$client" ]; then
	bad "no charrette ($app) or ssh client ($client) for user A"
else
	t0=$(date +%s.%N)
	kill -9 "$client"
	i=0
	while kill -0 "$app" 2>/dev/null &&
	      [ "$(awk '{print $3}' /proc/"$app"/stat 2>/dev/null)" != Z ] &&
	      [ $i -lt 100 ]; do
		sleep 0.02
		i=$((i + 1))
	done
	t1=$(date +%s.%N)
	took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	if awk -v t="$took" 'BEGIN { exit !(t < 2.0) }'; then
		ok "user A's charrette exited ${took} s after the ssh client died"
	else
		bad "user A's charrette still running ${took} s after the drop"
	fi
fi
got=$(sqlite3 "$db" "SELECT text FROM draft WHERE participant = '$ua';")
case $got in
"Typed before the drop") ok "the edit in progress was saved as a draft" ;;
*) bad "draft after the drop is '$got'" ;;
esac
[ $fails = 0 ]
