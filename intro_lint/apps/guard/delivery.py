"""The hand-off: run the real sendmail with exactly the bytes the mail client gave the guard."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

EXIT_CANNOT_EXECUTE = 126
EXIT_NOT_FOUND = 127


@dataclass(frozen=True)
class Delivery:
    """The command's exit status (128+N when signal N ended it), or why it could not be started."""

    status: int
    problem: str | None = None


def deliver(argv: Sequence[str], payload: bytes) -> Delivery:
    """Run the command with exactly `payload` on its stdin; its output goes where ours goes."""
    try:
        done = subprocess.run(list(argv), input=payload, check=False)
    except FileNotFoundError:
        return Delivery(EXIT_NOT_FOUND, f"cannot run {argv[0]!r}: no such command")
    except PermissionError:
        return Delivery(EXIT_CANNOT_EXECUTE, f"cannot run {argv[0]!r}: permission denied")
    except OSError as exc:
        return Delivery(EXIT_CANNOT_EXECUTE, f"cannot run {argv[0]!r}: {exc.strerror or exc}")
    code = done.returncode
    return Delivery(128 - code if code < 0 else code)
