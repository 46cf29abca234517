#include "config.h"
/*
 * adr_index: owns a README.md index that is not charrette's: its lines for
 * records are updated in place (adr_folder.h), every other byte kept, and
 * a new record's line is written the way the README writes its others
 * (adr-tools' `adr generate toc` list, a table of its own), by putting
 * the new record's file, number, title, status and date where the last
 * record line has its own.  Also the template.md of a MADR folder.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"

/* The record file a line links to ("](0003-x.md)"), or NULL. */
static const char *linked_file(const char *s, size_t n,
			       const struct adr_plan *plan, size_t *at,
			       size_t *len)
{
	for (size_t i = 0; i + 2 < n; i++) {
		const char *t, *end;
		size_t tn;

		if (s[i] != ']' || s[i + 1] != '(')
			continue;
		t = s + i + 2;
		end = memchr(t, ')', n - i - 2);
		if (!end)
			continue;
		tn = (size_t)(end - t);
		if (tn > 2 && t[0] == '.' && t[1] == '/') {
			t += 2;
			tn -= 2;
		}
		for (size_t k = 0; k < plan->n; k++) {
			const char *f = plan->v[k].file;

			if (f && strlen(f) == tn && memcmp(f, t, tn) == 0) {
				*at = (size_t)(t - s);
				*len = tn;
				return f;
			}
		}
	}
	return NULL;
}

static const struct adr_entry *entry_of(const struct adr_plan *plan,
					const char *file)
{
	for (size_t k = 0; k < plan->n; k++)
		if (plan->v[k].file && strcmp(plan->v[k].file, file) == 0)
			return &plan->v[k];
	return NULL;
}

/* One value of the template line and what takes its place. */
struct slot {
	const char *old;
	size_t len;
	const char *now;
	bool number;      /* a whole number: not inside a longer one */
};

/* Copy line s[0..n) into out, each slot's value replaced, leftmost and
 * longest first. */
static void fill(struct buf *out, const char *s, size_t n,
		 const struct slot *sl, size_t ns)
{
	size_t i = 0;

	while (i < n) {
		const struct slot *best = NULL;

		for (size_t k = 0; k < ns; k++) {
			const struct slot *x = &sl[k];

			if (!x->len || i + x->len > n ||
			    memcmp(s + i, x->old, x->len) != 0)
				continue;
			if (x->number && ((i && isdigit((unsigned char)s[i - 1])) ||
					  (i + x->len < n &&
					   isdigit((unsigned char)s[i + x->len]))))
				continue;
			if (!best || x->len > best->len)
				best = x;
		}
		if (best) {
			buf_puts(out, best->now);
			i += best->len;
		} else {
			buf_putc(out, s[i++]);
		}
	}
}

/* The text between the brackets of the line's link to its record. */
static bool link_text(const char *s, size_t target_at, size_t *from,
		      size_t *len)
{
	size_t close = target_at - 2, k;

	if (target_at < 3 || s[close] != ']')
		return false;
	for (k = close; k-- > 0;)
		if (s[k] == '[')
			break;
	if (k == (size_t)-1 || s[k] != '[')
		return false;
	*from = k + 1;
	*len = close - k - 1;
	return true;
}

/* A line for record `x` written like line s (which links entry tpl). */
static void line_like(struct buf *out, const char *s, size_t n,
		      size_t target_at, const struct adr_entry *tpl,
		      const struct adr_index_edit *x)
{
	char n4[16], n3[16], n1[16], t4[16], t3[16], t1[16];
	struct slot sl[8];
	size_t ns = 0, from, len;
	const char *title = tpl->title;
	size_t tlen = title ? strlen(title) : 0;

	snprintf(n4, sizeof(n4), "%04d", tpl->number);
	snprintf(n3, sizeof(n3), "%03d", tpl->number);
	snprintf(n1, sizeof(n1), "%d", tpl->number);
	snprintf(t4, sizeof(t4), "%04d", x->number);
	snprintf(t3, sizeof(t3), "%03d", x->number);
	snprintf(t1, sizeof(t1), "%d", x->number);
	sl[ns++] = (struct slot){ tpl->file, strlen(tpl->file), x->file, false };
	/* The title as the README writes it: the old record's title, or the
	 * link's text after its number. */
	if (!title || !tlen || !strstr(s, title)) {
		if (link_text(s, target_at, &from, &len)) {
			size_t k = 0;

			while (k < len && (isdigit((unsigned char)s[from + k]) ||
					   s[from + k] == '.' ||
					   s[from + k] == ' ' ||
					   s[from + k] == ':' ||
					   s[from + k] == '-' ||
					   strchr("ADRadr", s[from + k])))
				k++;
			title = s + from + k;
			tlen = len - k;
		}
	}
	if (title && tlen)
		sl[ns++] = (struct slot){ title, tlen, x->title, false };
	if (tpl->status && *tpl->status)
		sl[ns++] = (struct slot){ tpl->status, strlen(tpl->status),
					  x->status ? x->status : "", false };
	if (tpl->date && *tpl->date)
		sl[ns++] = (struct slot){ tpl->date, strlen(tpl->date),
					  x->date ? x->date : "", false };
	sl[ns++] = (struct slot){ n4, strlen(n4), t4, true };
	sl[ns++] = (struct slot){ n3, strlen(n3), t3, true };
	sl[ns++] = (struct slot){ n1, strlen(n1), t1, true };
	fill(out, s, n, sl, ns);
}

/* Line s of record `x`, its title and status as they are now. */
static void line_renamed(struct buf *out, const char *s, size_t n,
			 const struct adr_index_edit *x)
{
	struct slot sl[2];
	size_t ns = 0;

	if (x->old_title && x->title && strcmp(x->old_title, x->title) != 0)
		sl[ns++] = (struct slot){ x->old_title, strlen(x->old_title),
					  x->title, false };
	if (x->old_status && *x->old_status && x->status &&
	    strcmp(x->old_status, x->status) != 0)
		sl[ns++] = (struct slot){ x->old_status, strlen(x->old_status),
					  x->status, false };
	fill(out, s, n, sl, ns);
}

int adr_index_update(const char *text, size_t len,
		     const struct adr_index_edit *added, size_t n_added,
		     const struct adr_index_edit *renamed, size_t n_renamed,
		     const struct adr_plan *plan, struct buf *out,
		     bool *changed)
{
	size_t i = 0, last_end = SIZE_MAX, last_start = 0, last_at = 0;
	const struct adr_entry *last = NULL;
	bool crlf = false;

	buf_puts(out, "");
	while (i < len) {
		size_t s = i, n, at, tl, e;
		const char *file;

		while (i < len && text[i] != '\n')
			i++;
		e = i < len ? i + 1 : i;
		n = i - s;
		if (n && text[s + n - 1] == '\r') {
			n--;
			crlf = true;
		}
		file = linked_file(text + s, n, plan, &at, &tl);
		if (file) {
			const struct adr_index_edit *r = NULL;

			for (size_t k = 0; k < n_renamed && !r; k++)
				if (strcmp(renamed[k].file, file) == 0)
					r = &renamed[k];
			if (r) {
				line_renamed(out, text + s, n, r);
				buf_add(out, text + s + n, e - s - n);
			} else {
				buf_add(out, text + s, e - s);
			}
			last = entry_of(plan, file);
			last_start = s;
			last_at = at;
			last_end = out->len;
		} else {
			buf_add(out, text + s, e - s);
		}
		i = e;
	}
	if (last && n_added) {
		/* The new lines go after the last record line. */
		struct buf nl, tail;
		size_t n = 0;

		while (last_start + n < len && text[last_start + n] != '\n' &&
		       text[last_start + n] != '\r')
			n++;
		buf_init(&nl);
		for (size_t k = 0; k < n_added; k++) {
			line_like(&nl, text + last_start, n, last_at, last,
				  &added[k]);
			buf_puts(&nl, crlf ? "\r\n" : "\n");
		}
		buf_init(&tail);
		buf_add(&tail, buf_str(out) + last_end, out->len - last_end);
		out->len = last_end;
		if (last_end && out->data[last_end - 1] != '\n')
			buf_puts(out, crlf ? "\r\n" : "\n");
		buf_add(out, buf_str(&nl), nl.len);
		buf_add(out, buf_str(&tail), tail.len);
		if (nl.oom || tail.oom)
			out->oom = true;
		buf_free(&nl);
		buf_free(&tail);
	}
	*changed = out->len != len || memcmp(buf_str(out), text, len) != 0;
	return out->oom ? ST_ERROR : ST_OK;
}

void adr_madr_template(struct buf *out)
{
	buf_puts(out,
		 "# [The problem and the solution, in a few words]\n"
		 "\n"
		 "- Status: [proposed | accepted | rejected | deprecated | superseded by [0001-example](0001-example.md)]\n"
		 "- Date: [YYYY-MM-DD, when the decision was last changed]\n"
		 "- Deciders: [who took part in the decision]\n"
		 "\n"
		 "## Context and Problem Statement\n"
		 "\n"
		 "[What has to be decided, and why now: two or three sentences, or a question.]\n"
		 "\n"
		 "## Decision Drivers\n"
		 "\n"
		 "- [a force or a concern that weighs on the choice]\n"
		 "\n"
		 "## Considered Options\n"
		 "\n"
		 "- [option 1]\n"
		 "- [option 2]\n"
		 "\n"
		 "## Decision Outcome\n"
		 "\n"
		 "Chosen option: \"[option 1]\", because [the reason that settled it].\n"
		 "\n"
		 "### Consequences\n"
		 "\n"
		 "- Good: [what gets better]\n"
		 "- Bad: [what gets worse, or what it costs]\n"
		 "\n"
		 "## Pros and Cons of the Options\n"
		 "\n"
		 "### [option 1]\n"
		 "\n"
		 "- Good: [an argument for it]\n"
		 "- Bad: [an argument against it]\n"
		 "\n"
		 "## Links\n"
		 "\n"
		 "- [Relation, e.g. Supersedes] [0001-example](0001-example.md)\n"
		 "\n"
		 "<!-- Written by charrette for log4brains' `adr new`; edit it as you like. -->\n");
}
