#!/bin/sh
# A blind voting round through the real binary: a workshop with an open
# round in which bob and carol voted is imported; until the reveal, alice's
# (the facilitator's) show, score (table, tsv, json) and every export
# (report, yaml, json, risks, metrics) carry no vote value of the round,
# not even the mean; bob's carry his own values and not carol's.  After the
# reveal everyone's carry them all.  The values are chosen to appear
# nowhere else (1.15, 4.45, 3.85; sqs/dx's mean 2.8; with weights 0.6 and
# 0.4 the totals 1.68 and 1.54).
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: sqlite3 is needed"; exit 77; }

DB="$T/room.db"
run() { who=$1; shift; "$CHARRETTE" --db "$DB" --as "$who" "$@"; }

# Who --as NAME is recorded as ("bob (via ACCOUNT)"): ask the binary.
name_of() {
	run "$1" new "probe $1" >/dev/null || exit 1
	sqlite3 "$DB" "SELECT who FROM audit WHERE tbl = 'workshop' ORDER BY id DESC LIMIT 1"
}
ALICE=$(name_of alice)
BOB=$(name_of bob)
CAROL=$(name_of carol)

cat >"$T/room.yaml" <<EOF
charrette: 1
title: Queue choice
template: devops
facilitator: "$ALICE"
criteria:
  - {id: dx, name: Developer experience, weight: 3}
  - {id: cost, name: Cost efficiency, weight: 2}
approaches:
  - {id: sqs, name: Managed queue}
  - {id: kafka, name: Self-run Kafka}
rounds:
  - number: 1
    scope: all
    state: open
    opened_by: "$ALICE"
    opened_at: 1795694400
    votes:
      - {participant: "$BOB", approach: sqs, criterion: dx, score: 1.15}
      - {participant: "$BOB", approach: kafka, criterion: cost, score: 3.85}
      - {participant: "$CAROL", approach: sqs, criterion: dx, score: 4.45}
EOF
W=$(run alice import "$T/room.yaml") || { echo "not ok - import"; exit 1; }

# outputs WHO NAME: every reading verb's output for WHO, in $T/NAME.*
outputs() {
	run "$1" show "$W" >"$T/$2.show" &&
	run "$1" score "$W" >"$T/$2.table" &&
	run "$1" score "$W" --format tsv >"$T/$2.tsv" &&
	run "$1" score "$W" --format json >"$T/$2.json" &&
	run "$1" export "$W" --format json >"$T/$2.xjson" &&
	run "$1" export "$W" --format yaml >"$T/$2.yaml" &&
	run "$1" export "$W" --format report >"$T/$2.report" &&
	run "$1" export "$W" --format risks >"$T/$2.risks" &&
	run "$1" export "$W" --format metrics >"$T/$2.metrics"
}

# has FILE VALUE: VALUE appears as a number of its own (not inside 21.15).
has() {
	od -An -c "$1" >/dev/null || return 1   # readable as bytes at all
	grep -aqE "(^|[^0-9.])$(printf %s "$2" | sed 's/\./\\./g')([^0-9]|$)" "$1"
}

# none_in NAME VALUE...: no output of NAME carries any of the values.
none_in() {
	who=$1; shift
	for v in "$@"; do
		for f in "$T/$who".*; do
			if has "$f" "$v"; then
				not_ok "$who: $(basename "$f") carries $v before the reveal"
				grep -anE "(^|[^0-9.])$(printf %s "$v" | sed 's/\./\\./g')([^0-9]|$)" "$f" |
					sed 's/^/#   /' | head -5
				continue 2
			fi
		done
		ok "$who: no output carries $v"
	done
}

# all_in NAME FILE-EXT VALUE...: that output of NAME carries every value.
all_in() {
	who=$1; ext=$2; shift 2
	for v in "$@"; do
		if has "$T/$who.$ext" "$v"; then ok "$who: $ext carries $v"; else
			not_ok "$who: $ext lacks $v"; sed 's/^/#   /' "$T/$who.$ext" | head -30; fi
	done
}

# --- before the reveal -----------------------------------------------------
if outputs alice alice; then ok "alice reads the workshop"; else not_ok "alice reads the workshop"; fi
if outputs bob bob; then ok "bob reads the workshop"; else not_ok "bob reads the workshop"; fi
none_in alice 1.15 4.45 3.85 2.8 1.68 1.54
none_in bob 4.45 2.8 1.68
all_in bob show 1.15 3.85
all_in bob xjson 1.15 3.85
all_in bob yaml 1.15 3.85
# Who voted is no secret: the round is there, open.
expect_in "$T/alice.yaml" "state: open" "alice's yaml has the open round"
expect_in "$T/alice.xjson" '"number": 1' "alice's json has round 1"

# --- the reveal --------------------------------------------------------------
sqlite3 "$DB" "UPDATE vote_round SET state = 'revealed', revealed_by = 'x', revealed_at = 1795698000"
outputs alice alice2 && outputs carol carol2 || not_ok "reading after the reveal"
for who in alice2 carol2; do
	all_in $who show 1.15 4.45 3.85
	all_in $who xjson 1.15 4.45 3.85
	all_in $who yaml 1.15 4.45 3.85
	all_in $who json 1.68 1.54
	all_in $who tsv 2.8
done
expect_in "$T/alice2.yaml" "state: revealed" "the round is revealed"
finish
