"""The base of every kind's parameter model and the value types rule parameters are made of."""

from __future__ import annotations

import re
from collections.abc import ItemsView
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

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
    return value


def _regexes(value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be a list of non-empty strings")
    return [_compiles(v) for v in value]


def _regex(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a string")
    return _compiles(value)


Number = Annotated[int | float, BeforeValidator(_number)]  # an int stays an int; a bool is none
Regexes = Annotated[list[str], BeforeValidator(_regexes)]  # a phrase list: each one compiles
Regex = Annotated[str, BeforeValidator(_regex)]


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
