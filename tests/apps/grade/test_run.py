"""`grade` lints near-copies again with their batch signal: the report the engine would give."""

from __future__ import annotations

from pathlib import Path

import pytest

from intro_lint.apps.grade.run import Options, grade, setup
from intro_lint.check.signals import NO_SIGNALS, Signals

TEMPLATE = (
    "Hi {name},\n\nI hope you are well. I run a small studio that helps {company} teams rebuild "
    "their onboarding flows, and we cut support tickets by a third for our last two clients. "
    "Could you introduce me to the person who owns onboarding at {company}? Our case study is at "
    "studio.example/case.\n\nThanks,\nRobin\n"
)
SUPPRESSED = TEMPLATE.replace("Thanks,", "<!-- intro-lint: ignore[generic-blast] -->\nThanks,")
OTHER = (
    "Hi Ana,\n\nCongratulations on the Lisbon launch. Would you have 20 minutes next week to tell "
    "me how you priced the pilot? Happy to share our survey data in return.\n\nThanks,\nRobin\n"
)
READERS = [("Priya", "Fjellvik"), ("Tom", "Northwind"), ("Lea", "Corvane")]


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    """A class folder in a fresh working folder, with no settings files but the test's own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


def write(folder: Path, template: str, stem: str) -> None:
    for i, (name, company) in enumerate(READERS):
        (folder / f"{stem}{i}.txt").write_text(template.format(name=name, company=company))


def graded(folder: Path, no_cache: bool = True):
    report, collected, _, _ = grade([str(folder)], {}, Options(no_cache=no_cache, quiet=True))
    return {Path(r.path).name: r for r in report.reports}, report, collected


def blasts(report):
    return [f for f in report.findings if f.rule == "generic-blast"]


def test_an_unsuppressed_near_copy_gets_the_same_evidence_and_score_as_before(drafts):
    write(drafts, TEMPLATE, "copy")
    (drafts / "own.txt").write_text(OTHER)
    by_name, report, _ = graded(drafts)
    assert [g.ids for g in report.duplicates] == [("copy0.txt", "copy1.txt", "copy2.txt")]
    for i, (name, _) in enumerate(READERS):
        copy = by_name[f"copy{i}.txt"]
        others = ", ".join(f"copy{n}.txt" for n in range(3) if n != i)
        [found] = blasts(copy)
        assert found.evidence == (f"the same template as {others} (similarity at least 1.00)",)
        assert (found.start, found.end, found.severity) == (0, len(f"Hi {name},"), "warning")
        assert copy.score == 65
    assert not blasts(by_name["own.txt"]) and by_name["own.txt"].score == 100


def test_a_suppressed_near_copy_gets_no_generic_blast_finding(drafts):
    write(drafts, SUPPRESSED, "second")
    by_name, report, _ = graded(drafts)
    assert len(report.duplicates) == 1  # still a group of near-copies in the class view
    assert not any(blasts(r) for r in by_name.values())


def test_the_settings_severity_applies_to_the_near_copy_finding(drafts, tmp_path):
    (tmp_path / ".intro-lint.toml").write_text('severity = { generic-blast = "error" }\n')
    write(drafts, TEMPLATE, "copy")
    by_name, _, _ = graded(drafts)
    for report in by_name.values():
        assert [f.severity for f in blasts(report)] == ["error"]
        assert report.score == 60


@pytest.mark.parametrize("no_cache", [True, False])
def test_a_near_copys_report_is_the_linters_report_with_its_signal(drafts, no_cache):
    write(drafts, TEMPLATE, "copy")
    by_name, report, collected = graded(drafts, no_cache)
    _, linter = setup({})
    [group] = report.duplicates
    for draft in group.ids:
        signals = Signals(tuple(i for i in group.ids if i != draft), group.similarity)
        analysis = next(linter.analyse_many([collected.messages[draft]]))
        assert by_name[Path(draft).name] == linter.report(analysis, signals)


def test_a_near_copy_that_crashes_its_relint_is_its_own_error_row(drafts, monkeypatch):
    """The re-lint runs the executors' per-batch work: one odd draft does not end the run."""
    from intro_lint.linter import Linter

    write(drafts, TEMPLATE, "copy")
    (drafts / "own.txt").write_text(OTHER)
    real = Linter.report

    def report(self, analysis, signals=NO_SIGNALS):
        if signals.near_copies and analysis.message.path.endswith("copy1.txt"):
            raise RuntimeError("a bug")
        return real(self, analysis, signals)

    monkeypatch.setattr(Linter, "report", report)  # only the re-lint passes near-copy signals
    by_name, report_, _ = graded(drafts)
    assert "internal error while grading (RuntimeError: a bug)" in by_name["copy1.txt"].error
    assert not by_name["copy0.txt"].error and blasts(by_name["copy0.txt"])
    assert report_.summary.errors == 1


def test_the_run_counts_the_near_copies_it_linted_again(drafts):
    write(drafts, TEMPLATE, "copy")
    (drafts / "own.txt").write_text(OTHER)
    _, _, stats, _ = grade([str(drafts)], {}, Options(no_cache=True, quiet=True))
    assert (stats.parsed, stats.relinted) == (4, 3)
