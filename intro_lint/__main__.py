"""`python -m intro_lint` runs the command line."""

from .cli import main

main()
