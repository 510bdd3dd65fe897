"""Refuse a report path that is an input, or that a later run would grade as a draft."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from intro_lint.apps.grade.sources import folder_files, walker_takes
from intro_lint.errors import ConfigError


def check_out(out: str, inputs: Sequence[str], baseline: str | None = None) -> None:
    """ConfigError when writing `out` would replace an input or put a draft in a graded folder."""
    target = Path(os.path.realpath(out))
    target_id = file_id(target)
    named = [(source, "the input") for source in inputs]
    if baseline:
        named.append((baseline, "the --baseline report"))
    for source, what in named:
        path = Path(os.path.realpath(source))
        if path == target or (target_id is not None and file_id(path) == target_id):
            raise ConfigError(
                f"--out {out}: is {what} {source}; writing the report would replace it "
                "(choose another report file)"
            )
        if what == "the input" and path.is_dir():
            check_folder(out, source, path, target, target_id)


def check_folder(out: str, source: str, root: Path, target: Path, target_id) -> None:
    """ConfigError when the report would be graded as a draft, or is one, of the input folder."""
    same = (
        next((p for p in folder_files(root) if file_id(p) == target_id), None)
        if target_id
        else None
    )
    if same is not None:
        raise ConfigError(
            f"--out {out}: is the same file as the draft {same.relative_to(root).as_posix()} of "
            f"the input folder {source} (choose another report file)"
        )
    if walker_takes(target, root):
        raise ConfigError(
            f"--out {out}: is inside the input folder {source}, where the next run would grade "
            "the report as a draft (choose another report file)"
        )


def file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file path names, following links; None when it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino
