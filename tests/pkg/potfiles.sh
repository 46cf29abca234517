#!/bin/sh
# po/POTFILES.in names every source file with a translatable string (a _(),
# N_() or ngettext() call) and no file that is gone: a file left out would
# have its messages silently missing from charrette.pot and every
# translation.
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$srcdir" || exit 99
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-potfiles.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

find src -name '*.[ch]' -print | sort >"$tmp/all"
# shellcheck disable=SC2046
grep -lE '(^|[^A-Za-z0-9_])((_|N_)\(\s*"|ngettext\()' $(cat "$tmp/all") |
	sort >"$tmp/marked"
grep -v '^[[:space:]]*#' po/POTFILES.in | sed '/^[[:space:]]*$/d' |
	sort >"$tmp/listed"

rc=0
missing=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -n "$missing" ]; then
	echo "po/POTFILES.in lacks these files with translatable strings:"
	echo "$missing" | sed 's/^/  /'
	rc=1
fi
gone=$(comm -13 "$tmp/all" "$tmp/listed")
if [ -n "$gone" ]; then
	echo "po/POTFILES.in names files that do not exist:"
	echo "$gone" | sed 's/^/  /'
	rc=1
fi
[ $rc = 0 ] && echo "po/POTFILES.in: $(wc -l <"$tmp/listed") files, none missing"
exit $rc
