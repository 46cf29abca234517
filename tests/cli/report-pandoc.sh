#!/bin/sh
# pandoc renders every Markdown export of the demo, the report's own
# workshop and a hostile one to HTML with every table a table and every
# Mermaid block intact, read as GitHub Markdown and as pandoc's own.
# Skipped (77) without pandoc or python3.
. "$top_srcdir/tests/cli/lib.sh"
if ! command -v pandoc >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: pandoc or python3 not found (apt-get install pandoc)"
	exit 77
fi
. "$top_srcdir/tests/cli/report-lib.sh"
make_exports
for ws in demo clinic hostile; do
	for md in $(find "$T/out/$ws" -name '*.md' | sort); do
		rel=${md#"$T/out/"}
		for from in gfm markdown; do
			if ! pandoc -f "$from" -t html "$md" -o "$T/page.html" 2>"$T/err"; then
				not_ok "$rel: pandoc -f $from failed"
				sed 's/^/#   /' "$T/err"
				continue
			fi
			if python3 - "$md" "$T/page.html" >"$T/why" <<'PY'; then
import html, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
page = open(sys.argv[2], encoding="utf-8").read()
# Tables: one per delimiter row we wrote ("| --- | ---: |").
tables = len(re.findall(r"^\| :?-+:? \|", md, re.M))
rendered = page.count("<table")
# Mermaid blocks: the source between the fences, as pandoc keeps it.
blocks = re.findall(r"^```mermaid\n(.*?)^```$", md, re.M | re.S)
kept = [html.unescape(b) for b in
        re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.S)]
bad = []
if rendered != tables:
    bad.append("%d tables written, %d rendered" % (tables, rendered))
if [b.rstrip("\n") for b in blocks] != [k.rstrip("\n") for k in kept]:
    bad.append("Mermaid blocks changed: %r != %r" % (blocks, kept))
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
				ok "$rel ($from): $(grep -c '^| :\{0,1\}-' "$md") tables, $(grep -c '^```mermaid' "$md") Mermaid blocks"
			else
				not_ok "$rel ($from): $(cat "$T/why")"
			fi
		done
	done
done
finish
