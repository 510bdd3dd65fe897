"""`python -m intro_lint.lsp` starts the language server on stdio, like `intro-lint lsp`."""

from .command import lsp_command

lsp_command(prog_name="intro-lint lsp")
