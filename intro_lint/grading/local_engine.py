"""Grade on this machine: chunks of drafts, cached docs reused, the rest through one nlp.pipe per chunk."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..analysis import analysable_text
from ..errors import InputError
from ..lint import Linter, error_report
from ..models import Report
from ..nlp import BATCH_SIZE
from .model import GradeItem
from .work import report_or_error

if TYPE_CHECKING:
    from .cache import DocCache

CHUNK = 512  # drafts per nlp.pipe call: their texts and reports are in memory, their docs only briefly
MIN_PARALLEL = 50  # NOTES.md: n_process=2 pays off only above ~50 drafts


@dataclass
class ParseStats:
    parsed: int = 0
    cached: int = 0


def grade_local(items: Iterable[GradeItem], linter: Linter, jobs: int = 1, cache: "DocCache | None" = None,
                progress: Callable[[int], None] | None = None,
                stats: ParseStats | None = None) -> Iterator[tuple[GradeItem, Report]]:
    """(item, report) in input order; only one chunk of drafts and docs is alive at a time."""
    stats = stats if stats is not None else ParseStats()
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        results = grade_chunk(chunk, linter, jobs, cache, stats)
        if progress:
            progress(len(chunk))
        yield from results


def grade_chunk(chunk: list[GradeItem], linter: Linter, jobs: int, cache: "DocCache | None",
                stats: ParseStats) -> list[tuple[GradeItem, Report]]:
    good = [item for item in chunk if item.message is not None]
    reports = dict(graded(good, linter, jobs, cache, stats))
    return [(item, reports.get(item.index) or unreadable(item)) for item in chunk]


def graded(good: list[GradeItem], linter: Linter, jobs: int, cache: "DocCache | None",
           stats: ParseStats) -> Iterator[tuple[int, Report]]:
    """(index, report): cache hits first, then the misses of one nlp.pipe pass, each graded as it arrives.

    Grading a parsed doc while the worker processes parse the next ones overlaps the two; every doc
    is dropped once graded, so a chunk never holds more than the few docs spaCy has in flight.
    """
    todo = []
    for item in good:
        text = analysable_text(item.message)
        doc = cache.get(text) if cache is not None else None
        if doc is None:
            todo.append((item, text))
        else:
            yield item.index, report_or_error(linter, item.message, doc)
    stats.cached += len(good) - len(todo)
    stats.parsed += len(todo)
    n_process = jobs if len(todo) >= MIN_PARALLEL else 1
    docs = linter.nlp.pipe((text for _, text in todo), batch_size=BATCH_SIZE, n_process=n_process)
    for (item, text), doc in zip(todo, docs):
        if cache is not None:
            cache.put(text, doc)
        yield item.index, report_or_error(linter, item.message, doc)


def unreadable(item: GradeItem) -> Report:
    return error_report(InputError(item.id, item.error or "could not be read"))
