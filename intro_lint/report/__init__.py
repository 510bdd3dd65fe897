"""Report -> text for people or tools: one renderer per `--format`; the only place that prints."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Report
from intro_lint.report import github, json_out, sarif, text

# Each renderer takes (reports, rules, texts, color); `texts` (path -> text) lets the formats that
# give end positions compute them, `color` is for terminals.
Renderer = Callable[[Sequence[Report], Mapping[str, RuleSpec], Mapping[str, str], bool], str]
FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_out.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(
    name: str,
    reports: Sequence[Report],
    rules: Mapping[str, RuleSpec],
    texts: Mapping[str, str],
    color: bool,
) -> str:
    """The reports in the format `name` (one of FORMATS)."""
    return FORMATS[name](reports, rules, texts, color)
