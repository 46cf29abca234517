# util: strings, UTF-8, paths, atomic files, errors.
libcharrette_a_SOURCES += \
	src/util/account.c src/util/account.h \
	src/util/atomic.c src/util/atomic.h \
	src/util/clock.c src/util/clock.h \
	src/util/error.c src/util/error.h \
	src/util/i18n.h \
	src/util/ioerr.c src/util/ioerr.h \
	src/util/path.c src/util/path.h \
	src/util/safetext.c src/util/safetext.h \
	src/util/num.c src/util/num.h \
	src/util/shared.c src/util/shared.h \
	src/util/str.c src/util/str.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/yaml_depth.c src/util/yaml_depth.h

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_util
TESTS += tests/unit/test_util
tests_unit_test_util_SOURCES = tests/unit/test_util.c
tests_unit_test_util_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_util_LDADD = $(UNIT_LDADD)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_fileset
TESTS += tests/unit/test_fileset
tests_unit_test_fileset_SOURCES = tests/unit/test_fileset.c
tests_unit_test_fileset_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fileset_LDADD = $(UNIT_LDADD)
endif

# watch: inotify on the database, so the idle loop need not poll.
libcharrette_a_SOURCES += src/util/watch.c src/util/watch.h

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_watch
TESTS += tests/unit/test_watch
tests_unit_test_watch_SOURCES = tests/unit/test_watch.c
tests_unit_test_watch_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_watch_LDADD = $(UNIT_LDADD)
endif
