"""Find the greeting, the sign-off and the paragraphs of a draft from its lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

GREETING = re.compile(
    r"^\s*(?P<word>hi|hey|hello|dear|greetings|good (?:morning|afternoon|evening|day)|to|howdy|"
    r"hiya|yo|respected|attention)\b"
    r"(?P<rest>(?:\s+(?:mr|ms|mrs|dr|prof|mx)\.)?[^,!:\n.]{0,60}?)\s*(?P<end>[,!:\n]|$|\.(?=\s))",
    re.IGNORECASE,
)
VOCATIVE = re.compile(
    r"^\s*(?:thanks,?\s+)?(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)[,!:.](?:\s|$)"
)
SIGN_OFF = re.compile(
    r"^\s*(?:thanks|thank you|many thanks|best|best regards|regards|kind regards|warm regards|"
    r"warmly|cheers|sincerely|yours|all the best|with thanks|thanks again|thanks so much|"
    r"looking forward(?: to it)?|take care|talk soon|best wishes)\b[^\n]{0,30}$",
    re.IGNORECASE,
)
GROUP_WORDS = {
    "all",
    "everyone",
    "everybody",
    "there",
    "team",
    "friends",
    "family",
    "colleagues",
    "folks",
    "network",
    "sir",
    "madam",
    "sir/madam",
    "whom",
    "hiring",
    "manager",
    "guys",
    "connections",
    "it",
    "may",
    "concern",
    "and",
    "my",
    "y'all",
    "you",
    "both",
}
INTERJECTIONS = {
    "so",
    "just",
    "quick",
    "sorry",
    "wow",
    "oh",
    "well",
    "okay",
    "ok",
    "yes",
    "great",
    "congrats",
    "thanks",
    "finally",
    "honestly",
    "anyway",
    "also",
    "actually",
    "please",
    "apologies",
    "update",
    "news",
    "hope",
}
TITLES = {
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "miss",
    "mx",
    "mx.",
}


@dataclass(frozen=True)
class Greeting:
    start: int
    end: int
    name: str | None  # the reader's name if the greeting names one person
    group: bool  # "Dear friends and colleagues", "To my network", "Hi there"


@dataclass(frozen=True)
class Layout:
    greeting: Greeting | None
    sign_off: tuple[int, int] | None
    core: tuple[int, int]  # between greeting and sign-off
    paragraphs: tuple[tuple[int, int], ...]


def _name_of(rest: str) -> tuple[str | None, bool]:
    words = [w.strip(" .") for w in rest.split() if w.strip(" .")]
    low = [w.lower() for w in words]
    named_pair = "and" in low and sum(w[:1].isupper() for w in words) >= 2  # "Dear Femi and Rahel"
    if not words:
        return None, False  # "Hi," "Hey!": no name, but not a list either
    if any(w in GROUP_WORDS - ({"and"} if named_pair else set()) for w in low):
        return None, True
    named = [w for w in words if w.lower() not in TITLES and w[:1].isupper()]
    return (" ".join(named) or None), not named


def find_greeting(text: str, start: int) -> Greeting | None:
    head = text[start : start + 200]
    m = GREETING.match(head)
    if m:
        name, group = _name_of(m.group("rest"))
        if m.group("word").lower() == "to" and not group:
            return None  # "To be honest, ..." is not a greeting
        return Greeting(start + m.start("word"), start + m.end(), name, group)
    m = VOCATIVE.match(head)
    if m and m.group("name").split()[0].lower() not in GROUP_WORDS | INTERJECTIONS:
        return Greeting(start + m.start("name"), start + m.end("name") + 1, m.group("name"), False)
    return None


SIGNATURE_LINE = re.compile(
    r"^[^\n|]{2,40}(?:\s\|\s[^\n|]+){2,}$|^.*\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\s*$"
)


def find_sign_off(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first of the last few lines that reads as a sign-off or a signature line."""
    lines = [m for m in re.finditer(r"[^\n]+", text[start:end])]
    found = None
    for m in reversed(lines[-4:]):
        if SIGN_OFF.match(m.group()) or SIGNATURE_LINE.match(m.group()):
            found = (start + m.start(), end)
        elif found:
            break
    return found


def paragraphs(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    out = []
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[start:end]):
        out.append((start + m.start(), start + m.end()))
    return tuple(out)


def analyse_layout(text: str, start: int, end: int) -> Layout:
    greeting = find_greeting(text, start)
    sign_off = find_sign_off(text, start, end)
    core_start = greeting.end if greeting else start
    core_end = sign_off[0] if sign_off and sign_off[0] >= core_start else end
    return Layout(greeting, sign_off, (core_start, core_end), paragraphs(text, start, end))
