#!/bin/sh
# The exports of the demo, the report's own workshop and a hostile one,
# through the real binary: text reads as typed (no "&gt;", "&amp;", "\~"
# or "<br>" in ordinary text), people by name, CSV formulas neutralised.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/report-lib.sh"
make_exports
O=$T/out

for ws in demo clinic; do
	for pat in '&gt;' '&amp;' '&lt;' '\~' '<br>'; do
		if grep -rqF --include='*.md' -e "$pat" "$O/$ws"; then
			not_ok "$ws: '$pat' in ordinary text"
			grep -rnF --include='*.md' -e "$pat" "$O/$ws" | sed 's/^/#   /' | head -5
		else
			ok "$ws: no '$pat'"
		fi
	done
done
if grep -rqF '<br>' "$O/hostile" --include='*.md'; then
	not_ok "hostile: <br> in a table cell"
else
	ok "hostile: no <br>"
fi

R=$O/clinic/report/report.md
expect_in "$R" 'Dev opens PR -> 1 review -> merge; a rollback is a revert & a redeploy.' "clinic: -> and & as typed"
expect_in "$R" 'lost ~€40k of appointments.  Uptime was 99.95% before' "clinic: ~ and 99.95% as typed"
expect_in "$R" "Facilitator: $(person dana)." "clinic: the facilitator by name, not the account"
expect_in "$R" "| $(person dana), $(person bob) |" "clinic: deciders by name, 'bob (via root)' as bob"
if grep -q 'root\|(via' "$R"; then not_ok "clinic: 'root' in the report"; else ok "clinic: no 'root'"; fi

# The account running the test as facilitator: its full name from the
# passwd entry, or, for the superuser, no facilitator at all.
me=$(id -un)
printf 'charrette: 1\ntitle: Names\nfacilitator: "%s"\n' "$me" >"$T/me.yaml"
id=$("$CHARRETTE" --db "$T/me.db" --as tester import "$T/me.yaml") &&
	"$CHARRETTE" --db "$T/me.db" --as tester export "$id" --format report >"$T/me.md" ||
	not_ok "export of a workshop facilitated by $me"
if [ -n "$(person "$me")" ]; then
	expect_in "$T/me.md" "Facilitator: $(person "$me")." "$me by the full name of the account"
elif grep -q 'Facilitator' "$T/me.md"; then
	not_ok "the superuser named as facilitator"
else
	ok "the superuser is not named"
fi
expect_in "$O/demo/report/report.md" '| **Weighted total** | 100% | **3.95** | 3.22 | 2.86 |' "demo: totals at two decimals"
expect_in "$O/demo/report/report.md" '3.33 (v)' "demo: a mean of votes at two decimals"
expect_in "$O/demo/metrics/metrics.md" '| Time to restore service | 6 hours (High) | 2 hours (High) | 1 hour (Elite) |' "demo: 1 hour, 2 hours"

C=$O/hostile/risks-csv/risks.csv
expect_in "$C" "R|1,\"'=cmd|' /C calc'!A0\",5,5,25,\"'+owner\",\"'@SUM(1+1)\",open" "hostile: formula cells neutralised"
expect_in "$O/clinic/risks-csv/risks.csv" ",\"'-1 is not a formula\"," "clinic: a cell starting with - neutralised"
finish
