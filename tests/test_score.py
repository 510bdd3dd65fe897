"""Scoring: a finding costs its weight by severity, a repeat half; subscores per dimension."""

from __future__ import annotations

import pytest

from intro_lint.check.catalogue import DIMENSIONS, load_catalogue
from intro_lint.model import Finding
from intro_lint.score import deductions, grade, readability, score, subscores

RULES = load_catalogue()


def finding(rule: str, severity: str = "warning") -> Finding:
    return Finding(rule=rule, severity=severity, message="m", start=0, end=1)


def test_severity_scales_the_weight_and_a_repeat_costs_half():
    weight = RULES["vague-ask"].weight
    found = [finding("vague-ask"), finding("vague-ask"), finding("vague-ask", "error")]
    assert deductions(found, RULES, {}) == [weight, weight / 2, weight * 1.5 / 2]
    assert deductions([finding("vague-ask", "info")], RULES, {}) == [weight * 0.5]


def test_settings_weights_replace_the_rule_files_and_the_score_stops_at_zero():
    assert score([finding("vague-ask")], RULES, {"vague-ask": 40}) == 60
    assert score([finding("vague-ask")], RULES, {"vague-ask": 0}) == 100
    many = [finding(rule, "error") for rule in RULES]
    assert score(many, RULES, {rule: 100 for rule in RULES}) == 0


@pytest.mark.parametrize(
    ("value", "letter"), [(100, "A"), (90, "A"), (89, "B"), (60, "D"), (59, "F")]
)
def test_grades(value, letter):
    assert grade(value) == letter


def test_subscores_lose_points_only_in_the_dimension_of_the_rule():
    rule = RULES["no-attachment"]
    subs = subscores([finding(rule.id, "error")], RULES, {}, {"readability_grade": 5.0})
    assert set(subs) == set(DIMENSIONS)
    assert subs[rule.dimension] < 100
    assert all(v == 100 for dim, v in subs.items() if dim != rule.dimension)


def test_readability_is_reported_but_never_deducts():
    assert readability({"readability_grade": 9.0}) == 100
    assert readability({"readability_grade": 12.0}) == 70
    assert score([], RULES, {}) == 100
