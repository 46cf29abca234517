#include "config.h"
/*
 * edit: line and text editors.  The buffer operations (insert, delete,
 * kill word / line, cursor moves) are shared; the two editors differ in how
 * they lay the text out and in what Enter means.
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
		if (b->cur > 0)
			b->cur = utf8_prev(b->s, b->cur);
		return 1;
	case A_ED_RIGHT:
		if (b->cur < b->len)
			b->cur = utf8_next(b->s, b->len, b->cur);
		return 1;
	case A_ED_HOME:
		b->cur = line_start(b, b->cur);
		return 1;
	case A_ED_END:
		b->cur = line_end(b, b->cur);
		return 1;
	case A_ED_BACKSPACE:
		if (b->cur > 0)
			ebuf_delete(b, utf8_prev(b->s, b->cur), b->cur);
		return 1;
	case A_ED_DELETE:
		if (b->cur < b->len)
			ebuf_delete(b, b->cur, utf8_next(b->s, b->len, b->cur));
		return 1;
	case A_ED_KILL_WORD:
		p = b->cur;
		while (p > 0 && (b->s[p - 1] == ' ' || b->s[p - 1] == '\t'))
			p--;
		while (p > 0 && b->s[p - 1] != ' ' && b->s[p - 1] != '\t' &&
		       b->s[p - 1] != '\n')
			p--;
		ebuf_delete(b, p, b->cur);
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
	char *hint;
	bool multi;
	size_t scroll;      /* first visual line (text) / first byte (line) */
};

const char *edit_text(struct modal *m)
{
	return ((struct editor *)m)->b.s;
}

void edit_set_hint(struct modal *m, const char *hint)
{
	struct editor *ed = (struct editor *)m;

	free(ed->hint);
	ed->hint = str_dup(hint);
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
}

static char *editor_draft(struct modal *m)
{
	return str_dup(((struct editor *)m)->b.s);
}

/* Columns from byte a to byte b of s. */
static int cols_between(const char *s, size_t a, size_t b)
{
	char *t = str_ndup(s + a, b - a);
	int w = t ? utf8_width(t) : 0;

	free(t);
	return w;
}

static void line_draw(struct modal *m, struct app *a, int h, int w)
{
	struct editor *ed = (struct editor *)m;
	int bw = w - 4 < 72 ? w - 4 : 72, bx = (w - bw) / 2;
	int by = h / 2 - 2, fw = bw - 4, cx;
	size_t start;
	char *vis;

	(void)a;
	if (by < 1)
		by = 1;
	draw_role(CR_DIALOG);
	draw_box(by, bx, 5, bw, ed->title);
	/* Scroll horizontally so that the cursor stays in the field. */
	if (ed->scroll > ed->b.cur)
		ed->scroll = ed->b.cur;
	while (cols_between(ed->b.s, ed->scroll, ed->b.cur) > fw - 1)
		ed->scroll = utf8_next(ed->b.s, ed->b.len, ed->scroll);
	start = ed->scroll;
	draw_role(CR_INPUT);
	vis = ed->b.s + start;
	draw_line(by + 1, bx + 2, vis, fw);
	draw_role(CR_DIALOG);
	draw_line(by + 3, bx + 2, ed->hint ? ed->hint : "", fw);
	cx = bx + 2 + cols_between(ed->b.s, start, ed->b.cur);
	move(by + 1, cx);
	curs_set(1);
	draw_role(CR_NORMAL);
}

/* A visual line of the text editor: bytes [start, end). */
struct vline {
	size_t start, end;
};

/* Soft-wrap the text at `cols` columns (by character). */
static size_t layout(const struct ebuf *b, int cols, struct vline **out)
{
	size_t n = 0, cap = 16, off = 0;
	struct vline *v = malloc(cap * sizeof(*v));

	if (!v)
		return 0;
	for (;;) {
		size_t s = off;
		int used = 0;

		while (off < b->len && b->s[off] != '\n') {
			uint32_t cp;
			size_t st = utf8_decode(b->s + off, b->len - off, &cp);
			int cw = utf8_cp_width(cp);

			if (used + cw > cols && off > s)
				break;
			used += cw;
			off += st ? st : 1;
		}
		if (n == cap) {
			struct vline *p = realloc(v, cap * 2 * sizeof(*v));

			if (!p)
				break;
			v = p;
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
				if (n == cap) {
					struct vline *p = realloc(v, (cap + 1) * sizeof(*v));

					if (!p)
						break;
					v = p;
					cap++;
				}
				v[n].start = v[n].end = off;
				n++;
				break;
			}
		}
	}
	*out = v;
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
	int rows = bh - 4;
	struct vline *v = NULL;
	size_t n = layout(&ed->b, fw, &v), cl;

	(void)a;
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, ed->title);
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
		char *t = i < n ? str_ndup(ed->b.s + v[i].start,
					   v[i].end - v[i].start) : NULL;

		draw_line(by + 1 + r, bx + 2, t ? t : "", fw);
		free(t);
	}
	draw_role(CR_DIALOG);
	draw_line(by + bh - 2, bx + 2, ed->hint ? ed->hint :
		  _("C-s save · Esc cancel · C-e $EDITOR"), fw);
	if (n) {
		move(by + 1 + (int)(cl - ed->scroll),
		     bx + 2 + cols_between(ed->b.s, v[cl].start, ed->b.cur));
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
	col = cols_between(ed->b.s, v[cl].start, ed->b.cur);
	t = dir < 0 ? cl - 1 : cl + 1;
	off = v[t].start;
	while (off < v[t].end) {
		uint32_t cp;
		size_t st = utf8_decode(ed->b.s + off, ed->b.len - off, &cp);
		int cw = utf8_cp_width(cp);

		if (used + cw > col)
			break;
		used += cw;
		off += st ? st : 1;
	}
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

static enum modal_result editor_key(struct modal *m, struct app *a, int key)
{
	struct editor *ed = (struct editor *)m;
	enum action act = A_NONE;
	int h = a->t.rows, w = a->t.cols, by, bx, bh, bw;

	if (ed->multi)
		act = keys_lookup(SC_TEXT, key);
	if (act == A_NONE)
		act = keys_lookup(SC_EDIT, key);
	switch (act) {
	case A_CANCEL:
		return MODAL_CANCEL;
	case A_ED_SAVE:
		return MODAL_OK;
	case A_ED_NEWLINE:
		ebuf_insert(&ed->b, "\n", 1);
		return MODAL_CONTINUE;
	case A_ED_UP:
	case A_ED_DOWN:
		text_vertical(ed, act == A_ED_UP ? -1 : 1,
			      text_geometry(h, w, &by, &bx, &bh, &bw));
		return MODAL_CONTINUE;
	case A_ED_EXTERNAL:
		if (a->t.script)
			edit_set_hint(m, _("$EDITOR is not run from a script"));
		else
			text_external(ed);
		return MODAL_CONTINUE;
	case A_NONE:
		break;
	default:
		ebuf_action(&ed->b, act);
		return MODAL_CONTINUE;
	}
	/* Printable characters (and tabs in a text) type in. */
	if (!TK_IS_FN(key) && (key >= 32 || (key == '\t' && ed->multi)) &&
	    key != 127)
		ebuf_insert_cp(&ed->b, (unsigned)key);
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
	ed->hint = str_dup(hint);
	ed->m.ops = multi ? &text_ops : &line_ops;
	ed->m.done = done;
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
