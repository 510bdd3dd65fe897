"""A span's text sliced out of its doc's text (Span.text and Doc.text rebuild it token by token on every call)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_last: tuple = (None, "")  # the doc read last and its text; replaced whole, so a thread never sees half of it


def remember(doc: "Doc", text: str) -> None:
    """Record the text `doc` was parsed from (spaCy keeps it verbatim), so doc.text is never rebuilt."""
    global _last
    _last = (doc, text)


def doc_text(doc: "Doc") -> str:
    """doc.text, built once per doc (a draft's detectors read the same doc many times in a row)."""
    global _last
    last = _last
    if last[0] is doc:
        return last[1]
    text = doc.text
    _last = (doc, text)
    return text


def text_of(span: "Span") -> str:
    """Equal to span.text: from the first token's start to the last token's end, no trailing space."""
    return doc_text(span.doc)[span.start_char:span.end_char]
