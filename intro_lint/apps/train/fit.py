"""Fit the passage heads, stack their maxima into the message heads, pick precise thresholds."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np

from intro_lint.analyse.judge.judgment import combined, head_maxima
from intro_lint.analyse.judge.linear import Linear
from intro_lint.analyse.judge.passages import FLAGS
from intro_lint.analyse.judge.store import Model
from intro_lint.apps.train.config import TrainConfig
from intro_lint.apps.train.data import Rows
from intro_lint.errors import ConfigError
from intro_lint.report.agreement import kappa


def sklearn():
    """scikit-learn's pieces; only training needs them (pip install 'intro-lint[train]')."""
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedGroupKFold
    except ImportError:
        raise ConfigError("training needs scikit-learn: pip install 'intro-lint[train]'") from None
    return csr_matrix, hstack, LogisticRegression, StratifiedGroupKFold


def grouped_folds(rows: Rows, idx: np.ndarray, k: int, seed: int) -> Iterator[tuple]:
    """Folds of `idx` grouped by source (a page's records together), stratified by verdict."""
    *_, folds = sklearn()
    k = min(k, len(set(rows.groups[idx])))
    cv = folds(n_splits=k, shuffle=True, random_state=seed)
    for tr, te in cv.split(idx, rows.verdicts[idx], rows.groups[idx]):
        yield idx[tr], idx[te]


def vocabulary(texts: Sequence[Sequence[str]], min_df: int) -> tuple[dict[str, int], np.ndarray]:
    """Terms in at least min_df texts, sorted; smoothed idf as scikit-learn's TfidfVectorizer."""
    df = Counter(t for text in texts for t in set(text))
    kept = sorted(t for t, c in df.items() if c >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept])
    return {t: i for i, t in enumerate(kept)}, idf


def design(lin: Linear, terms: Sequence[Sequence[str]], numbers: np.ndarray):
    """The sparse matrix the heads see: tf-idf columns, then the scaled numbers."""
    csr, hstack, *_ = sklearn()
    data, cols, ptr = [], [], [0]
    for row in terms:
        idx, val = lin.terms_row(row)
        cols.extend(idx.tolist())
        data.extend(val.tolist())
        ptr.append(len(cols))
    words = csr((data, cols, ptr), shape=(len(terms), len(lin.vocab)))
    return hstack([words, csr(lin.scaled(numbers))]).tocsr()


def fit_linear(
    heads: tuple[str, ...],
    terms: Sequence[Sequence[str]],
    numbers: np.ndarray,
    names: tuple[str, ...],
    y: np.ndarray,
    cfg: TrainConfig,
) -> Linear:
    """One logistic regression per column of y (balanced classes), sharing one vocabulary."""
    *_, logistic, _ = sklearn()
    vocab, idf = vocabulary(terms, cfg.min_df)
    mean = numbers.mean(axis=0) if len(numbers) else np.zeros(len(names))
    scale = numbers.std(axis=0) if len(numbers) else np.ones(len(names))
    scale = np.where(scale > 0, scale, 1.0)
    width = len(vocab) + len(names)
    shell = Linear(heads, vocab, idf, names, mean, scale, np.zeros((0, width)), np.zeros(0))
    x = design(shell, terms, numbers)
    coef, intercept = np.zeros((len(heads), width)), np.zeros(len(heads))
    for j in range(len(heads)):
        col = y[:, j]
        if col.min() == col.max():  # a constant label: a head that always says so
            intercept[j] = 20.0 if col[0] else -20.0
            continue
        lr = logistic(C=cfg.c, class_weight="balanced", solver="liblinear", random_state=cfg.seed)
        lr.fit(x, col)
        coef[j], intercept[j] = lr.coef_[0], lr.intercept_[0]
    return Linear(heads, vocab, idf, names, mean, scale, coef, intercept)


def fit_passages(rows: Rows, idx: np.ndarray, cfg: TrainConfig) -> Linear:
    """The passage heads, from the annotated messages among idx."""
    keep = [i for i in idx if rows.annotated[i]]
    units = [p for i in keep for p in rows.passages[i]]
    y = np.vstack([rows.passage_y[i] for i in keep])
    flags = np.array([p.flags for p in units])
    return fit_linear(rows.passage_heads, [p.terms for p in units], flags, FLAGS, y, cfg)


def maxima(rows: Rows, idx: np.ndarray, heads: Linear) -> list[dict[str, float]]:
    out = []
    for i in idx:
        units = rows.passages[i]
        pp = (
            heads.predict([p.terms for p in units], np.array([p.flags for p in units]))
            if units
            else np.zeros((0, len(heads.heads)))
        )
        out.append(head_maxima(pp, heads.heads))
    return out


def stacked_maxima(rows: Rows, idx: np.ndarray, cfg: TrainConfig) -> dict[int, dict[str, float]]:
    """Each training message's head maxima from passage heads that never saw its page."""
    out: dict[int, dict[str, float]] = {}
    for tr, va in grouped_folds(rows, idx, cfg.inner_folds, cfg.seed):
        heads = fit_passages(rows, tr, cfg)
        out.update(zip(va.tolist(), maxima(rows, va, heads), strict=True))
    return out


def number_names(rows: Rows) -> tuple[str, ...]:
    zeros = {f"max:{h}": 0.0 for h in rows.passage_heads}
    return tuple(combined(rows.numbers[0], zeros))


def numbers_of(rows: Rows, idx, extra: dict[int, dict[str, float]], names) -> np.ndarray:
    values = (combined(rows.numbers[i], extra[i]) for i in idx)
    return np.array([[v[n] for n in names] for v in values])


def fit_messages(rows: Rows, idx: np.ndarray, extra, cfg: TrainConfig) -> Linear:
    names = number_names(rows)
    numbers = numbers_of(rows, idx, extra, names)
    terms = [rows.terms[i] for i in idx]
    return fit_linear(rows.rules, terms, numbers, names, rows.y[idx], cfg)


def pick_threshold(y: np.ndarray, p: np.ndarray, min_precision: float) -> float:
    """The threshold of best kappa among those with precision >= min_precision (else best kappa)."""
    best, fallback = None, None
    for t in np.unique(p):
        pred = p >= t
        tp, fp, fn = int(np.sum(y & pred)), int(np.sum(~y & pred)), int(np.sum(y & ~pred))
        cand = (kappa(tp, fp, fn, len(y)), float(t))
        fallback = max(fallback or cand, cand)
        if tp and tp / (tp + fp) >= min_precision:
            best = max(best or cand, cand)
    return round((best or fallback or (0.0, 0.5))[1], 4)


def thresholds(rows: Rows, idx: np.ndarray, extra, cfg: TrainConfig) -> dict[str, float]:
    """Per rule, from message heads' out-of-fold probabilities inside idx (never a test fold)."""
    oof = np.zeros((rows.n, len(rows.rules)))
    names = number_names(rows)
    for tr, va in grouped_folds(rows, idx, cfg.inner_folds, cfg.seed):
        heads = fit_messages(rows, tr, extra, cfg)
        oof[va] = heads.predict([rows.terms[i] for i in va], numbers_of(rows, va, extra, names))
    return {
        r: pick_threshold(rows.y[idx, j], oof[idx, j], cfg.min_precision)
        for j, r in enumerate(rows.rules)
    }


def fit_model(rows: Rows, idx: np.ndarray, cfg: TrainConfig, info: dict | None = None) -> Model:
    """The whole model from the messages idx: passage heads, stacked message heads, thresholds."""
    extra = stacked_maxima(rows, idx, cfg)
    passage = fit_passages(rows, idx, cfg)
    message = fit_messages(rows, idx, extra, cfg)
    return Model(passage, message, thresholds(rows, idx, extra, cfg), info or {})
