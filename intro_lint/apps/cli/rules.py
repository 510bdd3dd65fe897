"""`intro-lint rules`, `rules test DIR` and `explain RULE`: the catalogue, checked and explained."""

from __future__ import annotations

from pathlib import Path

import click

from intro_lint.apps.cli.ruletest import run_examples
from intro_lint.apps.commandline import fail
from intro_lint.check.catalogue import load_catalogue, resolve
from intro_lint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, RuleFileError


@click.command()
@click.argument("rule")
def explain(rule):
    """Explain a rule: what it flags, why, where the idea comes from, and how to fix it."""
    try:
        spec = resolve(load_catalogue(), rule)
    except RuleFileError as exc:
        raise fail(str(exc)) from None
    if spec is None:
        raise fail(f"unknown rule {rule!r}; `intro-lint rules` lists them")
    click.echo(
        f"{spec.id} ({spec.severity}, {spec.dimension})\n\n{spec.message}.\n\n{spec.why.strip()}\n"
    )
    click.echo(f"Source: {spec.source}")
    for f in spec.fixes:
        click.echo(f"Fix ({f.safety}): {f.title}")


@click.group(invoke_without_command=True)
@click.pass_context
def rules(ctx):
    """List the rules (or `rules test DIR` to validate a folder of rule files)."""
    if ctx.invoked_subcommand is None:
        try:
            catalogue = load_catalogue()
        except RuleFileError as exc:
            raise fail(str(exc)) from None
        for spec in catalogue.values():
            click.echo(f"{spec.id:22} {spec.severity:8} {spec.message}")


@rules.command("test")
@click.argument("folder", type=click.Path())
def rules_test(folder):
    """Validate the rule files in FOLDER and run their examples."""
    try:
        problems, failures, ran = run_examples(Path(folder))
    except RuleFileError as exc:
        raise fail(str(exc)) from None
    for line in problems:
        click.echo(f"intro-lint: {line}", err=True)
    for line in failures:
        click.echo(line)
    invalid = f", {len(problems)} invalid rule files" if problems else ""
    click.echo(f"{ran - len(failures)} passed, {len(failures)} failed{invalid}")
    status = EXIT_ERROR if problems else EXIT_FINDINGS if failures else EXIT_OK
    raise click.exceptions.Exit(status)
