"""Run the selected rules over an Analysis and return findings (no printing, no scoring)."""

from __future__ import annotations

from intro_lint.analyse.analysis import Analysis
from intro_lint.check.catalogue import RuleSpec
from intro_lint.check.decide import decide
from intro_lint.check.fixes.templates import build_fixes
from intro_lint.check.kinds import KINDS
from intro_lint.check.kinds.hit import Hit
from intro_lint.check.signals import NO_SIGNALS, Signals
from intro_lint.model import SEVERITY_RANK, Finding, Severity


def suppressed(analysis: Analysis, rule: RuleSpec) -> bool:
    """Inline comments silence a rule for the whole draft."""
    names = {rule.id, *rule.aliases, "*"}
    return any(names & set(s.rules) for s in analysis.message.suppressions)


def at_least(severity: Severity, hit: Hit) -> Severity:
    """The rule's (or the settings') severity, raised to the hit's own floor if it sets one."""
    floor = hit.data.get("severity")
    return floor if floor and SEVERITY_RANK[floor] > SEVERITY_RANK[severity] else severity


def reads_signals(rules: list[RuleSpec]) -> bool:
    """Whether any of the rules reads a batch's Signals (else linting with them changes nothing)."""
    return any(rule.params.reads_signals for rule in rules)


def run_rule(
    analysis: Analysis,
    rule: RuleSpec,
    severity: Severity | None = None,
    signals: Signals = NO_SIGNALS,
) -> list[Finding]:
    hits = KINDS[rule.kind].check(analysis, rule.params, signals)
    if rule.decision is not None:
        hits = decide(analysis, rule.decision, hits)
    if not hits or suppressed(analysis, rule):
        return []
    return [
        Finding(
            rule=rule.id,
            severity=at_least(severity or rule.severity, hit),
            message=rule.message,
            start=hit.start,
            end=hit.end,
            evidence=hit.evidence,
            confidence=hit.confidence,
            fixes=build_fixes(analysis, rule, hit),
        )
        for hit in hits
    ]


def run(
    analysis: Analysis,
    rules: list[RuleSpec],
    severities: dict[str, Severity] | None = None,
    signals: Signals = NO_SIGNALS,
) -> list[Finding]:
    """Every rule's findings, sorted by offset; `signals`: what the batch knows about this draft."""
    severities = severities or {}
    out = [f for rule in rules for f in run_rule(analysis, rule, severities.get(rule.id), signals)]
    return sorted(out, key=lambda f: (f.start, f.rule))
