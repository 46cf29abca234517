# model: plain domain structs, no I/O.
libcharrette_a_SOURCES += src/model/model.c src/model/model.h \
	src/model/model_int.h src/model/model_index.c src/model/model_room.c \
	src/model/knowledge.c src/model/knowledge.h

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_model
TESTS += tests/unit/test_model
tests_unit_test_model_SOURCES = tests/unit/test_model.c
tests_unit_test_model_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_model_LDADD = $(UNIT_LDADD)
endif
