#include "config.h"
/*
 * cli_adr: the import-adr and diff verbs.  import-adr reads an ADR folder
 * (adr/adr_import) into a new workshop, or into an existing one: a record
 * the workshop has already (same file, see adr/adr_refresh) is updated
 * where its file changed, a new one is added with the next numbers (links
 * follow), all in one transaction.  diff lists what an export into a
 * folder would change (adr/adr_export, written nowhere).
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "adr/adr_export.h"
#include "adr/adr_import.h"
#include "adr/adr_patch.h"
#include "adr/adr_refresh.h"
#include "store/store.h"
#include "store/store_adr.h"
#include "util/atomic.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

static void print_msgs(struct cli_ctx *ctx, const struct adr_msgs *m)
{
	char line[2048];

	for (size_t i = 0; i < m->n; i++)
		fprintf(ctx->err, "charrette: %s\n",
			err_format(&m->v[i], line, sizeof(line)));
}

static void print_summary(struct cli_ctx *ctx,
			  const struct adr_import_report *rep)
{
	fprintf(ctx->out, _("imported %zu, skipped %zu (of %zu files)\n"),
		rep->n_imported, rep->n_skipped, rep->n_files);
	if (rep->n_templates)
		fprintf(ctx->out, _("%zu template file(s) left out\n"),
			rep->n_templates);
	if (rep->n_assigned == 1)
		fprintf(ctx->out,
			_("1 file without a number (date-named) is ADR %d in the workshop\n"),
			rep->first_assigned);
	else if (rep->n_assigned)
		fprintf(ctx->out,
			_("%zu files without a number (date-named) are ADR %d-%d in the workshop, in date order\n"),
			rep->n_assigned, rep->first_assigned,
			rep->last_assigned);
	if (rep->n_renumbered)
		fprintf(ctx->out,
			_("%zu file(s) share a number with another file: they keep their names, and have the next free numbers in the workshop\n"),
			rep->n_renumbered);
}

/* store_adr's bits for fields (1 << enum adr_field). */
static unsigned store_fields(unsigned fields)
{
	static const unsigned map[ADR_F_COUNT] = {
		[ADR_F_TITLE] = SA_TITLE,
		[ADR_F_STATUS] = SA_STATUS | SA_SUPERSEDED_BY,
		[ADR_F_DATE] = SA_DATE,
		[ADR_F_DECIDERS] = SA_DECIDERS,
		[ADR_F_CONSULTED] = SA_CONSULTED,
		[ADR_F_INFORMED] = SA_INFORMED,
		[ADR_F_CONTEXT] = SA_CONTEXT,
		[ADR_F_DECISION] = SA_DECISION,
		[ADR_F_RATIONALE] = SA_RATIONALE,
		[ADR_F_ALTERNATIVES] = SA_ALTERNATIVES,
		[ADR_F_CONSEQUENCES] = SA_CONSEQUENCES,
		[ADR_F_POSITIVE] = SA_POSITIVE,
		[ADR_F_NEGATIVE] = SA_NEGATIVE,
		[ADR_F_RISKS] = SA_RISKS,
		[ADR_F_LINKS] = SA_SUPERSEDES | SA_SUPERSEDED_BY | SA_LINKS,
	};
	unsigned out = 0;

	for (int f = 0; f < ADR_F_COUNT; f++)
		if (fields & (1u << f))
			out |= map[f];
	return out;
}

/* The workshop's decisions as records links can point at. */
static int workshop_refs(const struct workshop_data *w, struct adr_refs *r)
{
	struct adr_ref *v = calloc(w->n_decisions + 1, sizeof(*v));
	int rc;

	if (!v)
		return ST_ERROR;
	for (size_t i = 0; i < w->n_decisions; i++) {
		const struct decision *x = &w->decisions[i];
		char date[11];

		v[i].number = x->number;
		v[i].file = x->file;
		v[i].title = x->title;
		if (x->file)
			adr_name_info(x->file, &v[i].file_number, date);
	}
	rc = adr_refs_init(r, v, w->n_decisions);
	free(v);
	return rc;
}

struct counts {
	size_t added, updated, same, ours;
	int first, last;
};

/* One file read again into the decision it matched. */
static int refresh_one(struct cli_ctx *ctx, int64_t ws,
		       const struct decision *now, const struct decision *file,
		       const struct adr_refs *refs, struct counts *n,
		       struct error *e)
{
	struct decision merged;
	unsigned fields, conflict;
	int rc;

	if (!now->source || !file->source) {
		/* Matched by number, never read from a file: take it all. */
		fields = adr_fields_diff(now, file);
		conflict = 0;
		memset(&merged, 0, sizeof(merged));
		if (decision_copy(&merged, file) < 0)
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		merged.id = now->id;
		merged.version = now->version;
		merged.number = now->number;
		merged.chosen = now->chosen ? str_dup(now->chosen) : NULL;
		if (adr_fields_sums(file, &merged.file_sums) < 0) {
			decision_clear(&merged);
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		}
	} else if (adr_refresh_merge(now, file, refs, &merged, &fields,
				     &conflict) < 0) {
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	if (conflict) {
		struct buf b;

		buf_init(&b);
		adr_fields_names(&b, conflict);
		fprintf(ctx->err,
			_("charrette: %s: changed in the folder and in the workshop (ADR %d): %s; the workshop's is kept\n"),
			file->file, now->number, buf_str(&b));
		buf_free(&b);
	}
	if (str_eq(now->source, file->source) && !fields) {
		n->same++;
		decision_clear(&merged);
		return ST_OK;
	}
	rc = store_adr_update(ctx->store, ws, now, &merged,
			      store_fields(fields) | SA_FILE, e);
	decision_clear(&merged);
	if (rc == ST_OK && fields)
		n->updated++;
	else if (rc == ST_OK)
		n->same++;
	return rc;
}

/* A file the workshop wrote, edited in the folder since: what the edit
 * changed is taken (adr_refresh_native). */
static int refresh_ours(struct cli_ctx *ctx, int64_t ws,
			const struct workshop_data *w, size_t j,
			const struct decision *file, const char *dir,
			struct counts *n, struct error *e)
{
	struct decision merged;
	struct error ke;
	unsigned fields;
	int rc;

	err_clear(&ke);
	if (adr_refresh_native(w, j, file, dir, cli_knowledge(ctx, &ke),
			       &merged, &fields) < 0)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (!fields) {
		n->ours++;
		decision_clear(&merged);
		return ST_OK;
	}
	rc = store_adr_update(ctx->store, ws, &w->decisions[j], &merged,
			      store_fields(fields), e);
	decision_clear(&merged);
	if (rc == ST_OK)
		n->updated++;
	return rc;
}

/* The numbers the folder's records have in the workshop: a matched one
 * its decision's, a new one its own when it is above every number given,
 * else the next. */
static int number_all(struct cli_ctx *ctx, int64_t ws,
		      const struct workshop_data *w, struct workshop_data *imp,
		      const int *match, int *new_num, struct counts *n,
		      struct error *e)
{
	int *old_num = malloc((imp->n_decisions + 1) * sizeof(int));
	int last, rc;
	size_t dropped;

	if (!old_num)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if ((rc = store_adr_last_number(ctx->store, ws, &last, e)) < 0) {
		free(old_num);
		return rc;
	}
	for (size_t i = 0; i < imp->n_decisions; i++) {
		const struct decision *x = &imp->decisions[i];

		old_num[i] = x->number;
		if (match[i] >= 0) {
			new_num[i] = w->decisions[match[i]].number;
			continue;
		}
		new_num[i] = x->number > last ? x->number : last + 1;
		last = new_num[i];
		if (!n->first)
			n->first = new_num[i];
		n->last = new_num[i];
	}
	/* In the workshop a number outside the folder means some other
	 * decision, so such links cannot be kept. */
	dropped = adr_renumber_links(imp->decisions, imp->n_decisions, old_num,
				     new_num, imp->n_decisions);
	free(old_num);
	if (dropped == SIZE_MAX)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (dropped)
		fprintf(ctx->err,
			_("charrette: %zu link(s) to ADRs outside the folder dropped\n"),
			dropped);
	return ST_OK;
}

/* Everything the folder changes in workshop ws, in one transaction. */
static int refresh_into(struct cli_ctx *ctx, int64_t ws,
			struct workshop_data *imp, const char *dir,
			struct counts *n, struct error *e)
{
	struct workshop_data *w = NULL;
	struct adr_msgs msgs = { 0 };
	struct adr_refs refs = { 0 };
	size_t k = imp->n_decisions + 1;
	int *match = malloc(k * sizeof(int)), *num = malloc(k * sizeof(int));
	int *ours = calloc(k, sizeof(int));
	char *real = realpath(dir, NULL), *mine = NULL;
	int rc;

	if (!match || !num || !ours || !real) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto out;
	}
	if ((rc = store_adr_begin(ctx->store, e)) < 0)
		goto out;
	if ((rc = store_workshop_load(ctx->store, ws, &w, e)) < 0 ||
	    !(mine = x_marker_mine(w)) ||
	    adr_refresh_match(w, imp, real, mine, match, ours, &msgs) < 0 ||
	    (rc = number_all(ctx, ws, w, imp, match, num, n, e)) < 0 ||
	    workshop_refs(w, &refs) < 0) {
		if (rc == ST_OK)
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto end;
	}
	print_msgs(ctx, &msgs);
	for (size_t i = 0; i < imp->n_decisions && rc == ST_OK; i++) {
		struct decision *x = &imp->decisions[i];
		int64_t id;
		int got;

		atomic_crash_point("import", i);
		if (ours[i] == ADR_OURS) {
			n->ours++;
		} else if (ours[i] == ADR_OURS_EDITED) {
			rc = refresh_ours(ctx, ws, w, (size_t)match[i], x, real,
					  n, e);
		} else if (match[i] >= 0) {
			rc = refresh_one(ctx, ws, &w->decisions[match[i]], x,
					 &refs, n, e);
		} else {
			x->number = num[i];
			/* Its links have the workshop's numbers now. */
			if (adr_fields_sums(x, &x->file_sums) < 0)
				rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			else
				rc = store_adr_add(ctx->store, ws, x, &id, &got,
						   e);
			n->added++;
		}
	}
end:
	rc = store_adr_end(ctx->store, rc, e);
out:
	adr_refs_clear(&refs);
	adr_msgs_clear(&msgs);
	wsdata_free(&w);
	free(match);
	free(num);
	free(ours);
	free(real);
	free(mine);
	return rc;
}

static void print_refresh(struct cli_ctx *ctx, int64_t id,
			  const struct counts *n)
{
	if (n->added == 1)
		fprintf(ctx->out, _("added 1 as ADR %d to workshop %" PRId64 "\n"),
			n->first, id);
	else if (n->added)
		fprintf(ctx->out, _("added %zu as ADR %d-%d to workshop %" PRId64 "\n"),
			n->added, n->first, n->last, id);
	fprintf(ctx->out, _("updated %zu, unchanged %zu"), n->updated, n->same);
	if (n->ours)
		fprintf(ctx->out, _(", written by this workshop %zu"), n->ours);
	fputc('\n', ctx->out);
}

int cli_import_adr(struct cli_ctx *ctx, int argc, char **argv)
{
	struct adr_import_report rep;
	struct workshop_data *d = NULL;
	const char *dir = NULL, *into = NULL;
	struct counts counts = { 0 };
	struct error e;
	long long ws = 0;
	int64_t id = 0;
	int rc;

	err_clear(&e);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--into") == 0 && i + 1 < argc) {
			if (cli_set_once(ctx, "import-adr", "--into", &into,
					 argv[++i]))
				return 2;
		} else if (strncmp(argv[i], "--into=", 7) == 0) {
			if (cli_set_once(ctx, "import-adr", "--into", &into,
					 argv[i] + 7))
				return 2;
		} else if (strcmp(argv[i], "--into") == 0) {
			return cli_usage(ctx, "%s", _("import-adr: --into needs a WORKSHOP"));
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(ctx, _("import-adr: unknown option '%s'"),
					 argv[i]);
		} else if (!dir) {
			dir = argv[i];
		} else {
			return cli_usage(ctx, "%s", _("import-adr: one folder at a time"));
		}
	}
	if (!dir || (into && !*into))
		return cli_usage(ctx, "%s", _("usage: charrette import-adr DIR [--into WORKSHOP]"));
	if (ctx->read_only)
		return cli_usage(ctx, "%s", _("import-adr: cannot import with --read-only"));

	memset(&rep, 0, sizeof(rep));
	if (!(d = wsdata_new())) {
		err_set(&e, ST_ERROR, "%s", _("out of memory"));
		return cli_fail(ctx, &e);
	}
	rc = adr_import_dir(dir, d, &rep, &e);
	print_msgs(ctx, &rep.msgs);
	if (rc < 0) {
		if (rep.n_files)
			print_summary(ctx, &rep);
		goto fail;
	}

	if (into) {
		if ((rc = cli_find_workshop(ctx, into, &ws, &e)) < 0 ||
		    (rc = refresh_into(ctx, (int64_t)ws, d, dir, &counts,
				       &e)) < 0)
			goto fail;
		id = (int64_t)ws;
	} else {
		d->ws.title = adr_import_title(dir);
		d->ws.template_name = str_dup("generic");
		if (!d->ws.title || !d->ws.template_name) {
			rc = err_set(&e, ST_ERROR, "%s", _("out of memory"));
			goto fail;
		}
		d->ws.stage = STAGE_DECISION;
		d->ws.created = d->ws.updated = clock_now();
		if (!cli_store(ctx, &e)) {
			rc = e.code;
			goto fail;
		}
		if ((rc = store_workshop_import(ctx->store, d, &id, &e)) < 0)
			goto fail;
	}
	print_summary(ctx, &rep);
	if (into)
		print_refresh(ctx, id, &counts);
	else
		fprintf(ctx->out, _("workshop %" PRId64 ": %s\n"), id,
			d->ws.title);
	adr_import_report_clear(&rep);
	wsdata_free(&d);
	return 0;
fail:
	adr_import_report_clear(&rep);
	wsdata_free(&d);
	return cli_fail(ctx, &e);
}

/* ---- diff ------------------------------------------------------------------ */

/* A file name or note from a folder, safe on a terminal: control
 * characters (C0, DEL, C1) and bidi overrides shown as '?'. */
static char *cli_printable(const char *s)
{
	size_t n = strlen(s), i = 0;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (!k) {
			buf_putc(&b, '?');
			i++;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			buf_putc(&b, '?');
		else
			buf_add(&b, s + i, k);
		i += k;
	}
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static const char *action_word(enum adr_action a)
{
	switch (a) {
	case ADR_NEW: return _("new");
	case ADR_CHANGE: return _("changed");
	case ADR_THEIRS: return _("kept");
	case ADR_CONFLICT: return _("conflict");
	default: return _("same");
	}
}

int cli_adr_print_changes(struct cli_ctx *ctx, const struct adr_changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct adr_change *x = &c->v[i];
		char *file = cli_printable(x->file);
		char *what = x->what ? cli_printable(x->what) : NULL;

		fprintf(ctx->out, "%-9s %s%s%s%s\n", action_word(x->action),
			file ? file : "?", what ? " (" : "", what ? what : "",
			what ? ")" : "");
		free(file);
		free(what);
	}
	fprintf(ctx->out, _("%zu file(s) to write, %zu unchanged\n"),
		c->n - cli_adr_kept(c), c->n_same);
	return cli_check_out(ctx, NULL);
}

size_t cli_adr_kept(const struct adr_changes *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].action == ADR_THEIRS || c->v[i].action == ADR_SAME;
	return n;
}

int cli_diff(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *ref = NULL, *dir = NULL, *format = NULL;
	struct workshop_data *d = NULL;
	struct adr_changes ch = { 0 };
	struct knowledge *k;
	struct error e, ke;
	long long id = 0;
	int rc, flags = ADR_EXPORT_DRY_RUN;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (cli_set_once(ctx, "diff", "--format", &format, argv[++i]))
				return 2;
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			if (cli_set_once(ctx, "diff", "--format", &format,
					 argv[i] + 9))
				return 2;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(ctx, _("diff: unknown option '%s'"), argv[i]);
		} else if (!ref) {
			ref = argv[i];
		} else if (!dir) {
			dir = argv[i];
		} else {
			return cli_usage(ctx, _("diff: unexpected argument '%s'"),
					 argv[i]);
		}
	}
	if (!ref || !dir)
		return cli_usage(ctx, "%s", _("usage: charrette diff WORKSHOP DIR [--format adr|madr]"));
	if (format && strcmp(format, "adr") != 0 && strcmp(format, "madr") != 0)
		return cli_usage(ctx, _("diff: unknown format '%s' (expected adr or madr)"),
				 format);
	if (format ? strcmp(format, "madr") == 0 : adr_folder_is_madr(dir))
		flags |= ADR_EXPORT_MADR;
	err_clear(&e);
	err_clear(&ke);
	if (cli_find_workshop(ctx, ref, &id, &e) < 0 ||
	    store_workshop_load(ctx->store, (int64_t)id, &d, &e) < 0)
		return cli_fail(ctx, &e);
	k = cli_knowledge(ctx, &ke);
	rc = adr_export_dir(d, k, dir, flags, &ch, NULL, &e);
	wsdata_free(&d);
	if (rc == ST_OK)
		rc = cli_adr_print_changes(ctx, &ch);
	adr_changes_clear(&ch);
	if (rc < 0)
		return cli_fail(ctx, &e);
	return 0;
}
