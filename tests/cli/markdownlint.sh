#!/bin/sh
# Every Markdown golden file of the exporters must pass markdownlint-cli2
# with the repository's .markdownlint-cli2.jsonc.  Skipped (exit 77) when
# markdownlint-cli2 is not installed (npm install -g markdownlint-cli2).
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! command -v markdownlint-cli2 >/dev/null 2>&1; then
	echo "markdownlint-cli2 not found; skipping"
	exit 77
fi
if [ ! -d "$top/tests/golden" ]; then
	echo "no golden files under $top/tests/golden" >&2
	exit 1
fi
# markdownlint-cli2 reads the configuration of the folder it runs in.
cd "$top" || exit 1
markdownlint-cli2 "tests/golden/**/*.md"
