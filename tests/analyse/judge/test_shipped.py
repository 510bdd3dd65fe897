"""The shipped model is the one `intro-lint train` builds from the repository's corpora."""

from __future__ import annotations

import hashlib
from pathlib import Path

from intro_lint.analyse.judge.store import SHIPPED, load_model
from intro_lint.apps.train.config import TrainConfig, config_hash
from intro_lint.check.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[3]
MAX_BYTES = 25 * 1024 * 1024  # issue 10: the artifacts ship in the wheel, 25 MB at most


def test_recorded_corpora_are_the_files_in_the_repository():
    info = load_model().info
    assert info["corpora"], "the shipped model records no corpus"
    for corpus in info["corpora"]:
        current = hashlib.sha256((ROOT / corpus["path"]).read_bytes()).hexdigest()
        assert current == corpus["sha256"], (
            f"{corpus['path']} changed: run scripts/train-shipped.sh"
        )


def test_recorded_config_is_the_current_default():
    info = load_model().info
    assert info["config"] == TrainConfig().model_dump()
    assert info["config_sha256"] == config_hash(TrainConfig())


def test_one_message_head_and_threshold_per_rule_and_small_enough():
    model = load_model()
    rules = set(load_catalogue())
    assert set(model.message.heads) == rules
    assert set(model.thresholds) == rules
    assert all(0 < t <= 1 for t in model.thresholds.values())
    assert {*rules, "ask", "give"} == set(model.passage.heads)
    size = sum(p.stat().st_size for p in SHIPPED.iterdir())
    assert size <= MAX_BYTES
