"""Apply edits: choose each finding's fix at a safety level, drop overlaps, diff the result."""

from __future__ import annotations

import difflib
import re

from intro_lint.model import Edit, Fix, Message, Report

SAFE_LEVELS = {"safe": ("safe",), "unsafe": ("safe", "unsafe")}
NO_NEWLINE = "\\ No newline at end of file\n"


def fixed_text(message: Message, report: Report, level: str) -> str:
    """Message.text with the report's fixes at `level` applied."""
    return apply_edits(message.text, chosen_edits([f.fixes for f in report.findings], level))


def fixed_source(source: str, message: Message, report: Report, level: str) -> str:
    """The file's own decoded text (its "\\r\\n" or "\\r" kept) with the same fixes applied."""
    edits = chosen_edits([f.fixes for f in report.findings], level)
    offsets = source_offsets(source)
    if len(offsets) != len(message.text) + 1:
        raise ValueError("the source is not the text the message was read from")
    newline = "\r\n" if "\r\n" in source else "\r" if "\r" in source else "\n"
    moved = [
        Edit(start=offsets[e.start], end=offsets[e.end], text=e.text.replace("\n", newline))
        for e in edits
        if 0 <= e.start <= e.end <= len(message.text)
    ]
    return apply_edits(source, moved)


def source_offsets(source: str) -> list[int]:
    """For each offset of the normalised text (and its end), the offset in `source`."""
    offsets = [m.start() for m in re.finditer(r"\r\n|[^\r]|\r", source, re.DOTALL)]
    return [*offsets, len(source)]


def _lines(text: str) -> list[str]:
    """Lines split after "\\n" only (str.splitlines would also split at \\x0c, \\u2028 ...)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff `patch` applies: a last line without a newline is marked as such."""
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(out)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply the edits that fit the text and do not overlap (see non_overlapping)."""
    out = text
    inside = [e for e in edits if 0 <= e.start <= e.end <= len(text)]
    for e in reversed(non_overlapping(inside)):
        out = out[: e.start] + e.text + out[e.end :]
    return out


def _order(e: Edit) -> tuple[int, int, bool]:
    """Text order; at one point a sentence goes before a block (text opening with a newline)."""
    return e.start, e.end, e.text.startswith(("\n", "\r"))


def non_overlapping(edits: list[Edit]) -> list[Edit]:
    """The edits in text order; from the end backwards, one overlapping a later one is dropped."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=_order, reverse=True):
        if kept and edit.end > kept[-1].start:
            continue
        kept.append(edit)
    return kept[::-1]


def chosen_edits(fixes_per_finding: list[tuple[Fix, ...]], level: str) -> list[Edit]:
    """The edits of the first fix at or below the safety level for each finding; a scaffold
    that several rules propose (the same text) is inserted once."""
    allowed = SAFE_LEVELS[level]
    edits: list[Edit] = []
    for fixes in fixes_per_finding:
        fix = next((f for f in fixes if f.safety in allowed and f.edits), None)
        if fix:
            edits.extend(e for e in fix.edits if not _repeats(e, edits))
    return edits


def _repeats(edit: Edit, chosen: list[Edit]) -> bool:
    """The same edit, or an insertion of text another chosen edit already inserts."""
    inserted = edit.start == edit.end and edit.text.strip()
    return any(e == edit or (inserted and e.text.strip() == edit.text.strip()) for e in chosen)
