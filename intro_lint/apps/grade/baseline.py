"""Compare with a past round: its `grade --out x.json` gives each draft's baseline and change."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from intro_lint.apps.grade.values import ClassReport, DraftRow
from intro_lint.errors import InputError
from intro_lint.read.message import check_regular


def read_baseline(path: str) -> ClassReport:
    """A previous ClassReport, or InputError naming the file and what is wrong with it."""
    try:
        check_regular(path, os.stat(path).st_mode)  # a FIFO would block the run
        report = ClassReport.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(path, f"cannot read the baseline: {exc.strerror or exc}") from None
    except ValidationError as exc:
        raise InputError(
            path, f"not a `grade --out .json` report ({exc.errors()[0]['msg']})"
        ) from None
    if report.version != 1:
        raise InputError(
            path, f"baseline report version {report.version} is not supported (expected 1)"
        )
    return report


def apply_baseline(report: ClassReport, previous: ClassReport) -> ClassReport:
    """Match drafts by id; a new id matches by student when each round has one such draft."""
    by_id = {row.id: row.score for row in previous.drafts if row.score is not None}
    by_student = _unique_students(previous.drafts)
    mine = Counter(row.student for row in report.drafts if row.student)
    rows = []
    for row in report.drafts:
        before = by_id.get(row.id)
        if before is None and row.student and mine[row.student] == 1:
            before = by_student.get(row.student)
        rows.append(_with_baseline(row, before))
    return report.model_copy(update={"drafts": tuple(rows)})


def _unique_students(rows: tuple[DraftRow, ...]) -> dict[str, int]:
    counts = Counter(row.student for row in rows if row.student)
    return {
        row.student: row.score
        for row in rows
        if row.student and counts[row.student] == 1 and row.score is not None
    }


def _with_baseline(row: DraftRow, before: int | None) -> DraftRow:
    if before is None:
        return row
    change = row.score - before if row.score is not None else None
    return row.model_copy(update={"baseline_score": before, "change": change})
