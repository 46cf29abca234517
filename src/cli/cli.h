/*
 * cli: the command-line verbs.  Each verb gets the parsed global options in
 * a struct cli_ctx and its own arguments (argv[0] is the verb), and returns
 * the process exit code: 0 ok, 1 runtime failure, 2 usage or input error.
 * Messages go to ctx->err as "charrette: FILE:LINE:COL: message".
 */
#ifndef CHARRETTE_CLI_H
#define CHARRETTE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "util/error.h"

struct store;
struct knowledge;
struct session;
struct sess_result;

struct cli_ctx {
	const char *db_path;       /* resolved --db / $CHARRETTE_DB / XDG */
	const char *extra_data;    /* --data DIR, or NULL */
	const char *who;           /* participant name for the audit log */
	bool read_only;
	FILE *out;
	FILE *err;
	struct store *store;       /* opened on first use by cli_store() */
	/* True once SIGINT, SIGTERM or SIGHUP came (main's handlers): the
	 * store ends the statement running.  NULL: never. */
	bool (*stopping)(void *arg);
	struct knowledge *k;       /* loaded on first use by cli_knowledge() */
	struct session *s;         /* the write verbs' session (cli_session) */
};

/* Open the database on first use (creating folders as needed). */
struct store *cli_store(struct cli_ctx *ctx, struct error *e);
/* Load shipped + user + --data content on first use. */
struct knowledge *cli_knowledge(struct cli_ctx *ctx, struct error *e);
/*
 * The session the write verbs write through, opened on first use over the
 * store (and the content when with_content: a verb that creates from a
 * template needs it).
 */
struct session *cli_session(struct cli_ctx *ctx, bool with_content,
			    struct error *e);
/* Print what a session write did when it was not saved ("charrette:
 * message") and return its exit code; 0 when it was saved. */
int cli_result(struct cli_ctx *ctx, const struct sess_result *r);
/* Print "charrette: <formatted error>" and return its exit code. */
int cli_fail(struct cli_ctx *ctx, const struct error *e);
/* Print "charrette: message" (usage errors) and return 2. */
int cli_usage(struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Store value in *dst for VERB's option OPT; when *dst is already set,
 * print "VERB: OPT given twice" and return 2 (the usage exit code). */
int cli_set_once(struct cli_ctx *ctx, const char *verb, const char *opt,
		 const char **dst, const char *value);
/*
 * Workshop id as the participant (--as / the account) may see it: read
 * through a read-only session, so that the session's rule holds (no vote
 * value of another participant in an open voting round).  The reading
 * verbs (show, score, export) load with this; wsdata_free *d after.
 */
struct workshop_data;
int cli_workshop_load(struct cli_ctx *ctx, long long id,
		      struct workshop_data **d, struct error *e);
/* Resolve WORKSHOP (id or unique title prefix) to an id. */
int cli_find_workshop(struct cli_ctx *ctx, const char *ref, long long *id,
		      struct error *e);
void cli_ctx_clear(struct cli_ctx *ctx);
/* Flush ctx->out; ST_ERROR naming the standard output when anything
 * written to it was lost (a full disk, a closed descriptor). */
int cli_check_out(struct cli_ctx *ctx, struct error *e);
/* Load data/demo.yaml into ctx's (fresh) database; *id gets its id. */
int cli_demo_load(struct cli_ctx *ctx, long long *id, struct error *e);

int cli_list(struct cli_ctx *ctx, int argc, char **argv);
int cli_new(struct cli_ctx *ctx, int argc, char **argv);
int cli_show(struct cli_ctx *ctx, int argc, char **argv);
int cli_score(struct cli_ctx *ctx, int argc, char **argv);
int cli_export(struct cli_ctx *ctx, int argc, char **argv);
int cli_import(struct cli_ctx *ctx, int argc, char **argv);
int cli_import_adr(struct cli_ctx *ctx, int argc, char **argv);
int cli_check_data(struct cli_ctx *ctx, int argc, char **argv);
int cli_templates(struct cli_ctx *ctx, int argc, char **argv);

/* A verb's --format VALUE (or --format=VALUE) at argv[*i], table or tsv:
 * 1 taken (*i moved past the value), 0 not a --format argument, -1 a
 * usage error already printed (given twice, no value, unknown format). */
int cli_opt_format(struct cli_ctx *ctx, const char *verb, int argc,
		   char **argv, int *i, const char **format);
/* s as one TSV field: control characters as spaces, bad UTF-8 as U+FFFD. */
void cli_tsv_field(FILE *f, const char *s);
struct workshop;
/* list --format tsv: a header line, then id, title, stage, updated
 * (UTC, ISO 8601), archived (yes/no) for each workshop. */
void cli_list_tsv(FILE *f, const struct workshop *list, size_t n);
/* The trash (cli_trash.c); `list --deleted` is cli_list_deleted. */
int cli_delete(struct cli_ctx *ctx, int argc, char **argv);
int cli_restore(struct cli_ctx *ctx, int argc, char **argv);
int cli_purge(struct cli_ctx *ctx, int argc, char **argv);
int cli_list_deleted(struct cli_ctx *ctx);
int cli_diff(struct cli_ctx *ctx, int argc, char **argv);
/* What an ADR folder export changes, one line a file (cli_adr.c), and how
 * many of those are left as they are. */
struct adr_changes;
int cli_adr_print_changes(struct cli_ctx *ctx, const struct adr_changes *c);
size_t cli_adr_kept(const struct adr_changes *c);

#endif
