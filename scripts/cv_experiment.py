"""Grouped CV on train.jsonl: the current rules (A), per-rule LR (B), sentence heads + LR (C)."""

# An experiment for issue 10 (learned judgment), not part of the package. Needs scikit-learn:
#   .venv/bin/pip install '.[train]' && .venv/bin/python scripts/cv_experiment.py --out cv.json

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from intro_lint.check.catalogue import load_catalogue
from intro_lint.linter import linter_for
from intro_lint.read.corpus import to_message
from intro_lint.settings.fields import Settings

CORE = tuple(load_catalogue())  # the eight rules, one label each (shared/corpus/LABELS.md)
HEADS = (*CORE, "ask", "give")
ASK_KINDS = ("reference", "referral", "intro", "leads", "review", "meeting", "info", "other")
GIVE_KINDS = ("offer", "interest", "invited")
PURPOSES = ("job", "investor", "customer")
FLAG_NAMES = ("ask?", "open_ask?", "give?", "gap?", "position", "first", "last")
MIN_PRECISION = 0.80
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "train.jsonl"


@dataclass
class Corpus:
    recs: list[dict]
    analyses: list
    linter: object
    bodies: np.ndarray  # message bodies (object array of str)
    dense: np.ndarray  # (n, k) Analysis features + the current rules' fired flags
    names: list[str]
    y: np.ndarray  # (n, 8) gold labels
    groups: np.ndarray
    weights: np.ndarray  # catalogue weight per rule
    sent_text: np.ndarray
    sent_msg: np.ndarray  # which message each sentence belongs to
    sent_y: np.ndarray  # (m, 10) gold per head
    sent_flags: np.ndarray  # (m, 7) detector overlaps and position
    parse_seconds: float

    @property
    def n(self) -> int:
        return len(self.recs)


# ---------------------------------------------------------------- features from the Analysis


def ask_features(asks) -> dict[str, float]:
    out = {
        "asks": len(asks),
        "ask_open_ended": any(a.open_ended for a in asks),
        "ask_open_markers": sum(len(a.open_markers) for a in asks),
        "ask_brain_pick": any(a.brain_pick for a in asks),
        "ask_alternatives_2": any(a.alternatives >= 2 for a in asks),
        "ask_timebox": any(a.timebox for a in asks),
        "ask_targets": sum(len(a.targets) for a in asks),
        "ask_request_verbs": max((a.request_verbs for a in asks), default=0),
    }
    out.update({f"ask_kind_{k}": sum(a.kind == k for a in asks) for k in ASK_KINDS})
    return out


def give_gap_features(a) -> dict[str, float]:
    out = {"gives": len(a.gives), "gaps": len(a.gaps)}
    out.update({f"give_{k}": sum(g.kind == k for g in a.gives) for k in GIVE_KINDS})
    return out


def party_features(p) -> dict[str, float]:
    out = {f"purpose_{k}": k in p.purposes for k in PURPOSES}
    out.update(
        beneficiary=p.beneficiary is not None,
        connector_note=p.connector_note,
        party_targets=len(p.targets),
        party_roles=len(p.roles),
        reader_named=p.reader is not None,
    )
    return out


def material_features(m, b) -> dict[str, float]:
    return {
        "materials_present": m.present,
        "attached": len(m.attached),
        "links": len(m.links),
        "says_attached": m.says_attached is not None,
        "says_attached_missing": m.says_attached is not None and not m.attached,
        "materials_mentioned": len(m.mentioned),
        "blurb": b is not None,
        "blurb_self_contained": bool(b and b.self_contained),
        "blurb_announced": bool(b and b.announced),
        "blurb_problems": len(b.problems) if b else 0,
    }


def layout_features(a) -> dict[str, float]:
    g, f = a.layout.greeting, a.focus
    return {
        "greeting_none": g is None,
        "greeting_group": bool(g and g.group),
        "greeting_named": bool(g and g.name),
        "self_clauses": f.self_clauses,
        "reader_clauses": f.reader_clauses,
        "self_share": f.self_share,
        "words": a.metrics.get("words", 0.0),
        "sentences": a.metrics.get("sentences", 0.0),
    }


def dense_features(a, fired: set[str]) -> dict[str, float]:
    out = {**ask_features(a.asks), **give_gap_features(a), **party_features(a.parties)}
    out.update({**material_features(a.materials, a.blurb), **layout_features(a)})
    out.update({f"fired:{r}": r in fired for r in CORE})
    return {k: float(v) for k, v in out.items()}


# ---------------------------------------------------------------- sentences and annotations


def locate(text: str, strings: list[str]) -> list[tuple[int, int]]:
    found = ((text.find(s), len(s)) for s in strings if s)
    return [(i, i + n) for i, n in found if i >= 0]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def gold_spans(rec: dict, text: str) -> list[list[tuple[int, int]]]:
    spans = rec.get("spans") or {}
    lists = [spans.get(r, []) for r in CORE] + [rec.get("asks") or [], rec.get("gives") or []]
    return [locate(text, x) for x in lists]


def detector_spans(a) -> list[list[tuple[int, int]]]:
    return [
        [(x.start, x.end) for x in a.asks],
        [(x.start, x.end) for x in a.asks if x.open_ended],
        [(x.start, x.end) for x in a.gives],
        [(x.start, x.end) for x in a.gaps],
    ]


def sentence_rows(rec: dict, a):
    """(text, gold per head, detector flags) for each core sentence of one message."""
    gold, found, n = gold_spans(rec, a.message.text), detector_spans(a), len(a.sents)
    for i, s in enumerate(a.sents):
        y = [overlaps(s.start, s.end, g) for g in gold]
        place = [i / max(n - 1, 1), i == 0, i == n - 1]
        yield s.text, y, [overlaps(s.start, s.end, d) for d in found] + place


def sentence_table(recs: list[dict], analyses: list) -> dict[str, np.ndarray]:
    rows = [
        (m, *row)
        for m, (r, a) in enumerate(zip(recs, analyses, strict=True))
        for row in sentence_rows(r, a)
    ]
    return {
        "sent_msg": np.array([r[0] for r in rows]),
        "sent_text": np.array([r[1] for r in rows], dtype=object),
        "sent_y": np.array([r[2] for r in rows], dtype=bool),
        "sent_flags": np.array([r[3] for r in rows], dtype=float),
    }


def load(path: Path) -> Corpus:
    """Parse every record once with the Linter and keep the Analyses."""
    recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    messages = [to_message(r) for r in recs]
    bad = [r["id"] for r, m in zip(recs, messages, strict=True) if isinstance(m, Exception)]
    if bad:
        raise SystemExit(f"cannot read records: {bad[:5]}")
    linter = linter_for(Settings())
    start = time.perf_counter()
    analyses = list(linter.analyse_many(messages))
    fired = [{f.rule for f in linter.findings(a)} for a in analyses]
    rows = [dense_features(a, f) for a, f in zip(analyses, fired, strict=True)]
    sents = sentence_table(recs, analyses)
    rules = load_catalogue()
    return Corpus(
        recs=recs,
        analyses=analyses,
        linter=linter,
        bodies=np.array([m.text[m.body.start : m.body.end] for m in messages], dtype=object),
        dense=np.array([list(r.values()) for r in rows]),
        names=list(rows[0]),
        y=np.array([[r["labels"][k] for k in CORE] for r in recs], dtype=bool),
        groups=np.array([r["source"] for r in recs]),
        weights=np.array([rules[k].weight for k in CORE], dtype=float),
        parse_seconds=time.perf_counter() - start,
        **sents,
    )


# ---------------------------------------------------------------- metrics (as corpus_eval.py)


def kappa(tp: int, fp: int, fn: int, n: int) -> float:
    tn = n - tp - fp - fn
    po = (tp + tn) / n
    pe = ((tp + fn) * (tp + fp) + (tn + fp) * (tn + fn)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def counts(y: np.ndarray, pred: np.ndarray) -> tuple[int, int, int]:
    return int(np.sum(y & pred)), int(np.sum(~y & pred)), int(np.sum(y & ~pred))


def rule_metrics(y: np.ndarray, pred: np.ndarray) -> dict:
    tp, fp, fn = counts(y, pred)
    prec = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    rec = tp / (tp + fn) if tp + fn else 1.0
    k = kappa(tp, fp, fn, len(y))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "kappa": k}


def auc(pos: np.ndarray, neg: np.ndarray) -> float | None:
    if not len(pos) or not len(neg):
        return None
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0) + 0.5 * (diff == 0)).mean())


def summary(c: Corpus, idx: np.ndarray, pred: np.ndarray, score: np.ndarray) -> dict:
    verdict = np.array([c.recs[i]["verdict"] for i in idx])
    good = verdict == "good"
    return {
        "rules": {r: rule_metrics(c.y[idx, j], pred[:, j]) for j, r in enumerate(CORE)},
        "good_flagged": int(pred[good].any(axis=1).sum()),
        "good_total": int(good.sum()),
        "auc": auc(score[good], score[verdict == "bad"]),
    }


# ---------------------------------------------------------------- models


def splits(c: Corpus, idx: np.ndarray, folds: int, seed: int):
    """Grouped by source, stratified by verdict; yields message indices."""
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    strata = [c.recs[i]["verdict"] for i in idx]
    for tr, te in cv.split(idx, strata, c.groups[idx]):
        yield idx[tr], idx[te]


def pick(values: np.ndarray) -> FunctionTransformer:
    return FunctionTransformer(lambda rows: values[rows.ravel()])


def words() -> TfidfVectorizer:
    return TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=2, sublinear_tf=True)


def message_union(c: Corpus, extra: np.ndarray | None) -> FeatureUnion:
    dense = c.dense if extra is None else np.hstack([c.dense, extra])
    return FeatureUnion(
        [
            ("words", make_pipeline(pick(c.bodies), words())),
            ("dense", make_pipeline(pick(dense), StandardScaler())),
        ]
    )


def sentence_union(c: Corpus) -> FeatureUnion:
    return FeatureUnion(
        [
            ("words", make_pipeline(pick(c.sent_text), words())),
            ("flags", pick(c.sent_flags)),
        ]
    )


def fit_predict(xtr, ytr: np.ndarray, xte, seed: int):
    """P(positive) on xte and the fitted model (None when the training labels are constant)."""
    if ytr.min() == ytr.max():
        return np.full(xte.shape[0], float(ytr[0])), None
    model = LogisticRegression(class_weight="balanced", solver="liblinear", random_state=seed)
    model.fit(xtr, ytr)
    return model.predict_proba(xte)[:, 1], model


def fit_all(union: FeatureUnion, train: np.ndarray, test: np.ndarray, ys: np.ndarray, seed: int):
    """One feature fit on `train`, one LR per column of ys; (probas on test, models)."""
    xtr = union.fit_transform(train.reshape(-1, 1))
    xte = union.transform(test.reshape(-1, 1))
    fits = [fit_predict(xtr, ys[:, j], xte, seed) for j in range(ys.shape[1])]
    return np.column_stack([p for p, _ in fits]), [m for _, m in fits]


def pick_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """Max kappa subject to precision >= MIN_PRECISION; else max kappa."""
    best, fallback = None, None
    for t in np.unique(p):
        tp, fp, fn = counts(y, p >= t)
        cand = (kappa(tp, fp, fn, len(y)), float(t))
        fallback = max(fallback or cand, cand)
        if tp and tp / (tp + fp) >= MIN_PRECISION:
            best = max(best or cand, cand)
    return (best or fallback or (0.0, 0.5))[1]


def inner_oof(c: Corpus, train: np.ndarray, extra, args) -> np.ndarray:
    oof = np.zeros((c.n, len(CORE)))
    for tr, va in splits(c, train, args.inner_folds, args.seed):
        oof[va] = fit_all(message_union(c, extra), tr, va, c.y[tr], args.seed)[0]
    return oof[train]


def coefs(c: Corpus, union: FeatureUnion, models: list, extra_names: list[str]) -> list[dict]:
    vocab = union.transformer_list[0][1][-1].get_feature_names_out()
    return named_coefs([f"w:{w}" for w in vocab] + c.names + extra_names, models)


def named_coefs(names: list[str], models: list) -> list[dict]:
    return [{} if m is None else dict(zip(names, m.coef_[0], strict=True)) for m in models]


def learned(c: Corpus, train: np.ndarray, test: np.ndarray, extra, args):
    """Thresholds from inner grouped CV, then one fit on the whole training part."""
    oof = inner_oof(c, train, extra, args)
    thresholds = [pick_threshold(c.y[train, j], oof[:, j]) for j in range(len(CORE))]
    union = message_union(c, extra)
    probs, models = fit_all(union, train, test, c.y[train], args.seed)
    pred = probs >= np.array(thresholds)
    extra_names = [f"head:{h}" for h in HEADS] if extra is not None else []
    info = {"thresholds": thresholds, "coefs": coefs(c, union, models, extra_names)}
    return pred, 100 - pred @ c.weights, {**info, "probs": probs}


def sentence_scores(c: Corpus, train: np.ndarray, test: np.ndarray, seed: int):
    """Heads fit on train's sentences: test sentence ids, their probas, max per message, fit."""
    tr_s = np.flatnonzero(np.isin(c.sent_msg, train))
    te_s = np.flatnonzero(np.isin(c.sent_msg, test))
    union = sentence_union(c)
    probs, models = fit_all(union, tr_s, te_s, c.sent_y[tr_s], seed)
    top = np.zeros((c.n, len(HEADS)))
    np.maximum.at(top, c.sent_msg[te_s], probs)
    return te_s, probs, top[test], (union, models)


def head_features(c: Corpus, train: np.ndarray, test: np.ndarray, args):
    """Max head score per message: out-of-fold inside train, from a fit on all of train for test."""
    extra = np.zeros((c.n, len(HEADS)))
    for tr, va in splits(c, train, args.inner_folds, args.seed):
        extra[va] = sentence_scores(c, tr, va, args.seed)[2]
    te_s, probs, extra[test], (union, models) = sentence_scores(c, train, test, args.seed)
    vocab = union.transformer_list[0][1][-1].get_feature_names_out()
    head_coefs = named_coefs([f"w:{w}" for w in vocab] + list(FLAG_NAMES), models)
    return extra, {"sent_idx": te_s, "probs": probs, "coefs": head_coefs}


# ---------------------------------------------------------------- the three approaches


def approach_a(c: Corpus, train: np.ndarray, test: np.ndarray, args):
    reports = [c.linter.report(c.analyses[i]) for i in test]
    pred = np.array([[r in {f.rule for f in rep.findings} for r in CORE] for rep in reports])
    return pred, np.array([rep.score for rep in reports], dtype=float), {}


def approach_b(c: Corpus, train: np.ndarray, test: np.ndarray, args):
    return learned(c, train, test, None, args)


def approach_c(c: Corpus, train: np.ndarray, test: np.ndarray, args):
    extra, heads = head_features(c, train, test, args)
    pred, score, info = learned(c, train, test, extra, args)
    return pred, score, {**info, "heads": heads}


APPROACHES = {
    "A": ("current rules", approach_a),
    "B": ("message LR: tf-idf + Analysis features + fired rules", approach_b),
    "C": ("B + sentence heads (max score per message)", approach_c),
}


def empty_results(c: Corpus) -> dict:
    shape = (c.n, len(CORE))
    return {
        k: {"pred": np.zeros(shape, bool), "score": np.zeros(c.n), "probs": np.zeros(shape)}
        | {"folds": [], "seconds": [], "infos": []}
        for k in APPROACHES
    }


def run_fold(c: Corpus, res: dict, run, train: np.ndarray, test: np.ndarray, args) -> None:
    start = time.perf_counter()
    pred, score, info = run(c, train, test, args)
    res["seconds"].append(time.perf_counter() - start)
    res["pred"][test], res["score"][test] = pred, score
    if "probs" in info:
        res["probs"][test] = info.pop("probs")
    res["folds"].append(summary(c, test, pred, score))
    res["infos"].append(info)


def cross_validate(c: Corpus, args) -> dict:
    out = empty_results(c)
    for fold, (train, test) in enumerate(splits(c, np.arange(c.n), args.folds, args.seed)):
        for key, (_, run) in APPROACHES.items():
            run_fold(c, out[key], run, train, test, args)
        print(f"fold {fold + 1}/{args.folds}: {len(test)} test messages", flush=True)
    return out


# ---------------------------------------------------------------- what the models learned


def mean_coefs(per_fold: list[list[dict]], j: int) -> dict[str, float]:
    total: dict[str, float] = {}
    for fold in per_fold:
        for name, w in fold[j].items():
            total[name] = total.get(name, 0.0) + w / len(per_fold)
    return total


def top_features(per_fold: list[list[dict]], j: int, k: int = 8) -> dict[str, list]:
    mean = mean_coefs(per_fold, j)
    dense = sorted((n for n in mean if not n.startswith("w:")), key=lambda n: -abs(mean[n]))
    terms = sorted((n for n in mean if n.startswith("w:")), key=lambda n: -mean[n])
    return {
        "dense": [(n, round(mean[n], 3)) for n in dense[:k]],
        "words": [(n[2:], round(mean[n], 3)) for n in terms[:k]],
    }


def oracle_kappa(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Best kappa over thresholds on the pooled test probabilities: a diagnostic, not a result."""
    return max((kappa(*counts(y, p >= t), len(y)), float(t)) for t in np.unique(p))


def ranking(c: Corpus, probs: np.ndarray) -> dict:
    """Threshold-free quality of the pooled outer-test probabilities, per rule."""
    out = {}
    for j, rule in enumerate(CORE):
        y, p = c.y[:, j], probs[:, j]
        best, at = oracle_kappa(y, p)
        out[rule] = {
            "ap": float(average_precision_score(y, p)),
            "roc_auc": float(roc_auc_score(y, p)),
            "oracle_kappa_diagnostic": best,
            "oracle_threshold_diagnostic": at,
        }
    return out


def head_quality(c: Corpus, infos: list[dict]) -> dict:
    idx = np.concatenate([i["heads"]["sent_idx"] for i in infos])
    probs = np.vstack([i["heads"]["probs"] for i in infos])
    out = {}
    for h, name in enumerate(HEADS):
        y = c.sent_y[idx, h]
        ok = 0 < y.sum() < len(y)
        out[name] = {
            "positives": int(y.sum()),
            "sentences": int(len(y)),
            "ap": float(average_precision_score(y, probs[:, h])) if ok else None,
            "roc_auc": float(roc_auc_score(y, probs[:, h])) if ok else None,
            "top": top_features([i["heads"]["coefs"] for i in infos], h)["words"],
        }
    return out


# ---------------------------------------------------------------- output


def print_table(title: str, s: dict, res: dict) -> None:
    print(f"\n== {title}")
    print(f"{'rule':22} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>5} {'rec':>5} {'kappa':>5}")
    for rule, m in s["rules"].items():
        print(
            f"{rule:22} {m['tp']:3} {m['fp']:3} {m['fn']:3} "
            f"{m['precision']:5.2f} {m['recall']:5.2f} {m['kappa']:5.2f}"
        )
    print(f"good messages with any finding: {s['good_flagged']}/{s['good_total']}")
    print(f"score AUC good>bad: {s['auc']:.3f}" if s["auc"] is not None else "score AUC: n/a")
    folds = [np.mean([m["kappa"] for m in f["rules"].values()]) for f in res["folds"]]
    print("per-fold mean kappa over the rules:", [round(float(k), 2) for k in folds])
    seconds = [round(x, 1) for x in res["seconds"]]
    print("seconds per fold (features + training + prediction):", seconds)


def print_learned(key: str, res: dict) -> None:
    thresholds = np.array([i["thresholds"] for i in res["infos"]])
    print(f"-- {key}: mean threshold per rule, strongest non-word features, top words")
    for j, rule in enumerate(CORE):
        top = top_features([i["coefs"] for i in res["infos"]], j, 4)
        dense = ", ".join(f"{n} {w:+.2f}" for n, w in top["dense"])
        terms = ", ".join(n for n, _ in top["words"])
        print(f"  {rule:20} t={thresholds[:, j].mean():.2f} | {dense} | {terms}")


def print_ranking(key: str, rank: dict) -> None:
    print(f"-- {key}: pooled test probabilities (AP, ROC AUC; oracle kappa = tuned on test)")
    for rule, r in rank.items():
        print(
            f"  {rule:20} AP {r['ap']:.2f} AUC {r['roc_auc']:.2f} "
            f"oracle kappa {r['oracle_kappa_diagnostic']:.2f} "
            f"at {r['oracle_threshold_diagnostic']:.2f}"
        )


def print_heads(heads: dict) -> None:
    print("-- C: sentence heads on the outer test sentences (AP, ROC AUC, top words)")
    for name, h in heads.items():
        ap = f"{h['ap']:.2f}" if h["ap"] is not None else "n/a"
        roc = f"{h['roc_auc']:.2f}" if h["roc_auc"] is not None else "n/a"
        terms = ", ".join(t for t, _ in h["top"][:6])
        print(f"  {name:20} pos {h['positives']:4}/{h['sentences']} AP {ap} AUC {roc} | {terms}")


def approach_entry(c: Corpus, key: str, title: str, res: dict, args) -> dict:
    pooled = summary(c, np.arange(c.n), res["pred"], res["score"])
    print_table(f"{key}. {title} (pooled over {args.folds} outer folds)", pooled, res)
    entry = {"title": title, "pooled": pooled, "per_fold": res["folds"]}
    entry["seconds_per_fold"] = res["seconds"]
    if key == "A":
        return entry
    print_learned(key, res)
    entry["ranking"] = ranking(c, res["probs"])
    print_ranking(key, entry["ranking"])
    entry["thresholds"] = [i["thresholds"] for i in res["infos"]]
    entry["top_features"] = {
        r: top_features([i["coefs"] for i in res["infos"]], j) for j, r in enumerate(CORE)
    }
    return entry


def report(c: Corpus, out: dict, args, total: float) -> dict:
    result = {
        "folds": args.folds,
        "inner_folds": args.inner_folds,
        "seed": args.seed,
        "messages": c.n,
        "sources": int(len(set(c.groups))),
        "sentences": int(len(c.sent_text)),
        "min_precision_for_threshold": MIN_PRECISION,
        "sklearn": sklearn.__version__,
        "parse_and_features_seconds": c.parse_seconds,
        "total_seconds": total,
        "approaches": {},
    }
    for key, (title, _) in APPROACHES.items():
        result["approaches"][key] = approach_entry(c, key, title, out[key], args)
    result["heads"] = head_quality(c, out["C"]["infos"])
    print_heads(result["heads"])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner-folds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("results.json"))
    args = ap.parse_args()
    start = time.perf_counter()
    c = load(args.corpus)
    print(
        f"{c.n} messages, {len(set(c.groups))} sources, {len(c.sent_text)} sentences; "
        f"parse + features {c.parse_seconds:.1f}s (shared by A, B and C)",
        flush=True,
    )
    out = cross_validate(c, args)
    result = report(c, out, args, time.perf_counter() - start)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}; total {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
