# engine: pure decision arithmetic.
libcharrette_a_SOURCES += src/engine/score.h src/engine/sensitivity.h \
	src/engine/ahp.h src/engine/aggregate.h src/engine/rules.h \
	src/engine/dora.h src/engine/evaluate.h
