"""Settings: merge every layer by precedence and record where each value came from."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from intro_lint.errors import ConfigError
from intro_lint.settings.fields import (
    DICT_FIELDS,
    EXPECT,
    EXPECT_ITEM,
    FIELDS,
    LIST_FIELDS,
    Settings,
)
from intro_lint.settings.files import (
    builtin_dir,
    display_path,
    find_project_file,
    is_settings_file,
    read_toml,
    user_config_path,
)

ENV_FIELDS = {
    "INTRO_LINT_SELECT": "select",
    "INTRO_LINT_IGNORE": "ignore",
    "INTRO_LINT_FAIL_ON": "fail_on",
    "INTRO_LINT_PIPELINE": "pipeline",
    "INTRO_LINT_MODEL": "model",
    "INTRO_LINT_MAX_BYTES": "max_bytes",
    "INTRO_LINT_RULE_DIRS": "rule_dirs",
    "INTRO_LINT_RULE_SET": "rule_set",
}
# INTRO_LINT_* variables that other features read; they are not settings and not typos.
ENV_ALLOWLIST = frozenset({"INTRO_LINT_SKIP"})


@dataclass(frozen=True)
class Layer:
    """Validated values from one source, and the source of each."""

    values: dict[str, Any]
    sources: dict[str, str]


def load_settings(
    cli: Mapping[str, object],
    start: Path,
    env: Mapping[str, str] = os.environ,
    user_config: Path | None = None,
    cli_source: str = "command line",
) -> tuple[Settings, dict[str, str]]:
    """Precedence lives only here: command line > environment > project file > user file > defaults.

    `cli` holds only options the user gave (None values count as not given);
    `start` is the draft's path or folder (the cwd for stdin). Layers merge field by
    field, dict fields key by key. Returns the settings and each field's source.
    """
    layers = [
        user_layer(user_config or user_config_path(env)),
        project_layer(start),
        env_layer(env),
        cli_layer(cli, cli_source),
    ]
    layers = [layer for layer in layers if layer is not None]
    settings, sources = merge(layers)
    if settings.rule_set:
        # the chosen rule-set sits just above the defaults: every other layer still overrides it
        settings, sources = merge([rule_set_layer(settings.rule_set), *layers])
    return settings, sources


def rule_set_layer(name: str) -> Layer:
    """A rule-set file: a settings file's keys (select, weights, severity, ...) but no rule-set."""
    path = (
        Path(name).expanduser()
        if name.endswith(".toml") or os.sep in name
        else builtin_dir() / "rule-sets" / f"{name}.toml"
    )
    if not is_settings_file(path):
        known = sorted(p.stem for p in (builtin_dir() / "rule-sets").glob("*.toml"))
        raise ConfigError(
            f"rule-set {name!r}: no such file {display_path(path)} "
            f"(built-in rule-sets: {', '.join(known)})"
        )
    table = read_toml(path)
    if "rule-set" in table or "rule_set" in table:
        raise ConfigError(
            f"{display_path(path)}: field rule-set: a rule-set cannot choose another rule-set"
        )
    return file_layer(path, table, "rule-set")


def merge(layers: list[Layer]) -> tuple[Settings, dict[str, str]]:
    """Apply layers lowest first; a dict field's source lists every layer that still contributes."""
    values = Settings().model_dump()
    sources = dict.fromkeys(FIELDS, "default")
    owners: dict[str, dict[str, int]] = {field: {} for field in DICT_FIELDS}
    for n, layer in enumerate(layers):
        for field, value in layer.values.items():
            if field in DICT_FIELDS:
                values[field] = {**values[field], **value}
                owners[field].update(dict.fromkeys(value, n))
                used = sorted(set(owners[field].values()))
                sources[field] = (
                    " + ".join(layers[i].sources[field] for i in used) or layer.sources[field]
                )
            else:
                values[field] = value
                sources[field] = layer.sources[field]
    return Settings.model_validate(values), sources


# --- file layers (finding and reading the files: files.py) -------------


def user_layer(path: Path) -> Layer | None:
    """The user file, if there is one (a missing file is not an error)."""
    return file_layer(path, read_toml(path), "user") if is_settings_file(path) else None


def project_layer(start: Path) -> Layer | None:
    found = find_project_file(start)
    return file_layer(found[0], found[1], "project") if found else None


def file_layer(path: Path, table: Mapping[str, Any], kind: str) -> Layer:
    """A settings table from a file; relative rule folders are relative to that file."""
    shown = display_path(path)
    raw, labels = collect(table.items(), shown, lambda key: f"field {key}")
    values = validate(raw, labels, shown)
    if isinstance(values.get("model"), str):
        values["model"] = _beside(path, values["model"])
    if "rule_dirs" in values:
        values["rule_dirs"] = [_beside(path, folder) for folder in values["rule_dirs"]]
    return Layer(values, dict.fromkeys(values, f"{kind} file {shown}"))


def _beside(path: Path, folder: str) -> str:
    return os.path.normpath(path.parent / Path(folder).expanduser())


# --- environment and command line -------------------------------------------


def env_layer(env: Mapping[str, str]) -> Layer:
    """INTRO_LINT_* variables (empty ones count as unset) and NO_COLOR."""
    raw: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for var, field in ENV_FIELDS.items():
        if env.get(var, "").strip():
            raw[field], labels[field] = _env_value(field, env[var]), var
    if env.get("NO_COLOR"):  # https://no-color.org: set and not empty
        raw["color"], labels["color"] = False, "NO_COLOR"
    values = validate(raw, labels, "environment")
    return Layer(values, {field: f"environment {labels[field]}" for field in values})


def _env_value(field: str, value: str) -> Any:
    if field == "rule_dirs":
        return [os.path.expanduser(p) for p in value.split(os.pathsep) if p.strip()]
    if field in LIST_FIELDS:
        return split_commas([value])
    if field == "max_bytes":
        return int(value) if value.strip().isdigit() else value
    return value.strip()


def unknown_env_vars(env: Mapping[str, str] = os.environ) -> list[str]:
    """INTRO_LINT_* names neither settings nor allowlisted (likely typos; callers may warn)."""
    known = ENV_FIELDS.keys() | ENV_ALLOWLIST
    return sorted(var for var in env if var.startswith("INTRO_LINT_") and var not in known)


def cli_layer(cli: Mapping[str, object], source: str = "command line") -> Layer:
    """Command-line (or editor) options; tuples become lists, "a,b" splits for rule lists."""
    given = [(key, value) for key, value in cli.items() if value is not None and value != ()]
    name = (
        (lambda key: f"option --{key.replace('_', '-')}")
        if source == "command line"
        else (lambda key: f"setting {key}")
    )
    raw, labels = collect(given, source, name)
    raw = {field: _cli_value(field, value) for field, value in raw.items()}
    values = validate(raw, labels, source)
    return Layer(values, dict.fromkeys(values, source))


def _cli_value(field: str, value: Any) -> Any:
    if isinstance(value, tuple):
        value = list(value)
    if field in LIST_FIELDS - {"rule_dirs"} and isinstance(value, (list, str)):
        return split_commas([value] if isinstance(value, str) else value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def split_commas(items: Iterable[Any]) -> list[Any]:
    """["a,b", "c"] -> ["a", "b", "c"]; non-strings pass through for validation to reject."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, str):
            out.extend(part.strip() for part in item.split(",") if part.strip())
        else:
            out.append(item)
    return out


# --- validation ----------------------------------------------------------------


def collect(
    items: Iterable[tuple[str, Any]], where: str, label: Callable[[str], str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Map keys (hyphens or underscores) to field names; reject unknown and doubled keys."""
    raw: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for key, value in items:
        field = key.replace("-", "_")
        if field not in FIELDS:
            raise ConfigError(
                f"{where}: {label(key)}: not a setting{_hint(key)}; allowed: {', '.join(_keys())}"
            )
        if field in raw:
            raise ConfigError(
                f"{where}: {label(key)}: given twice (with hyphens and with underscores)"
            )
        raw[field], labels[field] = value, label(key)
    return raw, labels


def _keys() -> list[str]:
    return sorted(field.replace("_", "-") for field in FIELDS)


def _hint(key: str) -> str:
    close = difflib.get_close_matches(key.replace("_", "-"), _keys(), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def validate(raw: dict[str, Any], labels: Mapping[str, str], where: str) -> dict[str, Any]:
    """Check one layer alone (strict types: TOML "5" is not 5) so errors name their source."""
    try:
        model = Settings.model_validate(raw, strict=True)
    except ValidationError as exc:
        raise ConfigError(describe(exc.errors()[0], labels, where)) from None
    return {field: getattr(model, field) for field in raw}


def describe(error: Mapping[str, Any], labels: Mapping[str, str], where: str) -> str:
    """`<where>: field fail-on: must be one of ... (got 'loud')`."""
    field, *rest = error["loc"]
    label, expect = labels.get(field, field), EXPECT[field]
    if rest and (field in DICT_FIELDS or field in LIST_FIELDS):
        label += f"[{rest[0]}]" if isinstance(rest[0], int) else f".{rest[0]}"
        expect = EXPECT_ITEM.get(field, "a string")
    elif error["type"] == "less_than_equal":
        expect += f" of at most {error['ctx']['le']:,}"
    return f"{where}: {label}: must be {expect} (got {error['input']!r})"


# --- helpers for callers ---------------------------------------------------------


def unknown_rule_ids(settings: Settings, known: set[str]) -> list[str]:
    """Rule ids the settings mention that `known` (ids and aliases) lacks, first mention first."""
    mentioned = [
        *(settings.select or []),
        *settings.extend_select,
        *settings.ignore,
        *settings.severity,
        *settings.weights,
    ]
    return list(dict.fromkeys(rule for rule in mentioned if rule not in known))


def enabled_rules(settings: Settings, known: Iterable[str]) -> list[str]:
    """(select, or every rule) + extend_select - ignore, in the order of `known`; ignore wins."""
    known = list(known)
    chosen = set(known if settings.select is None else settings.select) | set(
        settings.extend_select
    )
    return [rule for rule in known if rule in chosen - set(settings.ignore)]
