"""The registry of kinds: the Python behind rules; a rule file names its kind."""

from __future__ import annotations

from types import ModuleType
from typing import Annotated, Union

from pydantic import Field

from intro_lint.check.kinds import metric, phrase
from intro_lint.check.kinds import request_model as model

# a kind module has `Params` (what a rule's [params] may hold) and
# `check(analysis, params, signals) -> list[Hit]`
KINDS: dict[str, ModuleType] = {"model": model, "phrase": phrase, "metric": metric}

# a rule's [params], told apart by the rule's kind (RuleSpec puts the kind into them)
_EACH = tuple(k.Params for k in KINDS.values())
KindParams = Annotated[Union[_EACH], Field(discriminator="kind")]  # noqa: UP007 (built from KINDS)
