"""Every rule file's own pass/fail examples, run through the real engine: learned and written."""

from __future__ import annotations

import pytest

from intro_lint.check.catalogue import load_catalogue
from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings
from intro_lint.settings.files import builtin_dir

WRITTEN = str(builtin_dir() / "written")
# Documented examples the learned decision gets wrong; kept as examples because they show what
# the rule means, and measured here so that a model which learns them turns the test red.
KNOWN_MISSES = {
    "asks-without-giving-pass-0": "an offer in return after the ask scores below the ask",
    "long-silence-pass-0": "congratulations and an offer before the ask do not outweigh the gap",
}


def _cases(catalogue, misses):
    for spec in catalogue.values():
        for kind, expect, texts in (
            ("fail", True, spec.examples.fail),
            ("pass", False, spec.examples.pass_),
        ):
            for i, text in enumerate(texts):
                case = f"{spec.id}-{kind}-{i}"
                marks = (
                    [pytest.mark.xfail(strict=True, reason=misses[case])] if case in misses else []
                )
                yield pytest.param(spec.id, text, expect, id=case, marks=marks)


@pytest.fixture(scope="module")
def written():
    return Linter(Settings(rule_dirs=[WRITTEN]))


def test_every_rule_has_examples_of_both_kinds():
    for catalogue in (load_catalogue(), load_catalogue([WRITTEN])):
        for spec in catalogue.values():
            assert spec.examples.fail and spec.examples.pass_, spec.id


@pytest.mark.parametrize("rule,text,should_fire", list(_cases(load_catalogue(), KNOWN_MISSES)))
def test_rule_example(lint_text, rule, text, should_fire):
    report = lint_text(text)
    fired = [f for f in report.findings if f.rule == rule]
    assert bool(fired) == should_fire, [f.evidence for f in report.findings]


@pytest.mark.parametrize("rule,text,should_fire", list(_cases(load_catalogue([WRITTEN]), {})))
def test_written_rule_example(written, rule, text, should_fire):
    report = written.lint([read_text(text, "draft.txt")])[0]
    fired = [f for f in report.findings if f.rule == rule]
    assert bool(fired) == should_fire, [f.evidence for f in report.findings]
