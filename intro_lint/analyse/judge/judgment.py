"""Score one Analysis with a trained Model: each passage per head, then each rule per message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from intro_lint.analyse.judge.features import message_features
from intro_lint.analyse.judge.passages import Passage, message_terms, passages

if TYPE_CHECKING:
    from intro_lint.analyse.analysis import Analysis
    from intro_lint.analyse.judge.store import Model


@dataclass(frozen=True)
class Judgment:
    """What the model made of one draft: P(rule) for the message, and which passages said so."""

    model: Model
    passages: tuple[Passage, ...]
    passage_p: np.ndarray  # (passages, passage heads)
    message_p: dict[str, float]  # per message head

    def top(self, head: str) -> tuple[Passage, float] | None:
        """The passage the head scored highest, and that score; None without passages or head."""
        heads = self.model.passage.heads
        if not self.passages or head not in heads:
            return None
        col = self.passage_p[:, heads.index(head)]
        i = int(np.argmax(col))
        return self.passages[i], float(col[i])


def head_maxima(passage_p: np.ndarray, heads: tuple[str, ...]) -> dict[str, float]:
    """The highest passage score per head (0 for a draft with no passages)."""
    top = passage_p.max(axis=0) if len(passage_p) else np.zeros(len(heads))
    return {f"max:{h}": float(v) for h, v in zip(heads, top, strict=True)}


# The labels are conjunctions ("asks AND gives nothing", "asks for a job intro AND links no
# resume"); a linear head cannot form an AND from its parts, so the parts' products are columns.
PRODUCTS = {
    "ask-no-give": ("max:ask", "-max:give"),
    "ask-no-materials": ("max:ask", "-materials-present"),
    "no-attachment-no-materials": ("max:no-attachment", "-materials-present"),
    "forward-no-note": ("max:not-forwardable", "-note-self-contained"),
    "gap-and-ask": ("max:long-silence", "max:ask"),
    "gap-and-ask-nothing-first": ("gap-and-ask", "-give-before-ask"),
    "purpose-no-materials": ("purpose-any", "-materials-present"),
}


def _part(values: dict[str, float], name: str) -> float:
    return 1.0 - values.get(name[1:], 0.0) if name.startswith("-") else values.get(name, 0.0)


def combined(features: dict[str, float], maxima: dict[str, float]) -> dict[str, float]:
    """The message heads' numbers: the detectors' facts, the passage maxima and their products."""
    values = {**features, **maxima}
    values["purpose-any"] = min(
        1.0, sum(v for k, v in features.items() if k.startswith("purpose-"))
    )
    values["materials-present"] = min(1.0, values.get("materials-present", 0.0))
    for name, (x, y) in PRODUCTS.items():
        values[name] = _part(values, x) * _part(values, y)
    return values


def message_numbers(a: Analysis, maxima: dict[str, float], names: tuple[str, ...]) -> np.ndarray:
    values = combined(message_features(a), maxima)
    return np.array([[values.get(n, 0.0) for n in names]])


def judge(a: Analysis, model: Model) -> Judgment:
    """Both layers of heads over one parse; nothing is parsed again."""
    units = passages(a)
    if units:
        flags = np.array([p.flags for p in units])
        pp = model.passage.predict([p.terms for p in units], flags)
    else:
        pp = np.zeros((0, len(model.passage.heads)))
    maxima = head_maxima(pp, model.passage.heads)
    numbers = message_numbers(a, maxima, model.message.numbers)
    mp = model.message.predict([message_terms(a)], numbers)[0]
    return Judgment(model, units, pp, dict(zip(model.message.heads, map(float, mp), strict=True)))
