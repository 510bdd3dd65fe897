"""The values a grading run passes along: input items, graded rows and the class report."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from intro_lint.model import Message, Report


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GradeItem(Frozen):
    """One draft to grade, as read from a folder, a JSONL/CSV file or an mbox (in input order)."""

    index: int  # position in the input; results come back in this order
    id: str  # file path relative to the input folder, the record's id, or the mbox message number
    student: str | None = None
    message: Message | None = None  # None when it could not be read
    error: str | None = None  # why it could not be read
    labels: dict[str, bool] | None = None  # gold labels when the input carries them


class DraftRow(Frozen):
    """What the class report says about one draft (its full Report sits beside it)."""

    id: str
    student: str | None = None
    score: int | None = None  # None for a draft that could not be graded
    grade: str | None = None
    rules: tuple[str, ...] = ()
    duplicate_group: int | None = None
    baseline_score: int | None = None
    change: int | None = None  # score minus baseline score
    error: str | None = None


class DuplicateGroup(Frozen):
    """Drafts that are near-copies of each other: one template sent to many readers."""

    group: int
    ids: tuple[str, ...]
    similarity: float  # lowest pairwise estimate inside the group, 0..1


class RuleStat(Frozen):
    rule: str
    fired: int  # drafts with at least one finding of this rule
    tp: int | None = None  # with labels only
    fp: int | None = None
    fn: int | None = None
    precision: float | None = None
    recall: float | None = None


class ClassSummary(Frozen):
    drafts: int
    graded: int
    errors: int
    mean_score: float | None
    median_score: float | None
    grades: dict[str, int] = Field(default_factory=dict)  # A..F -> count
    histogram: tuple[int, ...] = ()  # ten bins: 0-9, 10-19, ..., 90-100
    rules: tuple[RuleStat, ...] = ()
    labelled: bool = False


class ClassReport(Frozen):
    """The versioned `grade --out x.json` document: the core reports plus the class view."""

    version: int = 1
    reports: tuple[Report, ...] = ()  # same order as `drafts`
    drafts: tuple[DraftRow, ...] = ()
    summary: ClassSummary
    duplicates: tuple[DuplicateGroup, ...] = ()
