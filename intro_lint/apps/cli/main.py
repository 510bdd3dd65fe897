"""The command line: check, explain, rules, parse, eval, config, schema, guard, lsp, grade."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from intro_lint import __version__
from intro_lint.errors import InputError, IntroLintError, RuleFileError
from intro_lint.apps.guard.command import guard_command
from intro_lint.apps.grade.command import grade_command
from intro_lint.apps.lsp.command import lsp_command
from intro_lint.apps.atomic import write_atomic
from intro_lint.check.fixes.apply import fixed_text, unified_diff
from intro_lint.model import SEVERITY_RANK, Message, Report
from intro_lint.read.corpus import read_corpus, to_message
from intro_lint.read.decode import newlines_like
from intro_lint.read.message import read_text
from intro_lint.report.evaluation import flagged_good, render_scores, score_rules

FORMAT_CHOICES = ("text", "json", "sarif", "github")


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"intro-lint: {message}", err=True)
    return click.exceptions.Exit(2)


def _settings(cli: dict, start: Path):
    from intro_lint.settings.layers import load_settings

    return load_settings({k: v for k, v in cli.items() if v not in (None, ())}, start)


def _linter(settings):
    from intro_lint.linter import linter_for

    return linter_for(settings)


def _read_all(paths: tuple[str, ...], max_bytes: int) -> list[Message | IntroLintError]:
    from intro_lint.read.message import read_bytes, read_path

    items: list[Message | IntroLintError] = []
    for path in paths:
        try:
            if path == "-":
                items.append(read_bytes(sys.stdin.buffer.read(), "-", max_bytes))
            else:
                items.append(read_path(path, max_bytes))
        except IntroLintError as exc:
            items.append(exc if isinstance(exc, InputError) else InputError(path, str(exc)))
    return items


def _exit_code(reports: list[Report], fail_on: str) -> int:
    if any(r.error for r in reports):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= floor for r in reports for f in r.findings) else 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intro-lint")
def main() -> None:
    """Lint networking emails: introductions, referrals, job leads and investor intros."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), default=None,
              help="Exit 1 when a finding is at or above this severity [default: warning].")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomic write).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes (scaffolds).")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; write nothing.")
@click.option("--rule-dir", "rule_dirs", multiple=True, type=click.Path(), help="Extra folder of rule files.")
@click.option("--rule-set", default=None, help="A built-in rule-set name (job-search, first-contact) or a rule-set file.")
@click.option("--pipeline", default=None, help="spaCy pipeline package to load.")
@click.option("--max-bytes", type=int, default=None, help="Largest input accepted [default: 1000000].")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: when a terminal].")
def check(paths, fmt, select, ignore, fail_on, fix, unsafe_fixes, diff, rule_dirs, rule_set, pipeline, max_bytes,
          color):
    """Lint drafts (.txt, .md, .eml; '-' reads standard input)."""
    from intro_lint.report import render

    cli = {"select": select, "ignore": ignore, "fail_on": fail_on, "rule_dirs": rule_dirs, "rule_set": rule_set,
           "pipeline": pipeline, "max_bytes": max_bytes, "color": color}
    try:
        settings, _ = _settings(cli, Path.cwd())
        linter = _linter(settings)
        items = _read_all(paths, settings.max_bytes)
        reports = linter.lint(items)
    except IntroLintError as exc:
        raise _fail(str(exc))
    for r in reports:
        if r.error:
            click.echo(f"intro-lint: {r.path}: {r.error}", err=True)
    messages = {m.path: m for m in items if isinstance(m, Message)}
    if fix or diff:
        reports = _apply_fixes(linter, reports, messages, unsafe_fixes, write=fix and not diff)
    use_color = settings.color if settings.color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    texts = {p: m.text for p, m in messages.items()}
    click.echo(render(fmt, reports, linter.rules, texts, use_color), nl=False)
    raise click.exceptions.Exit(_exit_code(reports, settings.fail_on))


def _apply_fixes(linter, reports, messages, unsafe: bool, write: bool) -> list[Report]:
    level = "unsafe" if unsafe else "safe"
    out = []
    for report in reports:
        message = messages.get(report.path)
        if message is None or report.error:
            out.append(report)
            continue
        after = fixed_text(message, report, level)
        if after == message.text:
            out.append(report)
        elif not write:
            click.echo(unified_diff(report.path, message.text, after), err=True, nl=False)
            out.append(report)
        elif message.kind == "email" or report.path == "-":
            click.echo(f"intro-lint: {report.path}: --fix rewrites only .txt/.md files; showing the diff instead", err=True)
            click.echo(unified_diff(report.path, message.text, after), err=True, nl=False)
            out.append(report)
        else:
            original = Path(report.path).read_bytes()
            write_atomic(report.path, newlines_like(original, after).encode("utf-8"))
            fresh = read_text(after, report.path, kind=message.kind)
            out.extend(linter.lint([fresh]))
    return out


@main.command()
@click.argument("rule")
def explain(rule):
    """Explain a rule: what it flags, why, where the idea comes from, and how to fix it."""
    from intro_lint.check.catalogue import load_catalogue, resolve

    try:
        spec = resolve(load_catalogue(), rule)
    except RuleFileError as exc:
        raise _fail(str(exc))
    if spec is None:
        raise _fail(f"unknown rule {rule!r}; `intro-lint rules` lists them")
    click.echo(f"{spec.id} ({spec.severity}, {spec.dimension})\n\n{spec.message}.\n\n{spec.why.strip()}\n")
    click.echo(f"Source: {spec.source}")
    for f in spec.fixes:
        click.echo(f"Fix ({f.safety}): {f.title}")


@main.group(invoke_without_command=True)
@click.pass_context
def rules(ctx):
    """List the rules (or `rules test DIR` to validate a folder of rule files)."""
    if ctx.invoked_subcommand is None:
        from intro_lint.check.catalogue import load_catalogue

        try:
            catalogue = load_catalogue()
        except RuleFileError as exc:
            raise _fail(str(exc))
        for spec in catalogue.values():
            click.echo(f"{spec.id:22} {spec.severity:8} {spec.message}")


@rules.command("test")
@click.argument("folder", type=click.Path())
def rules_test(folder):
    """Validate the rule files in FOLDER and run their examples."""
    from intro_lint.apps.cli.ruletest import run_examples

    try:
        failures, ran = run_examples(Path(folder))
    except RuleFileError as exc:
        raise _fail(str(exc))
    for line in failures:
        click.echo(line)
    click.echo(f"{ran - len(failures)} passed, {len(failures)} failed")
    raise click.exceptions.Exit(1 if failures else 0)


@main.command()
@click.argument("path")
@click.option("--pipeline", default=None)
def parse(path, pipeline):
    """Show what the analysis sees: sentences, entities, asks, gives, blurb, parties."""
    from intro_lint.report.parse_view import render_analysis
    from intro_lint.linter import Linter

    try:
        settings, _ = _settings({"pipeline": pipeline}, Path.cwd())
        item = _read_all((path,), settings.max_bytes)[0]
        if isinstance(item, IntroLintError):
            raise item
        analysis = next(Linter(settings).analyse_many([item]))
    except IntroLintError as exc:
        raise _fail(str(exc))
    click.echo(render_analysis(analysis))


@main.command("eval")
@click.argument("corpus")
@click.option("--min-precision", type=float, default=0.0)
@click.option("--min-recall", type=float, default=0.0)
@click.option("--show-errors", is_flag=True)
def eval_cmd(corpus, min_precision, min_recall, show_errors):
    """Per-rule precision/recall against a labelled JSONL corpus."""
    try:
        settings, _ = _settings({}, Path.cwd())
        linter = _linter(settings)
        records = read_corpus(corpus)
        reports = linter.lint([to_message(r) for r in records])
    except IntroLintError as exc:
        raise _fail(str(exc))
    found = {Path(r.path).stem: {f.rule for f in r.findings} for r in reports}
    scores = score_rules(records, found, [r.id for r in linter.active])
    click.echo(render_scores(scores, flagged_good(records, found), records, found, show_errors))
    ok = all(s.precision >= min_precision and s.recall >= min_recall for s in scores)
    raise click.exceptions.Exit(0 if ok else 1)


@main.group()
def config():
    """Inspect the effective configuration."""


@config.command("show")
@click.argument("path", required=False, type=click.Path())
def config_show(path):
    """Print the effective settings and where each value came from."""
    from intro_lint.settings.show import show

    start = Path(path) if path else Path.cwd()
    try:
        settings, sources = _settings({}, start if start.is_dir() else start.parent)
    except IntroLintError as exc:
        raise _fail(str(exc))
    click.echo(show(settings, sources))


@main.command()
def schema():
    """Print the JSON Schema of `--format json` output."""
    from intro_lint.report.json_out import schema as json_schema

    click.echo(json_schema(), nl=False)


main.add_command(guard_command)
main.add_command(lsp_command)
main.add_command(grade_command)
