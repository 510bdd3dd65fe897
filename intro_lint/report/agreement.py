"""How far findings agree with labels: Cohen's kappa of a rule, AUC of the score."""

from __future__ import annotations

from collections.abc import Sequence


def kappa(tp: int, fp: int, fn: int, n: int) -> float:
    """Cohen's kappa of a rule against the labels over n messages (1.0 when both never vary)."""
    tn = n - tp - fp - fn
    if n <= 0:
        return 1.0
    po = (tp + tn) / n
    pe = ((tp + fn) * (tp + fp) + (tn + fp) * (tn + fn)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def auc(good: Sequence[float], bad: Sequence[float]) -> float | None:
    """The chance a good message scores above a bad one, ties counting half; None without both."""
    if not len(good) or not len(bad):
        return None
    wins = sum((g > b) + 0.5 * (g == b) for g in good for b in bad)
    return float(wins / (len(good) * len(bad)))
