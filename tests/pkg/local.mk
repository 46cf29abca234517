# Packaging and translation checks (po/POTFILES.in, completions, the German
# catalogue, numbers under a German locale).
TESTS += tests/pkg/potfiles.sh
EXTRA_DIST += tests/pkg/potfiles.sh
# In a VPATH build (distcheck) the log folder must exist first.
check_DATA += tests/pkg/dirs.stamp
tests/pkg/dirs.stamp:
	$(MKDIR_P) tests/pkg
	touch $@
CLEANFILES += tests/pkg/dirs.stamp
TESTS += tests/pkg/list-tsv.sh
EXTRA_DIST += tests/pkg/list-tsv.sh
TESTS += tests/pkg/completion.sh
EXTRA_DIST += tests/pkg/completion.sh

# The catalogues in the layout gettext reads (LL/LC_MESSAGES/charrette.mo),
# for tests that run with CHARRETTE_LOCALEDIR: nothing is installed yet.
check_DATA += tests/locale.stamp
tests/locale.stamp: $(top_srcdir)/po/LINGUAS $(wildcard $(top_srcdir)/po/*.gmo)
	@for l in `sed -e '/^#/d' $(top_srcdir)/po/LINGUAS`; do \
		$(MKDIR_P) tests/locale/$$l/LC_MESSAGES && \
		cp $(top_srcdir)/po/$$l.gmo tests/locale/$$l/LC_MESSAGES/$(PACKAGE).mo || exit 1; \
	done
	touch $@
CLEANFILES += tests/locale.stamp
clean-local: clean-local-locale
clean-local-locale:
	rm -rf tests/locale
.PHONY: clean-local-locale
AM_TESTS_ENVIRONMENT += CHARRETTE_LOCALEDIR='$(abs_top_builddir)/tests/locale'; export CHARRETTE_LOCALEDIR;
TESTS += tests/pkg/locale-export.sh
EXTRA_DIST += tests/pkg/locale-export.sh tests/pkg/data/decimals.yaml
# Renders exports in-process under a comma LC_NUMERIC (locale-export.sh).
check_PROGRAMS += tests/pkg/numeric_locale
tests_pkg_numeric_locale_SOURCES = tests/pkg/numeric_locale.c
tests_pkg_numeric_locale_LDADD = $(LIBCHARRETTE_LIBS)
# Run by .ci/run, and by hand: the Debian package end to end, and whether
# every translation is complete against the sources.
EXTRA_DIST += tests/pkg/check-deb.sh tests/pkg/check-po.sh
