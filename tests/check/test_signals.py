"""Batch signals are an engine input: generic-blast reports near-copies like any finding."""

from __future__ import annotations

import pytest

from intro_lint.check.signals import NO_SIGNALS, Signals
from intro_lint.linter import linter_for
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings

COPY = (
    "Hi Priya,\n\nI hope you are well. I run a small studio that helps Fjellvik teams rebuild "
    "their onboarding flows, and we cut support tickets by a third for our last two clients. "
    "Could you introduce me to the person who owns onboarding at Fjellvik? Our case study is at "
    "studio.example/case.\n\nThanks,\nRobin\n"
)
BLAST = (
    "Dear friends and colleagues,\n\nI'm reaching out to my whole network because I need a new "
    "role at Acme. If you know of any openings in product design or research, please let me know "
    "and pass my name along.\n\nThanks,\nCarolyn\n"
)
SUPPRESSED = COPY.replace("Thanks,", "<!-- intro-lint: ignore[generic-blast] -->\nThanks,")
TWO = Signals(near_copies=("tom.txt", "lea.txt"), similarity=0.8712)
SEVEN = Signals(near_copies=tuple(f"c{i}.txt" for i in range(7)), similarity=1.0)


@pytest.fixture(scope="module")
def report():
    def run(text: str, signals: Signals = NO_SIGNALS, settings: Settings | None = None):
        linter = linter_for(settings or Settings())
        analysis = next(linter.analyse_many([read_text(text, "draft.txt", kind="text")]))
        return linter.report(analysis, signals)

    return run


def blasts(report):
    return [f for f in report.findings if f.rule == "generic-blast"]


def test_no_signals_is_a_plain_lint(report, lint_text):
    assert report(COPY) == lint_text(COPY) and not blasts(report(COPY))


def test_a_near_copy_the_check_passes_gets_a_finding_on_the_first_line(report):
    plain, copied = report(COPY), report(COPY, TWO)
    [found] = blasts(copied)
    assert (found.start, found.end, found.line, found.column) == (0, len("Hi Priya,"), 1, 1)
    assert found.evidence == ("the same template as tom.txt, lea.txt (similarity at least 0.87)",)
    assert found.severity == "warning" and found.fixes  # a rule's fixes, built as for any hit
    assert copied.score == plain.score - 10 and copied.subscores["personalisation"] < 100


def test_a_near_copy_the_check_flags_gets_the_evidence_on_that_finding(report):
    [own], [copied] = blasts(report(BLAST)), blasts(report(BLAST, SEVEN))
    note = "the same template as c0.txt, c1.txt, c2.txt, c3.txt, c4.txt and 2 more"
    assert copied.evidence == (*own.evidence, f"{note} (similarity at least 1.00)")
    assert (copied.start, copied.end) == (own.start, own.end)
    assert report(BLAST, SEVEN).score == report(BLAST).score


def test_an_inline_suppression_silences_the_near_copy_finding(report):
    assert not blasts(report(SUPPRESSED, TWO))
    assert report(SUPPRESSED, TWO) == report(SUPPRESSED)


def test_the_settings_severity_applies_to_the_near_copy_finding(report):
    settings = Settings(severity={"generic-blast": "error"})
    [found] = blasts(report(COPY, TWO, settings))
    assert found.severity == "error"
    assert report(COPY, TWO, settings).score == report(COPY).score - 15


def test_an_ignored_rule_reads_no_signals(report):
    assert not blasts(report(COPY, TWO, Settings(ignore=["generic-blast"])))
