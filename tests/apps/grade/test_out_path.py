"""The report path is never an input, a draft of an input folder, or a later run's draft."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intro_lint.apps.grade.out_path import check_out
from intro_lint.apps.grade.sources import DRAFT_SUFFIXES, folder_files, walker_takes
from intro_lint.apps.grade.writers import FORMATS
from intro_lint.errors import ConfigError


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    (tmp_path / "class" / "ana").mkdir(parents=True)
    (tmp_path / "class" / "ana" / "draft.txt").write_text("Hi")
    (tmp_path / "class.csv").write_text("id,text\n1,Hi\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refusal(out: str, inputs: list[str], baseline: str | None = None) -> str:
    with pytest.raises(ConfigError) as err:
        check_out(out, inputs, baseline)
    return str(err.value)


@pytest.mark.parametrize("out", ["class.csv", "./class.csv", "class/../class.csv"])
def test_the_same_path_however_spelled(here, out):
    assert refusal(out, ["class.csv"]).startswith(f"--out {out}: is the input class.csv; ")


def test_a_missing_input_is_still_not_overwritten(here):
    assert "is the input new.csv" in refusal("new.csv", ["new.csv"])


def test_an_absolute_out_and_a_relative_input(here):
    assert "is the input class.csv" in refusal(str(here / "class.csv"), ["class.csv"])


def test_links_to_an_input(here):
    (here / "sym.csv").symlink_to("class.csv")
    os.link(here / "class.csv", here / "hard.csv")
    assert "is the input class.csv" in refusal("sym.csv", ["class.csv"])
    assert "is the input class.csv" in refusal("hard.csv", ["class.csv"])
    assert "is the input sym.csv" in refusal("class.csv", ["sym.csv"])


def test_the_baseline_is_an_input(here):
    (here / "old.json").write_text("{}")
    message = refusal("old.json", ["class"], baseline="old.json")
    assert message.startswith("--out old.json: is the --baseline report old.json; ")


def test_a_link_to_a_draft_of_an_input_folder(here):
    os.link(here / "class" / "ana" / "draft.txt", here / "r.csv")
    assert refusal("r.csv", ["class"]) == (
        "--out r.csv: is the same file as the draft ana/draft.txt of the input folder class "
        "(choose another report file)"
    )


def test_reports_beside_or_inside_a_graded_folder_are_fine(here):
    for out in ("r.csv", "class/r.csv", "class/ana/r.json", "class/r.html", "class.json"):
        check_out(out, ["class", "class.csv"])


def test_a_name_the_walker_would_grade_is_refused(here):
    root = (here / "class").resolve()
    assert walker_takes(root / "ana" / "new.md", root)
    assert not walker_takes(root / ".hidden" / "new.md", root)
    assert not walker_takes(root / "new.csv", root) and not walker_takes(here / "x.txt", root)
    assert [p.name for p in folder_files(root)] == ["draft.txt"]


def test_no_report_format_is_a_draft_suffix():
    """So a report written into a graded folder is never graded as a draft by a later run."""
    assert not set(FORMATS) & set(DRAFT_SUFFIXES)
