"""What the apps' click commands share: the options that pick the rubric, the one-line failure."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from intro_lint.errors import EXIT_ERROR

F = TypeVar("F", bound=Callable[..., object])

RUBRIC_OPTIONS = (
    click.option(
        "--select", multiple=True, help="Only these rule ids (comma-separated or repeated)."
    ),
    click.option("--ignore", multiple=True, help="Skip these rule ids."),
    click.option(
        "--rule-dir",
        "rule_dirs",
        multiple=True,
        type=click.Path(),
        help="Extra folder of rule files.",
    ),
    click.option(
        "--rule-set",
        default=None,
        help="A built-in rule-set name (job-search, first-contact) or a rule-set file.",
    ),
    click.option("--pipeline", default=None, help="spaCy pipeline package to load."),
    click.option(
        "--max-bytes", type=int, default=None, help="Largest draft accepted [default: 1000000]."
    ),
)


def rubric_options(command: F) -> F:
    """Add the options that choose and tune the rules, the same for `check` and `grade`."""
    for option in reversed(RUBRIC_OPTIONS):
        command = option(command)
    return command


def fail(message: str) -> click.exceptions.Exit:
    """Say what went wrong on one line of standard error; the caller raises the exit (status 2)."""
    click.echo(f"intro-lint: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)
