"""Data flows one way: read -> analyse -> rules -> score -> format; nothing imports downstream."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "intro_lint"
# lower number = further upstream; a module may import only its own layer or upstream ones
LAYERS = {
    "models": 0, "errors": 0, "positions": 0, "split": 1, "message": 1, "boundaries": 2, "nlp": 2, "detectors": 2,
    "decoding": 1, "mail": 1, "htmltext": 1, "suppression": 1,
    "analysis": 2, "catalogue": 3, "kinds": 3, "fixes": 3, "scaffold": 3, "engine": 3, "config": 3,
    "config_show": 3, "config_files": 3,
    "scoring": 4, "lint": 4, "evaluate": 4, "ruletest": 4, "fixing": 4, "formatters": 5, "guard": 5, "lsp": 5, "grading": 5, "cli": 6, "__main__": 6, "guard_command": 6,
}


def layer_of(parts: list[str]) -> int | None:
    return LAYERS.get(parts[0]) if parts else None


def imports_of(path: Path) -> list[list[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(PKG).with_suffix("").parts
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level])
            mod = base + (node.module.split(".") if node.module else [])
            names = [mod + [a.name] for a in node.names] if not node.module else [mod]
            out.extend(names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("intro_lint"):
            out.append(node.module.split(".")[1:])
    return out


def test_no_module_imports_downstream():
    bad = []
    for path in PKG.rglob("*.py"):
        parts = list(path.relative_to(PKG).with_suffix("").parts)
        mine = layer_of(parts if parts[0] != "__init__" else [])
        if mine is None:
            continue
        for target in imports_of(path):
            theirs = layer_of(target)
            if theirs is not None and theirs > mine:
                bad.append(f"{'/'.join(parts)} imports {'.'.join(target)}")
    assert not bad, bad


def test_every_module_opens_with_a_one_line_docstring():
    for path in PKG.rglob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), path
