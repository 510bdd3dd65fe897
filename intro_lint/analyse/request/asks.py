"""Find the request clauses of a draft and describe how specific each one is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intro_lint.analyse.request import lexicon as lx
from intro_lint.analyse.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODALS = {"could", "would", "can", "will", "might", "may", "should", "mind"}
SUBJECTS = {"you", "i", "we", "it", "there"}
NOT_IMPERATIVE = {
    "hope",
    "thank",
    "thanks",
    "enjoy",
    "have",
    "take",
    "feel",
    "be",
    "say",
    "excuse",
    "wish",
    "remember",
    "congratulate",
    "welcome",
    "see",
    "stay",
    "note",
    "apologize",
    "apologise",
    "forgive",
    "pardon",
    "finish",
    "look",
    "love",
    "miss",
    "saw",
    "hear",
    "sorry",
    "cheer",
    "guess",
    "imagine",
    "turn",
}
SKIP_WORDS = {
    "so",
    "anyway",
    "and",
    "please",
    "also",
    "just",
    "then",
    "but",
    "oh",
    "ok",
    "okay",
    "well",
    "now",
    "actually",
}
FAVOURS = {
    "read",
    "review",
    "give",
    "get",
    "introduce",
    "connect",
    "send",
    "forward",
    "share",
    "refer",
    "recommend",
    "look",
    "edit",
    "help",
    "find",
    "put",
    "pass",
    "write",
    "make",
    "check",
}
SUBORDINATE = {"aux", "xcomp", "advcl", "relcl", "acl", "pcomp", "amod"}
CLAUSES = {
    "ccomp",
    "advcl",
    "relcl",
    "acl",
    "csubj",
    "pcomp",
}  # alternatives inside these are content, not asks
MEETING_FORMS = {
    "coffee",
    "call",
    "chat",
    "zoom",
    "phone",
    "lunch",
    "drink",
    "drinks",
    "video",
    "meeting",
    "tea",
}


@dataclass(frozen=True)
class Ask:
    start: int
    end: int
    text: str
    why: str  # which pattern made it an ask
    kind: str  # reference | referral | intro | leads | review | meeting | info | other
    open_markers: tuple[str, ...]
    brain_pick: bool
    alternatives: int  # separate requests joined by "or"
    timebox: bool
    targets: tuple[str, ...]  # PERSON/ORG named in or just before the ask
    request_verbs: int  # how many distinct favours one clause stacks

    @property
    def open_ended(self) -> bool:
        return bool(self.open_markers) or self.brain_pick or self.alternatives >= 2


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _inverted_modal(sent: Span) -> str | None:
    """'Could you ...', 'Would it be possible ...', 'Might I ...': a modal before its subject."""
    for tok in sent:
        if tok.lower_ in MODALS and tok.dep_ in ("aux", "ROOT", "auxpass"):
            head = tok if tok.dep_ == "ROOT" else tok.head
            subj = _subject(head)
            if subj is not None and subj.lower_ in SUBJECTS and subj.i > tok.i:
                return f"question ('{tok.text} {subj.text} ...')"
    return None


def _why_question(sent: Sentence) -> str | None:
    text = sent.text.strip()
    if "?" not in text:
        return None
    if lx.WELLBEING_Q.search(text):
        return None
    if lx.ASKING_Q.search(text):
        return "question asking the reader for something"
    return _inverted_modal(sent.span)


def _first_word(sent: Span, names: set[str]) -> Token | None:
    for tok in sent:
        if tok.is_space or tok.is_punct or tok.lower_ in SKIP_WORDS or tok.text in names:
            continue
        return tok
    return None


def _why_imperative(sent: Sentence, names: set[str]) -> str | None:
    first = _first_word(sent.span, names)
    if first is None or first.tag_ != "VB" or _subject(first) is not None:
        return None
    if first.lemma_.lower() in NOT_IMPERATIVE and not lx.PLEASE_FIND.search(sent.text):
        return None
    if any(c.lower_ in ("n't", "not", "never") for c in first.children):
        return None
    if lx.COURTESY.search(sent.text):
        return None
    return f"imperative ('{first.text} ...')"


def why_ask(sent: Sentence, names: set[str]) -> str | None:
    text = sent.text
    if lx.COURTESY.search(text) or lx.OFFER_SENTENCE.search(text):
        return None
    want = lx.WANT.search(text)
    if (
        want
        and not lx.ONLY_INTEREST.search(text)
        and not lx.NOT_A_WANT.search(text[want.start() :])
    ):
        return "statement of what the writer wants"
    if lx.CONDITIONAL_ASK.search(text):
        return "conditional request ('if you hear of / know ...')"
    if lx.WOULD_HELP.search(text):
        return "request phrased as 'any ... would help'"
    if lx.NEED_YOU.search(text):
        return "the writer tells the reader what they need done"
    return _why_question(sent) or _why_imperative(sent, names)


def ask_kind(text: str) -> str:
    for kind, rx in lx.ASK_KINDS:
        if rx.search(text):
            return kind
    return "other"


def _alternatives(sent: Span) -> int:
    """Separate requests joined by 'or' (not 'a coffee or a call', which is one request)."""
    n = 0
    for cc in (
        t
        for t in sent
        if t.lower_ == "or"
        and t.dep_ == "cc"
        and "-" not in (t.nbor(-1).text if t.i > sent.start else "")
    ):
        head = cc.head
        forms = {
            head.lemma_.lower(),
            *(c.lemma_.lower() for c in head.children if c.dep_ == "conj"),
        }
        if forms & MEETING_FORMS or any(t.dep_ in CLAUSES for t in [head, *head.ancestors]):
            continue
        if head.pos_ in ("VERB", "NOUN", "PROPN", "AUX") or head.lower_ in ("anything", "anyone"):
            n += 1 + sum(1 for c in head.children if c.dep_ == "conj")
    return n


def _request_verbs(sent: Span) -> int:
    """How many separate favours one clause stacks up ('read X, give me Y and get me Z')."""
    return len(
        {
            t.lemma_
            for t in sent
            if t.pos_ == "VERB" and t.lemma_ in FAVOURS and t.dep_ not in SUBORDINATE
        }
    )


def _writer_acts_on(sent: Span, offset: int) -> bool:
    """'Before I connect anyone': the writer, not the reader, acts on the open set."""
    tok = next((t for t in sent if t.idx - sent.start_char >= offset), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.lemma_ in lx.WANT_VERBS:
        return False
    subj = _subject(tok)
    return subj is not None and subj.lower_ in ("i", "we")


def open_markers(sent: Sentence, timebox: bool) -> tuple[str, ...]:
    text = sent.text
    hard = [
        m.group()
        for m in lx.OPEN_HARD.finditer(text)
        if " you" in m.group().lower() or not _writer_acts_on(sent.span, m.start())
    ]
    soft = [] if timebox else [m.group() for m in lx.OPEN_SOFT.finditer(text)]
    return tuple(hard + soft)


def _targets(sent: Sentence, prev: Sentence | None, reader: str | None) -> tuple[str, ...]:
    names = [sent.part(e) for e in sent.span.ents if e.label_ in ("PERSON", "ORG")]
    if prev is not None and any(t.lower_ in ("her", "him", "them", "there") for t in sent.span):
        names += [prev.part(e) for e in prev.span.ents if e.label_ in ("PERSON", "ORG")]
    skip = (reader or "").lower()
    return tuple(n for n in names if not skip or (n.lower() not in skip and skip not in n.lower()))


def make_ask(sent: Sentence, why: str, prev: Sentence | None, reader: str | None) -> Ask:
    full = sent.text
    text = full.strip()
    timebox = bool(lx.TIMEBOX.search(text))
    return Ask(
        start=sent.start,
        end=sent.start + len(full.rstrip()),
        text=text,
        why=why,
        kind=ask_kind(text),
        open_markers=open_markers(sent, timebox),
        brain_pick=bool(lx.BRAIN_PICK.search(text)),
        alternatives=_alternatives(sent.span),
        timebox=timebox,
        targets=_targets(sent, prev, reader),
        request_verbs=_request_verbs(sent.span),
    )


def find_asks(sents: tuple[Sentence, ...], reader: str | None) -> tuple[Ask, ...]:
    """The sentences that ask the reader for something, as Asks with offsets into Message.text."""
    names = {reader} if reader else set()
    asks = []
    for i, sent in enumerate(sents):
        why = why_ask(sent, names)
        if why:
            asks.append(make_ask(sent, why, sents[i - 1] if i else None, reader))
    return tuple(asks)


def is_catch_up(ask: Ask) -> bool:
    return bool(lx.CATCH_UP.search(ask.text)) and ask.kind in ("meeting", "other")
