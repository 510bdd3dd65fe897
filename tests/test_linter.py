"""The one Linter: loaded once per settings, unknown rule ids refused, reports in input order."""

from __future__ import annotations

import pytest

from intro_lint.errors import ConfigError, InputError
from intro_lint.linter import linter_for
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings

ASK = "Hi Sam,\n\nCould you introduce me to Ana at Lumen about the design role?\n\nLee\n"


def test_equal_settings_share_one_linter_and_other_settings_get_their_own():
    first = linter_for(Settings(ignore=["generic-blast"]))
    assert linter_for(Settings(ignore=["generic-blast"])) is first
    other = linter_for(Settings(ignore=["vague-ask"]))
    assert other is not first
    assert "generic-blast" not in {r.id for r in first.active}
    assert "generic-blast" in {r.id for r in other.active}


def test_a_rule_id_the_catalogue_lacks_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown rule id 'vauge-ask'"):
        linter_for(Settings(select=["vauge-ask"]))


def test_reports_come_back_in_input_order_with_unreadable_items_as_error_reports():
    linter = linter_for(Settings())
    bad = InputError("missing.txt", "no such file")
    reports = linter.lint([read_text(ASK, "a.txt"), bad, read_text(ASK, "b.txt")])
    assert [r.path for r in reports] == ["a.txt", "missing.txt", "b.txt"]
    assert reports[1].error == "no such file" and reports[1].grade == "-"
    assert reports[0].model_dump(exclude={"path"}) == reports[2].model_dump(exclude={"path"})
    assert reports[0].findings  # a job intro with nothing attached
    for f in reports[0].findings:  # line and column are computed once, from the offsets
        line_start = ASK.rfind("\n", 0, f.start) + 1
        assert (f.line, f.column) == (ASK.count("\n", 0, f.start) + 1, f.start - line_start + 1)
