#include "config.h"
/*
 * store_schema: the database schema as its migrations, one list of SQL
 * statements per version (store.c runs them; store_check.c checks a file
 * against what they make).
 */

#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

/*
 * The schema, one list of SQL statements per version: migrations[i]
 * upgrades a database from user_version i to i + 1.  Never edit a shipped
 * entry; add a new one and bump STORE_SCHEMA_VERSION.  Version 1 tolerates an existing
 * charrette_meta table so that a version-0 file of ours can be upgraded.
 */
static const char *const schema_v1[] = {
	"CREATE TABLE IF NOT EXISTS charrette_meta("
	" key TEXT PRIMARY KEY, value TEXT);",
	"INSERT OR REPLACE INTO charrette_meta(key, value)"
	" VALUES ('application', 'charrette');",
	"CREATE TABLE workshop("
	" id INTEGER PRIMARY KEY,"
	" title TEXT NOT NULL,"
	" template TEXT,"
	" stage TEXT NOT NULL DEFAULT 'interview',"
	" created INTEGER NOT NULL,"
	" updated INTEGER NOT NULL,"
	" archived INTEGER NOT NULL DEFAULT 0,"
	" facilitator TEXT,"
	" weighting TEXT NOT NULL DEFAULT 'direct',"
	" scale_min REAL NOT NULL DEFAULT 1,"
	" scale_max REAL NOT NULL DEFAULT 5,"
	" last_decision INTEGER NOT NULL DEFAULT 0,"
	" next_steps TEXT NOT NULL DEFAULT '',"
	" version INTEGER NOT NULL DEFAULT 1);",
	"CREATE TABLE answer("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" question TEXT NOT NULL,"
	" kind TEXT NOT NULL DEFAULT 'none',"
	" text TEXT, number REAL, note TEXT,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, question));",
	"CREATE TABLE criterion("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL, pos INTEGER NOT NULL,"
	" name TEXT, description TEXT,"
	" weight REAL NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, key));",
	"CREATE TABLE approach("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL, pos INTEGER NOT NULL,"
	" name TEXT, summary TEXT, pattern TEXT, components TEXT,"
	" deployment TEXT, observability TEXT, security TEXT,"
	" complexity TEXT, cost TEXT, pros TEXT, cons TEXT, stages TEXT,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, key));",
	/* a < b: a judgement and its reciprocal are one row */
	"CREATE TABLE judgement("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" a INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,"
	" b INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,"
	" participant TEXT NOT NULL DEFAULT '',"
	" value REAL NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" CHECK (a < b), UNIQUE(a, b, participant));",
	"CREATE TABLE score("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" approach_id INTEGER NOT NULL"
	"  REFERENCES approach(id) ON DELETE CASCADE,"
	" criterion_id INTEGER NOT NULL"
	"  REFERENCES criterion(id) ON DELETE CASCADE,"
	" value REAL, rationale TEXT,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(approach_id, criterion_id));",
	"CREATE TABLE vote("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant TEXT NOT NULL,"
	" approach_id INTEGER NOT NULL"
	"  REFERENCES approach(id) ON DELETE CASCADE,"
	" criterion_id INTEGER NOT NULL"
	"  REFERENCES criterion(id) ON DELETE CASCADE,"
	" value REAL NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(participant, approach_id, criterion_id));",
	"CREATE TABLE decision("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" number INTEGER NOT NULL,"
	" title TEXT, status TEXT NOT NULL DEFAULT 'proposed',"
	" superseded_by INTEGER, date TEXT,"
	" deciders TEXT, consulted TEXT, informed TEXT,"
	" context TEXT, decision TEXT, rationale TEXT,"
	" positive TEXT, negative TEXT, risks TEXT,"
	" chosen TEXT, supersedes TEXT, alternatives TEXT,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, number));",
	"CREATE TABLE risk("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL, description TEXT,"
	" probability INTEGER NOT NULL CHECK (probability BETWEEN 1 AND 5),"
	" impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
	" owner TEXT, mitigation TEXT,"
	" status TEXT NOT NULL DEFAULT 'open',"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, key));",
	"CREATE TABLE metric("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL, name TEXT, unit TEXT,"
	" current REAL, target_3m REAL, target_6m REAL,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, key));",
	"CREATE TABLE phase("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" pos INTEGER NOT NULL, name TEXT,"
	" weeks REAL NOT NULL DEFAULT 0, items TEXT,"
	" version INTEGER NOT NULL DEFAULT 1);",
	/* The audit log outlives the rows (and workshops) it describes. */
	"CREATE TABLE audit("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER,"
	" who TEXT NOT NULL, at INTEGER NOT NULL,"
	" tbl TEXT NOT NULL, row_id INTEGER, field TEXT,"
	" old_value TEXT, new_value TEXT);",
	"CREATE TABLE presence("
	" participant TEXT NOT NULL, session INTEGER NOT NULL,"
	" workshop_id INTEGER NOT NULL,"
	" screen TEXT, selection TEXT, last_seen INTEGER NOT NULL,"
	" PRIMARY KEY (participant, session));",
	"CREATE TABLE draft("
	" participant TEXT NOT NULL, workshop_id INTEGER NOT NULL,"
	" place TEXT NOT NULL, text TEXT NOT NULL, saved INTEGER NOT NULL,"
	" PRIMARY KEY (participant, workshop_id, place));",
	"CREATE INDEX answer_ws ON answer(workshop_id);",
	"CREATE INDEX criterion_ws ON criterion(workshop_id, pos);",
	"CREATE INDEX approach_ws ON approach(workshop_id, pos);",
	"CREATE INDEX judgement_ws ON judgement(workshop_id);",
	"CREATE INDEX judgement_b ON judgement(b);",
	"CREATE INDEX score_ws ON score(workshop_id);",
	"CREATE INDEX score_criterion ON score(criterion_id);",
	"CREATE INDEX vote_ws ON vote(workshop_id);",
	"CREATE INDEX vote_approach ON vote(approach_id);",
	"CREATE INDEX vote_criterion ON vote(criterion_id);",
	"CREATE INDEX decision_ws ON decision(workshop_id);",
	"CREATE INDEX risk_ws ON risk(workshop_id);",
	"CREATE INDEX metric_ws ON metric(workshop_id);",
	"CREATE INDEX phase_ws ON phase(workshop_id, pos);",
	"CREATE INDEX audit_ws ON audit(workshop_id, id);",
	"CREATE INDEX audit_row ON audit(tbl, row_id);",
	"CREATE INDEX presence_ws ON presence(workshop_id, last_seen);",
	NULL
};

/* Version 2: decision links other than supersede ("Amends\t2" lines) and
 * the flag of decisions whose text is Markdown source (imported ADRs). */
static const char *const schema_v2[] = {
	"ALTER TABLE decision ADD COLUMN links TEXT NOT NULL DEFAULT '';",
	"ALTER TABLE decision ADD COLUMN markdown INTEGER NOT NULL DEFAULT 0;",
	NULL
};

/*
 * Version 3: the shared box is safe (issue 11).  The facilitator role and
 * a workshop's creator belong to Unix accounts (names recorded before are
 * mapped to accounts by charrette_account(), see store_check.c); a request
 * for the role waits for the holder's answer (role_request_*, role_declined,
 * role_version counts every change of the role); a deleted workshop waits
 * in the trash (deleted = when, by whom) until it is restored or purged;
 * audit and presence rows carry the account, presence rows whether the
 * session is read-only.
 */
static const char *const schema_v3[] = {
	"ALTER TABLE workshop ADD COLUMN facilitator_account TEXT;",
	"ALTER TABLE workshop ADD COLUMN creator_account TEXT;",
	"ALTER TABLE workshop ADD COLUMN role_version INTEGER NOT NULL "
	"DEFAULT 1;",
	"ALTER TABLE workshop ADD COLUMN role_request_account TEXT;",
	"ALTER TABLE workshop ADD COLUMN role_request_name TEXT;",
	"ALTER TABLE workshop ADD COLUMN role_request_at INTEGER;",
	"ALTER TABLE workshop ADD COLUMN role_declined INTEGER NOT NULL "
	"DEFAULT 0;",
	"ALTER TABLE workshop ADD COLUMN deleted INTEGER;",
	"ALTER TABLE workshop ADD COLUMN deleted_by TEXT;",
	"ALTER TABLE workshop ADD COLUMN deleted_account TEXT;",
	"ALTER TABLE audit ADD COLUMN account TEXT;",
	"ALTER TABLE presence ADD COLUMN account TEXT;",
	"ALTER TABLE presence ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;",
	"UPDATE audit SET account = charrette_account(who);",
	"UPDATE presence SET account = charrette_account(participant);",
	"UPDATE workshop SET"
	" facilitator_account = charrette_account(facilitator),"
	" creator_account = (SELECT account FROM audit"
	"  WHERE tbl = 'workshop' AND row_id = workshop.id"
	"  AND workshop_id = workshop.id AND old_value IS NULL"
	"  ORDER BY id LIMIT 1);",
	NULL
};

/* Version 4: running the room (store_room.c).  Votes are kept per blind
 * voting round: the vote table is rebuilt with a `round` column (0 =
 * outside any round, as every vote so far) in its unique key; the rounds,
 * the cells a round on "the spread cells" covers, the agenda with its
 * timeboxes and time spent, the countdown, ready marks and the parking
 * lot get tables of their own. */
static const char *const schema_v4[] = {
	"CREATE TABLE vote_v4("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant TEXT NOT NULL,"
	" approach_id INTEGER NOT NULL"
	"  REFERENCES approach(id) ON DELETE CASCADE,"
	" criterion_id INTEGER NOT NULL"
	"  REFERENCES criterion(id) ON DELETE CASCADE,"
	" value REAL NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),"
	" UNIQUE(participant, approach_id, criterion_id, round));",
	"INSERT INTO vote_v4(id, workshop_id, participant, approach_id,"
	" criterion_id, value, version) SELECT id, workshop_id, participant,"
	" approach_id, criterion_id, value, version FROM vote;",
	"DROP TABLE vote;",
	"ALTER TABLE vote_v4 RENAME TO vote;",
	"CREATE INDEX vote_ws ON vote(workshop_id, round);",
	"CREATE INDEX vote_approach ON vote(approach_id);",
	"CREATE INDEX vote_criterion ON vote(criterion_id);",
	"CREATE TABLE vote_round("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" number INTEGER NOT NULL CHECK (number >= 1),"
	" scope TEXT NOT NULL DEFAULT 'all',"
	" approach_id INTEGER REFERENCES approach(id) ON DELETE SET NULL,"
	" criterion_id INTEGER REFERENCES criterion(id) ON DELETE SET NULL,"
	" scope_key TEXT,"
	" follows INTEGER NOT NULL DEFAULT 0,"
	" state TEXT NOT NULL DEFAULT 'open',"
	" opened_by TEXT NOT NULL, opened_at INTEGER NOT NULL,"
	" revealed_by TEXT, revealed_at INTEGER,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, number));",
	"CREATE TABLE round_cell("
	" round_id INTEGER NOT NULL"
	"  REFERENCES vote_round(id) ON DELETE CASCADE,"
	" approach_id INTEGER NOT NULL"
	"  REFERENCES approach(id) ON DELETE CASCADE,"
	" criterion_id INTEGER NOT NULL"
	"  REFERENCES criterion(id) ON DELETE CASCADE,"
	" PRIMARY KEY (round_id, approach_id, criterion_id));",
	"CREATE TABLE agenda("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL, pos INTEGER NOT NULL,"
	" planned INTEGER NOT NULL DEFAULT 0 CHECK (planned >= 0),"
	" spent INTEGER NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE(workshop_id, stage));",
	"CREATE TABLE room_timer("
	" workshop_id INTEGER PRIMARY KEY"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'stopped',"
	" ends_at INTEGER, remaining INTEGER, started_at INTEGER,"
	" duration INTEGER NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1);",
	"CREATE TABLE ready_mark("
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant TEXT NOT NULL, stage TEXT NOT NULL, at INTEGER NOT NULL,"
	" PRIMARY KEY (workshop_id, participant, stage));",
	"CREATE TABLE parking("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL"
	"  REFERENCES workshop(id) ON DELETE CASCADE,"
	" text TEXT NOT NULL, added_by TEXT NOT NULL, added_at INTEGER NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'open', next_step TEXT,"
	" version INTEGER NOT NULL DEFAULT 1);",
	"CREATE INDEX vote_round_approach ON vote_round(approach_id);",
	"CREATE INDEX vote_round_criterion ON vote_round(criterion_id);",
	"CREATE INDEX round_cell_approach ON round_cell(approach_id);",
	"CREATE INDEX round_cell_criterion ON round_cell(criterion_id);",
	"CREATE INDEX parking_ws ON parking(workshop_id, id);",
	NULL
};

/* Version 5: what an imported ADR file says beyond the fields (its status
 * word, unsorted consequences) and the file itself (store_adr.c). */
static const char *const schema_v5[] = {
	"ALTER TABLE decision ADD COLUMN status_text TEXT;",
	"ALTER TABLE decision ADD COLUMN consequences TEXT;",
	"CREATE TABLE decision_file("
	" decision_id INTEGER PRIMARY KEY"
	"  REFERENCES decision(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL, folder TEXT, source TEXT NOT NULL, sums TEXT);",
	NULL
};

/* Version 6: what each session is editing now (the draft key of its open
 * editor, "risk:12:mitigation"), so that deleting a row someone is typing
 * into can say so first. */
static const char *const schema_v6[] = {
	"ALTER TABLE presence ADD COLUMN editing TEXT;",
	NULL
};

static const char *const *const migrations[STORE_SCHEMA_VERSION] = {
	schema_v1,   /* 0 -> 1: the initial schema */
	schema_v2,   /* 1 -> 2: decision.links, decision.markdown */
	schema_v3,   /* 2 -> 3: accounts, the facilitator role, the trash */
	schema_v4,   /* 3 -> 4: votes per round, the room's tables */
	schema_v5,   /* 4 -> 5: decision.status_text, .consequences, decision_file */
	schema_v6,   /* 5 -> 6: presence.editing */
};

const char *const *store_migration(int64_t version)
{
	return version >= 0 && version < STORE_SCHEMA_VERSION
	       ? migrations[version] : NULL;
}
