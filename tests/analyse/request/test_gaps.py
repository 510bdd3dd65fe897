"""The gap detector on small drafts: where a draft admits a long silence."""

from __future__ import annotations

import pytest


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def gap_texts(analysis) -> list[str]:
    for gap in analysis.gaps:
        assert analysis.text[gap.start : gap.end] == gap.text
    return [gap.text for gap in analysis.gaps]


@pytest.mark.parametrize(
    "body,found",
    [
        (
            "It's been two years since the Lisbon offsite! Could you introduce me to Dana?",
            "It's been two years",
        ),
        ("It\u2019s been ages. I hope the lab is thriving.", "It\u2019s been ages"),
        ("Long time no talk. I hope the lab is thriving.", "Long time no talk"),
        ("I know I went quiet after the move.", "I know I went quiet"),
        ("This may come out of the blue, but I saw your post.", "out of the blue"),
    ],
)
def test_one_gap_mention(analyse, body, found):
    text = draft(body)
    analysis = analyse(text)
    assert gap_texts(analysis) == [found]
    assert analysis.gaps[0].start == text.index(found)


def test_every_mention_is_found_in_order(analyse):
    body = "We haven't spoken since the conference, and I'm sorry I fell off the radar."
    assert gap_texts(analyse(draft(body))) == ["haven't spoken", "fell off the radar"]


def test_counted_months_with_a_hedge(analyse):
    assert gap_texts(analyse(draft("It has been over three months!"))) == [
        "It has been over three months"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "It's been a long week at work. Could you send me the slides?",
        "Great to see you yesterday. Could you send the slides?",
        "We spoke two years ago about the grant.",
    ],
)
def test_no_gap(analyse, body):
    assert analyse(draft(body)).gaps == ()


def test_quoted_history_is_not_a_gap(analyse):
    text = draft("Great to see you yesterday.") + "\nOn Monday, Jo wrote:\n> It's been two years!\n"
    assert analyse(text).gaps == ()
