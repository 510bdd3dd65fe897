"""A real `intro-lint serve` process per test module (helpers in webserver.py, beside this)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="intro-lint serve needs the web extra")
pytest.importorskip("uvicorn", reason="intro-lint serve needs the web extra")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from webserver import start_server, stop_server  # noqa: E402


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    home = tmp_path_factory.mktemp("serve-home")
    server = start_server(home / "room", home)
    yield server
    if server.process.poll() is None:
        stop_server(server)
