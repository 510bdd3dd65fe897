"""Who is in the draft: the reader, the person helped, the targets, and what the request is for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intro_lint.analyse.screen import Screened

BENEFICIARY = Screened(
    re.compile(
        r"\b(?i:a |my )(?:[\w'’-]+ ){0,3}?(?:friend|colleague|classmate|cousin|sister|brother|"
        r"niece|nephew|son|daughter|mentee|client|neighbou?r|buddy|former student|student|intern|"
        r"report)(?: of mine)?,? (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    )
)
CONNECTOR = Screened(
    re.compile(
        r"\bmeet my (?:friend|colleague)\b|\b(?:like|want(?:ed)?|love) to introduce you\b"
        r"|\bintroduce you to\b|\(cc'?d\)"
        r"|\b(?:like|want|open to|interested in) (?:an |a quick )?intro(?:duction)?\b"
        r"|\bsend you both\b|\bconnect you (?:two|both|with)\b"
        r"|\bbefore i (?:make|do|send) (?:an|the) intro"
        r"|\b(?:call|chat|coffee|meeting) with (?:her|him|them)\?|\bmeet (?:my friend )?[A-Z]\w+\."
        r"|\bintroduce (?:the two of )?you\b|\bup for meeting\b"
        r"|\bi(?:'ll| will) leave it to you(?: two)?\b|\byou two\b",
        re.IGNORECASE,
    )
)
PURPOSES = {
    "job": Screened(
        re.compile(
            r"\b(?:new role|roles?\b|jobs?\b|positions?\b|openings?|hiring|"
            r"(?:new|next|career|job|exploring) opportunit\w+|out of work|laid off|"
            r"let (?:me|us|half of us|\w+ of us) go|terminated|fired|lost my job|job search|"
            r"job hunting|looking for work|work at|applicant|refer me|referral|vacanc\w+|"
            r"internship|open to work|laid (?:me|us) off|(?:make|making) a move|next (?:move|gig)|"
            r"new gig|need (?:the )?work|notice period|between jobs|resume|cv\b|"
            r"take (?:her|him|me|them) on|hire (?:me|her|him)|"
            r"leadership role|\w+ role|my next (?:thing|move|step|gig|chapter|opportunity))",
            re.IGNORECASE,
        )
    ),
    "investor": Screened(
        re.compile(
            r"\b(?:seed|series [a-d]|(?:funding|investment) round|our round|raise|raising|"
            r"fundrais\w*|investors?|\w+ (?:capital|ventures|partners)\b|vc\b|pre-seed|"
            r"friends-and-family round|angels?\b|runway|bridge round|family offices|deck\b)",
            re.IGNORECASE,
        )
    ),
    "customer": Screened(
        re.compile(
            r"\b(?:new clients?|customers?|engagements?|needs? (?:\w+ ){0,2}help|referrals? in|"
            r"consulting practice|freelance|prospects?|bookings|fill (?:[\w-]+ ){0,3}dates|"
            r"(?:literary )?agent\b|publishers?\b|manuscript|memoir|pilot customers?|demo\b|"
            r"retailers|buyers|vendor selection|(?:our|a|the) [\w-]+ "
            r"(?:tool|platform|product|software)\b)",
            re.IGNORECASE,
        )
    ),
}
ROLE = re.compile(
    r"\b(?:(?:VP|vice president|head|director|manager|lead|chief \w+ officer|[A-Z]{2,4})"
    r"(?: of [A-Z]?\w+)?|(?:\w+ ){0,2}(?:engineer|designer|coordinator|analyst|scheduler|"
    r"administrator|director|manager|lead|strategist|developer|accountant|recruiter|editor|"
    r"producer|consultant))\b(?= role| position| job|\b)",
)


@dataclass(frozen=True)
class Parties:
    reader: str | None
    beneficiary: str | None
    targets: tuple[str, ...]
    roles: tuple[str, ...]
    connector_note: bool  # the writer is introducing someone else to the reader
    purposes: tuple[str, ...]


def find_parties(
    text: str, ents: list[tuple[str, str]], reader: str | None, sender: str | None
) -> Parties:
    m = BENEFICIARY.search(text)
    beneficiary = m.group("name") if m else None
    skip = {n.lower() for n in (reader, sender, beneficiary) if n}
    targets = tuple(
        dict.fromkeys(
            name
            for name, label in ents
            if label in ("PERSON", "ORG")
            and not any(name.lower() in s or s in name.lower() for s in skip)
        )
    )
    roles = tuple(dict.fromkeys(r.group().strip() for r in ROLE.finditer(text)))
    purposes = tuple(k for k, rx in PURPOSES.items() if rx.search(text))
    return Parties(reader, beneficiary, targets, roles, bool(CONNECTOR.search(text)), purposes)
