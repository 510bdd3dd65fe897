"""The syntax of a `<!-- intro-lint: ignore[rule, ...] reason -->` suppression comment."""

from __future__ import annotations

import re

# Shared by message.find_suppressions (which comments suppress what) and htmltext (which HTML
# comments survive conversion to text), so both always agree on what a suppression looks like.
SUPPRESSION = re.compile(
    r"<!--\s*intro-lint\s*:\s*ignore(?:\s*\[(?P<rules>[^\]]*)\]|(?P<all>-all\b)|(?=\s|-->))"
    r"(?P<reason>.*?)-->",
    re.S | re.I,
)
