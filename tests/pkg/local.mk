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
