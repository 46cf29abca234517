# store: SQLite, the only SQL.
libcharrette_a_SOURCES += src/store/store.h
