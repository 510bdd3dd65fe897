"""Grade on this machine: batches of drafts, each parsed and analysed in one of --jobs processes."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from intro_lint.apps.grade.batches import Graded, Ordered, ParseStats, batches
from intro_lint.apps.grade.report_cache import ReportCache, run_identity
from intro_lint.apps.grade.values import GradeItem
from intro_lint.apps.grade.work import grade_messages, warm
from intro_lint.check.catalogue import RuleSpec, load_catalogue
from intro_lint.errors import IntroLintError
from intro_lint.model import Report
from intro_lint.settings.fields import Settings

BATCH = 16  # drafts per task: one nlp.pipe call; small, so the last tasks end close together
AHEAD = 2  # batches in flight per process: memory stays bounded, no process waits for work
MIN_PARALLEL = 50  # NOTES.md: a second process pays off only above ~50 drafts


def grade_local(
    items: Iterable[GradeItem],
    settings: Settings,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Callable[[int], None] | None = None,
    stats: ParseStats | None = None,
    rules: dict[str, RuleSpec] | None = None,
) -> Iterator[tuple[GradeItem, Report]]:
    """(item, report) in input order; items are pulled a few batches ahead, never all at once.

    With jobs > 1 (and at least MIN_PARALLEL drafts) each worker process loads the pipeline once,
    reads cached docs or parses its batch, analyses it and sends back reports: parsed docs never
    leave the process that made them. `cache_dir` is the cache root (None: no cache): parses are
    cached there, and so are finished reports, which a later run with the same drafts, settings,
    rules, pipeline and code takes as they are. `rules` is the loaded catalogue, if the caller
    has it.
    """
    stats = stats if stats is not None else ParseStats()
    if cache_dir is not None and rules is None:
        rules = load_catalogue(settings.rule_dirs)
    identity = run_identity(settings, rules) if cache_dir is not None else None
    known = (
        ReportCache(Path(cache_dir), identity).get
        if cache_dir is not None
        else lambda message: None
    )
    work = partial(
        grade_messages,
        settings_json=settings.model_dump_json(),
        cache_dir=cache_dir,
        run_identity=identity,
    )
    todo = batches(items, BATCH)
    head = list(itertools.islice(todo, -(-MIN_PARALLEL // BATCH))) if jobs > 1 else []
    queued = itertools.chain(head, todo)
    if jobs > 1 and sum(map(len, head)) >= MIN_PARALLEL:
        yield from _in_pool(queued, work, known, settings, jobs, stats, progress)
    else:  # in this process, one batch at a time
        yield from Ordered(
            submit=work, result=lambda graded: graded, limit=lambda: 1, known=known
        ).run(queued, stats, progress)


def _in_pool(queued, work, known, settings: Settings, jobs: int, stats: ParseStats, progress):
    """Workers start with the first batch that needs grading: reused reports alone start none."""
    context = multiprocessing.get_context(start_method())
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(settings.model_dump_json(),)
    )
    try:
        yield from Ordered(
            submit=lambda messages: pool.submit(work, messages),
            result=_result,
            limit=lambda: AHEAD * jobs,
            known=known,
        ).run(queued, stats, progress)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def start_method() -> str:
    """fork on Linux while this process has one thread (the CLI before it loads spaCy): workers
    start at once, import nothing again and skip interpreter teardown when they end. Anywhere else,
    spawn: forking a process that has other threads (numpy's BLAS pool, say) can deadlock the child.
    """
    if sys.platform.startswith("linux") and _thread_count() == 1:
        return "fork"
    return "spawn"


def _thread_count() -> int:
    """Threads of this process as the kernel counts them (native ones too); 0 if it cannot tell."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


def _start_worker(settings_json: str) -> None:
    """Leave Ctrl-C to the main process (it cancels what is queued); then load the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm(settings_json)


def _result(future: Future[Graded]) -> Graded:
    try:
        return future.result()
    except IntroLintError:
        raise
    except BrokenProcessPool as exc:
        raise IntroLintError(f"a grading process died ({exc}); try --jobs 1") from None
    except Exception as exc:  # a bug in the worker code: say what, do not print a traceback
        raise IntroLintError(f"a grading process failed: {type(exc).__name__}: {exc}") from exc
