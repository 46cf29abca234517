/* main: the program's entry point; nothing to share. */
#ifndef CHARRETTE_MAIN_H
#define CHARRETTE_MAIN_H
#endif
