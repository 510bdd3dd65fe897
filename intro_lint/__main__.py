"""`python -m intro_lint` runs the command line."""

from intro_lint.apps.cli.main import main

if __name__ == "__main__":  # worker processes (grade --jobs) import this module without running it
    main()
