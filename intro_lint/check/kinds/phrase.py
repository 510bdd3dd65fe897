"""Kind `phrase`: flag each match of the rule's phrases (case-insensitive, whole words)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from intro_lint.analyse.analysis import Analysis
from intro_lint.analyse.screen import Screened
from intro_lint.check.kinds import params
from intro_lint.check.kinds.hit import Hit
from intro_lint.check.signals import Signals


def _phrases(value: Any) -> Any:
    words = value if isinstance(value, list) else []
    if not words or not all(isinstance(p, str) and p.strip() for p in words):
        raise ValueError("must be a non-empty list of non-empty strings")
    return value


class Params(params.Params):
    kind: Literal["phrase"] = "phrase"
    phrases: Annotated[list[str], BeforeValidator(_phrases)]  # plain words, matched as written


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[str, ...]) -> Screened:
    alternatives = "|".join(re.escape(p) for p in phrases)
    return Screened(re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE))


def check(analysis: Analysis, p: Params, signals: Signals) -> list[Hit]:
    start, end = analysis.layout.core
    text = analysis.text[start:end]
    return [
        Hit(start + m.start(), start + m.end(), (f"matched '{m.group()}'",), {"match": m.group()})
        for m in _pattern(tuple(p.phrases)).finditer(text)
    ]
