"""Shared fixtures: one loaded linter per session, and no network for any test."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


def _guarded_connect(self, address, *args, **kwargs):
    host = address[0] if isinstance(address, tuple) else address
    if (
        isinstance(host, str)
        and (host.startswith("127.") or host in ("::1", "localhost"))
        or self.family == socket.AF_UNIX
    ):
        return _real_connect(self, address, *args, **kwargs)
    raise OSError(f"network access is blocked in tests (tried {address!r})")


_real_connect = socket.socket.connect


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Everything intro-lint does must work offline; any outbound connection fails the test."""
    socket.socket.connect = _guarded_connect
    yield
    socket.socket.connect = _real_connect


@pytest.fixture(scope="session")
def label_ids() -> set[str]:
    """The eight labels of the labelled corpora (shared/corpus/LABELS.md), as the data has them."""
    first = (
        (ROOT / "tests" / "corpus" / "heldout.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    return set(json.loads(first)["labels"])


@pytest.fixture(scope="session")
def linter():
    from intro_lint.linter import Linter
    from intro_lint.settings.fields import Settings

    return Linter(Settings())


@pytest.fixture(scope="session")
def lint_text(linter):
    """Lint a string as a plain-text draft and return its report."""
    from intro_lint.read.message import read_text

    def run(text: str, kind: str = "text"):
        return linter.lint([read_text(text, "draft.txt", kind=kind)])[0]

    return run


def cli_path() -> list[str]:
    exe = Path(sys.executable).parent / "intro-lint"
    return [str(exe)] if exe.exists() else [shutil.which("intro-lint") or "intro-lint"]


@pytest.fixture(scope="session")
def cli():
    """Run the installed `intro-lint` entry point as a real process."""

    def run(
        *args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None
    ):
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        return subprocess.run(
            [*cli_path(), *args],
            input=stdin,
            capture_output=True,
            cwd=cwd,
            env=full_env,
            timeout=300,
        )

    return run
