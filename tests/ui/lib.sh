# Shared by tests/ui/run.sh and tests/ui/shared.sh: comparing the screens a
# scenario saved with the expected ones beside it, and running scenarios.
# Sourced; the caller defines run_one NAME and sets $here.

# compare_screens NAME TMP: every saved NAME.*screen in TMP/out against
# $here, and every expected one saved.  CHARRETTE_UPDATE_SCREENS=1 writes
# the expected files instead.  Returns non-zero on any difference.
compare_screens() {
	_name=$1
	_tmp=$2
	_ok=0
	_found=0
	for _got in "$_tmp/out/$_name".*screen; do
		[ -f "$_got" ] || continue
		_found=1
		_base=$(basename "$_got")
		_exp=$here/$_base
		if [ "${CHARRETTE_UPDATE_SCREENS:-}" = 1 ]; then
			cp "$_got" "$_exp"
		elif [ ! -f "$_exp" ]; then
			echo "FAIL $_name: $_base has no expected file (CHARRETTE_UPDATE_SCREENS=1 writes it)"
			_ok=1
		elif ! diff -u "$_exp" "$_got" >"$_tmp/diff"; then
			echo "FAIL $_name: $_base differs:"
			sed 's/^/    /' "$_tmp/diff"
			_ok=1
		fi
	done
	for _exp in "$here/$_name".*screen; do
		[ -f "$_exp" ] || continue
		if [ ! -f "$_tmp/out/$(basename "$_exp")" ]; then
			echo "FAIL $_name: $(basename "$_exp") was not saved"
			_ok=1
		fi
	done
	if [ $_found = 0 ]; then
		echo "FAIL $_name: nothing was saved"
		_ok=1
	fi
	return $_ok
}

# run_all NAME...: run_one each, print ok lines and the closing count.
run_all() {
	_pass=0
	_fail=0
	_failed=
	for _n in "$@"; do
		if run_one "$_n"; then
			_pass=$((_pass + 1))
			echo "ok   $_n"
		else
			_fail=$((_fail + 1))
			_failed="$_failed $_n"
		fi
	done
	echo "$_pass passed, $_fail failed${_failed:+ (}${_failed# }${_failed:+)}"
	[ $_fail = 0 ]
}
