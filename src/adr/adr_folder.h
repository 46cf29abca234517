/*
 * adr_folder: an ADR folder as an export finds it (adr_folder.c), shared
 * by the export (adr_export.c) and its index (adr_index.c).  Internal to
 * src/adr.
 */
#ifndef CHARRETTE_ADR_FOLDER_H
#define CHARRETTE_ADR_FOLDER_H

#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

/* One record file in the folder. */
struct ffile {
	char *name;
	int number;            /* from its name, 0 when none */
	bool numbered;         /* its name has a number (0000 too) */
	char date[11];         /* from a date-named file's name */
	char *text;            /* its bytes (NULL: unreadable or too large) */
	size_t len;
	int marker;            /* the decision of ours its marker names, -1 */
	bool claimed;          /* a decision of the workshop is in it */
};

struct folder {
	bool exists;
	struct ffile *v;       /* in name order */
	size_t n, cap;
	char *readme;          /* README.md's bytes, NULL when none */
	size_t readme_len;
	bool has_readme;
	bool has_template;     /* template.md */
	int max_number;
	size_t n_dated, n_madr;
	/* how new files are named: prefix, zero padding, a slug or not, or
	 * by date */
	const char *prefix;
	int width;
	bool slug;
	bool dated;
};

/* Read dir's record files, README.md and template.md (an interrupted
 * export is finished first).  mine: our marker up to the number
 * ("<!-- charrette: SLUG decision "), may be NULL.  A missing dir is an
 * empty folder. */
int adr_folder_scan(struct folder *f, const char *dir, const char *mine,
		    struct error *e);
void adr_folder_clear(struct folder *f);
struct ffile *adr_folder_file(struct folder *f, const char *name);
/* A new file's name in the folder's way (new string). */
char *adr_folder_name(const struct folder *f, int number, const char *title);

/* Our marker line gets a checksum of the file before it ("sum=..."); a
 * file whose checksum still holds has not been edited since. */
int adr_seal(struct buf *b);
bool adr_pristine(const char *text, size_t len);
/* The two files of ours are the same but for their marker lines. */
bool adr_same_but_marker(const char *a, size_t na, const char *b, size_t nb);

/* The README.md of a folder, its lines for the records updated in place:
 * a line for each record in `added` after the last line that links a
 * record, written like that line; in each line linking a record of
 * `renamed` the old title and status replaced by the new.  *changed tells
 * whether anything was.  A README that links no record is left as it is. */
struct adr_index_edit {
	const char *file;
	int number;
	const char *title, *old_title;
	const char *status, *old_status;
	const char *date;
};

int adr_index_update(const char *text, size_t len,
		     const struct adr_index_edit *added, size_t n_added,
		     const struct adr_index_edit *renamed, size_t n_renamed,
		     const struct adr_plan *plan, struct buf *out,
		     bool *changed);

/* Plan helpers of adr_export.c the writers use. */
/* The decision superseding decisions[i], or -1 (the plan's, computed
 * once, when it has it). */
int x_plan_superseder(const struct adr_plan *plan,
		      const struct workshop_data *d, size_t i);
/* The status of dec as a file writes it: its own word while it still
 * names the status, else the status id (lower) or capitalised. */
void x_status_word(struct buf *out, const struct decision *dec, bool lower);

/* The template.md charrette leaves in a MADR folder of its own, in the
 * layout log4brains reads (its `adr new` copies it). */
void adr_madr_template(struct buf *out);

#endif
