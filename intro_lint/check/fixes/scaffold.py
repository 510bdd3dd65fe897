"""Draft a forwardable note: the person the analysis found, placeholders for what it cannot know."""

from __future__ import annotations

from intro_lint.analyse.analysis import Analysis

OPENING = "--- note to forward ---"
CLOSING = "--- end of note ---"


def forwardable_blurb(a: Analysis) -> str:
    """A self-contained note; the target's name, company and role stay placeholders to fill in.

    Names and roles the parse finds are too often wrong for a note sent on in the writer's name
    ("the to engineering manager"), so only the person the draft asks for is filled in.
    """
    who = a.parties.beneficiary
    intro = f"{who} is [who they are, in one line]" if who else "I'm [your name], [who you are]"
    whose = f"{who}'s" if who else "My"
    return (
        f"{OPENING}\n"
        "Hi [name],\n\n"
        f"{intro}. The ask: [one thing, e.g. a 20-minute call] about the [role] at [company].\n"
        "Why you: [why this person in particular].\n"
        f"{whose} [resume / deck / one-pager]: [web address]\n"
        f"{CLOSING}"
    )
