"""Per-rule precision and recall on labelled corpora stay at the bar the product promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intro_lint.check.catalogue import load_catalogue
from intro_lint.read.corpus import read_corpus, to_message
from intro_lint.report.evaluation import flagged_good, score_rules

RULE_IDS = set(load_catalogue())
ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
HELDOUT = ROOT / "tests" / "corpus" / "heldout.jsonl"
HELDOUT2 = ROOT / "tests" / "corpus" / "heldout2.jsonl"
MIN_PRECISION, MIN_RECALL = 0.85, 0.75


def _evaluate(linter, path: Path):
    records = read_corpus(str(path))
    reports = linter.lint([to_message(r) for r in records])
    found = {Path(r.path).stem: {f.rule for f in r.findings} for r in reports}
    return records, found, score_rules(records, found, sorted(linter.rules))


@pytest.mark.parametrize("path", [DEV, HELDOUT, HELDOUT2], ids=["dev", "heldout", "heldout2"])
def test_every_rule_meets_the_bar(linter, path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    records, found, scores = _evaluate(linter, path)
    weak = [
        (s.rule, round(s.precision, 2), round(s.recall, 2))
        for s in scores
        if s.precision < MIN_PRECISION or s.recall < MIN_RECALL
    ]
    assert not weak, weak
    flagged, clean, _ = flagged_good(records, found)
    assert clean == 0, "a good message that carries no label got a finding"


@pytest.mark.parametrize("path", [HELDOUT, HELDOUT2], ids=["heldout", "heldout2"])
def test_heldout_corpus_is_well_formed(path):
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec["labels"]) == RULE_IDS  # one label per rule of the catalogue
        ids.add(rec["id"])
    assert len(ids) >= 40
