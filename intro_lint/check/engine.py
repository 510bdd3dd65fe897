"""Run the selected rules over an Analysis and return findings (no printing, no scoring)."""

from __future__ import annotations

from typing import Iterable

from intro_lint.analyse.analysis import Analysis
from intro_lint.check.catalogue import RuleSpec
from intro_lint.check.fixes.templates import build_fixes
from intro_lint.check.kinds import KINDS
from intro_lint.model import Finding, Severity


def active_rules(rules: dict[str, RuleSpec], select: Iterable[str] | None, ignore: Iterable[str]) -> list[RuleSpec]:
    chosen = set(select) if select is not None else set(rules)
    dropped = set(ignore)
    return [r for r in rules.values() if (r.id in chosen or chosen & set(r.aliases)) and r.id not in dropped]


def suppressed(analysis: Analysis, rule: RuleSpec) -> bool:
    """Inline comments silence a rule for the whole draft."""
    names = {rule.id, *rule.aliases, "*"}
    return any(names & set(s.rules) for s in analysis.message.suppressions)


def run_rule(analysis: Analysis, rule: RuleSpec, severity: Severity | None = None) -> list[Finding]:
    findings = []
    for hit in KINDS[rule.kind].check(analysis, rule.params):
        if suppressed(analysis, rule):
            continue
        findings.append(Finding(
            rule=rule.id, severity=severity or rule.severity, message=rule.message,
            start=hit.start, end=hit.end, evidence=hit.evidence,
            fixes=build_fixes(analysis, rule, hit),
        ))
    return findings


def run(analysis: Analysis, rules: list[RuleSpec], severities: dict[str, Severity] | None = None) -> list[Finding]:
    severities = severities or {}
    out = [f for rule in rules for f in run_rule(analysis, rule, severities.get(rule.id))]
    return sorted(out, key=lambda f: (f.start, f.rule))
