/*
 * numeric_locale FILE DATADIR: render FILE (a workshop in the interchange
 * format) in every single-file export format under the C locale, then
 * again in the locale the environment names (LC_ALL or LC_NUMERIC, e.g.
 * de_DE.UTF-8), in this process, so nothing main() pins interferes.
 *
 *   1. LC_NUMERIC from the environment, messages in C: every format reads
 *      the same byte for byte (documents and files use '.').
 *   2. The whole locale, with the program's catalogues bound
 *      (CHARRETTE_LOCALEDIR, LANGUAGE): YAML, JSON and both CSV files still
 *      read the same; reports and tables may be translated.
 *
 * Exit 0 when all match, 1 on a difference (named), 77 when the locale is
 * not one with a comma for decimals (the test is skipped, not passed).
 * Run by tests/pkg/locale-export.sh.
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "export/export.h"
#include "export/interchange.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

enum { F_YAML, F_JSON, F_RISKS_CSV, F_METRICS_CSV, F_REPORT, F_RISKS,
       F_METRICS, F_COUNT };

static const char *const names[F_COUNT] = {
	"yaml", "json", "risks-csv", "metrics-csv", "report", "risks",
	"metrics"
};

static int render(const struct workshop_data *d, const struct knowledge *k,
		  int f, struct buf *out)
{
	static const enum export_format md[F_COUNT] = {
		[F_RISKS_CSV] = EXPORT_RISKS_CSV,
		[F_METRICS_CSV] = EXPORT_METRICS_CSV,
		[F_REPORT] = EXPORT_REPORT, [F_RISKS] = EXPORT_RISKS,
		[F_METRICS] = EXPORT_METRICS,
	};
	struct error e;

	err_clear(&e);
	buf_init(out);
	buf_puts(out, "");
	if (f == F_YAML)
		return interchange_write_yaml(d, out, &e);
	if (f == F_JSON)
		return interchange_write_json(d, out, &e);
	return export_render(d, k, md[f], out, &e);
}

static int render_all(const struct workshop_data *d,
		      const struct knowledge *k, struct buf *out)
{
	for (int f = 0; f < F_COUNT; f++) {
		if (render(d, k, f, &out[f]) < 0 || out[f].oom) {
			fprintf(stderr, "numeric_locale: cannot render %s\n",
				names[f]);
			return -1;
		}
	}
	return 0;
}

/* Formats [0, upto) of a and b must be equal. */
static int compare(const struct buf *a, const struct buf *b, int upto,
		   const char *what)
{
	int bad = 0;

	for (int f = 0; f < upto; f++) {
		if (a[f].len == b[f].len &&
		    memcmp(buf_str(&a[f]), buf_str(&b[f]), a[f].len) == 0) {
			printf("ok - %s: %s reads the same as in C\n", what,
			       names[f]);
			continue;
		}
		printf("not ok - %s: %s differs from C:\n%s\n", what, names[f],
		       buf_str(&b[f]));
		bad = 1;
	}
	return bad;
}

int main(int argc, char **argv)
{
	struct buf c[F_COUNT], num[F_COUNT], all[F_COUNT];
	struct workshop_data *d = NULL;
	struct knowledge *k = NULL;
	struct diag diags = { 0 };
	struct error e;
	const char *dp, *ld;
	int bad = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: numeric_locale FILE DATADIR\n");
		return 2;
	}
	setlocale(LC_ALL, "C");
	err_clear(&e);
	if (interchange_read_file(argv[1], &d, &e) < 0) {
		fprintf(stderr, "numeric_locale: %s: %s\n", argv[1], e.msg);
		return 1;
	}
	if (content_load(&k, argv[2], NULL, 0, &diags) < 0) {
		fprintf(stderr, "numeric_locale: cannot load %s\n", argv[2]);
		return 1;
	}
	diag_clear(&diags);
	if (render_all(d, k, c) < 0)
		return 1;
	if (!strstr(buf_str(&c[F_YAML]), "weight: 2.5") ||
	    !strstr(buf_str(&c[F_METRICS_CSV]), ",0.5,")) {
		fprintf(stderr, "numeric_locale: %s has not the decimals this test reads\n",
			argv[1]);
		return 1;
	}

	if (!setlocale(LC_NUMERIC, "")) {
		printf("SKIP: the locale the environment names is not installed\n");
		return 77;
	}
	dp = localeconv()->decimal_point;
	if (!dp || strcmp(dp, ",") != 0) {
		printf("SKIP: LC_NUMERIC %s has '%s' for decimals, not ','\n",
		       setlocale(LC_NUMERIC, NULL), dp ? dp : "");
		return 77;
	}
	printf("# LC_NUMERIC %s: decimal separator '%s'\n",
	       setlocale(LC_NUMERIC, NULL), dp);
	if (render_all(d, k, num) < 0)
		return 1;
	bad |= compare(c, num, F_COUNT, "comma LC_NUMERIC");

	setlocale(LC_ALL, "");
	ld = getenv("CHARRETTE_LOCALEDIR");
	bindtextdomain(PACKAGE, ld && *ld ? ld : LOCALEDIR);
	textdomain(PACKAGE);
	if (strcmp(gettext("Risks"), "Risks") == 0)
		printf("# no translation is active (LANGUAGE, CHARRETTE_LOCALEDIR): only the numbers are checked\n");
	if (render_all(d, k, all) < 0)
		return 1;
	bad |= compare(c, all, F_REPORT, "whole locale, translated");

	for (int f = 0; f < F_COUNT; f++) {
		buf_free(&c[f]);
		buf_free(&num[f]);
		buf_free(&all[f]);
	}
	wsdata_free(&d);
	knowledge_free(&k);
	return bad;
}
