"""The `intro-lint` command line."""
