# export: Markdown writers, ADR import, YAML/JSON interchange.

# interchange
libcharrette_a_SOURCES += src/export/interchange.c src/export/interchange.h \
	src/export/interchange_write.c
dist_pkgdata_DATA += data/demo.yaml
EXTRA_DIST += tests/cli/import-score.sh tests/cli/import-score.table \
	tests/data/interchange doc/interchange.5.part
TESTS += tests/cli/import-score.sh
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_interchange
TESTS += tests/unit/test_interchange
tests_unit_test_interchange_SOURCES = tests/unit/test_interchange.c
tests_unit_test_interchange_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_interchange_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_interchange_LDADD = $(UNIT_LDADD)
endif
