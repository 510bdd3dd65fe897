"""Settings for a buffer: the editor's options over the project files found from its folder."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intro_lint.linter import linter_for
from intro_lint.read.message import read_text
from intro_lint.settings.fields import FIELDS, Settings
from intro_lint.settings.layers import cli_layer, load_settings
from intro_lint.settings.show import show

SECTIONS = ("introLint", "intro-lint", "intro_lint")
EDITOR_KEYS = frozenset({"path", "args", "trace", "enable", "server"})  # the editor's, not ours
EDITOR = "editor settings"
# List settings the editor adds to (after the files' and environment's items, without repeats);
# `select` still replaces: an editor that selects rules means exactly those.
ADDING = ("ignore", "extend_select", "rule_dirs")
WARM_DRAFT = (
    "Hi Sam,\n\nCongratulations on the launch! Could you introduce me to Ana at Lumen "
    "about the design role? My portfolio: https://example.org/p\n\nThanks,\nLee\n"
)


def field_name(key: str) -> str:
    """failOn, fail-on and fail_on all name the field fail_on."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower().replace("-", "_")


def client_options(raw: Any) -> tuple[dict[str, Any], list[str]]:
    """Settings from initializationOptions or didChangeConfiguration, and the keys ignored."""
    if not isinstance(raw, Mapping):
        return {}, []
    section = next((raw[k] for k in SECTIONS if isinstance(raw.get(k), Mapping)), raw)
    options: dict[str, Any] = {}
    ignored = []
    for key, value in section.items():
        if field_name(key) in FIELDS:
            options[field_name(key)] = value
        elif key not in EDITOR_KEYS:
            ignored.append(key)
    return options, ignored


class Options:
    """The editor's options, and the effective settings for a buffer's folder."""

    def __init__(self) -> None:
        self.options: dict[str, Any] = {}
        self.root: Path | None = None

    def configure(self, raw: Any) -> list[str]:
        """Take the client's settings (a later call replaces them); returns the ignored keys."""
        options, ignored = client_options(raw)
        dirs = options.get("rule_dirs")
        if isinstance(dirs, list) and self.root is not None:
            options["rule_dirs"] = [
                _beside(self.root, d) if isinstance(d, str) else d for d in dirs
            ]
        self.options = options
        return ignored

    def settings_for(self, folder: Path) -> Settings:
        return self.layered(folder)[0]

    def layered(self, folder: Path) -> tuple[Settings, dict[str, str]]:
        """Client options > environment > project file (from `folder` up) > user file > defaults.

        load_settings decides precedence; the ADDING lists are first joined to what the lower
        layers give, so their source reads "project file ... + editor settings".
        """
        given = {key: self.options[key] for key in ADDING if key in self.options}
        if not given:
            return load_settings(self.options, folder, cli_source=EDITOR)
        lower, lower_sources = load_settings({}, folder)
        added = cli_layer(given, EDITOR).values  # validated and comma-split, as load_settings does
        joined = {key: _joined(getattr(lower, key), added[key]) for key in added}
        settings, sources = load_settings({**self.options, **joined}, folder, cli_source=EDITOR)
        for key in joined:
            if getattr(lower, key):
                sources[key] = f"{lower_sources[key]} + {EDITOR}"
        return settings, sources

    def show(self, folder: Path) -> str:
        """`intro-lint config show` for a folder, with the editor's settings merged in."""
        return show(*self.layered(folder))

    def warm(self, folder: Path) -> str:
        """Load pipeline, rules and textstat once by linting a small draft; returns the pipeline."""
        linter = linter_for(self.settings_for(folder))
        linter.lint([read_text(WARM_DRAFT, "warm-up.txt")])
        meta = linter.nlp.meta
        return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def _joined(lower: list[str], added: list[str]) -> list[str]:
    return list(dict.fromkeys([*lower, *added]))


def _beside(root: Path, folder: str) -> str:
    return os.path.normpath(root / Path(folder).expanduser())
