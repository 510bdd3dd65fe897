"""The focus detector: how many clause subjects are the writer and how many the reader."""

from __future__ import annotations

import pytest


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def test_self_focused_draft(analyse):
    analysis = analyse(
        draft(
            "I need a job. I applied to six firms and I heard nothing. "
            "We moved in May and I am broke."
        )
    )
    f = analysis.focus
    assert (f.self_clauses, f.reader_clauses) == (5, 0)
    assert f.self_share == 1.0
    assert analysis.metrics["self_focus"] == 1.0


def test_reader_focused_draft(analyse):
    analysis = analyse(
        draft(
            "You built the pricing team at Corvane. You know the market. "
            "Could you share how you chose the tiers?"
        )
    )
    f = analysis.focus
    assert (f.self_clauses, f.reader_clauses) == (0, 4)
    assert f.self_share == 0.0


def test_balanced_draft(analyse):
    f = analyse(draft("I loved your talk, and you explained the model well.")).focus
    assert (f.self_clauses, f.reader_clauses) == (1, 1)
    assert f.self_share == 0.5


@pytest.mark.parametrize(
    "body",
    [
        "The slides were great.",
        "My team was hired by your team.",
    ],
)
def test_no_personal_subjects(analyse, body):
    f = analyse(draft(body)).focus
    assert (f.self_clauses, f.reader_clauses) == (0, 0)
    assert f.self_share == 0.0


def test_sign_off_clauses_do_not_count(analyse):
    text = "Hi Jo,\n\nThe slides were great.\n\nThanks, I mean it,\nAl\n"
    f = analyse(text).focus
    assert (f.self_clauses, f.reader_clauses) == (0, 0)
