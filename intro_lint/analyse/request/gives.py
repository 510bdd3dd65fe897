"""Find what a draft offers the reader: help, value, or real interest in their work."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intro_lint.analyse.request.lexicon import rx
from intro_lint.analyse.screen import Screened
from intro_lint.analyse.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

OFFER = rx(
    r"\bin return\b",
    r"\breturn the favou?r\b",
    r"\bif there(?:'s| is) anything (?:else )?(?:i|we) can\b",
    r"\bhow (?:can|could|may) (?:i|we) (?:help|be (?:of )?(?:use|help))\b",
    r"\bwhat can i do for you\b",
    r"\b(?:send|sending|point|pass|steer)\w* [\w\s-]{0,40}your way\b",
    r"\banything (?:else )?(?:i|we) can (?:do|help|send)\b",
    r"\bif (?:it|that|they|this)(?:'s| is|'d| would)? (?:be )?(?:useful|helpful|help)\b",
    r"\bjust say the word\b",
    r"\b(?:i|we) (?:still )?owe you\b",
    r"\bi owe you one\b",
    r"\b(?:dinner|lunch|coffee|drinks|the next round)(?:'s| is)? on me\b",
    r"\bhappy to return\b",
    r"\bif your (?:team|company|firm|portfolio) (?:ever |still )?needs?\b",
    r"\byou know where to find me\b",
    r"\bpass on requests to you\b",
    r"\b(?:i(?:'ll|’ll| will| can| could)|happy to|glad to) take a (?:look|pass)\b",
)
INTEREST = rx(
    r"\b(?:hear|know|learn|understand) (?:about )?(?:what|how|why) you"
    r"(?:'ve| have|'re| are|'d)? ?\w+",
    r"\bwhat you(?:'ve| have) been (?:working on|up to)\b",
    r"\blearn about your (?:path|work|role|experience|team|journey)",
    r"\btell me about your (?:role|work|experience)",
    r"\bhow(?:'s| is| are)\s(?:the new|your new|your|the)\s(?!family|kids|day|week)\w+",
    r"\bhope (?:the|your) (?!family|kids)(?:[\w-]+ ){1,3}(?:is|are|was|went|came|has|have)\b",
    r"\b(?:is|are) (?!you\b)[\w ]{1,25} still\b[^.!]*\?",
    r"\bhow (?:the|your) [\w -]{1,30} (?:is|are) (?:doing|going|coming)\b",
    r"\bcongrat\w*\b",
    r"\bi(?:'ve| have)? ?(?:always )?admired\b",
    r"\bstuck with me\b",
    r"\bare you still\b",
    r"\bmade my (?:week|day)\b",
    r"\bwell deserved\b",
)
INVITED = rx(
    r"\bthanks? (?:so much |again )?for offering\b",
    r"\bthank you for offering\b",
    r"\blike you asked\b",
    r"\bas you asked\b",
    r"\bas we discussed\b",
    r"\bhere(?:'s| is) (?:something|what) you can (?:send|forward)\b",
    r"\byou said you(?:'d| would) like to know\b",
    r"\b(?:thanks|thank you) (?:so much |again )?for (?:saying|agreeing|being willing|"
    r"being open)\b",
    r"\byou asked (?:what|how|for)\b",
)
GIVE_VERBS = {
    "help",
    "share",
    "send",
    "introduce",
    "review",
    "look",
    "make",
    "finish",
    "return",
    "buy",
    "cover",
    "pass",
    "recommend",
    "connect",
    "lend",
    "offer",
    "give",
    "ask",
    "put",
    "host",
    "pay",
    "treat",
    "forward",
    "walk",
    "write",
}
OWN_MATERIALS = Screened(
    re.compile(
        r"\bmy (?:resume|cv|résumé|profile|portfolio|deck|questions|materials|references|details|"
        r"number|notes)\b|\b(?:the|a) (?:job description|posting|form|short summary|summary|"
        r"one-page reminder|reminder)\b|\bwhat i (?:did|worked on)\b"
        r"|\b(?:it|them) along\b",
        re.IGNORECASE,
    )
)
WILLING = {"happy", "glad", "willing", "keen", "eager", "delighted", "able"}


@dataclass(frozen=True)
class Give:
    start: int
    end: int
    text: str
    kind: str  # offer | interest | invited


def _writer_subject(tok: Token) -> bool:
    """The writer is the subject of this verb, directly or through 'happy to' / 'can' chains."""
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ in ("i", "we")
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return False
    return False


def _offering(tok: Token) -> bool:
    """Future, modal or willing framing: 'I'll send', 'I can introduce', 'happy to take a look'."""
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if auxes & {"will", "'ll", "can", "could", "'d", "would", "might", "shall"}:
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and (
        head.lower_ in WILLING or any(c.lower_ in WILLING for c in head.children)
    )


def offer_clause(sent: Sentence) -> bool:
    """A clause where the writer offers to do something for the reader (not send their own CV)."""
    for tok in sent.span:
        if (
            tok.pos_ == "VERB"
            and tok.lemma_ in GIVE_VERBS
            and _offering(tok)
            and _writer_subject(tok)
        ):
            whole = sent.text
            rest = whole[sent.offset(tok) :]
            if OWN_MATERIALS.search(rest[:60]) or re.search(r"\bwhom\b", whole[: sent.offset(tok)]):
                continue
            if re.search(
                r"\b(?:work around|jump on|hop on|do (?:a |the )?(?:call|coffee|chat))\b",
                rest[:40],
                re.I,
            ):
                continue
            return True
    return False


def _third_party(chunk: str, m: re.Match) -> bool:
    """'whom I might be able to help' helps someone else, not the reader."""
    return bool(re.search(r"\bwhom\b", chunk[: m.start()], re.I))


def find_gives(sents: tuple[Sentence, ...]) -> tuple[Give, ...]:
    """Sentences that offer help, show interest in the reader's work, or answer an invitation."""
    out = []
    for sent in sents:
        chunk = sent.text
        start, end = sent.start, sent.end
        kind = None
        for name, pattern in (("offer", OFFER), ("interest", INTEREST), ("invited", INVITED)):
            m = pattern.search(chunk)
            if m and not _third_party(chunk, m):
                kind = name
                break
        if kind is None and offer_clause(sent):
            kind = "offer"
        if kind:
            out.append(Give(start, end, chunk.strip(), kind))
    return tuple(out)
