"""The one signature every `--format` renderer has, as type names the four formats share."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Report

Reports = Sequence[Report]
Rules = Mapping[str, RuleSpec]  # rule id -> its catalogue entry (SARIF lists them)
Texts = Mapping[str, str] | None  # path -> the linted text, for end positions
# render(reports, rules, texts=None, color=False) -> the whole output
Renderer = Callable[[Reports, Rules, Texts, bool], str]
