"""Labelled corpus records (JSON Lines, shared/corpus/LABELS.md) and the emails they stand for."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from typing import Any, NamedTuple

from intro_lint.errors import InputError
from intro_lint.model import Message
from intro_lint.read.message import read_bytes


class JsonLine(NamedTuple):
    """One non-blank line of a JSON Lines file: its number, and its value or why it has none."""

    number: int
    value: Any = None
    problem: ValueError | None = None


def json_lines(lines: Iterable[bytes]) -> Iterator[JsonLine]:
    """Each non-blank line's JSON value (a UTF-8 BOM allowed), or the error that says why it is not.

    Give it a file opened in binary mode: lines end at a line feed only, so a U+2028 inside a
    string stays part of its record.
    """
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            yield _json_line(number, raw)


def _json_line(number: int, raw: bytes) -> JsonLine:
    try:
        return JsonLine(number, json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return JsonLine(number, problem=exc)


def read_corpus(path: str) -> list[dict]:
    """The labelled records for `intro-lint eval`; the first bad line is an InputError."""
    try:
        with open(path, "rb") as handle:
            return [_labelled(line, path) for line in json_lines(handle)]
    except OSError as exc:
        raise InputError(path, f"cannot read corpus: {exc}") from None


def _labelled(line: JsonLine, path: str) -> dict:
    problem = line.problem or _unlabelled(line.value)
    if problem:
        raise InputError(path, f"line {line.number}: not a labelled record ({problem})")
    return line.value


def _unlabelled(value: Any) -> Exception | None:
    """Why a JSON value is not a record with text, labels and id (KeyError, TypeError), or None."""
    try:
        value["text"], value["labels"], value["id"]
    except (KeyError, TypeError) as exc:
        return exc
    return None


def to_eml(rec: dict) -> bytes:
    """A record as the email it stands for: subject, body and its real attachments."""
    msg = EmailMessage()
    msg["From"] = "sender@example.org"
    msg["To"] = "reader@example.org"
    if rec.get("subject"):
        msg["Subject"] = rec["subject"]
    msg.set_content(rec["text"])
    for name in rec.get("attachments") or []:
        msg.add_attachment(
            b"%PDF-1.4\n% placeholder\n",
            maintype="application",
            subtype="octet-stream",
            filename=name,
        )
    return bytes(msg)


def to_message(rec: dict) -> Message | InputError:
    try:
        return read_bytes(to_eml(rec), f"{rec['id']}.eml")
    except InputError as exc:
        return exc
