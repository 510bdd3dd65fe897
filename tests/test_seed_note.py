"""The essay's Jeff/Becky note fires the first five rules; its rewrite fires none."""

from __future__ import annotations

from pathlib import Path

from intro_lint.read.message import read_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

FIRST_FIVE = {
    "long-silence",
    "vague-ask",
    "no-attachment",
    "not-forwardable",
    "asks-without-giving",
}


def test_jeff_becky_note_fires_the_first_five_rules(linter):
    report = linter.lint([read_path(str(EXAMPLES / "jeff-becky.txt"))])[0]
    assert FIRST_FIVE <= {f.rule for f in report.findings}
    assert report.score < 50


def test_the_note_is_the_essays_own(linter):
    text = (EXAMPLES / "jeff-becky.txt").read_text(encoding="utf-8")
    assert "Becky, is looking for a new role as a VP of Finance" in text


def test_rewrite_following_the_essay_fires_nothing(linter):
    message = read_path(str(EXAMPLES / "jeff-becky-rewrite.eml"))
    assert message.attachments and message.attachments[0].filename.endswith(".pdf")
    report = linter.lint([message])[0]
    assert report.findings == ()
    assert report.score == 100
