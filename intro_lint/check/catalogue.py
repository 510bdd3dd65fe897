"""Load and validate rule files (TOML, one rule per file, file stem = rule id)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from intro_lint.errors import RuleFileError
from intro_lint.settings.files import builtin_dir
from intro_lint.model import Safety, Severity


class FixTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    safety: Safety = "suggestion"
    action: str = "none"  # what the kind should build: none | insert-scaffold | replace | delete
    text: str = ""


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fail: list[str] = Field(default_factory=list)
    pass_: list[str] = Field(default_factory=list, alias="pass")


class RuleSpec(BaseModel):
    """One rule: a record of what to look for, why it matters and how to fix it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str
    kind: str
    severity: Severity = "warning"
    dimension: str = "ask"
    weight: int = Field(default=10, ge=0, le=100)
    message: str
    why: str
    source: str
    fixes: list[FixTemplate] = Field(default_factory=list)
    params: dict[str, Any] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)
    path: str = ""

    @model_validator(mode="after")
    def _known_kind(self) -> "RuleSpec":
        from intro_lint.check.kinds import KINDS

        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (known: {', '.join(sorted(KINDS))})")
        KINDS[self.kind].validate_params(self.params)
        return self


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(rule)"


def load_rule_file(path: Path) -> RuleSpec:
    """Parse one rule file; every problem names the file, the rule and the field."""
    rule_id = path.stem
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: rule {rule_id}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: rule {rule_id}: not valid TOML: {exc}") from None
    data.setdefault("id", rule_id)
    if data["id"] != rule_id:
        raise RuleFileError(f"{path}: rule {rule_id}: field id: {data['id']!r} must match the file name")
    try:
        return RuleSpec.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        err = exc.errors()[0]
        msg = err["msg"].removeprefix("Value error, ")
        where = "" if not err["loc"] and msg.startswith("field ") else f"field {_field_path(err['loc'])}: "
        raise RuleFileError(f"{path}: rule {rule_id}: {where}{msg}") from None
    except (ValueError, TypeError) as exc:
        raise RuleFileError(f"{path}: rule {rule_id}: {exc}") from None


def load_dir(folder: Path) -> dict[str, RuleSpec]:
    if not folder.is_dir():
        raise RuleFileError(f"{folder}: rule folder not found")
    return {spec.id: spec for spec in map(load_rule_file, sorted(folder.glob("*.toml")))}


def load_catalogue(extra_dirs: list[str] | tuple[str, ...] = ()) -> dict[str, RuleSpec]:
    """Built-in rules, then each extra folder; a later folder's rule replaces an earlier one."""
    rules = load_dir(builtin_dir())
    for folder in extra_dirs:
        rules.update(load_dir(Path(folder)))
    return rules


def resolve(rules: dict[str, RuleSpec], name: str) -> RuleSpec | None:
    """Find a rule by id or by one of its old ids (aliases)."""
    if name in rules:
        return rules[name]
    return next((r for r in rules.values() if name in r.aliases), None)
