"""The parsed-doc cache: a cached doc grades exactly like a fresh parse; bad entries are misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from intro_lint.analyse import boundaries
from intro_lint.analyse.analysis import analysable_text, analyse
from intro_lint.apps.grade import doc_cache
from intro_lint.apps.grade.doc_cache import DocCache, cache_root
from intro_lint.apps.grade.records import label_columns
from intro_lint.apps.grade.sources import iter_items

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "heldout2.jsonl"


@pytest.fixture(scope="module")
def messages(linter):
    items = iter_items([str(CORPUS)], label_ids=label_columns(linter.rules))
    return [item.message for item in items]


def sents(doc):
    return [(s.start_char, s.end_char) for s in doc.sents]


def test_cached_doc_gives_the_same_report_and_sentences(linter, messages, tmp_path):
    cache = DocCache(linter.nlp, tmp_path)
    for message in messages:
        text = analysable_text(message)
        fresh = linter.nlp(text)
        cache.put(text, fresh)
        cached = DocCache(linter.nlp, tmp_path).get(text)  # a new instance: read from disk
        assert cached is not None and cached is not fresh
        assert sents(cached) == sents(fresh)
        assert [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in cached] == [
            (t.lemma_, t.pos_, t.dep_, t.head.i) for t in fresh
        ]
        assert linter.report(analyse(message, cached)) == linter.report(analyse(message, fresh))


def test_the_round_trip_check_would_see_lost_boundaries(linter, messages):
    """Our boundaries change some drafts' sentences, so the test above truly checks they survive."""
    changed = 0
    for message in messages:
        text = analysable_text(message)
        with linter.nlp.select_pipes(disable=[boundaries.NAME]):
            plain = linter.nlp(text)
        changed += sents(plain) != sents(linter.nlp(text))
    assert changed > 0


def test_corrupt_entry_is_ignored_and_rewritten(linter, tmp_path):
    text = "Hi Jo,\n\nCould you review the pricing slide of my deck?\n\nAl"
    cache = DocCache(linter.nlp, tmp_path)
    cache.path(text).parent.mkdir(parents=True)
    cache.path(text).write_bytes(b"\x00garbage")
    assert cache.get(text) is None and cache.corrupt == 1 and cache.misses == 1
    cache.put(text, linter.nlp(text))
    assert cache.get(text).text == text and cache.hits == 1
    assert not list(cache.path(text).parent.glob("*.tmp"))


def test_an_entry_for_another_text_is_a_miss(linter, tmp_path):
    cache = DocCache(linter.nlp, tmp_path)
    a, b = "Hi Jo,\n\nCould you call me?\n\nAl", "Hi Jo,\n\nCould you email me?\n\nAl"
    cache.put(a, linter.nlp(a))
    cache.path(b).parent.mkdir(parents=True, exist_ok=True)
    cache.path(b).write_bytes(cache.path(a).read_bytes())
    assert cache.get(b) is None and cache.corrupt == 1


def test_key_follows_text_pipeline_and_versions(linter, monkeypatch, tmp_path):
    text = "Hi Jo,\n\nCould you call me?\n\nAl"
    key = DocCache(linter.nlp, tmp_path).key(text)
    assert DocCache(linter.nlp, tmp_path).key(text + " ") != key
    monkeypatch.setitem(linter.nlp.meta, "version", "0.0.1")
    assert DocCache(linter.nlp, tmp_path).key(text) != key
    monkeypatch.undo()
    monkeypatch.setattr(doc_cache, "__version__", "99.0")  # the version the module was built with
    assert DocCache(linter.nlp, tmp_path).key(text) != key
    monkeypatch.undo()
    assert DocCache(linter.nlp, tmp_path).key(text) == key


def test_unwritable_cache_is_skipped(linter, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    cache = DocCache(linter.nlp, tmp_path / "file")
    text = "Hi Jo,\n\nCould you call me?\n\nAl"
    cache.put(text, linter.nlp(text))
    assert cache.write_errors == 1 and cache.get(text) is None


def test_cache_root(tmp_path):
    assert cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "intro-lint"
    assert cache_root({}) == Path.home() / ".cache" / "intro-lint"
    assert cache_root({"XDG_CACHE_HOME": "relative/dir"}) == Path.home() / ".cache" / "intro-lint"
