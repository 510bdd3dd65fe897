"""Load and validate rule files (TOML, one rule per file, file stem = rule id)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from intro_lint.check.fixes.templates import Action
from intro_lint.check.kinds import KINDS, KindParams
from intro_lint.errors import RuleFileError
from intro_lint.model import Safety, Severity
from intro_lint.settings.files import builtin_dir

# where a rule's findings cost points; readability is a subscore from the metrics, not from rules
Dimension = Literal[
    "relationship", "ask", "materials", "forwardability", "reciprocity", "personalisation"
]
DIMENSIONS: tuple[str, ...] = (*get_args(Dimension), "readability")  # every subscore


class FixTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    safety: Safety = "suggestion"
    action: Action = "none"  # the edit to build (fixes/templates.py ACTIONS), or none
    text: str = ""


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fail: list[str] = Field(default_factory=list)
    pass_: list[str] = Field(default_factory=list, alias="pass")


class Decision(BaseModel):
    """A learned decision: the model head that judges the rule, and where it starts to fire."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    head: str  # a message head of the model (intro-lint train names them after the rules)
    threshold: Annotated[float, Field(ge=0, le=1)] | Literal["tuned"] = "tuned"


class RuleSpec(BaseModel):
    """One rule: a record of what to look for, why it matters and how to fix it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str
    kind: str
    severity: Severity = "warning"
    dimension: Dimension = "ask"
    weight: int = Field(default=10, ge=0, le=100)
    message: str
    why: str
    source: str
    fixes: list[FixTemplate] = Field(default_factory=list)
    params: KindParams
    decision: Decision | None = None  # None: the written check alone decides
    aliases: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)
    path: str = ""

    @model_validator(mode="before")
    @classmethod
    def _kind_into_params(cls, data: Any) -> Any:
        """The file names its kind at the top; [params] are validated as that kind's parameters."""
        if not isinstance(data, dict) or not isinstance(data.get("params", {}), dict):
            return data
        params = data.get("params", {})
        if "kind" in params:
            raise ValueError("field params.kind: the kind is set at the top of the file")
        return {**data, "params": {**params, "kind": data.get("kind")}}


def _as_written(loc: tuple[int | str, ...]) -> list[str]:
    """An error's location as the file spells it: no union tags (kind, then check) after params."""
    parts = [str(p) for p in loc]
    if parts[:1] == ["params"] and parts[1:2] and parts[1] in KINDS:
        nested = get_origin(KINDS[parts[1]].Params) is Annotated  # a union of its own
        parts = ["params", *parts[3 if nested else 2 :]]
    return parts


def _tag_problem(where: list[str], err: ErrorDetails) -> str:
    """A missing or unknown `kind` or `check`: the value that picks the parameter model."""
    name, ctx = err["ctx"]["discriminator"].strip("'"), err["ctx"]
    if where == ["params"] and name == "kind":  # the top-level kind, copied into params
        return f"field kind: unknown kind {ctx['tag']!r} (known: {', '.join(sorted(KINDS))})"
    field = ".".join([*where, name])
    if "tag" not in ctx:
        return f"field {field}: Field required"
    known = sorted(t.strip(" '") for t in ctx["expected_tags"].split(","))
    return f"field {field}: must be one of {', '.join(known)} (got {ctx['tag']!r})"


def _problem(err: ErrorDetails) -> str:
    """One pydantic error as `field <where>: <what is wrong>`."""
    msg = err["msg"].removeprefix("Value error, ")
    if msg.startswith("field "):
        return msg  # the validator named the field itself
    where = _as_written(err["loc"])
    if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
        return _tag_problem(where, err)
    if err["type"] == "literal_error":
        msg = f"{msg} (got {err['input']!r})"
    return f"field {'.'.join(where) or '(rule)'}: {msg}"


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
        raise RuleFileError(
            f"{path}: rule {rule_id}: field id: {data['id']!r} must match the file name"
        )
    try:
        where = {"where": f"{path}: rule {rule_id}"}  # what a pattern's errors name (guarded.py)
        return RuleSpec.model_validate({**data, "path": str(path)}, context=where)
    except ValidationError as exc:
        raise RuleFileError(f"{path}: rule {rule_id}: {_problem(exc.errors()[0])}") from None


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
