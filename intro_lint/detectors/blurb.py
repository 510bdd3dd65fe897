"""Find a note the reader could forward as is, and judge whether it stands on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

INTRO_LINE = re.compile(
    r"(?:below is|here(?:'s| is)) (?:a|the|my) (?:short |quick |self-contained )?(?:note|blurb|email|intro|message|paragraph)"
    r"|note you can forward|feel free to forward|forward(?:able)? (?:as is|from your phone)|^\s*-{3,}\s*$",
    re.IGNORECASE | re.MULTILINE,
)
ADDRESSED = re.compile(
    r"^\s*(?:(?:hi|hello|dear|hey) [A-Z][a-z]+(?: [A-Z][a-z]+)?[,!]|[A-Z][a-z]+, (?=i(?:'m| am)\b|my name\b|[A-Z][a-z]+ (?:[A-Z][a-z]+ )?is\b))",
    re.IGNORECASE | re.MULTILINE,
)
WHO = re.compile(
    r"\bi(?:'m| am) [A-Z]\w+|\b[A-Z]\w+ (?:[A-Z]\w+ )?(?:is|runs|leads|founded|builds)\b|\b(?:co-?founder|founder|ceo|cto|"
    r"director|head of|lead|engineer|student|analyst|partner)\b",
)
WANTS = re.compile(
    r"\b(?:would love|i'd like|i would like|would like|would value|i'd value|open to|minutes|a call|to meet|"
    r"to learn|to ask|to understand|looking for|hoping to|would you be)\b",
    re.IGNORECASE,
)
PRIVATE = re.compile(
    r"\bas (?:\w+ )?(?:mentioned|discussed|you know)\b|\byou know the story\b|\bdon'?t get me started\b|\bugh\b|\(ha\)"
    r"|\bbetween (?:us|you and me)\b|\bconfidential\b|\bfrom what you said\b|\bcrazy story\b|\brandom, but\b"
    r"|\byou said\b|\bbear with me\b|\blike you asked\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Blurb:
    start: int
    end: int
    self_contained: bool
    problems: tuple[str, ...]


def _judge(block: str, connector: str | None) -> tuple[str, ...]:
    problems = []
    if not WHO.search(block):
        problems.append("does not say who the person is")
    if not WANTS.search(block):
        problems.append("does not say what they want from the target")
    private = PRIVATE.search(block)
    if private:
        problems.append(f"relies on private context ('{private.group()}')")
    if connector and re.search(rf"\b{re.escape(connector)}\b", block):
        problems.append(f"talks about the connector ({connector}) inside the note")
    return tuple(problems)


def find_blurb(text: str, start: int, end: int, paragraphs, connector: str | None) -> Blurb | None:
    """A block introduced as forwardable, or a later paragraph addressed to someone other than the reader."""
    body = text[start:end]
    m = INTRO_LINE.search(body)
    if m:
        block_start = start + m.end()
        block = text[block_start:end]
        problems = _judge(block, connector)
        return Blurb(block_start, end, not problems, problems)
    for p_start, p_end in paragraphs[1:]:
        if p_start >= end:
            break
        para = text[p_start:p_end]
        head = ADDRESSED.match(para)
        if head and (not connector or connector not in head.group()):
            problems = _judge(text[p_start:end], connector)
            return Blurb(p_start, end, not problems, problems)
    return None
