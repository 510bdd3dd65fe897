"""`grade --engine dask`: the same per-draft work as the local engine, run on a Dask cluster."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import IntroLintError, InputError
from ..lint import error_report
from ..models import Message, Report
from .model import GradeItem

if TYPE_CHECKING:  # dask is an optional extra, imported only when this engine runs
    from distributed import Client, Future

BATCH_SIZE = 64  # drafts per task: big enough to amortise a round trip, small enough to spread out
IN_FLIGHT_PER_WORKER = 2  # batches submitted ahead per worker thread: memory stays bounded
WORKER_WAIT = 60.0  # seconds to wait for a remote scheduler to have at least one worker
LOCAL = ("", "local")  # --scheduler values (besides None) that mean "start a cluster on this machine"
MISSING = "--engine dask needs dask.distributed: pip install 'intro-lint[dask]'"

Work = Callable[[list[Message], str], list[Report]]


def grade_dask(
    items: Iterable[GradeItem],
    settings: Settings,
    scheduler: str | None,
    jobs: int = 2,
    *,
    batch_size: int = BATCH_SIZE,
    work: Work | None = None,
) -> Iterator[tuple[GradeItem, Report]]:
    """Grade drafts on Dask workers; yields (item, report) in input order.

    `scheduler` is a scheduler address (`tcp://host:8786`), or None/"local" for a cluster of `jobs`
    single-threaded worker processes on this machine (loopback only, no dashboard), closed at the end.
    Each task grades a batch of `batch_size` drafts with `work` (default:
    `intro_lint.grading.work.grade_messages`, whose per-process cache loads the pipeline once per
    worker); at most IN_FLIGHT_PER_WORKER batches per worker thread are submitted ahead, so `items`
    is consumed lazily and memory stays bounded. Items that could not be read (`message` is None)
    are never sent: they come back with an error report. A failed task (a worker died, the cluster
    went away) ends the run with an IntroLintError naming it; a draft that breaks the analysis is
    that draft's error report (work.py), not a failed task.
    """
    distributed = _import_distributed()
    if work is None:
        from .work import grade_messages as work
    settings_json = settings.model_dump_json()
    client, cluster = _connect(distributed, scheduler, jobs)
    try:
        pending: deque[tuple[list[GradeItem], Future | None]] = deque()
        for batch in _batches(items, batch_size):
            messages = [item.message for item in batch if item.message is not None]
            future = client.submit(work, messages, settings_json, pure=False) if messages else None
            pending.append((batch, future))
            limit = IN_FLIGHT_PER_WORKER * _worker_threads(client, jobs)  # workers may come and go
            while len(pending) >= limit:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        for each in (client, cluster):
            if each is not None:
                each.close()


def _collect(batch: list[GradeItem], future: Future | None) -> Iterator[tuple[GradeItem, Report]]:
    """Wait for one batch and pair its reports with its items, unreadable ones in their place."""
    reports: Iterator[Report] = iter(())
    if future is not None:
        try:
            got = future.result()
        except IntroLintError:
            raise
        except Exception as exc:  # a worker died, the cluster went away, a bug in the worker code
            raise IntroLintError(f"a Dask task failed: {type(exc).__name__}: {exc}") from exc
        future.release()  # the scheduler forgets the result now, not at the end of the run
        expected = sum(item.message is not None for item in batch)
        if len(got) != expected:
            raise IntroLintError(f"a Dask task returned {len(got)} reports for {expected} drafts")
        reports = iter(got)
    for item in batch:
        yield item, next(reports) if item.message is not None else unreadable(item)


def unreadable(item: GradeItem) -> Report:
    """The error report of a draft that could not be read (its GradeItem has no message)."""
    return error_report(InputError(item.id, item.error or "could not be read"))


def _batches(items: Iterable[GradeItem], size: int) -> Iterator[list[GradeItem]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise IntroLintError(MISSING) from None
    return distributed


def _connect(distributed, scheduler: str | None, jobs: int) -> tuple["Client", Any]:
    """A client of the given scheduler, or of a new local cluster (returned too, to be closed)."""
    if scheduler is None or scheduler.strip().lower() in LOCAL:
        cluster = distributed.LocalCluster(
            n_workers=max(1, jobs), threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
        )
        try:
            return distributed.Client(cluster, set_as_default=False), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        client = distributed.Client(scheduler, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        raise IntroLintError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except (TimeoutError, OSError) as exc:
        client.close()
        raise IntroLintError(
            f"the Dask scheduler at {scheduler} has no workers (waited {WORKER_WAIT:g} s): {exc}"
        ) from None
    return client, None


def _worker_threads(client: "Client", fallback: int) -> int:
    """Total worker threads the scheduler knows of right now (the in-flight bound scales with it)."""
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # an odd scheduler answer only costs us the right bound
        threads = 0
    return max(1, threads or fallback)
