"""The versioned JSON document (schema: docs/json-schema.json, generated from models.Output)."""

from __future__ import annotations

import json

from intro_lint.model import Output
from intro_lint.report.renderer import Reports, Rules, Texts


def render(reports: Reports, rules: Rules, texts: Texts = None, color: bool = False) -> str:
    """The versioned document; positions are in the reports already."""
    return Output(reports=tuple(reports)).model_dump_json(indent=2) + "\n"


def schema() -> str:
    """The JSON Schema of that document."""
    return json.dumps(Output.model_json_schema(), indent=2) + "\n"
