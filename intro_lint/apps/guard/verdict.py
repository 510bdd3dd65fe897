"""The guard's verdict: read the outgoing message, lint it, and decide whether it may go."""

from __future__ import annotations

from dataclasses import dataclass

from intro_lint.errors import InputError
from intro_lint.linter import Linter
from intro_lint.model import SEVERITY_RANK, LocatedFinding, Message, Report
from intro_lint.read.message import read_bytes

LABEL = "draft"  # reports name the draft so, not the made-up path the message is parsed under
_PARSE_AS = "message.eml"  # a ".eml" name makes read_bytes parse the bytes as an email
# read_bytes' words for a message with no text at all: nothing to lint, so no request to hold back
NO_TEXT_PROBLEMS = frozenset(
    {
        "the message body is empty",
        "malformed MIME message: no text/plain or text/html body part",
    }
)


@dataclass(frozen=True)
class Verdict:
    """Send or hold back, and why; `report` is None when there was no request to lint."""

    send: bool
    reason: str
    report: Report | None = None
    failing: tuple[LocatedFinding, ...] = ()


def read_message(data: bytes, max_bytes: int) -> Message | None:
    """The message to lint, or None when it holds no text; InputError when it cannot be read.

    max-bytes limits the text that is linted, not the whole message: attachments make up most of
    a mail's size and are never read as text, and a guard must not hold back every large attachment.
    """
    try:
        message = read_bytes(data, _PARSE_AS, max_bytes=max(len(data), 1))
    except InputError as exc:
        if exc.problem in NO_TEXT_PROBLEMS:
            return None
        raise InputError(LABEL, exc.problem) from None
    size = len(message.text.encode("utf-8"))
    if size > max_bytes:
        raise InputError(
            LABEL,
            f"its text is {size:,} bytes, over the limit of {max_bytes:,} bytes "
            "(configurable via max-bytes)",
        )
    return message


def judge(message: Message, linter: Linter, fail_on: str) -> Verdict:
    """Hold back a request with a finding at or above `fail_on`; anything else may go."""
    analysis = next(linter.analyse_many([message]))
    if not analysis.asks:
        return Verdict(send=True, reason="not a request")
    report = linter.report(analysis).model_copy(update={"path": LABEL})
    floor = SEVERITY_RANK[fail_on]
    failing = tuple(f for f in report.findings if SEVERITY_RANK[f.severity] >= floor)
    return Verdict(
        send=not failing, reason="held back" if failing else "clean", report=report, failing=failing
    )
