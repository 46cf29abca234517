#!/bin/sh
# Every Mermaid block of every Markdown export of the demo, the report's
# own workshop and a hostile one (the architecture graph, the totals'
# xychart, the risks' quadrantChart) parses with Mermaid itself.  Needs
# node with mermaid 10 and jsdom installed globally (npm install -g
# mermaid@10 jsdom@22); skipped (77) without them.
. "$top_srcdir/tests/cli/lib.sh"
root=$(npm root -g 2>/dev/null) || root=
if ! command -v node >/dev/null 2>&1 || [ ! -d "$root/mermaid" ] || [ ! -d "$root/jsdom" ]; then
	echo "SKIP: node with mermaid and jsdom not found (npm install -g mermaid@10 jsdom@22)"
	exit 77
fi
. "$top_srcdir/tests/cli/report-lib.sh"
make_exports
for ws in demo clinic hostile; do
	# shellcheck disable=SC2046
	if node "$top_srcdir/tests/cli/mermaid-parse.mjs" "$root" \
		$(find "$T/out/$ws" -name '*.md' | sort) >"$T/mm" 2>&1; then
		ok "$ws: $(tail -n 1 "$T/mm")"
	else
		not_ok "$ws: Mermaid"
		sed 's/^/#   /' "$T/mm"
	fi
done
finish
