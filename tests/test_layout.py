"""Package shape: stages import only downstream-to-upstream, modules have one-line docstrings."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "intro_lint"
STAGES = ("settings", "read", "analyse", "check", "report", "apps")


def test_the_import_contracts_in_pyproject_hold():
    """import-linter's layers contracts (pyproject.toml, [tool.importlinter]) are kept."""
    cli = pytest.importorskip("importlinter.cli", reason="import-linter is in the test extra")
    assert cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_the_contract_names_every_stage_in_pipeline_order():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = [layer.removeprefix("intro_lint.") for layer in layers]
    assert named[:8] == [
        "apps",
        "report",
        "linter",
        "score",
        "check",
        "analyse",
        "read",
        "settings",
    ]
    folders = {p.name for p in PKG.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(STAGES), "a new stage folder needs a place in the contract"


def test_every_module_opens_with_a_one_line_docstring():
    for path in PKG.rglob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), path
