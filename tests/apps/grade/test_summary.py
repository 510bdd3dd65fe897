"""The class view: rows, score stats, per-rule calibration, baseline change, CSV/JSON writers."""

from __future__ import annotations

import csv
import io
import os
import stat

import pytest

from intro_lint.apps import atomic
from intro_lint.apps.grade.baseline import apply_baseline, read_baseline
from intro_lint.apps.grade.summary import class_report
from intro_lint.apps.grade.values import ClassReport, DuplicateGroup, GradeItem
from intro_lint.apps.grade.writers import cell, csv_text, format_for, json_text, write
from intro_lint.errors import InputError
from intro_lint.model import LocatedFinding, Report

RULES = ["vague-ask", "generic-blast"]


def finding(rule: str) -> LocatedFinding:
    return LocatedFinding(
        rule=rule, severity="warning", message="m", start=0, end=1, line=1, column=1
    )


def result(n: int, score: int, rules=(), labels=None, student=None, error=None):
    item = GradeItem(index=n, id=f"d{n}", student=student, labels=labels, error=error)
    if error:
        return item, Report(path=f"d{n}", score=0, grade="-", subscores={}, metrics={}, error=error)
    grade = (
        "A"
        if score >= 90
        else "B"
        if score >= 80
        else "C"
        if score >= 70
        else "D"
        if score >= 60
        else "F"
    )
    subs = {"ask": score, "personalisation": 100}
    return item, Report(
        path=f"d{n}",
        score=score,
        grade=grade,
        subscores=subs,
        metrics={},
        findings=tuple(finding(r) for r in rules),
    )


@pytest.fixture
def results():
    return [
        result(0, 100, (), {"vague-ask": False, "generic-blast": False}, "ana"),
        result(
            1,
            55,
            ("vague-ask", "generic-blast", "vague-ask"),
            {"vague-ask": True, "generic-blast": False},
            "bo",
        ),
        result(2, 82, ("vague-ask",), {"vague-ask": False}, "cy"),
        result(3, 0, error="file is empty"),
    ]


def test_summary_and_rows(results):
    report = class_report(
        results, RULES, [DuplicateGroup(group=1, ids=("d1", "d2"), similarity=0.9)]
    )
    s = report.summary
    assert (s.drafts, s.graded, s.errors) == (4, 3, 1)
    assert s.mean_score == 79.0 and s.median_score == 82.0
    assert s.grades == {"A": 1, "B": 1, "C": 0, "D": 0, "F": 1}
    assert s.histogram == (0, 0, 0, 0, 0, 1, 0, 0, 1, 1)
    rows = report.drafts
    assert rows[1].rules == ("vague-ask", "generic-blast") and rows[1].duplicate_group == 1
    assert rows[3].score is None and rows[3].error == "file is empty"
    assert report.reports[3].error == "file is empty"


def test_calibration_counts_only_labelled_rules(results):
    va, gb = class_report(results, RULES).summary.rules
    assert (va.fired, va.tp, va.fp, va.fn) == (2, 1, 1, 0)
    assert va.precision == 0.5 and va.recall == 1.0
    assert (gb.fired, gb.tp, gb.fp, gb.fn) == (1, 0, 1, 0)  # d2 carries no generic-blast label


def test_no_labels_no_calibration(results):
    plain = [(item.model_copy(update={"labels": None}), rep) for item, rep in results]
    summary = class_report(plain, RULES).summary
    assert (
        not summary.labelled and summary.rules[0].precision is None and summary.rules[0].fired == 2
    )


def test_baseline_by_id_then_by_unique_student(results, tmp_path):
    before = class_report(
        [result(0, 60, student="ana"), result(1, 70, student="bo"), result(9, 40, student="cy")],
        RULES,
    )
    path = tmp_path / "round1.json"
    path.write_text(json_text(before))
    rows = apply_baseline(class_report(results, RULES), read_baseline(str(path))).drafts
    assert (rows[0].baseline_score, rows[0].change) == (60, 40)
    assert (rows[1].baseline_score, rows[1].change) == (70, -15)
    assert (rows[2].baseline_score, rows[2].change) == (
        40,
        42,
    )  # d2 is new; cy wrote one draft each round
    assert rows[3].baseline_score is None and rows[3].change is None


def test_bad_baseline_files(tmp_path):
    (tmp_path / "x.json").write_text('{"version": 1}')
    (tmp_path / "v2.json").write_text(
        '{"version": 2, "summary": {"drafts": 0, "graded": 0, "errors": 0, '
        '"mean_score": null, "median_score": null}}'
    )
    for name, problem in (
        ("x.json", "not a `grade --out .json` report"),
        ("v2.json", "version 2"),
        ("none.json", "cannot read"),
    ):
        with pytest.raises(InputError) as info:
            read_baseline(str(tmp_path / name))
        assert problem in info.value.problem


def test_csv_columns_and_rows(results):
    report = class_report(
        results, RULES, [DuplicateGroup(group=1, ids=("d1", "d2"), similarity=0.9)]
    )
    rows = list(csv.reader(io.StringIO(csv_text(report))))
    assert rows[0] == [
        "id",
        "student",
        "score",
        "grade",
        "ask",
        "personalisation",
        "rules",
        "duplicate_group",
        "baseline",
        "change",
        "error",
    ]
    assert rows[2] == [
        "d1",
        "bo",
        "55",
        "F",
        "55",
        "100",
        "vague-ask;generic-blast",
        "1",
        "",
        "",
        "",
    ]
    assert rows[4] == ["d3", "", "", "", "", "", "", "", "", "", "file is empty"]


def test_json_round_trips(results):
    report = class_report(results, RULES)
    assert ClassReport.model_validate_json(json_text(report)) == report


def test_spreadsheet_formulas_are_defused():
    assert cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")' and cell("@sum") == "'@sum"
    assert cell("alice/draft.txt") == "alice/draft.txt" and cell(None) == ""


def test_format_from_extension():
    assert [format_for(p) for p in ("a.csv", "b.JSON", "c.html", "d.txt", "e")] == [
        "csv",
        "json",
        "html",
        None,
        None,
    ]


def test_the_report_is_written_atomically_keeping_its_mode(results, tmp_path, monkeypatch):
    out = tmp_path / "class.csv"
    write(str(out), "old\r\n")
    out.chmod(0o640)
    write(str(out), csv_text(class_report(results, RULES)))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_bytes().startswith(b"id,student")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write(str(out), "half")
    assert out.read_bytes().startswith(b"id,student") and os.listdir(tmp_path) == ["class.csv"]
