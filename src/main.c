/*
 * main: parse the global options, then run a command-line verb or open the
 * terminal application.  Owns nothing but the dispatch.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/content.h"
#include "store/store.h"
#include "tui/tui.h"
#include "util/account.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/safetext.h"
#include "util/str.h"
#include "util/utf8.h"

struct verb {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
	const char *usage;
	const char *help;
};

static const struct verb verbs[] = {
	{ "list", cli_list, "list [--all|--deleted] [--format table|tsv]",
	  N_("workshops in the database (archived, in the trash)") },
	{ "new", cli_new, "new TITLE [--template NAME]",
	  N_("create a workshop, print its id") },
	{ "show", cli_show, "show WORKSHOP", N_("plain-text summary") },
	{ "score", cli_score,
	  "score WORKSHOP [--format table|tsv|json] [--sensitivity]",
	  N_("weighted totals and ranking") },
	{ "export", cli_export,
	  "export WORKSHOP --format FORMAT [-o PATH] [--force] [--dry-run]",
	  N_("report|adr|madr|risks|metrics|csv|yaml|json") },
	{ "import", cli_import, "import FILE",
	  N_("workshop from YAML (or JSON) interchange") },
	{ "import-adr", cli_import_adr, "import-adr DIR [--into WORKSHOP]",
	  N_("ingest (or refresh from) an existing ADR folder") },
	{ "diff", cli_diff, "diff WORKSHOP DIR [--format adr|madr]",
	  N_("what an export into DIR would change, record by record") },
	{ "check-data", cli_check_data, "check-data [DIR]",
	  N_("validate YAML content files") },
	{ "templates", cli_templates, "templates [--format table|tsv]",
	  N_("the templates new --template takes") },
	{ "delete", cli_delete, "delete WORKSHOP",
	  N_("move a workshop to the trash (facilitator or creator)") },
	{ "restore", cli_restore, "restore WORKSHOP",
	  N_("bring a workshop back from the trash") },
	{ "purge", cli_purge, "purge WORKSHOP|--all",
	  N_("empty the trash for good (facilitator or creator)") },
};

static void usage(FILE *f)
{
	fprintf(f, _("Usage: charrette [OPTIONS] [WORKSHOP]\n"
		     "       charrette [OPTIONS] VERB [ARGS]\n\n"
		     "Run architecture workshops in the terminal: interview, compare\n"
		     "approaches, score trade-offs, record decisions, export Markdown.\n\n"
		     "Verbs:\n"));
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		fprintf(f, "  %-56s %s\n", verbs[i].usage, _(verbs[i].help));
	fprintf(f, _("\nOptions:\n"
		     "  --db FILE      database (default $CHARRETTE_DB, else\n"
		     "                 $XDG_DATA_HOME/charrette/charrette.db)\n"
		     "  --data DIR     extra content folder\n"
		     "  --as NAME      act as NAME (recorded as \"NAME (via ACCOUNT)\")\n"
		     "  --read-only    open the database without writing\n"
		     "  --demo         open a bundled demo workshop in a temporary database\n"
		     "  -h, --help     this help\n"
		     "  -V, --version  version\n\n"
		     "Exit status: 0 ok, 1 runtime failure, 2 usage or input error.\n"));
}

static int run_tui(struct cli_ctx *ctx, const char *ref, bool demo)
{
	struct error e;
	struct tui_opts o;
	long long id = 0;

	err_clear(&e);
	memset(&o, 0, sizeof(o));
	if (!cli_store(ctx, &e) || !cli_knowledge(ctx, &e))
		return cli_fail(ctx, &e);
	if (ref && cli_find_workshop(ctx, ref, &id, &e) < 0)
		return cli_fail(ctx, &e);
	o.store = ctx->store;
	o.k = ctx->k;
	o.workshop = id;
	o.who = ctx->who;
	o.read_only = ctx->read_only;
	o.demo = demo;
	return tui_run(&o);
}

/* A global option that takes a value: given once, and not empty. */
static int set_once(struct cli_ctx *ctx, const char **dst, const char *opt,
		    const char *what)
{
	if (*dst) {
		cli_usage(ctx, _("%s given twice"), opt);
		return -1;
	}
	if (!*optarg) {
		cli_usage(ctx, _("%s needs a %s"), opt, what);
		return -1;
	}
	*dst = optarg;
	return 0;
}

/* --as NAME goes into the audit log and onto everyone's screen. */
static int check_name(struct cli_ctx *ctx, const char *name)
{
	if (!utf8_valid(name, strlen(name), NULL)) {
		cli_usage(ctx, "%s", _("--as: the name is not valid UTF-8"));
		return -1;
	}
	if (!utf8_one_line(name, NULL)) {
		cli_usage(ctx, "%s", _("--as: the name must be one line without "
				       "control characters"));
		return -1;
	}
	/* "NAME (via account)" is how the account is recorded: a name that
	 * says it itself would pass for someone else's. */
	if (strstr(name, "(via ")) {
		cli_usage(ctx, "%s", _("--as: the name cannot hold \"(via \": "
				       "charrette adds the account itself"));
		return -1;
	}
	return 0;
}

/* --data DIR must be a folder that is there: a typo would otherwise
 * quietly leave the extra content out. */
static int check_folder(struct cli_ctx *ctx, const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0) {
		if (errno == ENOENT)
			cli_usage(ctx, _("--data: %s: no such folder"), dir);
		else
			cli_usage(ctx, "--data: %s: %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		cli_usage(ctx, _("--data: %s: not a folder"), dir);
		return -1;
	}
	return 0;
}

/*
 * A descriptor 0, 1 or 2 that the caller closed would be handed to the next
 * file we open (an export, an input file), and what we print would land in
 * it.  Fill each hole with /dev/null opened read-only, so that printing to a
 * closed standard output fails (EBADF) and is reported, never misdirected.
 */
static void fill_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (open("/dev/null", O_RDONLY) != fd)
			exit(1);
	}
}

/*
 * A verb's standard output and error go to memory first and reach the
 * terminal through util/safetext, so nothing a verb prints — stored titles,
 * risks, rationales, answers, messages quoting them — can send the
 * terminal an escape sequence or reorder text with a bidirectional
 * control, whatever the format.  Tabs and line breaks are kept (TSV, CSV).
 */
struct capture {
	char *text;
	size_t len;
	FILE *mem;
};

static void capture_start(struct capture *c, FILE **stream)
{
	c->text = NULL;
	c->len = 0;
	c->mem = open_memstream(&c->text, &c->len);
	if (c->mem)
		*stream = c->mem;
	/* else: out of memory; the verb prints directly (and likely fails) */
}

static void capture_end(struct capture *c, FILE **stream, FILE *real)
{
	if (!c->mem)
		return;
	*stream = real;
	if (fclose(c->mem) == 0 && c->text)
		safe_fwrite(c->text, c->len, SAFE_KEEP_NL | SAFE_KEEP_TAB, real);
	/* finish() reports a failed write by its errno: keep it. */
	{
		int err = errno;

		free(c->text);
		errno = err;
	}
}

/* A verb's output that did not reach standard output is a failure, said
 * once.  (The terminal interface is not checked here: it draws through
 * curses, and a dropped SSH session is its own business.) */
static int finish(struct cli_ctx *ctx, int rc)
{
	struct error e;

	err_clear(&e);
	if (cli_check_out(ctx, &e) < 0 && rc == 0)
		rc = cli_fail(ctx, &e);
	return rc;
}

/*
 * A verb can always be stopped.  SIGINT, SIGTERM and SIGHUP only set this
 * flag (STYLE.md: nothing else in a handler); the store's progress
 * handler sees it and ends the statement running, however long a query
 * or a trigger would run, and main then ends the process with the same
 * signal.  A second signal while the first is being handled ends it at
 * once.  The terminal interface handles these signals itself.
 */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	if (stop_signal) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	stop_signal = sig;
}

static void catch_stop_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a read waiting on a terminal or pipe returns. */
	/* A signal ignored on entry (nohup, a background job) stays so. */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

static bool stopping(void *arg)
{
	(void)arg;
	return stop_signal != 0;
}

/* After a stop: end with the signal, as if it had not been caught. */
static void end_stopped(void)
{
	int sig = stop_signal;

	if (!sig)
		return;
	fflush(NULL);
	signal(sig, SIG_DFL);
	raise(sig);
}

enum { OPT_DB = 256, OPT_DATA, OPT_AS, OPT_READONLY, OPT_DEMO };

static void start_locale(void)
{
	setlocale(LC_ALL, "");
	/* Numbers in files and output always use a decimal point. */
	setlocale(LC_NUMERIC, "C");
	/* CHARRETTE_LOCALEDIR points the tests at the build tree's catalogues,
	 * as CHARRETTE_DATADIR points them at its content. */
	bindtextdomain(PACKAGE, getenv("CHARRETTE_LOCALEDIR") &&
			       *getenv("CHARRETTE_LOCALEDIR")
			       ? getenv("CHARRETTE_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
}

/*
 * The global options, up to the first non-option so each verb parses its
 * own flags; mistakes are reported in the contract's "charrette: " form.
 * Returns -1 to go on, else the exit code (--help, --version, a mistake).
 */
static int parse_options(struct cli_ctx *ctx, int argc, char **argv,
			 const char **as, bool *demo)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "as", required_argument, NULL, OPT_AS },
		{ "read-only", no_argument, NULL, OPT_READONLY },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			if (set_once(ctx, &ctx->db_path, "--db", "FILE") < 0)
				return 2;
			break;
		case OPT_DATA:
			if (set_once(ctx, &ctx->extra_data, "--data", "DIR") < 0)
				return 2;
			break;
		case OPT_AS:
			if (set_once(ctx, as, "--as", "NAME") < 0)
				return 2;
			break;
		case OPT_READONLY:
			ctx->read_only = true;
			break;
		case OPT_DEMO:
			*demo = true;
			break;
		case 'h':
			usage(stdout);
			return finish(ctx, 0);
		case 'V':
			printf("charrette %s\n", PACKAGE_VERSION);
			return finish(ctx, 0);
		case ':':
			cli_usage(ctx, _("option '%s' needs a value"),
				  argv[optind - 1]);
			fprintf(stderr, _("Try 'charrette --help'.\n"));
			return 2;
		default:
			if (optopt && optopt < 256)
				cli_usage(ctx, _("unknown option '-%c'"), optopt);
			else
				cli_usage(ctx, _("unknown option '%s'"),
					  argv[optind - 1]);
			fprintf(stderr, _("Try 'charrette --help'.\n"));
			return 2;
		}
	}
	if (*demo && optind < argc)
		return cli_usage(ctx, "%s", _("--demo opens the terminal "
					      "interface; it takes no verb or "
					      "workshop"));
	if (*as && check_name(ctx, *as) < 0)
		return 2;
	if (ctx->extra_data && check_folder(ctx, ctx->extra_data) < 0)
		return 2;
	return -1;
}

/* The database: --db, else $CHARRETTE_DB, else the default one; --demo
 * makes a throw-away one in a folder of its own (*demo_dir). */
static int choose_db(struct cli_ctx *ctx, bool demo, char **db,
		     char **demo_dir, struct error *e)
{
	if (demo) {
		char tmpl[] = "/tmp/charrette-demo-XXXXXX";

		if (!mkdtemp(tmpl))
			return err_set(e, ST_ERROR, "%s",
				       _("cannot create a temporary folder for the demo"));
		*demo_dir = str_dup(tmpl);
		*db = *demo_dir ? path_join(*demo_dir, "demo.db") : NULL;
		if (!*db)
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		ctx->db_path = *db;
		ctx->read_only = false;
	} else if (!ctx->db_path) {
		const char *env = getenv("CHARRETTE_DB");

		if (env && *env) {
			ctx->db_path = env;
		} else {
			*db = path_default_db(e);
			if (!*db)
				return e->code ? e->code : ST_ERROR;
			ctx->db_path = *db;
		}
	}
	return ST_OK;
}

/* The verb argv[0] (NULL when it is none: a workshop for the app). */
static const struct verb *find_verb(const char *name)
{
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(name, verbs[i].name) == 0)
			return &verbs[i];
	return NULL;
}

static int run_verb(struct cli_ctx *ctx, const struct verb *v, int argc,
		    char **argv)
{
	struct capture out, err;
	int rc;

	catch_stop_signals();
	ctx->stopping = stopping;
	capture_start(&out, &ctx->out);
	capture_start(&err, &ctx->err);
	rc = v->run(ctx, argc, argv);
	capture_end(&out, &ctx->out, stdout);
	capture_end(&err, &ctx->err, stderr);
	return finish(ctx, rc);
}

/* The demo database is throw-away: remove it, its WAL and its folder. */
static void remove_demo(const char *db, const char *demo_dir)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; db && i < 4; i++) {
		char *p = str_printf("%s%s", db, sfx[i]);

		if (p)
			unlink(p);
		free(p);
	}
	rmdir(demo_dir);
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx;
	struct error e;
	char *account = NULL, *who = NULL, *db = NULL, *demo_dir = NULL;
	const char *as = NULL;
	const struct verb *v;
	bool demo = false;
	int rc = 0;

	fill_std_fds();
	start_locale();
	memset(&ctx, 0, sizeof(ctx));
	ctx.out = stdout;
	ctx.err = stderr;
	err_clear(&e);
	if ((rc = parse_options(&ctx, argc, argv, &as, &demo)) >= 0)
		return rc;
	rc = 0;
	account = account_current();
	who = account ? account_display(as, account) : NULL;
	if (!who) {
		free(account);
		return cli_usage(&ctx, "%s", _("out of memory"));
	}
	ctx.who = who;
	if (choose_db(&ctx, demo, &db, &demo_dir, &e) < 0) {
		rc = cli_fail(&ctx, &e);
	} else if (demo) {
		long long id = 0;
		char ref[32];

		if (cli_demo_load(&ctx, &id, &e) < 0) {
			rc = cli_fail(&ctx, &e);
		} else {
			snprintf(ref, sizeof(ref), "%lld", id);
			rc = run_tui(&ctx, ref, true);
		}
	} else if (optind < argc && (v = find_verb(argv[optind]))) {
		rc = run_verb(&ctx, v, argc - optind, argv + optind);
	} else if (optind + 1 < argc) {
		rc = cli_usage(&ctx, _("unknown verb '%s' (see charrette --help)"),
			       argv[optind]);
	} else {
		rc = run_tui(&ctx, optind < argc ? argv[optind] : NULL, false);
	}
	cli_ctx_clear(&ctx);
	if (demo_dir)
		remove_demo(db, demo_dir);
	free(demo_dir);
	free(db);
	free(who);
	free(account);
	end_stopped();
	return rc;
}
