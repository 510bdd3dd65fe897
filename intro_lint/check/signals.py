"""What a batch knows about one draft that the draft alone cannot show: an input of the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signals:
    """One draft's batch signals; empty (NO_SIGNALS) when the draft is linted on its own."""

    near_copies: tuple[str, ...] = ()  # ids of the other drafts sent from the same template
    similarity: float = 0.0  # the lowest similarity inside that group of near-copies, 0..1


NO_SIGNALS = Signals()
