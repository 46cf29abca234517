# store: SQLite, the only SQL.
libcharrette_a_SOURCES += src/store/store.h src/store/store_int.h \
	src/store/store.c src/store/store_schema.c \
	src/store/store_workshop.c src/store/store_import.c \
	src/store/store_fields.c \
	src/store/store_rows.c \
	src/store/store_scoring.c \
	src/store/store_presence.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store
TESTS += tests/unit/test_store
tests_unit_test_store_SOURCES = tests/unit/test_store.c \
	tests/unit/test_store_data.c tests/unit/test_store.h \
	tests/unit/test_store_safety.c
tests_unit_test_store_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LDADD)
endif
EXTRA_DIST += tests/data/store/v1.sql

# The shared box is safe (issue 11): hardened connections and the schema
# check, the facilitator role and presence by account, the trash.
libcharrette_a_SOURCES += src/store/store_check.c \
	src/store/store_roles.h src/store/store_roles.c \
	src/store/store_trash.h src/store/store_trash.c

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

# store_summary: workshop rows with their counts, for lists.
libcharrette_a_SOURCES += src/store/store_summary.h src/store/store_summary.c
# store_restore: rows a deletion took, put back (undo).
libcharrette_a_SOURCES += src/store/store_restore.h src/store/store_restore.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store_summary
TESTS += tests/unit/test_store_summary
tests_unit_test_store_summary_SOURCES = tests/unit/test_store_summary.c
tests_unit_test_store_summary_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_summary_LDADD = $(UNIT_LDADD)
endif

# store_room: agenda, countdown, blind voting rounds, ready, parking lot.
libcharrette_a_SOURCES += src/store/store_room.h src/store/store_room.c \
	src/store/store_room_data.c
# ... and the parking-lot writes only undo makes (restore, untake).
libcharrette_a_SOURCES += src/store/store_park_undo.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_store_room
TESTS += tests/unit/test_store_room
tests_unit_test_store_room_SOURCES = tests/unit/test_store_room.c
tests_unit_test_store_room_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_store_room_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_room_LDADD = $(UNIT_LDADD)
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
