"""Near-copies across a batch become generic-blast evidence in each copy's report."""

from __future__ import annotations

from typing import Sequence

from intro_lint.model import LocatedFinding, Report
from intro_lint.score import grade, score, subscores
from intro_lint.apps.grade.values import DuplicateGroup, GradeItem

RULE = "generic-blast"


def _evidence(draft_id: str, group: DuplicateGroup) -> str:
    others = [i for i in group.ids if i != draft_id]
    shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
    return f"the same template as {shown} (similarity at least {group.similarity:.2f})"


def _with_evidence(report: Report, note: str, first_line: int, rules, weights) -> Report:
    """Add the note to the draft's generic-blast finding, or add that finding; then re-score."""
    found = list(report.findings)
    index = next((i for i, f in enumerate(found) if f.rule == RULE), None)
    if index is not None:
        f = found[index]
        found[index] = f.model_copy(update={"evidence": (*f.evidence, note)})
    else:
        spec = rules[RULE]
        found.append(LocatedFinding(rule=RULE, severity=spec.severity, message=spec.message, start=0,
                                    end=first_line, evidence=(note,), line=1, column=1))
    value = score(found, rules, weights)
    return report.model_copy(update={
        "findings": tuple(sorted(found, key=lambda f: (f.start, f.rule))), "score": value, "grade": grade(value),
        "subscores": subscores(found, rules, weights, report.metrics),
    })


def flag_copies(results: Sequence[tuple[GradeItem, Report]], groups: Sequence[DuplicateGroup],
                texts: dict[str, str], rules, weights, active: Sequence[str]) -> list[tuple[GradeItem, Report]]:
    if RULE not in active or not groups:
        return list(results)
    member = {draft_id: g for g in groups for draft_id in g.ids}
    out = []
    for item, report in results:
        group = member.get(item.id)
        if group is not None and not report.error:
            text = texts.get(item.id, "")
            first_line = len(text.split("\n", 1)[0])
            report = _with_evidence(report, _evidence(item.id, group), first_line, rules, weights)
        out.append((item, report))
    return out
