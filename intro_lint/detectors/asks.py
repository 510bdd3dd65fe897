"""Find the request clauses of a draft and describe how specific each one is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

MODALS = {"could", "would", "can", "will", "might", "may", "should"}
REQUEST_VERBS = {
    "introduce", "connect", "refer", "forward", "pass", "put", "send", "share", "call", "meet", "chat",
    "talk", "review", "read", "look", "recommend", "help", "give", "get", "tell", "let", "keep",
    "accept", "consider", "reach", "email", "ping", "text", "point", "act", "be", "have", "do", "set",
    "speak", "hop", "jump", "grab", "pick", "know", "hear", "walk", "check", "take", "find", "offer",
}
IMPERATIVE_VERBS = {
    "let", "keep", "give", "send", "forward", "connect", "introduce", "call", "email", "ping", "share",
    "tell", "accept", "refer", "review", "look", "put", "pass", "consider", "help", "text", "recommend",
    "point", "drop", "reach", "need", "contact", "find",
}
WANT_PHRASE = re.compile(
    r"\b(?:i|we)(?:'d| would|’d) (?:really |so |also |just )?(?:love|like|appreciate|welcome|be grateful|value)\b"
    r"|\bi (?:was|am) wondering\b|\bi wanted to (?:see|ask)\b|\bwould (?:really )?appreciate\b"
    r"|\bi(?:'m| am) hoping (?:you|to)\b|\b(?:and|but|so) (?:would|'d) (?:really )?love to\b|\bwould be grateful\b|\bi(?:'d| would) be glad to (?:talk|do|chat|jump)\b",
    re.IGNORECASE,
)
AVAILABILITY_Q = re.compile(
    r"^\s*(?:so,?\s*)?(?:when(?:'s| is| would| might| are| could)|what(?:'s| is) your (?:number|availability)|"
    r"is there (?:any|some)(?:one|body)|are you(?:,| or)|do you know|any chance|do you have (?:time|a few))",
    re.IGNORECASE,
)
OPEN_MARKERS = re.compile(
    r"(?<!for )\b(?:any(?:one|body)|some(?:one|body)|some people|whoever|whatever|all the (?:roles|openings|jobs)|"
    r"(?:hear|heard|know|come across) (?:of |about )anything|anything (?:you have|open|at all|that comes up)|"
    r"(?:the |any |your |all )?openings|(?:the|any|your) (?:roles|positions|opportunities)|a question|some advice|"
    r"what(?:'s| is) out there|what companies|which companies|any (?:leads|openings|roles|jobs|positions|"
    r"opportunities|introductions|ideas|advice|help|contacts|referrals)|leads)\b",
    re.IGNORECASE,
)
BRAIN_PICK = re.compile(
    r"\bpick (?:your|her|his|their) brains?\b|\bget your thoughts\b|\bbrainstorm\b|\bany advice\b"
    r"|\bwhat you(?:'re| are) seeing\b|\ball of it\b|\bmaybe (?:you'll|you will) just\b",
    re.IGNORECASE,
)
TIMEBOX = re.compile(
    r"\b(?:\d+|five|ten|fifteen|twenty|thirty)[- ]?(?:min(?:ute)?s?)\b|\b(?:short|quick|brief) (?:call|chat|phone call)\b"
    r"|\bthis week\b|\bnext (?:few|two|couple of) weeks\b|\bbriefly\b",
    re.IGNORECASE,
)
INTRO_WORDS = re.compile(
    r"\b(?:introduce|introduction|intro|connect (?:me|us)|put (?:me|us) in touch|referrals?\b(?! me)|"
    r"forward (?:this|it|my)|pass (?:this|it|my) (?:on|along)|get me an? (?:agent|meeting|intro)|"
    r"(?:talk|speak|reach out) to\b|your way|my way)",
    re.IGNORECASE,
)
PEOPLE_WANTED = re.compile(
    r"\b(?:any(?:one|body)|some(?:one|body)|some people) (?:who|that) (?:needs?|might|may|could|would|is|are)\b"
    r"|\b(?:any(?:one|body)|some(?:one|body)|some people) (?:(?:i|we) should|you(?:'d| would) (?:like|want) to)\b",
    re.IGNORECASE,
)
REFERENCE_WORDS = re.compile(r"\breferences?\b|\bphone number\b|\bvouch\b", re.IGNORECASE)
WANT_OBJECT = re.compile(
    r"\byou\b|\byour\b|\b(?:introduce|intro|connect|meet|talk|call|chat|hear|ask|catch up|pick|grab|learn|speak|"
    r"referr?\w*|help|advice|input|thoughts|time|minutes|them|him|her)\b",
    re.IGNORECASE,
)
CATCH_UP = re.compile(r"\bcatch up\b|\breconnect\b|\bhear how you(?:'ve| have) been\b", re.IGNORECASE)


@dataclass(frozen=True)
class Ask:
    start: int
    end: int
    text: str
    why: str  # which pattern made it an ask
    kind: str  # intro | reference | leads | meeting | review | other
    open_markers: tuple[str, ...]
    brain_pick: bool
    alternatives: int  # coordinated request verbs or objects joined by "or"
    timebox: bool
    targets: tuple[str, ...]  # PERSON/ORG named in or just before the ask
    request_verbs: int  # how many distinct things are asked for in the clause

    @property
    def open_ended(self) -> bool:
        return bool(self.open_markers) or self.brain_pick or self.alternatives >= 2


def _subject(tok) -> str | None:
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child.lower_
    return None


def _why_question(sent: Span) -> str | None:
    text = sent.text.strip()
    if not text.endswith("?") and "?" not in text[-4:]:
        return None
    if AVAILABILITY_Q.search(text):
        return "question about availability or people"
    for tok in sent:
        if tok.lower_ in MODALS and tok.dep_ == "aux":
            head = tok.head
            subj = _subject(head)
            if subj == "you" or (subj in ("i", "we") and head.lemma_ in REQUEST_VERBS):
                return f"modal question ('{tok.text} {subj} ...')"
    if re.search(r"\b(?:willing|open|able|up for|mind)\b", text, re.I) and re.search(r"\byou\b", text, re.I):
        return "question asking for the reader's willingness"
    return None


def _why_imperative(sent: Span) -> str | None:
    root = sent.root
    first = next((t for t in sent if not (t.is_space or t.is_punct) and t.lower_ not in ("so", "anyway", "and", "please", "also", "just", "then")), None)
    if first is None:
        return None
    cand = first if first.pos_ in ("VERB", "AUX") or first.tag_ == "VB" else root
    if cand.lemma_.lower() in IMPERATIVE_VERBS and _subject(cand) is None and cand.tag_ in ("VB", "VBP", "NN", "NNP"):
        if any(t.lower_ in ("n't", "not", "never") for t in cand.children):
            return None
        return f"imperative ('{cand.text} ...')"
    return None


def _why_conditional(sent: Span) -> str | None:
    low = sent.text.lower()
    if re.search(r"\b(?:got|have|had) a (?:quick |small )?question for you\b", low):
        return "announces a question without asking it"
    if re.search(r"\bif you (?:hear|know|come across|see|have|think of|could|can)\b", low) and re.search(
        r"appreciate|let me know|grateful|please|shout|welcome|keep me|mean", low
    ):
        return "conditional request ('if you hear of/know ...')"
    if re.search(r"\b(?:any|some) (?:[\w-]+ ){0,10}(?:would|will) (?:really |also |be )?(?:help|be (?:a )?(?:huge |great |big )?help|appreciated|be great|be welcome|mean)", low):
        return "request phrased as 'any ... would help'"
    if re.search(r"\bi(?:'ll| will) take anything\b", low):
        return "open offer to take anything"
    return None


def why_ask(sent: Span) -> str | None:
    text = sent.text
    want = WANT_PHRASE.search(text)
    if want and not _only_interest(text) and WANT_OBJECT.search(text[want.end():]):
        return "statement of what the writer wants ('I'd love/like/appreciate ...')"
    return _why_question(sent) or _why_conditional(sent) or _why_imperative(sent)


def _only_interest(text: str) -> bool:
    """'I'd love to hear what you've been up to' shows interest in the reader; it asks nothing."""
    return bool(
        re.search(r"\b(?:love|like) to (?:hear|know|learn) (?:what|how) you(?:'ve| have| are|'re)", text, re.I)
        and not re.search(r"\band (?:talk|ask|get|pick)\b", text, re.I)
    )


def _kind(text: str) -> str:
    if REFERENCE_WORDS.search(text):
        return "reference"
    if INTRO_WORDS.search(text) or PEOPLE_WANTED.search(text):
        return "intro"
    if re.search(r"\b(?:(?:is|are|be|'s|'re|you) hiring|hiring for|openings|(?:any|open) (?:roles|positions|jobs)|leads|anything you have|hear (?:of|about) anything)\b", text, re.I):
        return "leads"
    if re.search(r"\b(?:read|review|look at|notes|feedback)\b", text, re.I):
        return "review"
    if re.search(r"\b(?:call|coffee|chat|talk|meet|minutes|catch up|time)\b", text, re.I):
        return "meeting"
    return "other"


MEETING_FORMS = {"coffee", "call", "chat", "zoom", "phone", "lunch", "drink", "drinks", "video", "meeting"}


def _alternatives(sent: Span) -> int:
    ors = [t for t in sent if t.lower_ == "or" and t.dep_ == "cc"]
    n = 0
    for cc in ors:
        head = cc.head
        if {head.lemma_.lower(), *(c.lemma_.lower() for c in head.children if c.dep_ == "conj")} & MEETING_FORMS:
            continue
        if head.pos_ in ("VERB", "NOUN", "PROPN", "AUX") or head.lower_ in ("anything", "anyone"):
            n += 1 + sum(1 for c in head.children if c.dep_ == "conj")
    return n


FAVOURS = {
    "read", "review", "give", "get", "introduce", "connect", "send", "forward", "share", "refer", "recommend",
    "look", "edit", "help", "find", "put", "pass", "write", "make", "check",
}
SUBORDINATE = {"aux", "xcomp", "advcl", "relcl", "acl", "pcomp", "amod"}


def _request_verbs(sent: Span) -> int:
    """How many separate favours one clause stacks up ('read X, give me Y and get me Z')."""
    return len({t.lemma_ for t in sent if t.pos_ == "VERB" and t.lemma_ in FAVOURS and t.dep_ not in SUBORDINATE})


def _targets(sent: Span, prev: Span | None, reader: str | None) -> tuple[str, ...]:
    names = [e.text for e in sent.ents if e.label_ in ("PERSON", "ORG")]
    if prev is not None and any(t.lower_ in ("her", "him", "them", "there") for t in sent):
        names += [e.text for e in prev.ents if e.label_ in ("PERSON", "ORG")]
    skip = (reader or "").lower()
    return tuple(n for n in names if n.lower() not in skip and skip not in n.lower() or not skip)


WANT_VERBS = {"like", "love", "want", "need", "hope", "wonder", "appreciate", "be"}


def _writer_acts_on(sent: Span, offset: int) -> bool:
    """'Before I connect anyone' - the writer, not the reader, is the one acting on the open set."""
    tok = next((t for t in sent if t.idx - sent.start_char >= offset), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    if tok is None or tok.lemma_ in WANT_VERBS:
        return False
    return _subject(tok) in ("i", "we")


def _open_markers(sent: Span) -> tuple[str, ...]:
    text = sent.text
    return tuple(
        m.group() for m in OPEN_MARKERS.finditer(text)
        if " you" in m.group().lower() or not _writer_acts_on(sent, m.start())
    )


def find_asks(sents: list[Span], reader: str | None) -> tuple[Ask, ...]:
    asks = []
    for i, sent in enumerate(sents):
        why = why_ask(sent)
        if not why:
            continue
        text = sent.text.strip()
        asks.append(Ask(
            start=sent.start_char, end=sent.start_char + len(sent.text.rstrip()), text=text, why=why,
            kind=_kind(text),
            open_markers=_open_markers(sent),
            brain_pick=bool(BRAIN_PICK.search(text)),
            alternatives=_alternatives(sent),
            timebox=bool(TIMEBOX.search(text)),
            targets=_targets(sent, sents[i - 1] if i else None, reader),
            request_verbs=_request_verbs(sent),
        ))
    return tuple(asks)


def is_catch_up(ask: Ask) -> bool:
    return bool(CATCH_UP.search(ask.text)) and ask.kind in ("meeting", "other")
