#!/bin/sh
# What the Decision, Risks and Metrics screens save is what `show` and
# `export --format adr` print: the TUI is driven by a key script on the
# demo workshop, then the CLI reads the database.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/d.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

# tui SCRIPT: run the terminal interface on workshop 1 with these keys.
tui() {
	printf '%s\n' "$1" >"$T/keys.script"
	env LINES=24 COLUMNS=80 TERM=xterm-256color \
		CHARRETTE_SCRIPT="$T/keys.script" CHARRETTE_NO_DISPLAY=1 \
		"$CHARRETTE" --db "$DB" --as tester 1 >"$T/tui.out" 2>"$T/tui.err"
}

expect_exit 0 "import the demo" -- C import "$top_srcdir/data/demo.yaml"

# ADR 4 from the top-ranked approach, a rationale, edited alternatives;
# ADR 4 supersedes ADR 1; ADR 5 is created and deleted; then ADR 6.
tui '6
n
type: Roll out canary releases
<Enter>
y
e
jjjjjjjj
<Enter>
type: Canaries catch bad releases early.
<C-s>
a
<Enter>
<Enter>
type: Weighed on the first day and set aside.
<C-s>
g
s
jjjj
<Enter>
jj
<Enter>
n
type: Short-lived
<Enter>
n
d
y
n
type: Keep the pilot teams on the old train
<Enter>
y'
[ $? -eq 0 ] && ok "decision keys ran" || { not_ok "decision keys ran"; sed 's/^/#   /' "$T/tui.err"; }

expect_exit 0 "show after the decision edits" -- C show 1
cp "$T/out" "$T/show"
expect_in "$T/show" "ADR 1: Adopt GitHub Actions, Argo CD and EKS for service delivery [superseded by 4]" "ADR 1 is superseded by 4"
expect_in "$T/show" "ADR 4: Roll out canary releases [proposed] 2026-11-26" "ADR 4 is proposed and dated today"
expect_in "$T/show" "    supersedes ADR 1" "ADR 4 supersedes ADR 1"
expect_in "$T/show" "rationale: Canaries catch bad releases early." "the rationale is saved"
sed -n '/ADR 4:/,/ADR 6:/p' "$T/show" >"$T/adr4"
expect_in "$T/adr4" "chosen: gha-argo" "ADR 4 chose the top-ranked approach"
expect_in "$T/adr4" "decision: We will adopt GitHub Actions + Argo CD + EKS." "its decision text comes from it"
expect_in "$T/show" "ADR 6: Keep the pilot teams on the old train [proposed]" "the next ADR is number 6"
if grep -q "ADR 5:" "$T/show"; then not_ok "ADR 5 is gone"; else ok "ADR 5 is gone"; fi
expect_in "$T/show" "      - tester" "the current user is a decider"

expect_exit 0 "export adr" -- C export 1 --format adr -o "$T/adr"
f4=$(ls "$T/adr"/0004-*.md 2>/dev/null)
f6=$(ls "$T/adr"/0006-*.md 2>/dev/null)
f1=$(ls "$T/adr"/0001-*.md 2>/dev/null)
[ -n "$f4" ] && [ -n "$f6" ] && [ -n "$f1" ] && ok "ADR files 1, 4 and 6 written" || not_ok "ADR files 1, 4 and 6 written"
if ls "$T/adr"/0005-*.md >/dev/null 2>&1; then not_ok "no file for the deleted ADR 5"; else ok "no file for the deleted ADR 5"; fi
expect_in "$f4" "Weighed on the first day and set aside." "ADR 4 exports its edited alternatives"
expect_in "$f4" "GitLab CI + Flux + AKS: weighted total 3.22, rank 2 of 3" "the edited text started from the generated one"
# (spelled as adr-tools writes its links)
expect_in "$f4" "Supersedes [" "ADR 4 links the ADR it supersedes"
expect_in "$f1" "Superseded by [" "ADR 1 links its successor"
expect_in "$f6" "| GitLab CI + Flux + AKS | 3.22 | 2 |" "ADR 6 exports the generated alternatives table"
expect_in "$f6" "| Jenkins + Helm + Terraform (modernised) | 2.86 | 3 |" "with every other approach and its total"

# Risks: a new risk with P4 I5 and an owner; metrics: a target and a
# custom metric.
tui '7
n
type: Build logs leak secrets
<Enter>
4
5
e
jjj
<Enter>
type: priya
<Enter>
8
jj
e
j
<Enter>
<C-u>
type: 30
<Enter>
n
type: On-call pages
<Enter>
type: pages per week
<Enter>
e
<Enter>
type: 12
<Enter>'
[ $? -eq 0 ] && ok "risk and metric keys ran" || { not_ok "risk and metric keys ran"; sed 's/^/#   /' "$T/tui.err"; }
expect_exit 0 "show after the risk and metric edits" -- C show 1
expect_in "$T/out" "R8  P4 x I5 = 20  [open]  Build logs leak secrets" "the new risk is saved with P and I"
expect_in "$T/out" "    owner: priya" "its owner is saved"
expect_in "$T/out" "on-call-pages  On-call pages (pages per week)" "the custom metric is saved"
expect_in "$T/out" "    current: 12" "its value is saved"
expect_in "$T/out" "    3-month target: 30" "the changed target is saved"
finish
