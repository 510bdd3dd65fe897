"""Apply edits: choose each finding's fix at a safety level, drop overlaps, diff the result."""

from __future__ import annotations

import difflib

from intro_lint.model import Edit, Fix, Message, Report


def fixed_text(message: Message, report: Report, level: str) -> str:
    edits = chosen_edits([f.fixes for f in report.findings], level)
    return apply_edits(message.text, edits)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
        )
    )


SAFE_LEVELS = {"safe": ("safe",), "unsafe": ("safe", "unsafe")}


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply the edits that fit the text and do not overlap (see non_overlapping)."""
    out = text
    inside = [e for e in edits if 0 <= e.start <= e.end <= len(text)]
    for e in reversed(non_overlapping(inside)):
        out = out[: e.start] + e.text + out[e.end :]
    return out


def non_overlapping(edits: list[Edit]) -> list[Edit]:
    """The edits in text order; from the end backwards, one overlapping a later one is dropped."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if kept and edit.end > kept[-1].start:
            continue
        kept.append(edit)
    return kept[::-1]


def chosen_edits(fixes_per_finding: list[tuple[Fix, ...]], level: str) -> list[Edit]:
    """The edits of the first fix at or below the safety level for each finding."""
    allowed = SAFE_LEVELS[level]
    edits = []
    for fixes in fixes_per_finding:
        fix = next((f for f in fixes if f.safety in allowed and f.edits), None)
        if fix:
            edits.extend(fix.edits)
    return edits
