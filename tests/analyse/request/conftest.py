"""The detector tests' fixture: analyse a short draft (plain text unless told) with one Linter."""

from __future__ import annotations

import pytest

from intro_lint.read.message import read_text


@pytest.fixture(scope="session")
def analyse(linter):
    def run(text: str, kind: str = "text"):
        return next(linter.analyse_many([read_text(text, "draft.txt", kind=kind)]))

    return run
