"""The versioned JSON document (schema: docs/json-schema.json, generated from models.Output)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Output, Report


def render(
    reports: Sequence[Report],
    rules: Mapping[str, RuleSpec],
    texts: Mapping[str, str] | None = None,
    color: bool = False,
) -> str:
    """The versioned document; positions are in the reports already."""
    return Output(reports=tuple(reports)).model_dump_json(indent=2) + "\n"


def schema() -> str:
    """The JSON Schema of that document."""
    return json.dumps(Output.model_json_schema(), indent=2) + "\n"
