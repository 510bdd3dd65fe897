"""The layout detector: greeting, sign-off, the core between them, and the paragraphs."""

from __future__ import annotations

import pytest


def greeting_of(analysis) -> str:
    g = analysis.layout.greeting
    assert g is not None
    return analysis.text[g.start : g.end]


def sign_off_of(analysis) -> str:
    s = analysis.layout.sign_off
    assert s is not None
    return analysis.text[s[0] : s[1]]


def core_of(analysis) -> str:
    start, end = analysis.layout.core
    return analysis.text[start:end]


def test_named_greeting_sign_off_core_and_paragraphs(analyse):
    text = "Hi Jo,\n\nThe first paragraph.\nStill the first.\n\nThe second one.\n\nThanks,\nAl\n"
    analysis = analyse(text)
    layout = analysis.layout
    assert greeting_of(analysis) == "Hi Jo,"
    assert (layout.greeting.name, layout.greeting.group) == ("Jo", False)
    assert sign_off_of(analysis).rstrip() == "Thanks,\nAl"
    assert core_of(analysis).strip() == "The first paragraph.\nStill the first.\n\nThe second one."
    assert [text[s:e] for s, e in layout.paragraphs] == [
        "Hi Jo,",
        "The first paragraph.\nStill the first.",
        "The second one.",
        "Thanks,\nAl",
    ]


@pytest.mark.parametrize(
    "line,name",
    [
        ("Dear Dr. Park,", "Park"),
        ("Good morning Jo,", "Jo"),
        ("Hi Femi and Rahel,", "Femi Rahel"),
    ],
)
def test_greeting_names(analyse, line, name):
    analysis = analyse(f"{line}\n\nCould you send me the slides?\n\nThanks,\nAl\n")
    assert greeting_of(analysis) == line
    assert analysis.layout.greeting.name == name
    assert not analysis.layout.greeting.group


@pytest.mark.parametrize("line", ["Dear friends and colleagues,", "Hi there,"])
def test_group_greetings_name_no_one(analyse, line):
    analysis = analyse(f"{line}\n\nCould you send me the slides?\n\nThanks,\nAl\n")
    assert greeting_of(analysis) == line
    g = analysis.layout.greeting
    assert (g.name, g.group) == (None, True)


def test_bare_greeting_is_neither_named_nor_a_group(analyse):
    analysis = analyse("Hey!\n\nCould you send me the slides?\n\nThanks,\nAl\n")
    assert greeting_of(analysis) == "Hey!"
    g = analysis.layout.greeting
    assert (g.name, g.group) == (None, False)


def test_vocative_name_opening_the_draft_is_the_greeting(analyse):
    text = "Jo, I'm writing about the slides. Could you send them?\n\nThanks so much,\nAl\n"
    analysis = analyse(text)
    assert greeting_of(analysis) == "Jo,"
    assert analysis.layout.greeting.name == "Jo"
    assert core_of(analysis).strip() == "I'm writing about the slides. Could you send them?"
    assert sign_off_of(analysis).rstrip() == "Thanks so much,\nAl"


def test_no_greeting_and_no_sign_off(analyse):
    text = "Could you send me the slides?"
    layout = analyse(text).layout
    assert (layout.greeting, layout.sign_off) == (None, None)
    assert layout.core == (0, len(text))
    assert layout.paragraphs == ((0, len(text)),)


@pytest.mark.xfail(
    reason="'To be honest,' has no capitalised name, so it comes back as a group greeting and "
    "generic-blast reports it as a greeting that names no one",
    strict=True,
)
def test_to_be_honest_is_not_a_greeting(analyse):
    text = "To be honest, I need the slides. Could you send them?\n\nAl\n"
    assert analyse(text).layout.greeting is None


@pytest.mark.parametrize(
    "closing",
    [
        "Best regards,\nAl Kim",
        "Cheers,\nAl",
        "Kind regards,\nAl Kim",
        "Talk soon,\nAl",
        "All the best,\nAl",
    ],
)
def test_sign_offs(analyse, closing):
    analysis = analyse(f"Hi Jo,\n\nCould you send me the slides?\n\n{closing}\n")
    assert sign_off_of(analysis).rstrip() == closing
    assert core_of(analysis).strip() == "Could you send me the slides?"


def test_a_long_thank_you_line_is_not_a_sign_off(analyse):
    text = "Hi Jo,\n\nThanks for the slides you sent over last week, they were great.\n\nAl\n"
    analysis = analyse(text)
    assert analysis.layout.sign_off is None
    assert core_of(analysis).strip().startswith("Thanks for the slides")


@pytest.mark.parametrize("signature", ["Al Kim | Tidewell | al@kim.example", "(555) 123-4567"])
@pytest.mark.xfail(
    reason="the sign-off search stops at the name line between 'Best,' and a signature line, "
    "so the sign-off is only the signature and the closing stays in the core",
    strict=True,
)
def test_sign_off_above_a_signature_line(analyse, signature):
    analysis = analyse(f"Hi Jo,\n\nCould you send me the slides?\n\nBest,\nAl Kim\n{signature}\n")
    assert sign_off_of(analysis).startswith("Best,")
