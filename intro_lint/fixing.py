"""Apply fixes to drafts on disk: atomic writes, diffs, and never a lost original."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from .fixes import apply_edits, chosen_edits
from .models import Message, Report


def fixed_text(message: Message, report: Report, level: str) -> str:
    edits = chosen_edits([f.fixes for f in report.findings], level)
    return apply_edits(message.text, edits)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    ))


def atomic_write(path: str, text: str, original: bytes) -> None:
    """Write beside the file, then rename over it: a crash leaves the old file whole."""
    target = Path(path)
    newline_text = text.replace("\n", "\r\n") if b"\r\n" in original else text
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".intro-lint", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(newline_text)
        os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
