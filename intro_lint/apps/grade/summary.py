"""A grading run's class view: a row per draft, score stats, rule counts (calibrated by labels)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence

from intro_lint.apps.grade.values import (
    ClassReport,
    ClassSummary,
    DraftRow,
    DuplicateGroup,
    GradeItem,
    RuleStat,
)
from intro_lint.model import Report
from intro_lint.report.evaluation import score_rules

GRADES = ("A", "B", "C", "D", "F")
Result = tuple[GradeItem, Report]


def fired(report: Report) -> tuple[str, ...]:
    """The rules with at least one finding, in order of their first finding."""
    return tuple(dict.fromkeys(f.rule for f in report.findings))


def draft_row(item: GradeItem, report: Report, group: int | None = None) -> DraftRow:
    if report.error:
        return DraftRow(id=item.id, student=item.student, duplicate_group=group, error=report.error)
    return DraftRow(
        id=item.id,
        student=item.student,
        score=report.score,
        grade=report.grade,
        rules=fired(report),
        duplicate_group=group,
    )


def draft_rows(results: Sequence[Result], groups: Iterable[DuplicateGroup] = ()) -> list[DraftRow]:
    group_of = {draft_id: g.group for g in groups for draft_id in g.ids}
    return [draft_row(item, report, group_of.get(item.id)) for item, report in results]


def class_summary(results: Sequence[Result], rule_ids: Sequence[str]) -> ClassSummary:
    scores = [report.score for _, report in results if not report.error]
    grades = dict.fromkeys(GRADES, 0)
    for _, report in results:
        if not report.error:
            grades[report.grade] = grades.get(report.grade, 0) + 1
    labelled = [
        (item, report) for item, report in results if item.labels is not None and not report.error
    ]
    return ClassSummary(
        drafts=len(results),
        graded=len(scores),
        errors=len(results) - len(scores),
        mean_score=round(statistics.fmean(scores), 1) if scores else None,
        median_score=float(statistics.median(scores)) if scores else None,
        grades=grades,
        histogram=histogram(scores),
        rules=tuple(rule_stat(rule, results, labelled) for rule in rule_ids),
        labelled=bool(labelled),
    )


def histogram(scores: Iterable[int]) -> tuple[int, ...]:
    bins = [0] * 10
    for value in scores:
        bins[min(max(value, 0) // 10, 9)] += 1
    return tuple(bins)


def rule_stat(rule: str, results: Sequence[Result], labelled: Sequence[Result]) -> RuleStat:
    count = sum(1 for _, report in results if not report.error and rule in fired(report))
    records = [
        {"id": item.id, "labels": item.labels} for item, _ in labelled if rule in item.labels
    ]
    if not records:
        return RuleStat(rule=rule, fired=count)
    found = {item.id: set(fired(report)) for item, report in labelled}
    s = score_rules(records, found, [rule])[0]
    return RuleStat(
        rule=rule,
        fired=count,
        tp=s.tp,
        fp=s.fp,
        fn=s.fn,
        precision=round(s.precision, 3),
        recall=round(s.recall, 3),
    )


def class_report(
    results: Sequence[Result], rule_ids: Sequence[str], groups: Sequence[DuplicateGroup] = ()
) -> ClassReport:
    """The `grade --out x.json` document (baseline columns are filled by baseline.apply)."""
    return ClassReport(
        reports=tuple(report for _, report in results),
        drafts=tuple(draft_rows(results, groups)),
        summary=class_summary(results, rule_ids),
        duplicates=tuple(groups),
    )
