"""Kind `model`: a named check over the intro-request model, tuned by the rule's params."""

from __future__ import annotations

from typing import Any

from .base import Hit


def validate_params(params: dict[str, Any]) -> None:
    from .mission import CHECKS

    name = params.get("check")
    if name not in CHECKS:
        raise ValueError(f"field params.check: must be one of {', '.join(sorted(CHECKS))} (got {name!r})")


def check(analysis, params: dict[str, Any]) -> list[Hit]:
    from .mission import CHECKS

    return CHECKS[params["check"]](analysis, params)
