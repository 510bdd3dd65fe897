"""Score a draft 0-100 from its findings; every lost point maps to a finding."""

from __future__ import annotations

from intro_lint.check.catalogue import DIMENSIONS, RuleSpec
from intro_lint.model import Finding

SEVERITY_FACTOR = {"info": 0.5, "warning": 1.0, "error": 1.5}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"))
READABLE_GRADE = 9.0  # automated readability index at or below this reads easily


def deduction(finding: Finding, rule: RuleSpec, weights: dict[str, int]) -> float:
    return weights.get(rule.id, rule.weight) * SEVERITY_FACTOR[finding.severity]


def deductions(
    findings: list[Finding], rules: dict[str, RuleSpec], weights: dict[str, int]
) -> list[float]:
    """One deduction per finding; a rule's later findings in the same draft cost half as much."""
    seen: set[str] = set()
    out = []
    for f in findings:
        d = deduction(f, rules[f.rule], weights)
        out.append(d / 2 if f.rule in seen else d)
        seen.add(f.rule)
    return out


def grade(score: int) -> str:
    return next((g for floor, g in GRADES if score >= floor), "F")


def readability(metrics: dict[str, float]) -> int:
    over = max(0.0, metrics.get("readability_grade", 0.0) - READABLE_GRADE)
    return max(0, round(100 - 10 * over))


def subscores(findings, rules, weights, metrics) -> dict[str, int]:
    lost = dict.fromkeys(DIMENSIONS, 0.0)
    room = dict.fromkeys(DIMENSIONS, 0.0)
    for rule in rules.values():
        room[rule.dimension] = (
            room.get(rule.dimension, 0.0) + weights.get(rule.id, rule.weight) * 1.5
        )
    for f, d in zip(findings, deductions(findings, rules, weights), strict=True):
        dim = rules[f.rule].dimension
        lost[dim] = lost.get(dim, 0.0) + d
    out = {
        dim: max(0, round(100 * (1 - lost[dim] / room[dim]))) if room.get(dim) else 100
        for dim in lost
    }
    out["readability"] = readability(metrics)
    return out


def score(findings: list[Finding], rules: dict[str, RuleSpec], weights: dict[str, int]) -> int:
    return max(0, round(100 - sum(deductions(findings, rules, weights))))
