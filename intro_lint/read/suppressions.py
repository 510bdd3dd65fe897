"""Suppression comments `<!-- intro-lint: ignore[rule, ...] reason -->`: syntax and finding them."""

from __future__ import annotations

import re

from intro_lint.model import Span, Suppression

# Shared by find_suppressions (which comments suppress what) and htmltext (which HTML
# comments survive conversion to text), so both always agree on what a suppression looks like.
SUPPRESSION = re.compile(
    r"<!--\s*intro-lint\s*:\s*ignore(?:\s*\[(?P<rules>[^\]]*)\]|(?P<all>-all\b)|(?=\s|-->))"
    r"(?P<reason>.*?)-->",
    re.S | re.I,
)


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """Every `<!-- intro-lint: ignore[rule, ...] reason -->` comment; ("*",) means all rules."""
    found = []
    for match in SUPPRESSION.finditer(text):
        rules = match.group("rules")
        names = ("*",) if rules is None else tuple(r.strip() for r in rules.split(",") if r.strip())
        if "*" in names:
            names = ("*",)
        span = Span(start=match.start(), end=match.end())
        found.append(Suppression(rules=names, reason=match.group("reason").strip(), span=span))
    return tuple(found)
