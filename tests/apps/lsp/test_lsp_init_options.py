"""Client settings sent as initializationOptions, with the CLI's keys (camelCase accepted too)."""

from __future__ import annotations

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

INIT_OPTIONS = {
    "select": ["no-attachment", "vague-ask"],
    "severity": {"no-attachment": "info"},
    "failOn": "error",
}


async def test_initialization_options_select_and_severity(lsp):
    uri = lsp.uri("jeff.txt")
    found = {d.code: d for d in await lsp.open(uri, lsp.example("jeff-becky.txt"))}
    assert set(found) == {"no-attachment", "vague-ask"}
    assert found["no-attachment"].severity == types.DiagnosticSeverity.Information
    assert not any("ignoring unknown settings" in m.message for m in lsp.client.log_messages)
    lsp.close(uri)
