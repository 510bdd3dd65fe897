"""Kind `metric`: flag the draft when a textstat/model metric crosses a threshold."""

from __future__ import annotations

from typing import Any

from intro_lint.check.kinds.hit import Hit

METRICS = ("words", "sentences", "words_per_sentence", "readability_grade", "coleman_liau", "self_focus")


def validate_params(params: dict[str, Any]) -> None:
    if params.get("metric") not in METRICS:
        raise ValueError(f"field params.metric: must be one of {', '.join(METRICS)} (got {params.get('metric')!r})")
    if "above" not in params and "below" not in params:
        raise ValueError("field params.above: give a threshold as 'above' or 'below'")
    for key in ("above", "below"):
        if key in params and not isinstance(params[key], (int, float)):
            raise ValueError(f"field params.{key}: must be a number")
    unknown = set(params) - {"metric", "above", "below"}
    if unknown:
        raise ValueError(f"field params.{sorted(unknown)[0]}: unknown parameter for kind 'metric'")


def check(analysis, params: dict[str, Any]) -> list[Hit]:
    value = analysis.metrics.get(params["metric"], 0.0)
    if ("above" in params and value > params["above"]) or ("below" in params and value < params["below"]):
        start, end = analysis.layout.core
        return [Hit(start, end, (f"{params['metric']} = {value}",))]
    return []
