"""Labelled records from JSONL and CSV files (as in shared/corpus/LABELS.md) as draft entries."""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from intro_lint.check.catalogue import RuleSpec
from intro_lint.errors import InputError
from intro_lint.read.corpus import JsonLine, json_lines, to_eml
from intro_lint.read.message import read_bytes

TRUE = frozenset({"true", "1", "yes", "y", "t"})
FALSE = frozenset({"false", "0", "no", "n", "f"})


class RecordError(ValueError):
    """A record that cannot be graded; the message says why."""


def label_columns(rules: Mapping[str, RuleSpec]) -> frozenset[str]:
    """The top-level fields read as labels: the id of every loaded rule, and its old ids."""
    return frozenset({*rules, *(alias for rule in rules.values() for alias in rule.aliases)})


def jsonl_entries(path: Path, max_bytes: int, label_ids: Collection[str]) -> Iterator[dict]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield {"id": path.name, "error": f"cannot read the file: {exc.strerror or exc}"}
        return
    with handle:
        for line in json_lines(handle):
            yield _jsonl_entry(line, f"{path.name}:{line.number}", max_bytes, label_ids)


def _jsonl_entry(line: JsonLine, where: str, max_bytes: int, label_ids: Collection[str]) -> dict:
    if line.problem:
        return {"id": where, "error": f"not a JSON record: {line.problem}"}
    if not isinstance(line.value, dict):
        return {"id": where, "error": "not a JSON object"}
    return record_entry(line.value, where, max_bytes, label_ids)


def csv_entries(path: Path, max_bytes: int, label_ids: Collection[str]) -> Iterator[dict]:
    """One entry per row.

    A file that stops parsing (bad encoding, broken quoting) ends in one error entry.
    """
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if "text" not in (reader.fieldnames or []):
                yield {"id": path.name, "error": "no 'text' column in the header row"}
                return
            for row in reader:
                yield record_entry(
                    _csv_row(row), f"{path.name}:{reader.line_num}", max_bytes, label_ids
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        yield {"id": f"{path.name}:?", "error": f"cannot read the rest of the CSV file: {exc}"}


def _csv_row(row: dict[str | None, Any]) -> dict:
    """Empty cells are missing values; attachments are separated by semicolons."""
    rec = {k: v for k, v in row.items() if k is not None and isinstance(v, str) and v.strip() != ""}
    if "attachments" in rec:
        rec["attachments"] = [a.strip() for a in rec["attachments"].split(";") if a.strip()]
    return rec


def record_entry(rec: dict, where: str, max_bytes: int, label_ids: Collection[str]) -> dict:
    """A record as an entry: id (or `file:line`), student, labels and the email it stands for."""
    raw_id = rec.get("id")
    draft_id = (str(raw_id).strip() if raw_id is not None else "") or where
    entry = {"id": draft_id, "student": str(rec.get("student") or "").strip() or None}
    try:
        entry["labels"] = labels_of(rec, label_ids)
        entry["message"] = read_bytes(to_eml(_email_fields(rec)), f"{draft_id}.eml", max_bytes)
    except RecordError as exc:
        return {**entry, "labels": None, "error": str(exc)}
    except InputError as exc:
        return {**entry, "error": exc.problem}
    except (
        Exception
    ) as exc:  # e.g. the stdlib refusing a header value: one bad record, not the batch
        return {**entry, "error": f"cannot be turned into an email ({type(exc).__name__}: {exc})"}
    return entry


def _email_fields(rec: dict) -> dict:
    text, subject, attachments = rec.get("text"), rec.get("subject"), rec.get("attachments") or []
    if not isinstance(text, str) or not text.strip():
        raise RecordError("the record has no text")
    if subject is not None and not isinstance(subject, str):
        raise RecordError("subject must be a string")
    if not isinstance(attachments, list) or not all(
        isinstance(a, str) and a.strip() for a in attachments
    ):
        raise RecordError("attachments must be a list of file names")
    if subject and ("\n" in subject or "\r" in subject):
        raise RecordError("subject must be one line")
    return {"text": text, "subject": subject, "attachments": attachments}


def labels_of(rec: dict, label_ids: Collection[str]) -> dict[str, bool] | None:
    """A "labels" object, or top-level label columns; None when the record carries no labels."""
    nested = rec.get("labels")
    if nested is not None and not isinstance(nested, dict):
        raise RecordError("labels must be an object of rule id -> true/false")
    given = dict(nested or {})
    given.update({k: rec[k] for k in label_ids if k in rec})
    return {rule: label_value(rule, value) for rule, value in given.items()} or None


def label_value(rule: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise RecordError(f"label {rule}: {value!r} is not true/false (or 1/0, yes/no)")


def count_csv_rows(path: Path, max_bytes: int) -> int:
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as handle:
        return max(1, sum(1 for _ in csv.reader(handle)) - 1)
