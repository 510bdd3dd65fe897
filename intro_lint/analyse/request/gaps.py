"""Find where a draft admits a long silence before it writes again."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intro_lint.analyse.screen import Screened

GAP = Screened(
    re.compile(
        r"\b(?:it(?:'s| has|’s) been (?:like |about |almost |nearly |over )?"
        r"(?:a (?:long )?while|ages|forever|too long|far too long|so long|a long time|a minute|"
        r"(?:over |more than |almost |nearly |like |about )?"
        r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|a few) "
        r"(?:years?|months?))"
        r"|(?:haven't|have not|hadn't|didn't) (?:spoken|talked|been in touch|caught up|"
        r"seen each other|kept in touch|stayed in touch|connected|corresponded)"
        r"|long time no (?:see|talk|speak)|(?:been |fell |fallen )?out of touch|lost touch"
        r"|out of the blue|since we last (?:spoke|talked|met|saw)|been this long since"
        r"|blast from the past|(?:let|letting) (?:so much )?time (?:go by|slip|slide)"
        r"|surprised to hear from me|i let it slide|not (?:staying|keeping) in touch"
        r"|i (?:know i )?(?:disappeared|went (?:quiet|silent|dark|awol|mia))"
        r"|(?:dropped|fell|fallen) off the (?:radar|map)|been (?:radio silent|mia|awol)"
        r"|long time,? no\b|(?:haven't|have not) (?:heard from|written to|reached out to) "
        r"(?:you|each other) in)",
        re.IGNORECASE,
    )
)


@dataclass(frozen=True)
class Gap:
    start: int
    end: int
    text: str


def find_gaps(text: str, start: int, end: int) -> tuple[Gap, ...]:
    return tuple(
        Gap(start + m.start(), start + m.end(), m.group()) for m in GAP.finditer(text[start:end])
    )
