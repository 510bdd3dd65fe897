"""`intro-lint parse`, `config show` and `schema`: what analysis saw, the settings, the schema."""

from __future__ import annotations

from pathlib import Path

import click

from intro_lint.apps.cli.common import settings_for
from intro_lint.apps.commandline import fail
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter
from intro_lint.read.message import read_many
from intro_lint.report.json_out import schema as json_schema
from intro_lint.report.parse_view import render_analysis
from intro_lint.settings.show import show


@click.command()
@click.argument("path")
@click.option("--pipeline", default=None)
def parse(path, pipeline):
    """Show what the analysis sees: sentences, entities, asks, gives, blurb, parties."""
    try:
        settings, _ = settings_for({"pipeline": pipeline}, Path.cwd())
        item = read_many((path,), settings.max_bytes)[0]
        if isinstance(item, IntroLintError):
            raise item
        analysis = next(Linter(settings).analyse_many([item]))
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    click.echo(render_analysis(analysis))


@click.group()
def config():
    """Inspect the effective configuration."""


@config.command("show")
@click.argument("path", required=False, type=click.Path())
def config_show(path):
    """Print the effective settings and where each value came from."""
    start = Path(path) if path else Path.cwd()
    try:
        settings, sources = settings_for({}, start if start.is_dir() else start.parent)
    except IntroLintError as exc:
        raise fail(str(exc)) from None
    click.echo(show(settings, sources))


@click.command()
def schema():
    """Print the JSON Schema of `--format json` output."""
    click.echo(json_schema(), nl=False)
