"""Kind `metric`: flag the draft when a textstat/model metric crosses a threshold."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from intro_lint.analyse.analysis import Analysis
from intro_lint.analyse.metrics import METRICS
from intro_lint.check.kinds import params
from intro_lint.check.kinds.hit import Hit
from intro_lint.check.kinds.params import Number
from intro_lint.check.signals import Signals


class Params(params.Params):
    kind: Literal["metric"] = "metric"
    metric: Literal[METRICS]  # type: ignore[valid-type]  # the names analyse.metrics computes
    above: Number | None = None
    below: Number | None = None

    @model_validator(mode="after")
    def _a_threshold(self) -> Params:
        if self.above is None and self.below is None:
            raise ValueError("field params.above: give a threshold as 'above' or 'below'")
        return self


def check(analysis: Analysis, p: Params, signals: Signals) -> list[Hit]:
    value = analysis.metrics.get(p.metric, 0.0)
    if (p.above is not None and value > p.above) or (p.below is not None and value < p.below):
        start, end = analysis.layout.core
        return [Hit(start, end, (f"{p.metric} = {value}",))]
    return []
