"""The `intro-lint lsp` click command: start the language server on stdio."""

from __future__ import annotations

import logging
import sys

import click

from intro_lint.apps.commandline import fail


@click.command("lsp")
@click.option(
    "--stdio", is_flag=True, help="Use standard input/output (the default; editors often pass it)."
)
@click.option(
    "--log-level",
    type=click.Choice(["error", "warning", "info", "debug"]),
    default="warning",
    show_default=True,
    help="Server log detail, written to standard error.",
)
def lsp_command(stdio: bool, log_level: str) -> None:
    """Start the language server (LSP over standard input/output) for editors."""
    if sys.stdin is None or sys.stdout is None:  # fd 0 or 1 closed: there is no client to serve
        raise fail("lsp: standard input or output is closed; the editor starts the server on both")
    logging.basicConfig(
        level=log_level.upper(), format="intro-lint lsp: %(levelname)s %(name)s: %(message)s"
    )
    # here, not at the top: pygls and lsprotocol cost ~0.3 s to import, which `intro-lint --help`
    # and every other command would pay
    from intro_lint.apps.lsp.server import serve_stdio

    serve_stdio()
