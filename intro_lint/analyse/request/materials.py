"""What materials travel with the draft: really attached, linked, or only mentioned."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intro_lint.analyse.screen import Screened

LINK = re.compile(
    r"https?://\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:/[\w/.-]*)?(?![\w@])"
    r"|\[[^\]\n]*\b[Ll]ink\b[^\]\n]*\]",
)
SAYS_ATTACHED = Screened(
    re.compile(
        r"\b(?:attached|attaching|enclosed|i(?:'ve| have) (?:also )?attached|see attached|"
        r"please find)\b",
        re.IGNORECASE,
    )
)
MATERIAL_WORDS = Screened(
    re.compile(
        r"\b(?:resume|résumé|cv|deck|pitch deck|one-pager|one pager|portfolio|profile|"
        r"business plan|manuscript|job description|posting|website|site)\b",
        re.IGNORECASE,
    )
)


@dataclass(frozen=True)
class Materials:
    attached: tuple[str, ...]  # real attachment file names
    links: tuple[str, ...]
    mentioned: tuple[str, ...]  # "my resume", "the deck" ...
    says_attached: tuple[int, int] | None  # where the text claims an attachment

    @property
    def present(self) -> bool:
        return bool(self.attached or self.links)


def find_materials(text: str, start: int, end: int, attached: tuple[str, ...]) -> Materials:
    body = text[start:end]
    links = tuple(m.group() for m in LINK.finditer(body))
    mentioned = tuple(dict.fromkeys(m.group().lower() for m in MATERIAL_WORDS.finditer(body)))
    m = SAYS_ATTACHED.search(body)
    claim = (start + m.start(), start + m.end()) if m else None
    return Materials(attached, links, mentioned, claim)
