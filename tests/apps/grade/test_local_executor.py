"""Local engine: input order, whole batches parsed and analysed, cached docs reused, --jobs."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from intro_lint.apps.grade import local_executor as local_engine
from intro_lint.apps.grade import work
from intro_lint.apps.grade.batches import ParseStats
from intro_lint.apps.grade.local_executor import grade_local
from intro_lint.apps.grade.records import label_columns
from intro_lint.apps.grade.sources import iter_items
from intro_lint.apps.grade.values import GradeItem
from intro_lint.check.catalogue import load_catalogue
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter

COLUMNS = label_columns(load_catalogue())
CORPORA = Path(__file__).resolve().parents[2] / "corpus"


def _numbered(items):
    return [item.model_copy(update={"index": n}) for n, item in enumerate(items)]


@pytest.fixture(scope="module")
def items():
    good = list(iter_items([str(CORPORA / "heldout.jsonl")], label_ids=COLUMNS))[:10]
    broken = GradeItem(index=0, id="broken.txt", error="file is empty")
    return _numbered(good[:3] + [broken] + good[3:])


@pytest.fixture
def pipe_calls(linter, monkeypatch):
    """Record each nlp.pipe call's texts (jobs=1 grades in this process, with this pipeline)."""
    calls: list[list[str]] = []
    real = linter.nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        calls.append(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(linter.nlp, "pipe", spy)
    return calls


def test_order_errors_in_place_and_same_reports_as_lint(linter, items):
    out = list(grade_local(items, linter.settings))
    assert [item.id for item, _ in out] == [item.id for item in items]
    assert out[3][1].error == "file is empty" and out[3][1].path == "broken.txt"
    expected = linter.lint([item.message for item in items if item.message])
    assert [r for _, r in out if not r.error] == expected


def test_one_pipe_per_batch_and_regrade_parses_nothing(
    linter, items, pipe_calls, monkeypatch, tmp_path
):
    monkeypatch.setattr(local_engine, "BATCH", 4)
    first, unchanged, rubric = ParseStats(), ParseStats(), ParseStats()
    reports = [
        r for _, r in grade_local(items, linter.settings, cache_dir=str(tmp_path), stats=first)
    ]
    assert [len(c) for c in pipe_calls] == [3, 4, 3]  # the unreadable 4th item is never parsed
    assert (first.parsed, first.cached, first.reused) == (10, 0, 0)
    pipe_calls.clear()
    again = [
        r for _, r in grade_local(items, linter.settings, cache_dir=str(tmp_path), stats=unchanged)
    ]
    assert again == reports
    assert (unchanged.parsed, unchanged.cached, unchanged.reused) == (0, 0, 10)
    weighted = linter.settings.model_copy(update={"weights": {"vague-ask": 40}})
    rescored = [r for _, r in grade_local(items, weighted, cache_dir=str(tmp_path), stats=rubric)]
    assert (rubric.parsed, rubric.cached, rubric.reused) == (0, 10, 0)
    assert all(len(c) == 0 for c in pipe_calls)
    assert rescored == [r for _, r in grade_local(items, weighted)] != reports


def test_items_are_pulled_one_batch_at_a_time(linter, items, monkeypatch):
    monkeypatch.setattr(local_engine, "BATCH", 4)
    pulled = []

    def source():
        for item in items:
            pulled.append(item.id)
            yield item

    results = grade_local(source(), linter.settings)
    next(results)
    assert len(pulled) == 4
    assert len(list(results)) == len(items) - 1


def test_progress_counts_every_item(linter, items, monkeypatch):
    monkeypatch.setattr(local_engine, "BATCH", 4)
    steps: list[int] = []
    list(grade_local(items, linter.settings, progress=steps.append))
    assert steps == [4, 4, 3]


def test_a_crash_in_one_draft_is_its_error_row(linter, items, monkeypatch):
    real = Linter.analyse
    victim = items[1].message

    def analyse(self, message, doc):
        if message is victim:
            raise RuntimeError("boom")
        return real(self, message, doc)

    monkeypatch.setattr(Linter, "analyse", analyse)
    out = list(grade_local(items, linter.settings))
    assert "internal error" in out[1][1].error and "boom" in out[1][1].error
    assert sum(1 for _, r in out if r.error) == 2


def test_a_text_spacy_fails_on_costs_only_its_own_row(linter, items, monkeypatch):
    real = linter.nlp.pipe
    victim = work.analysable_text(items[2].message)

    def pipe(texts, **kwargs):
        texts = list(texts)
        if victim in texts:
            raise ValueError("cannot parse this one")
        return real(texts, **kwargs)

    monkeypatch.setattr(linter.nlp, "pipe", pipe)
    out = list(grade_local(items, linter.settings))
    assert "cannot parse this one" in out[2][1].error
    assert [n for n, (_, r) in enumerate(out) if r.error] == [2, 3]
    assert [r for n, (_, r) in enumerate(out) if n not in (2, 3)] == linter.lint(
        [item.message for n, item in enumerate(items) if n not in (2, 3)]
    )


def test_grade_messages_keeps_one_linter_per_settings(linter, items):
    settings_json = linter.settings.model_dump_json()
    messages = [item.message for item in items if item.message][:4]
    graded = work.grade_messages(messages, settings_json)
    assert graded.reports == linter.lint(messages) and (graded.parsed, graded.cached) == (4, 0)
    assert work.linter_of(settings_json) is work.linter_of(settings_json)


def test_two_processes_give_the_same_reports_and_share_the_cache(linter, tmp_path):
    """Past MIN_PARALLEL drafts, --jobs 2 grades in two worker processes; they fill the cache the
    next run reads."""
    items = _numbered(
        list(
            iter_items(
                [str(CORPORA / "heldout.jsonl"), str(CORPORA / "heldout2.jsonl")], label_ids=COLUMNS
            )
        )
    )
    assert len(items) >= local_engine.MIN_PARALLEL
    alone = [r for _, r in grade_local(items, linter.settings)]
    first, second = ParseStats(), ParseStats()
    pooled = list(
        grade_local(iter(items), linter.settings, jobs=2, cache_dir=str(tmp_path), stats=first)
    )
    again = [
        r
        for _, r in grade_local(
            iter(items), linter.settings, jobs=2, cache_dir=str(tmp_path), stats=second
        )
    ]
    assert [item for item, _ in pooled] == items
    assert [r for _, r in pooled] == alone == again
    assert (first.parsed, first.cached, first.reused) == (len(items), 0, 0)
    assert (second.parsed, second.cached, second.reused) == (0, 0, len(items))


def test_workers_are_forked_only_from_a_process_with_one_thread():
    """The CLI forks (Linux, nothing loaded yet); a process with any other thread spawns instead."""
    code = "from intro_lint.apps.grade.local_executor import start_method; print(start_method())"
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert fresh.stdout.strip() == ("fork" if sys.platform.startswith("linux") else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert local_engine.start_method() == "spawn"
    finally:
        stop.set()
        other.join()


def test_a_dead_worker_process_is_a_clear_error():
    future: Future = Future()
    future.set_exception(BrokenProcessPool("killed"))
    with pytest.raises(IntroLintError, match="a grading process died .*--jobs 1"):
        local_engine._result(future)
