"""The applications on the one Linter: the command line, the pre-send guard, the language server, grading."""
