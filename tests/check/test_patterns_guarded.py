"""Rule-file patterns: runaway ones are refused at load, the rest run under a time budget."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from intro_lint.analyse.screen import Screened
from intro_lint.check.catalogue import load_catalogue, load_rule_file
from intro_lint.check.kinds import guarded
from intro_lint.check.kinds.guarded import Guarded, PatternTimeout, UserPattern
from intro_lint.check.kinds.redos import AMBIGUOUS, NESTED, runaway
from intro_lint.errors import RuleFileError

ROOT = Path(__file__).resolve().parents[2]
SLOW = r"(?:\w*\s?){0,8}\d"  # no repeat in an unbounded one, yet it backtracks for ages on 'aaa…'
RULE = """message = "x"
why = "x"
source = "x"
kind = "model"

[params]
check = "generic-blast"
{field} = {value}
"""


def rule_file(tmp_path: Path, field: str, value: str) -> Path:
    path = tmp_path / "slow.toml"
    path.write_text(RULE.format(field=field, value=value), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(a+)+$", NESTED),
        ("(x|y+)*z", NESTED),
        (r"(\w+\s?)+$", NESTED),
        ("(.*a){20}", NESTED),
        ("(a|a)*$", AMBIGUOUS),
        ("(?:a|aa)+$", AMBIGUOUS),
        ("(?:x(?:ab|ab))*y", AMBIGUOUS),
        ("(?:Ab|ab){0,50}c", AMBIGUOUS),  # rule patterns run ignoring case
    ],
)
def test_runaway_patterns_are_named(pattern, why):
    assert runaway(pattern) == why


@pytest.mark.parametrize(
    "pattern",
    ["a+b+", "(?:ab)+", r"(?:\w+(?: \w+){0,5})", r"(?>a+)+", "(?:the|they)+", "(?:ab|ac)*", SLOW],
)
def test_patterns_that_cannot_run_away_are_allowed(pattern):
    assert runaway(pattern) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("placeholder", '"(a+)+$"'), ("reader_reference", '["you said", "(a|aa)*$"]')],
)
def test_loading_a_runaway_pattern_names_file_rule_and_field(tmp_path, field, value):
    path = rule_file(tmp_path, field, value)
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert str(caught.value).startswith(f"{path}: rule slow: field params.{field}: ")
    assert "exponential time" in str(caught.value) and "\n" not in str(caught.value)


def test_a_loaded_pattern_knows_where_it_was_written(tmp_path):
    spec = load_rule_file(rule_file(tmp_path, "reader_reference", '["you said"]'))
    pattern = spec.params.reader_reference[0]
    assert pattern == "you said"
    assert pattern.where == f"{tmp_path / 'slow.toml'}: rule slow: field params.reader_reference"
    assert pickle.loads(pickle.dumps(pattern)).where == pattern.where  # rules cross processes


def test_a_slow_pattern_stops_with_one_line_naming_file_rule_and_field(tmp_path, monkeypatch):
    spec = load_rule_file(rule_file(tmp_path, "placeholder", f"'{SLOW}'"))
    monkeypatch.setattr(guarded, "BUDGET", 0.01)
    with pytest.raises(PatternTimeout) as caught:
        list(Screened(Guarded(spec.params.placeholder)).finditer("Hi Ann,\n" + "a" * 3000))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'slow.toml'}: rule slow: field params.placeholder: ")
    assert "was stopped" in message and "\n" not in message


def test_the_budget_stops_a_slow_search_rather_than_hanging():
    script = textwrap.dedent(
        f"""
        from intro_lint.check.kinds.guarded import Guarded, PatternTimeout
        try:
            Guarded({SLOW!r}, 0, "f.toml: rule r: field params.p").search("a" * 5000)
        except PatternTimeout as exc:
            print(exc)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,  # hang guard
    )
    assert out.stdout.startswith("f.toml: rule r: field params.p: the pattern ran for more than")


def _built_in_patterns():
    """(rule, field, pattern text, flags) as the kinds compile them: lists as one alternation."""
    for spec in load_catalogue().values():
        for name, value in spec.params.items():
            if isinstance(value, UserPattern):
                yield spec.id, name, value, 0
            elif value and isinstance(value, list) and isinstance(value[0], UserPattern):
                yield spec.id, name, r"\b(?:" + "|".join(value) + r")\b", re.IGNORECASE


def _texts() -> list[str]:
    drafts = [
        p.read_text(encoding="utf-8", errors="replace") for p in (ROOT / "examples").iterdir()
    ]
    examples = [t for s in load_catalogue().values() for t in (*s.examples.fail, *s.examples.pass_)]
    return [*drafts, *examples, "Ünïcödé [Ärger] ÉMILE {{ name }} <First Name> KELVIN \u212a"]


@pytest.mark.parametrize(("rule", "field", "pattern", "flags"), list(_built_in_patterns()))
def test_built_in_patterns_match_the_same_under_the_budget(rule, field, pattern, flags):
    plain, kept = Screened(re.compile(pattern, flags)), Screened(Guarded(pattern, flags))
    for text in _texts():
        expected = [(m.span(), m.group()) for m in plain.finditer(text)]
        assert [(m.span(), m.group()) for m in kept.finditer(text)] == expected, (rule, field)
        assert bool(kept.search(text)) == bool(plain.search(text))


def test_every_built_in_rule_file_passes_the_pattern_check():
    for folder in (ROOT / "rules", ROOT / "rules" / "written"):
        assert len(load_catalogue([str(folder)])) == 8  # loading raises on a refused pattern


def test_a_pattern_stopped_on_one_draft_is_that_drafts_error_and_the_batch_goes_on(
    tmp_path, monkeypatch
):
    from intro_lint.linter import Linter
    from intro_lint.read.message import read_text
    from intro_lint.settings.fields import Settings

    rule_file(tmp_path, "placeholder", f"'{SLOW}'")
    monkeypatch.setattr(guarded, "BUDGET", 0.5)  # ample for the short ask
    linter = Linter(Settings(rule_dirs=[str(tmp_path)]))
    assert "slow" in {r.id for r in linter.active}
    ask = "Hi Sam,\n\nCould you introduce me to Ana at Lumen?\n\nLee\n"
    slow = "Hi Ann,\n\nCould you introduce me to " + "a" * 6000 + "\n"
    reports = linter.lint([read_text(ask, "a.txt"), read_text(slow, "b.txt")])
    assert [r.path for r in reports] == ["a.txt", "b.txt"]
    assert reports[0].error is None and reports[0].grade != "-"
    assert reports[1].grade == "-"
    where = f"{tmp_path / 'slow.toml'}: rule slow: field params.placeholder: "
    assert reports[1].error.startswith(where)
