# tui: the terminal application (not in libcharrette: it needs ncursesw).
charrette_SOURCES += src/tui/tui.h src/tui/tui.c
