"""The sentences of one parsed draft, each with its text and its offsets into Message.text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where the pipeline loads (pipeline.py), not here
    from spacy.tokens import Doc, Span, Token

# Every detector returns offsets into Message.text. A Doc is parsed from Message.text[base:...];
# a Sentence adds `base` once, and slices its text once from the string the Doc was parsed from
# (spaCy's Span.text rebuilds it token by token on every call).


@dataclass(frozen=True)
class Sentence:
    """A spaCy sentence, its text (= span.text) and where that text starts in Message.text."""

    span: Span
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def offset(self, token: Token) -> int:
        """Where a token of this sentence starts in the sentence's text."""
        return token.idx - self.span.start_char

    def part(self, span: Span) -> str:
        """The text of a span inside this sentence (an entity), sliced from the sentence's text."""
        first = self.span.start_char
        return self.text[span.start_char - first : span.end_char - first]


def sentences(doc: Doc, parsed: str, base: int) -> tuple[Sentence, ...]:
    """Non-blank sentences of `doc`, which spaCy parsed from `parsed` = Message.text[base:...]."""
    out = []
    for span in doc.sents:
        text = parsed[span.start_char : span.end_char]
        if text.strip():
            out.append(Sentence(span, text, base + span.start_char))
    return tuple(out)
