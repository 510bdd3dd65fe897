"""Reading a baseline report: whatever is wrong with the file is one InputError naming it."""

from __future__ import annotations

import os
import threading

import pytest

from intro_lint.apps.grade.baseline import read_baseline
from intro_lint.errors import InputError


def problem(path) -> str:
    with pytest.raises(InputError) as err:
        read_baseline(str(path))
    assert err.value.path == str(path)
    return err.value.problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_unread(tmp_path):
    pipe = tmp_path / "old.json"
    os.mkfifo(pipe)
    # a writer that sends nothing: should the pipe be read after all, the test fails, not hangs
    writer = threading.Thread(target=lambda: os.close(os.open(pipe, os.O_WRONLY)), daemon=True)
    writer.start()  # a daemon: never joined, since its open may wait for ever once we are done
    assert problem(pipe) == "is a named pipe (FIFO), not a regular file"


def test_a_missing_file_and_one_that_is_not_a_report(tmp_path):
    assert problem(tmp_path / "nope.json") == "cannot read the baseline: No such file or directory"
    (tmp_path / "old.json").write_text("[]")
    assert problem(tmp_path / "old.json").startswith("not a `grade --out .json` report")
