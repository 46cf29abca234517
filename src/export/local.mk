# export: Markdown writers (report, tables) and YAML/JSON interchange.

# -- Markdown / CSV export (report, adr, madr, risks, metrics) --
libcharrette_a_SOURCES += \
	src/export/export.c src/export/export.h src/export/export_priv.h \
	src/export/md.c src/export/md.h src/export/csv.c src/export/csv.h \
	src/export/helpers.c src/export/helpers.h \
	src/export/tables.c src/export/tables.h \
	src/export/report.c src/export/report_int.h \
	src/export/report_state.c src/export/report_arch.c \
	src/export/report_tradeoff.c

EXTRA_DIST += .markdownlint-cli2.jsonc tests/cli/markdownlint.sh \
	tests/cli/export.sh tests/golden tests/data/report tests/unit/golden.h

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_export
TESTS += tests/unit/test_export
tests_unit_test_export_SOURCES = tests/unit/test_export.c
tests_unit_test_export_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_export_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_export_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_report
TESTS += tests/unit/test_report
tests_unit_test_report_SOURCES = tests/unit/test_report.c tests/unit/golden.h
tests_unit_test_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_report_LDADD = $(UNIT_LDADD)
endif
TESTS += tests/cli/markdownlint.sh tests/cli/export.sh \
	tests/cli/report-exports.sh tests/cli/report-lint.sh \
	tests/cli/report-pandoc.sh tests/cli/report-mermaid.sh
EXTRA_DIST += tests/cli/report-lib.sh tests/cli/report-exports.sh \
	tests/cli/report-lint.sh tests/cli/report-pandoc.sh \
	tests/cli/report-mermaid.sh tests/cli/mermaid-parse.mjs
# What a failing golden comparison leaves behind for a look.
CLEANFILES += *.md.actual *.csv.actual
# -- end of Markdown / CSV export --

# interchange
libcharrette_a_SOURCES += src/export/interchange.c src/export/interchange.h \
	src/export/interchange_int.h src/export/interchange_get.c \
	src/export/interchange_sections.c src/export/interchange_room.c \
	src/export/interchange_write.c
libcharrette_a_SOURCES += src/export/interchange_file.c
EXTRA_DIST += tests/cli/import-score.sh tests/cli/import-score.table \
	tests/data/interchange
TESTS += tests/cli/import-score.sh
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_interchange
TESTS += tests/unit/test_interchange
tests_unit_test_interchange_SOURCES = tests/unit/test_interchange.c
tests_unit_test_interchange_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_interchange_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_interchange_LDADD = $(UNIT_LDADD)
endif

# interchange: the room's part (agenda, timer, rounds, ready, parking lot).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_interchange_room
TESTS += tests/unit/test_interchange_room
tests_unit_test_interchange_room_SOURCES = tests/unit/test_interchange_room.c
tests_unit_test_interchange_room_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_interchange_room_LDADD = $(UNIT_LDADD)
endif

# report_room: the report's Agenda, Parking lot and Wrap-up sections.
libcharrette_a_SOURCES += src/export/report_room.c src/export/report_room.h
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_report_room
TESTS += tests/unit/test_report_room
tests_unit_test_report_room_SOURCES = tests/unit/test_report_room.c
tests_unit_test_report_room_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_room_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_report_room_LDADD = $(UNIT_LDADD)
endif
# The report's room sections (Agenda, Parking lot, Wrap-up) through the
# binary and the app.
TESTS += tests/cli/report-room.sh
EXTRA_DIST += tests/cli/report-room.sh
