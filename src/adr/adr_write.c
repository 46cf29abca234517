#include "config.h"

/*
 * adr: decisions as a folder of ADR files.  This file owns the folder
 * logic shared by the adr-tools (Nygard) and MADR layouts: reading what is
 * in the folder already, numbering our files after it, the README.md index,
 * and writing everything or nothing; plus the adr-tools layout itself:
 *
 *   # N. Title / Date: / ## Status (word and link lines) / ## Context /
 *   ## Decision / ## Consequences
 *
 * with our Rationale and Alternatives considered sections added, as
 * adr-tools' own template allows (each only when it has content).  Status
 * links are spelled exactly as `adr new -s` writes them through adr-tools'
 * _adr_add_link, so its `adr link` and `adr generate` read ours:
 * "Supercedes [1. Title](0001-title.md)" and
 * "Superceded by [2. Title](0002-title.md)".  Being parsed by tools, they
 * are not translated.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/atomic.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"

/* Existing files larger than this are listed but not read. */
#define ADR_READ_MAX (1024 * 1024)

/* ---- reading an existing folder --------------------------------------- */

struct found {
	struct adr_entry en;
	int marker;        /* our decision number, when the file is ours */
};

/* The value of "key: value" with YAML quotes dropped (new string). */
static char *yaml_value(const char *line, size_t len)
{
	const char *colon = memchr(line, ':', len);
	const char *a, *b;

	if (!colon)
		return NULL;
	a = colon + 1;
	b = line + len;
	while (a < b && (*a == ' ' || *a == '\t'))
		a++;
	while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
		b--;
	if (b - a >= 2 && (*a == '"' || *a == '\'') && b[-1] == *a) {
		a++;
		b--;
	}
	return str_ndup(a, (size_t)(b - a));
}

/* Status text without its links: "Superseded by [2. X](...)" -> the
 * words before the link. */
static char *status_text(const char *line, size_t len)
{
	const char *br = memchr(line, '[', len);
	size_t n = br ? (size_t)(br - line) : len;

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		n--;
	return n ? str_ndup(line, n) : NULL;
}

/* A minimal reading of an ADR file in either layout: title, status, date
 * and our marker. */
static void parse_adr(const char *text, struct found *f, const char *mine)
{
	const char *p = text;
	bool front = strncmp(text, "---\n", 4) == 0, in_front = front;
	bool in_status = false;

	if (front)
		p += 4;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (in_front) {
			if (len == 3 && strncmp(p, "---", 3) == 0)
				in_front = false;
			else if (!f->en.status && strncmp(p, "status:", 7) == 0)
				f->en.status = yaml_value(p, len);
			else if (!f->en.date && strncmp(p, "date:", 5) == 0)
				f->en.date = yaml_value(p, len);
		} else if (!f->en.title && len > 2 && strncmp(p, "# ", 2) == 0) {
			const char *t = p + 2, *end = p + len;
			const char *q = t;

			/* adr-tools: "# 12. Title" */
			while (q < end && *q >= '0' && *q <= '9')
				q++;
			if (q > t && q + 1 < end && q[0] == '.' && q[1] == ' ')
				t = q + 2;
			f->en.title = str_ndup(t, (size_t)(end - t));
		} else if (!f->en.date && strncmp(p, "Date: ", 6) == 0) {
			f->en.date = str_ndup(p + 6, len - 6);
		} else if (len >= 9 && strncmp(p, "## Status", 9) == 0) {
			in_status = !f->en.status;
		} else if (in_status && len > 0) {
			if (strncmp(p, "#", 1) != 0)
				f->en.status = status_text(p, len);
			in_status = false;
		} else if (strncmp(p, mine, strlen(mine)) == 0) {
			f->marker = atoi(p + strlen(mine));
		}
		p += len;
		if (*p == '\n')
			p++;
	}
}

/* "0012-some-title.md" -> 12; -1 for any other name. */
static int adr_number(const char *name)
{
	size_t len = strlen(name), i = 0;
	long n = 0;

	while (name[i] >= '0' && name[i] <= '9' && i < 9)
		n = n * 10 + (name[i++] - '0');
	if (i == 0 || (name[i] != '-' && name[i] != '.') || len < 4 ||
	    strcmp(name + len - 3, ".md") != 0)
		return -1;
	return (int)n;
}

static void entry_clear(struct adr_entry *en)
{
	free(en->file);
	free(en->title);
	free(en->status);
	free(en->date);
	memset(en, 0, sizeof(*en));
}

static int scan_dir(const char *dir, const char *mine, struct found **out,
		    size_t *n_out, bool *index_ours, struct error *e)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct found *v = NULL;
	size_t n = 0;
	int rc = ST_OK;

	*out = NULL;
	*n_out = 0;
	*index_ours = true;
	if (!dp) {
		if (errno == ENOENT)
			return ST_OK;
		return err_set(e, ST_ERROR, "%s: %s", dir, strerror(errno));
	}
	while ((de = readdir(dp)) != NULL) {
		int num = adr_number(de->d_name);
		bool readme = strcmp(de->d_name, "README.md") == 0;
		char *path, *text = NULL;
		struct stat st;
		size_t len;

		if (num < 0 && !readme)
			continue;
		path = path_join(dir, de->d_name);
		if (!path) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			break;
		}
		/* Only regular files are read; a symlink is never followed. */
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size <= ADR_READ_MAX)
			file_read_all(path, &text, &len, NULL);
		free(path);
		if (readme) {
			if (!text || !strstr(text, X_INDEX_MARKER))
				*index_ours = false;
			free(text);
			continue;
		}
		{
			struct found *nv = realloc(v, (n + 1) * sizeof(*v));

			if (!nv) {
				free(text);
				rc = err_set(e, ST_ERROR, "%s",
					     _("out of memory"));
				break;
			}
			v = nv;
		}
		memset(&v[n], 0, sizeof(v[n]));
		v[n].en.number = num;
		v[n].en.decision = -1;
		v[n].en.exists = true;
		v[n].en.file = str_dup(de->d_name);
		v[n].marker = -1;
		if (text)
			parse_adr(text, &v[n], mine);
		free(text);
		n++;
	}
	closedir(dp);
	*out = v;
	*n_out = n;
	return rc;
}

/* ---- planning ---------------------------------------------------------- */

static char *index_status(const struct workshop_data *d, size_t i)
{
	const struct decision *dec = &d->decisions[i];
	int by = x_superseder(d, i);

	if (by >= 0)
		return str_printf(_("Superseded by ADR %d"),
				  d->decisions[by].number);
	if (dec->status == ADR_SUPERSEDED && dec->superseded_by > 0)
		return str_printf(_("Superseded by ADR %d"),
				  dec->superseded_by);
	return str_dup(adr_status_label(dec->status));
}

int x_superseder(const struct workshop_data *d, size_t i)
{
	const struct decision *dec = &d->decisions[i];

	for (size_t j = 0; j < d->n_decisions; j++) {
		const struct decision *o = &d->decisions[j];

		if (j == i)
			continue;
		if (dec->superseded_by > 0 && o->number == dec->superseded_by)
			return (int)j;
	}
	for (size_t j = 0; j < d->n_decisions; j++) {
		const struct decision *o = &d->decisions[j];

		if (j == i)
			continue;
		for (size_t s = 0; s < o->n_supersedes; s++)
			if (o->supersedes[s] == dec->number)
				return (int)j;
	}
	return -1;
}

static bool number_taken(const struct found *f, size_t nf,
			 const struct adr_plan *p, int num)
{
	/* Every file in the folder holds its number, ours from an earlier
	 * export included (a decision deleted since keeps its file). */
	for (size_t i = 0; i < nf; i++)
		if (f[i].en.number == num)
			return true;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].number == num)
			return true;
	return false;
}

int export_adr_plan(const struct workshop_data *d, const char *dir,
		    struct adr_plan *plan, struct error *e)
{
	struct found *f = NULL;
	size_t nf = 0, *order = NULL;
	char *marker = NULL, *mine = NULL;
	int offset = 0, max_num = 0, rc;
	char today[16];

	memset(plan, 0, sizeof(*plan));
	plan->index_ours = true;
	marker = x_marker(d, 0);
	/* "<!-- charrette: SLUG decision " */
	mine = marker ? str_ndup(marker, strlen(marker) - strlen("0 -->")) :
			NULL;
	order = x_decision_order(d);
	plan->v = calloc(d->n_decisions + 1, sizeof(*plan->v));
	if (!marker || !mine || !order || !plan->v) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto out;
	}
	if (dir) {
		rc = scan_dir(dir, mine, &f, &nf, &plan->index_ours, e);
		if (rc < 0)
			goto out;
	}
	/* Our numbers keep their gaps and follow the highest number that is
	 * not ours; an earlier export of this workshop fixes the offset. */
	for (size_t i = 0; i < nf; i++) {
		if (f[i].marker >= 0) {
			offset = f[i].en.number - f[i].marker;
			break;
		}
		if (f[i].en.number > offset)
			offset = f[i].en.number;
	}
	for (size_t i = 0; i < nf; i++)
		if (f[i].en.number > max_num)
			max_num = f[i].en.number;
	clock_today(today, sizeof(today));
	for (size_t r = 0; r < d->n_decisions; r++) {
		size_t i = order[r];
		const struct decision *dec = &d->decisions[i];
		struct adr_entry *en = &plan->v[plan->n];
		struct found *prev = NULL;

		for (size_t j = 0; j < nf; j++)
			if (f[j].marker == dec->number && f[j].en.file) {
				prev = &f[j];
				break;
			}
		en->decision = (int)i;
		if (prev) {
			en->number = prev->en.number;
			en->file = str_dup(prev->en.file);
			en->exists = true;
			prev->marker = -2;  /* taken over: not listed again */
		} else {
			char *slug;

			en->number = dec->number + offset;
			if (en->number <= 0 ||
			    number_taken(f, nf, plan, en->number))
				en->number = max_num + 1;
			slug = md_slug(dec->title, "decision", dec->number);
			en->file = slug ? str_printf("%04d-%s.md", en->number,
						     slug) : NULL;
			free(slug);
		}
		if (en->number > max_num)
			max_num = en->number;
		en->title = str_dup(x_decision_title(dec));
		en->markdown = dec->markdown;
		en->status = index_status(d, i);
		en->date = str_dup(x_or(dec->date, today));
		plan->n++;
		if (!en->file || !en->title || !en->status || !en->date) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			goto out;
		}
	}
	plan->n_ours = plan->n;
	/* Then everything else in the folder, for the index. */
	for (size_t i = 0; i < nf; i++) {
		struct adr_entry *nv;

		if (f[i].marker == -2)
			continue;
		nv = realloc(plan->v, (plan->n + 1) * sizeof(*nv));
		if (!nv) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			goto out;
		}
		plan->v = nv;
		plan->v[plan->n++] = f[i].en;
		memset(&f[i].en, 0, sizeof(f[i].en));
	}
	rc = ST_OK;
out:
	for (size_t i = 0; i < nf; i++)
		entry_clear(&f[i].en);
	free(f);
	free(order);
	free(marker);
	free(mine);
	if (rc < 0)
		export_adr_plan_clear(plan);
	return rc;
}

void export_adr_plan_clear(struct adr_plan *plan)
{
	for (size_t i = 0; i < plan->n; i++)
		entry_clear(&plan->v[i]);
	free(plan->v);
	memset(plan, 0, sizeof(*plan));
}

const struct adr_entry *x_plan_entry(const struct adr_plan *plan,
				     const struct workshop_data *d,
				     int number)
{
	for (size_t i = 0; i < plan->n_ours; i++) {
		int di = plan->v[i].decision;

		if (di >= 0 && (size_t)di < d->n_decisions &&
		    d->decisions[di].number == number)
			return &plan->v[i];
	}
	return NULL;
}

int x_adr_begin(struct xctx *x, const struct workshop_data *d,
		const struct knowledge *k, const struct adr_plan *plan,
		size_t i, const struct adr_entry **en, struct error *e)
{
	if (i >= d->n_decisions)
		return err_set(e, ST_INPUT, "%s", _("no such decision"));
	*en = x_plan_entry(plan, d, d->decisions[i].number);
	if (!*en)
		return err_set(e, ST_INPUT, _("decision %d is not in the plan"),
			       d->decisions[i].number);
	return xctx_init(x, d, k, e);
}

/* A link destination: our names are plain, others are percent-encoded. */
void x_link_target(struct buf *out, const char *file)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			buf_putc(out, (char)*p);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hex[*p >> 4]);
			buf_putc(out, hex[*p & 15]);
		}
	}
}

/* A title as link text: escaped, or as written for a Markdown decision
 * (only what would end the link text, or the table cell, escaped). */
static void link_title(struct buf *out, const struct adr_entry *en,
		       bool cell)
{
	if (!en->markdown) {
		if (cell)
			md_cell(out, x_or(en->title, en->file));
		else
			md_inline(out, en->title);
		return;
	}
	for (const char *p = en->title; p && *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			buf_putc(out, ' ');
			continue;
		}
		if ((*p == '[' || *p == ']' || (cell && *p == '|')) &&
		    (p == en->title || p[-1] != '\\'))
			buf_putc(out, '\\');
		buf_putc(out, *p);
	}
}

/* "[2. Title](0002-title.md)" */
static void adr_link(struct buf *out, const struct adr_entry *en)
{
	buf_printf(out, "[%d. ", en->number);
	link_title(out, en, false);
	buf_puts(out, "](");
	x_link_target(out, en->file);
	buf_putc(out, ')');
}

/* ---- the adr-tools layout ----------------------------------------------- */

/* adr-tools' own spelling (see the comment at the top). */
#define LINK_SUPERSEDES "Supercedes"
#define LINK_SUPERSEDED_BY "Superceded by"

static void status_section(struct buf *out, const struct workshop_data *d,
			   const struct adr_plan *plan, size_t i)
{
	const struct decision *dec = &d->decisions[i];
	int by = x_superseder(d, i);
	const struct adr_entry *en;

	md_heading(out, 2, _("Status"));
	if (by >= 0 && (en = x_plan_entry(plan, d, d->decisions[by].number))) {
		/* adr-tools replaces the status word with the link. */
		buf_puts(out, LINK_SUPERSEDED_BY " ");
		adr_link(out, en);
	} else if (dec->status == ADR_SUPERSEDED && dec->superseded_by > 0) {
		buf_printf(out, LINK_SUPERSEDED_BY " ADR %d", dec->superseded_by);
	} else {
		buf_puts(out, adr_status_label(dec->status));
	}
	buf_puts(out, "\n\n");
	for (size_t s = 0; s < dec->n_supersedes; s++) {
		en = x_plan_entry(plan, d, dec->supersedes[s]);
		if (en) {
			buf_puts(out, LINK_SUPERSEDES " ");
			adr_link(out, en);
		} else {
			buf_printf(out, LINK_SUPERSEDES " ADR %d",
				   dec->supersedes[s]);
		}
		buf_puts(out, "\n\n");
	}
	/* A decision marked as superseded by this one but missing from its
	 * list still gets its link. */
	for (size_t j = 0; j < d->n_decisions; j++) {
		const struct decision *o = &d->decisions[j];
		bool listed = false;

		if (j == i || o->superseded_by != dec->number)
			continue;
		for (size_t s = 0; s < dec->n_supersedes; s++)
			if (dec->supersedes[s] == o->number)
				listed = true;
		if (listed || !(en = x_plan_entry(plan, d, o->number)))
			continue;
		buf_puts(out, LINK_SUPERSEDES " ");
		adr_link(out, en);
		buf_puts(out, "\n\n");
	}
	/* Other links, one a line as adr-tools' `adr link` writes them. */
	for (size_t k = 0; k < dec->links.n; k++) {
		const char *rel;
		size_t n;
		int num;

		if (decision_link_parse(dec->links.v[k], &rel, &n, &num) < 0)
			continue;
		x_link_relation(out, dec, rel, n);
		buf_putc(out, ' ');
		if ((en = x_plan_entry(plan, d, num)))
			adr_link(out, en);
		else
			buf_printf(out, "ADR %d", num);
		buf_puts(out, "\n\n");
	}
}

void x_link_relation(struct buf *out, const struct decision *dec,
		     const char *rel, size_t n)
{
	char *r = str_ndup(rel, n);

	if (!r) {
		out->oom = true;
		return;
	}
	if (dec->markdown)
		buf_puts(out, r);
	else
		md_inline(out, r);
	free(r);
}

static void people_line(struct buf *out, const char *label,
			const struct strv *sv)
{
	size_t n = 0;

	if (!x_has_items(sv))
		return;
	buf_printf(out, "%s: ", label);
	for (size_t i = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		if (n++)
			buf_puts(out, ", ");
		md_inline(out, sv->v[i]);
	}
	buf_puts(out, "\n\n");
}

size_t x_list(struct buf *out, const char *bullet, const struct strv *sv,
	      const char *prefix)
{
	return x_list_md(out, bullet, sv, prefix, false);
}

size_t x_list_md(struct buf *out, const char *bullet, const struct strv *sv,
		 const char *prefix, bool markdown)
{
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++) {
		struct buf t;

		if (!x_or(sv->v[i], NULL))
			continue;
		buf_puts(out, bullet);
		buf_putc(out, ' ');
		if (prefix)
			buf_puts(out, prefix);
		buf_init(&t);
		if (markdown)
			md_source(&t, sv->v[i], "  ");
		else
			md_text(&t, sv->v[i], "  ", 1);
		buf_puts(out, buf_str(&t));
		if (t.oom)
			out->oom = true;
		buf_free(&t);
		buf_putc(out, '\n');
		n++;
	}
	if (n)
		buf_putc(out, '\n');
	return n;
}

/* The marker of the first bullet list in Markdown source, or 0. */
static char first_bullet(const char *s)
{
	bool fence = false;

	while (s && *s) {
		const char *p = s;

		while (*p == ' ')
			p++;
		if (strncmp(p, "```", 3) == 0 || strncmp(p, "~~~", 3) == 0)
			fence = !fence;
		else if (!fence && (*p == '-' || *p == '*' || *p == '+') &&
			 (p[1] == ' ' || p[1] == '\t'))
			return *p;
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	return 0;
}

const char *x_bullet(const struct decision *dec, const char *dflt)
{
	const char *texts[4];
	char c = 0;

	if (!dec->markdown)
		return dflt;
	texts[0] = dec->context;
	texts[1] = dec->decision;
	texts[2] = dec->rationale;
	texts[3] = dec->alternatives;
	for (size_t i = 0; i < 4 && !c; i++)
		c = first_bullet(texts[i]);
	return c == '-' ? "-" : c == '*' ? "*" : c == '+' ? "+" : dflt;
}

bool x_rationale_split(const struct decision *dec, char **head,
		       const char **sections)
{
	size_t at = dec->markdown ? md_source_sections(dec->rationale) :
		    (dec->rationale ? strlen(dec->rationale) : 0);

	*head = NULL;
	*sections = NULL;
	if (!x_or(dec->rationale, NULL))
		return true;
	if (dec->rationale[at])
		*sections = dec->rationale + at;
	if (at == 0)
		return true;
	*head = str_ndup(dec->rationale, at);
	if (!*head)
		return false;
	if (!x_or(*head, NULL)) {
		free(*head);
		*head = NULL;
	}
	return true;
}

void x_para(struct buf *out, const struct decision *dec, const char *s,
	    const char *fallback)
{
	if (dec->markdown)
		md_source_para(out, s, fallback);
	else
		md_para(out, s, fallback);
}

bool x_has_items(const struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		if (x_or(sv->v[i], NULL))
			return true;
	return false;
}

void x_marker_line(struct buf *out, const struct workshop_data *d,
		   int number)
{
	char *m = x_marker(d, number);

	md_end(out);
	if (!m) {
		out->oom = true;
		return;
	}
	buf_printf(out, "\n%s\n", m);
	free(m);
}

int export_adr_one(const struct workshop_data *d, const struct knowledge *k,
		   const struct adr_plan *plan, size_t i, struct buf *out,
		   struct error *e)
{
	const struct decision *dec;
	const struct adr_entry *en;
	struct xctx x;
	struct buf t;
	char today[16], tmp[32];
	int rc, chosen;
	const char *extra, *bullet;
	char *own;

	rc = x_adr_begin(&x, d, k, plan, i, &en, e);
	if (rc < 0)
		return rc;
	dec = &d->decisions[i];
	chosen = x_chosen(d, dec);
	clock_today(today, sizeof(today));

	buf_init(&t);
	buf_printf(&t, "%d. %s", en->number, x_decision_title(dec));
	if (dec->markdown)
		md_heading_source(out, 1, buf_str(&t));
	else
		md_heading(out, 1, buf_str(&t));
	if (t.oom)
		out->oom = true;
	buf_free(&t);
	buf_puts(out, "Date: ");
	md_inline(out, x_or(dec->date, today));
	buf_puts(out, "\n\n");
	people_line(out, _("Deciders"), &dec->deciders);
	people_line(out, _("Consulted"), &dec->consulted);
	people_line(out, _("Informed"), &dec->informed);

	status_section(out, d, plan, i);

	md_heading(out, 2, _("Context"));
	x_para(out, dec, dec->context, _("No context has been recorded."));

	md_heading(out, 2, _("Decision"));
	if (x_or(dec->decision, NULL))
		x_para(out, dec, dec->decision, "");
	else if (chosen < 0)
		md_para(out, NULL, _("No decision text has been recorded."));
	if (chosen >= 0) {
		buf_puts(out, _("Chosen approach: **"));
		md_inline(out, x_approach_name(d, (size_t)chosen, tmp,
					       sizeof(tmp)));
		buf_puts(out, "**.\n\n");
	}

	/* Sections an imported record had beyond ours are kept in the
	 * rationale under their own headings: they go after Consequences,
	 * where adr-tools records have them, not under our Rationale. */
	if (!x_rationale_split(dec, &own, &extra))
		out->oom = true;
	if (own) {
		md_heading(out, 2, _("Rationale"));
		x_para(out, dec, own, "");
	}

	md_heading(out, 2, _("Consequences"));
	/* Our items use the imported record's own list marker, so that
	 * the file keeps one style (markdownlint MD004). */
	bullet = x_bullet(dec, "-");
	if (!x_has_items(&dec->positive) && !x_has_items(&dec->negative) &&
	    !x_has_items(&dec->risks)) {
		buf_puts(out, _("No consequences have been recorded."));
		buf_puts(out, "\n\n");
	}
	if (x_has_items(&dec->positive)) {
		/* An imported record's consequences that were not sorted
		 * into kinds are all "positive": no label it did not have. */
		if (!dec->markdown || x_has_items(&dec->negative) ||
		    x_has_items(&dec->risks))
			md_heading(out, 3, _("Positive"));
		x_list_md(out, bullet, &dec->positive, NULL, dec->markdown);
	}
	if (x_has_items(&dec->negative)) {
		md_heading(out, 3, _("Negative"));
		x_list_md(out, bullet, &dec->negative, NULL, dec->markdown);
	}
	if (x_has_items(&dec->risks)) {
		md_heading(out, 3, _("Risks"));
		x_list_md(out, bullet, &dec->risks, NULL, dec->markdown);
	}
	if (extra)
		md_source_para(out, extra, "");
	free(own);

	/* The workshop's approaches answer the question of the decision
	 * that chose one; another decision's alternatives are only what
	 * its author wrote, and an empty section is left out. */
	if (x_or(dec->alternatives, NULL)) {
		md_heading(out, 2, _("Alternatives considered"));
		x_para(out, dec, dec->alternatives, "");
	} else if (d->n_approaches > 0 && chosen >= 0) {
		md_heading(out, 2, _("Alternatives considered"));
		x_alternatives_table(out, &x, chosen);
	}
	x_marker_line(out, d, dec->number);
	xctx_clear(&x);
	return x_out_of_memory(out, e);
}

/* ---- the index ---------------------------------------------------------- */

int export_adr_index(const struct adr_plan *plan, struct buf *out,
		     struct error *e)
{
	const char *head[4] = {
		_("ADR"), _("Title"), _("Status"), _("Date")
	};
	size_t *o = malloc((plan->n ? plan->n : 1) * sizeof(*o));

	if (!o)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < plan->n; i++) {
		size_t j = i;
		const struct adr_entry *a = &plan->v[i];

		while (j > 0 && (plan->v[o[j - 1]].number > a->number ||
				 (plan->v[o[j - 1]].number == a->number &&
				  strcmp(plan->v[o[j - 1]].file, a->file) > 0))) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
	md_heading(out, 1, _("Architecture decision records"));
	if (plan->n == 0) {
		buf_puts(out, _("No decisions have been recorded."));
		buf_puts(out, "\n\n");
	} else {
		md_table_head(out, head, 4, "rlll");
		for (size_t r = 0; r < plan->n; r++) {
			const struct adr_entry *a = &plan->v[o[r]];

			buf_printf(out, "| %d | [", a->number);
			link_title(out, a, true);
			buf_puts(out, "](");
			x_link_target(out, a->file);
			buf_puts(out, ") |");
			md_table_cell(out, x_or(a->status, "–"));
			md_table_cell(out, x_or(a->date, "–"));
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	buf_puts(out, _("This index is written by charrette and rewritten on every export; edit the decisions, not this file."));
	buf_puts(out, "\n\n" X_INDEX_MARKER "\n");
	free(o);
	return x_out_of_memory(out, e);
}

/* ---- writing the folder ------------------------------------------------- */

struct target {
	char *path;
	struct buf body;
	int aflags;
	bool existed;
};

static int check_target(struct target *t, int flags, bool ours_index,
			struct error *e)
{
	struct stat st;
	char *old = NULL;
	size_t len = 0;
	bool same;

	if (lstat(t->path, &st) != 0) {
		if (errno == ENOENT)
			return ST_OK;
		return err_set(e, ST_ERROR, "%s: %s", t->path, strerror(errno));
	}
	t->existed = true;
	if (S_ISLNK(st.st_mode))
		return err_set(e, ST_INPUT,
			       _("%s is a symbolic link; refusing to write through it (nothing was written)"),
			       t->path);
	if (!S_ISREG(st.st_mode))
		return err_set(e, ST_INPUT,
			       _("%s exists and is not a regular file (nothing was written)"),
			       t->path);
	if (file_read_all(t->path, &old, &len, e) < 0)
		return e->code;
	same = len == t->body.len && memcmp(old, buf_str(&t->body), len) == 0;
	free(old);
	if (same || (flags & EXPORT_FORCE) || ours_index)
		return ST_OK;
	return err_set(e, ST_INPUT,
		       _("%s already exists with different content; use --force to replace it (nothing was written)"),
		       t->path);
}

int x_write_dir(const struct workshop_data *d, const struct knowledge *k,
		bool madr, const char *dir, int flags, struct strv *written,
		struct error *e)
{
	struct adr_plan plan;
	struct target *t = NULL;
	size_t nt = 0, done = 0;
	int rc;

	rc = x_ensure_dir(dir, e);
	if (rc < 0)
		return rc;
	rc = export_adr_plan(d, dir, &plan, e);
	if (rc < 0)
		return rc;
	t = calloc(plan.n_ours + 1, sizeof(*t));
	if (!t) {
		export_adr_plan_clear(&plan);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	/* Render everything first, check every target, then write: a
	 * refusal leaves the folder as it was. */
	for (nt = 0; nt <= plan.n_ours; nt++) {
		struct target *c = &t[nt];
		bool index = nt == plan.n_ours;

		buf_init(&c->body);
		buf_puts(&c->body, "");
		c->path = path_join(dir, index ? "README.md" : plan.v[nt].file);
		if (!c->path) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			nt++;
			goto out;
		}
		if (index)
			rc = export_adr_index(&plan, &c->body, e);
		else if (madr)
			rc = export_madr_one(d, k, &plan,
					     (size_t)plan.v[nt].decision,
					     &c->body, e);
		else
			rc = export_adr_one(d, k, &plan,
					    (size_t)plan.v[nt].decision,
					    &c->body, e);
		if (rc < 0) {
			nt++;
			goto out;
		}
		c->aflags = (flags & EXPORT_FORCE) ? ATOMIC_OVERWRITE : 0;
		if (index && plan.index_ours)
			c->aflags = ATOMIC_OVERWRITE;
		rc = check_target(c, flags, index && plan.index_ours, e);
		if (rc < 0) {
			nt++;
			goto out;
		}
	}
	for (done = 0; done < nt; done++) {
		rc = atomic_write(t[done].path, buf_str(&t[done].body),
				  t[done].body.len, t[done].aflags, e);
		if (rc < 0)
			break;
	}
	if (rc < 0) {
		/* Take back the files this run created. */
		for (size_t i = 0; i < done; i++)
			if (!t[i].existed)
				unlink(t[i].path);
		goto out;
	}
	for (size_t i = 0; written && i < nt; i++)
		if (strv_push(written, t[i].path) < 0) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			break;
		}
out:
	for (size_t i = 0; i < nt; i++) {
		free(t[i].path);
		buf_free(&t[i].body);
	}
	free(t);
	export_adr_plan_clear(&plan);
	return rc;
}
