"""The language server behind `intro-lint lsp`: diagnostics, code actions and hover for drafts."""
