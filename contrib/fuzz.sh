#!/bin/sh
# Fuzz one of charrette's parsers of untrusted input with libFuzzer.
#
#   contrib/fuzz.sh TARGET [SECONDS] [LIBFUZZER-OPTION...]
#
# TARGET is content, interchange or adr (tests/fuzz/fuzz_TARGET.c); SECONDS
# defaults to 300.  The harness and the sources it needs (src/util, model, engine,
# content, export, adr) are compiled straight from the tree with clang
# -fsanitize=fuzzer,address,undefined into build-fuzz/ (FUZZ_DIR), apart
# from any autotools build.  The fuzzer runs on a work corpus there that
# starts as a copy of tests/fuzz/corpus/TARGET and keeps what it grows
# between runs; inputs are capped at 16 KiB (a -max_len option overrides).
# Crashes, leaks, timeouts and broken invariants land in
# build-fuzz/TARGET/artifacts/.  Add such an input to tests/fuzz/corpus/
# (make check replays it) once the bug is fixed.
#
# Needs clang with libFuzzer (Debian: clang, libclang-rt-dev) and libyaml.
set -eu

usage() {
	echo "usage: $0 content|interchange|adr [SECONDS] [LIBFUZZER-OPTION...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
target=$1
shift
case $target in
content|interchange|adr) ;;
*) usage ;;
esac
seconds=300
if [ $# -ge 1 ]; then
	case $1 in
	''|*[!0-9]*) ;;
	*) seconds=$1; shift ;;
	esac
fi

top=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_DIR:-$top/build-fuzz}
CC=${CC:-clang}
jobs=${FUZZ_MAKE_JOBS:-2}
command -v "$CC" >/dev/null 2>&1 || {
	echo "$0: $CC not found (Debian: apt-get install clang libclang-rt-dev)" >&2
	exit 1
}

mkdir -p "$out/obj" "$out/$target/corpus" "$out/$target/artifacts"

# What config.h gives these modules; the real one may not exist (or may
# belong to another configuration), so the fuzz build writes its own.
cat >"$out/config.h.new" <<'EOF'
/* Written by contrib/fuzz.sh for the libFuzzer build. */
#define _GNU_SOURCE 1
#define _DEFAULT_SOURCE 1
#define PACKAGE "charrette"
#define PACKAGE_VERSION "fuzz"
EOF
if cmp -s "$out/config.h.new" "$out/config.h"; then
	rm -f "$out/config.h.new"
else
	mv "$out/config.h.new" "$out/config.h"
fi

yaml_cflags=$(pkg-config --cflags yaml-0.1 2>/dev/null || true)
yaml_libs=$(pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer $san -Wall -Wextra \
-Wno-unused-parameter -I$out -I$top/src $yaml_cflags \
-DLOCALEDIR=\"/nonexistent\" -DPKGDATADIR=\"\" -DSRCDATADIR=\"$top/data\""
export CC cflags out top

# Objects are rebuilt when their source or any header is newer.
newest_h=$(ls -t "$top"/src/*/*.h "$out/config.h" | head -n 1)
srcs=$(cd "$top" && ls src/util/*.c src/model/*.c src/content/*.c \
	src/export/*.c src/adr/*.c src/engine/*.c)
echo "fuzz.sh: compiling $(echo "$srcs" | wc -l) sources with $CC into $out/obj"
echo "$srcs" | NEWEST_H=$newest_h xargs -P "$jobs" -n 1 sh -c '
	o="$out/obj/$(echo "$1" | tr / _).o"
	if [ ! -e "$o" ] || [ "$top/$1" -nt "$o" ] || [ "$NEWEST_H" -nt "$o" ]; then
		$CC $cflags -fsanitize=fuzzer-no-link -c "$top/$1" -o "$o" || exit 255
	fi' sh
bin=$out/fuzz_$target
# shellcheck disable=SC2086
$CC $cflags -fsanitize=fuzzer -o "$bin" "$top/tests/fuzz/fuzz_$target.c" \
	"$out"/obj/*.o $yaml_libs -lm

# The committed corpus joins the work corpus; nothing already there is lost.
cp -n "$top/tests/fuzz/corpus/$target"/* "$out/$target/corpus/" 2>/dev/null || true
dict=
[ -f "$top/tests/fuzz/$target.dict" ] && dict="-dict=$top/tests/fuzz/$target.dict"

echo "fuzz.sh: fuzzing $target for $seconds s (artifacts: $out/$target/artifacts/)"
cd "$out/$target"
status=0
# shellcheck disable=SC2086
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-max_len=16384 -print_final_stats=1 \
	-artifact_prefix="$out/$target/artifacts/" $dict "$@" corpus || status=$?
n=$(find artifacts -type f | wc -l)
echo "fuzz.sh: $target: exit $status, $n file(s) in $out/$target/artifacts/"
exit $status
