"""`python -m intro_lint.apps.lsp` starts the language server on stdio, like `intro-lint lsp`."""

from intro_lint.apps.lsp.command import lsp_command

lsp_command(prog_name="intro-lint lsp")
