"""Analyse a Message once: one spaCy Doc, the intro-request model and textstat metrics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import textstat

from intro_lint.analyse.request.asks import Ask, find_asks
from intro_lint.analyse.request.blurb import Blurb, find_blurb
from intro_lint.analyse.request.focus import Focus, clause_focus
from intro_lint.analyse.request.gaps import Gap, find_gaps
from intro_lint.analyse.request.gives import Give, find_gives
from intro_lint.analyse.request.layout import Layout, analyse_layout
from intro_lint.analyse.request.materials import Materials, find_materials
from intro_lint.analyse.request.parties import Parties, find_parties
from intro_lint.analyse.spantext import remember, text_of
from intro_lint.model import Message

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

NAME_IN_HEADER = re.compile(r'^\s*"?([^"<@]+?)"?\s*<')


@dataclass(frozen=True)
class Analysis:
    message: Message
    text: str  # Message.text with suppressions blanked; what every detector reads
    doc: "Doc"
    base: int  # Doc character 0 is Message.text[base]
    sents: tuple["Span", ...]  # the sentences between greeting and sign-off
    layout: Layout
    asks: tuple[Ask, ...]
    gives: tuple[Give, ...]
    gaps: tuple[Gap, ...]
    parties: Parties
    materials: Materials
    blurb: Blurb | None
    focus: Focus
    metrics: dict[str, float]

    @property
    def core_text(self) -> str:
        start, end = self.layout.core
        return self.text[start:end]


def blanked_text(message: Message) -> str:
    """Message.text with suppression comments and an in-body signature blanked (offsets unchanged)."""
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
    return blanked_text(message)[message.body.start:message.body.end]


def header_name(value: str | None) -> str | None:
    m = NAME_IN_HEADER.match(value or "")
    return m.group(1).split()[0] if m else None


def _vocative(doc: "Doc", base: int, layout: Layout) -> str | None:
    """'Nadia please ...', '..., Tomasz, so ...': a name that opens the draft or stands between commas."""
    if layout.greeting is not None:
        return None
    core = [t for t in doc if layout.core[0] <= base + t.idx < layout.core[1] and not t.is_space]
    for i, tok in enumerate(core[:25]):
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        before = core[i - 1].text if i else ""
        after = core[i + 1].text if i + 1 < len(core) else ""
        if (i == 0 and after.lower() in {",", "please", "!", "-"}) or (before == "," and after in {",", "!", "?", "."}):
            return tok.text
    return None


def _core_sents(sents: list["Span"], base: int, core: tuple[int, int]) -> tuple["Span", ...]:
    """The non-blank sentences (as given) that overlap the core, between greeting and sign-off."""
    out = []
    for sent in sents:
        start = base + sent.start_char
        end = base + sent.end_char
        if end > core[0] + 2 and start < core[1] - 1:
            out.append(sent)
    return tuple(out)


def _metrics(text: str, focus: Focus, n_sents: int) -> dict[str, float]:
    words = textstat.lexicon_count(text) if text.strip() else 0
    return {
        "words": float(words),
        "sentences": float(n_sents),
        "words_per_sentence": round(words / n_sents, 1) if n_sents else 0.0,
        # syllable-free indices: no dictionary to load, so nothing slow on the first call
        "readability_grade": round(textstat.automated_readability_index(text), 1) if words else 0.0,
        "coleman_liau": round(textstat.coleman_liau_index(text), 1) if words else 0.0,
        "self_focus": round(focus.self_share, 2),
    }


def analyse(message: Message, doc: "Doc") -> Analysis:
    """Build the intro-request model from a Doc of analysable_text(message)."""
    text, base = blanked_text(message), message.body.start
    layout = analyse_layout(text, message.body.start, message.body.end)
    remember(doc, text[base:message.body.end])  # the text analysable_text gave spaCy
    every = [s for s in doc.sents if text_of(s).strip()]  # one pass over the sentence boundaries
    sents = _core_sents(every, base, layout.core)
    reader = (layout.greeting.name if layout.greeting else None) or _vocative(doc, base, layout) or header_name(message.headers.get("To"))
    sender = header_name(message.headers.get("From"))
    core_text = text[layout.core[0]:layout.core[1]]
    ents = [(text_of(e), e.label_) for e in doc.ents if layout.core[0] <= base + e.start_char < layout.core[1]]
    focus = clause_focus(sents)
    asks = tuple(
        a.__class__(**{**a.__dict__, "start": a.start + base, "end": a.end + base}) for a in find_asks(list(sents), reader)
    )
    return Analysis(
        message=message, text=text, doc=doc, base=base, sents=sents, layout=layout, asks=asks,
        gives=find_gives(every, base),
        gaps=find_gaps(text, message.body.start, message.body.end),
        parties=find_parties(f"{message.subject or ''}\n{core_text}", ents, reader, sender),
        materials=find_materials(text, message.body.start, message.body.end, tuple(a.filename for a in message.attachments)),
        blurb=find_blurb(text, layout.core[0], layout.core[1], layout.paragraphs, reader),
        focus=focus,
        metrics=_metrics(core_text, focus, len(sents)),
    )
