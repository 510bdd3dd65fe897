"""A trained model on disk: model.json (names, vocabularies, thresholds, provenance) and arrays."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from intro_lint.analyse.judge.linear import Linear
from intro_lint.errors import ConfigError

FORMAT = 1
SHIPPED = Path(__file__).resolve().parent / "shipped"
ARRAYS = ("idf", "mean", "scale", "coef", "intercept")


@dataclass(frozen=True)
class Model:
    """The passage heads, the per-rule message heads and the thresholds training chose."""

    passage: Linear
    message: Linear
    thresholds: dict[str, float]  # per message head: the precision-first threshold from training
    info: dict[str, Any]  # provenance: corpora and their hashes, config and its hash, versions
    path: str = ""


def _linear_json(lin: Linear) -> dict:
    vocab = sorted(lin.vocab, key=lin.vocab.__getitem__)
    return {"heads": list(lin.heads), "vocab": vocab, "numbers": list(lin.numbers)}


def save(model: Model, folder: Path) -> None:
    """Write the model; the same model gives the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": FORMAT,
        "passage": _linear_json(model.passage),
        "message": _linear_json(model.message),
        "thresholds": model.thresholds,
        "info": model.info,
    }
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (folder / "model.json").write_text(text, encoding="utf-8")
    for part in ("passage", "message"):
        lin = getattr(model, part)
        for name in ARRAYS:
            np.save(folder / f"{part}-{name}.npy", getattr(lin, name).astype(np.float32))


def _linear(folder: Path, part: str, doc: dict) -> Linear:
    arrays = {n: np.load(folder / f"{part}-{n}.npy").astype(float) for n in ARRAYS}
    vocab = {t: i for i, t in enumerate(doc["vocab"])}
    lin = Linear(tuple(doc["heads"]), vocab, numbers=tuple(doc["numbers"]), **arrays)
    width = len(vocab) + len(lin.numbers)
    if lin.coef.shape != (len(lin.heads), width) or lin.idf.shape != (len(vocab),):
        raise ValueError(f"{part} arrays do not match its vocabulary and heads")
    return lin


def load_model(path: str | None = None) -> Model:
    """The model in `path` (a folder intro-lint train wrote), or the shipped one; once a process."""
    return _loaded(str(Path(path).resolve() if path else SHIPPED))


@lru_cache(maxsize=4)
def _loaded(path: str) -> Model:
    folder = Path(path)
    where = folder / "model.json"
    try:
        doc = json.loads(where.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError(f"format {doc.get('format')!r}, expected {FORMAT}")
        passage, message = (_linear(folder, p, doc[p]) for p in ("passage", "message"))
        thresholds = {k: float(v) for k, v in doc["thresholds"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"{where}: field model: not a model intro-lint train wrote ({exc})"
        ) from None
    return Model(passage, message, thresholds, doc.get("info", {}), str(folder))
