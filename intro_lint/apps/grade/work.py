"""The per-batch grading work all executors run: messages in, reports out, a Linter per process."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intro_lint.analyse.analysis import analysable_text
from intro_lint.analyse.pipeline import parse_many
from intro_lint.apps.grade.batches import Graded
from intro_lint.apps.grade.doc_cache import DocCache
from intro_lint.apps.grade.report_cache import ReportCache
from intro_lint.check.signals import NO_SIGNALS, Signals
from intro_lint.errors import InputError
from intro_lint.linter import Linter, error_report, linter_for
from intro_lint.model import Message, Report
from intro_lint.settings.fields import Settings

if TYPE_CHECKING:  # spaCy is imported where the pipeline loads (analyse/pipeline.py), not here
    from spacy.tokens import Doc


def linter_of(settings_json: str) -> Linter:
    """The Linter for these settings (linter_for loads rules and pipeline once per process)."""
    return linter_for(Settings.model_validate_json(settings_json))


def warm(settings_json: str) -> None:
    """Load rules and pipeline now (a worker process's initializer), not with the first batch."""
    _ = linter_of(settings_json).nlp


def grade_messages(
    messages: list[Message],
    settings_json: str,
    cache_dir: str | None = None,
    run_identity: str | None = None,
    signals: Sequence[Signals] | None = None,
) -> Graded:
    """Reports in input order: the cache's docs where it has them, one nlp.pipe pass over the rest.

    With `cache_dir` the parses are cached; with `run_identity` too, the finished reports as well.
    `signals`, one per message, is what the batch knows about each draft (near-copies).
    """
    linter = linter_of(settings_json)
    cache = _cache(linter, cache_dir)
    texts = [analysable_text(m) for m in messages]
    docs: list[Doc | None] = (
        [cache.get(t) for t in texts] if cache is not None else [None] * len(texts)
    )
    misses = [n for n, doc in enumerate(docs) if doc is None]
    for n, doc in zip(misses, _parse([texts[n] for n in misses], linter), strict=False):
        docs[n] = doc
        if cache is not None and not isinstance(doc, Exception):
            cache.put(texts[n], doc)
    batch = signals if signals is not None else [NO_SIGNALS] * len(messages)
    reports = [
        report_or_error(linter, m, doc, s) for m, doc, s in zip(messages, docs, batch, strict=True)
    ]
    if cache_dir is not None and run_identity is not None:
        kept = ReportCache(Path(cache_dir), run_identity)
        for message, report in zip(messages, reports, strict=True):
            kept.put(message, report)
    return Graded(reports, parsed=len(misses), cached=len(messages) - len(misses))


def _cache(linter: Linter, cache_dir: str | None) -> DocCache | None:
    if cache_dir is None:
        return None
    return DocCache(linter.nlp, Path(cache_dir))


def _parse(texts: list[str], linter: Linter) -> Iterator[Doc | Exception]:
    """One nlp.pipe pass; if spaCy fails on the batch, each text alone: only the bad one fails."""
    try:
        yield from list(parse_many(linter.nlp, texts))
        return
    except Exception:  # a text spaCy chokes on: find it without losing the others
        pass
    for text in texts:
        try:
            yield next(iter(parse_many(linter.nlp, [text])))
        except Exception as exc:
            yield exc


def report_or_error(
    linter: Linter, message: Message, doc: Doc | Exception, signals: Signals = NO_SIGNALS
) -> Report:
    """One draft's report; a crash in parse or analysis is that draft's error, not the batch's."""
    try:
        if isinstance(doc, Exception):
            raise doc
        return linter.report(linter.analyse(message, doc), signals)
    except Exception as exc:  # one odd draft must not sink a class of 10,000
        return error_report(
            InputError(message.path, f"internal error while grading ({type(exc).__name__}: {exc})")
        )
