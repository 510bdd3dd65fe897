"""The accuracy promised: learned rules on pages their model never saw, written rules as tuned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intro_lint.check.catalogue import load_catalogue
from intro_lint.linter import Linter
from intro_lint.read.corpus import read_corpus, to_message
from intro_lint.report.evaluation import flagged_good, score_auc, score_rules
from intro_lint.settings.fields import Settings
from intro_lint.settings.files import builtin_dir

RULE_IDS = set(load_catalogue())
ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "corpus" / "train.jsonl"
DEV = ROOT / "corpus" / "dev.jsonl"
HELDOUT = ROOT / "tests" / "corpus" / "heldout.jsonl"
HELDOUT2 = ROOT / "tests" / "corpus" / "heldout2.jsonl"
# issue 10's bar for drafts from unseen pages: every rule, the good messages, the score
MIN_KAPPA, MIN_PRECISION, MIN_RECALL = 0.6, 0.75, 0.6
MAX_GOOD_FLAGGED, MIN_AUC = 0.2, 0.88
# the hand-written rules were tuned on these very sets: they must keep the bar they were tuned to
WRITTEN_PRECISION, WRITTEN_RECALL = 0.85, 0.75
SHORT = {  # rules whose learned decision is measured short of the bar (README, "How accurate")
    "not-forwardable": "recall 0.47 on unseen pages: a missing note is rarely said in words",
    "self-centered": "recall 0.31 on unseen pages: too few labelled examples of urgency",
}


def _evaluate(linter, records):
    reports = linter.lint([to_message(r) for r in records])
    found = {Path(r.path).stem: {f.rule for f in r.findings} for r in reports}
    scores = {s.rule: s for s in score_rules(records, found, sorted(linter.rules))}
    area = score_auc(records, {Path(r.path).stem: r.score for r in reports})
    return found, scores, area


@pytest.fixture(scope="module")
def unseen(cli, tmp_path_factory):
    """A model trained by `intro-lint train` on train.jsonl alone, judging the other pages' sets."""
    out = tmp_path_factory.mktemp("model") / "train-only"
    done = cli("train", str(TRAIN), "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    records = [r for path in (DEV, HELDOUT, HELDOUT2) for r in read_corpus(str(path))]
    return records, *_evaluate(Linter(Settings(model=str(out))), records)


def test_the_unseen_sets_share_no_page_with_the_training_corpus():
    pages = {json.loads(line)["source"] for line in TRAIN.read_text(encoding="utf-8").splitlines()}
    for path in (DEV, HELDOUT, HELDOUT2):
        assert not pages & {r.get("source") for r in read_corpus(str(path))}


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=SHORT[r])) if r in SHORT else r
        for r in sorted(RULE_IDS)
    ],
)
def test_a_learned_rule_meets_the_bar_on_pages_it_never_saw(unseen, rule):
    _, _, scores, _ = unseen
    s = scores[rule]
    assert s.kappa >= MIN_KAPPA and s.precision >= MIN_PRECISION and s.recall >= MIN_RECALL, (
        f"{rule}: kappa {s.kappa:.2f}, precision {s.precision:.2f}, recall {s.recall:.2f}"
    )


def test_few_good_messages_get_a_finding_and_the_score_ranks_good_above_bad(unseen):
    records, found, _, area = unseen
    flagged, _, good = flagged_good(records, found)
    assert flagged <= MAX_GOOD_FLAGGED * good, f"{flagged} of {good} good messages flagged"
    assert area is not None and area >= MIN_AUC, area


@pytest.mark.parametrize("path", [DEV, HELDOUT, HELDOUT2], ids=["dev", "heldout", "heldout2"])
def test_the_written_rules_keep_the_bar_they_were_tuned_to(path):
    records = read_corpus(str(path))
    found, scores, _ = _evaluate(
        Linter(Settings(rule_dirs=[str(builtin_dir() / "written")])), records
    )
    weak = [
        (s.rule, round(s.precision, 2), round(s.recall, 2))
        for s in scores.values()
        if s.precision < WRITTEN_PRECISION or s.recall < WRITTEN_RECALL
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
