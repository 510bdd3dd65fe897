"""Batches of drafts sent out for grading, their reports paired back with items in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

from intro_lint.apps.grade.values import GradeItem
from intro_lint.errors import InputError, IntroLintError
from intro_lint.linter import error_report
from intro_lint.model import Message, Report

F = TypeVar("F")  # a pending result: a concurrent.futures.Future, a Dask Future


@dataclass(frozen=True)
class Graded:
    """A batch's reports (readable drafts only, in order) and how many were parsed or cached."""

    reports: list[Report]
    parsed: int = 0
    cached: int = 0


@dataclass
class ParseStats:
    parsed: int = 0  # drafts parsed by spaCy
    cached: int = 0  # drafts whose parse came from the doc cache
    # drafts whose whole report came from the report cache (neither parsed nor analysed)
    reused: int = 0
    relinted: int = 0  # near-copies linted again in the main process with their batch signal

    def add(self, graded: Graded) -> None:
        self.parsed += graded.parsed
        self.cached += graded.cached


def batches(items: Iterable[GradeItem], size: int) -> Iterator[list[GradeItem]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


def messages_of(batch: list[GradeItem]) -> list[Message]:
    return [item.message for item in batch if item.message is not None]


def unreadable(item: GradeItem) -> Report:
    """The error report of a draft that could not be read (its GradeItem has no message)."""
    return error_report(InputError(item.id, item.error or "could not be read"))


def paired(batch: list[GradeItem], reports: list[Report]) -> Iterator[tuple[GradeItem, Report]]:
    """(item, report) for each item of the batch; unreadable items get an error report in place."""
    expected = sum(item.message is not None for item in batch)
    if len(reports) != expected:
        raise IntroLintError(
            f"a grading task returned {len(reports)} reports for {expected} drafts"
        )
    got = iter(reports)
    for item in batch:
        yield item, next(got) if item.message is not None else unreadable(item)


@dataclass
class Ordered(Generic[F]):
    """Submit batches ahead, at most `limit()` in flight; hand results back in submission order."""

    submit: Callable[[list[Message]], F]
    result: Callable[[F], Graded]  # waits; raises IntroLintError when the task failed
    limit: Callable[[], int]
    known: Callable[[Message], Report | None] = lambda message: None  # a report needing no grading

    def run(
        self,
        work: Iterable[list[GradeItem]],
        stats: ParseStats,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[GradeItem, Report]]:
        pending: deque[tuple[list[GradeItem], list[Report | None], F | None]] = deque()
        for batch in work:
            messages = messages_of(batch)
            known = [self.known(m) for m in messages]
            send = [m for m, report in zip(messages, known, strict=True) if report is None]
            pending.append((batch, known, self.submit(send) if send else None))
            while len(pending) >= max(1, self.limit()):
                yield from self._finish(*pending.popleft(), stats, progress)
        while pending:
            yield from self._finish(*pending.popleft(), stats, progress)

    def _finish(self, batch, known, future, stats, progress):
        graded = self.result(future) if future is not None else Graded([])
        stats.add(graded)
        stats.reused += sum(report is not None for report in known)
        if len(graded.reports) != known.count(None):
            raise IntroLintError(
                f"a grading task returned {len(graded.reports)} reports "
                f"for {known.count(None)} drafts"
            )
        fresh = iter(graded.reports)
        if progress:
            progress(len(batch))
        yield from paired(
            batch, [report if report is not None else next(fresh) for report in known]
        )
