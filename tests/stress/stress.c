#include "config.h"
/*
 * stress: the shared-box guarantees under real contention.  Eight writer
 * processes, each with its own store connection on one WAL database, edit
 * the same few fields (so stale versions and conflicts really happen) and
 * fields of their own.  Each writer logs every acknowledged edit and every
 * conflict; afterwards the parent reads the file with plain SQLite and
 * checks that nothing acknowledged was lost, no version was handed out
 * twice, the audit log holds exactly the acknowledged edits, every stale
 * edit was refused, and the file is intact.
 *
 * Environment: CHARRETTE_STRESS_WRITERS (default 8) and
 * CHARRETTE_STRESS_EDITS (default 300 per writer) scale the run.
 */

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model/model.h"
#include "store/store.h"
#include "util/error.h"
#include "util/str.h"

#define MAX_WRITERS 32
#define N_APPROACHES 3
#define N_CRITERIA 4
#define N_CELLS (N_APPROACHES * N_CRITERIA)
#define N_SHARED_CELLS 2

static int passed, failed;

static void check(int ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("%s - ", ok ? "ok" : "not ok");
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
	if (ok)
		passed++;
	else
		failed++;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int env_int(const char *name, int def, int lo, int hi)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return def;
	n = strtol(v, &end, 10);
	if (*end || n < lo || n > hi) {
		fprintf(stderr, "stress: %s=%s is not a number from %d to %d\n",
			name, v, lo, hi);
		exit(2);
	}
	return (int)n;
}

/* ---- the workshop ------------------------------------------------------- */

static const char *const akeys[N_APPROACHES] = { "a1", "a2", "a3" };
static const char *const ckeys[N_CRITERIA] = { "c1", "c2", "c3", "c4" };

static int cell_approach(int cell) { return cell / N_CRITERIA; }
static int cell_criterion(int cell) { return cell % N_CRITERIA; }

/* 3 approaches x 4 criteria, every cell scored, risk R0 shared and one
 * risk of its own per writer (R1..Rn). */
static struct workshop_data *make_workshop(int writers)
{
	struct workshop_data *d = wsdata_new();
	int ok = d != NULL;

	if (!ok)
		return NULL;
	ok = (d->ws.title = str_dup("Stress")) != NULL;
	for (int i = 0; ok && i < N_CRITERIA; i++) {
		struct criterion *c = wsdata_add_criterion(d);

		ok = c && (c->key = str_dup(ckeys[i])) &&
		     (c->name = str_printf("Criterion %d", i + 1));
		if (ok)
			c->weight = i + 1;
	}
	for (int i = 0; ok && i < N_APPROACHES; i++) {
		struct approach *a = wsdata_add_approach(d);

		ok = a && (a->key = str_dup(akeys[i])) &&
		     (a->name = str_printf("Approach %d", i + 1));
	}
	for (int i = 0; ok && i < N_CELLS; i++) {
		struct score *sc = wsdata_add_score(d);

		ok = sc && (sc->approach = str_dup(akeys[cell_approach(i)])) &&
		     (sc->criterion = str_dup(ckeys[cell_criterion(i)]));
		if (ok) {
			sc->has_value = true;
			sc->value = 3;
		}
	}
	for (int i = 0; ok && i <= writers; i++) {
		struct risk *r = wsdata_add_risk(d);

		ok = r && (r->key = str_printf("R%d", i)) &&
		     (r->description = str_printf("risk %d", i));
		if (ok) {
			r->probability = 2;
			r->impact = 3;
			r->status = RISK_OPEN;
		}
	}
	if (!ok)
		wsdata_free(&d);
	return d;
}

/* What a writer edits: shared cells 0..N_SHARED_CELLS-1 and risk R0 are
 * everyone's; cell N_SHARED_CELLS + w and risk R(w+1) are writer w's. */
struct target {
	const char *tbl;      /* "score" or "risk" */
	const char *field;    /* audit field: "value" or "description" */
	int cell;             /* score: cell index; risk: -1 */
	int64_t row;          /* score or risk rowid */
	int64_t version;      /* last version this writer saw */
	bool shared;
};

static const struct score *ws_score(const struct workshop_data *d, int cell)
{
	return wsdata_score(d, akeys[cell_approach(cell)],
			    ckeys[cell_criterion(cell)]);
}

static const struct risk *ws_risk(const struct workshop_data *d, int n)
{
	char key[16];

	snprintf(key, sizeof(key), "R%d", n);
	for (size_t i = 0; i < d->n_risks; i++)
		if (str_eq(d->risks[i].key, key))
			return &d->risks[i];
	return NULL;
}

/* ---- a writer ----------------------------------------------------------- */

struct writer {
	int n;                /* 0-based */
	int edits;
	int64_t ws;
	const char *db;
	const char *log;
	int start_fd;         /* read end of the start barrier */
};

/* Re-read a target's current version the way the UI would after a
 * conflict: scores through the whole aggregate, risks by field. */
static int refresh(struct store *s, int64_t ws, struct target *t,
		   struct error *e)
{
	struct workshop_data *d = NULL;
	char *val = NULL;
	int rc;

	if (str_eq(t->tbl, "risk")) {
		rc = store_get_field(s, "risk", t->row, "description", &val,
				     &t->version, e);
		free(val);
		return rc;
	}
	if ((rc = store_workshop_load(s, ws, &d, e)) < 0)
		return rc;
	{
		const struct score *sc = ws_score(d, t->cell);

		if (!sc)
			rc = err_set(e, ST_NOTFOUND, "cell %d vanished", t->cell);
		else
			t->version = sc->version;
	}
	wsdata_free(&d);
	return rc;
}

static void think(unsigned *seed)
{
	struct timespec ts = { 0, (long)(rand_r(seed) % 300) * 1000L };

	nanosleep(&ts, NULL);
}

static int writer_run(const struct writer *w)
{
	struct target t[N_SHARED_CELLS + 3];
	struct workshop_data *d = NULL;
	struct store *s = NULL;
	struct error e;
	unsigned seed = (unsigned)(w->n * 7919 + 17);
	char who[32], buf;
	double slowest = 0;
	int rc, bad = 0;
	size_t nt = 0;
	FILE *log;

	err_clear(&e);
	snprintf(who, sizeof(who), "stress-%d", w->n);
	if (!(log = fopen(w->log, "w"))) {
		fprintf(stderr, "%s: %s\n", w->log, strerror(errno));
		return 1;
	}
	if ((rc = store_open(&s, w->db, 0, who, &e)) < 0 ||
	    (rc = store_workshop_load(s, w->ws, &d, &e)) < 0) {
		fprintf(log, "error open %d %s\n", rc, e.msg);
		fclose(log);
		store_close(&s);
		return 1;
	}
	for (int c = 0; c < N_SHARED_CELLS; c++)
		t[nt++] = (struct target){ "score", "value", c,
					   ws_score(d, c)->id,
					   ws_score(d, c)->version, true };
	t[nt++] = (struct target){ "risk", "description", -1,
				   ws_risk(d, 0)->id, ws_risk(d, 0)->version,
				   true };
	t[nt++] = (struct target){ "score", "value", N_SHARED_CELLS + w->n,
				   ws_score(d, N_SHARED_CELLS + w->n)->id,
				   ws_score(d, N_SHARED_CELLS + w->n)->version,
				   false };
	t[nt++] = (struct target){ "risk", "description", -1,
				   ws_risk(d, w->n + 1)->id,
				   ws_risk(d, w->n + 1)->version, false };
	wsdata_free(&d);

	/* Wait until every writer is ready, then all start at once. */
	while (read(w->start_fd, &buf, 1) < 0 && errno == EINTR)
		;
	close(w->start_fd);

	for (int i = 0; i < w->edits; i++) {
		/* Even edits go to the shared targets, odd ones to our own. */
		struct target *x = i % 2 == 0 ? &t[(i / 2) % (N_SHARED_CELLS + 1)]
					       : &t[N_SHARED_CELLS + 1 +
						    (i / 2) % 2];
		char text[64];
		int64_t nv = -1;
		double t0;

		err_clear(&e);
		if (x->shared)
			think(&seed);
		t0 = now_s();
		if (str_eq(x->tbl, "score")) {
			/* Unique per (writer, edit), within the 1..5 scale. */
			double v = 1.0 + (w->n * 10000 + i + 1) / 1e6;

			str_number(text, sizeof(text), v);
			rc = store_score_set(s, w->ws, akeys[cell_approach(x->cell)],
					     ckeys[cell_criterion(x->cell)], &v,
					     x->version, &nv, &e);
		} else {
			snprintf(text, sizeof(text), "w%d-e%d", w->n, i);
			rc = store_update(s, "risk", x->row, "description", text,
					  x->version, &nv, &e);
		}
		if (now_s() - t0 > slowest)
			slowest = now_s() - t0;
		if (rc == ST_OK) {
			fprintf(log, "ack %s %" PRId64 " %s %" PRId64 " %" PRId64
				" %s\n", x->tbl, x->row, x->field, x->version,
				nv, text);
			x->version = nv;
		} else if (rc == ST_CONFLICT) {
			fprintf(log, "conflict %s %" PRId64 " %s %" PRId64 " %d\n",
				x->tbl, x->row, x->field, x->version,
				x->shared);
			/* Take theirs: the next edit starts from it. */
			if ((rc = refresh(s, w->ws, x, &e)) < 0) {
				fprintf(log, "error refresh %d %s\n", rc, e.msg);
				bad = 1;
			}
		} else {
			fprintf(log, "%s %s %" PRId64 " %d %s\n",
				rc == ST_BUSY ? "busy" : "error", x->tbl,
				x->row, rc, e.msg);
			bad = 1;
		}
	}
	store_close(&s);
	fprintf(log, "slowest %.6f\n", slowest);
	if (fclose(log) != 0) {
		fprintf(stderr, "%s: %s\n", w->log, strerror(errno));
		return 1;
	}
	return bad;
}

/* ---- the parent's checks ------------------------------------------------ */

struct ack {
	int writer;
	int seq;              /* order in that writer's log */
	char tbl[8];
	int64_t row;
	char field[16];
	int64_t expect;       /* the version the edit started from */
	int64_t version;      /* the version it got */
	char value[64];
};

struct conflict {
	char tbl[8];
	int64_t row;
	int64_t expect;
};

struct tally {
	struct ack *acks;
	size_t n_acks, cap;
	struct conflict *conflicts;
	size_t n_conflicts, cap_conflicts;
	long conflicts_shared, conflicts_own, busy, errors;
	long conflicts_tbl[2];   /* shared score cells, shared risk */
	double slowest;          /* longest single edit, seconds */
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap * 2 : 1024;
	void *q;

	if (n < *cap)
		return p;
	if (!(q = realloc(p, c * size)))
		return NULL;
	*cap = c;
	return q;
}

static int read_log(const char *path, int writer, struct tally *t)
{
	char line[1200], kind[16], tbl[8], field[16], value[64];
	int64_t row, expect, version;
	double slowest;
	int seq = 0, shared;
	FILE *f = fopen(path, "r");

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%15s", kind) != 1)
			continue;
		if (strcmp(kind, "ack") == 0 &&
		    sscanf(line, "ack %7s %" SCNd64 " %15s %" SCNd64 " %" SCNd64
			   " %63s", tbl, &row, field, &expect, &version,
			   value) == 6) {
			struct ack *a, *p = grow(t->acks, &t->cap, t->n_acks,
						 sizeof(*p));

			if (!p) {
				fclose(f);
				return -1;
			}
			t->acks = p;
			a = &t->acks[t->n_acks++];
			a->expect = expect;
			a->writer = writer;
			a->seq = seq++;
			snprintf(a->tbl, sizeof(a->tbl), "%s", tbl);
			a->row = row;
			snprintf(a->field, sizeof(a->field), "%s", field);
			a->version = version;
			snprintf(a->value, sizeof(a->value), "%s", value);
		} else if (strcmp(kind, "conflict") == 0 &&
			   sscanf(line, "conflict %7s %" SCNd64 " %15s %" SCNd64
				  " %d", tbl, &row, field, &expect,
				  &shared) == 5) {
			struct conflict *p = grow(t->conflicts,
						  &t->cap_conflicts,
						  t->n_conflicts, sizeof(*p));

			if (!p) {
				fclose(f);
				return -1;
			}
			t->conflicts = p;
			p = &t->conflicts[t->n_conflicts++];
			snprintf(p->tbl, sizeof(p->tbl), "%s", tbl);
			p->row = row;
			p->expect = expect;
			if (shared) {
				t->conflicts_shared++;
				t->conflicts_tbl[str_eq(tbl, "risk")]++;
			} else {
				t->conflicts_own++;
			}
		} else if (strcmp(kind, "slowest") == 0 &&
			   sscanf(line, "slowest %lf", &slowest) == 1) {
			if (slowest > t->slowest)
				t->slowest = slowest;
		} else if (strcmp(kind, "busy") == 0) {
			t->busy++;
			printf("# writer %d: %s", writer, line);
		} else {
			t->errors++;
			printf("# writer %d: %s", writer, line);
		}
	}
	fclose(f);
	return 0;
}

static int ack_cmp(const void *pa, const void *pb)
{
	const struct ack *a = pa, *b = pb;
	int c = strcmp(a->tbl, b->tbl);

	if (c)
		return c;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->version != b->version)
		return a->version < b->version ? -1 : 1;
	return 0;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "stress: %s: %s\n", sql, sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Text of a column as the store's API shows it. */
static void column_api_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	if (sqlite3_column_type(st, col) == SQLITE_FLOAT ||
	    sqlite3_column_type(st, col) == SQLITE_INTEGER)
		str_number(buf, size, sqlite3_column_double(st, col));
	else if (sqlite3_column_type(st, col) == SQLITE_NULL)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%s",
			 (const char *)sqlite3_column_text(st, col));
}

/* Every acknowledged edit is in the audit log, once, under its writer. */
static void check_audit(sqlite3 *db, const struct tally *t)
{
	sqlite3_stmt *st = prep(db, "SELECT count(*) FROM audit WHERE who = ?1 "
				"AND tbl = ?2 AND row_id = ?3 AND field = ?4 "
				"AND new_value = ?5");
	size_t missing = 0;
	int64_t total = -1;
	char who[32];

	if (!st) {
		check(0, "audit query");
		return;
	}
	for (size_t i = 0; i < t->n_acks; i++) {
		const struct ack *a = &t->acks[i];

		snprintf(who, sizeof(who), "stress-%d", a->writer);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, who, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, a->row);
		sqlite3_bind_text(st, 4, a->field, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, a->value, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1) {
			if (missing++ < 5)
				printf("# not audited once: %s %s %" PRId64
				       " %s = %s\n", who, a->tbl, a->row,
				       a->field, a->value);
		}
	}
	sqlite3_finalize(st);
	check(missing == 0, "every acknowledged edit is in the audit log "
	      "exactly once (%zu missing)", missing);

	st = prep(db, "SELECT count(*) FROM audit WHERE who LIKE 'stress-%'");
	if (st && sqlite3_step(st) == SQLITE_ROW)
		total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	check(total == (int64_t)t->n_acks, "the audit log holds no edit that "
	      "was not acknowledged (%" PRId64 " rows, %zu acks)", total,
	      t->n_acks);
}

/* Rows edited, acks sorted by (tbl, row, version): versions unique and
 * gap-free from 2 up, final row = newest ack, audit old/new values chain. */
static void check_rows(sqlite3 *db, struct tally *t)
{
	sqlite3_stmt *sc = prep(db, "SELECT value, version FROM score "
				"WHERE id = ?1");
	sqlite3_stmt *rk = prep(db, "SELECT description, version FROM risk "
				"WHERE id = ?1");
	sqlite3_stmt *au = prep(db, "SELECT old_value, new_value FROM audit "
				"WHERE tbl = ?1 AND row_id = ?2 AND field = ?3 "
				"ORDER BY id");
	size_t dups = 0, gaps = 0, wrong_final = 0, broken_chain = 0, rows = 0;
	size_t stale = 0, false_conflicts = 0;

	if (!sc || !rk || !au) {
		check(0, "row queries");
		goto out;
	}
	qsort(t->acks, t->n_acks, sizeof(*t->acks), ack_cmp);
	for (size_t i = 0; i < t->n_acks;) {
		size_t j = i;
		const struct ack *last;
		sqlite3_stmt *st;
		char cur[128], prev[128];
		int64_t version;

		while (j < t->n_acks && str_eq(t->acks[j].tbl, t->acks[i].tbl) &&
		       t->acks[j].row == t->acks[i].row)
			j++;
		rows++;
		/* Every row started at version 1 and only acknowledged edits
		 * touched it, so their versions must be exactly 2, 3, ... */
		for (size_t k = i; k < j; k++) {
			int64_t want = k == i ? 2 : t->acks[k - 1].version + 1;

			if (k > i && t->acks[k].version == t->acks[k - 1].version) {
				if (dups++ < 5)
					printf("# version %" PRId64 " of %s %" PRId64
					       " acknowledged twice (writers %d "
					       "and %d)\n", t->acks[k].version,
					       t->acks[k].tbl, t->acks[k].row,
					       t->acks[k - 1].writer,
					       t->acks[k].writer);
			} else if (t->acks[k].version != want) {
				gaps++;
			}
			/* Accepted only when started from the version before. */
			if (t->acks[k].version != t->acks[k].expect + 1 &&
			    stale++ < 5)
				printf("# %s %" PRId64 " v%" PRId64 " was accepted "
				       "from stale v%" PRId64 " (writer %d)\n",
				       t->acks[k].tbl, t->acks[k].row,
				       t->acks[k].version, t->acks[k].expect,
				       t->acks[k].writer);
		}
		/* A refused edit really was stale: someone got past it. */
		for (size_t k = 0; k < t->n_conflicts; k++) {
			const struct conflict *c = &t->conflicts[k];

			if (c->row == t->acks[i].row &&
			    str_eq(c->tbl, t->acks[i].tbl) &&
			    c->expect >= t->acks[j - 1].version &&
			    false_conflicts++ < 5)
				printf("# %s %" PRId64 " refused at v%" PRId64
				       " though no edit went past it\n",
				       c->tbl, c->row, c->expect);
		}
		last = &t->acks[j - 1];
		st = str_eq(last->tbl, "score") ? sc : rk;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, last->row);
		if (sqlite3_step(st) != SQLITE_ROW) {
			wrong_final++;
		} else {
			column_api_text(st, 0, cur, sizeof(cur));
			version = sqlite3_column_int64(st, 1);
			if (!str_eq(cur, last->value) || version != last->version) {
				if (wrong_final++ < 5)
					printf("# %s %" PRId64 " ends as '%s' v%"
					       PRId64 ", newest ack '%s' v%" PRId64
					       "\n", last->tbl, last->row, cur,
					       version, last->value,
					       last->version);
			}
		}
		/* Each audited change starts from the value the one before
		 * left: no update was lost between read and write. */
		sqlite3_reset(au);
		sqlite3_bind_text(au, 1, last->tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(au, 2, last->row);
		sqlite3_bind_text(au, 3, last->field, -1, SQLITE_STATIC);
		prev[0] = '\0';
		for (int n = 0; sqlite3_step(au) == SQLITE_ROW; n++) {
			column_api_text(au, 0, cur, sizeof(cur));
			if (n > 0 && !str_eq(cur, prev))
				broken_chain++;
			column_api_text(au, 1, prev, sizeof(prev));
		}
		i = j;
	}
	check(dups == 0, "no two acknowledged edits got the same (row, version) "
	      "(%zu duplicates)", dups);
	check(stale == 0, "every acknowledged edit started from the version "
	      "just before its own (%zu stale edits accepted)", stale);
	check(false_conflicts == 0, "every refused edit was really stale "
	      "(%zu were not)", false_conflicts);
	check(gaps == 0, "acknowledged versions of each row are 2, 3, ... "
	      "without gaps (%zu gaps)", gaps);
	check(wrong_final == 0, "each of the %zu edited rows ends with its "
	      "newest acknowledged value and version", rows);
	check(broken_chain == 0, "each audited change starts from the value "
	      "the previous one left (%zu breaks)", broken_chain);
out:
	sqlite3_finalize(sc);
	sqlite3_finalize(rk);
	sqlite3_finalize(au);
}

/* A writer's own rows (its cell, its risk) were acknowledged to it alone and
 * end with its own last acknowledged edit. */
static void check_own(sqlite3 *db, const struct tally *t, int writers)
{
	sqlite3_stmt *cell = prep(db, "SELECT s.id, s.value FROM score s "
				  "JOIN approach a ON a.id = s.approach_id "
				  "JOIN criterion c ON c.id = s.criterion_id "
				  "WHERE a.key = ?1 AND c.key = ?2");
	sqlite3_stmt *risk = prep(db, "SELECT id, description FROM risk "
				  "WHERE key = ?1");
	size_t lost = 0, foreign = 0, checked = 0;

	if (!cell || !risk) {
		check(0, "own-row queries");
		goto out;
	}
	for (int w = 0; w < writers; w++) {
		for (int kind = 0; kind < 2; kind++) {
			sqlite3_stmt *st = kind ? risk : cell;
			const char *tbl = kind ? "risk" : "score";
			const struct ack *last = NULL;
			char cur[128], key[16];
			int c = N_SHARED_CELLS + w;
			int64_t row;

			sqlite3_reset(st);
			if (kind) {
				snprintf(key, sizeof(key), "R%d", w + 1);
				sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_text(st, 1, akeys[cell_approach(c)],
						  -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 2, ckeys[cell_criterion(c)],
						  -1, SQLITE_STATIC);
			}
			if (sqlite3_step(st) != SQLITE_ROW) {
				lost++;
				continue;
			}
			row = sqlite3_column_int64(st, 0);
			column_api_text(st, 1, cur, sizeof(cur));
			for (size_t i = 0; i < t->n_acks; i++) {
				const struct ack *a = &t->acks[i];

				if (a->row != row || !str_eq(a->tbl, tbl))
					continue;
				if (a->writer != w)
					foreign++;
				else if (!last || a->seq > last->seq)
					last = a;
			}
			checked++;
			if (!last || !str_eq(cur, last->value)) {
				lost++;
				printf("# writer %d's own %s %" PRId64 " is '%s', "
				       "its last edit was '%s'\n", w, tbl, row,
				       cur, last ? last->value : "(none)");
			}
		}
	}
	check(foreign == 0, "no writer's edit landed on another's own rows "
	      "(%zu did)", foreign);
	check(lost == 0 && checked == (size_t)writers * 2,
	      "every writer's own rows hold its last acknowledged edit "
	      "(%zu rows, %zu lost)", checked, lost);
out:
	sqlite3_finalize(cell);
	sqlite3_finalize(risk);
}

static void check_integrity(sqlite3 *db)
{
	sqlite3_stmt *st = prep(db, "PRAGMA integrity_check");
	const char *r = NULL;
	int rows = 0;

	if (!st) {
		check(0, "integrity_check ran");
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		rows++;
		r = (const char *)sqlite3_column_text(st, 0);
		if (!str_eq(r, "ok"))
			printf("# integrity: %s\n", r ? r : "(null)");
	}
	check(rows == 1 && str_eq(r, "ok"), "PRAGMA integrity_check is ok");
	sqlite3_finalize(st);
}

/* ---- main --------------------------------------------------------------- */

static int setup(const char *db, int writers, int64_t *ws)
{
	struct workshop_data *d = make_workshop(writers);
	struct store *s = NULL;
	struct error e;
	int rc;

	err_clear(&e);
	if (!d) {
		fprintf(stderr, "stress: out of memory\n");
		return -1;
	}
	rc = store_open(&s, db, 0, "setup", &e);
	if (rc == ST_OK)
		rc = store_workshop_import(s, d, ws, &e);
	if (rc < 0)
		fprintf(stderr, "stress: setup: %s\n", e.msg);
	store_close(&s);
	wsdata_free(&d);
	return rc;
}

static void cleanup_dir(const char *dir, int writers)
{
	static const char *const files[] = { "team.db", "team.db-wal",
					     "team.db-shm", "team.db-journal" };
	char path[512];

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	for (int w = 0; w < writers; w++) {
		snprintf(path, sizeof(path), "%s/writer-%d.log", dir, w);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	int writers = env_int("CHARRETTE_STRESS_WRITERS", 8, 2, MAX_WRITERS);
	int edits = env_int("CHARRETTE_STRESS_EDITS", 300, 6, 100000);
	const char *tmp = getenv("TMPDIR");
	char dir[256], db[300], logs[MAX_WRITERS][300];
	pid_t pids[MAX_WRITERS];
	struct tally t = { 0 };
	int barrier[2], child_failures = 0;
	sqlite3 *raw = NULL;
	int64_t ws = 0;
	double t0, elapsed;

	snprintf(dir, sizeof(dir), "%s/charrette-stress-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("stress: mkdtemp");
		return 1;
	}
	snprintf(db, sizeof(db), "%s/team.db", dir);
	if (setup(db, writers, &ws) < 0) {
		cleanup_dir(dir, writers);
		return 1;
	}
	if (pipe(barrier) != 0) {
		perror("stress: pipe");
		cleanup_dir(dir, writers);
		return 1;
	}
	fflush(stdout);
	fflush(stderr);
	for (int w = 0; w < writers; w++) {
		snprintf(logs[w], sizeof(logs[w]), "%s/writer-%d.log", dir, w);
		pids[w] = fork();
		if (pids[w] < 0) {
			perror("stress: fork");
			writers = w;
			break;
		}
		if (pids[w] == 0) {
			struct writer wr = { w, edits, ws, db, logs[w],
					     barrier[0] };

			close(barrier[1]);
			exit(writer_run(&wr));
		}
	}
	close(barrier[0]);
	/* Writers open their connections, then block on the barrier;
	 * closing it starts them all together. */
	t0 = now_s();
	close(barrier[1]);
	for (int w = 0; w < writers; w++) {
		int status;

		while (waitpid(pids[w], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			child_failures++;
			printf("# writer %d ended with status %#x\n", w, status);
		}
	}
	elapsed = now_s() - t0;
	check(child_failures == 0, "all %d writers finished cleanly", writers);

	for (int w = 0; w < writers; w++)
		if (read_log(logs[w], w, &t) < 0)
			child_failures++;
	check(child_failures == 0, "every writer's log was read");
	check(t.busy == 0, "no edit came back busy (%ld did)", t.busy);
	check(t.errors == 0, "no edit failed otherwise (%ld did)", t.errors);
	check(t.conflicts_shared > 0, "stale edits of shared fields were "
	      "refused (%ld conflicts)", t.conflicts_shared);
	check(t.conflicts_tbl[0] > 0 && t.conflicts_tbl[1] > 0,
	      "conflicts hit both shared score cells (%ld) and the shared "
	      "risk (%ld)", t.conflicts_tbl[0], t.conflicts_tbl[1]);
	check(t.conflicts_own == 0, "edits of a writer's own rows never "
	      "conflicted (%ld did)", t.conflicts_own);
	check(t.n_acks + (size_t)t.conflicts_shared + (size_t)t.conflicts_own ==
	      (size_t)writers * (size_t)edits,
	      "every edit was either acknowledged or refused");

	if (sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		check(0, "open %s: %s", db, sqlite3_errmsg(raw));
	} else {
		sqlite3_busy_timeout(raw, 5000);
		check_audit(raw, &t);
		check_rows(raw, &t);
		check_own(raw, &t, writers);
		check_integrity(raw);
	}
	sqlite3_close(raw);

	printf("# %d writers x %d edits: %zu acknowledged, %ld conflicts, "
	       "%.2f s (%.0f edits/s), slowest edit %.0f ms\n", writers, edits,
	       t.n_acks, t.conflicts_shared + t.conflicts_own, elapsed,
	       elapsed > 0 ? (double)t.n_acks / elapsed : 0.0,
	       t.slowest * 1e3);
	free(t.acks);
	free(t.conflicts);
	cleanup_dir(dir, writers);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
