"""The local engine: input order, bounded chunks, one nlp.pipe per chunk over cache misses only."""

from __future__ import annotations

from pathlib import Path

import pytest

from intro_lint.grading import local_engine, work
from intro_lint.grading.cache import DocCache
from intro_lint.grading.local_engine import ParseStats, grade_local
from intro_lint.grading.model import GradeItem
from intro_lint.grading.sources import iter_items

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "heldout.jsonl"


@pytest.fixture(scope="module")
def items():
    good = list(iter_items([str(CORPUS)]))[:10]
    broken = GradeItem(index=0, id="broken.txt", error="file is empty")
    mixed = good[:3] + [broken] + good[3:]
    return [item.model_copy(update={"index": n}) for n, item in enumerate(mixed)]


@pytest.fixture
def pipe_calls(linter, monkeypatch):
    """Record the texts of every nlp.pipe call."""
    calls: list[list[str]] = []
    real = linter.nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        calls.append(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(linter.nlp, "pipe", spy)
    return calls


def test_order_errors_in_place_and_same_reports_as_lint(linter, items):
    out = list(grade_local(items, linter))
    assert [item.id for item, _ in out] == [item.id for item in items]
    assert out[3][1].error == "file is empty" and out[3][1].path == "broken.txt"
    expected = linter.lint([item.message for item in items if item.message])
    assert [r for _, r in out if not r.error] == expected


def test_one_pipe_per_chunk_and_regrade_parses_nothing(linter, items, pipe_calls, monkeypatch, tmp_path):
    monkeypatch.setattr(local_engine, "CHUNK", 4)
    first, second = ParseStats(), ParseStats()
    reports = [r for _, r in grade_local(items, linter, cache=DocCache(linter.nlp, tmp_path), stats=first)]
    assert [len(c) for c in pipe_calls] == [3, 4, 3]  # the unreadable item is never parsed
    assert (first.parsed, first.cached) == (10, 0)
    pipe_calls.clear()
    again = [r for _, r in grade_local(items, linter, cache=DocCache(linter.nlp, tmp_path), stats=second)]
    assert again == reports
    assert (second.parsed, second.cached) == (0, 10)
    assert all(len(c) == 0 for c in pipe_calls)


def test_items_are_pulled_one_chunk_at_a_time(linter, items, monkeypatch):
    monkeypatch.setattr(local_engine, "CHUNK", 4)
    pulled = []

    def source():
        for item in items:
            pulled.append(item.id)
            yield item

    results = grade_local(source(), linter)
    next(results)
    assert len(pulled) == 4
    assert len(list(results)) == len(items) - 1


def test_progress_counts_every_item(linter, items, monkeypatch):
    monkeypatch.setattr(local_engine, "CHUNK", 4)
    steps: list[int] = []
    list(grade_local(items, linter, progress=steps.append))
    assert steps == [4, 4, 3]


def test_a_crash_in_one_draft_is_its_error_row(linter, items, monkeypatch):
    real = work.analyse
    victim = items[1].message

    def analyse(message, doc):
        if message is victim:
            raise RuntimeError("boom")
        return real(message, doc)

    monkeypatch.setattr(work, "analyse", analyse)
    out = list(grade_local(items, linter))
    assert "internal error" in out[1][1].error and "boom" in out[1][1].error
    assert sum(1 for _, r in out if r.error) == 2


def test_grade_messages_keeps_one_linter_per_settings(linter, items):
    settings_json = linter.settings.model_dump_json()
    messages = [item.message for item in items if item.message][:4]
    assert work.grade_messages(messages, settings_json) == linter.lint(messages)
    assert work.linter_for(settings_json) is work.linter_for(settings_json)
