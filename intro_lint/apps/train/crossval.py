"""Grouped cross-validation of the whole product: fit on k-1 folds, lint the held-out fold."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from intro_lint.analyse.judge.judgment import judge
from intro_lint.apps.train.config import TrainConfig
from intro_lint.apps.train.data import Rows
from intro_lint.apps.train.fit import fit_model, grouped_folds
from intro_lint.check.catalogue import RuleSpec
from intro_lint.check.engine import run
from intro_lint.report.agreement import auc, kappa
from intro_lint.score import score


def rule_row(y: np.ndarray, pred: np.ndarray) -> dict:
    tp, fp, fn = int(np.sum(y & pred)), int(np.sum(~y & pred)), int(np.sum(y & ~pred))
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    k = kappa(tp, fp, fn, len(y))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "kappa": k}


def summary(rows: Rows, pred: np.ndarray, scores: np.ndarray, idx: np.ndarray) -> dict:
    """The numbers corpus_eval.py reports, over the messages idx."""
    good, bad = rows.verdicts[idx] == "good", rows.verdicts[idx] == "bad"
    return {
        "messages": int(len(idx)),
        "rules": {r: rule_row(rows.y[idx, j], pred[idx, j]) for j, r in enumerate(rows.rules)},
        "good_flagged": int(pred[idx][good].any(axis=1).sum()),
        "good": int(good.sum()),
        "auc": auc(scores[idx][good].tolist(), scores[idx][bad].tolist()),
    }


def lint_fold(rows: Rows, rules: dict[str, RuleSpec], model, test: np.ndarray, out) -> None:
    """Judge the held-out analyses with the fold's model and run the real rules on them."""
    pred, scores = out
    active = [rules[r] for r in rows.rules]
    for i in test:
        a = rows.analyses[i]
        found = run(replace(a, judgment=judge(a, model)), active)
        fired = {f.rule for f in found}
        pred[i] = [r in fired for r in rows.rules]
        scores[i] = score(found, rules, {})


def cross_validate(rows: Rows, rules: dict[str, RuleSpec], cfg: TrainConfig, folds: int) -> dict:
    """Pooled and per-fold numbers; thresholds are tuned inside each training part only."""
    pred, scores = np.zeros(rows.y.shape, dtype=bool), np.zeros(rows.n)
    per_fold, thresholds = [], []
    for train, test in grouped_folds(rows, np.arange(rows.n), folds, cfg.seed):
        model = fit_model(rows, train, cfg)
        lint_fold(rows, rules, model, test, (pred, scores))
        per_fold.append(summary(rows, pred, scores, test))
        thresholds.append(model.thresholds)
    everything = np.arange(rows.n)
    return {
        "folds": folds,
        "pooled": summary(rows, pred, scores, everything),
        "per_fold": per_fold,
        "thresholds": thresholds,
    }


def render(cv: dict) -> str:
    """The table the README shows."""
    p = cv["pooled"]
    lines = [
        f"grouped {cv['folds']}-fold cross-validation over {p['messages']} messages",
        f"{'rule':22} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5} {'kappa':>5}",
    ]
    for rule, m in p["rules"].items():
        lines.append(
            f"{rule:22} {m['tp']:4} {m['fp']:4} {m['fn']:4} "
            f"{m['precision']:5.2f} {m['recall']:5.2f} {m['kappa']:5.2f}"
        )
    lines.append(f"good messages with any finding: {p['good_flagged']}/{p['good']}")
    lines.append(
        f"score AUC good>bad: {p['auc']:.3f}" if p["auc"] is not None else "score AUC: n/a"
    )
    return "\n".join(lines)
