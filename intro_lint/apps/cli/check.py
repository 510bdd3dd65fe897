"""`intro-lint check`: lint drafts, print the findings, and show or apply their fixes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from intro_lint.apps.atomic import write_atomic
from intro_lint.apps.cli.common import exit_status, settings_for
from intro_lint.apps.commandline import fail, rubric_options
from intro_lint.check.fixes.apply import fixed_text, unified_diff
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter, linter_for
from intro_lint.model import Message, Report
from intro_lint.read.decode import newlines_like
from intro_lint.read.message import read_many, read_text
from intro_lint.report import FORMATS, render


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(tuple(FORMATS)), default="text", show_default=True
)
@rubric_options
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error", "never"]),
    default=None,
    help="Exit 1 when a finding is at or above this severity [default: warning].",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomic write).")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply unsafe fixes (scaffolds).",
)
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; write nothing.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text output [default: when a terminal]."
)
def check(
    paths,
    fmt,
    select,
    ignore,
    fail_on,
    fix,
    unsafe_fixes,
    diff,
    rule_dirs,
    rule_set,
    pipeline,
    max_bytes,
    color,
):
    """Lint drafts (.txt, .md, .eml; '-' reads standard input)."""
    cli = {
        "select": select,
        "ignore": ignore,
        "fail_on": fail_on,
        "rule_dirs": rule_dirs,
        "rule_set": rule_set,
        "pipeline": pipeline,
        "max_bytes": max_bytes,
        "color": color,
    }
    try:
        settings, _ = settings_for(cli, Path.cwd())
        linter = linter_for(settings)
        items = read_many(paths, settings.max_bytes, sys.stdin.buffer)
        reports = linter.lint(items)
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    for r in reports:
        if r.error:
            click.echo(f"intro-lint: {r.path}: {r.error}", err=True)
    messages = {m.path: m for m in items if isinstance(m, Message)}
    if fix or diff:
        reports = apply_fixes(linter, reports, messages, unsafe_fixes, write=fix and not diff)
    tty = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    use_color = settings.color if settings.color is not None else tty
    texts = {p: m.text for p, m in messages.items()}
    click.echo(render(fmt, reports, linter.rules, texts, use_color), nl=False)
    raise click.exceptions.Exit(exit_status(reports, settings.fail_on))


def apply_fixes(
    linter: Linter, reports: list[Report], messages: dict[str, Message], unsafe: bool, write: bool
) -> list[Report]:
    """Print each draft's fixes as a diff, or write them (text drafts only) and lint it again."""
    level = "unsafe" if unsafe else "safe"
    out = []
    for report in reports:
        message = messages.get(report.path)
        after = fixed_text(message, report, level) if message and not report.error else None
        if message is None or after is None or after == message.text:
            out.append(report)
        elif write and message.kind != "email" and report.path != "-":
            original = Path(report.path).read_bytes()
            write_atomic(report.path, newlines_like(original, after).encode("utf-8"))
            out.extend(linter.lint([read_text(after, report.path, kind=message.kind)]))
        else:
            if write:
                click.echo(
                    f"intro-lint: {report.path}: --fix rewrites only .txt/.md files; "
                    "showing the diff instead",
                    err=True,
                )
            click.echo(unified_diff(report.path, message.text, after), err=True, nl=False)
            out.append(report)
    return out
