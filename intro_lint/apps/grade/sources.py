"""Stream drafts to grade, in input order, from folders, JSONL/CSV files, mboxes, single drafts."""

from __future__ import annotations

import itertools
import mailbox
import os
import stat
from collections.abc import Collection, Iterator
from email import policy
from email.parser import BytesHeaderParser
from email.utils import parseaddr
from pathlib import Path

from intro_lint.apps.grade.records import count_csv_rows, csv_entries, jsonl_entries
from intro_lint.apps.grade.values import GradeItem
from intro_lint.errors import InputError
from intro_lint.read.message import DEFAULT_MAX_BYTES, check_regular, read_bytes, read_path

DRAFT_SUFFIXES = (".txt", ".md", ".eml")
MBOX_SUFFIXES = (".mbox", ".mbx")
INPUT_KINDS = "a folder, a .jsonl or .csv file, an mbox, or a .txt/.md/.eml draft"


def iter_items(
    inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, *, label_ids: Collection[str]
) -> Iterator[GradeItem]:
    """Every draft of every input, lazily and in order; whatever cannot be read is an error item.

    label_ids: the top-level record fields read as labels (records.label_columns of the rules).
    """
    index, seen = itertools.count(), set()
    for source in inputs:
        count = 0
        for entry in _entries(source, max_bytes, label_ids):
            count += 1
            if entry["id"] in seen:
                entry = {
                    "id": entry["id"],
                    "student": entry.get("student"),
                    "error": "duplicate id: an earlier draft has the same id",
                }
            seen.add(entry["id"])
            yield GradeItem(index=next(index), **entry)
        if count == 0:
            yield GradeItem(
                index=next(index), id=source, error=f"no drafts found (expected {INPUT_KINDS})"
            )


def count_items(inputs: list[str]) -> int:
    """How many items iter_items yields, roughly (for a progress bar): reads names, not drafts."""
    return sum(_count(source) for source in inputs)


def _entries(source: str, max_bytes: int, label_ids: Collection[str]) -> Iterator[dict]:
    path = Path(source)
    kind = input_kind(path)
    if kind == "folder":
        return _folder(path, max_bytes)
    if kind == "jsonl":
        return jsonl_entries(path, max_bytes, label_ids)
    if kind == "csv":
        return csv_entries(path, max_bytes, label_ids)
    if kind == "mbox":
        return _mbox(path, max_bytes)
    if kind == "draft":
        return iter([_draft(path, source, None, max_bytes)])
    return iter([{"id": source, "error": input_problem(path, kind)}])


def input_problem(path: Path, kind: str) -> str:
    """Why an input of kind missing, special, unreadable or unknown gives no drafts."""
    if kind == "missing":
        return "no such file or folder"
    if kind in ("special", "unreadable"):
        try:
            check_regular(str(path), os.stat(path).st_mode)
        except OSError as exc:
            return f"cannot read the file: {exc.strerror or exc}"
        except InputError as exc:
            return exc.problem
    return f"unknown input type (expected {INPUT_KINDS})"


def input_kind(path: Path) -> str:
    """folder, jsonl, csv, mbox, draft, missing, special (FIFO, device), unreadable or unknown."""
    suffix = path.suffix.lower()
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError:
        return "unreadable"
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        return "special"  # never opened: a FIFO would block the run
    if suffix in (".jsonl", ".csv"):
        return suffix[1:]
    if suffix in DRAFT_SUFFIXES:
        return "draft"
    if suffix in MBOX_SUFFIXES or _starts_like_mbox(path):
        return "mbox"
    return "unknown"


def _starts_like_mbox(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


# --- folders -------------------------------------------------------------------------------------


def folder_files(root: Path, problems: list[OSError] | None = None) -> list[Path]:
    """Draft files under root (recursive), sorted by relative path; hidden files/folders skipped."""
    found = []
    for folder, dirs, files in os.walk(root, onerror=None if problems is None else problems.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if takes_name(f)]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def takes_name(name: str) -> bool:
    """Whether a file of this name, in a folder the walker enters, is graded as a draft."""
    return not name.startswith(".") and name.lower().endswith(DRAFT_SUFFIXES)


def walker_takes(path: Path, root: Path) -> bool:
    """Whether folder_files(root) would list path (both resolved by the caller)."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    return bool(parts) and not any(p.startswith(".") for p in parts[:-1]) and takes_name(parts[-1])


def _folder(root: Path, max_bytes: int) -> Iterator[dict]:
    problems: list[OSError] = []
    for path in folder_files(root, problems):
        parts = path.relative_to(root).parts
        student = parts[0] if len(parts) > 1 else None
        yield _draft(path, "/".join(parts), student, max_bytes)
    for exc in problems:  # a folder that cannot be listed hides drafts: say so
        name = (
            Path(exc.filename or root).relative_to(root).as_posix() if exc.filename else str(root)
        )
        yield {"id": f"{name}/", "error": f"cannot list the folder: {exc.strerror or exc}"}


def _draft(path: Path, draft_id: str, student: str | None, max_bytes: int) -> dict:
    try:
        return {"id": draft_id, "student": student, "message": read_path(str(path), max_bytes)}
    except InputError as exc:
        return {"id": draft_id, "student": student, "error": exc.problem}
    except Exception as exc:  # one odd file must not sink the batch
        return {"id": draft_id, "student": student, "error": unexpected(exc)}


def unexpected(exc: Exception) -> str:
    return f"cannot be read ({type(exc).__name__}: {exc})"


# --- mbox ----------------------------------------------------------------------------------------


def _mbox(path: Path, max_bytes: int) -> Iterator[dict]:
    try:
        box = mailbox.mbox(str(path), create=False)
        keys = list(box.iterkeys())
    except Exception as exc:  # mailbox raises OSError and parsing errors of its own
        yield {"id": path.name, "error": f"cannot read the mbox: {exc}"}
        return
    try:
        for n, key in enumerate(keys, 1):
            yield _mbox_message(box, key, f"{path.name}#{n}", max_bytes)
    finally:
        box.close()


def _mbox_message(box: mailbox.mbox, key: str, draft_id: str, max_bytes: int) -> dict:
    try:
        data = box.get_bytes(key)
    except Exception as exc:
        return {"id": draft_id, "error": f"cannot read the message: {exc}"}
    entry = {"id": draft_id, "student": sender_name(data)}
    try:
        return {**entry, "message": read_bytes(data, f"{draft_id}.eml", max_bytes)}
    except InputError as exc:
        return {**entry, "error": exc.problem}
    except Exception as exc:
        return {**entry, "error": unexpected(exc)}


def sender_name(data: bytes) -> str | None:
    """The From display name (or the address when there is none)."""
    try:
        value = BytesHeaderParser(policy=policy.default).parsebytes(data).get("From")
        name, address = parseaddr(str(value or ""))
    except Exception:  # the stdlib header parser has known crashes on odd input
        return None
    return name.strip() or address.strip() or None


# --- counting ------------------------------------------------------------------------------------


def _count(source: str) -> int:
    path = Path(source)
    kind = input_kind(path)
    try:
        if kind == "folder":
            return len(folder_files(path)) or 1
        if kind == "jsonl":
            return _count_lines(path)
        if kind == "csv":
            return count_csv_rows(path, DEFAULT_MAX_BYTES)
        if kind == "mbox":
            return len(mailbox.mbox(str(path), create=False)) or 1
    except Exception:
        return 1
    return 1


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return max(1, sum(1 for line in handle if line.strip()))
