"""Read a draft (file, bytes, stdin or editor buffer) into a Message."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from email import policy
from email.parser import HeaderParser
from typing import BinaryIO

from intro_lint.errors import InputError, IntroLintError
from intro_lint.model import Message
from intro_lint.read.decode import check_magic, check_size, decode_text, normalise
from intro_lint.read.limits import over_limit
from intro_lint.read.mail import headers_of, parse_email
from intro_lint.read.parts import split
from intro_lint.read.suppressions import find_suppressions

# Reading is split by job: decode.py (bytes -> text, newlines), mail.py (.eml files via the stdlib
# email package), htmltext.py (HTML bodies -> text), parts.py (body, quoted history, signature),
# suppressions.py (inline ignore comments). This module picks the kind and builds the Message;
# every entry point normalises newlines first (see decode.py).

DEFAULT_MAX_BYTES = 1_000_000
DRAFT_KINDS = ("text", "markdown", "email")
EMAIL_SUFFIXES = (".eml",)
MARKDOWN_SUFFIXES = (".md", ".markdown")

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_HEADER_LINE = re.compile(r"[!-9;-~]+:.*|[ \t]+\S.*")
_MBOX_FROM = re.compile(r"From \S+.*")
_SNIFF_NAMES = frozenset(
    "from to cc subject date message-id mime-version content-type received return-path "
    "reply-to delivered-to in-reply-to references sender".split()
)
_SUBJECT_LINE = re.compile(r"[Ss]ubject:[ \t]*(?P<subject>[^\n]*)\n[ \t]*\n")


# --- public API -------------------------------------------------------------------------------


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Message:
    """Read a draft file: `.eml` as email, `.md`/`.markdown` as Markdown, anything else as text.

    Message.text is the decoded text exactly, except that "\\r\\n" and "\\r" become "\\n".
    """
    return read_bytes(_read_file(path, max_bytes), path, max_bytes)


def read_many(
    paths: Sequence[str], max_bytes: int, stdin: BinaryIO | None = None
) -> list[Message | InputError]:
    """Each path's Message, or the InputError saying why it cannot be read; "-" reads `stdin`.

    `stdin` defaults to the process's standard input, looked up only when "-" is read.
    """
    items: list[Message | InputError] = []
    for path in paths:
        try:
            if path == "-":
                items.append(read_bytes(read_stdin(stdin, max_bytes), "-", max_bytes))
            else:
                items.append(read_path(path, max_bytes))
        except IntroLintError as exc:
            items.append(exc if isinstance(exc, InputError) else InputError(path, str(exc)))
    return items


def read_stdin(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    """Standard input's bytes, reading at most max_bytes + 1: an endless stream trips the limit."""
    stream = stdin or getattr(sys.stdin, "buffer", None)  # sys.stdin is None when fd 0 is closed
    if stream is None:
        raise InputError("-", "standard input is closed; there is nothing to read")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError("-", f"cannot read standard input: {exc.strerror or exc}") from None
    if over_limit(len(data), max_bytes):
        raise InputError(
            "-",
            f"standard input is over the limit of {max_bytes:,} bytes (configurable via max-bytes)",
        )
    return data


def read_bytes(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Message:
    """Read a draft in memory; path "-" (stdin) is sniffed: email if it opens with headers."""
    check_size(len(data), path, max_bytes)
    if not data.strip():
        raise InputError(path, "file is empty")
    check_magic(data, path)
    kind = _kind_for(path, data)
    if kind == "email":
        return _from_email_bytes(data, path)
    text = normalise(decode_text(data, path))
    if not text.strip():
        raise InputError(path, "file is empty")
    return _from_plain(text, path, kind)


def read_text(text: str, path: str = "<text>", kind: str = "text") -> Message:
    """Read an editor buffer, even an empty one; kind "email": headers, a blank line, the body."""
    if kind not in DRAFT_KINDS:
        raise ValueError(f"kind must be one of {DRAFT_KINDS}, not {kind!r}")
    text = normalise(text)
    if kind == "email":
        return _from_mail_buffer(text, path)
    return _from_plain(text, path, kind)


# --- files and kinds -----------------------------------------------------------------------------


def _read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes; folders, FIFOs, devices and files over max_bytes are refused unread."""
    try:
        check_regular(path, os.stat(path).st_mode)  # a FIFO or device is never opened
        # ... and should one take the file's place meanwhile, opening it does not wait for a writer
        with os.fdopen(os.open(path, os.O_RDONLY | _NONBLOCK), "rb") as handle:
            info = os.fstat(handle.fileno())
            check_regular(path, info.st_mode)
            check_size(info.st_size, path, max_bytes)
            return handle.read(max_bytes + 1)  # +1: a file that grows still trips the limit
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror or exc}") from None


def check_regular(path: str, mode: int) -> None:
    """InputError unless the mode is a regular file's: a FIFO or device could block or never end."""
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a directory, not a draft file")
    if not stat.S_ISREG(mode):
        raise InputError(path, f"is {special_kind(mode)}, not a regular file")


def special_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _kind_for(path: str, data: bytes) -> str:
    lower = path.lower()
    if lower.endswith(EMAIL_SUFFIXES):
        return "email"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if path == "-" and looks_like_email(data):
        return "email"
    return "text"


def looks_like_email(data: bytes) -> bool:
    """RFC 5322 header lines (two or more, one a well-known name) then a blank line.

    A lone "Subject: ..." line is not enough: a text draft may open that way (see _subject_of).
    """
    lines = data[:16384].decode("latin-1").replace("\r\n", "\n").split("\n")
    if lines and _MBOX_FROM.fullmatch(lines[0]):
        lines = lines[1:]
    names = []
    for line in lines:
        if not line:
            return len(names) >= 2 and any(name in _SNIFF_NAMES for name in names)
        if not _HEADER_LINE.fullmatch(line) or (not names and line[0] in " \t"):
            return False
        if line[0] not in " \t":
            names.append(line.split(":", 1)[0].lower())
    return False


# --- text and Markdown ---------------------------------------------------------------------------


def _from_plain(text: str, path: str, kind: str) -> Message:
    """A text or Markdown draft: the whole text, a "Subject:" first line, the body after it."""
    subject, start = _subject_of(text)
    parts = split(text, start, quote_tail=kind != "markdown")
    return Message(
        path=path,
        kind=kind,
        text=text,
        body=parts.body,
        subject=subject,
        quoted=parts.quoted,
        signature=parts.signature,
        suppressions=find_suppressions(text),
    )


def _subject_of(text: str) -> tuple[str | None, int]:
    """A first line "Subject: ..." then a blank line is the subject; the body starts after."""
    match = _SUBJECT_LINE.match(text)
    if match is None:
        return None, 0
    return match.group("subject").strip(), match.end()


# --- editor mail buffers -------------------------------------------------------------------------


def _from_mail_buffer(text: str, path: str) -> Message:
    """A mail client's compose buffer: headers are read, not linted; offsets match the editor."""
    headers, start = _buffer_headers(text)
    parts = split(text, start)
    return Message(
        path=path,
        kind="email",
        text=text,
        body=parts.body,
        subject=headers.get("Subject"),
        headers=headers,
        quoted=parts.quoted,
        signature=parts.signature,
        suppressions=find_suppressions(text),
    )


def _buffer_headers(text: str) -> tuple[dict[str, str], int]:
    """The header block's chosen headers and where the body starts; none if no headers open it."""
    end = text.find("\n\n")
    block = text if end == -1 else text[:end]
    lines = block.split("\n")
    if (
        not block
        or lines[0][:1] in (" ", "\t")
        or not all(_HEADER_LINE.fullmatch(x) for x in lines)
    ):
        return {}, 0
    try:
        parsed = HeaderParser(policy=policy.default).parsestr(block + "\n\n")
        return headers_of(parsed), len(text) if end == -1 else end + 2
    except Exception:  # the stdlib header parser has known crashes on odd input; keep the body
        return {}, 0


# --- .eml files ----------------------------------------------------------------------------------


def _from_email_bytes(data: bytes, path: str) -> Message:
    """A saved email: the decoded body of the newest message, its headers and real attachments."""
    parsed = parse_email(data, path)
    text = normalise(parsed.text)
    if not text.strip():
        raise InputError(path, "the message body is empty")
    parts = split(text)
    return Message(
        path=path,
        kind="email",
        text=text,
        body=parts.body,
        subject=parsed.headers.get("Subject"),
        headers=parsed.headers,
        attachments=parsed.attachments,
        quoted=parts.quoted,
        signature=parts.signature,
        suppressions=find_suppressions(text),
    )
