# session: one participant's open workshop, between the terminal app (and
# the CLI's write verbs) and the store, engine and exporters.
libcharrette_a_SOURCES += \
	src/session/session.c src/session/session.h src/session/session_int.h \
	src/session/session_history.c src/session/session_role.c \
	src/session/session_rows.c \
	src/session/session_text.c \
	src/session/session_undo.c \
	src/session/session_view.c src/session/session_write.c
libcharrette_a_SOURCES += src/session/session_links.c src/session/session_flow.c

# session_room: running the room (timer, agenda, rounds, ready, parking).
libcharrette_a_SOURCES += src/session/session_room.h \
	src/session/session_room.c src/session/session_agenda.c
# ... what the Room screen needs besides: the parking lot's undo, the
# agenda's role check before an editor opens.
libcharrette_a_SOURCES += src/session/session_park_undo.c \
	src/session/session_agenda_check.c

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

# Undo on the parking lot (session_park_undo.c).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_park_undo
TESTS += tests/unit/test_park_undo
tests_unit_test_park_undo_SOURCES = tests/unit/test_park_undo.c
tests_unit_test_park_undo_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_park_undo_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_park_undo_LDADD = $(UNIT_LDADD)
endif

# The shared box seen from the app: the trash, who edits what, follow by
# item.
libcharrette_a_SOURCES += src/session/session_trash.c \
	src/session/session_edits.c src/session/session_follow.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_session_share
TESTS += tests/unit/test_session_share
tests_unit_test_session_share_SOURCES = tests/unit/test_session_share.c
tests_unit_test_session_share_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_session_share_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_test_session_share_LDADD = $(UNIT_LDADD)
endif
# session_idle: how long an idle terminal may sleep.
libcharrette_a_SOURCES += src/session/session_idle.c
