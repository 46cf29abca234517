# content: libyaml loaders for data/*.yaml.
libcharrette_a_SOURCES += src/content/content.h src/content/internal.h \
	src/content/check.c src/content/cond.c src/content/entries.c src/content/diag.c \
	src/content/library.c src/content/load.c src/content/parse.c \
	src/content/reader.c src/content/template.c
libcharrette_a_SOURCES += src/content/cache.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_content
TESTS += tests/unit/test_content
tests_unit_test_content_SOURCES = tests/unit/test_content.c
tests_unit_test_content_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_content_LDADD = $(UNIT_LDADD)
endif

# content/cache: the loaded content kept under $XDG_CACHE_HOME.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_content_cache
TESTS += tests/unit/test_content_cache
tests_unit_test_content_cache_SOURCES = tests/unit/test_content_cache.c
tests_unit_test_content_cache_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_content_cache_LDADD = $(UNIT_LDADD)
endif

EXTRA_DIST += \
	tests/data/content/override/criteria.yaml \
	tests/data/content/override/interview.yaml \
	tests/data/content/override/rules.yaml

# Needs the charrette binary; skips itself (77) when it is not built.
TESTS += tests/cli/check-data.sh
EXTRA_DIST += tests/cli/check-data.sh
