"""A set of logistic heads over tf-idf terms plus named numbers: numpy only, no scikit-learn."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Linear:
    """Heads sharing one vocabulary: P(head) = sigmoid(w . [tfidf(terms), scaled numbers] + b)."""

    heads: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray  # (V,)
    numbers: tuple[str, ...]  # names of the dense columns, after the V term columns
    mean: np.ndarray  # (D,)
    scale: np.ndarray  # (D,)
    coef: np.ndarray  # (H, V + D)
    intercept: np.ndarray  # (H,)

    def terms_row(self, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and l2-normalised sublinear tf-idf values of one text's known terms."""
        counts = Counter(t for t in terms if t in self.vocab)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter((self.vocab[t] for t in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), float, len(counts))
        val = tf * self.idf[idx]
        return idx, val / np.linalg.norm(val)

    def scaled(self, numbers: np.ndarray) -> np.ndarray:
        return (numbers - self.mean) / self.scale

    def predict(self, terms: Sequence[Sequence[str]], numbers: np.ndarray) -> np.ndarray:
        """P(head) for each row: (N, H)."""
        v = len(self.vocab)
        z = self.scaled(numbers) @ self.coef[:, v:].T + self.intercept
        for i, row in enumerate(terms):
            idx, val = self.terms_row(row)
            z[i] += self.coef[:, idx] @ val
        return 1.0 / (1.0 + np.exp(-z))
