#!/bin/sh
# Exports under a German locale.  Files programs read (YAML, JSON, CSV and
# the ADR folders adr-tools and import-adr read back) are the same whatever
# LANGUAGE and LC_NUMERIC say; reports follow the reader's language.  The
# German numeric locale is the system's de_DE.UTF-8, else one built here
# with localedef (the Debian package locales has its sources); without
# either the numeric part is skipped and says so.
. "$top_srcdir/tests/cli/lib.sh"
: "${top_builddir:?}"
DB="$T/w.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
data=$top_srcdir/tests/pkg/data/decimals.yaml

if [ ! -f "$CHARRETTE_LOCALEDIR/de/LC_MESSAGES/charrette.mo" ]; then
	echo "SKIP: no German catalogue under \$CHARRETTE_LOCALEDIR ($CHARRETTE_LOCALEDIR)"
	exit 77
fi
C import "$data" >/dev/null
C import "$top_srcdir/data/demo.yaml" >/dev/null

# export_all DIR: every format of workshops 1 and 2 into DIR.
export_all() {
	mkdir -p "$1"
	for f in yaml json risks-csv metrics-csv report metrics; do
		C export 1 --format $f >"$1/1.$f" || echo "export 1 $f failed" >>"$1/errors"
		C export 2 --format $f >"$1/2.$f" || echo "export 2 $f failed" >>"$1/errors"
	done
	C export 2 --format adr -o "$1/adr" >/dev/null 2>>"$1/errors"
	C export 2 --format madr -o "$1/madr" >/dev/null 2>>"$1/errors"
}

export_all "$T/en"
[ ! -s "$T/en/errors" ] && ok "the exports in English" || not_ok "the exports in English"

# 1. German messages (C.UTF-8 with LANGUAGE=de: no generated locale needed).
LANGUAGE=de export_all "$T/de"
[ ! -s "$T/de/errors" ] && ok "the exports with LANGUAGE=de" || not_ok "the exports with LANGUAGE=de"
expect_in "$T/de/2.report" "## Risiken und Gegenmaßnahmen" "the report is in German"
expect_in "$T/de/2.metrics" "| Metrik | Aktuell |" "the metrics table is in German"
for f in 1.yaml 2.yaml 1.json 2.json 1.risks-csv 2.risks-csv 1.metrics-csv 2.metrics-csv; do
	expect_same "$T/en/$f" "$T/de/$f" "$f does not depend on LANGUAGE"
done
if diff -r "$T/en/adr" "$T/de/adr" >"$T/diff" && diff -r "$T/en/madr" "$T/de/madr" >>"$T/diff"; then
	ok "the ADR and MADR folders do not depend on LANGUAGE"
else
	not_ok "the ADR and MADR folders do not depend on LANGUAGE"; head -20 "$T/diff" | sed 's/^/#   /'
fi
expect_in "$T/de/adr/0001-adopt-github-actions-argo-cd-and-eks-for-service-delivery.md" "## Status" "ADRs keep the headings adr-tools looks for"
LANGUAGE=de expect_exit 0 "import-adr reads back an ADR folder exported in German" -- \
	"$CHARRETTE" --db "$T/back.db" import-adr "$T/de/adr"
if [ -s "$T/err" ]; then not_ok "... without a warning"; sed 's/^/#   /' "$T/err"; else
	ok "... without a warning"; fi
expect_in "$T/out" "3 importiert, 0 übersprungen (von 3 Dateien)" "import-adr says so in German"
"$CHARRETTE" --db "$T/back.db" show 1 >"$T/back.show"
expect_in "$T/back.show" "ADR 1: Adopt GitHub Actions, Argo CD and EKS for service delivery [accepted]" "the status survives the round trip"
LANGUAGE=de expect_exit 2 "an error in German" -- C export 1 --format nosuch
expect_in "$T/err" "charrette: export: unbekanntes Format 'nosuch'" "usage errors are translated"

# 2. A German LC_NUMERIC (',' for decimals).
deloc=""
for l in de_DE.UTF-8 de_DE.utf8; do
	if locale -a 2>/dev/null | grep -qix "$l"; then deloc=$l; break; fi
done
if [ -z "$deloc" ] && command -v localedef >/dev/null 2>&1 &&
   [ -f /usr/share/i18n/locales/de_DE ]; then
	mkdir -p "$T/locales"
	if localedef -i de_DE -f UTF-8 "$T/locales/de_DE.UTF-8" >/dev/null 2>&1 ||
	   [ -f "$T/locales/de_DE.UTF-8/LC_NUMERIC" ]; then
		LOCPATH=$T/locales
		export LOCPATH
		deloc=de_DE.UTF-8
	fi
fi
if [ -n "$deloc" ] && [ "$(LC_ALL=$deloc locale decimal_point 2>/dev/null)" = "," ]; then
	echo "# German numeric locale: $deloc${LOCPATH:+ (built with localedef in $LOCPATH)}"
	LC_ALL=$deloc LANGUAGE=de export_all "$T/num"
	[ ! -s "$T/num/errors" ] && ok "the exports under LC_ALL=$deloc" || not_ok "the exports under LC_ALL=$deloc"
	for f in 1.yaml 2.yaml 1.json 2.json 1.risks-csv 2.risks-csv 1.metrics-csv 2.metrics-csv; do
		expect_same "$T/en/$f" "$T/num/$f" "$f under $deloc is the C locale's"
	done
	expect_in "$T/num/1.yaml" "weight: 2.5" "YAML keeps '.' for decimals"
	expect_in "$T/num/1.metrics-csv" "deploy_freq,Deployment frequency,deploys per week,0.5,Medium,2.5,High,7.5,Elite" "CSV keeps '.' and English band names"
	expect_same "$T/de/1.report" "$T/num/1.report" "the report under $deloc reads as with C.UTF-8"
	# In-process, with nothing pinned by main(): the writers themselves.
	LC_ALL=$deloc LANGUAGE=de "$top_builddir/tests/pkg/numeric_locale" "$data" "$top_srcdir/data" >"$T/nl" 2>&1
	rc=$?
	sed 's/^/# /' "$T/nl"
	[ $rc = 0 ] && ok "the writers under a comma LC_NUMERIC (numeric_locale)" ||
		not_ok "the writers under a comma LC_NUMERIC (numeric_locale exited $rc)"
else
	echo "# no German numeric locale (de_DE.UTF-8 is not installed and localedef could not build one): the LC_NUMERIC checks are skipped"
fi
finish
