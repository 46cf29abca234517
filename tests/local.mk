# Shell-driven CLI and UI tests.
