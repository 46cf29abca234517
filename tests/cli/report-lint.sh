#!/bin/sh
# markdownlint-cli2 with the repository's settings (every default rule but
# MD013, line length) on every Markdown export of the demo, the report's
# own workshop and a hostile one.  Skipped (77) without markdownlint-cli2.
. "$top_srcdir/tests/cli/lib.sh"
if ! command -v markdownlint-cli2 >/dev/null 2>&1; then
	echo "SKIP: markdownlint-cli2 not found (npm install -g markdownlint-cli2)"
	exit 77
fi
. "$top_srcdir/tests/cli/report-lib.sh"
make_exports
cp "$top_srcdir/.markdownlint-cli2.jsonc" "$T/out/" || exit 1
for ws in demo clinic hostile; do
	n=$(find "$T/out/$ws" -name '*.md' | wc -l)
	if (cd "$T/out" && markdownlint-cli2 "$ws/**/*.md" >"$T/lint" 2>&1); then
		ok "$ws: $n Markdown files pass markdownlint"
	else
		not_ok "$ws: markdownlint"
		sed 's/^/#   /' "$T/lint"
	fi
done
finish
