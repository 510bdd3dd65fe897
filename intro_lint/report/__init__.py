"""Formatters: the only place that turns reports into text for people or tools."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Report
from intro_lint.report import github, json_out, sarif, text

Renderer = Callable[..., str]


def render(name: str, reports: Sequence[Report], rules: Mapping[str, RuleSpec], texts: Mapping[str, str], color: bool) -> str:
    if name == "text":
        return text.render(reports, rules, color=color)
    if name == "json":
        return json_out.render(reports, rules)
    if name == "sarif":
        return sarif.render(reports, rules, texts=texts)
    if name == "github":
        return github.render(reports, rules, texts=texts)
    raise ValueError(f"unknown format {name!r}")


FORMATS = ("text", "json", "sarif", "github")
