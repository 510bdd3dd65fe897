"""The `intro-lint` command group: every subcommand, each defined in its own module."""

from __future__ import annotations

import click

from intro_lint import __version__
from intro_lint.apps.cli.check import check
from intro_lint.apps.cli.evaluate import eval_cmd
from intro_lint.apps.cli.rules import explain, rules
from intro_lint.apps.cli.views import config, parse, schema
from intro_lint.apps.grade.command import grade_command
from intro_lint.apps.guard.command import guard_command
from intro_lint.apps.lsp.command import lsp_command
from intro_lint.apps.train.command import train_command
from intro_lint.apps.web.command import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intro-lint")
def main() -> None:
    """Lint networking emails: introductions, referrals, job leads and investor intros."""


for command in (
    check,
    explain,
    rules,
    parse,
    eval_cmd,
    config,
    schema,
    guard_command,
    lsp_command,
    grade_command,
    train_command,
    serve_command,
):
    main.add_command(command)
