"""Draft a forwardable blurb from the names, role and company found in a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis


def forwardable_blurb(a: "Analysis") -> str:
    p = a.parties
    people = [t for t in p.targets if " " in t or t[:1].isupper()]
    target = people[0] if people else "[target's name]"
    who = p.beneficiary or "I"
    intro = f"{who} is [one line: who they are]" if p.beneficiary else "I'm [your name], [one line: who you are]"
    role = p.roles[0] if p.roles else "[role or topic]"
    return (
        "--- note to forward ---\n"
        f"Hi {target.split()[0]},\n\n"
        f"{intro}. {'They are' if p.beneficiary else 'I am'} interested in the {role} "
        f"[at company], and would value [one specific thing: a 20-minute call / your view on X].\n"
        f"Why you: [what about {target} makes this relevant to them].\n"
        "[Link to resume / deck / profile]\n"
        "--- end of note ---"
    )
