"""Labelled records, parsed once, turned into the rows the heads learn from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from intro_lint.analyse import pipeline as nlp_mod
from intro_lint.analyse.analysis import Analysis, analysable_text, analyse
from intro_lint.analyse.judge.features import message_features
from intro_lint.analyse.judge.passages import Passage, message_terms, passages
from intro_lint.errors import InputError
from intro_lint.read.corpus import read_corpus, to_message

# the two passage heads that are not rules, and the record fields that annotate them (LABELS.md)
ANSWERS = {"ask": "asks", "give": "gives"}


@dataclass
class Rows:
    """Everything training reads, one entry per message (and per passage for the passage heads)."""

    records: list[dict]
    analyses: list[Analysis]
    rules: tuple[str, ...]
    y: np.ndarray  # (n, rules) gold labels
    groups: np.ndarray  # source per message: a page's records share a fold
    verdicts: np.ndarray
    annotated: np.ndarray  # (n,) whether the record has spans, asks and gives
    terms: list[tuple[str, ...]]  # message terms
    numbers: list[dict[str, float]]  # message features
    passages: list[tuple[Passage, ...]]
    passage_y: list[np.ndarray]  # per message: (passages, rules + ANSWERS)

    @property
    def n(self) -> int:
        return len(self.records)

    @property
    def passage_heads(self) -> tuple[str, ...]:
        return (*self.rules, *ANSWERS)


def file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_records(paths: list[str], rules: tuple[str, ...]) -> list[dict]:
    """Every record of every corpus; one without a label for each rule is an InputError."""
    out = []
    for path in paths:
        for rec in read_corpus(path):
            missing = [r for r in rules if r not in rec["labels"]]
            if missing:
                raise InputError(path, f"record {rec['id']}: no label for {missing[0]}")
            out.append({**rec, "source": rec.get("source") or f"{path}:{rec['id']}"})
    return out


def _spans(text: str, strings: list[str]) -> list[tuple[int, int]]:
    found = ((text.find(s), len(s)) for s in strings if s)
    return [(i, i + n) for i, n in found if i >= 0]


def passage_gold(rec: dict, a: Analysis, rules: tuple[str, ...]) -> np.ndarray:
    """Per passage, whether it overlaps an annotated passage of each rule, ask and give."""
    spans = rec.get("spans") or {}
    lists = [spans.get(r, []) for r in rules] + [rec.get(f) or [] for f in ANSWERS.values()]
    gold = [_spans(a.message.text, x) for x in lists]
    units = passages(a)
    return np.array(
        [[any(s < p.end and p.start < e for s, e in g) for g in gold] for p in units], dtype=bool
    ).reshape(len(units), len(gold))


def build_rows(records: list[dict], rules: tuple[str, ...], pipeline: str | None = None) -> Rows:
    """Parse every record once (one nlp.pipe) and keep what the heads read."""
    messages = [to_message(r) for r in records]
    bad = [(r, m) for r, m in zip(records, messages, strict=True) if isinstance(m, Exception)]
    if bad:
        rec, exc = bad[0]
        raise InputError(str(rec.get("id")), f"cannot read record: {exc}")
    docs = nlp_mod.parse_many(nlp_mod.load(pipeline), (analysable_text(m) for m in messages))
    analyses = [analyse(m, d) for m, d in zip(messages, docs, strict=True)]
    return Rows(
        records=records,
        analyses=analyses,
        rules=rules,
        y=np.array([[bool(r["labels"][k]) for k in rules] for r in records], dtype=bool),
        groups=np.array([r["source"] for r in records]),
        verdicts=np.array([r.get("verdict", "") for r in records]),
        annotated=np.array([all(k in r for k in ("spans", *ANSWERS.values())) for r in records]),
        terms=[message_terms(a) for a in analyses],
        numbers=[message_features(a) for a in analyses],
        passages=[passages(a) for a in analyses],
        passage_y=[passage_gold(r, a, rules) for r, a in zip(records, analyses, strict=True)],
    )
