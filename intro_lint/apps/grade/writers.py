"""Write the class report in the format its file name asks: .csv, .json or .html (atomically)."""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Mapping
from pathlib import Path

from intro_lint.apps.atomic import write_atomic
from intro_lint.apps.grade.values import ClassReport
from intro_lint.errors import ConfigError

FORMATS = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html"}
BASE_COLUMNS = ("id", "student", "score", "grade")
TAIL_COLUMNS = ("rules", "duplicate_group", "baseline", "change", "error")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_for(path: str) -> str | None:
    return FORMATS.get(Path(path).suffix.lower())


def render(fmt: str, report: ClassReport, texts: Mapping[str, str], rules) -> str:
    if fmt == "csv":
        return csv_text(report)
    if fmt == "json":
        return json_text(report)
    return html_renderer()(report, dict(texts), rules)


def json_text(report: ClassReport) -> str:
    return report.model_dump_json(indent=2) + "\n"


def csv_text(report: ClassReport) -> str:
    """One row per draft; subscores as one column per dimension; rules joined with semicolons."""
    dims = list(dict.fromkeys(dim for r in report.reports for dim in r.subscores))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*BASE_COLUMNS, *dims, *TAIL_COLUMNS])
    for row, rep in zip(report.drafts, report.reports, strict=False):
        subs = [rep.subscores.get(dim, "") if not row.error else "" for dim in dims]
        writer.writerow(
            [
                cell(row.id),
                cell(row.student),
                blank(row.score),
                row.grade or "",
                *subs,
                ";".join(row.rules),
                blank(row.duplicate_group),
                blank(row.baseline_score),
                blank(row.change),
                cell(row.error),
            ]
        )
    return out.getvalue()


def blank(value: object) -> object:
    return "" if value is None else value


def cell(value: str | None) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote.

    Such text can come from a student: a file or sender name.
    """
    if not value:
        return ""
    return "'" + value if value.startswith(FORMULA_START) else value


def html_renderer():
    """intro_lint.apps.grade.html.render, or ConfigError when this build has no HTML report."""
    try:
        html = importlib.import_module(f"{__package__}.html")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.html":
            raise ConfigError(
                f"the HTML report needs {exc.name!r}, which is not installed"
            ) from None
        raise ConfigError(
            "the HTML report is not available in this build; use --out with .csv or .json"
        ) from None
    return html.render


def write(path: str, content: str) -> None:
    """Write the report atomically, so an interrupted run leaves no half-written report."""
    write_atomic(path, content.encode("utf-8"))
