# export: Markdown writers, ADR import, YAML/JSON interchange.
