#!/bin/sh
# Screens 4 and 9 save what they edit: drive the terminal interface with a
# key script (no display), then read the workshop back with `charrette
# show` in a new process and check that every edit is there.
. "$top_srcdir/tests/cli/lib.sh"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }

expect_exit 0 "import the demo" -- C import "$top_srcdir/data/demo.yaml"

# Keys: rename approach 1, replace its summary, add a pro and a stage, set
# its deployment, add a component from the catalogue and remove another;
# add a blank approach; move approach 3 up; then on the roadmap add a
# phase, give it items and weeks, and change the next steps.
cat >"$T/keys" <<'KEYS'
4
l
<Enter>
<C-u>
type: GHA, Argo CD and EKS
<Enter>
j
<Enter>
<C-u>
type: Actions builds, Argo CD deploys.
<C-s>
/Deployment
<Enter>
<Esc>
<Enter>
<C-u>
type: GitOps with canaries
<Enter>
G
<Enter>
<Enter>
type: smoke tests
<C-s>
k
k
<Enter>
<Enter>
type: Faster reviews
<C-s>
a
jjj
<Enter>
<Enter>
g
jjjj
x
h
n
k
<Enter>
type: Do nothing
<Enter>
K
9
n
type: Retrospective
<Enter>
type: 0.5
<Enter>
i
type: Collect feedback
<Enter>
type: Write it up
<C-s>
K
s
<Up>
<Up>
<End>
<C-u>
<C-s>
:quit
KEYS

run_tui() {
	env HOME="$T/home" LINES=24 COLUMNS=80 TERM=xterm-256color \
		CHARRETTE_SCRIPT="$1" CHARRETTE_NO_DISPLAY=1 \
		"$CHARRETTE" --db "$DB" 1 >"$T/tui.out" 2>"$T/tui.err"
}
if run_tui "$T/keys"; then ok "the scripted session ran"; else
	not_ok "the scripted session ran"; sed 's/^/#   /' "$T/tui.err"; fi

expect_exit 0 "show" -- C show 1
S="$T/out"
expect_in "$S" "gha-argo  GHA, Argo CD and EKS" "renamed approach"
expect_in "$S" "summary: Actions builds, Argo CD deploys." "new summary"
expect_in "$S" "deployment: GitOps with canaries" "new deployment"
expect_in "$S" "      - Faster reviews" "added pro"
expect_in "$S" "      - smoke tests" "added stage"
expect_in "$S" "component policy: Open Policy Agent" "added component"
if grep -q "component cicd: GitHub Actions" "$S"; then
	not_ok "removed component is gone"; else ok "removed component is gone"; fi
expect_in "$S" "Approaches (4)" "four approaches"
expect_in "$S" "do-nothing  Do nothing" "blank approach added"
# The order: the blank one was moved above the third.
sed -n '/^Approaches/,/^Scores/p' "$S" | grep -E '^  [a-z]' | awk '{print $1}' >"$T/order"
printf 'gha-argo\ngitlab-flux\ndo-nothing\njenkins-helm\n' >"$T/want"
expect_same "$T/want" "$T/order" "approaches in the new order"
expect_in "$S" "Retrospective (0.5 weeks)" "added phase with its weeks"
expect_in "$S" "    - Write it up" "phase items"
sed -n '/^Roadmap/,/^Next steps/p' "$S" | grep -E '^  [0-9]' >"$T/phases"
expect_in "$T/phases" "4. Retrospective" "phase moved before the last"
expect_in "$T/phases" "5. Hardening and handover" "last phase after it"
if grep -q "Marcus writes the Terraform module" "$S"; then
	not_ok "next step removed"; else ok "next step removed"; fi
expect_in "$S" "Lena sets up the Actions cost dashboard" "other next steps kept"
finish
