# session: one participant's open workshop, between the terminal app (and
# the CLI's write verbs) and the store, engine and exporters.
libcharrette_a_SOURCES += \
	src/session/session.c src/session/session.h src/session/session_int.h \
	src/session/session_history.c src/session/session_role.c \
	src/session/session_rows.c \
	src/session/session_text.c \
	src/session/session_undo.c \
	src/session/session_view.c src/session/session_write.c

# session_room: running the room (timer, agenda, rounds, ready, parking).
libcharrette_a_SOURCES += src/session/session_room.h \
	src/session/session_room.c src/session/session_agenda.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_session
TESTS += tests/unit/test_session
tests_unit_test_session_SOURCES = tests/unit/test_session.c
tests_unit_test_session_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_session_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_session_LDADD = $(UNIT_LDADD)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_session_room
TESTS += tests/unit/test_session_room
tests_unit_test_session_room_SOURCES = tests/unit/test_session_room.c
tests_unit_test_session_room_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_session_room_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_session_room_LDADD = $(UNIT_LDADD)
endif

# The blind-round rule through the binary: show, score and every export.
TESTS += tests/cli/blind-round.sh
EXTRA_DIST += tests/cli/blind-round.sh

# session_idle: how long an idle terminal may sleep.
libcharrette_a_SOURCES += src/session/session_idle.c
