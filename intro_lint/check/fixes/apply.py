"""Apply edits to a text: choose each finding's fix at a safety level, drop overlaps, diff the result."""

from __future__ import annotations

import difflib

from intro_lint.model import Edit, Fix, Message, Report


def fixed_text(message: Message, report: Report, level: str) -> str:
    edits = chosen_edits([f.fixes for f in report.findings], level)
    return apply_edits(message.text, edits)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    ))


SAFE_LEVELS = {"safe": ("safe",), "unsafe": ("safe", "unsafe")}


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits from the end backwards; an overlapping later edit is skipped."""
    out, last = text, len(text) + 1
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if e.end > last or not (0 <= e.start <= e.end <= len(text)):
            continue
        out = out[:e.start] + e.text + out[e.end:]
        last = e.start
    return out


def chosen_edits(fixes_per_finding: list[tuple[Fix, ...]], level: str) -> list[Edit]:
    """The edits of the first fix at or below the safety level for each finding."""
    allowed = SAFE_LEVELS[level]
    edits = []
    for fixes in fixes_per_finding:
        fix = next((f for f in fixes if f.safety in allowed and f.edits), None)
        if fix:
            edits.extend(fix.edits)
    return edits
