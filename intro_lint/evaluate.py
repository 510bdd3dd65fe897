"""Score the rules against a labelled corpus (JSON Lines, as in shared/corpus/LABELS.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from email.message import EmailMessage

from .errors import InputError
from .message import read_bytes
from .models import Message


@dataclass(frozen=True)
class RuleScore:
    rule: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


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


def score_rules(records: list[dict], found: dict[str, set[str]], rules: list[str]) -> list[RuleScore]:
    out = []
    for rule in rules:
        tp = fp = fn = 0
        for rec in records:
            gold, got = bool(rec["labels"].get(rule)), rule in found.get(str(rec["id"]), set())
            tp += gold and got
            fp += (not gold) and got
            fn += gold and not got
        out.append(RuleScore(rule, tp, fp, fn))
    return out


def flagged_good(records: list[dict], found: dict[str, set[str]]) -> tuple[int, int, int]:
    """(good messages with any finding, of those how many carry no label, number of good messages)."""
    good = [r for r in records if r.get("verdict") == "good"]
    flagged = [r for r in good if found.get(str(r["id"]))]
    clean = [r for r in flagged if not any(r["labels"].values())]
    return len(flagged), len(clean), len(good)
