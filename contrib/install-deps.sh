#!/bin/sh
# Install what building and testing charrette needs on Debian or Ubuntu.
# As root it runs apt-get; otherwise it prints the command to run.
set -e
PKGS="build-essential autoconf automake autopoint gettext pkg-config valgrind \
libncurses-dev libyaml-dev libsqlite3-dev libcmocka-dev sqlite3 tmux"
if [ "${1:-}" = "--print" ] || [ "$(id -u)" -ne 0 ]; then
	echo "Run as root:"
	echo "  apt-get update && apt-get install -y $PKGS" | tr -s ' '
	[ "$(id -u)" -eq 0 ] || exit 0
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $PKGS
