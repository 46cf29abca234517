#include "config.h"
/*
 * edit: line and text editors.  The buffer operations (insert, delete,
 * kill word / line, cursor moves) are shared; the two editors differ in how
 * they lay the text out and in what Enter means.
 *
 * An open editor takes every key: what it does not use says so in its
 * hint line and never reaches the screen underneath.  The cursor steps by
 * grapheme cluster and every cluster is drawn in the columns it is counted
 * (util/utf8), so no text pushes the frame out.  Leaving: C-s saves (Enter
 * too in a one-line editor); Esc closes at once when nothing changed,
 * keeps changed text as a draft of the field, or asks before dropping it
 * where there is no field yet; C-c drops it and says so.
 */

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/draw.h"
#include "tui/widgets/edit.h"
#include "util/atomic.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- buffer ----------------------------------------------------------- */
int ebuf_init(struct ebuf *b, const char *init)
{
	memset(b, 0, sizeof(*b));
	b->cap = 64;
	b->s = malloc(b->cap);
	if (!b->s)
		return ST_ERROR;
	b->s[0] = '\0';
	if (init) {
		char *clean = utf8_sanitize(init);

		if (!clean || ebuf_insert(b, clean, strlen(clean)) < 0) {
			free(clean);
			return ST_ERROR;
		}
		free(clean);
	}
	return ST_OK;
}

void ebuf_free(struct ebuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* The cursor sits between clusters: a mark typed before a cluster that
 * now joins it, or a cut in the middle of one, moves it to the end. */
static void ebuf_snap(struct ebuf *b)
{
	size_t p = utf8_cluster_prev(b->s, b->cur);
	size_t e = utf8_cluster_next(b->s, b->len, p);

	if (e > b->cur)
		b->cur = e;
}

bool ebuf_typable(int key, bool multi)
{
	if (key == '\t')
		return multi;
	if (key < 0x20 || key == 0x7F || (key >= 0x80 && key <= 0x9F))
		return false;
	return !(key >= 0xD800 && key <= 0xDFFF) && key <= 0x10FFFF;
}

int ebuf_insert(struct ebuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap * 2 + n + 1;
		char *p = realloc(b->s, cap);

		if (!p)
			return ST_ERROR;
		b->s = p;
		b->cap = cap;
	}
	memmove(b->s + b->cur + n, b->s + b->cur, b->len - b->cur + 1);
	memcpy(b->s + b->cur, s, n);
	b->len += n;
	b->cur += n;
	ebuf_snap(b);
	return ST_OK;
}

int ebuf_insert_cp(struct ebuf *b, unsigned cp)
{
	char u[4];
	size_t n = utf8_encode(cp, u);

	return ebuf_insert(b, u, n);
}

static void ebuf_delete(struct ebuf *b, size_t from, size_t to)
{
	if (to <= from || to > b->len)
		return;
	memmove(b->s + from, b->s + to, b->len - to + 1);
	b->len -= to - from;
	if (b->cur >= to)
		b->cur -= to - from;
	else if (b->cur > from)
		b->cur = from;
}

static size_t line_start(const struct ebuf *b, size_t off)
{
	while (off > 0 && b->s[off - 1] != '\n')
		off--;
	return off;
}

static size_t line_end(const struct ebuf *b, size_t off)
{
	while (off < b->len && b->s[off] != '\n')
		off++;
	return off;
}

int ebuf_action(struct ebuf *b, enum action act)
{
	size_t p;

	switch (act) {
	case A_ED_LEFT:
		b->cur = utf8_cluster_prev(b->s, b->cur);
		return 1;
	case A_ED_RIGHT:
		b->cur = utf8_cluster_next(b->s, b->len, b->cur);
		return 1;
	case A_ED_HOME:
		b->cur = line_start(b, b->cur);
		return 1;
	case A_ED_END:
		b->cur = line_end(b, b->cur);
		return 1;
	case A_ED_BACKSPACE:
		ebuf_delete(b, utf8_cluster_prev(b->s, b->cur), b->cur);
		return 1;
	case A_ED_DELETE:
		ebuf_delete(b, b->cur, utf8_cluster_next(b->s, b->len, b->cur));
		return 1;
	case A_ED_KILL_WORD:
		p = b->cur;
		while (p > 0 && (b->s[p - 1] == ' ' || b->s[p - 1] == '\t'))
			p--;
		while (p > 0 && b->s[p - 1] != ' ' && b->s[p - 1] != '\t' &&
		       b->s[p - 1] != '\n')
			p--;
		ebuf_delete(b, p, b->cur);
		ebuf_snap(b);
		return 1;
	case A_ED_KILL_START:
		ebuf_delete(b, line_start(b, b->cur), b->cur);
		return 1;
	case A_ED_KILL_END:
		ebuf_delete(b, b->cur, line_end(b, b->cur));
		return 1;
	default:
		return 0;
	}
}

/* ---- the modals ------------------------------------------------------- */
struct editor {
	struct modal m;
	struct ebuf b;
	char *title;
	char *hint;         /* the opener's hint: what the keys do here */
	char *note;         /* over the hint until the text changes: a
			     * validation message, a key that does nothing */
	char *init;         /* the text it opened with: Esc on it closes */
	struct strv bar;    /* status bar: key, label, key, label... */
	struct strv ask;    /* the same while asking to discard */
	bool multi;
	bool scratch;       /* a search or a command: Esc never asks */
	bool asking;        /* "Discard what you typed? y/n" */
	bool pasting;       /* inside a bracketed paste: Enter is text */
	size_t scroll;      /* first visual line (text) / first byte (line) */
	/* Another text shown whole under the field, read-only (a merge:
	 * theirs under mine): its heading, text, first line shown and the
	 * lines it took at the last draw; PgUp / PgDn scroll it. */
	char *aside_title, *aside;
	size_t aside_top, aside_lines;
	int aside_rows;
	/* Tab completes (the ':' prompt): called with the Tabs pressed in a
	 * row, 1 for the first. */
	void (*complete)(struct app *a, struct modal *m, int tabs);
	int tabs;
};

static const struct modal_ops line_ops, text_ops;

static struct editor *editor_of(struct modal *m)
{
	return m && (m->ops == &line_ops || m->ops == &text_ops)
	       ? (struct editor *)m : NULL;
}

static const char *default_hint(const struct editor *ed)
{
	return ed->multi ? _("C-s save · Esc cancel · C-e $EDITOR")
			 : _("Enter save · Esc cancel");
}

const char *edit_text(struct modal *m)
{
	return ((struct editor *)m)->b.s;
}

void edit_set_hint(struct modal *m, const char *hint)
{
	struct editor *ed = (struct editor *)m;

	free(ed->note);
	ed->note = hint ? str_dup(hint) : NULL;
}

void edit_set_scratch(struct modal *m)
{
	struct editor *ed = editor_of(m);

	if (ed)
		ed->scratch = true;
}

void edit_set_complete(struct modal *m,
		       void (*fn)(struct app *a, struct modal *m, int tabs))
{
	struct editor *ed = editor_of(m);

	if (ed)
		ed->complete = fn;
}

int edit_set_text(struct modal *m, const char *text)
{
	struct editor *ed = editor_of(m);
	struct ebuf nb;

	if (!ed || ebuf_init(&nb, text) < 0)
		return ST_ERROR;
	ebuf_free(&ed->b);
	ed->b = nb;
	ed->b.cur = ed->b.len;
	return ST_OK;
}

bool edit_is_editor(struct modal *m)
{
	return editor_of(m) != NULL;
}

/*
 * The status bar is read from the opener's hint, so it says what Enter
 * does here ("Enter next (weeks)", "Enter add"): every "KEY what" part of
 * "… · Enter next (weeks) · Esc cancel" whose first word is a key name.
 */
int edit_bar_parse(struct strv *out, const char *hint)
{
	const char *sep = " \xC2\xB7 ";     /* " · " */
	const char *p = hint;

	while (p && *p) {
		const char *end = strstr(p, sep);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *part = str_ndup(p, n), *sp, key[48];
		int rc = ST_OK;

		if (!part)
			return ST_ERROR;
		sp = strchr(part, ' ');
		if (sp && sp > part && sp[1] && sp - part < 40) {
			*sp = '\0';
			snprintf(key, sizeof(key), "<%s>", part);
			if (key_parse(key) >= 0 &&
			    (strv_push(out, part) < 0 || strv_push(out, sp + 1) < 0))
				rc = ST_ERROR;
		}
		free(part);
		if (rc < 0)
			return rc;
		p = end ? end + strlen(sep) : NULL;
	}
	return ST_OK;
}

/* A text editor's bar also names its own keys the hint leaves out
 * (C-e $EDITOR under "one entry per line · C-s save · Esc cancel"). */
static int bar_add_text_keys(struct strv *bar)
{
	for (size_t i = 0; i < tui_n_keys; i++) {
		const struct keydef *kd = &tui_keys[i];
		char nm[32];
		bool have = false;

		if (kd->scope != SC_TEXT || !kd->bar)
			continue;
		key_describe(key_parse(kd->keys[0]), nm, sizeof(nm));
		for (size_t j = 0; j + 1 < bar->n; j += 2)
			have = have || str_eq(bar->v[j], nm);
		if (!have && (strv_push(bar, nm) < 0 ||
			      strv_push(bar, _(kd->bar)) < 0))
			return ST_ERROR;
	}
	return ST_OK;
}

const struct strv *edit_bar(struct modal *m)
{
	struct editor *ed = editor_of(m);

	if (!ed)
		return NULL;
	if (ed->asking)
		return &ed->ask;
	return ed->bar.n ? &ed->bar : NULL;
}

char *edit_text_lines(struct modal *m)
{
	struct strv in = { 0 }, out = { 0 };
	char *r;

	if (strv_split(&in, edit_text(m), '\n') < 0)
		return NULL;
	for (size_t i = 0; i < in.n; i++) {
		str_trim(in.v[i]);
		if (*in.v[i])
			strv_push(&out, in.v[i]);
	}
	r = out.n ? strv_join(&out, "\n") : str_dup("");
	strv_free(&in);
	strv_free(&out);
	return r;
}

char *edit_text_trimmed(struct modal *m, const char *required)
{
	char *t = str_dup(edit_text(m));

	if (!t)
		return NULL;
	str_trim(t);
	if (required && !*t) {
		free(t);
		edit_set_hint(m, required);
		return NULL;
	}
	return t;
}

static void editor_free(struct modal *m)
{
	struct editor *ed = (struct editor *)m;

	ebuf_free(&ed->b);
	free(ed->title);
	free(ed->hint);
	free(ed->note);
	free(ed->init);
	strv_free(&ed->bar);
	strv_free(&ed->ask);
	free(ed->aside_title);
	free(ed->aside);
}

static char *editor_draft(struct modal *m)
{
	return str_dup(((struct editor *)m)->b.s);
}

/* What to draw for s[a..b): each cluster in the form that takes the
 * columns it is counted (new string; NULL when out of memory). */
static char *shown(const char *s, size_t a, size_t b)
{
	struct buf out;

	buf_init(&out);
	buf_puts(&out, "");
	while (a < b) {
		size_t e = utf8_cluster_next(s, b, a);

		utf8_cluster_shown(&out, s + a, e - a);
		a = e;
	}
	return buf_detach(&out);
}

/* The line under the field: a note, the question, or the hint. */
static void draw_hint(struct editor *ed, int y, int x, int w)
{
	if (ed->asking) {
		draw_role(CR_WARNING);
		draw_line(y, x, _("Discard what you typed? y/n"), w);
	} else {
		draw_role(ed->note ? CR_WARNING : CR_DIALOG);
		draw_line(y, x, ed->note ? ed->note
			  : ed->hint ? ed->hint : default_hint(ed), w);
	}
	draw_role(CR_DIALOG);
}

int edit_set_aside(struct modal *m, const char *title, const char *text)
{
	struct editor *ed = editor_of(m);
	char *t, *x;

	if (!ed)
		return ST_INPUT;
	t = str_dup(title ? title : "");
	x = utf8_sanitize(text ? text : "");
	if (!t || !x) {
		free(t);
		free(x);
		return ST_ERROR;
	}
	free(ed->aside_title);
	free(ed->aside);
	ed->aside_title = t;
	ed->aside = x;
	ed->aside_top = 0;
	return ST_OK;
}

/*
 * The aside in rows y..y+h-1 (the first is its heading, with where the
 * view is and the keys that move it), wrapped at w columns, from the
 * line aside_top on.
 */
static void draw_aside(struct editor *ed, int y, int x, int h, int w)
{
	size_t len = strlen(ed->aside), n, *st, *ln;
	char head[300];
	int rows = h - 1;

	if (h < 2 || w < 4)
		return;
	st = calloc(len + 2, sizeof(*st));
	ln = calloc(len + 2, sizeof(*ln));
	if (!st || !ln) {
		free(st);
		free(ln);
		return;
	}
	n = draw_wrap(ed->aside, w, st, ln, len + 2);
	ed->aside_lines = n;
	ed->aside_rows = rows;
	if (n <= (size_t)rows)
		ed->aside_top = 0;
	else if (ed->aside_top > n - (size_t)rows)
		ed->aside_top = n - (size_t)rows;
	if (n > (size_t)rows)
		snprintf(head, sizeof(head), _("%s (lines %zu-%zu of %zu · PgUp/PgDn scroll)"),
			 ed->aside_title, ed->aside_top + 1,
			 ed->aside_top + (size_t)rows, n);
	else
		snprintf(head, sizeof(head), "%s", ed->aside_title);
	draw_role(CR_HEADING);
	draw_line(y, x, head, w);
	draw_role(CR_DIALOG);
	for (int r = 0; r < rows; r++) {
		size_t i = ed->aside_top + (size_t)r;
		char *t = i < n ? str_ndup(ed->aside + st[i], ln[i]) : NULL;
		char *vis = t ? shown(t, 0, strlen(t)) : NULL;

		draw_line(y + 1 + r, x, vis ? vis : "", w);
		free(vis);
		free(t);
	}
	free(st);
	free(ln);
}

/* PgUp / PgDn: the aside by a page less a line. */
static bool aside_scroll(struct editor *ed, int dir)
{
	size_t page = ed->aside_rows > 1 ? (size_t)ed->aside_rows - 1 : 1;

	if (!ed->aside)
		return false;
	if (dir < 0)
		ed->aside_top = ed->aside_top > page ? ed->aside_top - page : 0;
	else if (ed->aside_top + (size_t)ed->aside_rows < ed->aside_lines)
		ed->aside_top += page;
	return true;
}

static void line_draw(struct modal *m, struct app *a, int h, int w)
{
	struct editor *ed = (struct editor *)m;
	int bw = w - 4 < 72 ? w - 4 : 72, bx = (w - bw) / 2;
	int by = h / 2 - 2, fw = bw - 4, used = 0;
	size_t end;
	char *vis;

	(void)a;
	if (by < 1)
		by = 1;
	if (ed->aside) {
		/* The field on top, the other text under it, whole. */
		bw = w - 4 < 100 ? w - 4 : 100;
		bx = (w - bw) / 2;
		fw = bw - 4;
		by = 2;
		draw_role(CR_DIALOG);
		draw_box(by, bx, h - 4, bw, ed->title);
		draw_aside(ed, by + 5, bx + 2, h - 10, fw);
	} else {
		draw_role(CR_DIALOG);
		draw_box(by, bx, 5, bw, ed->title);
	}
	/* Scroll sideways by whole clusters so that the cursor stays in the
	 * field: from the cursor back as far as fits. */
	if (ed->scroll > ed->b.cur)
		ed->scroll = ed->b.cur;
	else if (ed->scroll > 0)
		ed->scroll = utf8_cluster_prev(ed->b.s,
			utf8_cluster_next(ed->b.s, ed->b.len, ed->scroll));
	if (utf8_cluster_span(ed->b.s, ed->scroll, ed->b.cur) > fw - 1) {
		size_t p = ed->b.cur;

		while (p > 0) {
			size_t q = utf8_cluster_prev(ed->b.s, p);
			int cw = utf8_cluster_width(ed->b.s + q, p - q);

			if (used + cw > fw - 1)
				break;
			used += cw;
			p = q;
		}
		ed->scroll = p;
		used = 0;
	}
	for (end = ed->scroll; end < ed->b.len; ) {
		size_t e = utf8_cluster_next(ed->b.s, ed->b.len, end);
		int cw = utf8_cluster_width(ed->b.s + end, e - end);

		if (used + cw > fw)
			break;
		used += cw;
		end = e;
	}
	draw_role(CR_INPUT);
	vis = shown(ed->b.s, ed->scroll, end);
	draw_line(by + 1, bx + 2, vis ? vis : "", fw);
	free(vis);
	draw_hint(ed, by + 3, bx + 2, fw);
	move(by + 1, bx + 2 + utf8_cluster_span(ed->b.s, ed->scroll, ed->b.cur));
	curs_set(1);
	draw_role(CR_NORMAL);
}

/* A visual line of the text editor: bytes [start, end). */
struct vline {
	size_t start, end;
};

/*
 * The end of the visual line that starts at `s`: as many clusters as fit
 * in `cols`, broken after the last space that fits (a word longer than
 * the line is cut where the line ends).  A single space that would pass
 * the edge stays at the end of its line, where it is not drawn.
 */
static size_t wrap_end(const struct ebuf *b, size_t s, int cols)
{
	size_t off = s, brk = 0;
	int used = 0;

	while (off < b->len && b->s[off] != '\n') {
		size_t e = utf8_cluster_next(b->s, b->len, off);
		int cw = utf8_cluster_width(b->s + off, e - off);

		if (used + cw > cols) {
			if (b->s[off] == ' ' && e == off + 1)
				return e;
			if (brk > s)
				return brk;
			return off > s ? off : e;
		}
		used += cw;
		off = e;
		if (b->s[off - 1] == ' ')
			brk = off;
	}
	return off;
}

/* Soft-wrap the text at `cols` columns. */
static size_t layout(const struct ebuf *b, int cols, struct vline **out)
{
	size_t n = 0, cap = 16, off = 0;
	struct vline *v = malloc(cap * sizeof(*v));

	*out = v;
	if (!v)
		return 0;
	for (;;) {
		size_t s = off;

		off = wrap_end(b, s, cols);
		if (n + 2 > cap) {
			struct vline *p = realloc(v, cap * 2 * sizeof(*v));

			if (!p)
				break;
			*out = v = p;
			cap *= 2;
		}
		v[n].start = s;
		v[n].end = off;
		n++;
		if (off >= b->len)
			break;
		if (b->s[off] == '\n') {
			off++;
			if (off == b->len) {
				/* A trailing newline opens an empty line. */
				v[n].start = v[n].end = off;
				n++;
				break;
			}
		}
	}
	return n;
}

static size_t vline_of(const struct vline *v, size_t n, size_t cur)
{
	for (size_t i = 0; i < n; i++) {
		bool last = i + 1 == n;

		if (cur >= v[i].start &&
		    (cur < v[i].end || (cur == v[i].end &&
					(last || v[i + 1].start != cur))))
			return i;
	}
	return n ? n - 1 : 0;
}

static int text_geometry(int h, int w, int *by, int *bx, int *bh, int *bw)
{
	*bw = w - 4 < 100 ? w - 4 : 100;
	*bh = h - 4;
	*by = 2;
	*bx = (w - *bw) / 2;
	return *bw - 4;
}

static void text_draw(struct modal *m, struct app *a, int h, int w)
{
	struct editor *ed = (struct editor *)m;
	int by, bx, bh, bw, fw = text_geometry(h, w, &by, &bx, &bh, &bw);
	int rows = bh - 4, col;
	struct vline *v = NULL;
	size_t n = layout(&ed->b, fw, &v), cl;

	(void)a;
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, ed->title);
	if (ed->aside) {
		/* Mine in the upper part, the other text below it. */
		int mine = rows / 2 > 3 ? rows / 2 : 3;

		draw_aside(ed, by + 1 + mine + 1, bx + 2, rows - mine - 1, fw);
		rows = mine;
	}
	cl = vline_of(v, n, ed->b.cur);
	if (rows < 1)
		rows = 1;
	if (cl < ed->scroll)
		ed->scroll = cl;
	if (cl >= ed->scroll + (size_t)rows)
		ed->scroll = cl - (size_t)rows + 1;
	draw_role(CR_INPUT);
	for (int r = 0; r < rows; r++) {
		size_t i = ed->scroll + (size_t)r;
		char *t = i < n ? shown(ed->b.s, v[i].start, v[i].end) : NULL;

		draw_line(by + 1 + r, bx + 2, t ? t : "", fw);
		free(t);
	}
	draw_hint(ed, by + bh - 2, bx + 2, fw);
	if (n) {
		/* At most the padding column, inside the frame. */
		col = utf8_cluster_span(ed->b.s, v[cl].start, ed->b.cur);
		move(by + 1 + (int)(cl - ed->scroll), bx + 2 + (col < fw ? col : fw));
		curs_set(1);
	}
	free(v);
	draw_role(CR_NORMAL);
}

/* Up / down in the text editor: same column on the neighbouring line. */
static void text_vertical(struct editor *ed, int dir, int fw)
{
	struct vline *v = NULL;
	size_t n = layout(&ed->b, fw, &v), cl = vline_of(v, n, ed->b.cur), t;
	int col, used = 0;
	size_t off;

	if (!n || (dir < 0 && cl == 0) || (dir > 0 && cl + 1 >= n)) {
		free(v);
		return;
	}
	col = utf8_cluster_span(ed->b.s, v[cl].start, ed->b.cur);
	t = dir < 0 ? cl - 1 : cl + 1;
	off = v[t].start;
	while (off < v[t].end) {
		size_t e = utf8_cluster_next(ed->b.s, v[t].end, off);
		int cw = utf8_cluster_width(ed->b.s + off, e - off);

		if (used + cw > col)
			break;
		used += cw;
		off = e;
	}
	/* Not after the space a wrapped line ends with: that is the start
	 * of the next line. */
	if (off == v[t].end && t + 1 < n && v[t + 1].start == off && off > v[t].start)
		off = utf8_cluster_prev(ed->b.s, off);
	ed->b.cur = off;
	free(v);
}

/* Hand the text to $VISUAL / $EDITOR and read it back. */
static void text_external(struct editor *ed)
{
	char path[] = "/tmp/charrette-edit-XXXXXX";
	const char *cmd = getenv("VISUAL");
	struct error e;
	char *shell = NULL, *data = NULL;
	size_t len = 0;
	int fd, rc;

	err_clear(&e);
	if (!cmd || !*cmd)
		cmd = getenv("EDITOR");
	if (!cmd || !*cmd)
		cmd = "vi";
	fd = mkstemp(path);
	if (fd < 0) {
		edit_set_hint(&ed->m, strerror(errno));
		return;
	}
	if (write(fd, ed->b.s, ed->b.len) != (ssize_t)ed->b.len) {
		close(fd);
		unlink(path);
		edit_set_hint(&ed->m, _("cannot write the temporary file"));
		return;
	}
	close(fd);
	shell = str_printf("%s %s", cmd, path);
	if (!shell) {
		unlink(path);
		return;
	}
	def_prog_mode();
	endwin();
	rc = system(shell);
	reset_prog_mode();
	clearok(curscr, TRUE);
	free(shell);
	if (rc != 0) {
		edit_set_hint(&ed->m, _("the editor failed; text unchanged"));
	} else if (file_read_all(path, &data, &len, &e) == 0) {
		/* Editors add a final newline; the field does not want it. */
		while (len > 0 && data[len - 1] == '\n')
			data[--len] = '\0';
		ebuf_free(&ed->b);
		if (ebuf_init(&ed->b, data) < 0)
			ebuf_init(&ed->b, "");
		free(data);
	}
	unlink(path);
}

static bool changed(const struct editor *ed)
{
	return !str_eq(ed->b.s, ed->init ? ed->init : "");
}

/*
 * Esc: nothing changed, or a search or a command line: close.  Changed
 * text of a field is kept as its draft, which the next edit of the field
 * offers back; anything else (a name typed for something new) is only
 * dropped after a y.
 */
static enum modal_result editor_escape(struct editor *ed, struct app *a)
{
	if (ed->scratch || !changed(ed))
		return MODAL_CANCEL;
	if (ed->m.draft_where &&
	    session_draft_keep(a->s, ed->m.draft_where, ed->b.s)) {
		app_msg(a, MSG_INFO, "%s",
			_("kept as a draft: edit the field again to get it back"));
		return MODAL_CANCEL;
	}
	ed->asking = true;
	a->msg[0] = '\0';
	return MODAL_CONTINUE;
}

/* C-c: cancel, and say what became of the text. */
static enum modal_result editor_drop(struct editor *ed, struct app *a)
{
	if (!ed->scratch)
		app_msg(a, MSG_INFO, "%s", changed(ed)
			? _("cancelled: what you typed was dropped")
			: _("cancelled: nothing was changed"));
	return MODAL_CANCEL;
}

/* A key the editor has no use for: it does nothing but say so, so that
 * nobody types on believing the editor closed. */
static void editor_unused(struct editor *ed, int key)
{
	char nm[32], *t;

	if (key == TK_FN(KEY_MOUSE))
		return;
	key_describe(key, nm, sizeof(nm));
	t = str_printf(_("%s does nothing in an editor · %s"), nm,
		       ed->hint ? ed->hint : default_hint(ed));
	free(ed->note);
	ed->note = t;
}

/* A bracketed paste is text: its line breaks never save a line. */
static void editor_paste(struct editor *ed, int key)
{
	if (key == '\r' || key == '\n' || key == TK_FN(KEY_ENTER))
		key = ed->multi ? '\n' : ' ';
	else if (key == '\t' && !ed->multi)
		key = ' ';
	if (key == '\n' || ebuf_typable(key, ed->multi))
		ebuf_insert_cp(&ed->b, (unsigned)key);
}

static enum modal_result editor_key(struct modal *m, struct app *a, int key)
{
	struct editor *ed = (struct editor *)m;
	enum action act = A_NONE;
	int h = a->t.rows, w = a->t.cols, by, bx, bh, bw;
	size_t len = ed->b.len;

	if (key == TK_PASTE_BEGIN || key == TK_PASTE_END) {
		ed->pasting = key == TK_PASTE_BEGIN;
		return MODAL_CONTINUE;
	}
	if (ed->pasting) {
		/* While asking, the paste is no answer. */
		if (!ed->asking)
			editor_paste(ed, key);
		goto typed;
	}
	if (ed->multi)
		act = keys_lookup(SC_TEXT, key);
	if (act == A_NONE)
		act = keys_lookup(SC_EDIT, key);
	if (act == A_ED_COMPLETE && ed->complete && !ed->asking) {
		ed->complete(a, m, ++ed->tabs);
		return MODAL_CONTINUE;
	}
	ed->tabs = 0;
	if (act == A_ED_DROP)
		return editor_drop(ed, a);
	if (ed->asking) {
		act = keys_lookup(SC_DIALOG, key);
		if (act == A_DLG_YES) {
			app_msg(a, MSG_INFO, "%s", _("dropped what you typed"));
			return MODAL_CANCEL;
		}
		if (act == A_DLG_NO)
			ed->asking = false;
		return MODAL_CONTINUE;
	}
	switch (act) {
	case A_CANCEL:
		return editor_escape(ed, a);
	case A_ED_SAVE:
		return MODAL_OK;
	case A_ED_NEWLINE:
		ebuf_insert(&ed->b, "\n", 1);
		break;
	case A_ED_UP:
	case A_ED_DOWN:
		text_vertical(ed, act == A_ED_UP ? -1 : 1,
			      text_geometry(h, w, &by, &bx, &bh, &bw));
		return MODAL_CONTINUE;
	case A_ED_ASIDE_UP:
	case A_ED_ASIDE_DOWN:
		if (!aside_scroll(ed, act == A_ED_ASIDE_UP ? -1 : 1))
			editor_unused(ed, key);
		return MODAL_CONTINUE;
	case A_ED_COMPLETE:
		/* Tab types in a text; elsewhere it completes, or does not. */
		if (ed->multi)
			ebuf_insert_cp(&ed->b, '\t');
		else
			editor_unused(ed, key);
		return MODAL_CONTINUE;
	case A_ED_EXTERNAL:
		if (a->t.script)
			edit_set_hint(m, _("$EDITOR is not run from a script"));
		else
			text_external(ed);
		return MODAL_CONTINUE;
	case A_NONE:
		/* Printable characters (and tabs in a text) type in. */
		if (ebuf_typable(key, ed->multi))
			ebuf_insert_cp(&ed->b, (unsigned)key);
		else if (key < 0x20 || TK_IS_FN(key))
			editor_unused(ed, key);
		break;
	default:
		ebuf_action(&ed->b, act);
		break;
	}
typed:
	/* A note (a validation message) is stale once the text changed. */
	if (ed->b.len != len && ed->note) {
		free(ed->note);
		ed->note = NULL;
	}
	return MODAL_CONTINUE;
}

static const struct modal_ops line_ops = {
	line_draw, editor_key, editor_draft, editor_free
};
static const struct modal_ops text_ops = {
	text_draw, editor_key, editor_draft, editor_free
};

static struct modal *editor_new(bool multi, const char *title,
				const char *init, const char *hint,
				modal_done_fn done)
{
	struct editor *ed = calloc(1, sizeof(*ed));

	if (!ed)
		return NULL;
	if (ebuf_init(&ed->b, init) < 0) {
		free(ed);
		return NULL;
	}
	ed->multi = multi;
	ed->title = str_dup(title);
	ed->hint = hint ? str_dup(hint) : NULL;
	ed->init = str_dup(ed->b.s);
	ed->m.ops = multi ? &text_ops : &line_ops;
	ed->m.done = done;
	if ((title && !ed->title) || !ed->init || (hint && !ed->hint) ||
	    edit_bar_parse(&ed->bar, hint ? hint : default_hint(ed)) < 0 ||
	    (multi && ed->bar.n && bar_add_text_keys(&ed->bar) < 0) ||
	    strv_push(&ed->ask, "y") < 0 ||
	    strv_push(&ed->ask, _("discard")) < 0 ||
	    strv_push(&ed->ask, "n") < 0 ||
	    strv_push(&ed->ask, _("keep editing")) < 0) {
		editor_free(&ed->m);
		free(ed);
		return NULL;
	}
	return &ed->m;
}

struct modal *lineedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done)
{
	return editor_new(false, title, init, hint, done);
}

struct modal *textedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done)
{
	return editor_new(true, title, init, hint, done);
}
