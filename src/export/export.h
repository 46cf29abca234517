/*
 * export: a workshop as Markdown (and CSV) documents.  One entry point,
 * export_run(), is shared by `charrette export` and the terminal UI; the
 * buffer-level writers below it are public so that tests (and previews)
 * can render a document without touching the file system.
 *
 * Formats: report (one architecture report), adr (adr-tools / Nygard files
 * plus a README.md index), madr (MADR 4 files plus the same index), risks
 * and metrics (the tables alone, Markdown), risks-csv and metrics-csv
 * (RFC 4180 CSV with CRLF line ends).  yaml and json are not written here
 * (see export/interchange.h).
 *
 * The knowledge `k` may always be NULL: questions, sections, criteria and
 * metrics are then shown by their ids, and no DORA bands are given.
 */
#ifndef CHARRETTE_EXPORT_H
#define CHARRETTE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/knowledge.h"
#include "model/model.h"
#include "util/str.h"

struct error;

enum export_flags {
	EXPORT_FORCE = 1 << 0,  /* replace existing files that differ */
	/* People as recorded ("bob (via root)" as bob), without asking the
	 * system for their full names: output that does not depend on the
	 * machine's accounts (tests, reproducible builds). */
	EXPORT_RECORDED_NAMES = 1 << 1,
};

enum export_format {
	EXPORT_REPORT = 0,
	EXPORT_ADR,
	EXPORT_MADR,
	EXPORT_RISKS,
	EXPORT_METRICS,
	EXPORT_RISKS_CSV,
	EXPORT_METRICS_CSV,
	EXPORT_FORMAT_COUNT
};

/* The folder ADR formats write to when no path is given. */
#define EXPORT_ADR_DIR "doc/adr"

/* "report", "adr", ... ; "csv" is accepted as "risks-csv". */
int export_format_from_id(const char *s, enum export_format *out);
const char *export_format_id(enum export_format f);
/* True for the formats that write a folder of files. */
bool export_format_is_dir(enum export_format f);
/* The file name used when -o names an existing folder ("report.md"). */
const char *export_default_name(enum export_format f);

/*
 * Render `format` and write it.  Single-file formats go to standard output
 * when path is NULL; when path is an existing folder (or ends in "/") the
 * file gets its default name in it.  adr and madr write a folder (default
 * EXPORT_ADR_DIR).  Missing folders are created.  Files are written
 * atomically; a symlink at a target is refused; a differing existing file
 * is refused (ST_INPUT, nothing written at all) unless EXPORT_FORCE.
 * `written` (may be NULL) gets the path of every file now in place.
 */
int export_run(const struct workshop_data *d, const struct knowledge *k,
	       const char *format, const char *path, int flags,
	       struct strv *written, struct error *e);

/* ---- buffer-level writers (append to out; 0 or ST_ERROR on OOM) ------ */
/* Any single-file format (ST_INPUT for adr and madr); _with takes the
 * flags of export_run that change the text (EXPORT_RECORDED_NAMES). */
int export_render(const struct workshop_data *d, const struct knowledge *k,
		  enum export_format f, struct buf *out, struct error *e);
int export_render_with(const struct workshop_data *d,
		       const struct knowledge *k, enum export_format f,
		       int flags, struct buf *out, struct error *e);
/* The report and the risk register name people by their full names (see
 * x_person in helpers.h) unless flags hold EXPORT_RECORDED_NAMES. */
int export_report(const struct workshop_data *d, const struct knowledge *k,
		  struct buf *out, struct error *e);
int export_report_with(const struct workshop_data *d,
		       const struct knowledge *k, int flags, struct buf *out,
		       struct error *e);
int export_risks_md(const struct workshop_data *d, struct buf *out,
		    struct error *e);
int export_risks_md_with(const struct workshop_data *d, int flags,
			 struct buf *out, struct error *e);
int export_metrics_md(const struct workshop_data *d,
		      const struct knowledge *k, struct buf *out,
		      struct error *e);
int export_risks_csv(const struct workshop_data *d, struct buf *out,
		     struct error *e);
int export_metrics_csv(const struct workshop_data *d,
		       const struct knowledge *k, struct buf *out,
		       struct error *e);

/*
 * Where each decision goes in an ADR folder, and what else is there.
 * Numbers continue after the highest NNNN-*.md number found in the folder;
 * files an earlier export of the same workshop wrote (recognised by the
 * marker comment at their end) keep their number and file name.
 */
struct adr_entry {
	int number;
	char *file;        /* base name, "0003-use-argo-cd.md" */
	char *title;
	char *status;      /* as shown in the index ("Accepted", ...) */
	char *date;
	int decision;      /* index into d->decisions, -1 for other files */
	bool exists;       /* the file is in the folder already */
	bool markdown;     /* the title is Markdown source (an imported
			      decision), not typed text */
	bool madr;         /* the file is in a MADR layout */
};

struct adr_plan {
	struct adr_entry *v;   /* ours first (decision order), then others */
	size_t n;
	size_t n_ours;
	bool index_ours;       /* README.md is absent or one we wrote */
	/* Lookups computed once (the writers run them for every link):
	 * `order` lists the indices of ours in v by decision number;
	 * superseder[i] is the decision superseding decisions[i] (or -1),
	 * and the decisions whose superseded_by names decisions[i] are
	 * sup_first[i], then sup_next[j] of each (-1 ends). */
	size_t *order;
	int *superseder;
	int *sup_first;
	int *sup_next;
};

/* Plan an export into dir (NULL: an empty folder); both layouts number
 * and name their files alike. */
int export_adr_plan(const struct workshop_data *d, const char *dir,
		    struct adr_plan *plan, struct error *e);
void export_adr_plan_clear(struct adr_plan *plan);
/* One decision (d->decisions[i]) in the adr-tools / MADR layout. */
int export_adr_one(const struct workshop_data *d, const struct knowledge *k,
		   const struct adr_plan *plan, size_t i, struct buf *out,
		   struct error *e);
int export_madr_one(const struct workshop_data *d,
		    const struct knowledge *k, const struct adr_plan *plan,
		    size_t i, struct buf *out, struct error *e);
/* The README.md index of every ADR in the plan. */
int export_adr_index(const struct adr_plan *plan, struct buf *out,
		     struct error *e);

#endif
