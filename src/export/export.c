#include "config.h"

/*
 * export: the entry point shared by the CLI and the terminal UI
 * (export_run), the format table, and the helpers every writer uses: the
 * scored view of a workshop and NULL-safe lookups in the knowledge.
 */

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "engine/evaluate.h"
#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"

/* ---- formats ---------------------------------------------------------- */

static const struct {
	const char *id;
	const char *file;   /* default name inside a folder; NULL = folder */
} formats[EXPORT_FORMAT_COUNT] = {
	[EXPORT_REPORT] = { "report", "report.md" },
	[EXPORT_ADR] = { "adr", NULL },
	[EXPORT_MADR] = { "madr", NULL },
	[EXPORT_RISKS] = { "risks", "risks.md" },
	[EXPORT_METRICS] = { "metrics", "metrics.md" },
	[EXPORT_RISKS_CSV] = { "risks-csv", "risks.csv" },
	[EXPORT_METRICS_CSV] = { "metrics-csv", "metrics.csv" },
};

int export_format_from_id(const char *s, enum export_format *out)
{
	if (!s)
		return ST_INPUT;
	if (strcmp(s, "csv") == 0) {
		*out = EXPORT_RISKS_CSV;
		return ST_OK;
	}
	for (int i = 0; i < EXPORT_FORMAT_COUNT; i++) {
		if (strcmp(s, formats[i].id) == 0) {
			*out = (enum export_format)i;
			return ST_OK;
		}
	}
	return ST_INPUT;
}

const char *export_format_id(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT ? formats[f].id : "?";
}

bool export_format_is_dir(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT && !formats[f].file;
}

const char *export_default_name(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT ? formats[f].file : NULL;
}

/* ---- the scored view --------------------------------------------------- */

int xctx_init(struct xctx *x, const struct workshop_data *d,
	      const struct knowledge *k, struct error *e)
{
	struct error se;
	int rc;

	memset(x, 0, sizeof(*x));
	x->d = d;
	x->k = k;
	if (d->n_approaches == 0) {
		snprintf(x->why, sizeof(x->why), "%s",
			 _("no approaches have been recorded"));
		return ST_OK;
	}
	err_clear(&se);
	rc = ws_scores_compute(d, true, &x->sc, &se);
	if (rc == ST_OK) {
		x->scored = true;
		return ST_OK;
	}
	ws_scores_clear(&x->sc);
	if (rc == ST_INPUT) {
		/* Not scorable yet (no criteria, zero weights, missing AHP
		 * pairs): the documents say so instead of failing. */
		snprintf(x->why, sizeof(x->why), "%s", se.msg);
		return ST_OK;
	}
	*e = se;
	return rc;
}

void xctx_clear(struct xctx *x)
{
	if (x->scored)
		ws_scores_clear(&x->sc);
	x->scored = false;
}

int x_out_of_memory(struct buf *b, struct error *e)
{
	if (b->oom)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	return ST_OK;
}

/* ---- names ------------------------------------------------------------- */

const char *x_or(const char *s, const char *fallback)
{
	/* Blank means nothing printable: spaces and control characters
	 * would leave an empty heading or cell behind. */
	if (s)
		for (const unsigned char *p = (const unsigned char *)s; *p; p++)
			if (*p > 0x20 && *p != 0x7f)
				return s;
	return fallback;
}

const char *x_approach_name(const struct workshop_data *d, size_t i,
			    char *tmp, size_t size)
{
	const struct approach *a = &d->approaches[i];
	const char *s = x_or(a->name, x_or(a->key, NULL));

	if (s)
		return s;
	snprintf(tmp, size, _("Approach %zu"), i + 1);
	return tmp;
}

const char *x_criterion_name(const struct xctx *x, size_t i, char *tmp,
			     size_t size)
{
	const struct criterion *c = &x->d->criteria[i];
	const struct criterion_def *def;
	const char *s = x_or(c->name, NULL);

	if (s)
		return s;
	def = x_criterion_def(x->k, c->key);
	if (def && x_or(def->name, NULL))
		return def->name;
	if (x_or(c->key, NULL))
		return c->key;
	snprintf(tmp, size, _("Criterion %zu"), i + 1);
	return tmp;
}

const char *x_decision_title(const struct decision *dec)
{
	return x_or(dec->title, _("Untitled decision"));
}

const char *x_risk_status_label(enum risk_status s)
{
	switch (s) {
	case RISK_OPEN:
		return _("Open");
	case RISK_MITIGATING:
		return _("Mitigating");
	case RISK_ACCEPTED:
		return _("Accepted");
	case RISK_CLOSED:
		return _("Closed");
	case RISK_STATUS_COUNT:
		break;
	}
	return "?";
}

/* ---- knowledge lookups ------------------------------------------------- */

/* Later entries win: user content overrides shipped content by id. */
#define FIND_BY_ID(arr, n, idv)                                         \
	do {                                                            \
		if (!k || !(idv))                                       \
			return NULL;                                    \
		for (size_t i_ = (n); i_ > 0; i_--)                     \
			if (str_eq((arr)[i_ - 1].id, (idv)))            \
				return &(arr)[i_ - 1];                  \
		return NULL;                                            \
	} while (0)

const struct question *x_question(const struct knowledge *k, const char *id)
{
	FIND_BY_ID(k->questions, k->n_questions, id);
}

const struct section *x_section(const struct knowledge *k, const char *id)
{
	FIND_BY_ID(k->sections, k->n_sections, id);
}

const struct criterion_def *x_criterion_def(const struct knowledge *k,
					    const char *id)
{
	FIND_BY_ID(k->criteria, k->n_criteria, id);
}

const struct metric_def *x_metric_def(const struct knowledge *k,
				      const char *id)
{
	FIND_BY_ID(k->metrics, k->n_metrics, id);
}

const struct category *x_category(const struct knowledge *k, const char *id)
{
	FIND_BY_ID(k->categories, k->n_categories, id);
}

const struct tech *x_tech(const struct knowledge *k, const char *category,
			  const char *name)
{
	const struct tech *any = NULL;

	if (!k || !name)
		return NULL;
	/* Components name their technology as typed: match the catalogue
	 * by name or id, ignoring case; prefer the same category. */
	for (size_t i = k->n_techs; i > 0; i--) {
		const struct tech *t = &k->techs[i - 1];

		if ((t->name && strcasecmp(t->name, name) == 0) ||
		    (t->id && strcasecmp(t->id, name) == 0)) {
			if (str_eq(t->category, category))
				return t;
			if (!any)
				any = t;
		}
	}
	return any;
}

int x_chosen(const struct workshop_data *d, const struct decision *dec)
{
	if (!dec || !dec->chosen)
		return -1;
	return wsdata_approach_index(d, dec->chosen);
}

size_t *x_decision_order(const struct workshop_data *d)
{
	size_t *o = malloc((d->n_decisions ? d->n_decisions : 1) *
			   sizeof(*o));

	if (!o)
		return NULL;
	for (size_t i = 0; i < d->n_decisions; i++) {
		size_t j = i;

		while (j > 0 &&
		       d->decisions[o[j - 1]].number > d->decisions[i].number) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
	return o;
}

/* Documents use "." whatever LC_NUMERIC says, so that an export does not
 * depend on who ran it. */
static void fix_decimal(char *buf)
{
	const char *dp = localeconv()->decimal_point;
	char *p;

	if (!dp || !dp[0] || strcmp(dp, ".") == 0 || !(p = strstr(buf, dp)))
		return;
	*p = '.';
	memmove(p + 1, p + strlen(dp), strlen(p + strlen(dp)) + 1);
}

void x_num(char *buf, size_t size, double v)
{
	str_number(buf, size, v);
	fix_decimal(buf);
}

void x_fmt_fixed(char *buf, size_t size, double v, int decimals)
{
	snprintf(buf, size, "%.*f", decimals, v == 0 ? 0.0 : v);
	fix_decimal(buf);
}

void x_fmt_total(char *buf, size_t size, double v)
{
	x_fmt_fixed(buf, size, v, 2);
}

void x_fmt_percent(char *buf, size_t size, double v)
{
	x_fmt_fixed(buf, size - 1, v * 100.0, 1);
	strcat(buf, "%");
}

char *x_marker(const struct workshop_data *d, int number)
{
	char *slug = md_slug(d->ws.title, "workshop", (int)d->ws.id);
	char *m;

	if (!slug)
		return NULL;
	m = str_printf("%s%s decision %d -->", X_MARKER_PREFIX, slug, number);
	free(slug);
	return m;
}

/* ---- writing ----------------------------------------------------------- */

int export_render(const struct workshop_data *d, const struct knowledge *k,
		  enum export_format f, struct buf *out, struct error *e)
{
	switch (f) {
	case EXPORT_REPORT:
		return export_report(d, k, out, e);
	case EXPORT_RISKS:
		return export_risks_md(d, out, e);
	case EXPORT_METRICS:
		return export_metrics_md(d, k, out, e);
	case EXPORT_RISKS_CSV:
		return export_risks_csv(d, out, e);
	case EXPORT_METRICS_CSV:
		return export_metrics_csv(d, k, out, e);
	case EXPORT_ADR: case EXPORT_MADR: case EXPORT_FORMAT_COUNT:
		break;
	}
	return err_set(e, ST_INPUT, "%s", _("not a single-file format"));
}

int x_ensure_dir(const char *dir, struct error *e)
{
	struct stat st;

	if (path_mkdir_p(dir, 0777, e) < 0)
		return e->code;
	if (stat(dir, &st) != 0)
		return err_set(e, ST_ERROR, "%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return err_set(e, ST_INPUT, _("%s: not a folder"), dir);
	return ST_OK;
}

static int write_stdout(const struct buf *b, struct error *e)
{
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		return err_set(e, ST_ERROR, _("standard output: %s"),
			       strerror(errno));
	if (fflush(stdout) != 0)
		return err_set(e, ST_ERROR, _("standard output: %s"),
			       strerror(errno));
	return ST_OK;
}

static int write_file(const char *path, enum export_format f,
		      const struct buf *b, int flags, struct strv *written,
		      struct error *e)
{
	struct stat st;
	size_t plen = strlen(path);
	char *target, *dir;
	int rc;

	if ((plen > 0 && path[plen - 1] == '/') ||
	    (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		if (x_ensure_dir(path, e) < 0)
			return e->code;
		target = path_join(path, export_default_name(f));
	} else {
		target = str_dup(path);
		dir = path_dirname(path);
		if (!dir) {
			free(target);
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		}
		rc = x_ensure_dir(dir, e);
		free(dir);
		if (rc < 0) {
			free(target);
			return rc;
		}
	}
	if (!target)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	rc = atomic_write(target, b->data ? b->data : "", b->len,
			  (flags & EXPORT_FORCE) ? ATOMIC_OVERWRITE : 0, e);
	if (rc == ST_OK && written && strv_push(written, target) < 0)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	free(target);
	return rc;
}

/*
 * ADR folders are a file format that other tools read back (adr-tools
 * looks for "## Status" and "Superceded by", log4brains for MADR's
 * headings, import-adr for both): their headings and status words must not
 * depend on who exported them, so they are written with the C locale's
 * messages, like CSV and the interchange format.  (Reports and tables are
 * for reading and follow the reader's language.)
 */
static int write_adr_dir(const struct workshop_data *d,
			 const struct knowledge *k, bool madr, const char *dir,
			 int flags, struct strv *written, struct error *e)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	char *saved = cur ? str_dup(cur) : NULL;
	int rc;

	if (cur && !saved)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	setlocale(LC_MESSAGES, "C");
	rc = x_write_dir(d, k, madr, dir, flags, written, e);
	if (saved)
		setlocale(LC_MESSAGES, saved);
	free(saved);
	return rc;
}

int export_run(const struct workshop_data *d, const struct knowledge *k,
	       const char *format, const char *path, int flags,
	       struct strv *written, struct error *e)
{
	enum export_format f;
	struct buf b;
	int rc;

	if (export_format_from_id(format, &f) < 0)
		return err_set(e, ST_INPUT,
			       _("unknown export format \"%s\" (use report, adr, madr, risks, metrics, risks-csv or metrics-csv)"),
			       format ? format : "");
	if (export_format_is_dir(f))
		return write_adr_dir(d, k, f == EXPORT_MADR,
				     path ? path : EXPORT_ADR_DIR, flags,
				     written, e);
	buf_init(&b);
	buf_puts(&b, "");
	rc = export_render(d, k, f, &b, e);
	if (rc == ST_OK)
		rc = x_out_of_memory(&b, e);
	if (rc == ST_OK)
		rc = path ? write_file(path, f, &b, flags, written, e) :
			    write_stdout(&b, e);
	buf_free(&b);
	return rc;
}
