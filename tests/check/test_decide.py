"""A rule's learned decision: its threshold is data, its evidence names the passage and the odds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from intro_lint.errors import RuleFileError
from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings
from intro_lint.settings.files import builtin_dir

RULES = builtin_dir()  # the built-in rules decide by the shipped model
JOB = "Hi Dana,\n\nLong time no talk! I'm looking for a job, how can you help?\n\nThanks,\nJo"
PLACEHOLDER = "Hi [Name],\n\nI saw your talk on pricing and loved the part on churn.\n\nBest,\nJo"


def _with_threshold(tmp_path: Path, rule: str, threshold: str) -> Linter:
    text = (RULES / f"{rule}.toml").read_text(encoding="utf-8")
    text = re.sub(r'(?m)^threshold = "tuned"$', f"threshold = {threshold}", text)
    (tmp_path / f"{rule}.toml").write_text(text, encoding="utf-8")
    return Linter(Settings(rule_dirs=[str(tmp_path)], select=[rule]))


@pytest.fixture(scope="module")
def learned() -> Linter:
    return Linter(Settings())


def _findings(linter: Linter, text: str):
    return linter.lint([read_text(text, "d.txt")])[0].findings


def test_a_learned_finding_names_the_model_the_passage_and_its_confidence(learned):
    linter = learned
    found = {f.rule: f for f in _findings(linter, JOB)}
    f = found["long-silence"]
    assert f.evidence[0].startswith("model: long-silence ")
    assert f.evidence[1].startswith('passage: "Long time no talk!" (')
    assert 0.5 < f.confidence <= 1.0


def test_raising_the_threshold_in_the_rule_file_silences_the_rule(tmp_path, learned):
    linter = learned
    assert "vague-ask" in {f.rule for f in _findings(linter, JOB)}
    assert _findings(_with_threshold(tmp_path, "vague-ask", "1.0"), JOB) == ()


def test_a_threshold_of_zero_fires_on_any_draft(tmp_path):
    clean = "Hi Dana,\n\nCongratulations on the launch; the demo was lovely.\n\nJo"
    found = _findings(_with_threshold(tmp_path, "research-burden", "0.0"), clean)
    assert [f.rule for f in found] == ["research-burden"]


def test_a_certain_fact_stands_whatever_the_threshold(tmp_path):
    found = _findings(_with_threshold(tmp_path, "generic-blast", "1.0"), PLACEHOLDER)
    assert [f.rule for f in found] == ["generic-blast"]
    assert found[0].confidence == 1.0 and "placeholder" in found[0].evidence[-1]


def test_a_threshold_out_of_range_names_the_file_rule_and_field(tmp_path):
    with pytest.raises(RuleFileError, match=r"vague-ask\.toml: rule vague-ask: field decision"):
        _with_threshold(tmp_path, "vague-ask", "1.5")


def test_a_head_the_model_lacks_names_the_file_rule_and_field(tmp_path):
    text = (RULES / "vague-ask.toml").read_text(encoding="utf-8")
    (tmp_path / "vague-ask.toml").write_text(text.replace('head = "vague-ask"', 'head = "x"'))
    with pytest.raises(RuleFileError, match=r"rule vague-ask: field decision\.head: 'x'"):
        Linter(Settings(rule_dirs=[str(tmp_path)]))


def test_the_json_report_carries_the_confidence(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(JOB, encoding="utf-8")
    out = cli("check", "--format", "json", str(draft))
    assert out.returncode == 1
    findings = json.loads(out.stdout)["reports"][0]["findings"]
    assert findings and all(0 < f["confidence"] <= 1 for f in findings)


def test_a_broken_model_folder_is_exit_2_naming_the_file(cli, tmp_path):
    (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(JOB, encoding="utf-8")
    out = cli(
        "check",
        str(draft),
        env={"INTRO_LINT_MODEL": str(tmp_path)},
    )
    assert out.returncode == 2
    assert "model.json" in out.stderr.decode() and "field model" in out.stderr.decode()


def test_the_written_rule_set_decides_by_patterns_and_loads_no_model(cli, tmp_path):
    assert Linter(Settings(rule_dirs=[str(RULES / "written")])).model is None
    draft = tmp_path / "d.txt"
    draft.write_text(JOB, encoding="utf-8")
    out = cli("check", "--format", "json", "--rule-set", "written", str(draft))
    findings = json.loads(out.stdout)["reports"][0]["findings"]
    assert {f["rule"] for f in findings} == {"long-silence", "asks-without-giving"}
    assert all(
        f["confidence"] is None and not f["evidence"][0].startswith("model:") for f in findings
    )
