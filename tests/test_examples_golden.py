"""Golden outputs for examples/: what each example draft scores and which rules it fires.

After an intended change, regenerate with
    INTRO_LINT_UPDATE_GOLDEN=1 python -m pytest tests/test_examples_golden.py
and review the diff of tests/golden/examples.json like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from intro_lint.read.message import read_path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "examples.json"
DRAFTS = sorted(
    p
    for p in (ROOT / "examples").iterdir()
    if p.suffix in (".txt", ".eml", ".md") and p.name != "README.md"
)
MEANT_GOOD = {
    "jeff-becky-rewrite.eml",
    "double-opt-in.txt",
    "alum-informational.md",
    "reconnect-give-first.txt",
    "reference-request.eml",
    "html-only.eml",
}


def current(linter) -> dict:
    reports = linter.lint([read_path(str(p)) for p in DRAFTS])
    return {
        p.name: {"score": r.score, "grade": r.grade, "rules": sorted({f.rule for f in r.findings})}
        for p, r in zip(DRAFTS, reports, strict=True)
    }


def test_examples_match_golden(linter):
    got = current(linter)
    if os.environ.get("INTRO_LINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_good_examples_are_clean_and_bad_ones_are_not(linter):
    got = current(linter)
    for name, result in got.items():
        if name in MEANT_GOOD:
            assert result["rules"] == [], name
        else:
            assert result["rules"] and result["score"] < 80, name
