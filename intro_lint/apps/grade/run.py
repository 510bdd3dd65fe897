"""Grade a class: drafts through an executor, near-copies found and linted again, the summary."""

from __future__ import annotations

import importlib.util
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from intro_lint.analyse.analysis import analysable_text
from intro_lint.apps.grade.baseline import apply_baseline, read_baseline
from intro_lint.apps.grade.batches import ParseStats, batches
from intro_lint.apps.grade.doc_cache import cache_root
from intro_lint.apps.grade.local_executor import grade_local
from intro_lint.apps.grade.records import label_columns
from intro_lint.apps.grade.sources import count_items, iter_items
from intro_lint.apps.grade.summary import class_report
from intro_lint.apps.grade.values import DuplicateGroup, GradeItem
from intro_lint.apps.grade.work import grade_messages
from intro_lint.check.engine import reads_signals
from intro_lint.check.signals import Signals
from intro_lint.errors import ConfigError
from intro_lint.linter import Linter, linter_for
from intro_lint.model import Message, Report
from intro_lint.settings.layers import load_settings

RELINT_BATCH = 64  # near-copies parsed (or read from the doc cache) and linted again at a time


@dataclass(frozen=True)
class Options:
    """How to run: executor (--engine), scheduler, processes, cache, baseline, quiet."""

    executor: str = "local"
    scheduler: str | None = None
    jobs: int = 1
    no_cache: bool = False
    baseline: str | None = None
    quiet: bool = False


@dataclass
class Collected:
    """What the report needs once the drafts are graded: the graded Messages, no parsed docs."""

    results: list[tuple[GradeItem, Report]] = field(default_factory=list)
    messages: dict[str, Message] = field(default_factory=dict)  # id -> the draft, to lint it again
    # near-copy groups (DuplicateGroup), sketched as drafts arrived
    groups: list = field(default_factory=list)

    @property
    def texts(self) -> dict[str, str]:
        """id -> Message.text (finding offsets point here)."""
        return {draft: message.text for draft, message in self.messages.items()}


def grade(inputs: list[str], cli: dict, opts: Options):
    """Grade everything: the class report, what it was built from, parse stats and the rules."""
    settings, linter = setup(cli)
    previous = read_baseline(opts.baseline) if opts.baseline else None
    stats = ParseStats()
    items = iter_items(inputs, settings.max_bytes, label_ids=label_columns(linter.rules))
    with progress_bar(inputs, opts.quiet) as progress:
        pairs = run_executor(opts, items, settings, linter.rules, progress, stats)
        collected = collect(pairs)
    groups = collected.groups
    relint_copies(collected, linter, cache_dir(opts), stats)
    active = [rule.id for rule in linter.active]
    report = class_report(collected.results, active, groups)
    return (
        (apply_baseline(report, previous) if previous else report),
        collected,
        stats,
        linter.rules,
    )


def setup(cli: dict):
    """Settings as `check` merges them (rule folders absolute for remote workers) and the Linter."""
    settings, _ = load_settings(cli, Path.cwd())
    settings = settings.model_copy(
        update={"rule_dirs": [os.path.abspath(d) for d in settings.rule_dirs]}
    )
    return settings, linter_for(settings)


def run_executor(opts: Options, items, settings, rules, progress, stats):
    """An iterator of (item, report) in input order from the chosen executor."""
    if opts.executor == "dask":
        return dask_grader()(
            items, settings, opts.scheduler, opts.jobs, stats=stats, progress=progress
        )
    return grade_local(items, settings, opts.jobs, cache_dir(opts), progress, stats, rules)


def cache_dir(opts: Options) -> str | None:
    """The cache root of a local run (None: --no-cache; Dask workers parse every draft)."""
    return None if opts.no_cache or opts.executor == "dask" else str(cache_root())


def dask_grader():
    """intro_lint.apps.grade.dask_executor.grade_dask, or ConfigError saying what to install."""
    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        raise ConfigError("--engine dask needs dask.distributed: pip install 'intro-lint[dask]'")
    try:  # here, not at the top: a build may leave the Dask executor out (the message below)
        from intro_lint.apps.grade.dask_executor import grade_dask
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.dask_executor":
            raise ConfigError("--engine dask is not available in this build") from None
        raise ConfigError(
            f"--engine dask needs {exc.name!r}: pip install 'intro-lint[dask]'"
        ) from None
    return grade_dask


@contextmanager
def progress_bar(inputs: list[str], quiet: bool):
    """A progress callback on stderr when it is a terminal (and not --quiet); None otherwise."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=count_items(inputs), label="grading", file=sys.stderr) as bar:
        yield bar.update


def collect(pairs) -> Collected:
    """Keep what the report needs; sketch each draft for near-copies while the rest are graded."""
    got = Collected()
    copies = None
    for item, report in pairs:
        got.results.append((item.model_copy(update={"message": None}), report))
        if item.message is not None and not report.error:
            got.messages[item.id] = item.message
            if copies is None:
                copies = (
                    near_copies()
                )  # imported with the first graded draft, while workers parse the rest
            if copies:
                copies.add(item.id, analysable_text(item.message))
    got.groups = copies.groups() if copies else []
    return got


def copy_signals(groups: list[DuplicateGroup]) -> dict[str, Signals]:
    """Draft id -> its near-copies (the group's other ids, in input order) and their similarity."""
    return {
        draft: Signals(tuple(other for other in g.ids if other != draft), g.similarity)
        for g in groups
        for draft in g.ids
    }


def relint_copies(
    collected: Collected, linter: Linter, cache: str | None, stats: ParseStats
) -> None:
    """Lint each near-copy again, here, with its batch signal; that report replaces the worker's.

    The same per-batch work the executors run (work.grade_messages): parses come from the doc
    cache when the run has one, and a draft that crashes the analysis becomes its own error row.
    """
    signals = copy_signals(collected.groups)
    if not signals or not reads_signals(linter.active):
        return
    at = [n for n, (item, _) in enumerate(collected.results) if item.id in signals]
    settings_json = linter.settings.model_dump_json()
    for chunk in batches(at, RELINT_BATCH):
        ids = [collected.results[n][0].id for n in chunk]
        messages = [collected.messages[draft] for draft in ids]
        graded = grade_messages(messages, settings_json, cache, signals=[signals[d] for d in ids])
        for n, report in zip(chunk, graded.reports, strict=True):
            collected.results[n] = (collected.results[n][0], report)
        stats.relinted += len(chunk)


def near_copies():
    """A duplicates.NearCopies to feed, or False when that module or its library is missing."""
    try:  # here, not at the top: datasketch (with numpy and scipy) costs ~0.5 s to import
        from intro_lint.apps.grade.near_copies import NearCopies
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.near_copies":
            click.echo(
                f"intro-lint: duplicate detection skipped: {exc.name} is not installed", err=True
            )
        return False
    return NearCopies()
