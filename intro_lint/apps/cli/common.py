"""What the commands share: the one-line failure, the settings for a run, the exit status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from intro_lint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from intro_lint.model import SEVERITY_RANK, Report
from intro_lint.settings.fields import Settings
from intro_lint.settings.layers import load_settings


def settings_for(cli: Mapping[str, object], start: Path) -> tuple[Settings, dict[str, str]]:
    """The effective settings for a run started in `start` with these command-line options."""
    return load_settings(cli, start)


def exit_status(reports: Sequence[Report], fail_on: str) -> int:
    """2 when a draft could not be read, 1 when a finding is at or above fail_on, else 0."""
    if any(r.error for r in reports):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    floor = SEVERITY_RANK[fail_on]
    found = any(SEVERITY_RANK[f.severity] >= floor for r in reports for f in r.findings)
    return EXIT_FINDINGS if found else EXIT_OK
