"""Labelled corpus records (JSON Lines, as in shared/corpus/LABELS.md) and the emails they stand for."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from intro_lint.errors import InputError
from intro_lint.model import Message
from intro_lint.read.message import read_bytes


def read_corpus(path: str) -> list[dict]:
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read corpus: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rec["text"], rec["labels"], rec["id"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(path, f"line {n}: not a labelled record ({exc})") from None
        records.append(rec)
    return records


def to_eml(rec: dict) -> bytes:
    """A record as the email it stands for: subject, body and its real attachments."""
    msg = EmailMessage()
    msg["From"] = "sender@example.org"
    msg["To"] = "reader@example.org"
    if rec.get("subject"):
        msg["Subject"] = rec["subject"]
    msg.set_content(rec["text"])
    for name in rec.get("attachments") or []:
        msg.add_attachment(b"%PDF-1.4\n% placeholder\n", maintype="application", subtype="octet-stream", filename=name)
    return bytes(msg)


def to_message(rec: dict) -> Message | InputError:
    try:
        return read_bytes(to_eml(rec), f"{rec['id']}.eml")
    except InputError as exc:
        return exc


