"""The applications on the one Linter: command line, pre-send guard, language server, grading."""
