"""explain names the essays; `rules test` reports every bad file; runaway patterns are refused."""

from __future__ import annotations

import pytest

from intro_lint.apps.cli import ruletest
from intro_lint.check.catalogue import load_catalogue
from intro_lint.check.kinds.guarded import PatternTimeout

SLOW = """message = "slow"
why = "x"
source = "x"
severity = "warning"
kind = "model"

[params]
check = "generic-blast"
placeholder = "{pattern}"
"""
VALID = """message = "Says 'synergy'"
why = "Jargon."
source = "house style"
severity = "info"
kind = "phrase"

[params]
phrases = ["synergy"]

[examples]
fail = ["Hi Ann, let's find synergy."]
pass = ["Hi Ann, thanks for the call."]
"""
# each essay's title (or, untitled, its opening words) and its author as the copy names them
ESSAYS = {
    "Here's a question": "author unnamed",
    "Networking Isn't about Meeting People - It's about Helping People": "author unnamed",
    "5 Networking Mistakes Almost Everybody Makes": "by Jeff",
    "Some thoughts on the wrong and right way to network": "by Steven",
    "Ask not what your network can do for you": "by Rick",
}


@pytest.mark.parametrize("rule", sorted(load_catalogue()))
def test_explain_cites_each_essay_by_title_and_author_not_a_seed_path(cli, rule):
    out = cli("explain", rule)
    text = out.stdout.decode()
    assert out.returncode == 0
    assert "seeds/" not in text
    source = next(line for line in text.splitlines() if line.startswith("Source: "))
    cited = [title for title in ESSAYS if f'"{title}' in source]
    assert cited, source
    for title in cited:  # the author follows the title it belongs to
        after = source.split(f'"{title}', 1)[1]
        assert after.lstrip('"').lstrip().startswith((ESSAYS[title], f"({ESSAYS[title]}")), after


def test_a_runaway_pattern_is_refused_when_the_rule_loads(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(SLOW.format(pattern="(a+)+$"), encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Hi Ann,\n\n" + "a" * 5000 + "b\n", encoding="utf-8")
    out = cli("check", "--rule-dir", str(rules), str(draft))  # the fixture's timeout: a hang guard
    err = out.stderr.decode()
    assert out.returncode == 2
    assert f"{rules / 'slow.toml'}: rule slow: field params.placeholder:" in err
    assert "repeats a repeat" in err and len(err.strip().splitlines()) == 1


def test_rules_test_reports_every_invalid_file_and_runs_the_valid_one(cli, tmp_path):
    (tmp_path / "bad-toml.toml").write_text('message = "x\n', encoding="utf-8")
    (tmp_path / "bad-field.toml").write_text(VALID.replace('"info"', '"loud"'), encoding="utf-8")
    (tmp_path / "jargon.toml").write_text(VALID, encoding="utf-8")
    out = cli("rules", "test", str(tmp_path))
    err, stdout = out.stderr.decode(), out.stdout.decode()
    assert out.returncode == 2
    assert f"{tmp_path / 'bad-toml.toml'}: rule bad-toml: not valid TOML" in err
    assert f"{tmp_path / 'bad-field.toml'}: rule bad-field: field severity" in err
    assert stdout.strip().endswith("2 passed, 0 failed, 2 invalid rule files")


def test_rules_test_of_a_good_folder_exits_zero(cli, tmp_path):
    (tmp_path / "jargon.toml").write_text(VALID, encoding="utf-8")
    out = cli("rules", "test", str(tmp_path))
    assert out.returncode == 0 and out.stdout.decode().strip() == "2 passed, 0 failed"


def test_rules_test_reports_a_pattern_that_times_out_and_runs_the_other_rules(
    tmp_path, monkeypatch
):
    (tmp_path / "jargon.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "buzz.toml").write_text(VALID.replace("synergy", "buzz"), encoding="utf-8")
    real = ruletest.example_failures

    def slow_for_buzz(linter, spec):
        if spec.id == "buzz":
            raise PatternTimeout(f"{spec.path}: rule buzz: field params.x: the pattern was stopped")
        return real(linter, spec)

    monkeypatch.setattr(ruletest, "example_failures", slow_for_buzz)
    problems, failures, ran = ruletest.run_examples(tmp_path)
    assert problems == [
        f"{tmp_path / 'buzz.toml'}: rule buzz: field params.x: the pattern was stopped"
    ]
    assert failures == [] and ran == 2  # jargon's two examples still ran
