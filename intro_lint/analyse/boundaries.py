"""Email-aware sentence boundaries: greeting and sign-off lines end sentences, brackets do not."""

from __future__ import annotations

NAME = "intro_lint_boundaries"
BULLETS = {"-", "*", "•", "–"}
ENDERS = set(".,!?:;")
ABBREVIATIONS = {
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
    "prof.",
    "st.",
    "jr.",
    "sr.",
    "vs.",
    "etc.",
    "e.g.",
    "i.e.",
    "inc.",
    "co.",
    "ltd.",
    "no.",
    "approx.",
    "dept.",
    "mt.",
}
SHORT_LINE = 6  # tokens: a line this short (a greeting, a name) ends its sentence


TENSOR_NAME = "intro_lint_drop_tensor"

# spaCy and numpy are imported inside the functions below, which run once the pipeline loads: this
# module is imported with the rest of the package (`intro-lint --help` too), and they cost ~0.5 s.


def register_drop_tensor() -> str:
    """Register the component that empties doc.tensor: no rule reads it; workers ship it."""
    from spacy.language import Language

    if not Language.has_factory(TENSOR_NAME):
        Language.component(TENSOR_NAME, func=drop_tensor)
    return TENSOR_NAME


def drop_tensor(doc):
    """The component itself: an empty tensor in place of the one the tagger left."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def register() -> str:
    """Register the component with spaCy once and return its name."""
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.component(NAME, func=mark_boundaries)
    return NAME


def _line_break_before(toks, i: int, line_len: int) -> bool:
    prev = toks[i - 1]
    text = prev.text if prev.is_space else prev.whitespace_
    if "\n" not in text:
        return False
    if text.count("\n") > 1 or toks[i].text in BULLETS:
        return True
    before = toks[i - 2] if prev.is_space and i >= 2 else prev
    return before.text[-1:] in ENDERS or line_len <= SHORT_LINE


def _glued_full_stop(toks, i: int) -> bool:
    """'over $500K. Could you' - the tokenizer keeps the stop on '500K.', so the parser misses the
    break."""
    prev, tok = toks[i - 1], toks[i]
    return (
        len(prev.text) > 2
        and prev.text.endswith(".")
        and prev.lower_ not in ABBREVIATIONS
        and prev.whitespace_ == " "
        and tok.text[:1].isupper()
    )


def mark_boundaries(doc):
    depth, line_len = 0, 0
    toks = list(doc)  # one Token object per token; doc[i] makes a new one on every access
    for i in range(1, len(toks)):
        tok, prev = toks[i], toks[i - 1]
        line_len += 1
        if _line_break_before(toks, i, line_len) or _glued_full_stop(toks, i):
            tok.is_sent_start = True
            line_len = 0
        elif depth > 0 or prev.is_space:
            tok.is_sent_start = False
        if "\n" in prev.whitespace_ or prev.is_space:
            line_len = 0
        if tok.text in "([":
            depth += 1
        elif tok.text in ")]":
            depth = max(0, depth - 1)
    return doc
