# engine: pure decision arithmetic.
libcharrette_a_SOURCES += \
	src/engine/aggregate.c src/engine/aggregate.h \
	src/engine/ahp.c src/engine/ahp.h \
	src/engine/dora.c src/engine/dora.h \
	src/engine/evaluate.c src/engine/evaluate.h \
	src/engine/nudge.c src/engine/nudge.h \
	src/engine/room.c src/engine/room.h \
	src/engine/rules.c src/engine/rules.h \
	src/engine/score.c src/engine/score.h \
	src/engine/sensitivity.c src/engine/sensitivity.h

if HAVE_CMOCKA
ENGINE_TESTS = tests/unit/test_score tests/unit/test_sensitivity \
	tests/unit/test_ahp tests/unit/test_aggregate tests/unit/test_rules \
	tests/unit/test_dora tests/unit/test_evaluate
check_PROGRAMS += $(ENGINE_TESTS)
TESTS += $(ENGINE_TESTS)
tests_unit_test_score_SOURCES = tests/unit/test_score.c
tests_unit_test_score_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_score_LDADD = $(UNIT_LDADD)
tests_unit_test_sensitivity_SOURCES = tests/unit/test_sensitivity.c
tests_unit_test_sensitivity_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sensitivity_LDADD = $(UNIT_LDADD)
tests_unit_test_ahp_SOURCES = tests/unit/test_ahp.c
tests_unit_test_ahp_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ahp_LDADD = $(UNIT_LDADD)
tests_unit_test_aggregate_SOURCES = tests/unit/test_aggregate.c
tests_unit_test_aggregate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_aggregate_LDADD = $(UNIT_LDADD)
tests_unit_test_rules_SOURCES = tests/unit/test_rules.c
tests_unit_test_rules_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_rules_LDADD = $(UNIT_LDADD)
tests_unit_test_dora_SOURCES = tests/unit/test_dora.c
tests_unit_test_dora_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_dora_LDADD = $(UNIT_LDADD)
tests_unit_test_evaluate_SOURCES = tests/unit/test_evaluate.c
tests_unit_test_evaluate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_evaluate_LDADD = $(UNIT_LDADD)
endif
