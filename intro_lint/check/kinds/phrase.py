"""Kind `phrase`: flag each match of the rule's phrases (case-insensitive, whole words)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from intro_lint.analyse.screen import Screened
from intro_lint.check.kinds.hit import Hit


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[str, ...]) -> Screened:
    return Screened(re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE))


def validate_params(params: dict[str, Any]) -> None:
    phrases = params.get("phrases")
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ValueError("field params.phrases: must be a non-empty list of non-empty strings")
    unknown = set(params) - {"phrases"}
    if unknown:
        raise ValueError(f"field params.{sorted(unknown)[0]}: unknown parameter for kind 'phrase' (allowed: phrases)")


def check(analysis, params: dict[str, Any]) -> list[Hit]:
    start, end = analysis.layout.core
    text = analysis.text[start:end]
    return [
        Hit(start + m.start(), start + m.end(), (f"matched '{m.group()}'",), {"match": m.group()})
        for m in _pattern(tuple(params["phrases"])).finditer(text)
    ]
