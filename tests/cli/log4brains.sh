#!/bin/sh
# log4brains 1.x (from npm; .ci/run installs it) reads charrette's MADR
# output as charrette meant it: statuses, the superseder, dates and
# deciders (from `log4brains build`'s pages), and `log4brains adr new`
# finds the template.md charrette leaves.  A real log4brains folder with a
# record superseded in the workshop reads as superseded too.  Skipped, with
# a message, where log4brains, node or git is missing.
. "$top_srcdir/tests/cli/lib.sh"
for tool in log4brains node git sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (npm install -g log4brains@1)"
		exit 77
	fi
done
case $(log4brains --version 2>/dev/null) in
1.*) ;;
*) echo "SKIP: log4brains is not 1.x"; exit 77 ;;
esac
DB="$T/l4b.db"
C() { "$CHARRETTE" --db "$DB" "$@"; }
P="$T/project"
mkdir -p "$P"
printf 'project:\n  name: Charrette test\n  tz: UTC\n  adrFolder: ./docs/adr\n' \
	>"$P/.log4brains.yml"
expect_exit 0 "the demo workshop" -- C import "$top_srcdir/data/demo.yaml"
expect_exit 0 "exported as MADR" -- C export 1 --format madr -o "$P/docs/adr"
[ -f "$P/docs/adr/template.md" ] && ok "a template.md for log4brains" ||
	not_ok "no template.md"
(cd "$P" && git init -q && git add -A &&
 git -c user.email=t@example.org -c user.name=t commit -qm adr) ||
	not_ok "git commit"

# ---- adr list: the statuses ---------------------------------------------------
(cd "$P" && timeout 120 log4brains adr list --raw) >"$T/list" 2>"$T/list.err" ||
	not_ok "log4brains adr list"
cut -d, -f1,2 "$T/list" | sort >"$T/got"
printf '%s\n' \
	'0001-adopt-github-actions-argo-cd-and-eks-for-service-delivery,ACCEPTED' \
	'0002-keep-application-secrets-in-hashicorp-vault,SUPERSEDED' \
	'0003-use-aws-secrets-manager-through-the-external-secrets,ACCEPTED' \
	>"$T/want"
expect_same "$T/want" "$T/got" "log4brains lists every status as charrette has it"

# ---- build: superseder, dates, deciders ---------------------------------------
# Next.js builds inside log4brains' own install folder: an account that
# cannot write it (log4brains installed by root, the suite run by another
# account, as in the Debian package build) cannot build, whatever the ADRs.
(cd "$P" && timeout 300 log4brains build --out "$T/site") >"$T/build" 2>&1
built=$?
if grep -q 'Build directory is not writeable' "$T/build"; then
	echo "# SKIP log4brains build: its install folder is not writable by $(id -un) (the build is checked where it is)"
elif [ $built = 0 ]; then
	ok "log4brains build"
	node -e '
		const fs = require("fs");
		const dir = process.argv[1];
		for (const d of fs.readdirSync(dir).sort()) {
			const h = fs.readFileSync(dir + "/" + d + "/index.html", "utf8");
			const m = h.match(/<script id="__NEXT_DATA__" type="application\/json">(.*?)<\/script>/s);
			const a = JSON.parse(m[1]).props.pageProps.currentAdr;
			const by = a.supersededBy ? (a.supersededBy.slug || a.supersededBy) : "-";
			console.log([a.slug, a.status, by,
				(a.publicationDate || "-").slice(0, 10),
				a.deciders.join("+")].join(" "));
		}' "$T/site/adr" >"$T/got" 2>"$T/node.err" || not_ok "reading the pages"
	printf '%s\n' \
		'0001-adopt-github-actions-argo-cd-and-eks-for-service-delivery accepted - 2026-11-26 maya+priya+marcus' \
		'0002-keep-application-secrets-in-hashicorp-vault superseded 0003-use-aws-secrets-manager-through-the-external-secrets 2026-11-26 maya+marcus' \
		'0003-use-aws-secrets-manager-through-the-external-secrets accepted - 2026-11-27 maya+priya+marcus' \
		>"$T/want"
	expect_same "$T/want" "$T/got" "log4brains reads status, superseder, date and deciders"
else
	not_ok "log4brains build"
	tail -20 "$T/build" | sed 's/^/#   /'
fi

# ---- adr new: the template is there ---------------------------------------------
(cd "$P" && timeout 120 log4brains adr new --quiet "Use NATS for events" \
	</dev/null) >"$T/new" 2>&1 && ok "log4brains adr new" ||
	{ not_ok "log4brains adr new"; sed 's/^/#   /' "$T/new"; }

# ---- a real log4brains folder, a record superseded in the workshop ------------------
R="$T/real"
mkdir -p "$R"
cp -R "$top_srcdir/tests/data/adr/real/log4brains" "$R/adr"
chmod -R u+w "$R/adr"
printf 'project:\n  name: Real\n  tz: UTC\n  adrFolder: ./adr\n' >"$R/.log4brains.yml"
(cd "$R" && git init -q && git add -A &&
 git -c user.email=t@example.org -c user.name=t commit -qm adr) || not_ok "git"
expect_exit 0 "import-adr of a log4brains folder" -- C import-adr "$R/adr"
ws=$(sed -n 's/^workshop \([0-9][0-9]*\): .*/\1/p' "$T/out")
# A new decision in the workshop supersedes "Avoid default exports".
old=$(sqlite3 "$DB" "SELECT number FROM decision d JOIN decision_file f ON
	f.decision_id = d.id WHERE f.name = '20200927-avoid-default-exports.md'")
sqlite3 "$DB" "INSERT INTO decision(workshop_id, number, title, status, date,
		supersedes, context) SELECT $ws, last_decision + 1,
		'Allow default exports in pages', 'accepted', '2024-03-01',
		'$old', 'Next.js wants them.' FROM workshop WHERE id = $ws;
	UPDATE workshop SET last_decision = last_decision + 1 WHERE id = $ws;
	UPDATE decision SET status = 'superseded', version = version + 1,
		superseded_by = (SELECT last_decision FROM workshop WHERE id = $ws)
		WHERE workshop_id = $ws AND number = $old;"
expect_exit 0 "export into it" -- C export "$ws" --format madr -o "$R/adr"
(cd "$R" && git status --porcelain --untracked-files=all) >"$T/status"
grep -c . "$T/status" >"$T/n"
[ "$(cat "$T/n")" -eq 2 ] && ok "two files: the superseded one and the new one" ||
	{ not_ok "$(cat "$T/n") files changed"; sed 's/^/#   /' "$T/status"; }
(cd "$R" && timeout 120 log4brains adr list --raw) >"$T/list" 2>&1
grep -q '^20200927-avoid-default-exports,SUPERSEDED,' "$T/list" &&
	ok "log4brains reads the record superseded in the workshop" ||
	{ not_ok "not superseded for log4brains"; sed 's/^/#   /' "$T/list"; }
grep -q ',ACCEPTED,,Allow default exports in pages$' "$T/list" &&
	ok "and the new record" || not_ok "the new record is not listed"
finish
