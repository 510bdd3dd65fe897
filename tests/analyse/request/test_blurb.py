"""The forwardable-note detector: announced and addressed notes, and whether they stand alone."""

from __future__ import annotations

import pytest

ASK = "Could you forward the note below to Dana?"
GOOD_NOTE = (
    "Hi Dana, I'm Al Kim, a data engineer at Tidewell. "
    "I'd love 20 minutes to learn how your team runs its ETL."
)


def announced(note: str, after: str = "") -> str:
    return f"Hi Jo,\n\n{ASK}\n\nHere's a note you can forward:\n\n{note}\n\n{after}Thanks,\nAl\n"


def note_of(analysis) -> str:
    b = analysis.blurb
    assert b is not None
    return analysis.text[b.start : b.end].strip()


def test_announced_self_contained_note(analyse):
    analysis = analyse(announced(GOOD_NOTE))
    assert note_of(analysis) == GOOD_NOTE
    b = analysis.blurb
    assert (b.announced, b.self_contained, b.problems) == (True, True, ())


def test_note_ends_where_the_writer_turns_back_to_the_connector(analyse):
    analysis = analyse(announced(GOOD_NOTE, "Let me know if you need anything else from me.\n\n"))
    assert note_of(analysis) == GOOD_NOTE
    assert analysis.blurb.self_contained


def test_note_leaning_on_private_context(analyse):
    note = "Hi Dana, as we discussed, Al Kim is great. You know the story."
    analysis = analyse(announced(note))
    assert note_of(analysis) == note
    b = analysis.blurb
    assert b.announced
    assert not b.self_contained
    assert b.problems == (
        "does not say what they want from the target",
        "relies on private context ('as we discussed')",
    )


def test_note_that_never_says_who_the_person_is(analyse):
    note = "Dana, could you spare 20 minutes to talk about the grant?"
    b = analyse(announced(note)).blurb
    assert b.problems == ("does not say who the person is",)
    assert not b.self_contained


@pytest.mark.xfail(
    reason="WHO's '^[A-Z]\\w+ [A-Z]\\w+, ' (meant for 'Al Kim, engineer') also matches the "
    "note's own greeting 'Hi Dana, ', so the note passes as saying who the person is",
    strict=True,
)
def test_a_greeting_does_not_say_who_the_person_is(analyse):
    note = "Hi Dana, could you spare 20 minutes to talk about the grant?"
    b = analyse(announced(note)).blurb
    assert b.problems == ("does not say who the person is",)


def test_dashed_block_is_the_note(analyse):
    note = (
        "Hi Dana,\nI'm Al Kim, a data engineer at Tidewell, "
        "and I'd like to learn how your team runs ETL."
    )
    text = (
        f"Hi Jo,\n\nCould you forward this to Dana?\n\n---\n{note}\n---\n\nThanks for this!\nAl\n"
    )
    analysis = analyse(text)
    assert note_of(analysis) == note
    assert analysis.blurb.announced and analysis.blurb.self_contained


def test_summary_for_a_form_need_not_say_what_they_want(analyse):
    summary = "Al Kim, data engineer, six years of pipeline work at Tidewell."
    text = (
        f"Hi Jo,\n\nThanks for offering to refer me. Summary for the referral form:\n\n"
        f"{summary}\n\nThanks,\nAl\n"
    )
    analysis = analyse(text)
    assert note_of(analysis) == summary
    assert analysis.blurb.problems == ()


def test_paragraph_addressed_to_the_target_is_an_unannounced_note(analyse):
    note = (
        "Dana, I'm Al Kim and I run the data team at Tidewell. "
        "I'd like to ask about your pilot program."
    )
    text = f"Hi Jo,\n\nCould you introduce me to Dana?\n\n{note}\n\nThanks,\nAl\n"
    analysis = analyse(text)
    b = analysis.blurb
    assert b.start == text.index("Dana, I'm")
    assert note_of(analysis) == note
    assert (b.announced, b.self_contained) == (False, True)


def test_paragraph_addressed_to_the_reader_is_not_a_note(analyse):
    text = (
        "Hi Jo,\n\nCould you introduce me to Dana?\n\nHi Jo, one more thing: I'm Al Kim, "
        "the founder, and I'd like to ask about pilots.\n\nThanks,\nAl\n"
    )
    assert analyse(text).blurb is None


def test_attached_summary_is_not_an_inline_note(analyse):
    text = (
        "Hi Jo,\n\nCould you introduce me to Dana? I've attached a one-page summary "
        "you could paste into an email.\n\nThanks,\nAl\n"
    )
    assert analyse(text).blurb is None


def test_no_note_in_a_plain_ask(analyse):
    assert analyse("Hi Jo,\n\nCould you introduce me to Dana?\n\nThanks,\nAl\n").blurb is None


@pytest.mark.xfail(
    reason="an announced note starts right after the announcing line, on the blank line "
    "before the note, so a finding on it points at the line above",
    strict=True,
)
def test_announced_note_starts_at_its_first_word(analyse):
    text = announced(GOOD_NOTE)
    assert analyse(text).blurb.start == text.index("Hi Dana")
