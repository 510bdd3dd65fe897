"""Find what a draft offers the reader: help, value, or real interest in their work."""

from __future__ import annotations

import re
from dataclasses import dataclass

OFFER = re.compile(
    r"\b(?:happy|glad|willing|eager|delighted|keen) to (?:help|return|share (?!my)|introduce you|recommend you|"
    r"make (?:an )?intro|pass (?:it|your)|review your|give back|lend)"
    r"|\bif there(?:'s| is) anything (?:i|we) can\b|\bhow (?:can|could|may) (?:i|we) help\b"
    r"|\blet me know how (?:i|we) can help\b|\bin return\b|\breturn the favou?r\b|\b(?:send|sending|point) [\w\s-]{0,40}your way\b"
    r"|\bi can introduce you\b|\bif (?:it|that)(?:'s| is| would be) (?:useful|helpful) (?:to|for) you\b"
    r"|\bif your team (?:ever )?needs?\b|\banything i can help with\b|\bi(?:'d| would) be glad to help\b"
    r"|\bi(?:'d| would) be (?:happy|glad) to recommend\b|\bpass on requests to you\b",
    re.IGNORECASE,
)
INTEREST = re.compile(
    r"\b(?:hear|know|learn|catch up on) (?:about )?(?:what|how) you(?:'ve| have|'re| are)? ?(?:been|working|doing|up to|chose|decided|built)"
    r"|\bwhat you(?:'ve| have) been (?:working on|up to)\b|\blearn about your (?:path|work|role|experience|team|journey)"
    r"|\btell me about your (?:role|work|experience)|\bhow(?:'s| is| are) (?:the new|your new|your) (?!family|kids|day|week)\w+"
    r"|\bhope (?:the|your) (?!family|kids)(?:[\w-]+ ){1,3}(?:is|are) (?:going|treating)|\bcongrat\w*\b"
    r"|\bi(?:'ve| have)? ?(?:always )?admired\b|\bstuck with me\b|\bare you still\b",
    re.IGNORECASE,
)
INVITED = re.compile(
    r"\bthanks? (?:so much )?for offering\b|\bthank you for offering\b|\blike you asked\b|\bas you asked\b"
    r"|\bhere(?:'s| is) (?:the|a) (?:email|note|blurb|intro)\b|\bnote you can forward\b|\bfeel free to forward\b"
    r"|\bas we discussed\b|\byou said you(?:'d| would) like to know\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Give:
    start: int
    end: int
    text: str
    kind: str  # offer | interest | invited


def find_gives(text: str, base: int, sent_spans: list[tuple[int, int]]) -> tuple[Give, ...]:
    """Scan each sentence (offsets into the message) for offers, interest, or an invitation to ask."""
    out = []
    for start, end in sent_spans:
        chunk = text[start:end]
        for kind, rx in (("offer", OFFER), ("interest", INTEREST), ("invited", INVITED)):
            m = rx.search(chunk)
            if m and not _offer_to_third_party(chunk, m):
                out.append(Give(start, end, chunk.strip(), kind))
                break
    return tuple(out)


def _offer_to_third_party(chunk: str, m: re.Match) -> bool:
    """'whom I might be able to help' helps someone else, not the reader."""
    return bool(re.search(r"\bwhom\b|\bpeople (?:i|we) (?:know|trust)\b(?!.*you)", chunk[: m.start()], re.I))
