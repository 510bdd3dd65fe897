"""A leftover placeholder is an error, and an unfilled scaffold counts for nothing."""

from __future__ import annotations

from pathlib import Path

from intro_lint.check.fixes.apply import fixed_text
from intro_lint.read.message import read_text

ROOT = Path(__file__).resolve().parents[2]
ASK = (
    "Hi Sam,\n\nIt's been a while! Could you introduce me to Ana Ruiz at Plume about the data "
    "lead role? My resume: jo.example/cv\n\n{extra}Thanks,\nJo\n"
)


def rules_at(report, text, slot):
    return {f.rule: f.severity for f in report.findings if text[f.start : f.end] == slot}


def test_a_lowercase_placeholder_is_an_error_finding_at_its_place(lint_text):
    text = ASK.format(extra="Happy to help with [something you are working on].\n\n")
    report = lint_text(text)
    assert "error" in rules_at(report, text, "[something you are working on]").values()


def test_every_placeholder_gets_its_own_error(lint_text):
    text = ASK.format(extra="P.S. Say hi to [person] at [company] for me.\n\n")
    report = lint_text(text)
    assert rules_at(report, text, "[person]") and rules_at(report, text, "[company]")
    assert all(s == "error" for s in rules_at(report, text, "[person]").values())


def test_an_unfilled_offer_does_not_count_as_giving(lint_text):
    bare = lint_text(ASK.format(extra=""))
    scaffolded = lint_text(ASK.format(extra="In return, I'd be glad to help with [something].\n\n"))
    filled = lint_text(ASK.format(extra="In return, I'd be glad to review your pricing page.\n\n"))
    for rule in ("asks-without-giving", "long-silence"):
        if rule in {f.rule for f in bare.findings}:
            assert rule in {f.rule for f in scaffolded.findings}, rule
    assert "asks-without-giving" not in {f.rule for f in filled.findings}


def test_the_unsafe_fixes_do_not_pass_the_essays_bad_note(linter):
    message = read_text((ROOT / "examples" / "jeff-becky.txt").read_text(), "jeff-becky.txt")
    before = linter.lint([message])[0]
    after_text = fixed_text(message, before, "unsafe")
    after = linter.lint([read_text(after_text, "jeff-becky.txt")])[0]
    assert after.grade == "F" and after.score <= before.score
    slots = [f for f in after.findings if after_text[f.start : f.end].startswith("[")]
    assert slots and all(f.severity == "error" for f in slots)
    assert after_text.count("[") == len({f.start for f in slots})
