#!/bin/sh
# The help overlay and the man page must list the same keys and commands:
# both come from the key table, which the program prints with
# CHARRETTE_DUMP_KEYS=roff; compare it with the KEYS section of
# doc/charrette.1.in (from its first .SS to the next .SH).
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${CHARRETTE:-${top_builddir:-$srcdir}/charrette}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-keys.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

HOME=$tmp LC_ALL=C.UTF-8 CHARRETTE_DUMP_KEYS=roff \
	"$bin" --db "$tmp/db.sqlite" >"$tmp/dump" || exit 1
sed -n '/^\.SH KEYS/,/^\.SH [^K]/p' "$srcdir/doc/charrette.1.in" | sed '$d' |
	sed -n '/^\.SS /,$p' >"$tmp/man"
if ! [ -s "$tmp/dump" ]; then
	echo "keys-man: the program printed no key table"
	exit 1
fi
if diff -u "$tmp/man" "$tmp/dump"; then
	echo "keys-man: man page and key table agree ($(grep -c '^\.TP' "$tmp/dump") entries)"
	exit 0
fi
echo "keys-man: doc/charrette.1.in KEYS differs from the key table (regenerate it)"
exit 1
