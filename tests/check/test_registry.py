"""Kinds and checks are registered once, each with the model of its parameters."""

from __future__ import annotations

from typing import get_args

import pytest

from intro_lint import score
from intro_lint.check import catalogue
from intro_lint.check.fixes.templates import ACTIONS, Action
from intro_lint.check.kinds import KINDS
from intro_lint.check.kinds.mission import CHECKS, check


def test_the_eight_checks_each_have_one_entry_whose_model_carries_its_name(label_ids):
    assert set(CHECKS) == label_ids
    for name, entry in CHECKS.items():
        assert entry.params.model_fields["check"].default == name
        assert get_args(entry.params.model_fields["check"].annotation) == (name,)


def test_a_check_name_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered twice"):
        check("vague-ask")(lambda a, p, batch: [])
    assert CHECKS["vague-ask"].run.__name__ == "vague_ask"


def test_only_generic_blast_reads_batch_signals():
    assert {n for n, e in CHECKS.items() if e.params.reads_signals} == {"generic-blast"}
    assert not any(KINDS[k].Params.reads_signals for k in ("phrase", "metric"))


def test_kinds_are_the_three_the_rule_files_name():
    assert set(KINDS) == {"model", "phrase", "metric"}


def test_fix_actions_are_none_and_the_edits_the_templates_build():
    assert set(get_args(Action)) == {"none", *ACTIONS}


def test_the_dimensions_are_defined_once_in_the_check_layer():
    assert score.DIMENSIONS is catalogue.DIMENSIONS
    assert catalogue.DIMENSIONS == (*get_args(catalogue.Dimension), "readability")
    used = {rule.dimension for rule in catalogue.load_catalogue().values()}
    assert used <= set(catalogue.DIMENSIONS)
