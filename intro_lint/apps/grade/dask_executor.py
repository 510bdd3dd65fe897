"""`grade --engine dask`: the same per-batch work as the local executor, run on a Dask cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from intro_lint.apps.grade.batches import Graded, Ordered, ParseStats, batches
from intro_lint.apps.grade.values import GradeItem
from intro_lint.apps.grade.work import grade_messages
from intro_lint.errors import IntroLintError
from intro_lint.model import Message, Report
from intro_lint.settings.fields import Settings

if TYPE_CHECKING:  # dask is an optional extra, imported only when this executor runs
    from distributed import Client, Future

BATCH_SIZE = 64  # drafts per task: big enough to amortise a round trip, small enough to spread out
IN_FLIGHT_PER_WORKER = 2  # batches submitted ahead per worker thread: memory stays bounded
WORKER_WAIT = 60.0  # seconds to wait for a remote scheduler to have at least one worker
LOCAL = (
    "",
    "local",
)  # --scheduler values (besides None) that mean "start a cluster on this machine"
MISSING = "--engine dask needs dask.distributed: pip install 'intro-lint[dask]'"

Work = Callable[[list[Message], str], Graded]


def grade_dask(
    items: Iterable[GradeItem],
    settings: Settings,
    scheduler: str | None,
    jobs: int = 2,
    *,
    batch_size: int = BATCH_SIZE,
    work: Work | None = None,
    stats: ParseStats | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[GradeItem, Report]]:
    """Grade drafts on Dask workers; yields (item, report) in input order.

    `scheduler` is a scheduler address (`tcp://host:8786`), or None/"local" for a cluster of `jobs`
    single-threaded worker processes on this machine (loopback only, no dashboard), closed at the
    end. Each task grades a batch of `batch_size` drafts with `work` (default:
    `intro_lint.apps.grade.work.grade_messages`, whose per-process cache loads the pipeline once per
    worker; workers parse every draft, as they may not share this machine's doc cache); at most
    IN_FLIGHT_PER_WORKER batches per worker thread are submitted ahead, so `items` is consumed
    lazily and memory stays bounded. Items that could not be read (`message` is None) are never
    sent: they come back with an error report. A failed task (a worker died, the cluster went away)
    ends the run with an IntroLintError naming it; a draft that breaks the analysis is that draft's
    error report (work.py), not a failed task.
    """
    distributed = _import_distributed()
    work = grade_messages if work is None else work
    settings_json = settings.model_dump_json()
    client, cluster = _connect(distributed, scheduler, jobs)
    try:
        yield from Ordered(
            submit=lambda messages: client.submit(work, messages, settings_json, pure=False),
            result=_result,
            limit=lambda: (
                IN_FLIGHT_PER_WORKER * _worker_threads(client, jobs)
            ),  # workers may come and go
        ).run(batches(items, batch_size), stats if stats is not None else ParseStats(), progress)
    finally:
        for each in (client, cluster):
            if each is not None:
                each.close()


def _result(future: Future) -> Graded:
    """Wait for a task; its failure becomes an IntroLintError; the scheduler forgets the result."""
    try:
        got = future.result()
    except IntroLintError:
        raise
    except Exception as exc:  # a worker died, the cluster went away, a bug in the worker code
        raise IntroLintError(f"a Dask task failed: {type(exc).__name__}: {exc}") from exc
    future.release()  # the scheduler forgets the result now, not at the end of the run
    if not isinstance(got, Graded):
        raise IntroLintError(f"a Dask task returned {type(got).__name__}, not graded reports")
    return got


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise IntroLintError(MISSING) from None
    return distributed


def _connect(distributed, scheduler: str | None, jobs: int) -> tuple[Client, Any]:
    """A client of the given scheduler, or of a new local cluster (returned too, to be closed)."""
    if scheduler is None or scheduler.strip().lower() in LOCAL:
        cluster = distributed.LocalCluster(
            n_workers=max(1, jobs),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
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


def _worker_threads(client: Client, fallback: int) -> int:
    """Total worker threads the scheduler knows of now (the in-flight bound scales with it)."""
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # an odd scheduler answer only costs us the right bound
        threads = 0
    return max(1, threads or fallback)
