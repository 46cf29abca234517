#include "config.h"
/*
 * adr_parse: owns reading one ADR file into a struct adr_record: the
 * title, the sections and what goes into which field (adr_import.h), and
 * the place in the file of every field read, for adr_patch.  Metadata
 * (front matter, bullets, tables, status words) is adr_meta.c.  Offsets
 * are into the file as given: a BOM and CRLF line ends stay where they are.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr/adr_import.h"
#include "adr/adr_import_int.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- lines and their text --------------------------------------------- */

static void place_of(const char *text, size_t off, int *line, int *col)
{
	size_t bol = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
			(*line)++;
			bol = i + 1;
		}
	}
	*col = (int)(off - bol) + 1;
}

/* Split the file into lines, pointing into it (a BOM is skipped). */
static int split_lines(struct doc *d)
{
	const char *t = d->text;
	size_t len = d->len, i = 0, cap = 64;

	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	d->ln = malloc(cap * sizeof(*d->ln));
	if (!d->ln)
		return ST_ERROR;
	while (i < len) {
		size_t s = i;
		struct line *l;

		while (i < len && t[i] != '\n' && t[i] != '\r')
			i++;
		if (d->n == cap) {
			struct line *v = realloc(d->ln, 2 * cap * sizeof(*v));

			if (!v)
				return ST_ERROR;
			d->ln = v;
			cap *= 2;
		}
		l = &d->ln[d->n++];
		l->s = t + s;
		l->len = i - s;
		l->off = s;
		if (i < len && t[i] == '\r' && i + 1 < len && t[i + 1] == '\n') {
			if (d->n == 1)
				d->r->crlf = true;
			i += 2;
		} else if (i < len) {
			i++;
		}
		l->next = i;
	}
	d->hl = calloc(d->n ? d->n : 1, 1);
	d->taken = calloc(d->n ? d->n : 1, sizeof(*d->taken));
	return d->hl && d->taken ? ST_OK : ST_ERROR;
}

static void mark_headings(struct doc *d, size_t from)
{
	char fc = 0;
	size_t fk = 0;

	for (size_t i = from; i < d->n; i++) {
		size_t k = 0;
		char c = adr_fence(&d->ln[i], &k);

		if (fc) {
			if (c == fc && k >= fk)
				fc = 0;
			continue;
		}
		if (c) {
			fc = c;
			fk = k;
			continue;
		}
		d->hl[i] = (unsigned char)adr_heading(&d->ln[i], NULL, NULL);
	}
}

void adr_take(struct doc *d, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		d->taken[i] = true;
}

/*
 * The runs of untaken lines in [from, to): stretches without a taken line
 * in them, leading and trailing blank or comment-only lines dropped.  Each
 * run is one piece of text.  Returns how many (at most max).
 */
struct run {
	size_t first, last;   /* line indices, inclusive */
};

static size_t runs_of(const struct doc *d, size_t from, size_t to,
		      struct run *out, size_t max)
{
	size_t n = 0, i = from;

	while (i < to && n < max) {
		size_t first, last;

		while (i < to && (d->taken[i] || adr_line_ignorable(&d->ln[i])))
			i++;
		if (i >= to)
			break;
		first = last = i;
		while (i < to && !d->taken[i]) {
			if (!adr_line_ignorable(&d->ln[i]))
				last = i;
			i++;
		}
		out[n].first = first;
		out[n].last = last;
		n++;
	}
	/* More runs than room: the last one reaches to the end. */
	if (n == max && i < to) {
		for (size_t k = to; k-- > i;)
			if (!d->taken[k] && !adr_line_ignorable(&d->ln[k])) {
				out[n - 1].last = k;
				break;
			}
	}
	return n;
}

/* The text of lines [first, last] (taken ones skipped), joined with LF. */
static int run_text(const struct doc *d, const struct run *r, struct buf *b)
{
	bool any = false;

	for (size_t i = r->first; i <= r->last; i++) {
		if (d->taken[i])
			continue;
		if (any)
			buf_putc(b, '\n');
		buf_add(b, d->ln[i].s, d->ln[i].len);
		any = true;
	}
	return b->oom ? ST_ERROR : ST_OK;
}

#define MAX_RUNS 16

/*
 * The untaken text of [from, to) into a text field: each run a piece of
 * the field (a BODY place), their texts joined by a blank line into
 * *value (NULL when there is none).  With head (a heading line, else
 * SIZE_MAX) the first piece is the whole section and the text starts with
 * the heading as `level` #s and name.
 */
int adr_pieces(struct doc *d, int field, size_t head, int level,
		  const char *name, size_t nlen, size_t from, size_t to,
		  struct buf *value)
{
	struct run r[MAX_RUNS];
	size_t n = runs_of(d, from, to, r, MAX_RUNS);
	struct adr_places *p = field < 0 ? &d->own : &d->r->at[field];

	if (n && head != SIZE_MAX) {
		/* The heading is a piece of its own: its line alone. */
		struct buf t;
		const struct line *h = &d->ln[head];
		int rc;

		buf_init(&t);
		for (int i = 0; i < level; i++)
			buf_putc(&t, '#');
		buf_putc(&t, ' ');
		buf_add(&t, name, nlen);
		if (value->len)
			buf_puts(value, "\n\n");
		buf_add(value, buf_str(&t), t.len);
		rc = adr_place(p, ADR_AT_SECTION, h->off, h->off + h->len, h->off,
			       h->next, buf_str(&t), t.len);
		buf_free(&t);
		if (rc < 0 || value->oom)
			return ST_ERROR;
	}
	for (size_t k = 0; k < n; k++) {
		struct buf t;
		size_t a = r[k].first, z = r[k].last;
		int rc;

		buf_init(&t);
		if (run_text(d, &r[k], &t) < 0) {
			buf_free(&t);
			return ST_ERROR;
		}
		if (value->len)
			buf_puts(value, "\n\n");
		buf_add(value, buf_str(&t), t.len);
		rc = adr_place(p, ADR_AT_BODY, d->ln[a].off,
			       d->ln[z].off + d->ln[z].len, d->ln[a].off,
			       d->ln[z].next, buf_str(&t), t.len);
		buf_free(&t);
		if (rc < 0 || value->oom)
			return ST_ERROR;
	}
	adr_take(d, from, to);
	return ST_OK;
}

/* A text field from [from, to): *field gets it (NULL when empty). */
int adr_field_text(struct doc *d, int f, size_t from, size_t to,
		      char **field)
{
	struct buf b;
	int rc;

	buf_init(&b);
	rc = adr_pieces(d, f, SIZE_MAX, 0, NULL, 0, from, to, &b);
	free(*field);
	*field = NULL;
	if (rc == ST_OK && b.len)
		*field = buf_detach(&b);
	buf_free(&b);
	return rc;
}

/* Keep what is left of [from, to) in the rationale, under the heading at
 * line head (SIZE_MAX: none). */
int adr_keep_rest(struct doc *d, size_t head, size_t from, size_t to)
{
	const char *name = NULL;
	size_t nlen = 0;
	int level = 0;
	struct buf b;
	int rc;

	if (head != SIZE_MAX)
		level = adr_heading(&d->ln[head], &name, &nlen);
	buf_init(&b);
	rc = adr_pieces(d, ADR_F_RATIONALE, head, level, name, nlen, from, to, &b);
	if (rc == ST_OK && b.len) {
		if (d->rat.len)
			buf_puts(&d->rat, "\n\n");
		buf_add(&d->rat, buf_str(&b), b.len);
		if (d->rat.oom)
			rc = ST_ERROR;
	}
	buf_free(&b);
	return rc;
}

/* What is left of a Status section (prose, links elsewhere) in the
 * rationale under `name` ("Links" when that is all it is): shown, but
 * never rewritten, for its heading in the file is another. */
int adr_keep_status_rest(struct doc *d, const char *name, size_t from,
			    size_t to)
{
	struct adr_places *p = &d->r->at[ADR_F_RATIONALE];
	size_t n0 = p->n;
	struct buf b;
	int rc;

	buf_init(&b);
	buf_printf(&b, "## %s", name);
	{
		struct buf body;

		buf_init(&body);
		rc = adr_pieces(d, ADR_F_RATIONALE, SIZE_MAX, 0, NULL, 0, from, to,
			    &body);
		if (rc == ST_OK && body.len) {
			buf_puts(&b, "\n\n");
			buf_add(&b, buf_str(&body), body.len);
			if (d->rat.len)
				buf_puts(&d->rat, "\n\n");
			buf_add(&d->rat, buf_str(&b), b.len);
		}
		buf_free(&body);
	}
	for (size_t i = n0; i < p->n; i++)
		p->v[i].how = ADR_AT_KEPT;
	if (p->n > n0) {
		/* The heading is in the first piece's text. */
		char *t = str_printf("## %s\n\n%s", name, p->v[n0].text);

		if (!t)
			rc = ST_ERROR;
		free(p->v[n0].text);
		p->v[n0].text = t;
		/* And the others join it: one kept piece, one text. */
	}
	if (b.oom || d->rat.oom)
		rc = ST_ERROR;
	buf_free(&b);
	return rc;
}

/* Shallowest heading level inside [from, to), 0 when there is none. */
int adr_sub_level(const struct doc *d, size_t from, size_t to)
{
	int lvl = 0;

	for (size_t i = from; i < to; i++)
		if (d->hl[i] && (!lvl || d->hl[i] < lvl))
			lvl = d->hl[i];
	return lvl;
}

/* End of the subsection whose heading is at `head` (level lvl). */
size_t adr_sub_end(const struct doc *d, size_t head, size_t to, int lvl)
{
	size_t i;

	for (i = head + 1; i < to; i++)
		if (d->hl[i] && d->hl[i] <= lvl)
			break;
	return i;
}

/* ---- the title and what stands before the first section ------------------ */

/* Title "# 3. Use X" / "# ADR-0003: Use X" / "# Use X". */
static int title_of(struct doc *d, size_t at)
{
	const char *t, *p;
	size_t n, k, used;
	int num;

	adr_heading(&d->ln[at], &t, &n);
	p = t;
	k = n;
	if (adr_istarts(p, k, "adr")) {
		p += 3;
		k -= 3;
		if (k && (*p == '-' || *p == ' ' || *p == '_')) {
			p++;
			k--;
		}
	}
	num = adr_number_at(p, k, &used);
	if (used && used < k && (p[used] == '.' || p[used] == ':') &&
	    (used + 1 == k || adr_blank_char(p[used + 1]))) {
		d->r->title_number = num;
		d->nygard = d->nygard || p[used] == '.';
		t = p + used + 1;
		n = k - used - 1;
		adr_trim(&t, &n);
	}
	if (!n)
		return ST_INPUT;
	if (!(d->r->d.title = str_ndup(t, n)))
		return ST_ERROR;
	return adr_place(&d->r->at[ADR_F_TITLE], ADR_AT_HEADING,
			 (size_t)(t - d->text), (size_t)(t - d->text) + n,
			 d->ln[at].off, d->ln[at].next, NULL, 0);
}

/* The title is shown in lists and headings and on everyone's terminal: a
 * control character in it (an escape sequence, a bell) is refused at its
 * place rather than stored. */
static int title_controls(struct doc *d, const char *t, size_t n, int line,
			  struct error *e)
{
	size_t bad;
	char *copy;
	uint32_t cp;
	int l, col;
	bool ok;

	if (!(copy = str_ndup(t, n)))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	ok = utf8_one_line(copy, &bad);
	free(copy);
	if (ok)
		return ST_OK;
	utf8_decode(t + bad, n - bad, &cp);
	place_of(d->text, (size_t)(t - d->text) + bad, &l, &col);
	return err_setloc(e, ST_INPUT, d->path, line, col,
			  _("control character (U+%04X) in the title"),
			  (unsigned)cp);
}

static bool line_is(const struct line *l, const char *word)
{
	const char *s = l->s;
	size_t n = l->len;

	adr_trim(&s, &n);
	return adr_ieq(s, n, word);
}

/* Front matter from the first line: *body is where the rest starts. */
static int parse_front(struct doc *d, size_t *body, struct error *e)
{
	size_t c;

	*body = 0;
	if (!d->n || !line_is(&d->ln[0], "---"))
		return ST_OK;
	for (c = 1; c < d->n; c++)
		if (line_is(&d->ln[c], "---") || line_is(&d->ln[c], "..."))
			break;
	if (c >= d->n)
		return err_setloc(e, ST_INPUT, d->path, 1, 0,
				  _("front matter opened here is never closed by '---'"));
	d->front_matter = true;
	d->r->fm_start = d->ln[0].next;
	d->r->fm_end = d->ln[c].off;
	adr_take(d, 0, c + 1);
	*body = c + 1;
	return adr_front_matter(d, 1, c);
}

/* Metadata lines and loose text from the title to the first section. */
static int parse_meta(struct doc *d, size_t body, size_t title, size_t *end)
{
	size_t i;

	d->r->title_end = d->r->meta_end =
		title != SIZE_MAX ? d->ln[title].next : d->ln[body].off;
	for (i = body; i < d->n && (i <= title || d->hl[i] == 0 || d->hl[i] > 2);
	     i++) {
		const char *v;
		size_t vn;
		bool bullet, cell, created;
		int k;

		if (d->taken[i])
			continue;
		k = adr_meta_line(&d->ln[i], &bullet, &cell, &v, &vn, &created);
		if (k == ADR_F_COUNT)
			continue;
		if (created && d->have_date)
			continue;
		d->meta_bullets = d->meta_bullets || bullet;
		d->r->meta_style = cell ? 't' : bullet ? 'b' : 'l';
		if (!bullet && !cell && k == ADR_F_DATE)
			d->nygard = true;
		if (adr_meta_apply(d, k, v, vn, d->ln[i].off +
				   (size_t)(v - d->ln[i].s), (int)i + 1,
				   cell ? ADR_AT_CELL : ADR_AT_INLINE, 0) < 0)
			return ST_ERROR;
		d->taken[i] = true;
		d->r->meta_end = d->ln[i].next;
	}
	*end = i;
	/* A metadata table's other rows (Author, Tags) belong to it: not
	 * loose text. */
	for (size_t k = body; d->r->meta_style == 't' && k < i; k++) {
		size_t a = k, z = k;

		if (!d->taken[k] || !d->ln[k].len || d->ln[k].s[0] != '|')
			continue;
		while (a > body && d->ln[a - 1].len && d->ln[a - 1].s[0] == '|')
			a--;
		while (z + 1 < i && d->ln[z + 1].len && d->ln[z + 1].s[0] == '|')
			z++;
		adr_take(d, a, z + 1);
		k = z;
	}
	return adr_keep_rest(d, SIZE_MAX, body, i);
}

/* The file's text after the checks on bytes: front matter, title, body. */
static int parse_body(struct doc *d, struct error *e)
{
	size_t body, title = SIZE_MAX, i, first = SIZE_MAX;
	const char *t;
	size_t tn;
	int rc;

	if ((rc = parse_front(d, &body, e)) < 0)
		return rc;
	mark_headings(d, body);
	for (i = body; i < d->n; i++) {
		if (first == SIZE_MAX && !adr_line_ignorable(&d->ln[i]))
			first = i;
		if (d->hl[i] == 1) {
			title = i;
			break;
		}
		if (d->hl[i])
			break;
	}
	if (title != SIZE_MAX) {
		if ((rc = title_of(d, title)) == ST_ERROR)
			return rc;
		if (rc == ST_INPUT)
			title = SIZE_MAX;
	}
	if (title == SIZE_MAX && !d->fm_title)
		return err_setloc(e, ST_INPUT, d->path,
				  (int)(first != SIZE_MAX ? first : body) + 1, 0,
				  _("no title line ('# Title'); not an ADR"));
	if (title == SIZE_MAX) {
		/* The front matter's title: there is no heading. */
		if (!(d->r->d.title = str_dup(d->fm_title)))
			return ST_ERROR;
		if ((rc = title_controls(d, d->fm_title, strlen(d->fm_title),
					 d->fm_title_line, e)) < 0)
			return rc;
	} else {
		adr_heading(&d->ln[title], &t, &tn);
		if ((rc = title_controls(d, t, tn, (int)title + 1, e)) < 0)
			return rc;
		d->taken[title] = true;
	}
	if (parse_meta(d, body, title, &i) < 0)
		return ST_ERROR;
	while (i < d->n) {
		size_t head = i;

		for (i++; i < d->n; i++)
			if (d->hl[i] && d->hl[i] <= 2)
				break;
		if (adr_section(d, head, i) < 0)
			return ST_ERROR;
	}
	return ST_OK;
}

/* ---- the record ------------------------------------------------------------ */

static int finish_links(struct adr_record *r)
{
	struct decision *x = &r->d;

	for (size_t i = 0; i < r->n_links; i++) {
		const struct adr_link *l = &r->links[i];

		if (!l->number)
			continue;
		if (l->relation) {
			if (l->number != x->number &&
			    decision_link_add(x, l->relation, l->number) ==
			    ST_ERROR)
				return ST_ERROR;
			continue;
		}
		if (l->superseded_by) {
			if (!x->superseded_by)
				x->superseded_by = l->number;
		} else {
			int *v = realloc(x->supersedes,
					 (x->n_supersedes + 1) * sizeof(*v));

			if (!v)
				return ST_ERROR;
			x->supersedes = v;
			v[x->n_supersedes++] = l->number;
		}
	}
	return ST_OK;
}

/* The rationale: its own section first, then what had no field. */
static int finish_rationale(struct doc *d)
{
	struct decision *x = &d->r->d;
	struct adr_places *p = &d->r->at[ADR_F_RATIONALE];

	if (d->own.n) {
		struct adr_at *v = realloc(d->own.v, (d->own.n + p->n) *
					   sizeof(*v));

		if (!v)
			return ST_ERROR;
		if (p->n)
			memcpy(v + d->own.n, p->v, p->n * sizeof(*v));
		free(p->v);
		p->v = v;
		p->n += d->own.n;
		d->own.v = NULL;
		d->own.n = 0;
	}
	if (d->rat_own.len && d->rat.len)
		buf_puts(&d->rat_own, "\n\n");
	buf_add(&d->rat_own, buf_str(&d->rat), d->rat.len);
	if (d->rat_own.oom || d->cons.oom)
		return ST_ERROR;
	if (d->rat_own.len)
		x->rationale = buf_detach(&d->rat_own);
	if (d->cons.len)
		x->consequences = buf_detach(&d->cons);
	return ST_OK;
}

static int finish(struct doc *d)
{
	struct adr_record *r = d->r;
	struct decision *x = &r->d;

	if (!d->have_status) {
		bool by = false;

		for (size_t i = 0; i < r->n_links; i++)
			by = by || r->links[i].superseded_by;
		x->status = by ? ADR_SUPERSEDED : ADR_PROPOSED;
		/* Nothing is made up: the file gives no status word. */
		if (!(x->status_text = str_dup("")))
			return ST_ERROR;
	}
	if (!x->date && r->file_date[0] && !(x->date = str_dup(r->file_date)))
		return ST_ERROR;
	if (r->file_number && r->title_number &&
	    r->file_number != r->title_number &&
	    adr_warnf(d->msgs, d->path, 1,
		      _("the title says ADR %d but the file name says %d; using %d"),
		      r->title_number, r->file_number, r->file_number) < 0)
		return ST_ERROR;
	x->number = r->file_number ? r->file_number : r->title_number;
	if (finish_links(r) < 0 || finish_rationale(d) < 0)
		return ST_ERROR;
	x->markdown = true;
	if (d->front_matter && !d->nygard)
		r->format = d->decision_makers ? ADR_FORMAT_MADR4 :
						 ADR_FORMAT_MADR3;
	else if (d->meta_bullets && !d->nygard)
		r->format = ADR_FORMAT_MADR2;
	else
		r->format = ADR_FORMAT_NYGARD;
	return ST_OK;
}

void adr_record_clear(struct adr_record *r)
{
	if (!r)
		return;
	free(r->path);
	decision_clear(&r->d);
	for (size_t i = 0; i < r->n_links; i++) {
		free(r->links[i].target);
		free(r->links[i].relation);
		free(r->links[i].text);
	}
	free(r->links);
	for (int f = 0; f < ADR_F_COUNT; f++) {
		for (size_t i = 0; i < r->at[f].n; i++)
			free(r->at[f].v[i].text);
		free(r->at[f].v);
	}
	free(r->heads);
	memset(r, 0, sizeof(*r));
}

/* Bytes no record has: empty, binary, not UTF-8, too large. */
static int check_bytes(const char *path, const char *text, size_t len,
		       struct error *e)
{
	size_t bad, i;
	int line, col;

	if (len > ADR_MAX_FILE)
		return err_setloc(e, ST_INPUT, path, 1, 0,
				  _("file too large for an ADR (%zu bytes)"), len);
	for (i = 0; i < len && isspace((unsigned char)text[i]); i++)
		;
	if (i == len)
		return err_setloc(e, ST_INPUT, path, 1, 0, _("empty file"));
	if (memchr(text, '\0', len)) {
		place_of(text, (size_t)((const char *)memchr(text, '\0', len) -
					text), &line, &col);
		return err_setloc(e, ST_INPUT, path, line, 0,
				  _("binary file (NUL byte), not an ADR"));
	}
	if (!utf8_valid(text, len, &bad)) {
		place_of(text, bad, &line, &col);
		return err_setloc(e, ST_INPUT, path, line, col,
				  _("invalid UTF-8 (byte 0x%02X)"),
				  (unsigned)(unsigned char)text[bad]);
	}
	return ST_OK;
}

int adr_parse(const char *path, const char *text, size_t len,
	      struct adr_record *out, struct adr_msgs *msgs, struct error *e)
{
	struct doc d;
	int rc;

	memset(&d, 0, sizeof(d));
	memset(out, 0, sizeof(*out));
	out->date_form = -1;
	if ((rc = check_bytes(path, text, len, e)) < 0)
		return rc;
	d.path = path;
	d.text = text;
	d.len = len;
	d.r = out;
	d.msgs = msgs;
	buf_init(&d.rat);
	buf_init(&d.rat_own);
	buf_init(&d.cons);
	for (int f = 0; f < ADR_F_COUNT; f++)
		out->at[f].insert = SIZE_MAX;
	if (!(out->path = str_dup(path))) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	adr_name_info(path_basename(path), &out->file_number, out->file_date);
	if (split_lines(&d) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	rc = parse_body(&d, e);
	if (rc == ST_OK)
		rc = finish(&d);
	if (rc == ST_ERROR)
		err_set(e, ST_ERROR, "%s", _("out of memory"));
done:
	if (rc < 0)
		adr_record_clear(out);
	for (size_t i = 0; i < d.own.n; i++)
		free(d.own.v[i].text);
	free(d.own.v);
	free(d.fm_title);
	buf_free(&d.rat);
	buf_free(&d.rat_own);
	buf_free(&d.cons);
	free(d.ln);
	free(d.hl);
	free(d.taken);
	return rc;
}
