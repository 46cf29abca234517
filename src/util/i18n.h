/* i18n: the gettext markers for user-visible strings. */
#ifndef CHARRETTE_UTIL_I18N_H
#define CHARRETTE_UTIL_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
