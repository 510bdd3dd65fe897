"""Errors that reach the user as one clear line, and the exit statuses every command shares."""

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # a finding at or above --fail-on (the guard: the message is held back)
EXIT_ERROR = 2  # a usage, configuration or input error (the guard: the message was not checked)


class IntroLintError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(IntroLintError):
    """A draft could not be read (missing, binary, bad encoding, too big, malformed MIME)."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(IntroLintError):
    """A settings file or value is wrong; the message names the file and the field."""


class RuleFileError(IntroLintError):
    """A rule file is invalid; the message names the file, the rule and the field."""
