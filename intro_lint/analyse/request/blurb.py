"""Find a note the reader could forward as is, and judge whether it stands on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intro_lint.analyse.screen import Screened

INTRO_LINE = Screened(
    re.compile(
        r"(?:below is|here(?:'s| is)) (?:a|the|my) "
        r"(?:short |quick |self-contained |two-line |one-line |forwardable )?"
        r"(?:note|blurb|email|intro|message|paragraph|summary|version)[^\n]*?(?::|\.|$)"
        r"|(?:a )?(?:note|summary|blurb) (?:you can|you could|to) (?:forward|paste|use)"
        r"[^\n]*?(?::|\.|$)|feel free to forward[^\n]*"
        r"|here(?:'s| is) (?:something|what|a draft|a version) (?:you can|you could|to) "
        r"(?:send|forward|pass)[^\n]*?(?::|\.|$)"
        r"|forward(?:able)? (?:as is|from your phone)[^\n]*|^\s*-{3,}\s*$"
        r"|\b(?:a )?forwardable note:|short version for (?:them|him|her):"
        r"|summary for the (?:referral )?form:",
        re.IGNORECASE | re.MULTILINE,
    )
)
ADDRESSED = re.compile(
    r"^\s*(?:(?:hi|hello|dear|hey) [A-Z][a-z]+(?: [A-Z][a-z]+)?[,!]|"
    r"[A-Z][a-z]+, (?=i(?:'m| am)\b|my name\b|[A-Z][a-z]+ (?:[A-Z][a-z]+ )?is\b))",
    re.IGNORECASE | re.MULTILINE,
)
WHO = re.compile(
    r"\b[Ii](?:'m|’m| am) [A-Z]\w+|\bmy name is\b|\bi (?:lead|run|founded|manage|head)\b|"
    r"^\W*[A-Z]\w+ [A-Z]\w+, |\b[A-Z]\w+ (?:[A-Z]\w+ )?(?:is|runs|leads|founded|builds)\b|"
    r"\b(?:co-?founder|founder|ceo|cto|director|head of|lead|engineer|student|analyst|partner)\b",
)
WANTS = Screened(
    re.compile(
        r"\b(?:would love|i'd like|i would like|would like|would value|i'd value|open to|minutes|"
        r"a call|to meet|to learn|to ask|to understand|looking for|hoping to|would you be|i'd love|"
        r"i'd value|want to|wants? \d+|hopes to|to hear|before i apply|to get your|applying|"
        r"raising|minute|i offer|happy to)\b",
        re.IGNORECASE,
    )
)
PRIVATE = Screened(
    re.compile(
        r"\bas (?:\w+ )?(?:mentioned|discussed|you know)\b|\byou know the story\b"
        r"|\bdon'?t get me started\b|\bugh\b|\(ha\)"
        r"|\bbetween (?:us|you and me)\b|\bconfidential\b|\bfrom what you said\b|\bcrazy story\b"
        r"|\brandom, but\b|\byou said\b|\bbear with me\b|\blike you asked\b"
        r"|\bas \w+ (?:probably )?(?:told|mentioned|said)\b|\bnot for \w+(?:'s)? eyes\b"
        r"|\byou remember\b|\byou know why\b|\b(?:just )?between us\b|\boff the record\b",
        re.IGNORECASE,
    )
)


@dataclass(frozen=True)
class Blurb:
    start: int
    end: int
    self_contained: bool
    problems: tuple[str, ...]
    announced: bool = False  # "here's the note for X": the writer meant it to be forwarded


SUMMARY_ONLY = Screened(
    re.compile(r"summary|short version|referral form|two-line|one-line", re.IGNORECASE)
)


def _judge(block: str, connector: str | None, summary: bool = False) -> tuple[str, ...]:
    problems = []
    if not WHO.search(block):
        problems.append("does not say who the person is")
    if not summary and not WANTS.search(block):
        problems.append("does not say what they want from the target")
    private = PRIVATE.search(block)
    if private:
        problems.append(f"relies on private context ('{private.group()}')")
    return tuple(problems)


BACK_TO_CONNECTOR = re.compile(
    r"^\s*(?:-{3,}\s*$|(?:thanks|thank you|let me know|p\.?s\.?|and if|and i|also,|"
    r"if you(?:'d| would) rather)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def _block_end(text: str, start: int, end: int, connector: str | None) -> int:
    """The note ends at a closing '---' or where the writer turns back to the connector."""
    closing = re.search(r"^\s*-{3,}\s*$", text[start:end], re.MULTILINE)
    if closing and closing.start() > 20:
        end = start + closing.start()
    for m in re.finditer(r"\n\s*\n", text[start:end]):
        para_start = start + m.end()
        para = text[para_start:end].split("\n\n", 1)[0]
        if para_start - start > 20 and (
            BACK_TO_CONNECTOR.match(para) or (connector and connector in para)
        ):
            return para_start
    return end


def find_blurb(text: str, start: int, end: int, paragraphs, connector: str | None) -> Blurb | None:
    """A block introduced as forwardable, or a later paragraph addressed to someone other than
    the reader."""
    body = text[start:end]
    m = INTRO_LINE.search(body)
    if m and re.search(r"\battach", body[max(0, m.start() - 80) : m.end()], re.IGNORECASE):
        m = None  # "I've attached ... a summary you could paste": it travels as a file
    if m:
        block_start = start + m.end()
        block_end = _block_end(text, block_start, end, connector)
        block = text[block_start:block_end]
        problems = _judge(block, connector, bool(SUMMARY_ONLY.search(m.group())))
        return Blurb(block_start, block_end, not problems, problems, announced=True)
    for p_start, p_end in paragraphs[1:]:
        if p_start >= end:
            break
        para = text[p_start:p_end]
        head = ADDRESSED.match(para)
        if head and (not connector or connector not in head.group()):
            problems = _judge(text[p_start:end], connector)
            return Blurb(p_start, end, not problems, problems)
    return None
