"""Run rule-file patterns under a time budget, so one slow pattern is an error, never a hang."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from intro_lint.errors import RuleFileError

BUDGET = 2.0  # seconds one search of one rule-file pattern may take before it is stopped
# re's flags as the `regex` package numbers them (ASCII differs: 256 in re, 128 in regex)
FLAGS = {f: getattr(regex, f.name) for f in re.RegexFlag if hasattr(regex, f.name)}


class PatternTimeout(RuleFileError):
    """A rule-file pattern ran past its budget on a draft; the message names file, rule, field."""


class UserPattern(str):
    """A pattern as a rule file wrote it, which knows where: `<file>: rule <id>: field <name>`."""

    where: str = ""

    @classmethod
    def at(cls, pattern: str, where: str) -> UserPattern:
        out = cls(pattern)
        out.where = where
        return out


def where_of(*patterns: str) -> str:
    """The place the first of PATTERNS that knows one was written (else 'a rule pattern')."""
    return next((p.where for p in patterns if getattr(p, "where", "")), "a rule pattern")


def compiles(pattern: str) -> None:
    """Raise ValueError unless the `regex` package (which runs the pattern) can compile it."""
    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise ValueError(f"{pattern!r} is not a valid regular expression ({exc})") from None


class Guarded:
    """A compiled pattern (re's syntax and flags) whose searches stop after BUDGET seconds.

    It has the search methods of re.Pattern that Screened calls, so `Screened(Guarded(...))`
    works; a search that runs out of time raises PatternTimeout naming the pattern's place.
    """

    __slots__ = ("regex", "flags", "where")

    def __init__(self, pattern: str, flags: int = 0, where: str = "") -> None:
        self.flags = flags
        self.where = where or where_of(pattern)
        self.regex = regex.compile(pattern, sum(v for f, v in FLAGS.items() if flags & f))

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _stopped(self) -> PatternTimeout:
        return PatternTimeout(
            f"{self.where}: the pattern ran for more than {BUDGET:g} s on one draft and was "
            "stopped; simplify it (a repeat inside a repeat, or overlapping alternatives)"
        )

    def search(self, text: str, *args) -> regex.Match | None:
        try:
            return self.regex.search(text, *args, timeout=BUDGET)
        except TimeoutError:
            raise self._stopped() from None

    def match(self, text: str, *args) -> regex.Match | None:
        try:
            return self.regex.match(text, *args, timeout=BUDGET)
        except TimeoutError:
            raise self._stopped() from None

    def finditer(self, text: str, *args) -> Iterator[regex.Match]:
        try:
            yield from self.regex.finditer(text, *args, timeout=BUDGET)
        except TimeoutError:
            raise self._stopped() from None

    def findall(self, text: str, *args) -> list:
        try:
            return self.regex.findall(text, *args, timeout=BUDGET)
        except TimeoutError:
            raise self._stopped() from None

    def __repr__(self) -> str:
        return f"Guarded({self.pattern!r}, where={self.where!r})"
