"""What must hold for any input: a report or a clear refusal, spans inside, sends byte for byte."""

from __future__ import annotations

import contextlib
import io
import random
import sys
from pathlib import Path

from intro_lint.apps.guard import command
from intro_lint.apps.guard.arguments import parse_arguments
from intro_lint.check.fixes.apply import apply_edits, chosen_edits
from intro_lint.check.kinds.mission import UNFILLED_RX
from intro_lint.errors import IntroLintError
from intro_lint.linter import Linter
from intro_lint.model import Report
from intro_lint.read.message import read_bytes, read_text

SUFFIXES = (".txt", ".md", ".eml")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")


def encoded(rng: random.Random, text: str) -> bytes:
    """The draft as a file might hold it: one of the encodings people's editors write."""
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def report_problems(report: Report, text: str) -> list[str]:
    """Everything wrong with one report on `text` (empty when it is sound)."""
    problems = []
    if report.error is not None:
        problems.append(f"error report: {report.error}")
    if not 0 <= report.score <= 100:
        problems.append(f"score {report.score}")
    for f in report.findings:
        if not 0 <= f.start <= f.end <= len(text):
            problems.append(f"{f.rule}: span {f.start}-{f.end} outside 0-{len(text)}")
        if f.line < 1 or f.column < 1:
            problems.append(f"{f.rule}: line {f.line} column {f.column}")
        for fix in f.fixes:
            for e in fix.edits:
                if not 0 <= e.start <= e.end <= len(text):
                    problems.append(f"{f.rule}: edit {e.start}-{e.end} outside 0-{len(text)}")
    return problems


def draft_problems(linter: Linter, files: list[tuple[bytes, str]], refix: bool = True) -> list[str]:
    """Read and lint the (bytes, path) files in one batch; with `refix`, fix and lint again.

    A clear refusal to read is no problem. An unsafe fix that leaves a `[placeholder]` in the
    text must get an error finding there.
    """
    messages = []
    for data, path in files:
        with contextlib.suppress(IntroLintError):
            messages.append(read_bytes(data, path))
    problems, fixed, inserted = [], [], []
    for message, report in zip(messages, linter.lint(messages), strict=True):
        problems += [f"{message.path}: {p}" for p in report_problems(report, message.text)]
        edits = chosen_edits([f.fixes for f in report.findings], "unsafe")
        after = apply_edits(message.text, edits)
        if refix and after != message.text:
            kind = "text" if message.kind == "email" else message.kind  # a mail's fixed body
            fixed.append(read_text(after, message.path, kind=kind))
            inserted.append(
                len(UNFILLED_RX.findall(after)) > len(UNFILLED_RX.findall(message.text))
            )
    for message, report, scaffold in zip(fixed, linter.lint(fixed), inserted, strict=True):
        problems += [
            f"{message.path} after --fix: {p}" for p in report_problems(report, message.text)
        ]
        if scaffold and not any(f.severity == "error" for f in report.findings):
            problems.append(f"{message.path} after --fix: a placeholder left no error finding")
    return problems


def guard_outcome(data: bytes, out: Path) -> tuple[int, str, bytes | None]:
    """The guard run in this process on `data` before `cat > out`: status, stderr, bytes sent."""
    out.unlink(missing_ok=True)
    invocation = parse_arguments(["--", "sh", "-c", 'cat > "$0"', str(out)])
    err = io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        with contextlib.redirect_stderr(err):
            status = command.run(invocation, {})
    finally:
        sys.stdin = stdin
    return status, err.getvalue(), out.read_bytes() if out.exists() else None


def guard_problems(data: bytes, out: Path) -> list[str]:
    """What went wrong when the guard was given `data` (empty when nothing did)."""
    return outcome_problems(data, *guard_outcome(data, out))


def outcome_problems(data: bytes, status: int, err: str, sent: bytes | None) -> list[str]:
    """Sent only byte for byte and only with status 0; a refusal sends nothing; never a bug."""
    problems = []
    if "internal error" in err or "Traceback" in err:
        problems.append(f"guard crashed: {err.strip().splitlines()[0]}")
    if status == 0 and sent != data:
        problems.append(
            "guard said sent, but the bytes sent differ" if sent else "guard sent nothing"
        )
    if status != 0 and sent is not None:
        problems.append(f"guard refused with {status} yet sent the message")
    if status not in (0, command.EXIT_HELD, command.EXIT_NOT_CHECKED):
        problems.append(f"guard exit status {status}")
    return problems
