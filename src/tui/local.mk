# tui: the terminal application (not in libcharrette: it needs ncursesw).
charrette_SOURCES += \
	src/tui/tui.h src/tui/tui.c src/tui/app.h src/tui/layout.c \
	src/tui/modal.c \
	src/tui/keys.c src/tui/keys.h \
	src/tui/draw.c src/tui/draw.h \
	src/tui/script.c src/tui/script.h \
	src/tui/commands.c \
	src/tui/screens.c src/tui/screens.h \
	src/tui/conflict.c src/tui/conflict_int.h src/tui/conflict_orphan.c \
	src/tui/follow.c \
	src/tui/room.c src/tui/room.h src/tui/navigate.c src/tui/search.c \
	src/tui/screens/screen_workshops.c \
	src/tui/screens/screen_interview.c \
	src/tui/screens/screen_findings.c \
	src/tui/screens/screen_approaches.c src/tui/screens/screen_compare.c \
	src/tui/screens/approach_fields.c src/tui/screens/approaches.h \
	src/tui/screens/screen_tradeoffs.c src/tui/screens/tradeoffs.h \
	src/tui/screens/tradeoffs_ahp.c src/tui/screens/tradeoffs_matrix.c \
	src/tui/screens/tradeoffs_matrix_keys.c \
	src/tui/screens/screen_decision.c src/tui/screens/decision.h \
	src/tui/screens/decision_edit.c \
	src/tui/screens/screen_risks.c \
	src/tui/screens/screen_metrics.c \
	src/tui/screens/screen_roadmap.c \
	src/tui/screens/screen_history.c \
	src/tui/screens/screen_room.c src/tui/screens/room.h \
	src/tui/screens/room_agenda.c src/tui/screens/room_park.c \
	src/tui/screens/screen_wrapup.c \
	src/tui/widgets/textview.c src/tui/widgets/textview.h \
	src/tui/widgets/list.c src/tui/widgets/list.h \
	src/tui/widgets/edit.c src/tui/widgets/edit.h \
	src/tui/widgets/picker.c src/tui/widgets/picker.h \
	src/tui/widgets/dialog.c src/tui/widgets/dialog.h \
	src/tui/widgets/entry.c src/tui/widgets/entry.h
charrette_SOURCES += src/tui/names.c src/tui/names.h

# UI scenarios: key scripts and expected screens (tests/ui/run.sh).  The
# runners pin the Unix account with a preloaded getpwuid (fakeid.c).
TESTS += tests/ui/run.sh tests/ui/keys-man.sh tests/ui/tmux.sh
check_DATA += tests/ui/fakeid.so
CLEANFILES += tests/ui/fakeid.so
tests/ui/fakeid.so: tests/ui/fakeid.c
	@$(MKDIR_P) tests/ui
	$(AM_V_CC)$(CC) -shared -fPIC -O2 -Wall -o $@ $(srcdir)/tests/ui/fakeid.c
EXTRA_DIST += tests/ui
# Screens 4 and 9: a scripted session, read back with `charrette show`.
TESTS += tests/cli/approaches-persist.sh
EXTRA_DIST += tests/cli/approaches-persist.sh
# The shared box: several processes on one database (tests/ui/*.scenario),
# the same in tmux, and two Unix users over a real ssh (root only).
TESTS += tests/ui/shared.sh tests/ui/shared-tmux.sh tests/ssh/ssh-two-users.sh
EXTRA_DIST += tests/ssh

# The parts of the terminal layer that need no terminal.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_tui
TESTS += tests/unit/test_tui
tests_unit_test_tui_SOURCES = tests/unit/test_tui.c \
	src/tui/keys.c src/tui/draw.c src/tui/script.c \
	src/tui/widgets/list.c src/tui/widgets/edit.c \
	src/tui/modal.c src/tui/widgets/dialog.c src/tui/names.c
tests_unit_test_tui_CFLAGS = $(UNIT_CFLAGS) $(NCURSESW_CFLAGS)
tests_unit_test_tui_LDADD = $(UNIT_LDADD) $(NCURSESW_LIBS)
endif

# Screen 5 saves what is typed: key scripts, then the CLI reads it back.
TESTS += tests/cli/tradeoffs-persist.sh
EXTRA_DIST += tests/cli/tradeoffs-persist.sh

# Screens 6-8: what they save, read back by show and export.
TESTS += tests/cli/decision-persist.sh
EXTRA_DIST += tests/cli/decision-persist.sh

# The presenter view (P) and its block letters.
charrette_SOURCES += \
	src/tui/screens/presenter.c src/tui/screens/presenter.h \
	src/tui/widgets/bigtext.c src/tui/widgets/bigtext.h
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_bigtext
TESTS += tests/unit/test_bigtext
tests_unit_test_bigtext_SOURCES = tests/unit/test_bigtext.c \
	src/tui/widgets/bigtext.c src/tui/draw.c
tests_unit_test_bigtext_CFLAGS = $(UNIT_CFLAGS) $(NCURSESW_CFLAGS)
tests_unit_test_bigtext_LDADD = $(UNIT_LDADD) $(NCURSESW_LIBS)
endif
# :export yaml|json write the CLI's interchange file.
TESTS += tests/cli/export-tui.sh
EXTRA_DIST += tests/cli/export-tui.sh
