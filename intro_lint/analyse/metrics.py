"""The draft's numbers: words, sentences, readability (textstat), how much is about the writer."""

from __future__ import annotations

import textstat

from intro_lint.analyse.request.focus import Focus

METRICS = (
    "words",
    "sentences",
    "words_per_sentence",
    "readability_grade",
    "coleman_liau",
    "self_focus",
)


def metrics(text: str, focus: Focus, n_sents: int) -> dict[str, float]:
    """The metrics of the text between greeting and sign-off, keyed as in METRICS."""
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
