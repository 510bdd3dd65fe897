"""Split a draft's text into the newest message, its quoted reply history and its signature."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from intro_lint.model import Span

# Decisions (see also tests/test_split.py):
# - Quoted history starts at the first Gmail attribution ("On <date>, <name> wrote:", possibly
#   wrapped over two lines), Outlook "-----Original Message-----", or an Outlook "From: ... /
#   Sent: ..." header block (with its "____" rule above it), and runs to the end of the text.
# - A run of `>` lines counts as quoted history only at the very END of the text (with an
#   "... wrote:" line just above it). A `>` blurb followed by more of the sender's own lines stays
#   in the body: it may be the note the sender wants forwarded.
# - "---------- Forwarded message ---------" (Gmail, Thunderbird) and "Begin forwarded message:"
#   (Apple Mail) blocks stay in the body: the sender chose to include that content, and it is often
#   the very note meant for the target. Nothing after such a marker is cut, and the signature is
#   looked for only above it. When the sender's signature sits between their note and a forwarded
#   block, the body must run through the forwarded block (a Span is one range), so that signature
#   span lies INSIDE the body span: the one case where body and signature overlap.
# - The signature starts at the last "-- " (or bare "--") line of the sender's own text. A bare
#   "--" counts only when at most MAX_SIGNATURE_LINES non-blank lines follow it, since people also
#   type "--" as a divider; "-- " with its space is the RFC 3676 delimiter and always counts.

MAX_SIGNATURE_LINES = 10

_GMAIL_ONE_LINE = re.compile(r"On\s.*\S\s*wrote:\s*")
_GMAIL_FIRST = re.compile(r"On\s\S.*")
_GMAIL_SECOND = re.compile(r"(.*\S\s+)?wrote:\s*")
_OUTLOOK_ORIGINAL = re.compile(r"\s*-{3,}\s*Original Message\s*-{3,}\s*", re.I)
_OUTLOOK_FROM = re.compile(r"\*?From:\*?\s+\S.*")
_OUTLOOK_SENT = re.compile(r"\*?(Sent|Date):\*?\s+\S.*")
_RULE = re.compile(r"\s*_{5,}\s*")
_FORWARD = re.compile(
    r"\s*-{2,}\s*(Original\s+)?Forwarded\s+message\s*-{2,}\s*|\s*Begin forwarded message:\s*", re.I
)
_SIGNATURE = re.compile(r"--( [ \t]*)?")
_WROTE = re.compile(r".*\bwrote:\s*")


class Parts(NamedTuple):
    """Where the newest message, the quoted history and the signature are in the text."""

    body: Span
    quoted: tuple[Span, ...]
    signature: Span | None


def split(text: str, start: int = 0, stop: int | None = None, *, quote_tail: bool = True) -> Parts:
    """Split text[start:stop]; quote_tail=False keeps a trailing `>` run (Markdown blockquotes)."""
    stop = len(text) if stop is None else stop
    lines = _lines(text, start, stop)
    strs = [text[a:b] for a, b in lines]
    forward = _first(strs, _is_forward, len(strs))
    cut = _first(strs, _cut_at, forward if forward is not None else len(strs))
    if cut is None and forward is not None:
        return _with_forward(text, lines, strs, forward, start, stop)
    own_end, quoted = len(strs), []
    if cut is None and quote_tail:
        cut = _quoted_tail(strs)
    if cut is not None:
        own_end = cut
        quoted.append(_trimmed(text, lines[cut][0], stop))
    sig = _signature_line(strs, own_end)
    own_stop = lines[own_end][0] if own_end < len(lines) else stop
    if sig is None:
        return Parts(_trimmed(text, start, own_stop), tuple(quoted), None)
    sig_start = lines[sig][0]
    return Parts(
        _trimmed(text, start, sig_start), tuple(quoted), _trimmed(text, sig_start, own_stop)
    )


def _with_forward(
    text: str, lines: list[tuple[int, int]], strs: list[str], forward: int, start: int, stop: int
) -> Parts:
    """Sender's note plus a forwarded block: all body; a signature above the block overlaps it."""
    sig = _signature_line(strs, forward)
    signature = None if sig is None else _trimmed(text, lines[sig][0], lines[forward][0])
    return Parts(_trimmed(text, start, stop), (), signature)


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """[start, end) of each line in text[start:stop], without the newline."""
    out, pos = [], start
    while pos < stop:
        newline = text.find("\n", pos, stop)
        end = stop if newline == -1 else newline
        out.append((pos, end))
        pos = end + 1
    return out


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span [start, end) without trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end)


def _first(strs: list[str], test: Callable[[list[str], int], int | None], limit: int) -> int | None:
    """Index of the first line below `limit` for which test(strs, i) gives a line index."""
    for i in range(limit):
        found = test(strs, i)
        if found is not None:
            return found
    return None


def _is_forward(strs: list[str], i: int) -> int | None:
    return i if _FORWARD.fullmatch(strs[i]) else None


def _cut_at(strs: list[str], i: int) -> int | None:
    """Where quoted history starts if line i opens it (maybe at a "____" rule above), else None."""
    if _is_gmail(strs, i) or _OUTLOOK_ORIGINAL.fullmatch(strs[i]):
        return i
    if _is_outlook_header(strs, i):
        above = _previous_nonblank(strs, i)
        return above if above is not None and _RULE.fullmatch(strs[above]) else i
    return None


def _is_gmail(strs: list[str], i: int) -> bool:
    """An "On <date>, <name> wrote:" line, or such a line wrapped over two; a date has a digit."""
    line = strs[i]
    if _GMAIL_ONE_LINE.fullmatch(line):
        return any(ch.isdigit() for ch in line)
    if i + 1 >= len(strs) or not _GMAIL_FIRST.fullmatch(line):
        return False
    return bool(_GMAIL_SECOND.fullmatch(strs[i + 1])) and any(ch.isdigit() for ch in line)


def _is_outlook_header(strs: list[str], i: int) -> bool:
    """A "From: ..." line followed within four lines by "Sent: ..." or "Date: ..."."""
    if not _OUTLOOK_FROM.fullmatch(strs[i]):
        return False
    return any(_OUTLOOK_SENT.fullmatch(line) for line in strs[i + 1 : i + 5])


def _previous_nonblank(strs: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not strs[j].strip():
        j -= 1
    return j if j >= 0 else None


def _is_quote(line: str) -> bool:
    return line.lstrip().startswith(">")


def _quoted_tail(strs: list[str]) -> int | None:
    """First line of the run of `>` lines (and an "... wrote:" line above it) ending the text."""
    i = len(strs)
    while i > 0 and (_is_quote(strs[i - 1]) or not strs[i - 1].strip()):
        i -= 1
    while i < len(strs) and not _is_quote(strs[i]):
        i += 1
    if i == len(strs):
        return None
    above = _previous_nonblank(strs, i)
    return above if above is not None and _WROTE.fullmatch(strs[above]) else i


def _signature_line(strs: list[str], end: int) -> int | None:
    """Index of the last signature delimiter line before `end`, if it delimits a signature."""
    for i in range(end - 1, -1, -1):
        match = _SIGNATURE.fullmatch(strs[i])
        if match is None:
            continue
        following = sum(1 for line in strs[i + 1 : end] if line.strip())
        return i if match.group(1) or following <= MAX_SIGNATURE_LINES else None
    return None
