#include "config.h"
/*
 * bench: how fast the store takes edits on one shared database.  For 1, 2,
 * 4 and 8 writer processes (each its own connection, as on the shared
 * box), every writer makes EDITS edits of its own score cell and risk as
 * fast as it can; prints edits per second and the latency of one edit
 * (p50, p95, p99, max).  Not a test: no assertions, figures only.
 *
 *   make tests/stress/bench && tests/stress/bench [EDITS]
 *
 * The database lives in $TMPDIR (default /tmp): put it on the disk the
 * shared box really uses to measure fsync costs.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model/model.h"
#include "store/store.h"
#include "util/error.h"
#include "util/str.h"

#define MAX_WRITERS 8

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One approach "a", criteria "c0".."c7", risks "R0".."R7". */
static int setup(const char *db, int64_t *ws)
{
	struct workshop_data *d = wsdata_new();
	struct store *s = NULL;
	struct error e;
	struct approach *a;
	int ok = d != NULL, rc = -1;

	err_clear(&e);
	ok = ok && (d->ws.title = str_dup("Bench")) &&
	     (a = wsdata_add_approach(d)) && (a->key = str_dup("a")) &&
	     (a->name = str_dup("A"));
	for (int i = 0; ok && i < MAX_WRITERS; i++) {
		struct criterion *c = wsdata_add_criterion(d);
		struct risk *r = wsdata_add_risk(d);

		ok = c && r && (c->key = str_printf("c%d", i)) &&
		     (c->name = str_printf("C%d", i)) &&
		     (r->key = str_printf("R%d", i)) &&
		     (r->description = str_dup("risk"));
		if (ok) {
			c->weight = 1;
			r->probability = r->impact = 3;
		}
	}
	if (ok && (rc = store_open(&s, db, 0, "bench", &e)) == ST_OK)
		rc = store_workshop_import(s, d, ws, &e);
	if (rc < 0)
		fprintf(stderr, "bench: setup: %s\n", ok ? e.msg : "out of memory");
	store_close(&s);
	wsdata_free(&d);
	return rc;
}

/* Writer n: alternately its score cell and its risk's description. */
static int writer(const char *db, int64_t ws, int n, int edits, double *lat,
		  int start_fd)
{
	struct workshop_data *d = NULL;
	struct store *s = NULL;
	struct error e;
	int64_t cell_v = 0, risk_v = 0, risk_id = 0;
	char who[32], crit[16], text[48], buf;
	int rc;

	err_clear(&e);
	snprintf(who, sizeof(who), "bench-%d", n);
	snprintf(crit, sizeof(crit), "c%d", n);
	if (store_open(&s, db, 0, who, &e) < 0 ||
	    store_workshop_load(s, ws, &d, &e) < 0) {
		fprintf(stderr, "bench: writer %d: %s\n", n, e.msg);
		store_close(&s);
		return 1;
	}
	risk_id = d->risks[n].id;
	risk_v = d->risks[n].version;
	wsdata_free(&d);
	while (read(start_fd, &buf, 1) < 0 && errno == EINTR)
		;
	for (int i = 0; i < edits; i++) {
		double t0 = now_s(), v = 1 + (i % 400) / 100.0 + 0.001;

		if (i % 2 == 0) {
			rc = store_score_set(s, ws, "a", crit, &v, cell_v,
					     &cell_v, &e);
		} else {
			snprintf(text, sizeof(text), "edit %d", i);
			rc = store_update(s, "risk", risk_id, "description",
					  text, risk_v, &risk_v, &e);
		}
		lat[i] = now_s() - t0;
		if (rc < 0) {
			fprintf(stderr, "bench: writer %d edit %d: %s\n", n, i,
				e.msg);
			store_close(&s);
			return 1;
		}
	}
	store_close(&s);
	return 0;
}

static int run(int writers, int edits, double *lat)
{
	char dir[256], db[300], path[320];
	const char *tmp = getenv("TMPDIR");
	pid_t pids[MAX_WRITERS];
	int barrier[2], bad = 0;
	int64_t ws = 0;
	size_t n = (size_t)writers * (size_t)edits;
	double t0, elapsed;

	snprintf(dir, sizeof(dir), "%s/charrette-bench-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("bench: mkdtemp");
		return -1;
	}
	snprintf(db, sizeof(db), "%s/team.db", dir);
	if (setup(db, &ws) < 0 || pipe(barrier) != 0) {
		bad = 1;
		goto out;
	}
	fflush(stdout);
	for (int w = 0; w < writers; w++) {
		if ((pids[w] = fork()) < 0) {
			perror("bench: fork");
			writers = w;
			bad = 1;
			break;
		}
		if (pids[w] == 0) {
			close(barrier[1]);
			_exit(writer(db, ws, w, edits, lat + (size_t)w * edits,
				     barrier[0]));
		}
	}
	close(barrier[0]);
	usleep(200000);   /* let every writer open its connection */
	t0 = now_s();
	close(barrier[1]);
	for (int w = 0; w < writers; w++) {
		int status;

		while (waitpid(pids[w], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			bad = 1;
	}
	elapsed = now_s() - t0;
	if (!bad) {
		qsort(lat, n, sizeof(*lat), cmp_double);
		printf("%7d  %8.0f  %8.2f  %8.2f  %8.2f  %8.2f\n", writers,
		       (double)n / elapsed, lat[n / 2] * 1e3,
		       lat[n * 95 / 100] * 1e3, lat[n * 99 / 100] * 1e3,
		       lat[n - 1] * 1e3);
	}
out:
	snprintf(path, sizeof(path), "%s-wal", db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", db);
	unlink(path);
	unlink(db);
	rmdir(dir);
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	static const int counts[] = { 1, 2, 4, 8 };
	int edits = argc > 1 ? atoi(argv[1]) : 400;
	size_t size;
	double *lat;
	int rc = 0;

	if (edits < 2 || edits > 1000000) {
		fprintf(stderr, "usage: %s [EDITS per writer, default 400]\n",
			argv[0]);
		return 2;
	}
	size = (size_t)MAX_WRITERS * (size_t)edits * sizeof(double);
	lat = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (lat == MAP_FAILED) {
		perror("bench: mmap");
		return 1;
	}
	printf("# %d edits per writer, each its own connection and rows; "
	       "latency of one edit in ms\n", edits);
	printf("%7s  %8s  %8s  %8s  %8s  %8s\n", "writers", "edits/s", "p50",
	       "p95", "p99", "max");
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		if (run(counts[i], edits, lat) < 0)
			rc = 1;
	munmap(lat, size);
	return rc;
}
