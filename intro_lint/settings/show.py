"""Render settings for `intro-lint config show`: one valid TOML line per field, with its source."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from intro_lint.settings.fields import Settings

UNSET = {
    "select": "all rules",
    "pipeline": "auto",
    "color": "auto",
    "rule_set": "none",
    "model": "shipped",
}


def show(settings: Settings, sources: Mapping[str, str]) -> str:
    """`intro-lint config show`: one `key = value    # source` line per field; valid TOML."""
    fields = type(settings).model_fields  # every Settings field, in declaration order (FIELDS)
    rows = [
        (_show_row(field, getattr(settings, field)), sources.get(field, "default"))
        for field in fields
    ]
    width = max(len(row) for row, _ in rows)
    return "\n".join(f"{row.ljust(width)}    # {source}".replace("\n", " ") for row, source in rows)


def _show_row(field: str, value: Any) -> str:
    key = field.replace("_", "-")
    if value is None:  # TOML has no null: show the automatic behaviour as a comment
        return f"# {key} = ({UNSET.get(field, 'unset')})"
    return f"{key} = {toml_value(value)}"


def toml_value(value: Any) -> str:
    """A TOML literal for the value types Settings holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return f"{{ {items} }}" if items else "{}"
    return "[" + ", ".join(toml_value(item) for item in value) + "]"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)
