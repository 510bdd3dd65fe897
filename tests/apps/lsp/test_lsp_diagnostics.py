"""Diagnostics end to end: rule ids as codes, severities, rule links, evidence, UTF-16 ranges."""

from __future__ import annotations

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

JEFF_RULES = {
    "long-silence",
    "asks-without-giving",
    "no-attachment",
    "not-forwardable",
    "research-burden",
    "vague-ask",
}


async def test_bad_draft_gets_one_diagnostic_per_finding(lsp):
    uri = lsp.uri("jeff.txt")
    found = await lsp.open(uri, lsp.example("jeff-becky.txt"))
    assert lsp.codes(found) == JEFF_RULES
    for d in found:
        assert d.source == "intro-lint"
        assert d.code_description.href.startswith("file://") and d.code_description.href.endswith(
            f"/{d.code}.toml"
        )
        assert d.data["explain"] == f"intro-lint explain {d.code}"
        assert d.related_information and all(r.location.uri == uri for r in d.related_information)
    by_code = {d.code: d for d in found}
    assert by_code["no-attachment"].severity == types.DiagnosticSeverity.Error
    assert by_code["vague-ask"].severity == types.DiagnosticSeverity.Warning
    assert any("open-ended" in r.message for r in by_code["vague-ask"].related_information)
    assert lsp.text_in(lsp.texts[uri], by_code["long-silence"].range) == "It’s been a while"
    lsp.close(uri)


async def test_good_draft_gets_none(lsp):
    uri = lsp.uri("priya.txt")
    found = await lsp.open(uri, lsp.example("reconnect-give-first.txt"))
    assert len(found) == 0  # a tuple on the wire: compare lengths, not `== []`
    lsp.close(uri)


async def test_markdown_buffer(lsp):
    uri = lsp.uri("brain.md")
    found = await lsp.open(uri, lsp.example("pick-your-brain.md"), language_id="markdown")
    assert lsp.codes(found) == {"asks-without-giving", "vague-ask"}
    lsp.close(uri)


async def test_mail_buffer_headers_are_read_not_linted(lsp):
    headers = "From: Jeff <jeff@example.org>\nTo: Bob Stone <bob@example.org>\nSubject: Becky\n\n"
    uri = lsp.uri("compose-1")
    found = await lsp.open(uri, headers + lsp.example("jeff-becky.txt"), language_id="mail")
    assert lsp.codes(found) == JEFF_RULES
    assert all(d.range.start.line >= 4 for d in found)
    lsp.close(uri)


async def test_positions_are_utf16_after_emoji_and_accents(lsp, linter):
    from intro_lint.read.message import read_text

    text = (
        lsp.example("jeff-becky.txt")
        .replace("Hey Bob,", "Hey Bob 👋🏽,")
        .replace("It’s been a while.", "😀 Café crème ☕ — It’s been a while 🙈.")
    )
    uri = lsp.uri("emoji.txt")
    found = await lsp.open(uri, text)
    expected = {
        f.rule: text[f.start : f.end]
        for f in linter.lint([read_text(text, "emoji.txt")])[0].findings
    }
    assert lsp.codes(found) == set(expected) and "long-silence" in expected
    for d in found:
        assert lsp.text_in(text, d.range) == expected[d.code]
    silence = next(d for d in found if d.code == "long-silence")
    assert silence.range.start == types.Position(
        line=2, character=len("😀 Café crème ☕ — ".encode("utf-16-le")) // 2
    )
    lsp.close(uri)


async def test_did_save_republishes(lsp):
    uri = lsp.uri("saved.txt")
    await lsp.open(uri, lsp.example("jeff-becky.txt"))
    before = lsp.publish_count()
    lsp.client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert lsp.codes(await lsp.diagnostics(uri, 1, after=before - 1)) == JEFF_RULES
    lsp.close(uri)
