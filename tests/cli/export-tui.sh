#!/bin/sh
# :export yaml and :export json in the terminal write what `charrette
# export --format yaml|json` writes: the same writer, the same file name
# (workshop.yaml / workshop.json in the current folder, or in a folder
# given), and the same refusal to replace a file with other content,
# which :export! overrides.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/d.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

# tui SCRIPT: the terminal interface on workshop 1, in $T/tui.
tui() {
	printf '%s\n' "$1" >"$T/keys.script"
	(cd "$T/tui" && env LINES=24 COLUMNS=80 TERM=xterm-256color \
		CHARRETTE_SCRIPT="$T/keys.script" CHARRETTE_NO_DISPLAY=1 \
		"$CHARRETTE" --db "$DB" --as tester 1 >"$T/tui.out" 2>"$T/tui.err")
}

mkdir -p "$T/tui" "$T/cli" "$T/tui/out"
expect_exit 0 "import the demo" -- C import "$top_srcdir/data/demo.yaml"

tui ':export yaml
:export json
:export yaml out
:save-display '"$T"'/exported.screen'
[ $? -eq 0 ] && ok "the export commands ran" || { not_ok "the export commands ran"; sed 's/^/#   /' "$T/tui.err"; }
expect_in "$T/exported.screen" "exported yaml to out/workshop.yaml" "the message names the file in the folder"

expect_exit 0 "CLI yaml" -- C export 1 --format yaml -o "$T/cli"
expect_exit 0 "CLI json" -- C export 1 --format json -o "$T/cli"
expect_same "$T/cli/workshop.yaml" "$T/tui/workshop.yaml" ":export yaml writes the CLI's file"
expect_same "$T/cli/workshop.json" "$T/tui/workshop.json" ":export json writes the CLI's file"
expect_same "$T/cli/workshop.yaml" "$T/tui/out/workshop.yaml" ":export yaml FOLDER names it as the CLI does"

# Another content in the way: refused as by the CLI, replaced by :export!.
echo "someone's notes" >"$T/tui/workshop.yaml"
tui ':export yaml
:save-display '"$T"'/refused.screen'
expect_in "$T/refused.screen" ":export! replaces files" "a file with other content is refused"
expect_in "$T/tui/workshop.yaml" "someone's notes" "and left as it was"
echo "someone's notes" >"$T/cli/notes.yaml"
expect_exit 2 "the CLI refuses it too" -- C export 1 --format yaml -o "$T/cli/notes.yaml"
tui ':export! yaml
:save-display '"$T"'/forced.screen'
expect_in "$T/forced.screen" "exported yaml to workshop.yaml" ":export! replaces it"
expect_same "$T/cli/workshop.yaml" "$T/tui/workshop.yaml" "with the CLI's file"
finish
