#include "config.h"

/*
 * helpers: the scored view of a workshop, names, NULL-safe lookups in the
 * knowledge, orders, numbers and people for the document writers (see
 * helpers.h).
 */

#include <errno.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "content/content.h"
#include "export/helpers.h"
#include "export/md.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"

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
	x_names_memo_clear(&x->memo);
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

/* ---- people ------------------------------------------------------------ */

/* The full name of account `name` from its GECOS field; *root when it is
 * the superuser.  False when there is no such account or no full name. */
static bool account_full_name(const char *name, char *buf, size_t size,
			      bool *root)
{
	struct passwd pw, *res = NULL;
	char tmp[4096];
	size_t n;

	*root = false;
	if (getpwnam_r(name, &pw, tmp, sizeof(tmp), &res) != 0 || !res)
		return false;
	if (res->pw_uid == 0) {
		*root = true;
		return false;
	}
	if (!res->pw_gecos)
		return false;
	n = strcspn(res->pw_gecos, ",");
	while (n > 0 && res->pw_gecos[n - 1] == ' ')
		n--;
	if (n == 0 || n >= size)
		return false;
	memcpy(buf, res->pw_gecos, n);
	buf[n] = '\0';
	return x_or(buf, NULL) != NULL;
}

void x_names_memo_clear(struct x_names_memo *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->account[i]);
		free(m->full[i]);
	}
	memset(m, 0, sizeof(*m));
}

/* account_full_name through the memo. */
static bool full_name(struct x_names_memo *m, const char *name, char *buf,
		      size_t size, bool *root)
{
	bool found;
	size_t i;

	for (i = 0; m && i < m->n; i++)
		if (strcmp(m->account[i], name) == 0)
			break;
	if (m && i < m->n) {
		*root = m->root[i];
		if (!m->full[i] || strlen(m->full[i]) >= size)
			return false;
		memcpy(buf, m->full[i], strlen(m->full[i]) + 1);
		return true;
	}
	found = account_full_name(name, buf, size, root);
	if (m && m->n < X_NAMES_MEMO &&
	    (m->account[m->n] = str_dup(name)) != NULL) {
		m->full[m->n] = found ? str_dup(buf) : NULL;
		m->root[m->n] = *root;
		/* Out of memory for the name: look it up again next time. */
		if (found && !m->full[m->n])
			free(m->account[m->n]);
		else
			m->n++;
	}
	return found;
}

const char *x_person(const char *recorded, enum x_names names,
		     struct x_names_memo *memo, char *buf, size_t size)
{
	const char *via;
	size_t n;
	bool root = false;

	if (!x_or(recorded, NULL) || size == 0)
		return NULL;
	/* "NAME (via ACCOUNT)": the display name is the person. */
	via = strstr(recorded, " (via ");
	n = via && via[strlen(via) - 1] == ')' ? (size_t)(via - recorded) :
		strlen(recorded);
	if (n >= size)
		n = size - 1;
	memcpy(buf, recorded, n);
	buf[n] = '\0';
	if (!x_or(buf, NULL))
		return NULL;
	if (strcmp(buf, "root") == 0)
		return NULL;
	if (names == X_NAMES_REAL) {
		char full[256];

		if (full_name(memo, buf, full, sizeof(full), &root)) {
			snprintf(buf, size, "%s", full);
			return buf;
		}
		if (root)
			return NULL;
	}
	return buf;
}

size_t x_people(struct buf *out, const struct strv *sv, enum x_names names,
		struct x_names_memo *memo,
		void (*put)(struct buf *, const char *))
{
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++) {
		char tmp[256];
		const char *p = x_person(sv->v[i], names, memo, tmp,
					 sizeof(tmp));

		if (!p)
			continue;
		if (n++)
			buf_puts(out, ", ");
		put(out, p);
	}
	return n;
}

/* ---- knowledge lookups ------------------------------------------------- */

/* The content's lookups (an id is unique there: a user's entry replaces
 * the shipped one), NULL-safe as they are. */
const struct question *x_question(const struct knowledge *k, const char *id)
{
	return knowledge_question(k, id);
}

const struct section *x_section(const struct knowledge *k, const char *id)
{
	return knowledge_section(k, id);
}

const struct criterion_def *x_criterion_def(const struct knowledge *k,
					    const char *id)
{
	return knowledge_criterion(k, id);
}

const struct metric_def *x_metric_def(const struct knowledge *k,
				      const char *id)
{
	return knowledge_metric(k, id);
}

const struct category *x_category(const struct knowledge *k, const char *id)
{
	for (size_t i = 0; k && id && i < k->n_categories; i++)
		if (str_eq(k->categories[i].id, id))
			return &k->categories[i];
	return NULL;
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

const char *x_option_label(const struct question *q, const char *id)
{
	if (q)
		for (size_t i = 0; i < q->n_options; i++)
			if (str_eq(q->options[i].id, id))
				return x_or(q->options[i].label, id);
	return id;
}

/* ---- orders -------------------------------------------------------------- */

int x_chosen(const struct workshop_data *d, const struct decision *dec)
{
	if (!dec || !dec->chosen)
		return -1;
	return wsdata_approach_index(d, dec->chosen);
}

/* A stable order by an integer key: a merge sort of indices, so that a
 * workshop of thousands of rows sorts in n log n. */
static void merge_by(size_t *o, size_t *tmp, size_t n, const long *key)
{
	size_t h = n / 2, i = 0, j = h, t = 0;

	if (n < 2)
		return;
	merge_by(o, tmp, h, key);
	merge_by(o + h, tmp, n - h, key);
	while (i < h && j < n)
		tmp[t++] = key[o[j]] < key[o[i]] ? o[j++] : o[i++];
	while (i < h)
		tmp[t++] = o[i++];
	while (j < n)
		tmp[t++] = o[j++];
	memcpy(o, tmp, n * sizeof(*o));
}

static size_t *order_by(size_t n, long *key)
{
	size_t *o = malloc((n ? n : 1) * sizeof(*o));
	size_t *tmp = malloc((n ? n : 1) * sizeof(*tmp));

	if (!o || !tmp) {
		free(o);
		free(tmp);
		free(key);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		o[i] = i;
	merge_by(o, tmp, n, key);
	free(tmp);
	free(key);
	return o;
}

size_t *x_decision_order(const struct workshop_data *d)
{
	long *key = malloc((d->n_decisions ? d->n_decisions : 1) *
			   sizeof(*key));

	if (!key)
		return NULL;
	for (size_t i = 0; i < d->n_decisions; i++)
		key[i] = d->decisions[i].number;
	return order_by(d->n_decisions, key);
}

size_t *x_risk_order(const struct workshop_data *d)
{
	long *key = malloc((d->n_risks ? d->n_risks : 1) * sizeof(*key));

	if (!key)
		return NULL;
	/* Highest score first. */
	for (size_t i = 0; i < d->n_risks; i++)
		key[i] = -(long)risk_score(&d->risks[i]);
	return order_by(d->n_risks, key);
}

/* ---- numbers -------------------------------------------------------------- */

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

void x_fmt(char *buf, size_t size, enum num_kind kind, double v)
{
	num_fmt(buf, size, kind, v);
	fix_decimal(buf);
}

void x_num(char *buf, size_t size, double v)
{
	x_fmt(buf, size, NUM_VALUE, v);
}

void x_fmt_total(char *buf, size_t size, double v)
{
	x_fmt(buf, size, NUM_TOTAL, v);
}

void x_fmt_percent(char *buf, size_t size, double v)
{
	x_fmt(buf, size, NUM_PERCENT1, v);
}

void x_quantity(struct buf *out, double v, const char *one,
		const char *other)
{
	char num[NUM_BUF];
	const char *unit = num_unit(v, x_or(one, NULL), x_or(other, NULL));

	x_num(num, sizeof(num), v);
	buf_puts(out, num);
	if (!unit)
		return;
	if (strcmp(unit, "%") != 0)
		buf_putc(out, ' ');
	buf_puts(out, unit);
}

/* ---- file sets ------------------------------------------------------------ */

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
