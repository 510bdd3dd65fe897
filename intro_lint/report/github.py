"""Render reports as GitHub Actions workflow commands (inline annotations)."""

from __future__ import annotations

from collections.abc import Mapping

from intro_lint.model import LocatedFinding, Report
from intro_lint.positions import LineIndex
from intro_lint.report.renderer import Reports, Rules, Texts

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(reports: Reports, rules: Rules, texts: Texts = None, color: bool = False) -> str:
    """One workflow command per line, each ending in a newline; `texts` adds the end position."""
    texts = texts or {}
    return "".join(line + "\n" for report in reports for line in _report_lines(report, texts))


def _report_lines(report: Report, texts: Mapping[str, str]) -> list[str]:
    lines = [command("error", {"file": report.path}, report.error)] if report.error else []
    text = texts.get(report.path)
    index = LineIndex(text) if text is not None else None
    return lines + [_finding_line(report.path, f, index) for f in report.findings]


def _finding_line(path: str, finding: LocatedFinding, index: LineIndex | None) -> str:
    props = {"file": path, **_position(finding, index), "title": finding.rule}
    return command(COMMANDS[finding.severity], props, finding.message)


def _position(finding: LocatedFinding, index: LineIndex | None) -> dict[str, object]:
    start = {"line": finding.line, "col": finding.column}
    if index is None:
        return start
    end_line, end_column = index.line_col(finding.end)
    if end_line != finding.line:
        # GitHub annotations only take columns when the span stays on one line.
        return {"line": finding.line, "endLine": end_line}
    return {**start, "endLine": end_line, "endColumn": end_column}


def command(name: str, props: Mapping[str, object], message: str) -> str:
    """`::name k=v,...::message` with GitHub's escaping for properties and data."""
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{name} {joined}::{escape_data(message)}"


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
