"""What every kind returns: hits with a span, evidence and data for fix templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    evidence: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None  # a learned decision's probability (None: a written rule)
