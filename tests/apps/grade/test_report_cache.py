"""Report cache: a report is reused only for the same draft, settings, rules, pipeline and code."""

from __future__ import annotations

import shutil

import pytest

from intro_lint.apps import atomic
from intro_lint.apps.grade import report_cache
from intro_lint.apps.grade.report_cache import ReportCache, run_identity
from intro_lint.check.catalogue import builtin_dir, load_catalogue
from intro_lint.read.message import read_text

DRAFT = (
    "Hi Ana,\n\nWould you introduce me to your CFO, Lee Park? I am moving into fintech and would "
    "love to hear how Lee scaled the finance team. Happy to send a short note you can forward.\n\n"
    "Thanks,\nRobin\n"
)


@pytest.fixture
def graded(linter):
    message = read_text(DRAFT, "robin.txt")
    return message, linter.lint([message])[0]


def identity(linter, **changes) -> str:
    settings = linter.settings.model_copy(update=changes)
    return run_identity(settings, load_catalogue(settings.rule_dirs))


def test_a_stored_report_comes_back_equal(linter, graded, tmp_path):
    message, report = graded
    cache = ReportCache(tmp_path, identity(linter))
    assert cache.get(message) is None
    cache.put(message, report)
    assert (
        ReportCache(tmp_path, identity(linter)).get(message) == report
    )  # a new instance: from disk


def test_any_change_to_draft_or_run_is_a_miss(linter, graded, tmp_path):
    message, report = graded
    ReportCache(tmp_path, identity(linter)).put(message, report)
    assert ReportCache(tmp_path, identity(linter)).get(read_text(DRAFT + " ", "robin.txt")) is None
    assert ReportCache(tmp_path, identity(linter)).get(read_text(DRAFT, "other.txt")) is None
    assert ReportCache(tmp_path, identity(linter, weights={"vague-ask": 30})).get(message) is None
    assert (
        ReportCache(tmp_path, identity(linter, severity={"vague-ask": "error"})).get(message)
        is None
    )
    assert ReportCache(tmp_path, identity(linter, ignore=["vague-ask"])).get(message) is None


def test_an_edited_rule_file_is_a_new_identity(linter, tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    rule = builtin_dir() / "long-silence.toml"
    shutil.copy(rule, folder / rule.name)
    before = identity(linter, rule_dirs=[str(folder)])
    text = (folder / rule.name).read_text()
    assert "\nweight = 10\n" in text
    (folder / rule.name).write_text(text.replace("\nweight = 10\n", "\nweight = 25\n"))
    assert identity(linter, rule_dirs=[str(folder)]) != before


def test_an_edited_source_file_is_a_new_identity(linter, monkeypatch):
    before = identity(linter)
    monkeypatch.setattr(report_cache, "code_fingerprint", lambda: "a different build")
    assert identity(linter) != before


def test_corrupt_or_foreign_entries_are_misses_and_errors_are_never_stored(
    linter, graded, tmp_path
):
    message, report = graded
    cache = ReportCache(tmp_path, identity(linter))
    cache.put(message, report)
    cache.path(message).write_bytes(b"not zlib at all")
    assert cache.get(message) is None
    broken = report.model_copy(
        update={"error": "internal error while grading (RuntimeError: boom)"}
    )
    other = read_text(DRAFT.replace("Robin", "Sam"), "sam.txt")
    cache.put(other, broken)
    assert not cache.path(other).exists() and cache.get(other) is None


def test_an_unwritable_cache_is_skipped(linter, graded, tmp_path):
    message, report = graded
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = ReportCache(blocker, identity(linter))
    cache.put(message, report)  # no exception
    assert cache.get(message) is None


def test_a_failed_write_keeps_the_old_entry_and_no_temp_file(linter, graded, tmp_path, monkeypatch):
    message, report = graded
    cache = ReportCache(tmp_path, identity(linter))
    cache.put(message, report)
    before = cache.path(message).read_bytes()

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    cache.put(message, report.model_copy(update={"score": 1}))  # swallowed, as before
    assert cache.path(message).read_bytes() == before
    assert [p.name for p in cache.path(message).parent.iterdir()] == [cache.path(message).name]
