#!/bin/sh
# charrette and the real adr-tools (Debian's adr-tools; .ci/run installs
# it) on one folder: a folder adr-tools made (init, new, new -s, link,
# generate toc) is imported and exported back unchanged; a decision made
# in the workshop that supersedes one of them is written so that adr-tools
# lists it, draws its links and generates the same table of contents as
# the README charrette updated in place; and a record charrette wrote,
# superseded with adr-tools' `adr new -s`, is read back.  Skipped where
# adr-tools, git or sqlite3 is missing.
. "$top_srcdir/tests/cli/lib.sh"
for tool in adr git sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (apt-get install adr-tools)"
		exit 77
	fi
done
DB="$T/at.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
R="$T/repo"
A="$R/doc/adr"
mkdir -p "$R"
# adr-tools uses $EDITOR / $VISUAL on every new record: none here.
export EDITOR=true VISUAL=true
(
	cd "$R" && git init -q &&
	adr init doc/adr >/dev/null &&
	adr new "Use PostgreSQL" >/dev/null &&
	adr new "Deploy with Helm" >/dev/null &&
	adr new -s 3 "Deploy with Argo CD" >/dev/null &&
	adr link 4 Amends 2 "Amended by" >/dev/null &&
	adr generate toc >doc/adr/README.md &&
	git add -A && git -c user.email=t@example.org -c user.name=t commit -qm adr
) || not_ok "adr-tools made the folder"

expect_exit 0 "import-adr of adr-tools' folder" -- C import-adr "$A"
expect_exit 0 "show it" -- C show 1
expect_in "$T/out" "  ADR 3: Deploy with Helm [superseded by 4]" "adr new -s: superseded"
expect_in "$T/out" "    supersedes ADR 3" "... and its superseder"
expect_in "$T/out" "    Amends ADR 2" "adr link: Amends"
expect_in "$T/out" "    Amended by ADR 4" "adr link: Amended by"
expect_exit 0 "export it back" -- C export 1 --format adr -o "$A"
(cd "$R" && git status --porcelain --untracked-files=all) >"$T/status"
[ -s "$T/status" ] && { not_ok "files changed"; sed 's/^/#   /' "$T/status"; } ||
	ok "adr-tools' folder unchanged"

# ---- a decision of the workshop supersedes adr-tools' ADR 2 ----------------
sqlite3 "$DB" "INSERT INTO decision(workshop_id, number, title, status, date,
		supersedes, context, decision) VALUES (1, 5, 'Use CockroachDB',
		'accepted', '2026-11-26', '2', 'We need more regions.',
		'Move to CockroachDB.');
	UPDATE workshop SET last_decision = 5 WHERE id = 1;
	UPDATE decision SET status = 'superseded', superseded_by = 5,
		version = version + 1 WHERE workshop_id = 1 AND number = 2;"
expect_exit 0 "export the new decision" -- C export 1 --format adr -o "$A"
(cd "$R" && git status --porcelain --untracked-files=all | sort) >"$T/status"
printf '%s\n' ' M doc/adr/0002-use-postgresql.md' ' M doc/adr/README.md' \
	'?? doc/adr/0005-use-cockroachdb.md' >"$T/want"
expect_same "$T/want" "$T/status" "the superseded record, the index, the new one"
(cd "$R" && adr list) >"$T/list"
expect_in "$T/list" "doc/adr/0005-use-cockroachdb.md" "adr list sees our record"
(cd "$R" && adr generate toc) >"$T/toc"
expect_same "$T/toc" "$A/README.md" "the README updated in place is what adr generate toc writes"
(cd "$R" && adr generate graph) >"$T/graph"
grep -q '_5 -> _2 \[label="Supersedes"' "$T/graph" &&
	ok "adr generate graph draws our Supersedes link" ||
	{ not_ok "no Supersedes edge from 5 to 2"; sed 's/^/#   /' "$T/graph"; }
(cd "$R" && /usr/libexec/adr-tools/_adr_links doc/adr/0002-use-postgresql.md 2>/dev/null ||
	grep -h 'Superseded by' doc/adr/0002-use-postgresql.md) >"$T/links"
expect_in "$T/links" "Superseded by" "the superseded record says by whom, as adr-tools reads it"
(cd "$R" && git add -A && git -c user.email=t@example.org -c user.name=t commit -qm ours)

# ---- adr-tools supersedes the record charrette wrote ---------------------------
(cd "$R" && adr new -s 5 "Use Spanner" >/dev/null) || not_ok "adr new -s 5"
cp "$A/0006-use-spanner.md" "$T/spanner"
expect_exit 0 "import-adr --into after adr-tools' edit" -- C import-adr "$A" --into 1
expect_in "$T/out" "added 1 as ADR 6" "adr-tools' new record added"
expect_in "$T/out" "updated 1," "our record, edited by adr-tools, read back"
expect_exit 0 "show it" -- C show 1
expect_in "$T/out" "  ADR 5: Use CockroachDB [superseded by 6]" "superseded by adr-tools' record"
expect_exit 0 "export again" -- C export 1 --format adr -o "$A"
expect_in "$A/0005-use-cockroachdb.md" "Superseded by [6. Use Spanner](0006-use-spanner.md)" \
	"adr-tools' edit of our record stays"
cmp -s "$T/spanner" "$A/0006-use-spanner.md" && ok "adr-tools' new record untouched" ||
	not_ok "adr-tools' new record rewritten"
finish
