"""Write a file so that a crash leaves either the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
