"""Render reports as a SARIF 2.1.0 log for code-scanning tools."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import LocatedFinding, Report
from intro_lint.positions import LineIndex
from intro_lint.report.renderer import Reports, Rules, Texts

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/intro-lint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

Json = dict[str, Any]


def render(reports: Reports, rules: Rules, texts: Texts = None, color: bool = False) -> str:
    """The SARIF log as JSON with a final newline; `texts` (path -> text) adds end positions."""
    log = sarif_log(reports, rules, texts or {})
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def sarif_log(
    reports: Sequence[Report], rules: Mapping[str, RuleSpec], texts: Mapping[str, str]
) -> Json:
    rule_ids = sorted(rules)
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    run = {
        "tool": {"driver": _driver([rules[r] for r in rule_ids])},
        "columnKind": "unicodeCodePoints",  # the SARIF default would be UTF-16 code units
        "invocations": [_invocation(reports)],
        "results": [r for report in reports for r in _results(report, index, texts)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _driver(specs: list[RuleSpec]) -> Json:
    driver: Json = {"name": "intro-lint", "informationUri": INFORMATION_URI}
    version = _version()
    if version:
        driver["version"] = version
    driver["rules"] = [_rule(spec) for spec in specs]
    return driver


def _version() -> str | None:
    try:
        return metadata.version("intro-lint")
    except metadata.PackageNotFoundError:
        return None


def _rule(spec: RuleSpec) -> Json:
    return {
        "id": spec.id,
        "shortDescription": {"text": spec.message},
        "fullDescription": {"text": spec.why},
        "help": {"text": _help(spec)},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {"dimension": spec.dimension, "source": spec.source},
    }


def _help(spec: RuleSpec) -> str:
    if not spec.fixes:
        return spec.why
    titles = "\n".join(f"- {fix.title}" for fix in spec.fixes)
    return f"{spec.why}\n\nHow to fix:\n{titles}"


def _invocation(reports: Sequence[Report]) -> Json:
    failed = [report for report in reports if report.error]
    invocation: Json = {"executionSuccessful": not failed}
    if failed:
        invocation["toolExecutionNotifications"] = [_notification(r) for r in failed]
    return invocation


def _notification(report: Report) -> Json:
    return {
        "level": "error",
        "message": {"text": report.error},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}
        ],
    }


def _results(report: Report, index: Mapping[str, int], texts: Mapping[str, str]) -> list[Json]:
    text = texts.get(report.path)
    lines = LineIndex(text) if text is not None else None
    return [_result(report.path, f, index, lines) for f in report.findings]


def _result(
    path: str, finding: LocatedFinding, index: Mapping[str, int], lines: LineIndex | None
) -> Json:
    result: Json = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": finding.message}
    location = {"artifactLocation": {"uri": artifact_uri(path)}, "region": _region(finding, lines)}
    result["locations"] = [{"physicalLocation": location}]
    return result


def _region(finding: LocatedFinding, lines: LineIndex | None) -> Json:
    region = {"startLine": finding.line, "startColumn": finding.column}
    if lines is not None:
        # endColumn is exclusive in SARIF, exactly like the finding's end offset.
        end_line, end_column = lines.line_col(finding.end)
        region.update(endLine=end_line, endColumn=end_column)
    return region


def artifact_uri(path: str) -> str:
    """A URI reference for a report path: file:// when absolute, else a relative reference."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())
