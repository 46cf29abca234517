# store: SQLite, the only SQL.
libcharrette_a_SOURCES += src/store/store.h src/store/store_int.h \
	src/store/store.c \
	src/store/store_workshop.c \
	src/store/store_fields.c \
	src/store/store_rows.c \
	src/store/store_scoring.c \
	src/store/store_presence.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store
TESTS += tests/unit/test_store
tests_unit_test_store_SOURCES = tests/unit/test_store.c \
	tests/unit/test_store_data.c tests/unit/test_store.h
tests_unit_test_store_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LDADD)
endif
EXTRA_DIST += tests/data/store/v1.sql

# store_share: reads for the shared box (stamp, positions, creator).
libcharrette_a_SOURCES += src/store/store_share.h src/store/store_share.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store_share
TESTS += tests/unit/test_store_share
tests_unit_test_store_share_SOURCES = tests/unit/test_store_share.c
tests_unit_test_store_share_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_share_LDADD = $(UNIT_LDADD)
endif

# store_decide: decisions changed on both sides at once (supersede).
libcharrette_a_SOURCES += src/store/store_decide.h src/store/store_decide.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store_decide
TESTS += tests/unit/test_store_decide
tests_unit_test_store_decide_SOURCES = tests/unit/test_store_decide.c
tests_unit_test_store_decide_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_decide_LDADD = $(UNIT_LDADD)
endif

# store_adr: the ADR files decisions were read from; import-adr's bulk writes.
libcharrette_a_SOURCES += src/store/store_adr.h src/store/store_adr.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store_adr
TESTS += tests/unit/test_store_adr
tests_unit_test_store_adr_SOURCES = tests/unit/test_store_adr.c
tests_unit_test_store_adr_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_adr_LDADD = $(UNIT_LDADD)
endif
