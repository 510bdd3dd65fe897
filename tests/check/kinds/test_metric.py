"""Kind `metric` through rule files of its own: thresholds above and below, span and evidence."""

from __future__ import annotations

import pytest

from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings

HEAD = 'kind = "metric"\nmessage = "{rule}"\nwhy = "A test rule."\nsource = "tests"\n'
RULES = {
    "long-draft": '[params]\nmetric = "words"\nabove = 20\n',
    "at-six-words": '[params]\nmetric = "words"\nabove = 6\n',
    "terse-draft": 'severity = "info"\n[params]\nmetric = "words"\nbelow = 8\n',
    "word-band": '[params]\nmetric = "words"\nabove = 30\nbelow = 3\n',
    "many-sentences": '[params]\nmetric = "sentences"\nabove = 2\n',
    "wordy-sentences": '[params]\nmetric = "words_per_sentence"\nabove = 15\n',
    "hard-to-read": 'severity = "error"\n[params]\nmetric = "readability_grade"\nabove = 12\n',
    "coleman": '[params]\nmetric = "coleman_liau"\nabove = 12\n',
    "me-me-me": '[params]\nmetric = "self_focus"\nabove = 0.6\n',
}

SHORT = "Could you send me the slides?"  # 6 words, 1 sentence
SELFISH = (
    "I need a job. I applied to six firms and I heard nothing. "
    "We moved in May and I am broke."
)  # 21 words, 3 sentences, all about the writer
READER = (
    "You built the pricing team at Corvane. You know the market. "
    "Could you share how you chose the tiers?"
)  # 19 words, 3 sentences, about the reader
DENSE = (
    "Notwithstanding considerable organisational restructuring, interdisciplinary "
    "collaboration fundamentally necessitates comprehensive institutional accountability."
)
LONG_ONE = (
    "Could you send me the slides from the Tuesday offsite in Lisbon, including the "
    "appendix on regional procurement methodology and the unpublished "
    "benchmarking results?"
)


@pytest.fixture(scope="module")
def lint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("metric-rules")
    for rule_id, params in RULES.items():
        (folder / f"{rule_id}.toml").write_text(HEAD.format(rule=rule_id) + params)
    linter = Linter(Settings(rule_dirs=[str(folder)], select=list(RULES)))

    def run(body: str) -> tuple[str, dict]:
        text = f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"
        report = linter.lint([read_text(text, "draft.txt")])[0]
        by_rule: dict = {}
        for f in report.findings:
            by_rule.setdefault(f.rule, []).append(f)
        return text, by_rule

    return run


def only(by_rule: dict, rule: str):
    assert len(by_rule.get(rule, [])) == 1, by_rule.get(rule)
    return by_rule[rule][0]


def test_words_above_flags_the_core_between_greeting_and_sign_off(lint):
    text, found = lint(SELFISH)
    f = only(found, "long-draft")
    assert text[f.start : f.end].strip() == SELFISH
    assert f.start == text.index("Hi Jo,") + len("Hi Jo,")
    assert f.end == text.index("Thanks,")
    assert f.evidence == ("words = 21.0",)
    assert f.severity == "warning"
    assert f.message == "long-draft"


def test_words_at_the_threshold_does_not_fire(lint):
    _, found = lint(SHORT)
    assert "at-six-words" not in found
    assert "long-draft" not in found
    _, found = lint("Could you send me the slides, please?")
    assert only(found, "at-six-words").evidence == ("words = 7.0",)


def test_words_below(lint):
    text, found = lint(SHORT)
    f = only(found, "terse-draft")
    assert f.evidence == ("words = 6.0",)
    assert f.severity == "info"
    assert text[f.start : f.end].strip() == SHORT
    _, found = lint(READER)
    assert "terse-draft" not in found


def test_above_and_below_together_fire_outside_the_band(lint):
    _, found = lint(SHORT)
    assert "word-band" not in found
    _, found = lint("Slides?")
    assert only(found, "word-band").evidence == ("words = 1.0",)
    _, found = lint(SELFISH + " " + READER)
    assert only(found, "word-band").evidence == ("words = 40.0",)


def test_sentences(lint):
    _, found = lint(SELFISH)
    assert only(found, "many-sentences").evidence == ("sentences = 3.0",)
    _, found = lint(SHORT)
    assert "many-sentences" not in found


def test_words_per_sentence(lint):
    _, found = lint(LONG_ONE)
    assert only(found, "wordy-sentences").evidence == ("words_per_sentence = 24.0",)
    _, found = lint(SELFISH)
    assert "wordy-sentences" not in found


def test_readability_grade_and_coleman_liau(lint):
    _, found = lint(DENSE)
    f = only(found, "hard-to-read")
    assert f.severity == "error"
    assert f.evidence[0].startswith("readability_grade = ")
    assert float(f.evidence[0].split(" = ")[1]) > 12
    assert float(only(found, "coleman").evidence[0].split(" = ")[1]) > 12
    _, found = lint(SHORT)
    assert "hard-to-read" not in found and "coleman" not in found


def test_self_focus(lint):
    _, found = lint(SELFISH)
    assert only(found, "me-me-me").evidence == ("self_focus = 1.0",)
    _, found = lint(READER)
    assert "me-me-me" not in found
