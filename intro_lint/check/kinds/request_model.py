"""Kind `model`: a named check over the intro-request model, tuned by the rule's params."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from intro_lint.analyse.analysis import Analysis
from intro_lint.check.kinds.hit import Hit
from intro_lint.check.kinds.mission import CHECKS, CheckParams
from intro_lint.check.signals import Signals

# one parameter model per check, told apart by the rule's `check`
_EACH = tuple(c.params for c in CHECKS.values())
Params = Annotated[Union[_EACH], Field(discriminator="check")]  # noqa: UP007 (built from CHECKS)


def check(analysis: Analysis, p: CheckParams, signals: Signals) -> list[Hit]:
    return CHECKS[p.check].run(analysis, p, signals)
