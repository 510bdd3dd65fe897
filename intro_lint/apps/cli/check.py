"""`intro-lint check`: lint drafts, print the findings, and show or apply their fixes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from intro_lint.apps.atomic import write_atomic
from intro_lint.apps.cli.common import exit_status, settings_for
from intro_lint.apps.commandline import fail, rubric_options
from intro_lint.check.fixes.apply import fixed_source, fixed_text, unified_diff
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter, linter_for
from intro_lint.model import Message, Report
from intro_lint.read.decode import decode_text, normalise
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
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes to .txt/.md drafts in place (atomic write), then report on the result; "
    "'no fixes available' goes to stderr when there is nothing to apply.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply unsafe fixes (scaffolds with [placeholders] to fill in: "
    "until they are, each placeholder is an error).",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print to stdout, instead of the report, the unified diff --fix would write (for .eml "
    "and standard input: of the decoded text), or 'no fixes available'; write nothing. "
    "The exit status is the report's.",
)
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
        items = read_many(paths, settings.max_bytes)
        reports = linter.lint(items)
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    for r in reports:
        if r.error:
            click.echo(f"intro-lint: {r.path}: {r.error}", err=True)
    messages = {m.path: m for m in items if isinstance(m, Message)}
    if diff:
        show_diffs(reports, messages, "unsafe" if unsafe_fixes else "safe")
        raise click.exceptions.Exit(exit_status(reports, settings.fail_on))
    if fix:
        reports = apply_fixes(linter, reports, messages, "unsafe" if unsafe_fixes else "safe")
    tty = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    use_color = settings.color if settings.color is not None else tty
    texts = {p: m.text for p, m in messages.items()}
    click.echo(render(fmt, reports, linter.rules, texts, use_color), nl=False)
    raise click.exceptions.Exit(exit_status(reports, settings.fail_on))


NOT_REWRITTEN = "--fix rewrites only .txt/.md files, not .eml files or standard input"
BOMS = (  # the byte-order marks decode_text honours, and the codec that writes each one back
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def rewritable(message: Message) -> bool:
    """A text or Markdown file: its decoded text is the draft, so edits map back onto it."""
    return message.kind != "email" and message.path != "-"


def encode_like(original: bytes, text: str) -> bytes:
    """Text in the original file's encoding: its BOM and codec, UTF-8, or Windows-1252."""
    for bom, codec in BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    try:
        original.decode("utf-8")
    except UnicodeDecodeError:
        return text.encode("cp1252")
    return text.encode("utf-8")


def planned(message: Message, report: Report, level: str) -> tuple[str, str, bytes | None]:
    """(before, after, bytes to write) of one draft: the file's own text for a .txt/.md draft
    (its line breaks and encoding kept), else the decoded text, which is not written."""
    if not rewritable(message):
        return message.text, fixed_text(message, report, level), None
    original = Path(message.path).read_bytes()
    source = decode_text(original, message.path)
    if normalise(source) != message.text:
        raise IntroLintError(f"{message.path}: changed since it was read; not rewritten")
    after = fixed_source(source, message, report, level)
    data = encode_like(original, after)
    if decode_text(data, message.path) != after:
        raise IntroLintError(f"{message.path}: the fixed text does not round-trip; not rewritten")
    return source, after, data


def _changes(reports: list[Report], messages: dict[str, Message], level: str):
    """(report, message, before, after, bytes or None) of each readable draft the fixes change;
    a draft whose fixes cannot be planned gets one line on stderr and is skipped."""
    seen: set[str] = set()
    for report in reports:
        message = messages.get(report.path)
        if message is None or report.error or report.path in seen:
            continue
        seen.add(report.path)
        try:
            before, after, data = planned(message, report, level)
        except (IntroLintError, OSError, UnicodeError) as exc:
            click.echo(f"intro-lint: {exc}", err=True)
            continue
        if before != after:
            yield report, message, before, after, data


def show_diffs(reports: list[Report], messages: dict[str, Message], level: str) -> None:
    """Print each draft's fixes as the unified diff --fix would write, on stdout."""
    shown = False
    for _, message, before, after, _ in _changes(reports, messages, level):
        label = message.path if rewritable(message) else f"{message.path} (decoded text)"
        click.echo(unified_diff(label, before, after), nl=False)
        shown = True
    if not shown:
        click.echo("no fixes available")


def apply_fixes(
    linter: Linter, reports: list[Report], messages: dict[str, Message], level: str
) -> list[Report]:
    """Write each .txt/.md draft's fixes (atomically, in its own encoding) and lint it again."""
    changed = False
    written: dict[str, Report] = {}
    for report, message, _, after, data in _changes(reports, messages, level):
        changed = True
        if data is None:
            click.echo(f"intro-lint: {report.path}: {NOT_REWRITTEN}; see --diff", err=True)
            continue
        write_atomic(os.path.realpath(report.path), data)  # a symlink keeps pointing at the file
        written[report.path] = linter.lint([read_text(after, report.path, kind=message.kind)])[0]
    if not changed:
        click.echo("intro-lint: no fixes available", err=True)
    return [written.get(report.path, report) for report in reports]
