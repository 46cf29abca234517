# Shared by the report-*.sh tests: every export format of three workshops,
# the bundled demo, one written for the report (tests/data/report/
# workshop.yaml) and a hostile one (HTML, pipes, CJK, emoji, leading "#"
# and "-", formulas), into $T/out/NAME/FORMAT/.  Sourced after lib.sh.
EXPORT_FORMATS="report risks metrics adr madr risks-csv metrics-csv"

make_exports() {
	for ws in demo:data/demo.yaml clinic:tests/data/report/workshop.yaml \
		  hostile:tests/data/report/hostile.yaml; do
		name=${ws%%:*}
		db="$T/$name.db"
		id=$("$CHARRETTE" --db "$db" --as tester import "$top_srcdir/${ws#*:}") ||
			{ not_ok "import $name"; continue; }
		for f in $EXPORT_FORMATS; do
			"$CHARRETTE" --db "$db" --as tester export "$id" --format "$f" \
				-o "$T/out/$name/$f/" >/dev/null 2>"$T/err" ||
				{ not_ok "export $name --format $f"; sed 's/^/#   /' "$T/err"; }
		done
	done
}

# How the report names a person recorded as $1 on this machine: the full
# name (GECOS up to the first comma) of an account of that name, else the
# name itself; nothing for the superuser.
person() {
	entry=$(getent passwd "$1" 2>/dev/null) || { echo "$1"; return; }
	[ "$(echo "$entry" | cut -d: -f3)" = 0 ] && return
	full=$(echo "$entry" | cut -d: -f5 | cut -d, -f1 | sed 's/ *$//')
	echo "${full:-$1}"
}
