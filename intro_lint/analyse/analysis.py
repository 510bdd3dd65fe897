"""Analyse a Message once: one spaCy Doc, the intro-request model and textstat metrics."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from intro_lint.analyse.judge.judgment import judge
from intro_lint.analyse.metrics import metrics
from intro_lint.analyse.request.asks import Ask, find_asks
from intro_lint.analyse.request.blurb import Blurb, find_blurb
from intro_lint.analyse.request.focus import Focus, clause_focus
from intro_lint.analyse.request.gaps import Gap, find_gaps
from intro_lint.analyse.request.gives import Give, find_gives
from intro_lint.analyse.request.layout import Layout, analyse_layout
from intro_lint.analyse.request.materials import Materials, find_materials
from intro_lint.analyse.request.parties import Parties, find_parties
from intro_lint.analyse.sentences import Sentence, sentences
from intro_lint.model import Message
from intro_lint.read.mail import header_name

if TYPE_CHECKING:  # spaCy is imported where the pipeline loads (pipeline.py), not here
    from spacy.tokens import Doc

    from intro_lint.analyse.judge.judgment import Judgment
    from intro_lint.analyse.judge.store import Model

# Every offset in an Analysis (and in everything it holds) points into Message.text; `text` is
# that text with suppressions blanked, so the offsets are the same.


@dataclass(frozen=True)
class Analysis:
    message: Message
    text: str  # Message.text with suppressions blanked; what every detector reads
    doc: Doc  # the parse of analysable_text(message)
    sents: tuple[Sentence, ...]  # the sentences between greeting and sign-off
    layout: Layout
    asks: tuple[Ask, ...]
    gives: tuple[Give, ...]
    gaps: tuple[Gap, ...]
    parties: Parties
    materials: Materials
    blurb: Blurb | None
    focus: Focus
    metrics: dict[str, float]
    judgment: Judgment | None = None  # the learned heads' view (judge/), when a model is loaded

    @property
    def core_text(self) -> str:
        start, end = self.layout.core
        return self.text[start:end]


def blanked_text(message: Message) -> str:
    """Message.text, suppression comments and an in-body signature blanked (offsets unchanged)."""
    text = message.text
    spans = [sup.span for sup in message.suppressions]
    if message.signature and message.body.start <= message.signature.start < message.body.end:
        spans.append(message.signature)  # a signature above a forwarded block sits inside the body
    for span in spans:
        s, e = span.start, min(span.end, len(text))
        if 0 <= s < e:
            text = text[:s] + "".join(c if c == "\n" else " " for c in text[s:e]) + text[e:]
    return text


def analysable_text(message: Message) -> str:
    """The newest message's text, blanked as above: the text spaCy parses."""
    return blanked_text(message)[message.body.start : message.body.end]


def _vocative(doc: Doc, base: int, layout: Layout) -> str | None:
    """'Nadia please ...', '..., Tomasz, so ...': a name opening the draft or between commas."""
    if layout.greeting is not None:
        return None
    core = [t for t in doc if layout.core[0] <= base + t.idx < layout.core[1] and not t.is_space]
    for i, tok in enumerate(core[:25]):
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        before = core[i - 1].text if i else ""
        after = core[i + 1].text if i + 1 < len(core) else ""
        opens = i == 0 and after.lower() in {",", "please", "!", "-"}
        if opens or (before == "," and after in {",", "!", "?", "."}):
            return tok.text
    return None


def _core(sents: tuple[Sentence, ...], core: tuple[int, int]) -> tuple[Sentence, ...]:
    """The sentences that overlap the core, between greeting and sign-off."""
    return tuple(s for s in sents if s.end > core[0] + 2 and s.start < core[1] - 1)


def _entities(doc: Doc, parsed: str, base: int, core: tuple[int, int]) -> list[tuple[str, str]]:
    """(text, label) of the named entities that start inside the core."""
    return [
        (parsed[e.start_char : e.end_char], e.label_)
        for e in doc.ents
        if core[0] <= base + e.start_char < core[1]
    ]


def analyse(message: Message, doc: Doc, model: Model | None = None) -> Analysis:
    """Build the intro-request model from a Doc of analysable_text(message); judged if a model."""
    analysis = _analyse(message, doc)
    return replace(analysis, judgment=judge(analysis, model)) if model else analysis


def _analyse(message: Message, doc: Doc) -> Analysis:
    text, body = blanked_text(message), message.body
    parsed = text[body.start : body.end]  # what analysable_text gave spaCy
    layout = analyse_layout(text, body.start, body.end)
    every = sentences(doc, parsed, body.start)
    sents = _core(every, layout.core)
    greeted = layout.greeting.name if layout.greeting else None
    reader = greeted or _vocative(doc, body.start, layout) or header_name(message.headers.get("To"))
    sender = header_name(message.headers.get("From"))
    core_text = text[layout.core[0] : layout.core[1]]
    ents = _entities(doc, parsed, body.start, layout.core)
    focus = clause_focus(sents)
    attached = tuple(a.filename for a in message.attachments)
    return Analysis(
        message=message,
        text=text,
        doc=doc,
        sents=sents,
        layout=layout,
        asks=find_asks(sents, reader),
        gives=find_gives(every),
        gaps=find_gaps(text, body.start, body.end),
        parties=find_parties(f"{message.subject or ''}\n{core_text}", ents, reader, sender),
        materials=find_materials(text, body.start, body.end, attached),
        blurb=find_blurb(text, layout.core[0], layout.core[1], layout.paragraphs, reader),
        focus=focus,
        metrics=metrics(core_text, focus, len(sents)),
    )
