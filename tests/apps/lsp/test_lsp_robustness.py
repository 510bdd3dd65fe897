"""Odd buffers never crash the server or stop it answering: empty, binary, huge, half-typed mail."""

from __future__ import annotations

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize("text", ["", "   \n\n  \n"])
async def test_empty_buffers_get_no_diagnostics(lsp, text):
    uri = lsp.uri(f"empty-{len(text)}.txt")
    assert len(await lsp.open(uri, text)) == 0
    lsp.close(uri)


async def test_binary_looking_buffer_gets_one_notice(lsp):
    uri = lsp.uri("binary.txt")
    found = await lsp.open(uri, "draft\x00\x01\x02\x03\ufffd\ufffdbinary\x7f" * 50)
    assert [d.code for d in found] == ["not-text"]
    assert found[0].severity == types.DiagnosticSeverity.Information
    lsp.close(uri)


async def test_huge_buffer_gets_one_notice(lsp):
    uri = lsp.uri("huge.txt")
    found = await lsp.open(uri, "Could you introduce me to anyone hiring? " * 30_000)  # ~1.2 MB
    assert [d.code for d in found] == ["too-large"] and "max-bytes" in found[0].message
    lsp.close(uri)


@pytest.mark.parametrize(
    "text",
    [
        "To: bob@exa",
        "To: Bob <bob@example.org>\nSubj",
        "From:\nTo:\n\n",
        "To: Bob <bob@example.org>\nSubject: intro\n\nHi Bob,\n\nCould you intr",
        " folded: first line\nTo: x\n\nHi",
        "Subject: \ud83d\ude00\n\n\n\n",
    ],
)
async def test_half_typed_mail_buffers_are_linted_without_errors(lsp, text):
    uri = lsp.uri(f"compose-{abs(hash(text))}")
    await lsp.open(uri, text, language_id="mail")
    lsp.close(uri)


async def test_open_close_and_unknown_documents(lsp):
    uri = lsp.uri("gone.txt")
    lsp.client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=lsp.example("jeff-becky.txt")
            )
        )
    )
    lsp.close(uri)
    assert await lsp.hover(lsp.uri("never-opened.txt"), types.Position(line=0, character=0)) is None
    assert await lsp.actions(lsp.uri("never-opened.txt"), lsp.whole("x")) == []


async def test_server_still_answers_and_logged_no_failures(lsp):
    uri = lsp.uri("after.txt")
    found = await lsp.open(uri, lsp.example("jeff-becky.txt"))
    assert "vague-ask" in lsp.codes(found)
    hover = await lsp.hover(uri, types.Position(line=2, character=100))
    assert hover is not None and "vague-ask" in hover.contents.value
    far = await lsp.hover(uri, types.Position(line=999, character=999))
    assert far is None
    assert not [m.message for m in lsp.client.log_messages if "failed" in m.message]
    lsp.close(uri)
