"""The base of every kind's parameter model and the value types rule parameters are made of."""

from __future__ import annotations

import re
from collections.abc import ItemsView
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    model_validator,
)

from intro_lint.check.kinds.guarded import UserPattern, compiles
from intro_lint.check.kinds.redos import runaway

TAGS = ("kind", "check")  # the fields that pick the model; a rule's [params] never set `kind`


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number (got {value!r})")
    return value


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a valid regular expression ({exc})") from None
    compiles(value)  # the pattern runs under `regex` (guarded.py), so it must compile there too
    why = runaway(value)
    if why:
        raise ValueError(
            f"{value!r} {why}, which can take exponential time on some text; rewrite it so each "
            "stretch of text can match in only one way"
        )
    return value


def _regexes(value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be a list of non-empty strings")
    return [_compiles(v) for v in value]


def _regex(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a string")
    return _compiles(value)


def _where(info: ValidationInfo) -> str:
    """`<file>: rule <id>: field params.<name>`, from the context the rule loader validates with."""
    rule = (info.context or {}).get("where", "")
    field = f"field params.{info.field_name}"
    return f"{rule}: {field}" if rule else field


def _placed(value: str, info: ValidationInfo) -> str:
    return UserPattern.at(value, _where(info))


def _all_placed(value: list[str], info: ValidationInfo) -> list[str]:
    return [UserPattern.at(v, _where(info)) for v in value]


Number = Annotated[int | float, BeforeValidator(_number)]  # an int stays an int; a bool is none
# a phrase list: each one compiles, and knows the file, rule and field it came from
Regexes = Annotated[list[str], BeforeValidator(_regexes), AfterValidator(_all_placed)]
Regex = Annotated[str, BeforeValidator(_regex), AfterValidator(_placed)]


class Params(BaseModel):
    """A kind's parameters as a rule's [params] table gives them; any other name is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    reads_signals: ClassVar[bool] = False  # True: the check also reads the batch's Signals

    @model_validator(mode="before")
    @classmethod
    def _known_names(cls, data: Any) -> Any:
        unknown = sorted(set(data) - set(cls.model_fields)) if isinstance(data, dict) else []
        if unknown:
            allowed = ", ".join(sorted(n for n in cls.model_fields if n not in TAGS)) or "none"
            raise ValueError(
                f"field params.{unknown[0]}: not a parameter of {cls._owner()} (allowed: {allowed})"
            )
        return data

    @classmethod
    def _owner(cls) -> str:
        """`check 'vague-ask'` or `kind 'phrase'`: whose parameters these are."""
        tag = next(t for t in reversed(TAGS) if t in cls.model_fields)
        return f"{tag} {cls.model_fields[tag].default!r}"

    def items(self) -> ItemsView[str, Any]:
        """(name, value) of every field, as in a dict of the params (for code that walks them)."""
        return dict(self).items()
