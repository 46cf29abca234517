#!/bin/sh
# Set up a folder where a team shares charrette workshops on one box.
#
#   contrib/shared-box-setup.sh GROUP DIR [USER...]
#
# Creates the Unix group GROUP (if missing), adds each USER to it, and makes
# DIR owned by root:GROUP with mode 2770: members can read and write, the
# setgid bit makes every file created inside belong to GROUP, and nobody
# else can look in.  charrette creates its database there with mode 0660
# whatever the creator's umask, and SQLite gives the -wal and -shm files
# the database's own mode, so one member with umask 077 cannot lock the
# others out.  Run as root.
set -eu
if [ $# -lt 2 ]; then
	echo "usage: $0 GROUP DIR [USER...]" >&2
	exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "$0: run as root (it creates a group and changes ownership)" >&2
	exit 1
fi
group=$1
dir=$2
shift 2

getent group "$group" >/dev/null || groupadd "$group"
for user in "$@"; do
	usermod -a -G "$group" "$user"
done
mkdir -p "$dir"
chown root:"$group" "$dir"
chmod 2770 "$dir"
# An existing database (and its WAL files) becomes group-writable too.
for f in "$dir"/*.db "$dir"/*.db-wal "$dir"/*.db-shm; do
	[ -e "$f" ] || continue
	chgrp "$group" "$f"
	chmod 0660 "$f"
done
echo "Shared workshop folder ready: $dir (group $group, mode 2770)."
echo "Members open it with: charrette --db $dir/team.db"
echo "Members who were just added must log in again for the group to apply."
