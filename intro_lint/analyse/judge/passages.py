"""The passages a learned head scores: the greeting line and each core sentence, with its terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from intro_lint.analyse.analysis import Analysis

# Terms are what the heads read: lower-cased words (verbs and nouns as lemmas) and their bigrams,
# with names, numbers, addresses and links folded into one term each, so that a head learns
# "thanks <name>" rather than one writer's friend. Punctuation is dropped except "?".
FLAGS = ("ask", "open-ask", "give", "gap", "position", "first", "last", "greeting")


@dataclass(frozen=True)
class Passage:
    """A span of Message.text, its terms and what the detectors found in it."""

    start: int
    end: int
    text: str
    terms: tuple[str, ...]
    flags: tuple[float, ...]  # one value per FLAGS name


def term(tok: Token) -> str | None:
    if tok.is_space or (tok.is_punct and tok.text != "?"):
        return None
    if tok.like_url:
        return "<url>"
    if tok.like_email:
        return "<email>"
    if tok.like_num:
        return "<num>"
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return "<name>"
    return tok.lemma_.lower() if tok.pos_ in ("VERB", "AUX", "NOUN") else tok.lower_


def terms(tokens) -> tuple[str, ...]:
    """Unigrams and bigrams of the tokens' terms."""
    words = [w for w in map(term, tokens) if w]
    return (*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False)))


def _tokens(a: Analysis, start: int, end: int):
    base = a.message.body.start
    return [t for t in a.doc if start <= base + t.idx < end]


def _overlaps(start: int, end: int, spans) -> float:
    return float(any(s < end and start < e for s, e in spans))


def passages(a: Analysis) -> tuple[Passage, ...]:
    """The greeting line (if any), then every sentence between greeting and sign-off."""
    asks = [(x.start, x.end) for x in a.asks]
    found = (
        asks,
        [(x.start, x.end) for x in a.asks if x.open_ended],
        [(x.start, x.end) for x in a.gives],
        [(x.start, x.end) for x in a.gaps],
    )
    n, out = len(a.sents), []
    g = a.layout.greeting
    if g is not None:
        text = a.text[g.start : g.end]
        toks = _tokens(a, g.start, g.end)
        out.append(Passage(g.start, g.end, text, terms(toks), (0.0,) * 4 + (0.0, 1.0, 0.0, 1.0)))
    for i, s in enumerate(a.sents):
        place = (i / max(n - 1, 1), float(i == 0), float(i == n - 1), 0.0)
        flags = tuple(_overlaps(s.start, s.end, f) for f in found) + place
        out.append(Passage(s.start, s.end, s.text, terms(s.span), flags))
    return tuple(out)


def message_terms(a: Analysis) -> tuple[str, ...]:
    """The terms of the whole parsed body (greeting, sentences, sign-off)."""
    return terms(a.doc)
