"""Arbitrary text never breaks the engine, and every span stays inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intro_lint.check.fixes.apply import apply_edits
from intro_lint.read.message import read_text

SNIPPETS = st.sampled_from(
    [
        "Hi Bob,\n\n",
        "Dear friends,\n",
        "it's been a while. ",
        "Could you introduce me to Ana at Plume? ",
        "anyone hiring?",
        "<!-- intro-lint: ignore[vague-ask] -->",
        "> quoted\n",
        "-- \nsig\n",
        "😀",
        "é",
        "\r\n",
        "[Company]",
        "Thanks,\nJo",
        "attached",
        "https://x.example/deck",
        "\t",
        "  ",
        "?",
        "\x00",
    ]
)
TEXTS = st.lists(st.one_of(SNIPPETS, st.text(max_size=40)), max_size=12).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS, kind=st.sampled_from(["text", "markdown", "email"]))
def test_any_text_gives_a_report_with_spans_inside(linter, text, kind):
    message = read_text(text, "prop.txt", kind=kind)
    report = linter.lint([message])[0]
    assert 0 <= report.score <= 100
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(message.text)
        assert f.line >= 1 and f.column >= 1
        for fix in f.fixes:
            for e in fix.edits:
                assert 0 <= e.start <= e.end <= len(message.text)


@given(text=st.text(max_size=200), data=st.data())
def test_apply_edits_keeps_text_outside_the_edits(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    from intro_lint.model import Edit

    out = apply_edits(text, [Edit(start=a, end=b, text="X")])
    assert out == text[:a] + "X" + text[b:]
