"""The `intro-lint train` command: corpora in, a model folder out, optionally a CV table."""

from __future__ import annotations

import json
from pathlib import Path

import click
import numpy as np

from intro_lint import __version__
from intro_lint.analyse.judge.store import save
from intro_lint.apps.commandline import fail
from intro_lint.apps.train.config import TrainConfig, config_hash
from intro_lint.apps.train.crossval import cross_validate, render
from intro_lint.apps.train.data import build_rows, file_hash, read_records
from intro_lint.apps.train.fit import fit_model
from intro_lint.check.catalogue import load_catalogue
from intro_lint.errors import IntroLintError


def provenance(paths: list[str], cfg: TrainConfig, rows) -> dict:
    """What the model was built from: each corpus and its hash, the config and its hash."""
    import sklearn

    return {
        "corpora": [{"path": Path(p).as_posix(), "sha256": file_hash(p)} for p in paths],
        "config": cfg.model_dump(),
        "config_sha256": config_hash(cfg),
        "messages": rows.n,
        "annotated": int(rows.annotated.sum()),
        "intro_lint": __version__,
        "scikit_learn": sklearn.__version__,
    }


@click.command("train")
@click.argument("corpora", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="model folder")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--cv", "cv_folds", type=click.IntRange(min=2), default=None, help="folds to report")
@click.option("--cv-out", type=click.Path(dir_okay=False), default=None, help="CV numbers as JSON")
def train_command(corpora, out, seed, cv_folds, cv_out):
    """Learn the judging heads from labelled JSONL corpora (needs intro-lint[train])."""
    try:
        cfg = TrainConfig(seed=seed)
        rules = {k: r for k, r in load_catalogue().items() if r.decision is not None}
        records = read_records(list(corpora), tuple(rules))
        rows = build_rows(records, tuple(rules))
        if cv_folds:
            cv = cross_validate(rows, rules, cfg, cv_folds)
            click.echo(render(cv))
            if cv_out:
                Path(cv_out).write_text(json.dumps(cv, indent=1) + "\n", encoding="utf-8")
        model = fit_model(rows, np.arange(rows.n), cfg, provenance(list(corpora), cfg, rows))
        save(model, Path(out))
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    shown = ", ".join(f"{k} {v:.2f}" for k, v in model.thresholds.items())
    click.echo(f"wrote {out}: {rows.n} messages; thresholds {shown}")
