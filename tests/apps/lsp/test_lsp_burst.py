"""Rapid edits: newest version wins, stale lints are dropped, the result matches the final text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="module")

TYPED = " I'm looking for a new role, do you know anyone hiring? Any advice helps!"
# a friendly note the typed ask turns into a request the rules flag
START = "Hi Sam,\n\nLong time no talk! Hope the new job is treating you well.\n\nThanks,\nJo\n"


def oracle(linter, text: str) -> set[tuple[str, str]]:
    """(rule, flagged text) pairs from linting the same text in this process."""
    from intro_lint.read.message import read_text

    return {
        (f.rule, text[f.start : f.end])
        for f in linter.lint([read_text(text, "draft.txt")])[0].findings
    }


def seen(lsp, text: str, diagnostics) -> set[tuple[str, str]]:
    return {(d.code, lsp.text_in(text, d.range)) for d in diagnostics}


async def test_twenty_incremental_edits_end_in_the_final_texts_diagnostics(lsp, linter):
    uri = lsp.uri("typing.txt")
    text = START
    assert len(await lsp.open(uri, text)) == 0
    start = lsp.publish_count()
    at = text.index("\n\nThanks,")
    chunks = [TYPED[i : i + 3] for i in range(0, len(TYPED), 3)][:20]
    assert len(chunks) == 20
    for chunk in chunks:
        version = lsp.insert(uri, at, chunk)
        at += len(chunk)
    final = lsp.texts[uri]
    assert version == 21 and "do you know anyone hiring? Any " in final
    found = await lsp.diagnostics(uri, version)
    assert seen(lsp, final, found) == oracle(linter, final) != set()
    versions = [p.version for p in lsp.client.history[start:] if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 21
    assert len(versions) < 20  # intermediate versions were dropped, not queued
    lsp.close(uri)


async def test_twenty_whole_document_replacements(lsp, linter):
    uri = lsp.uri("swapping.txt")
    good, bad = lsp.example("reconnect-give-first.txt"), lsp.example("jeff-becky.txt")
    await lsp.open(uri, good)
    for n in range(20):
        version = lsp.replace(uri, bad if n % 2 else good)
    found = await lsp.diagnostics(uri, version)
    assert seen(lsp, bad, found) == oracle(linter, bad)
    hover = await lsp.hover(uri, found[0].range.start)  # still answering, on the final text
    assert hover is not None
    lsp.close(uri)
