#!/bin/sh
# The README's two commands in one script:
#   contrib/quickstart.sh demo   build, then open the bundled demo workshop
#   contrib/quickstart.sh test   build, then run the whole test suite
# Missing Debian packages are installed first (apt-get as root, else sudo).
set -e
cd "$(dirname "$0")/.."
what=${1:-demo}
case $what in
demo|test) ;;
*) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

need=""
for tool in autoreconf autopoint pkg-config make cc; do
	command -v $tool >/dev/null 2>&1 || need=yes
done
for mod in ncursesw yaml-0.1 sqlite3 cmocka; do
	pkg-config --exists $mod 2>/dev/null || need=yes
done
if [ -n "$need" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		sh contrib/install-deps.sh
	elif command -v sudo >/dev/null 2>&1; then
		sudo sh contrib/install-deps.sh
	else
		sh contrib/install-deps.sh --print
		exit 1
	fi
fi

[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure
jobs=$(nproc 2>/dev/null || echo 2)
if [ "$what" = test ]; then
	make -j"$jobs" check
else
	make -j"$jobs"
	exec ./charrette --demo
fi
