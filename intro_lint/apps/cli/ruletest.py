"""Validate a folder of rule files and run each rule's own pass/fail examples."""

from __future__ import annotations

from pathlib import Path

from intro_lint.check.catalogue import RuleSpec, load_catalogue, load_rule_file
from intro_lint.check.kinds.guarded import PatternTimeout
from intro_lint.errors import RuleFileError
from intro_lint.linter import Linter
from intro_lint.read.message import read_text
from intro_lint.settings.fields import Settings


def example_failures(linter, spec: RuleSpec) -> list[str]:
    """One line per example that does not behave as the rule file says."""
    cases = [(t, True) for t in spec.examples.fail] + [(t, False) for t in spec.examples.pass_]
    messages = [read_text(text, f"{spec.id}:example", kind="text") for text, _ in cases]
    out = []
    for (text, should_fire), analysis in zip(cases, linter.analyse_many(messages), strict=False):
        fired = any(f.rule == spec.id for f in linter.findings(analysis))
        if fired != should_fire:
            verdict = "did not fire on a fail example" if should_fire else "fired on a pass example"
            out.append(f"{spec.path}: rule {spec.id}: {verdict}: {text[:70]!r}")
    return out


def load_each(folder: Path) -> tuple[dict[str, RuleSpec], list[str]]:
    """Every valid rule file of FOLDER, and one line for each invalid one (all of them)."""
    if not folder.is_dir():
        raise RuleFileError(f"{folder}: rule folder not found")
    specs, problems = {}, []
    for path in sorted(folder.glob("*.toml")):
        try:
            spec = load_rule_file(path)
        except RuleFileError as exc:
            problems.append(str(exc))
        else:
            specs[spec.id] = spec
    return specs, problems


def run_examples(folder: Path) -> tuple[list[str], list[str], int]:
    """(invalid files, failing examples, examples run): every file is checked, valid ones run."""
    specs, problems = load_each(folder)
    linter = Linter(Settings(), {**load_catalogue(), **specs})
    failures, ran = [], 0
    for spec in specs.values():
        try:
            failures += example_failures(linter, spec)
        except PatternTimeout as exc:  # that rule's problem; the other rules' examples still run
            problems.append(str(exc))
        else:
            ran += len(spec.examples.fail) + len(spec.examples.pass_)
    return problems, failures, ran
