"""Editor list settings add to the project file's lists, and `config show` says so."""

from __future__ import annotations

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROJECT = 'ignore = ["vague-ask"]\n'


def configure(lsp, settings: dict) -> int:
    before = lsp.publish_count()
    lsp.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"introLint": settings})
    )
    return before - 1


@pytest.fixture(scope="module")
def project(lsp):
    folder = lsp.folder / "project"
    folder.mkdir()
    (folder / ".intro-lint.toml").write_text(PROJECT, encoding="utf-8")
    return folder


async def test_editor_ignore_adds_to_the_project_ignore(lsp, project):
    uri = lsp.uri("draft.txt", project)
    found = lsp.codes(await lsp.open(uri, lsp.example("jeff-becky.txt")))
    assert "vague-ask" not in found and "research-burden" in found
    after = configure(lsp, {"ignore": ["research-burden"]})
    found = lsp.codes(await lsp.diagnostics(uri, 1, after=after))
    assert found and not found & {"vague-ask", "research-burden"}
    configure(lsp, {})
    lsp.close(uri)


async def test_show_config_names_both_sources(lsp, project):
    uri = lsp.uri("shown.txt", project)
    await lsp.open(uri, lsp.example("jeff-becky.txt"))
    after = configure(lsp, {"ignore": "research-burden,generic-blast", "select": ["vague-ask"]})
    assert lsp.codes(await lsp.diagnostics(uri, 1, after=after)) == set()  # settings applied
    shown = await lsp.client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="intro-lint.showConfig", arguments=[uri])
    )
    lines = {line.split(" = ")[0]: line for line in shown.splitlines()}
    assert lines["ignore"].startswith('ignore = ["vague-ask", "research-burden", "generic-blast"]')
    assert "# project file " in lines["ignore"] and lines["ignore"].endswith(" + editor settings")
    assert lines["select"].startswith('select = ["vague-ask"]')  # select replaces
    assert lines["select"].endswith("# editor settings")
    assert any(m.message == shown for m in lsp.client.log_messages)
    configure(lsp, {})
    lsp.close(uri)
