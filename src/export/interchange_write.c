#include "config.h"
/*
 * interchange_write: a workshop as YAML (block style, for people) or JSON
 * (for programs).  One walk of the workshop drives a tiny emitter with two
 * back ends, so both formats always carry the same tree.  The YAML side
 * quotes every string that a YAML 1.1 or 1.2 reader would take for
 * something else (numbers, yes/no, null, dates, leading indicators, ": ",
 * " #") and writes multi-line text as `|` block scalars when that is exact,
 * double-quoted with escapes when it is not.  Numbers use the shortest text
 * that reads back to the same double, with '.' whatever the locale.
 */

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/interchange.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/safetext.h"
#include "util/utf8.h"

enum frame_kind { F_ROOT, F_MAP, F_SEQ, F_FMAP, F_FSEQ };

struct frame {
	enum frame_kind kind;
	int indent;          /* YAML: column of keys / "- "; JSON: depth */
	size_t count;        /* entries written so far */
	bool inline_first;   /* YAML: first key goes after the parent's "- " */
};

struct em {
	struct buf *b;
	bool json;
	int top;
	struct frame st[16];
	bool bad_number;
	bool overflow;
};

/* ---- scalars -------------------------------------------------------- */

void interchange_number(char *buf, size_t size, double v)
{
	const char *dp = localeconv()->decimal_point;
	char s[64], *p;

	str_number(s, sizeof(s), v);
	/* str_number follows LC_NUMERIC; files always use '.'. */
	if (dp && dp[0] && strcmp(dp, ".") != 0 && (p = strstr(s, dp))) {
		size_t dl = strlen(dp);

		*p = '.';
		memmove(p + 1, p + dl, strlen(p + dl) + 1);
	}
	/* YAML 1.1 readers take "1e+20" for text: give exponents a dot. */
	if (!strchr(s, '.') && (p = strchr(s, 'e')))
		snprintf(buf, size, "%.*s.0%s", (int)(p - s), s, p);
	else
		snprintf(buf, size, "%s", s);
}

static void put_number(struct em *m, double v)
{
	char s[80];

	if (!isfinite(v)) {
		m->bad_number = true;
		v = 0;
	}
	interchange_number(s, sizeof(s), v);
	buf_puts(m->b, s);
}

/* Code points YAML's reader refuses raw or folds as line breaks, and the
 * ones that must not reach a terminal raw (util/safetext). */
static bool needs_escape(uint32_t cp)
{
	return safe_cp_harmful(cp) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	       cp == 0xFFFE || cp == 0xFFFF;
}

static void put_quoted(struct em *m, const char *s)
{
	size_t len = strlen(s), off = 0;

	buf_putc(m->b, '"');
	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (n == 0) {
			/* Not UTF-8 (cannot come from a file we read): keep
			 * the output valid with U+FFFD. */
			buf_puts(m->b, "\xEF\xBF\xBD");
			off++;
			continue;
		}
		if (cp == '"' || cp == '\\') {
			buf_putc(m->b, '\\');
			buf_putc(m->b, (char)cp);
		} else if (cp == '\n') {
			buf_puts(m->b, "\\n");
		} else if (cp == '\t') {
			buf_puts(m->b, "\\t");
		} else if (cp == '\r') {
			buf_puts(m->b, "\\r");
		} else if (!needs_escape(cp)) {
			buf_add(m->b, s + off, n);
		} else if (m->json) {
			buf_printf(m->b, "\\u%04x", (unsigned)cp);
		} else if (cp == 0x85) {
			buf_puts(m->b, "\\N");
		} else if (cp == 0x2028) {
			buf_puts(m->b, "\\L");
		} else if (cp == 0x2029) {
			buf_puts(m->b, "\\P");
		} else if (cp <= 0xFF) {
			buf_printf(m->b, "\\x%02X", (unsigned)cp);
		} else {
			buf_printf(m->b, "\\u%04X", (unsigned)cp);
		}
		off += n;
	}
	buf_putc(m->b, '"');
}

/* Words that some YAML reader takes for a boolean or null. */
static bool special_word(const char *s)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "true", "false", "on", "off", "null",
		NULL
	};

	for (size_t i = 0; words[i]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

/* Can s be written as a plain scalar and read back as the same text? */
static bool plain_ok(const char *s, bool flow)
{
	size_t len = strlen(s);

	if (len == 0 || special_word(s))
		return false;
	/* Indicators, and anything a reader may take for a number, a date,
	 * .inf / .nan, a document marker or a merge key. */
	if (strchr("-?:,[]{}#&*!|>'\"%@`0123456789+. <=~", s[0]))
		return false;
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0 || needs_escape(cp))
			return false;
		if (cp == ':' && (s[i + 1] == ' ' || s[i + 1] == '\0'))
			return false;
		if (cp == ' ' && s[i + 1] == '#')
			return false;
		if (flow && strchr(",[]{}:#", (int)cp) && cp < 0x80)
			return false;
		i += n;
	}
	return true;
}

/* Multi-line text as a literal block, when that reads back exactly. */
static bool literal_ok(const char *s)
{
	size_t len = strlen(s);

	if (!strchr(s, '\n') || s[0] == ' ' || s[0] == '\n')
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0 || (cp != '\n' && needs_escape(cp)))
			return false;
		/* Trailing blanks would not survive editors; a line of
		 * blanks would confuse the indentation. */
		if (cp == ' ' && (s[i + 1] == '\n' || s[i + 1] == '\0'))
			return false;
		i += n;
	}
	return true;
}

static void put_indent(struct em *m, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(m->b, ' ');
}

static struct frame *cur(struct em *m)
{
	return &m->st[m->top];
}

/*
 * What goes before a value in the current frame.  `block` is true for a
 * block collection (which then starts on its own lines).
 */
static void before_value(struct em *m, bool block)
{
	struct frame *f = cur(m);

	if (m->json) {
		if (f->kind == F_SEQ) {
			buf_puts(m->b, f->count ? ",\n" : "\n");
			put_indent(m, 2 * (f->indent + 1));
		} else if (f->kind == F_FSEQ && f->count) {
			buf_puts(m->b, ", ");
		}
		return;
	}
	switch (f->kind) {
	case F_MAP:
		buf_puts(m->b, block ? "\n" : " ");
		break;
	case F_SEQ:
		put_indent(m, f->indent);
		buf_puts(m->b, "- ");
		break;
	case F_FSEQ:
		if (f->count)
			buf_puts(m->b, ", ");
		break;
	case F_ROOT:
	case F_FMAP:
		break;
	}
}

/* After a scalar or a flow collection. */
static void after_value(struct em *m)
{
	struct frame *f = cur(m);

	if (!m->json && (f->kind == F_MAP || f->kind == F_SEQ))
		buf_putc(m->b, '\n');
	f->count++;
}

static void em_key(struct em *m, const char *k)
{
	struct frame *f = cur(m);

	if (m->json) {
		if (f->kind == F_MAP) {
			buf_puts(m->b, f->count ? ",\n" : "\n");
			put_indent(m, 2 * (f->indent + 1));
		} else if (f->count) {
			buf_puts(m->b, ", ");
		}
		put_quoted(m, k);
		buf_puts(m->b, ": ");
		return;
	}
	if (f->kind == F_FMAP) {
		if (f->count)
			buf_puts(m->b, ", ");
	} else if (!(f->inline_first && f->count == 0)) {
		put_indent(m, f->indent);
	}
	if (plain_ok(k, f->kind == F_FMAP))
		buf_puts(m->b, k);
	else
		put_quoted(m, k);
	buf_putc(m->b, ':');
	if (f->kind == F_FMAP)
		buf_putc(m->b, ' ');
}

static void em_text(struct em *m, const char *s)
{
	struct frame *f = cur(m);
	bool flow = f->kind == F_FMAP || f->kind == F_FSEQ;

	before_value(m, false);
	if (m->json || (!plain_ok(s, flow) && (flow || !literal_ok(s)))) {
		put_quoted(m, s);
	} else if (plain_ok(s, flow)) {
		buf_puts(m->b, s);
	} else {
		size_t len = strlen(s), nl = 0;
		int ind = f->indent + 2;
		const char *p = s;

		while (nl < len && s[len - 1 - nl] == '\n')
			nl++;
		buf_puts(m->b, nl == 0 ? "|-" : nl == 1 ? "|" : "|+");
		/* Body lines; the final newline comes from after_value. */
		while (p < s + len - nl) {
			const char *e = strchr(p, '\n');
			size_t n = e && e < s + len - nl ?
				   (size_t)(e - p) : (size_t)(s + len - nl - p);

			buf_putc(m->b, '\n');
			if (n)
				put_indent(m, ind);
			buf_add(m->b, p, n);
			p += n + 1;
		}
		for (size_t i = 1; i < nl; i++)
			buf_putc(m->b, '\n');
	}
	after_value(m);
}

static void em_number(struct em *m, double v)
{
	before_value(m, false);
	put_number(m, v);
	after_value(m);
}

static void em_raw(struct em *m, const char *s)
{
	before_value(m, false);
	buf_puts(m->b, s);
	after_value(m);
}

static void em_null(struct em *m)
{
	em_raw(m, "null");
}

static void push(struct em *m, enum frame_kind k, int indent, bool inl)
{
	if (m->top + 1 >= (int)(sizeof(m->st) / sizeof(m->st[0]))) {
		m->overflow = true;
		return;
	}
	m->top++;
	m->st[m->top] = (struct frame){ k, indent, 0, inl };
}

/* Start a mapping (flow: on one line) or a list as the next value. */
static void em_begin(struct em *m, bool map, bool flow)
{
	struct frame *f = cur(m);
	int ind = f->kind == F_ROOT ? 0 : f->indent + (m->json ? 1 : 2);

	if (flow || m->json) {
		before_value(m, false);
		buf_putc(m->b, map ? '{' : '[');
		push(m, flow ? (map ? F_FMAP : F_FSEQ) : (map ? F_MAP : F_SEQ),
		     ind, false);
		return;
	}
	if (f->kind == F_ROOT) {
		push(m, F_MAP, 0, false);
		return;
	}
	before_value(m, true);
	/* A mapping in a list starts on the "- " line. */
	push(m, map ? F_MAP : F_SEQ, ind, f->kind == F_SEQ && map);
}

static void em_end(struct em *m)
{
	struct frame *f = cur(m);
	enum frame_kind k = f->kind;
	bool had = f->count > 0;
	int indent = f->indent;

	if (m->overflow || m->top == 0)
		return;
	m->top--;
	if (m->json) {
		if ((k == F_MAP || k == F_SEQ) && had) {
			buf_putc(m->b, '\n');
			put_indent(m, 2 * indent);
		}
		buf_putc(m->b, k == F_MAP || k == F_FMAP ? '}' : ']');
		if (cur(m)->kind == F_ROOT)
			buf_putc(m->b, '\n');
		cur(m)->count++;
		return;
	}
	if (k == F_FMAP || k == F_FSEQ) {
		buf_putc(m->b, k == F_FMAP ? '}' : ']');
		after_value(m);
	} else {
		cur(m)->count++;
	}
}

/* ---- fields --------------------------------------------------------- */

static void kv_text(struct em *m, const char *k, const char *v)
{
	if (!v)
		return;
	em_key(m, k);
	em_text(m, v);
}

static void kv_number(struct em *m, const char *k, double v)
{
	em_key(m, k);
	em_number(m, v);
}

static void kv_strv(struct em *m, const char *k, const struct strv *sv,
		    bool flow)
{
	if (!sv->n)
		return;
	em_key(m, k);
	em_begin(m, false, flow);
	for (size_t i = 0; i < sv->n; i++)
		em_text(m, sv->v[i]);
	em_end(m);
}

static void put_value(struct em *m, const struct value *v)
{
	switch (v->kind) {
	case VAL_NONE:
		em_null(m);
		break;
	case VAL_NUMBER:
		em_number(m, v->number);
		break;
	case VAL_TEXT:
		em_text(m, v->text ? v->text : "");
		break;
	case VAL_LIST:
		em_begin(m, false, true);
		for (size_t i = 0; i < v->list.n; i++)
			em_text(m, v->list.v[i]);
		em_end(m);
		break;
	}
}

static void put_answers(struct em *m, const struct workshop_data *d)
{
	if (!d->n_answers)
		return;
	em_key(m, "answers");
	em_begin(m, true, false);
	for (size_t i = 0; i < d->n_answers; i++) {
		const struct answer *a = &d->answers[i];

		em_key(m, a->question ? a->question : "");
		if (!a->note) {
			put_value(m, &a->value);
			continue;
		}
		em_begin(m, true, false);
		if (a->value.kind != VAL_NONE) {
			em_key(m, "value");
			put_value(m, &a->value);
		}
		kv_text(m, "note", a->note);
		em_end(m);
	}
	em_end(m);
}

static void put_criteria(struct em *m, const struct workshop_data *d)
{
	if (!d->n_criteria)
		return;
	em_key(m, "criteria");
	em_begin(m, false, false);
	for (size_t i = 0; i < d->n_criteria; i++) {
		const struct criterion *c = &d->criteria[i];

		em_begin(m, true, false);
		kv_text(m, "id", c->key);
		kv_text(m, "name", c->name);
		kv_text(m, "description", c->description);
		kv_number(m, "weight", c->weight);
		em_end(m);
	}
	em_end(m);
}

/* 1/3 rather than 0.3333333333333333 where that is exact. */
static void put_saaty(struct em *m, double v)
{
	char s[16];

	if (!m->json && v > 0 && v < 1) {
		for (int n = 2; n <= 9; n++) {
			if (1.0 / n == v) {
				snprintf(s, sizeof(s), "1/%d", n);
				em_raw(m, s);
				return;
			}
		}
	}
	em_number(m, v);
}

static void put_pairwise(struct em *m, const struct workshop_data *d)
{
	if (!d->n_pairwise)
		return;
	em_key(m, "pairwise");
	em_begin(m, false, false);
	for (size_t i = 0; i < d->n_pairwise; i++) {
		const struct judgement *j = &d->pairwise[i];

		em_begin(m, false, true);
		em_text(m, j->a ? j->a : "");
		em_text(m, j->b ? j->b : "");
		put_saaty(m, j->value);
		if (j->participant)
			em_text(m, j->participant);
		em_end(m);
	}
	em_end(m);
}

static void put_scores(struct em *m, const struct workshop_data *d,
		       const char *app)
{
	for (int pass = 0; pass < 2; pass++) {
		bool open = false;

		for (size_t c = 0; c < d->n_criteria; c++) {
			const char *key = d->criteria[c].key;
			const struct score *s = wsdata_score(d, app, key);

			if (!s || (pass == 1 && !s->rationale))
				continue;
			if (!open) {
				em_key(m, pass ? "rationale" : "scores");
				em_begin(m, true, false);
				open = true;
			}
			em_key(m, key);
			if (pass)
				em_text(m, s->rationale);
			else if (s->has_value)
				em_number(m, s->value);
			else
				em_null(m);
		}
		if (open)
			em_end(m);
	}
}

static void put_approaches(struct em *m, const struct workshop_data *d)
{
	if (!d->n_approaches)
		return;
	em_key(m, "approaches");
	em_begin(m, false, false);
	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *a = &d->approaches[i];

		em_begin(m, true, false);
		kv_text(m, "id", a->key);
		kv_text(m, "name", a->name);
		kv_text(m, "pattern", a->pattern);
		kv_text(m, "summary", a->summary);
		if (a->n_components) {
			em_key(m, "components");
			em_begin(m, false, false);
			for (size_t c = 0; c < a->n_components; c++) {
				em_begin(m, true, true);
				kv_text(m, "category",
					a->components[c].category);
				kv_text(m, "name", a->components[c].name);
				em_end(m);
			}
			em_end(m);
		}
		kv_text(m, "deployment", a->deployment);
		kv_text(m, "observability", a->observability);
		kv_text(m, "security", a->security);
		kv_text(m, "complexity", a->complexity);
		kv_text(m, "cost", a->cost);
		kv_strv(m, "pros", &a->pros, false);
		kv_strv(m, "cons", &a->cons, false);
		kv_strv(m, "stages", &a->stages, false);
		if (a->key)
			put_scores(m, d, a->key);
		em_end(m);
	}
	em_end(m);
}

static void put_vote(struct em *m, const struct vote *v)
{
	em_begin(m, true, true);
	kv_text(m, "participant", v->participant);
	kv_text(m, "approach", v->approach);
	kv_text(m, "criterion", v->criterion);
	kv_number(m, "score", v->value);
	em_end(m);
}

/* The votes cast outside any round: those cells count now, and those a
 * round has covered since (a round's votes are written with it). */
static void put_votes(struct em *m, const struct workshop_data *d)
{
	size_t n = d->n_earlier_votes;

	for (size_t i = 0; i < d->n_votes; i++)
		n += !d->votes[i].round;
	if (!n)
		return;
	em_key(m, "votes");
	em_begin(m, false, false);
	for (size_t i = 0; i < d->n_votes; i++)
		if (!d->votes[i].round)
			put_vote(m, &d->votes[i]);
	for (size_t i = 0; i < d->n_earlier_votes; i++)
		put_vote(m, &d->earlier_votes[i]);
	em_end(m);
}

static void put_decision(struct em *m, const struct decision *d)
{
	em_begin(m, true, false);
	em_key(m, "number");
	em_number(m, d->number);
	kv_text(m, "title", d->title);
	kv_text(m, "status", adr_status_id(d->status));
	if (d->superseded_by) {
		em_key(m, "superseded_by");
		em_number(m, d->superseded_by);
	}
	kv_text(m, "date", d->date);
	kv_strv(m, "deciders", &d->deciders, true);
	kv_strv(m, "consulted", &d->consulted, true);
	kv_strv(m, "informed", &d->informed, true);
	kv_text(m, "context", d->context);
	kv_text(m, "decision", d->decision);
	kv_text(m, "rationale", d->rationale);
	if (d->positive.n || d->negative.n || d->risks.n) {
		em_key(m, "consequences");
		em_begin(m, true, false);
		kv_strv(m, "positive", &d->positive, false);
		kv_strv(m, "negative", &d->negative, false);
		kv_strv(m, "risks", &d->risks, false);
		em_end(m);
	}
	kv_text(m, "chosen", d->chosen);
	if (d->n_supersedes) {
		em_key(m, "supersedes");
		em_begin(m, false, true);
		for (size_t i = 0; i < d->n_supersedes; i++)
			em_number(m, d->supersedes[i]);
		em_end(m);
	}
	if (d->links.n) {
		em_key(m, "links");
		em_begin(m, false, true);
		for (size_t i = 0; i < d->links.n; i++) {
			const char *rel;
			size_t n;
			int num;
			char *relation;

			/* The store and the readers only let well-formed
			 * entries in; skip anything else rather than write
			 * a file that would not read back. */
			if (decision_link_parse(d->links.v[i], &rel, &n,
						&num) < 0)
				continue;
			if (!(relation = str_ndup(rel, n))) {
				m->b->oom = true;
				continue;
			}
			em_begin(m, true, true);
			kv_text(m, "relation", relation);
			kv_number(m, "target", num);
			em_end(m);
			free(relation);
		}
		em_end(m);
	}
	kv_text(m, "alternatives", d->alternatives);
	if (d->markdown) {
		em_key(m, "markdown");
		em_raw(m, "true");
	}
	em_end(m);
}

static void put_lists(struct em *m, const struct workshop_data *d)
{
	if (d->n_decisions) {
		em_key(m, "decisions");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_decisions; i++)
			put_decision(m, &d->decisions[i]);
		em_end(m);
	}
	if (d->n_risks) {
		em_key(m, "risks");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_risks; i++) {
			const struct risk *r = &d->risks[i];

			em_begin(m, true, false);
			kv_text(m, "id", r->key);
			kv_text(m, "description", r->description);
			kv_number(m, "probability", r->probability);
			kv_number(m, "impact", r->impact);
			kv_text(m, "owner", r->owner);
			kv_text(m, "mitigation", r->mitigation);
			kv_text(m, "status", risk_status_id(r->status));
			em_end(m);
		}
		em_end(m);
	}
	if (d->n_metrics) {
		em_key(m, "metrics");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_metrics; i++) {
			const struct metric *x = &d->metrics[i];

			em_begin(m, true, false);
			kv_text(m, "id", x->key);
			kv_text(m, "name", x->name);
			kv_text(m, "unit", x->unit);
			if (x->has_current)
				kv_number(m, "current", x->current);
			if (x->has_target_3m)
				kv_number(m, "target_3m", x->target_3m);
			if (x->has_target_6m)
				kv_number(m, "target_6m", x->target_6m);
			em_end(m);
		}
		em_end(m);
	}
	if (d->n_roadmap) {
		em_key(m, "roadmap");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_roadmap; i++) {
			const struct phase *p = &d->roadmap[i];

			em_begin(m, true, false);
			kv_text(m, "phase", p->name);
			kv_number(m, "weeks", p->weeks);
			kv_strv(m, "items", &p->items, false);
			em_end(m);
		}
		em_end(m);
	}
	kv_strv(m, "next_steps", &d->next_steps, false);
}

/* ---- running the room ------------------------------------------------ */

static void kv_seconds(struct em *m, const char *k, int64_t v)
{
	kv_number(m, k, (double)v);
}

static void put_agenda_timer(struct em *m, const struct workshop_data *d)
{
	const struct room_timer *t = &d->timer;

	if (d->n_agenda) {
		em_key(m, "agenda");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_agenda; i++) {
			const struct agenda_item *a = &d->agenda[i];

			em_begin(m, true, true);
			kv_text(m, "stage", stage_id(a->stage));
			kv_number(m, "minutes", a->planned);
			if (a->spent)
				kv_seconds(m, "spent_seconds", a->spent);
			em_end(m);
		}
		em_end(m);
	}
	if (!t->set)
		return;
	em_key(m, "timer");
	em_begin(m, true, false);
	kv_text(m, "stage", stage_id(t->stage));
	kv_text(m, "state", timer_state_id(t->state));
	if (t->state == TIMER_RUNNING) {
		kv_seconds(m, "ends_at", t->ends_at);
		kv_seconds(m, "started_at", t->started_at);
	}
	if (t->state == TIMER_PAUSED)
		kv_seconds(m, "remaining", t->remaining);
	kv_seconds(m, "duration", t->duration);
	em_end(m);
}

/* A round with its votes: those the writer's data holds, which during an
 * open round are the exporting participant's own (the session took the
 * others' values out). */
static void put_round(struct em *m, const struct vote_round *r)
{
	em_begin(m, true, false);
	kv_number(m, "number", r->number);
	kv_text(m, "scope", round_scope_id(r->scope));
	if (r->scope == ROUND_CRITERION)
		kv_text(m, "criterion", r->scope_key);
	if (r->scope == ROUND_APPROACH)
		kv_text(m, "approach", r->scope_key);
	if (r->scope == ROUND_CELLS) {
		em_key(m, "cells");
		em_begin(m, false, false);
		for (size_t i = 0; i < r->n_cells; i++) {
			em_begin(m, true, true);
			kv_text(m, "approach", r->cells[i].approach);
			kv_text(m, "criterion", r->cells[i].criterion);
			em_end(m);
		}
		em_end(m);
	}
	if (r->follows)
		kv_number(m, "follows", r->follows);
	kv_text(m, "state", round_state_id(r->state));
	kv_text(m, "opened_by", r->opened_by);
	kv_seconds(m, "opened_at", r->opened_at);
	if (r->state == ROUND_REVEALED) {
		kv_text(m, "revealed_by", r->revealed_by);
		kv_seconds(m, "revealed_at", r->revealed_at);
	}
	if (r->n_votes) {
		em_key(m, "votes");
		em_begin(m, false, false);
		for (size_t i = 0; i < r->n_votes; i++)
			put_vote(m, &r->votes[i]);
		em_end(m);
	}
	em_end(m);
}

static void put_room(struct em *m, const struct workshop_data *d)
{
	put_agenda_timer(m, d);
	if (d->n_rounds) {
		em_key(m, "rounds");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_rounds; i++)
			put_round(m, &d->rounds[i]);
		em_end(m);
	}
	if (d->n_ready) {
		em_key(m, "ready");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_ready; i++) {
			em_begin(m, true, true);
			kv_text(m, "participant", d->ready[i].participant);
			kv_text(m, "stage", stage_id(d->ready[i].stage));
			kv_seconds(m, "at", d->ready[i].at);
			em_end(m);
		}
		em_end(m);
	}
	if (d->n_parking) {
		em_key(m, "parking_lot");
		em_begin(m, false, false);
		for (size_t i = 0; i < d->n_parking; i++) {
			const struct park_item *p = &d->parking[i];

			em_begin(m, true, false);
			kv_text(m, "text", p->text);
			kv_text(m, "added_by", p->added_by);
			kv_seconds(m, "added_at", p->added_at);
			kv_text(m, "status", park_status_id(p->status));
			kv_text(m, "next_step", p->next_step);
			em_end(m);
		}
		em_end(m);
	}
}

static int write_doc(const struct workshop_data *d, struct buf *out,
		     bool json, struct error *e)
{
	struct em m;
	const struct workshop *w = &d->ws;

	memset(&m, 0, sizeof(m));
	m.b = out;
	m.json = json;
	m.st[0].kind = F_ROOT;
	em_begin(&m, true, false);
	kv_number(&m, "charrette", 1);
	kv_text(&m, "title", w->title ? w->title : "");
	kv_text(&m, "template", w->template_name);
	kv_text(&m, "stage", stage_id(w->stage));
	kv_text(&m, "facilitator", w->facilitator);
	if (w->archived) {
		em_key(&m, "archived");
		em_raw(&m, "true");
	}
	em_key(&m, "score_scale");
	em_begin(&m, false, true);
	em_number(&m, w->scale_min);
	em_number(&m, w->scale_max);
	em_end(&m);
	put_answers(&m, d);
	kv_text(&m, "weighting", weighting_id(w->weighting));
	put_criteria(&m, d);
	put_pairwise(&m, d);
	put_approaches(&m, d);
	put_votes(&m, d);
	put_lists(&m, d);
	put_room(&m, d);
	em_end(&m);
	if (out->oom)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (m.overflow)
		return err_set(e, ST_ERROR, "%s", _("interchange: nesting too deep"));
	if (m.bad_number)
		return err_set(e, ST_INPUT, "%s",
			       _("the workshop holds a number that is not finite"));
	return ST_OK;
}

int interchange_json_string(struct buf *out, const char *s)
{
	struct em m;

	memset(&m, 0, sizeof(m));
	m.b = out;
	m.json = true;
	put_quoted(&m, s ? s : "");
	return out->oom ? ST_ERROR : ST_OK;
}

int interchange_write_yaml(const struct workshop_data *d, struct buf *out,
			   struct error *e)
{
	return write_doc(d, out, false, e);
}

int interchange_write_json(const struct workshop_data *d, struct buf *out,
			   struct error *e)
{
	return write_doc(d, out, true, e);
}
