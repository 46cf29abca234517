/*
 * main: parse the global options, then run a command-line verb or open the
 * terminal application.  Owns nothing but the dispatch.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/content.h"
#include "store/store.h"
#include "tui/tui.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"
#include "util/utf8.h"

struct verb {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
	const char *usage;
	const char *help;
};

static const struct verb verbs[] = {
	{ "list", cli_list, "list [--all]", N_("workshops in the database") },
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

/* The Unix account, never $USER (anyone can set that). */
static char *account_name(void)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name)
		return str_dup(pw->pw_name);
	return str_printf("uid%ld", (long)getuid());
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

enum { OPT_DB = 256, OPT_DATA, OPT_AS, OPT_READONLY, OPT_DEMO };

int main(int argc, char **argv)
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
	struct cli_ctx ctx;
	struct error e;
	char *account = NULL, *who = NULL, *db = NULL, *demo_dir = NULL;
	const char *as = NULL;
	bool demo = false;
	int c, rc = 0;

	fill_std_fds();
	setlocale(LC_ALL, "");
	/* Numbers in files and output always use a decimal point. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);

	memset(&ctx, 0, sizeof(ctx));
	ctx.out = stdout;
	ctx.err = stderr;
	err_clear(&e);

	/* Stop at the first non-option so each verb parses its own flags;
	 * report mistakes ourselves, in the contract's "charrette: " form. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			if (set_once(&ctx, &ctx.db_path, "--db", "FILE") < 0)
				return 2;
			break;
		case OPT_DATA:
			if (set_once(&ctx, &ctx.extra_data, "--data", "DIR") < 0)
				return 2;
			break;
		case OPT_AS:
			if (set_once(&ctx, &as, "--as", "NAME") < 0)
				return 2;
			break;
		case OPT_READONLY:
			ctx.read_only = true;
			break;
		case OPT_DEMO:
			demo = true;
			break;
		case 'h':
			usage(stdout);
			return finish(&ctx, 0);
		case 'V':
			printf("charrette %s\n", PACKAGE_VERSION);
			return finish(&ctx, 0);
		case ':':
			cli_usage(&ctx, _("option '%s' needs a value"),
				  argv[optind - 1]);
			fprintf(stderr, _("Try 'charrette --help'.\n"));
			return 2;
		default:
			if (optopt && optopt < 256)
				cli_usage(&ctx, _("unknown option '-%c'"), optopt);
			else
				cli_usage(&ctx, _("unknown option '%s'"),
					  argv[optind - 1]);
			fprintf(stderr, _("Try 'charrette --help'.\n"));
			return 2;
		}
	}
	if (demo && optind < argc)
		return cli_usage(&ctx, "%s", _("--demo opens the terminal "
					       "interface; it takes no verb or "
					       "workshop"));
	if (as && check_name(&ctx, as) < 0)
		return 2;
	if (ctx.extra_data && check_folder(&ctx, ctx.extra_data) < 0)
		return 2;

	account = account_name();
	if (!account)
		return cli_usage(&ctx, "out of memory");
	if (as && *as) {
		if (strcmp(as, account) == 0)
			who = str_dup(account);
		else
			who = str_printf("%s (via %s)", as, account);
	} else {
		who = str_dup(account);
	}
	if (!who) {
		free(account);
		return cli_usage(&ctx, "out of memory");
	}
	ctx.who = who;

	if (demo) {
		char tmpl[] = "/tmp/charrette-demo-XXXXXX";

		if (!mkdtemp(tmpl)) {
			err_set(&e, ST_ERROR, "cannot create a temporary folder for the demo");
			rc = cli_fail(&ctx, &e);
			goto out;
		}
		demo_dir = str_dup(tmpl);
		db = demo_dir ? path_join(demo_dir, "demo.db") : NULL;
		if (!db) {
			rc = cli_usage(&ctx, "out of memory");
			goto out;
		}
		ctx.db_path = db;
		ctx.read_only = false;
	} else if (!ctx.db_path) {
		const char *env = getenv("CHARRETTE_DB");

		if (env && *env) {
			ctx.db_path = env;
		} else {
			db = path_default_db(&e);
			if (!db) {
				rc = cli_fail(&ctx, &e);
				goto out;
			}
			ctx.db_path = db;
		}
	}

	if (demo) {
		long long id = 0;
		char ref[32];

		if (cli_demo_load(&ctx, &id, &e) < 0) {
			rc = cli_fail(&ctx, &e);
		} else {
			snprintf(ref, sizeof(ref), "%lld", id);
			rc = run_tui(&ctx, ref, true);
		}
		goto out;
	}

	if (optind < argc) {
		for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
			if (strcmp(argv[optind], verbs[i].name) == 0) {
				rc = finish(&ctx, verbs[i].run(&ctx, argc - optind,
							       argv + optind));
				goto out;
			}
		}
		if (optind + 1 < argc) {
			rc = cli_usage(&ctx, "unknown verb '%s' (see charrette --help)",
				       argv[optind]);
			goto out;
		}
		rc = run_tui(&ctx, argv[optind], false);
	} else {
		rc = run_tui(&ctx, NULL, false);
	}
out:
	cli_ctx_clear(&ctx);
	if (demo_dir) {
		/* The demo database is throw-away: remove it and its WAL. */
		const char *sfx[] = { "", "-wal", "-shm", "-journal" };

		for (size_t i = 0; db && i < 4; i++) {
			char *p = str_printf("%s%s", db, sfx[i]);

			if (p)
				unlink(p);
			free(p);
		}
		rmdir(demo_dir);
	}
	free(demo_dir);
	free(db);
	free(who);
	free(account);
	return rc;
}
