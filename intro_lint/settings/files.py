"""Find and read settings files: the user file's path, the nearest project file, TOML errors."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from intro_lint.errors import ConfigError

PROJECT_FILE = ".intro-lint.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = "intro-lint"  # [tool.intro-lint]


def user_config_path(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME/intro-lint/config.toml, else ~/.config/intro-lint/config.toml."""
    xdg = env.get("XDG_CONFIG_HOME", "")
    home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".config"
    return base / "intro-lint" / "config.toml"


def find_project_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest settings table walking up from `start`, with the file holding it."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        found = _table_in(candidate)
        if found:
            return found
    return None


def _table_in(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """`.intro-lint.toml` wins; a pyproject.toml counts only with a [tool.intro-lint] table."""
    dot_file, pyproject = folder / PROJECT_FILE, folder / PYPROJECT
    if dot_file.is_file():
        return dot_file, read_toml(dot_file)
    if not pyproject.is_file():
        return None
    tool = read_toml(pyproject).get("tool", {})
    table = tool.get(PYPROJECT_TABLE) if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{display_path(pyproject)}: tool.{PYPROJECT_TABLE} must be a table")
    return (pyproject, table) if table is not None else None


def read_toml(path: Path) -> dict[str, Any]:
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: {_toml_error(str(exc), text)}") from None


def _toml_error(message: str, text: str) -> str:
    """`line L, column C: not valid TOML: why`; Python 3.11 has the position only in the message."""
    at = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if at:
        return f"line {at[1]}, column {at[2]}: not valid TOML: {message[: at.start()]}"
    end = message.removesuffix(" (at end of document)")
    if end != message:
        return f"line {len(text.splitlines()) or 1}: not valid TOML: {end} (at end of file)"
    return f"not valid TOML: {message}"


def display_path(path: Path) -> str:
    """Relative to the cwd when inside it, else as given."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def builtin_dir() -> Path:
    """The shipped catalogue (installed wheel, editable install or checkout)."""
    try:
        folder = Path(str(resources.files("intro_lint.rules")))
        if folder.is_dir():
            return folder
    except ModuleNotFoundError:
        pass
    # some editable installs do not map intro_lint.rules: fall back to <checkout>/rules
    return Path(__file__).resolve().parents[2] / "rules"
