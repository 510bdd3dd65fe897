"""Saved MIME messages in a buffer: read as `check` reads them, findings mapped onto the buffer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from intro_lint.model import Edit, Finding, Fix, Message
from intro_lint.read.message import read_bytes

# A header block naming a MIME structure or transfer encoding: the body is not the text shown.
MIME_HEADER = re.compile(
    r"^(mime-version|content-type|content-transfer-encoding)[ \t]*:", re.I | re.M
)
QP_CHARSETS = ("utf-8", "latin-1")
SOFT_BREAK = "=\n"


def is_saved_message(path: str, text: str) -> bool:
    """A `.eml` file, or a mail buffer whose headers declare MIME (not a plain compose buffer)."""
    end = text.find("\n\n")
    return path.lower().endswith(".eml") or bool(
        MIME_HEADER.search(text if end < 0 else text[:end])
    )


def body_is_blank(text: str) -> bool:
    end = text.find("\n\n")
    return end < 0 or not text[end:].strip()


def read_saved(text: str, path: str, max_bytes: int) -> Message | None:
    """The Message `check` reads from these bytes (raises InputError as `check` would).

    None for a buffer that is not a `.eml` file and that `check -` would not take for an email.
    """
    data = text.encode("utf-8", "surrogatepass")
    if path.lower().endswith(".eml"):
        return read_bytes(data, path, max_bytes)
    message = read_bytes(data, "-", max_bytes)  # "-": sniffed for headers, as standard input is
    return message.model_copy(update={"path": path}) if message.kind == "email" else None


@dataclass(frozen=True)
class Placement:
    """Decoded-text offsets to buffer offsets: exact where the body is found, else a fallback.

    `starts[k]` is where decoded character k begins in the buffer and `ends[k]` where character
    k-1 ends. Without them (a base64 or HTML body) every span goes to `fallback`, the body's first
    line. `literal` says the body stands in the buffer unencoded, so edits can be applied there.
    """

    starts: list[int] | None
    ends: list[int] | None
    literal: bool
    fallback: tuple[int, int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return self.fallback
        last = len(self.starts) - 1
        start, end = min(max(start, 0), last), min(max(end, start), last)
        return self.starts[start], max(self.starts[start], self.ends[end])

    def offset(self, at: int) -> int | None:
        """An exact buffer offset for a decoded offset, or None when edits cannot go there."""
        return self.span(at, at)[0] if self.literal else None


def placement(buffer: str, decoded: str) -> Placement:
    """Find the decoded body after a blank line of the buffer: literally, or quoted-printable."""
    fallback = first_body_line(buffer)
    start = buffer.find("\n\n")
    while start >= 0:
        found = align(decoded, buffer, start + 2)
        if found is not None:
            return Placement(*found, fallback=fallback)
        start = buffer.find("\n\n", start + 1)
    return Placement(None, None, False, fallback)


def align(decoded: str, raw: str, i: int) -> tuple[list[int], list[int], bool] | None:
    """Walk the decoded text through `raw` from offset i; None as soon as they disagree."""
    starts, ends, literal = [], [i], True
    for char in decoded:
        while True:
            step = _literal(char, raw, i)
            if step:
                break
            if raw.startswith(SOFT_BREAK, i):
                i, literal = i + len(SOFT_BREAK), False
                continue
            step = _escaped(char, raw, i)
            if not step:
                return None
            literal = False
            break
        starts.append(i)
        i += step
        ends.append(i)
    starts.append(i)
    return starts, ends, literal


def _literal(char: str, raw: str, i: int) -> int:
    if char == "=" and raw[i : i + 3].upper() == "=3D":
        return 0  # quoted-printable's "=" itself, taken by _escaped
    return 1 if raw.startswith(char, i) else 0


def _escaped(char: str, raw: str, i: int) -> int:
    """The length of char's quoted-printable escape at raw[i] ("=E2=80=99"), or 0."""
    for charset in QP_CHARSETS:
        try:
            escape = "".join(f"={byte:02X}" for byte in char.encode(charset))
        except UnicodeEncodeError:
            continue
        if raw[i : i + len(escape)].upper() == escape:
            return len(escape)
    return 0


def first_body_line(buffer: str) -> tuple[int, int]:
    """The first non-blank line after the header block (the start of the encoded body)."""
    end = buffer.find("\n\n")
    at = len(buffer) if end < 0 else end + 2
    while at < len(buffer) and buffer[at] == "\n":
        at += 1
    line_end = buffer.find("\n", at)
    return at, len(buffer) if line_end < 0 else line_end


def place(findings: Iterable[Finding], where: Placement) -> tuple[Finding, ...]:
    """Findings in buffer offsets; fixes keep their edits only where the buffer can take them."""
    return tuple(_placed(finding, where) for finding in findings)


def _placed(finding: Finding, where: Placement) -> Finding:
    start, end = where.span(finding.start, finding.end)
    fixes = tuple(_fix(fix, where) for fix in finding.fixes)
    return finding.model_copy(update={"start": start, "end": end, "fixes": fixes})


def _fix(fix: Fix, where: Placement) -> Fix:
    if not where.literal:
        return fix.model_copy(update={"edits": ()})  # shown on hover, not offered as an edit
    edits = tuple(
        Edit(start=where.offset(e.start), end=where.offset(e.end), text=e.text) for e in fix.edits
    )
    return fix.model_copy(update={"edits": edits})
