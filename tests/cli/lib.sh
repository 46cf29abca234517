# Shared helpers for the shell tests.  Sourced; expects $CHARRETTE and
# $top_srcdir from the test environment (Makefile.am exports them).
set -u
: "${CHARRETTE:?}" "${top_srcdir:?}"
if [ ! -x "$CHARRETTE" ]; then
	echo "SKIP: $CHARRETTE is not built"
	exit 77
fi
export LC_ALL=C.UTF-8 TZ=UTC CHARRETTE_NOW=1795694400   # 2026-11-26 12:00 UTC
T=$(mktemp -d /tmp/charrette-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
mkdir -p "$HOME"
unset CHARRETTE_DB
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

# expect_exit CODE DESCRIPTION -- CMD...: run CMD, compare exit code.
expect_exit() {
	want=$1; desc=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc"; else
		not_ok "$desc (exit $got, wanted $want)"; sed 's/^/#   /' "$T/err"; fi
}

# expect_in FILE TEXT DESCRIPTION: FILE contains TEXT (fixed string).
expect_in() {
	if grep -qF -- "$2" "$1"; then ok "$3"; else
		not_ok "$3 (no '$2' in $(basename "$1"))"; sed 's/^/#   /' "$1"; fi
}

# expect_same FILE1 FILE2 DESCRIPTION
expect_same() {
	if cmp -s "$1" "$2"; then ok "$3"; else
		not_ok "$3"; diff -u "$1" "$2" | sed 's/^/#   /' | head -40; fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
