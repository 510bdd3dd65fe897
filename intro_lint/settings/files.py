"""Find and read settings files: the user file's path, the nearest project file, TOML errors."""

from __future__ import annotations

import os
import re
import stat
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
    if is_settings_file(dot_file):
        return dot_file, read_toml(dot_file)
    if not is_settings_file(pyproject):
        return None
    tool = read_toml(pyproject).get("tool", {})
    table = tool.get(PYPROJECT_TABLE) if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{display_path(pyproject)}: tool.{PYPROJECT_TABLE} must be a table")
    return (pyproject, table) if table is not None else None


def is_settings_file(path: Path) -> bool:
    """True for a regular file, False when nothing is there; ConfigError for anything else."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise ConfigError(f"{display_path(path)}: cannot read the file: {_why(exc)}") from None
    if stat.S_ISREG(mode):
        return True
    what = "a directory" if stat.S_ISDIR(mode) else "a named pipe, device or socket"
    raise ConfigError(f"{display_path(path)}: is {what}, not a settings file")


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML table; ConfigError naming the file when it cannot be read or parsed."""
    shown = display_path(path)
    if not is_settings_file(path):
        raise ConfigError(f"{shown}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read the file: {_why(exc)}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown}: not UTF-8 text (byte {exc.start:,}: {exc.reason})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: {_toml_error(str(exc), text)}") from None


def _why(exc: OSError) -> str:
    """The reason in words, without the path the message already names."""
    return exc.strerror or str(exc)


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
