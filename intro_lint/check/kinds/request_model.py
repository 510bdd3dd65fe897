"""Kind `model`: a named check over the intro-request model, tuned by the rule's params."""

from __future__ import annotations

from typing import Any

from intro_lint.check.kinds.hit import Hit


def validate_params(params: dict[str, Any]) -> None:
    from intro_lint.check.kinds.mission import CHECKS, PARAMS

    name = params.get("check")
    if name not in CHECKS:
        raise ValueError(f"field params.check: must be one of {', '.join(sorted(CHECKS))} (got {name!r})")
    allowed = PARAMS[name]
    for key, value in params.items():
        if key == "check":
            continue
        if key not in allowed:
            raise ValueError(f"field params.{key}: not a parameter of check {name!r} (allowed: {', '.join(sorted(allowed)) or 'none'})")
        _check_type(key, value, allowed[key])


def _check_type(key: str, value: Any, kind: str) -> None:
    """Phrase lists are lists of regular expressions; numbers are numbers; every pattern must compile."""
    import re

    if kind == "number" and not (isinstance(value, (int, float)) and not isinstance(value, bool)):
        raise ValueError(f"field params.{key}: must be a number (got {value!r})")
    if kind in ("phrases", "pattern"):
        items = value if kind == "phrases" else [value]
        if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
            raise ValueError(f"field params.{key}: must be {'a list of non-empty strings' if kind == 'phrases' else 'a string'}")
        for item in items:
            try:
                re.compile(item)
            except re.error as exc:
                raise ValueError(f"field params.{key}: {item!r} is not a valid regular expression ({exc})") from None


def check(analysis, params: dict[str, Any]) -> list[Hit]:
    from intro_lint.check.kinds.mission import CHECKS

    return CHECKS[params["check"]](analysis, params)
