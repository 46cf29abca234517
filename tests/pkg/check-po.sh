#!/bin/sh
# Is every translation complete?  Extracts the messages of the sources as
# they are now (po/POTFILES.in, po/Makevars' keywords) into a fresh
# template, merges each po/LL.po into it the way `make -C po update-po`
# does, and asks msgfmt -c --statistics: any untranslated or fuzzy message,
# or a format string msgfmt rejects, fails, and the messages are listed.
# Needs only gettext; runs from the source tree (CI, by hand).
#
#   tests/pkg/check-po.sh [LL...]      default: every language in po/LINGUAS
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$srcdir" || exit 99
for tool in xgettext msgmerge msgfmt msgattrib; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "check-po: $tool is missing (Debian package gettext): skipped"
		exit 77
	fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-po.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

[ $# -gt 0 ] || set -- $(sed -e 's/#.*//' po/LINGUAS)
if [ $# -eq 0 ]; then
	echo "check-po: po/LINGUAS lists no language"
	exit 1
fi

# The keywords po/Makevars gives xgettext, plus its defaults (ngettext).
opts=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' po/Makevars)
grep -v '^[[:space:]]*#' po/POTFILES.in | sed '/^[[:space:]]*$/d' >"$tmp/files"
# shellcheck disable=SC2086
if ! xgettext --default-domain=charrette --add-comments=TRANSLATORS: \
	$opts --files-from="$tmp/files" -o "$tmp/charrette.pot" 2>"$tmp/err"; then
	cat "$tmp/err"
	exit 1
fi
echo "charrette.pot: $(grep -c '^msgid ' "$tmp/charrette.pot") messages (with the header)"

# The msgids of a PO file on stdin, one a line (continuations joined).
msgids() {
	awk -v what="$1" '
		/^msgid / { id = substr($0, 8, length($0) - 8); inid = 1; next }
		inid && /^"/ { id = id substr($0, 2, length($0) - 2); next }
		inid { if (id != "") print "    " what ": " id; inid = 0 }'
}

rc=0
for ll in "$@"; do
	po=po/$ll.po
	if [ ! -f "$po" ]; then
		echo "$po: missing"
		rc=1
		continue
	fi
	if ! msgfmt -c -o /dev/null "$po" 2>"$tmp/err"; then
		echo "$po: msgfmt -c rejects it:"
		cat "$tmp/err"
		rc=1
		continue
	fi
	msgmerge --quiet --previous "$po" "$tmp/charrette.pot" -o "$tmp/$ll.po"
	stats=$(msgfmt -c --statistics -o /dev/null "$tmp/$ll.po" 2>&1)
	echo "$po against the sources: $stats"
	case $stats in
	*untranslated* | *fuzzy*)
		rc=1
		echo "  to translate (run make -C po update-po, then edit $po):"
		msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$ll.po" |
			msgids "untranslated"
		msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$ll.po" |
			msgids "fuzzy"
		;;
	esac
done
exit $rc
