"""The learned heads read the one parse: passages, their terms, and the scores they get."""

from __future__ import annotations

import numpy as np
import pytest

from intro_lint.analyse.judge.judgment import judge
from intro_lint.analyse.judge.passages import passages, terms
from intro_lint.analyse.judge.store import load_model
from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings

DRAFT = "Hi Dana,\n\nLong time no talk! I'm looking for a job, how can you help?\n\nThanks,\nJo"


@pytest.fixture(scope="module")
def linter():
    """A linter with the built-in rules: they have decisions, so it loads the model."""
    return Linter(Settings())


def _analysis(linter, text):
    return next(linter.analyse_many([read_text(text, "d.txt")]))


def test_passages_are_the_greeting_then_the_core_sentences(linter):
    a = _analysis(linter, DRAFT)
    units = passages(a)
    assert [u.text for u in units] == ["Hi Dana,", "Long time no talk!", a.sents[1].text]
    for u in units:
        assert a.message.text[u.start : u.end] == u.text


def test_terms_fold_names_and_numbers_and_keep_the_question_mark(linter):
    a = _analysis(
        linter, "Hi Dana,\n\nCould you introduce me to Priya Shah at Acme? I have 3 ideas."
    )
    words = terms(a.doc)
    assert "<name>" in words and "<num>" in words and "?" in words
    assert "priya" not in words and "introduce me" in words


def test_the_judgment_comes_with_the_analysis_and_names_its_top_passage(linter):
    a = _analysis(linter, DRAFT)
    assert a.judgment is not None and a.judgment.model is load_model()
    rules = set(load_model().message.heads)
    assert set(a.judgment.message_p) == rules
    assert all(0.0 <= p <= 1.0 for p in a.judgment.message_p.values())
    passage, p = a.judgment.top("long-silence")
    assert passage.text == "Long time no talk!" and p > 0.5


def test_a_judgment_is_the_same_when_computed_again(linter):
    a = _analysis(linter, DRAFT)
    again = judge(a, load_model())
    assert np.array_equal(again.passage_p, a.judgment.passage_p)
    assert again.message_p == a.judgment.message_p


def test_a_draft_with_no_sentences_is_judged_without_error(linter):
    a = _analysis(linter, "Thanks,\nJo")
    assert a.judgment is not None
    assert a.judgment.passage_p.shape[1] == len(load_model().passage.heads)
