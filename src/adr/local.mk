# adr: ADR folders in the adr-tools and MADR formats, read and written.
libcharrette_a_SOURCES += src/adr/adr_import.c src/adr/adr_import.h \
	src/adr/adr_import_int.h src/adr/adr_parse.c src/adr/adr_sections.c \
	src/adr/adr_meta.c src/adr/adr_text.c src/adr/adr_links.c \
	src/adr/adr_patch.h src/adr/adr_patch.c src/adr/adr_patch_int.h \
	src/adr/adr_patch_text.c \
	src/adr/adr_export.h src/adr/adr_export.c \
	src/adr/adr_folder.h src/adr/adr_folder.c src/adr/adr_index.c \
	src/adr/adr_refresh.h src/adr/adr_refresh.c \
	src/adr/adr_write.c src/adr/madr_write.c
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_adr_import
TESTS += tests/unit/test_adr_import
tests_unit_test_adr_import_SOURCES = tests/unit/test_adr_import.c
tests_unit_test_adr_import_CFLAGS = $(UNIT_CFLAGS) \
	-DADR_FIXTURES=\"$(abs_top_srcdir)/tests/data/adr\"
tests_unit_test_adr_import_LDADD = $(UNIT_LDADD)
endif
TESTS += tests/cli/import-adr.sh tests/cli/adr-crash.sh \
	tests/cli/log4brains.sh tests/cli/adr-tools.sh
EXTRA_DIST += tests/cli/import-adr.sh tests/cli/adr-crash.sh \
	tests/cli/log4brains.sh tests/cli/adr-tools.sh tests/data/adr
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_adr_patch
TESTS += tests/unit/test_adr_patch
tests_unit_test_adr_patch_SOURCES = tests/unit/test_adr_patch.c
tests_unit_test_adr_patch_CFLAGS = $(UNIT_CFLAGS) \
	-DADR_FIXTURES=\"$(abs_top_srcdir)/tests/data/adr\"
tests_unit_test_adr_patch_LDADD = $(UNIT_LDADD)
endif
