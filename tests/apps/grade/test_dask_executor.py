"""`grade --engine dask`: a local cluster of process workers gives the local run's reports."""

from __future__ import annotations

import operator
import sys
from pathlib import Path

import pytest

from intro_lint.apps.grade.batches import unreadable
from intro_lint.apps.grade.dask_executor import grade_dask
from intro_lint.apps.grade.values import GradeItem
from intro_lint.errors import IntroLintError
from intro_lint.read.message import read_path
from intro_lint.settings.fields import Settings

ROOT = Path(__file__).resolve().parents[3]
DRAFTS = sorted(
    p
    for p in (ROOT / "examples").iterdir()
    if p.suffix in (".txt", ".eml", ".md") and p.name != "README.md"
)
# Where unreadable drafts sit in the input: alone inside a batch, at the very start, and four in a
# row, so that with batch_size=4 one whole batch has nothing to send.
BROKEN_AT = (0, 5, 9, 10, 11, 12)


def _items() -> list[GradeItem]:
    drafts = iter(DRAFTS)
    items = []
    for index in range(len(DRAFTS) + len(BROKEN_AT)):
        if index in BROKEN_AT:
            items.append(GradeItem(index=index, id=f"broken-{index}.txt", error="file is empty"))
        else:
            path = next(drafts)
            items.append(
                GradeItem(
                    index=index, id=path.name, student=path.stem, message=read_path(str(path))
                )
            )
    return items


@pytest.fixture(scope="module")
def graded():
    """One run on a fresh local cluster: 2 worker processes, 1 thread each, batches of 4 drafts."""
    pytest.importorskip(
        "distributed", reason="dask[distributed] is not installed (pip install 'intro-lint[dask]')"
    )
    items = _items()
    return items, list(grade_dask(iter(items), Settings(), None, jobs=2, batch_size=4))


def test_dask_reports_equal_the_local_run_in_input_order(graded, linter):
    items, got = graded
    assert [item for item, _ in got] == items  # every item, once, in input order
    readable = [(item, report) for item, report in got if item.message is not None]
    assert len(readable) == len(DRAFTS) >= 10
    expected = linter.lint([item.message for item, _ in readable])
    assert [report for _, report in readable] == expected
    assert all(report.error is None for _, report in readable)


def test_unreadable_items_come_back_in_place_with_an_error_report(graded):
    items, got = graded
    broken = [(item, report) for item, report in got if item.index in BROKEN_AT]
    assert [item.id for item, _ in broken] == [f"broken-{i}.txt" for i in BROKEN_AT]
    for item, report in broken:
        assert report == unreadable(item)
        assert (report.path, report.error, report.grade, report.score) == (
            item.id,
            "file is empty",
            "-",
            0,
        )


def test_a_running_scheduler_streams_and_each_worker_loads_the_pipeline_once(linter):
    """Through a scheduler address, as `--scheduler tcp://...` does; the input is pulled a few
    batches ahead, and a task that fails on a worker ends the run with one clear error."""
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from intro_lint.linter import linters_loaded

    items = _items()
    pulled = []

    def source():
        for item in items:
            pulled.append(item.index)
            yield item

    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        results = grade_dask(source(), Settings(), cluster.scheduler_address, batch_size=2)
        first = next(results)
        ahead = len(pulled)  # 2 worker threads x 2 batches in flight x 2 drafts
        got = [first, *results]
        loads = client.run(linters_loaded)  # on each worker: one miss = one Linter built
        with pytest.raises(
            IntroLintError, match="a Dask task failed: TypeError"
        ):  # a task that raises
            list(grade_dask(items, Settings(), cluster.scheduler_address, work=operator.truediv))
    assert ahead <= 8 < len(items)
    assert [item for item, _ in got] == items
    assert [r for i, r in got if i.message is not None] == linter.lint(
        [i.message for i in items if i.message]
    )
    assert len(loads) == 2 and all(
        info.misses == 1 and info.currsize == 1 for info in loads.values()
    ), loads


def test_missing_dask_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(
        sys.modules, "distributed", None
    )  # `import distributed` now raises ImportError
    with pytest.raises(IntroLintError, match=r"pip install 'intro-lint\[dask\]'"):
        next(grade_dask([], Settings(), None))
