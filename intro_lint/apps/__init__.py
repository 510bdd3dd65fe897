"""The applications on the one engine: the command line, the pre-send guard, the language server, grading."""
