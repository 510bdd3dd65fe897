"""Kind `phrase` through rule files of its own: what it matches, where, and with what evidence."""

from __future__ import annotations

import pytest

from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings

HEAD = 'kind = "phrase"\nmessage = "{message}"\nwhy = "A test rule."\nsource = "tests"\n'
RULES = {
    "apology": (
        HEAD + 'severity = "info"\n[params]\n'
        'phrases = ["sorry to bother you", "sorry for the intrusion"]\n'
    ),
    "intro-word": HEAD + 'severity = "error"\n[params]\nphrases = ["intro"]\n',
    "thanks-word": HEAD + 'severity = "warning"\n[params]\nphrases = ["thanks"]\n',
    "literal-dot": HEAD + '[params]\nphrases = ["pick.your brain"]\n',
    "bang": HEAD + '[params]\nphrases = ["asap!"]\n',
}


@pytest.fixture(scope="module")
def lint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phrase-rules")
    for rule_id, body in RULES.items():
        (folder / f"{rule_id}.toml").write_text(body.format(message=f"{rule_id} found"))
    linter = Linter(Settings(rule_dirs=[str(folder)], select=list(RULES)))

    def run(text: str, rule: str):
        report = linter.lint([read_text(text, "draft.txt")])[0]
        return [f for f in report.findings if f.rule == rule]

    return run


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def test_phrase_found_with_offsets_evidence_and_severity(lint):
    text = draft("Sorry to bother you, but could you review my deck?")
    [f] = lint(text, "apology")
    assert text[f.start : f.end] == "Sorry to bother you"
    assert f.start == text.index("Sorry")
    assert f.evidence == ("matched 'Sorry to bother you'",)
    assert f.severity == "info"
    assert f.message == "apology found"


def test_every_match_is_a_finding_in_order(lint):
    text = draft("Sorry for the intrusion. Again, sorry to bother you on a Sunday.")
    found = lint(text, "apology")
    assert [text[f.start : f.end] for f in found] == [
        "Sorry for the intrusion",
        "sorry to bother you",
    ]
    assert [f.evidence for f in found] == [
        ("matched 'Sorry for the intrusion'",),
        ("matched 'sorry to bother you'",),
    ]


def test_severity_comes_from_the_rule_file(lint):
    text = draft("Could you make an intro to Dana?")
    [f] = lint(text, "intro-word")
    assert text[f.start : f.end] == "intro"
    assert f.severity == "error"


def test_whole_words_only(lint):
    assert lint(draft("Could you introduce me to Dana?"), "intro-word") == []


def test_near_miss_without_the_phrase(lint):
    assert lint(draft("Could you review the pricing slide of my deck?"), "apology") == []


def test_greeting_and_sign_off_are_not_searched(lint):
    assert lint(draft("Could you review my deck?"), "thanks-word") == []
    text = draft("It reads better now, thanks to your notes. Could you review my deck?")
    [f] = lint(text, "thanks-word")
    assert f.start == text.index("thanks to")
    assert text[f.start : f.end] == "thanks"


def test_quoted_history_is_not_searched(lint):
    text = draft("Could you review my deck?") + "\nOn Monday, Jo wrote:\n> Sorry to bother you!\n"
    assert lint(text, "apology") == []


def test_offsets_count_from_the_start_of_the_file(lint):
    text = "Subject: Deck\n\n" + draft("Sorry to bother you, but could you review my deck?")
    [f] = lint(text, "apology")
    assert text[f.start : f.end] == "Sorry to bother you"


def test_phrases_are_literal_text_not_patterns(lint):
    assert lint(draft("Could I pick your brain?"), "literal-dot") == []
    text = draft("Could I pick.your brain?")
    [f] = lint(text, "literal-dot")
    assert text[f.start : f.end] == "pick.your brain"


def test_suppression_comment_silences_the_rule(lint):
    text = draft("<!-- intro-lint: ignore[apology] meant kindly -->Sorry to bother you, but hi.")
    assert lint(text, "apology") == []


@pytest.mark.xfail(
    reason="the phrase is wrapped in \\b...\\b, so a phrase ending in punctuation ('asap!') "
    "only matches when a word character follows it",
    strict=True,
)
def test_phrase_ending_in_punctuation(lint):
    text = draft("I need this asap! Thanks for the help.")
    [f] = lint(text, "bang")
    assert text[f.start : f.end] == "asap!"
