"""The documented JSON Schema is the one the models generate."""

from __future__ import annotations

from pathlib import Path

from intro_lint.report.json_out import schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "json-schema.json"


def test_docs_schema_is_current():
    assert DOC.read_text(encoding="utf-8") == schema(), (
        "run: intro-lint schema > docs/json-schema.json"
    )
