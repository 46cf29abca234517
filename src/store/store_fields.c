#include "config.h"
/*
 * store_fields: the generic one-field edit (store_update) and read
 * (store_get_field) behind every form in the UI.  A whitelist maps
 * (table, field) to a column and a kind that says how the text value is
 * checked and stored; column names come only from that list, values are
 * always bound.  Also the text encodings of lists, components and numbers.
 */

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store_int.h"
#include "store/store_roles.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* ---- encodings ---------------------------------------------------------- */

char *store_enc_list(const struct strv *sv)
{
	return strv_join(sv, "\n");
}

int store_dec_list(const char *text, struct strv *sv)
{
	return strv_split(sv, text, '\n');
}

char *store_enc_components(const struct component *c, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s\t%s", i ? "\n" : "",
			   c[i].category ? c[i].category : "",
			   c[i].name ? c[i].name : "");
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int store_dec_components(const char *text, struct approach *a)
{
	struct strv lines = { 0 };
	int rc = ST_OK;

	if (store_dec_list(text, &lines) < 0) {
		strv_free(&lines);
		return ST_ERROR;
	}
	for (size_t i = 0; i < lines.n && rc == ST_OK; i++) {
		struct component *c = approach_add_component(a);
		char *tab = strchr(lines.v[i], '\t');

		if (!c)
			rc = ST_ERROR;
		else if (!tab)
			rc = (c->category = str_dup("")) &&
			     (c->name = str_dup(lines.v[i])) ? ST_OK : ST_ERROR;
		else
			rc = (c->category = str_ndup(lines.v[i],
						     (size_t)(tab - lines.v[i]))) &&
			     (c->name = str_dup(tab + 1)) ? ST_OK : ST_ERROR;
	}
	strv_free(&lines);
	return rc;
}

char *store_enc_numbers(const int *v, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%d", i ? "," : "", v[i]);
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int store_parse_numbers(const char *text, int **v, size_t *n)
{
	const char *p = text ? text : "";
	int *out = NULL;
	size_t count = 0;

	*v = NULL;
	*n = 0;
	for (;;) {
		char *end;
		long x;
		int *grown;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p && !count)
			break;
		if (!isdigit((unsigned char)*p))
			goto bad;
		errno = 0;
		x = strtol(p, &end, 10);
		if (errno || x <= 0 || x > 1000000)
			goto bad;
		if (!(grown = realloc(out, (count + 1) * sizeof(*out)))) {
			free(out);
			return ST_ERROR;
		}
		out = grown;
		out[count++] = (int)x;
		p = end;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (*p++ != ',')
			goto bad;
	}
	*v = out;
	*n = count;
	return ST_OK;
bad:
	free(out);
	return ST_INPUT;
}

int store_dec_numbers(const char *text, int **v, size_t *n)
{
	int rc = store_parse_numbers(text, v, n);

	/* What we wrote always parses; anything else reads as none. */
	return rc == ST_INPUT ? ST_OK : rc;
}

int store_check_links(const char *text, struct error *e)
{
	struct strv lines = { 0 };
	int rc = ST_OK;

	if (store_dec_list(text, &lines) < 0)
		return OOM(e);
	for (size_t i = 0; i < lines.n; i++) {
		const char *rel;
		size_t n;
		int num;

		if (decision_link_parse(lines.v[i], &rel, &n, &num) < 0) {
			rc = err_set(e, ST_INPUT, _("links: line %zu is not a "
						    "relation, a tab and a "
						    "decision number: '%s'"),
				     i + 1, lines.v[i]);
			break;
		}
	}
	strv_free(&lines);
	return rc;
}

/* ---- the whitelist ------------------------------------------------------- */

enum kind {
	K_TEXT,        /* text as typed */
	K_OPT,         /* text, "" = NULL */
	K_TITLE,       /* text that must not be blank */
	K_LIST,        /* lines */
	K_COMPONENTS,  /* "category\tname" lines */
	K_NUMBERS,     /* "3,5" */
	K_LINKS,       /* "RELATION\tNUMBER" lines */
	K_REAL,        /* a number, "" = 0 */
	K_OPTREAL,     /* a number, "" = NULL */
	K_SCALE,       /* a number, required */
	K_BOOL,
	K_LEVEL,       /* integer 1..5 */
	K_OPTNUM,      /* positive integer, "" = NULL */
	K_STAGE, K_WEIGHTING, K_ADR, K_RISK,
	K_DATE         /* YYYY-MM-DD, "" = NULL */
};

struct field {
	const char *tbl;
	const char *name;   /* the API's name, also the column's */
	enum kind kind;
};

static const struct field fields[] = {
	{ "workshop", "title", K_TITLE },
	{ "workshop", "stage", K_STAGE },
	{ "workshop", "archived", K_BOOL },
	{ "workshop", "facilitator", K_OPT },
	{ "workshop", "weighting", K_WEIGHTING },
	{ "workshop", "scale_min", K_SCALE },
	{ "workshop", "scale_max", K_SCALE },
	{ "approach", "name", K_TEXT },
	{ "approach", "summary", K_TEXT },
	{ "approach", "pattern", K_OPT },
	{ "approach", "deployment", K_TEXT },
	{ "approach", "observability", K_TEXT },
	{ "approach", "security", K_TEXT },
	{ "approach", "complexity", K_TEXT },
	{ "approach", "cost", K_TEXT },
	{ "approach", "pros", K_LIST },
	{ "approach", "cons", K_LIST },
	{ "approach", "stages", K_LIST },
	{ "approach", "components", K_COMPONENTS },
	{ "criterion", "name", K_TEXT },
	{ "criterion", "description", K_TEXT },
	{ "criterion", "weight", K_REAL },
	{ "decision", "title", K_TEXT },
	{ "decision", "status", K_ADR },
	{ "decision", "superseded_by", K_OPTNUM },
	{ "decision", "date", K_DATE },
	{ "decision", "deciders", K_LIST },
	{ "decision", "consulted", K_LIST },
	{ "decision", "informed", K_LIST },
	{ "decision", "context", K_TEXT },
	{ "decision", "decision", K_TEXT },
	{ "decision", "rationale", K_TEXT },
	{ "decision", "positive", K_LIST },
	{ "decision", "negative", K_LIST },
	{ "decision", "risks", K_LIST },
	{ "decision", "chosen", K_OPT },
	{ "decision", "supersedes", K_NUMBERS },
	{ "decision", "alternatives", K_OPT },
	{ "decision", "links", K_LINKS },
	{ "decision", "markdown", K_BOOL },
	{ "risk", "description", K_TEXT },
	{ "risk", "probability", K_LEVEL },
	{ "risk", "impact", K_LEVEL },
	{ "risk", "owner", K_TEXT },
	{ "risk", "mitigation", K_TEXT },
	{ "risk", "status", K_RISK },
	{ "metric", "name", K_TEXT },
	{ "metric", "unit", K_TEXT },
	{ "metric", "current", K_OPTREAL },
	{ "metric", "target_3m", K_OPTREAL },
	{ "metric", "target_6m", K_OPTREAL },
	{ "phase", "name", K_TEXT },
	{ "phase", "weeks", K_REAL },
	{ "phase", "items", K_LIST },
	{ "answer", "note", K_OPT },
};

/* What names a row in conflict messages. */
static const struct {
	const char *tbl;
	const char *label;
} labels[] = {
	{ "workshop", "title" },
	{ "approach", "key" },
	{ "criterion", "key" },
	{ "decision", "number" },
	{ "risk", "key" },
	{ "metric", "key" },
	{ "phase", "name" },
	{ "answer", "question" },
};

static const struct field *find_field(const char *tbl, const char *name)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (str_eq(fields[i].tbl, tbl) && str_eq(fields[i].name, name))
			return &fields[i];
	return NULL;
}

static const char *label_column(const char *tbl)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (str_eq(labels[i].tbl, tbl))
			return labels[i].label;
	return "id";
}

static int unknown_field(const char *tbl, const char *name, struct error *e)
{
	return err_set(e, ST_INPUT, _("%s.%s is not a field that can be "
				      "edited"), tbl ? tbl : "?",
		       name ? name : "?");
}

/* A value ready to bind. */
struct val {
	enum { V_NULL, V_TEXT, V_INT, V_REAL } type;
	char *text;      /* owned */
	int64_t i;
	double r;
};

static bool parse_real(const char *t, double *out)
{
	char *end;

	while (isspace((unsigned char)*t))
		t++;
	if (!*t)
		return false;
	errno = 0;
	*out = strtod(t, &end);
	while (isspace((unsigned char)*end))
		end++;
	return !errno && !*end && isfinite(*out);
}

static bool parse_int(const char *t, int64_t *out)
{
	char *end;
	long long v;

	while (isspace((unsigned char)*t))
		t++;
	if (!*t)
		return false;
	errno = 0;
	v = strtoll(t, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

static bool valid_date(const char *t)
{
	static const char shape[] = "dddd-dd-dd";
	int month, day;

	if (strlen(t) != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)t[i])
				    : t[i] != '-')
			return false;
	month = (t[5] - '0') * 10 + (t[6] - '0');
	day = (t[8] - '0') * 10 + (t[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static bool is_blank(const char *t)
{
	while (isspace((unsigned char)*t))
		t++;
	return !*t;
}

/* Check value for the field and turn it into what is stored. */
/* Each line of a component list: "category<TAB>name". */
static int check_components(const struct field *f, const char *t,
			    struct error *e)
{
	for (const char *line = t; *line;) {
		const char *nl = strchr(line, '\n');
		const char *tab = strchr(line, '\t');

		if (!tab || (nl && tab > nl))
			return err_set(e, ST_INPUT, _("%s: each line needs "
						      "a category, a tab "
						      "and a name"),
				       f->name);
		if (!nl)
			break;
		line = nl + 1;
	}
	return ST_OK;
}

static int convert_numbers(const struct field *f, const char *t,
			   struct val *v, struct error *e)
{
	int *nums;
	size_t n;
	int rc = store_parse_numbers(t, &nums, &n);

	if (rc == ST_INPUT)
		return err_set(e, ST_INPUT, _("%s: give decision numbers "
					      "separated by commas, not "
					      "'%s'"), f->name, t);
	if (rc < 0)
		return OOM(e);
	v->type = V_TEXT;
	v->text = store_enc_numbers(nums, n);
	free(nums);
	return v->text ? ST_OK : OOM(e);
}

/* A decision's links; blank lines (a trailing newline) are dropped. */
static int convert_links(const char *t, struct val *v, struct error *e)
{
	struct strv lines = { 0 }, kept = { 0 };
	int rc = store_dec_list(t, &lines);

	for (size_t i = 0; rc == ST_OK && i < lines.n; i++)
		if (!is_blank(lines.v[i]))
			rc = strv_push(&kept, lines.v[i]);
	if (rc == ST_OK && !(v->text = store_enc_list(&kept)))
		rc = ST_ERROR;
	strv_free(&lines);
	strv_free(&kept);
	if (rc < 0)
		return OOM(e);
	if ((rc = store_check_links(v->text, e)) < 0) {
		free(v->text);
		v->text = NULL;
		return rc;
	}
	v->type = V_TEXT;
	return ST_OK;
}

/* Numbers, yes/no and levels. */
static int convert_number(const struct field *f, const char *t,
			  struct val *v, struct error *e)
{
	switch (f->kind) {
	case K_BOOL:
		v->type = V_INT;
		if (!strcasecmp(t, "1") || !strcasecmp(t, "true") ||
		    !strcasecmp(t, "yes"))
			v->i = 1;
		else if (!strcasecmp(t, "0") || !strcasecmp(t, "false") ||
			 !strcasecmp(t, "no") || !*t)
			v->i = 0;
		else
			return err_set(e, ST_INPUT, _("%s: '%s' is not yes or "
						      "no"), f->name, t);
		return ST_OK;
	case K_LEVEL:
		if (!parse_int(t, &v->i) || v->i < 1 || v->i > 5)
			return err_set(e, ST_INPUT, _("%s: give a whole number "
						      "from 1 to 5, not '%s'"),
				       f->name, t);
		v->type = V_INT;
		return ST_OK;
	case K_OPTNUM:
		if (is_blank(t)) {
			v->type = V_NULL;
			return ST_OK;
		}
		if (!parse_int(t, &v->i) || v->i < 1 || v->i > 1000000)
			return err_set(e, ST_INPUT, _("%s: '%s' is not a decision "
						      "number"), f->name, t);
		v->type = V_INT;
		return ST_OK;
	default:   /* K_REAL, K_OPTREAL, K_SCALE */
		if (is_blank(t) && f->kind != K_SCALE) {
			v->type = f->kind == K_REAL ? V_REAL : V_NULL;
			return ST_OK;
		}
		if (!parse_real(t, &v->r))
			return err_set(e, ST_INPUT, _("%s: '%s' is not a number"),
				       f->name, t);
		v->type = V_REAL;
		return ST_OK;
	}
}

/* A stage, weighting or status: stored as its stable id. */
static int convert_enum(const struct field *f, const char *t, struct val *v,
			struct error *e)
{
	enum stage stage;
	enum weighting w;
	enum adr_status adr;
	enum risk_status risk;
	const char *id = NULL;

	switch (f->kind) {
	case K_STAGE:
		if (stage_from_id(t, &stage) < 0)
			return err_set(e, ST_INPUT, _("%s: unknown stage '%s'"),
				       f->name, t);
		id = stage_id(stage);
		break;
	case K_WEIGHTING:
		if (weighting_from_id(t, &w) < 0)
			return err_set(e, ST_INPUT, _("%s: unknown weighting '%s' "
						      "(direct or ahp)"),
				       f->name, t);
		id = weighting_id(w);
		break;
	case K_ADR:
		if (adr_status_from_id(t, &adr) < 0)
			return err_set(e, ST_INPUT, _("%s: unknown status '%s'"),
				       f->name, t);
		id = adr_status_id(adr);
		break;
	default:   /* K_RISK */
		if (risk_status_from_id(t, &risk) < 0)
			return err_set(e, ST_INPUT, _("%s: unknown status '%s'"),
				       f->name, t);
		id = risk_status_id(risk);
		break;
	}
	v->type = V_TEXT;
	v->text = str_dup(id);
	return v->text ? ST_OK : OOM(e);
}

static int convert(const struct field *f, const char *value, struct val *v,
		   struct error *e)
{
	const char *t = value ? value : "";
	int rc;

	memset(v, 0, sizeof(*v));
	switch (f->kind) {
	case K_TITLE:
		if (is_blank(t))
			return err_set(e, ST_INPUT, _("%s: the title cannot be "
						      "empty"), f->name);
		/* fall through */
	case K_TEXT:
	case K_LIST:
		v->type = V_TEXT;
		break;
	case K_OPT:
		v->type = *t ? V_TEXT : V_NULL;
		break;
	case K_COMPONENTS:
		if ((rc = check_components(f, t, e)) < 0)
			return rc;
		v->type = V_TEXT;
		break;
	case K_NUMBERS:
		return convert_numbers(f, t, v, e);
	case K_LINKS:
		return convert_links(t, v, e);
	case K_REAL:
	case K_OPTREAL:
	case K_SCALE:
	case K_BOOL:
	case K_LEVEL:
	case K_OPTNUM:
		return convert_number(f, t, v, e);
	case K_STAGE:
	case K_WEIGHTING:
	case K_ADR:
	case K_RISK:
		return convert_enum(f, t, v, e);
	case K_DATE:
		if (!*t) {
			v->type = V_NULL;
			return ST_OK;
		}
		if (!valid_date(t))
			return err_set(e, ST_INPUT, _("%s: give a date as "
						      "YYYY-MM-DD, not '%s'"),
				       f->name, t);
		v->type = V_TEXT;
		break;
	}
	if (v->type == V_TEXT && !v->text && !(v->text = str_dup(t)))
		return OOM(e);
	return ST_OK;
}

/* The API text of a stored column value (same encoding as store_update). */
static char *column_text(sqlite3_stmt *st, int col)
{
	char num[64];

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		return str_dup("");
	case SQLITE_INTEGER:
		return str_printf("%lld",
				  (long long)sqlite3_column_int64(st, col));
	case SQLITE_FLOAT:
		str_number(num, sizeof(num), sqlite3_column_double(st, col));
		return str_dup(num);
	default:
		return str_dup((const char *)sqlite3_column_text(st, col));
	}
}

static char *val_text(const struct val *v)
{
	char num[64];

	switch (v->type) {
	case V_NULL:
		return str_dup("");
	case V_INT:
		return str_printf("%lld", (long long)v->i);
	case V_REAL:
		str_number(num, sizeof(num), v->r);
		return str_dup(num);
	case V_TEXT:
		break;
	}
	return str_dup(v->text);
}

/* Current value, version, workshop and label of one field's row. */
struct current {
	bool found;
	char *text;
	char *label;
	int64_t version;
	int64_t ws;
};

static int read_current(struct store *s, const struct field *f, int64_t id,
			struct current *cur, struct error *e)
{
	char sql[256];
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	memset(cur, 0, sizeof(*cur));
	snprintf(sql, sizeof(sql), "SELECT %s, version, %s, %s FROM %s "
		 "WHERE id = ?1", f->name,
		 str_eq(f->tbl, "workshop") ? "id" : "workshop_id",
		 label_column(f->tbl), f->tbl);
	if (!(st = store_stmt(s, sql, e)))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		cur->found = true;
		cur->version = sqlite3_column_int64(st, 1);
		cur->ws = sqlite3_column_int64(st, 2);
		if (!(cur->text = column_text(st, 0)) ||
		    !(cur->label = column_text(st, 3)))
			ret = OOM(e);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

static void current_clear(struct current *cur)
{
	free(cur->text);
	free(cur->label);
}

int store_get_field(struct store *s, const char *table, int64_t id,
		    const char *field, char **value, int64_t *version,
		    struct error *e)
{
	const struct field *f = find_field(table, field);
	struct current cur;
	int rc;

	*value = NULL;
	if (!f)
		return unknown_field(table, field, e);
	if ((rc = read_current(s, f, id, &cur, e)) < 0)
		goto out;
	if (!cur.found) {
		rc = err_set(e, ST_NOTFOUND, _("no %s with id %" PRId64),
			     f->tbl, id);
		goto out;
	}
	*value = cur.text;
	cur.text = NULL;
	if (version)
		*version = cur.version;
out:
	current_clear(&cur);
	return rc;
}

/*
 * workshop.facilitator through store_update: the role belongs to an
 * account (store_roles.h), so the value can only be this connection's own
 * name (take the role, by the rules of store_role_take) or "" (give it up,
 * as its holder).  The workshop's version does not move: the role has its
 * own.
 */
static int facilitator_update(struct store *s, int64_t id, const char *value,
			      int64_t *new_version, struct error *e)
{
	struct store_role r;
	int64_t version = 0;
	char *text = NULL;
	int rc;

	if (!str_empty(value) && !str_eq(value, s->who))
		return err_set(e, ST_INPUT, _("facilitator: you can take the "
					      "role only as yourself (%s); its "
					      "holder hands it to someone "
					      "else"), s->who);
	if ((rc = store_role_get(s, id, 0, &r, e)) < 0)
		return rc;
	if (!str_empty(value))
		rc = store_role_take(s, id, r.version, 0, e);
	else if (r.account)
		rc = store_role_release(s, id, r.version, e);
	store_role_clear(&r);
	if (rc == ST_OK && new_version &&
	    (rc = store_get_field(s, "workshop", id, "title", &text, &version,
				  e)) == ST_OK)
		*new_version = version;
	free(text);
	return rc;
}

/* A value as stored text (the API encoding, as store_get_field gives it);
 * a value the field would refuse is kept as it is. */
static char *stored_text(const struct field *f, const char *value)
{
	struct error ignore;
	struct val v;
	char *text;

	err_clear(&ignore);
	if (convert(f, value, &v, &ignore) < 0)
		return str_dup(value ? value : "");
	text = val_text(&v);
	free(v.text);
	return text;
}

/*
 * The one-field update behind store_update and store_update_field: the
 * edit started from the row at *expect_version, or (expect_version NULL)
 * from the field holding `was`.  In the second case only a change of this
 * field meanwhile is a conflict, and someone else having saved what I
 * save is none.
 */
static int update(struct store *s, const struct field *f, int64_t id,
		  const char *value, const int64_t *expect_version,
		  const char *was, int64_t *new_version, struct error *e)
{
	struct current cur = { 0 };
	struct val v;
	char sql[256], what[200];
	char *text = NULL, *was_text = NULL;
	sqlite3_stmt *st;
	int rc;

	if (str_eq(f->tbl, "workshop") && str_eq(f->name, "facilitator"))
		return facilitator_update(s, id, value, new_version, e);
	if ((rc = convert(f, value, &v, e)) < 0)
		return rc;
	if (!(text = val_text(&v)) ||
	    (!expect_version && !(was_text = stored_text(f, was)))) {
		free(v.text);
		free(text);
		return OOM(e);
	}
	if ((rc = store_begin(s, e)) < 0)
		goto out;
	if ((rc = read_current(s, f, id, &cur, e)) < 0)
		goto end;
	if (cur.found)
		snprintf(what, sizeof(what), "%s %s", f->tbl, cur.label);
	else
		snprintf(what, sizeof(what), "%s %" PRId64, f->tbl, id);
	if (!cur.found || (expect_version && cur.version != *expect_version)) {
		rc = store_conflict(s, f->tbl, id, what, !cur.found, e);
		goto end;
	}
	if (!expect_version && !str_eq(cur.text, was_text) &&
	    !str_eq(cur.text, text)) {
		rc = store_conflict_field(s, f->tbl, id, f->name, what, e);
		goto end;
	}
	if (str_eq(cur.text, text)) {
		/* Nothing changed: no write, no audit row. */
		if (new_version)
			*new_version = cur.version;
		goto end;
	}
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?1, version = version + 1 "
		 "WHERE id = ?2 AND version = ?3", f->tbl, f->name);
	if (!(st = store_stmt(s, sql, e))) {
		rc = e->code;
		goto end;
	}
	switch (v.type) {
	case V_NULL:
		sqlite3_bind_null(st, 1);
		break;
	case V_TEXT:
		store_bind_text(st, 1, v.text);
		break;
	case V_INT:
		sqlite3_bind_int64(st, 1, v.i);
		break;
	case V_REAL:
		sqlite3_bind_double(st, 1, v.r);
		break;
	}
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, cur.version);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto end;
	rc = store_audit(s, cur.ws, f->tbl, id, f->name, cur.text, text, e);
	if (rc == ST_OK && new_version)
		*new_version = cur.version + 1;
end:
	rc = store_end(s, rc, e);
out:
	current_clear(&cur);
	free(v.text);
	free(text);
	free(was_text);
	return rc;
}

int store_update(struct store *s, const char *table, int64_t id,
		 const char *field, const char *value, int64_t expect_version,
		 int64_t *new_version, struct error *e)
{
	const struct field *f = find_field(table, field);

	if (!f)
		return unknown_field(table, field, e);
	return update(s, f, id, value, &expect_version, NULL, new_version, e);
}

int store_update_field(struct store *s, const char *table, int64_t id,
		       const char *field, const char *was, const char *value,
		       int64_t *new_version, struct error *e)
{
	const struct field *f = find_field(table, field);

	if (!f)
		return unknown_field(table, field, e);
	return update(s, f, id, value, NULL, was, new_version, e);
}
