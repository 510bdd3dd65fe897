"""Settings: project files found from the draft's folder, client settings, configuration errors."""

from __future__ import annotations

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")


def project(lsp, name: str, filename: str, content: str):
    folder = lsp.folder / name
    folder.mkdir()
    (folder / filename).write_text(content, encoding="utf-8")
    return folder


async def test_project_file_beside_the_draft_applies(lsp):
    folder = project(lsp, "quiet", ".intro-lint.toml", 'ignore = ["vague-ask"]\n')
    (folder / "sub").mkdir()
    text = lsp.example("jeff-becky.txt")
    inside, outside = lsp.uri("draft.txt", folder / "sub"), lsp.uri("plain.txt")
    assert "vague-ask" not in lsp.codes(await lsp.open(inside, text))
    assert "vague-ask" in lsp.codes(await lsp.open(outside, text))
    lsp.close(inside), lsp.close(outside)


async def test_pyproject_table_sets_severity(lsp):
    folder = project(
        lsp, "py", "pyproject.toml", '[tool.intro-lint]\nseverity = { long-silence = "info" }\n'
    )
    uri = lsp.uri("draft.txt", folder)
    found = {d.code: d for d in await lsp.open(uri, lsp.example("jeff-becky.txt"))}
    assert found["long-silence"].severity == types.DiagnosticSeverity.Information
    lsp.close(uri)


async def test_bad_project_file_is_one_error_and_the_server_keeps_answering(lsp):
    folder = project(lsp, "bad", ".intro-lint.toml", 'fail-on = "loud"\n')
    uri = lsp.uri("draft.txt", folder)
    found = await lsp.open(uri, lsp.example("jeff-becky.txt"))
    assert [d.code for d in found] == ["config-error"]
    assert (
        found[0].severity == types.DiagnosticSeverity.Error
        and ".intro-lint.toml" in found[0].message
    )
    assert any(
        m.type == types.MessageType.Error and "fail-on" in m.message
        for m in lsp.client.log_messages
    )
    assert await lsp.hover(uri, types.Position(line=2, character=3)) is None
    lsp.close(uri)


async def test_did_change_configuration_relints_open_drafts(lsp):
    uri = lsp.uri("configured.txt")
    assert "research-burden" in lsp.codes(await lsp.open(uri, lsp.example("jeff-becky.txt")))
    before = lsp.publish_count()
    lsp.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"introLint": {"ignore": ["research-burden"], "path": "intro-lint"}}
        )
    )
    assert "research-burden" not in lsp.codes(await lsp.diagnostics(uri, 1, after=before - 1))
    before = lsp.publish_count()
    lsp.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    assert "research-burden" in lsp.codes(await lsp.diagnostics(uri, 1, after=before - 1))
    lsp.close(uri)
