"""Write a file so that a crash leaves either the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from functools import cache
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write beside path, keep the replaced file's mode, rename over it; no temp file survives."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode_for(target))
        os.replace(tmp, target)
    except BaseException:  # KeyboardInterrupt too: the old file stays whole, the temp file goes
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def mode_for(target: Path) -> int:
    """The permission bits of the file being replaced; a new file gets what open() would give it."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


@cache
def _umask() -> int:
    """The process umask, read once: from /proc on Linux, else by setting it and setting it back
    (which another thread creating a file at that instant could see, hence only as a fallback)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
