"""`intro-lint grade`: grade a class of drafts into one CSV, JSON or HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from intro_lint.apps.commandline import fail, rubric_options
from intro_lint.apps.grade.out_path import check_out
from intro_lint.apps.grade.run import Options, dask_grader, grade
from intro_lint.apps.grade.values import ClassReport
from intro_lint.apps.grade.writers import format_for, html_renderer, render, write
from intro_lint.errors import ConfigError, IntroLintError

# where the per-batch work runs; the flag is --engine, as it always was
EXECUTORS = ("local", "dask")


@click.command("grade")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    help="Report file; its extension picks the format: .csv, .json or .html.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Parser processes."
)
@click.option("--engine", type=click.Choice(EXECUTORS), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (with --engine dask).")
@click.option(
    "--no-cache", is_flag=True, help="Parse every draft again; read and write no cached docs."
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="A previous `grade --out x.json`: adds each draft's change.",
)
@rubric_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no line per failed draft.")
def grade_command(
    inputs,
    out,
    jobs,
    engine,
    scheduler,
    no_cache,
    baseline,
    select,
    ignore,
    rule_dirs,
    rule_set,
    pipeline,
    max_bytes,
    quiet,
):
    """Grade drafts (folders of .txt/.md/.eml, .jsonl, .csv, mbox) into one class report."""
    cli = {
        "select": select,
        "ignore": ignore,
        "rule_dirs": rule_dirs,
        "rule_set": rule_set,
        "pipeline": pipeline,
        "max_bytes": max_bytes,
    }
    opts = Options(engine, scheduler, jobs, no_cache, baseline, quiet)
    try:
        fmt = check_usage(out, opts, list(inputs))
        report, collected, stats, rules = grade(list(inputs), cli, opts)
        write_report(out, fmt, report, collected.texts, rules)
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        for item, rep in collected.results:
            if rep.error:
                click.echo(f"intro-lint: {item.id}: {rep.error}", err=True)
    click.echo(summary_line(report, stats, out), err=True)
    raise click.exceptions.Exit(2 if report.summary.errors else 0)


def check_usage(out: str, opts: Options, inputs: Sequence[str]) -> str:
    """The report format; a ConfigError now, before grading, for anything that would fail later."""
    fmt = format_for(out)
    if fmt is None:
        raise ConfigError(
            f"--out {out}: unknown report format {Path(out).suffix or '(no extension)'!r}; "
            "use a name ending in .csv, .json or .html"
        )
    if not Path(out).resolve().parent.is_dir():
        raise ConfigError(f"--out {out}: the folder does not exist")
    check_out(out, inputs, opts.baseline)
    if opts.scheduler and opts.executor != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if fmt == "html":
        html_renderer()  # fail before grading, not after
    if opts.executor == "dask":
        dask_grader()
    return fmt


def write_report(out: str, fmt: str, report: ClassReport, texts: dict[str, str], rules) -> None:
    """Render and write the report atomically; a folder that refuses it is a ConfigError."""
    content = render(fmt, report, texts, rules)
    try:
        write(out, content)
    except OSError as exc:
        raise ConfigError(f"--out {out}: cannot write the report: {exc.strerror or exc}") from None


def summary_line(report: ClassReport, stats, out: str) -> str:
    s = report.summary
    failed = f" ({s.errors} failed)" if s.errors else ""
    mean = f"; mean score {s.mean_score}" if s.mean_score is not None else ""
    again = f", {stats.relinted} near-copies linted again" if stats.relinted else ""
    return (
        f"intro-lint: graded {s.graded} of {s.drafts} drafts{failed}: {stats.parsed} parsed, "
        f"{stats.cached} parses from cache, {stats.reused} reports reused{again}{mean}; "
        f"report written to {out}"
    )


if __name__ == "__main__":
    grade_command(prog_name="intro-lint grade")
