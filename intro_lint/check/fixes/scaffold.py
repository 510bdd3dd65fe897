"""Draft a forwardable blurb from the names, role and company found in a draft."""

from __future__ import annotations

from intro_lint.analyse.analysis import Analysis


def _target(a: Analysis) -> tuple[str, str]:
    """The person to greet and the company, from the first named targets (placeholders if none)."""
    people = [t for t in a.parties.targets if " " in t]
    orgs = [t for t in a.parties.targets if t not in people]
    person = people[0].split()[0] if people else "[their first name]"
    return person, orgs[0] if orgs else "[company]"


def forwardable_blurb(a: Analysis) -> str:
    """A self-contained note in the requester's voice: who, what they want, why this target."""
    person, company = _target(a)
    role = a.parties.roles[0] if a.parties.roles else "[role or topic]"
    who = (
        f"{a.parties.beneficiary} is [one line: who they are and what they have done]"
        if a.parties.beneficiary
        else "I'm [your name], [one line: who you are and what you have done]"
    )
    return (
        "--- note to forward ---\n"
        f"Hi {person},\n\n"
        f"{who}. The ask: [one thing, e.g. a 20-minute call] about the {role} at {company}.\n"
        f"Why you: [what about {'their' if person.startswith('[') else person + chr(39) + 's'} "
        "work makes this worth their time].\n"
        "[Link to resume / deck / one-pager]\n"
        "--- end of note ---"
    )
