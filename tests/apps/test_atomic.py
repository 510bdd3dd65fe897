"""The one atomic writer: on any failure the old file stays whole and no temp file is left."""

from __future__ import annotations

import os
import stat

import pytest

from intro_lint.apps import atomic
from intro_lint.apps.atomic import write_atomic


def test_writes_the_bytes_as_given(tmp_path):
    target = tmp_path / "report.csv"
    write_atomic(target, b"a,b\r\n1,2\n")
    assert target.read_bytes() == b"a,b\r\n1,2\n"
    assert os.listdir(tmp_path) == ["report.csv"]


def test_the_replaced_files_mode_is_kept(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(str(target), b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path):
    plain = tmp_path / "plain"
    plain.write_text("x")
    write_atomic(tmp_path / "new", b"x")
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch, failure):
    target = tmp_path / "draft.txt"
    target.write_text("old text")

    def fail(*args):
        raise failure

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(type(failure)):
        write_atomic(target, b"new text")
    assert target.read_text() == "old text"
    assert os.listdir(tmp_path) == ["draft.txt"]


def test_a_failure_while_writing_the_bytes_leaves_no_temp_file(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_text("old text")
    with pytest.raises(TypeError):
        write_atomic(target, "text, not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "old text" and os.listdir(tmp_path) == ["draft.txt"]
