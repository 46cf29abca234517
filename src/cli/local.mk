# cli: one file per verb group.
libcharrette_a_SOURCES += \
	src/cli/cli.h src/cli/cli_common.c src/cli/cli_basic.c \
	src/cli/cli_score.c src/cli/cli_export.c src/cli/cli_import.c \
	src/cli/cli_adr.c src/cli/cli_data.c src/cli/cli_trash.c
# list --format tsv and the templates verb (scripts, shell completion)
libcharrette_a_SOURCES += src/cli/cli_tsv.c
