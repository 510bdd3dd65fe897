"""The give detector on small parsed drafts: offers of help, interest in the reader, invitations."""

from __future__ import annotations

import pytest


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def one_give(analysis, sentence: str):
    """Exactly one give, whose text is `sentence` and whose offsets start at it and cover it."""
    assert len(analysis.gives) == 1, analysis.gives
    give = analysis.gives[0]
    assert give.text == sentence
    assert analysis.text[give.start : give.end].rstrip() == sentence
    return give


@pytest.mark.parametrize(
    "sentence",
    [
        "In return, I'd be glad to review your grant proposal.",
        "If there's anything I can do for the launch, just say the word.",
    ],
)
def test_offer_phrases(analyse, sentence):
    assert one_give(analyse(draft(sentence)), sentence).kind == "offer"


def test_offer_after_an_ask_is_its_own_give(analyse):
    text = draft("Could you read my draft? In return, I'd be glad to review your grant proposal.")
    analysis = analyse(text)
    give = one_give(analysis, "In return, I'd be glad to review your grant proposal.")
    assert give.start == text.index("In return")
    assert [a.text for a in analysis.asks] == ["Could you read my draft?"]


@pytest.mark.parametrize(
    "sentence",
    [
        "I can introduce you to two founders who are hiring designers.",
        "I'm happy to share the survey data with your team.",
        "I'd be glad to take a look at your deck.",
    ],
)
def test_offer_clauses_from_the_parse(analyse, sentence):
    assert one_give(analyse(draft(sentence)), sentence).kind == "offer"


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll send you my resume tomorrow.",
        "I sent my resume to Dana last week.",
        "I know a recruiter whom I might be able to help, if it's useful to her.",
    ],
)
def test_sending_own_materials_past_deeds_and_third_parties_are_not_gives(analyse, sentence):
    assert analyse(draft(sentence)).gives == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Congratulations on the promotion!",
        "Hope the move went well.",
        "Your talk on soil carbon stuck with me.",
    ],
)
def test_interest_in_the_reader(analyse, sentence):
    assert one_give(analyse(draft(sentence)), sentence).kind == "interest"


def test_interest_mid_paragraph_keeps_exact_offsets(analyse):
    text = draft("Your talk on soil carbon stuck with me. Could you share the slides?")
    give = one_give(analyse(text), "Your talk on soil carbon stuck with me.")
    assert give.start == text.index("Your")
    assert text[give.start : give.end] == "Your talk on soil carbon stuck with me."


def test_thanks_for_offering_is_invited(analyse):
    sentence = "Thanks for offering to connect me with Dana."
    assert one_give(analyse(draft(sentence)), sentence).kind == "invited"


def test_plain_request_gives_nothing(analyse):
    assert analyse(draft("Could you send me the slides?")).gives == ()


@pytest.mark.xfail(
    reason="a give that ends a paragraph has end = sentence end_char, which takes in the "
    "following blank line; asks strip it, gives do not",
    strict=True,
)
def test_give_offsets_end_at_the_sentence(analyse):
    sentence = "Congratulations on the promotion!"
    analysis = analyse(draft(sentence))
    give = analysis.gives[0]
    assert analysis.text[give.start : give.end] == sentence
