"""Every rule file's own pass/fail examples, run through the real engine."""

from __future__ import annotations

import pytest

from intro_lint.check.catalogue import load_catalogue

CATALOGUE = load_catalogue()
CASES = [
    pytest.param(spec.id, text, expect, id=f"{spec.id}-{kind}-{i}")
    for spec in CATALOGUE.values()
    for kind, expect, texts in (
        ("fail", True, spec.examples.fail),
        ("pass", False, spec.examples.pass_),
    )
    for i, text in enumerate(texts)
]


def test_every_rule_has_examples_of_both_kinds():
    for spec in CATALOGUE.values():
        assert spec.examples.fail and spec.examples.pass_, spec.id


@pytest.mark.parametrize("rule,text,should_fire", CASES)
def test_rule_example(lint_text, rule, text, should_fire):
    report = lint_text(text)
    fired = [f for f in report.findings if f.rule == rule]
    assert bool(fired) == should_fire, [f.evidence for f in report.findings]
