#!/bin/sh
# The Debian route, end to end: build the package from this tree, check it
# with lintian (an error fails), install it, and check what it installed:
# the program and its content, both man pages, the translation, the
# shared-box example, and the bash and zsh completions (as bash-completion
# finds them, driven word by word, and typed with Tab into an interactive
# bash when tmux is there).  .ci/run calls it; by hand:
#
#   tests/pkg/check-deb.sh              build, lintian, install, check (root:
#                                       it runs apt-get install ./charrette_*.deb)
#   tests/pkg/check-deb.sh --build      build and lintian only (any account)
#   tests/pkg/check-deb.sh --installed  check the charrette installed now
#
# The package is built in a copy of the tree (the files git knows or would
# add), so the working tree and its build stay as they are.  The .deb and
# lintian's report are left in $CHARRETTE_DEB_OUT (default: a temporary
# folder, named at the end).
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:-all}
case $mode in
all | --build | --installed) ;;
*) echo "usage: $0 [--build | --installed]" >&2; exit 2 ;;
esac
fail=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; fail=1; }
need() {
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1; then
			echo "check-deb: $t is missing (CI installs it; by hand: apt-get install devscripts lintian bash-completion man-db)"
			exit 77
		fi
	done
}

build() {
	need dpkg-buildpackage dh lintian git
	out=${CHARRETTE_DEB_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/charrette-deb.XXXXXX")}
	mkdir -p "$out" || exit 99
	src=$out/src/charrette
	rm -rf "$out/src"
	mkdir -p "$src"
	(cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$src" || exit 99
	# As root, CHARRETTE_DEB_BUILD_USER=NAME builds as that account, the
	# way an administrator builds on a shared box (no root, no terminal).
	as=""
	if [ "$(id -u)" -eq 0 ] && [ -n "${CHARRETTE_DEB_BUILD_USER:-}" ]; then
		chown -R "$CHARRETTE_DEB_BUILD_USER" "$out" || exit 99
		as="runuser -u $CHARRETTE_DEB_BUILD_USER -- env HOME=$out"
	fi
	echo "=== dpkg-buildpackage -us -uc -b (in $src, as ${CHARRETTE_DEB_BUILD_USER:-$(id -un)})"
	if ! (cd "$src" && $as dpkg-buildpackage -us -uc -b </dev/null) \
		>"$out/build.log" 2>&1; then
		tail -60 "$out/build.log"
		echo "not ok - dpkg-buildpackage failed (the whole log: $out/build.log)"
		exit 1
	fi
	grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$out/build.log"
	deb=$(ls "$out"/src/charrette_*_*.deb 2>/dev/null | head -n 1)
	[ -n "$deb" ] || { not_ok "no charrette_*.deb was built"; exit 1; }
	ok "built $(basename "$deb")"
	echo "=== lintian"
	# From the package's own folder: the account may not enter the one
	# this runs from (a clone in a private folder).
	(cd "$out" && $as lintian --pedantic --display-info --show-overrides \
		"$out"/src/charrette_*_*.changes) >"$out/lintian.txt" 2>&1
	lrc=$?
	cat "$out/lintian.txt"
	if [ $lrc -ne 0 ] || grep -q '^E: ' "$out/lintian.txt"; then
		not_ok "lintian reports errors"
	else
		ok "lintian: no error ($(grep -c '^W: ' "$out/lintian.txt") warnings, $(grep -c '^[IP]: ' "$out/lintian.txt") info and pedantic tags, $(grep -c '^O: ' "$out/lintian.txt") overridden)"
	fi
	# What the package must carry (make install puts all of it; debian/
	# adds only the changelog, the copyright and the README).
	dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$out/contents"
	for f in /usr/bin/charrette /usr/share/charrette/templates.yaml \
		/usr/share/charrette/demo.yaml \
		/usr/share/man/man1/charrette.1.gz \
		/usr/share/man/man5/charrette-data.5.gz \
		/usr/share/bash-completion/completions/charrette \
		/usr/share/zsh/vendor-completions/_charrette \
		/usr/share/locale/de/LC_MESSAGES/charrette.mo \
		/usr/share/doc/charrette/examples/shared-box-setup.sh \
		/usr/share/doc/charrette/README \
		/usr/share/doc/charrette/copyright; do
		# dh_compress gzips documentation over 4 kB.
		if grep -qx "$f" "$out/contents" || grep -qx "$f.gz" "$out/contents"; then
			ok "the package carries $f"
		else
			not_ok "the package carries $f"; fi
	done
}

install_deb() {
	need apt-get
	if [ "$(id -u)" -ne 0 ]; then
		echo "check-deb: installing needs root (or run with --build, then --installed)"
		exit 77
	fi
	echo "=== apt-get install $deb"
	if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends --reinstall "$deb" >"$out/install.log" 2>&1; then
		ok "apt-get install ./$(basename "$deb")"
	else
		cat "$out/install.log"
		not_ok "apt-get install ./$(basename "$deb")"
		exit 1
	fi
}

check_installed() {
	need bash man
	bin=$(command -v charrette) || { not_ok "charrette is on \$PATH"; return; }
	echo "=== checks of the installed $bin"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/charrette-inst.XXXXXX") || exit 99
	HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config
	export HOME XDG_DATA_HOME XDG_CONFIG_HOME
	unset CHARRETTE_DB CHARRETTE_DATADIR CHARRETTE_LOCALEDIR LANGUAGE
	mkdir -p "$HOME"

	v=$("$bin" --version 2>&1)
	pv=$(dpkg-query -W -f '${Version}' charrette 2>/dev/null || echo '?')
	case $v in
	"charrette ${pv%%-*}") ok "charrette --version: $v (package $pv)" ;;
	*) not_ok "charrette --version: '$v' (package $pv)" ;;
	esac
	m=$(man -w charrette 2>&1)
	case $m in
	/usr/share/man/man1/charrette.1*) ok "man -w charrette: $m" ;;
	*) not_ok "man -w charrette: $m" ;;
	esac
	m=$(man -w 5 charrette-data 2>&1)
	case $m in
	/usr/share/man/man5/charrette-data.5*) ok "man -w 5 charrette-data: $m" ;;
	*) not_ok "man -w 5 charrette-data: $m" ;;
	esac
	if LC_ALL=C.UTF-8 MANWIDTH=80 man charrette 2>"$tmp/man.err" |
		grep -q '^ *templates \[.*format table|tsv\]'; then
		ok "man charrette renders (and documents the templates verb)"
	else
		not_ok "man charrette renders"; cat "$tmp/man.err"
	fi
	if LC_ALL=C.UTF-8 "$bin" --db "$tmp/w.db" templates --format tsv | grep -q '^devops	'; then
		ok "the installed content is found (templates)"
	else
		not_ok "the installed content is found (templates)"
	fi
	if LC_ALL=C.UTF-8 LANGUAGE=de "$bin" --help | grep -q '^Aufruf: charrette'; then
		ok "the installed German catalogue is used (LANGUAGE=de)"
	else
		not_ok "the installed German catalogue is used (LANGUAGE=de)"
	fi
	ex=/usr/share/doc/charrette/examples/shared-box-setup.sh
	if [ -x "$ex" ] && sh -n "$ex"; then ok "$ex is there and reads as sh"; else
		not_ok "$ex is there and reads as sh"; fi

	bc=/usr/share/bash-completion/completions/charrette
	zc=/usr/share/zsh/vendor-completions/_charrette
	if [ -f /usr/share/bash-completion/bash_completion ]; then
		got=$(bash -c '. /usr/share/bash-completion/bash_completion
			_completion_loader charrette >/dev/null 2>&1
			complete -p charrette' 2>&1)
		case $got in
		*"-F _charrette charrette"*) ok "bash-completion loads the completion by itself: $got" ;;
		*) not_ok "bash-completion loads the completion by itself: $got" ;;
		esac
	else
		not_ok "bash-completion is installed (for the completion check)"
	fi
	# Word by word: exp, --format m(a), a title prefix from a database the
	# check creates, --db, $CHARRETTE_DB, templates (tests/pkg/completion.sh).
	if CHARRETTE=$bin top_srcdir=$srcdir CHARRETTE_BASH_COMPLETION=$bc \
		CHARRETTE_ZSH_COMPLETION=$zc sh "$srcdir/tests/pkg/completion.sh" \
		>"$tmp/comp.log" 2>&1; then
		ok "the installed completions ($(tail -n 1 "$tmp/comp.log"))"
	else
		grep -v '^ok' "$tmp/comp.log"
		not_ok "the installed completions"
	fi
	interactive_bash

	rm -rf "$tmp"
}

# Tab in real interactive shells (inside tmux): bash with the completion
# bash-completion loads on demand, zsh with the one in its vendor folder.
interactive_bash() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "# tmux is missing: the interactive Tab checks are skipped"
		return
	fi
	sock=charrette-check-$$
	LC_ALL=C.UTF-8 "$bin" --db "$tmp/tab.db" new "Queue choice for payments" >/dev/null
	cat >"$tmp/bashrc" <<EOF
PS1='\$ '
. /usr/share/bash-completion/bash_completion
export CHARRETTE_DB=$tmp/tab.db LC_ALL=C.UTF-8
EOF
	tab_checks bash "bash --rcfile $tmp/bashrc --noprofile -i" \
		"charrette export 1 --format ma|charrette export 1 --format madr"
	if ! command -v zsh >/dev/null 2>&1; then
		echo "# zsh is missing: its interactive Tab check is skipped"
		return
	fi
	mkdir -p "$tmp/zdot"
	cat >"$tmp/zdot/.zshrc" <<EOF
PS1='\$ '
autoload -Uz compinit && compinit -u -d $tmp/zcompdump
export CHARRETTE_DB=$tmp/tab.db LC_ALL=C.UTF-8
EOF
	tab_checks zsh "env ZDOTDIR=$tmp/zdot zsh -i"
}

# tab_checks NAME COMMAND [TYPED|WANT...]: in COMMAND (an interactive
# shell in tmux), typing TYPED then Tab leaves the line WANT; a verb and a
# workshop title are always checked.
tab_checks() {
	name=$1
	cmd=$2
	shift 2
	tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 20 \
		"env -i HOME=$HOME PATH=$PATH TERM=xterm $cmd" || {
		echo "# tmux cannot start a session here: the $name Tab check is skipped"
		return
	}
	sleep 1
	for pair in "charrette exp|charrette export" "$@" \
		"charrette show Queue\\ ch|charrette show Queue\\ choice\\ for\\ payments"; do
		typed=${pair%%|*}
		want=${pair#*|}
		tmux -L "$sock" send-keys "$typed" Tab
		sleep 1
		got=$(tmux -L "$sock" capture-pane -p | sed -n '/\$ charrette/p' |
			tail -n 1 | sed 's/ *$//')
		tmux -L "$sock" send-keys C-u
		sleep 0.2
		if [ "$got" = "\$ $want" ]; then
			ok "$name: Tab after '$typed' gives '$want'"
		else
			not_ok "$name: Tab after '$typed' gives '$want' (the line reads '$got')"
		fi
	done
	tmux -L "$sock" kill-server 2>/dev/null
}

case $mode in
all)
	build
	install_deb
	check_installed
	;;
--build)
	build
	;;
--installed)
	check_installed
	;;
esac
[ -n "${out:-}" ] && echo "check-deb: the package, lintian's report and the build log are in $out"
[ $fail = 0 ] && echo "check-deb: all checks passed"
exit $fail
