"""A room's workshop: the join code, the instructor's token, submissions kept one file each."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from threading import Lock

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B to misread aloud
NAME_MAX = 80


class SubmissionError(ValueError):
    """A submission that cannot be kept (a bad name); the message says why."""


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def clean_name(name: str) -> str:
    """A participant's name as shown: trimmed, one line, no control characters, at most 80."""
    name = " ".join(name.split())
    if not name:
        raise SubmissionError("enter your name")
    if len(name) > NAME_MAX:
        raise SubmissionError(f"a name of at most {NAME_MAX} characters, please")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise SubmissionError("the name holds control characters")
    return name


def slug(name: str) -> str:
    """The name as a file-name part: ASCII letters, digits and dashes only, never a path."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "participant"


def as_mail(name: str, to: str, subject: str, text: str, when: datetime) -> bytes:
    """The submission as a plain-text .eml (what `intro-lint grade` reads), From the participant."""
    mail = EmailMessage(policy=policy.default)
    mail["From"] = name
    if to.strip():
        mail["To"] = " ".join(to.split())
    if subject.strip():
        mail["Subject"] = " ".join(subject.split())
    mail["Date"] = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    mail["X-Intro-Lint-Participant"] = name
    mail.set_content(text, charset="utf-8", cte="7bit" if text.isascii() else "8bit")
    return mail.as_bytes()


@dataclass
class Workshop:
    """Submissions go to `folder`; `code` lets a participant in, `token` the instructor."""

    folder: Path
    code: str = field(default_factory=new_code)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    lock: Lock = field(default_factory=Lock, repr=False)

    def code_ok(self, code: str) -> bool:
        return secrets.compare_digest(code.strip().upper().encode(), self.code.encode())

    def token_ok(self, token: str) -> bool:
        return secrets.compare_digest(token.encode(), self.token.encode())

    def submit(self, name: str, to: str, subject: str, text: str) -> Path:
        """Write one new file, atomically; an earlier submission is never overwritten."""
        name = clean_name(name)
        when = datetime.now(UTC)
        data = as_mail(name, to, subject, text, when)
        stamp = when.strftime("%Y%m%dT%H%M%S") + f"{when.microsecond // 1000:03d}Z"
        with self.lock:
            for _ in range(100):
                target = self.folder / f"{stamp}-{slug(name)}-{secrets.token_hex(2)}.eml"
                if keep_new(target, data):
                    return target
        raise OSError(f"could not find a free file name in {self.folder}")

    def submissions(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("*.eml") if not p.name.startswith("."))


def keep_new(target: Path, data: bytes) -> bool:
    """Write data to a temp file, fsync, then link it to target; False if target exists."""
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)  # atomic, and refuses to replace an existing file
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)
