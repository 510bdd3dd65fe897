"""Report -> text for people or tools: one renderer per `--format`; the only place that prints."""

from __future__ import annotations

from intro_lint.report import github, json_out, sarif, text
from intro_lint.report.renderer import Renderer, Reports, Rules, Texts

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_out.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(name: str, reports: Reports, rules: Rules, texts: Texts, color: bool) -> str:
    """The reports in the format `name` (one of FORMATS)."""
    return FORMATS[name](reports, rules, texts, color)
