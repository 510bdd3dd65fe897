"""Code actions applied to the text (safe, unsafe, ignore, fix-all) and hover content."""

from __future__ import annotations

import re

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Plain text that opens with RFC 5322 headers is read as a mail buffer: the To: name fills the
# greeting.
DRAFT = (
    "From: Carolyn Park <carolyn@example.org>\nTo: Dana Smith <dana@example.org>\n"
    "Subject: Staff designer role\n\n"
    "Hi,\n\nCould you introduce me to Priya Nair at Stripe about the staff designer role? "
    "My portfolio is at https://example.org/p.\n\nThanks,\nCarolyn\n"
)


async def open_draft(lsp, name):
    uri = lsp.uri(name)
    found = await lsp.open(uri, DRAFT)
    assert lsp.codes(found) == {"generic-blast", "asks-without-giving", "not-forwardable"}
    return uri, {d.code: d for d in found}


async def test_safe_fix_is_a_preferred_quick_fix(lsp):
    uri, diags = await open_draft(lsp, "safe.txt")
    actions = await lsp.actions(uri, diags["generic-blast"].range, [diags["generic-blast"]])
    preferred = [a for a in actions if a.is_preferred]
    assert [a.title for a in preferred] == ["Greet the reader by name"]
    assert preferred[0].kind == types.CodeActionKind.QuickFix
    assert preferred[0].diagnostics[0].code == "generic-blast"
    fixed = lsp.apply_edit(DRAFT, uri, preferred[0].edit)
    assert fixed == DRAFT.replace("\nHi,\n", "\nHi Dana,\n")
    version = lsp.replace(uri, fixed)
    assert "generic-blast" not in lsp.codes(await lsp.diagnostics(uri, version))
    lsp.close(uri)


async def test_unsafe_scaffold_is_a_separate_quick_fix(lsp, linter):
    from intro_lint.check.fixes.apply import apply_edits
    from intro_lint.read.message import read_text

    uri, diags = await open_draft(lsp, "unsafe.txt")
    actions = await lsp.actions(uri, diags["not-forwardable"].range, [diags["not-forwardable"]])
    blurb = next(a for a in actions if a.title.startswith("Add a self-contained note"))
    assert blurb.kind == types.CodeActionKind.QuickFix and not blurb.is_preferred
    assert "unsafe" in blurb.title
    fixed = lsp.apply_edit(DRAFT, uri, blurb.edit)
    assert "\n--- note to forward ---\nHi [name],\n" in fixed and fixed.endswith(
        "Thanks,\nCarolyn\n"
    )
    report = linter.lint([read_text(DRAFT, "unsafe.txt", kind="email")])[0]
    engine = next(f for f in report.findings if f.rule == "not-forwardable").fixes[0]
    assert fixed == apply_edits(
        DRAFT, list(engine.edits)
    )  # the same text `check --fix --unsafe-fixes` writes
    lsp.close(uri)


async def test_ignore_rule_here_inserts_the_suppression_at_the_top_of_the_body(lsp):
    uri, diags = await open_draft(lsp, "ignore.txt")
    actions = await lsp.actions(uri, diags["not-forwardable"].range, [diags["not-forwardable"]])
    ignore = next(a for a in actions if a.title == "Ignore not-forwardable in this draft")
    fixed = lsp.apply_edit(DRAFT, uri, ignore.edit)
    assert fixed == DRAFT.replace(
        "\n\nHi,\n", "\n\n<!-- intro-lint: ignore[not-forwardable] -->\nHi,\n"
    )
    version = lsp.replace(uri, fixed)
    assert lsp.codes(await lsp.diagnostics(uri, version)) == {
        "generic-blast",
        "asks-without-giving",
    }
    lsp.close(uri)


async def test_fix_all_safe_is_a_source_fix_all_action(lsp):
    uri, _ = await open_draft(lsp, "fixall.txt")
    actions = await lsp.actions(uri, lsp.whole(DRAFT), only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == [types.CodeActionKind.SourceFixAll]
    assert lsp.apply_edit(DRAFT, uri, actions[0].edit) == DRAFT.replace("\nHi,\n", "\nHi Dana,\n")
    quick = await lsp.actions(uri, lsp.whole(DRAFT), only=[types.CodeActionKind.QuickFix])
    assert quick and all(a.kind == types.CodeActionKind.QuickFix for a in quick)
    lsp.close(uri)


async def test_no_fix_all_when_nothing_is_safe(lsp):
    uri = lsp.uri("jeff-fixall.txt")
    text = lsp.example("jeff-becky.txt")
    await lsp.open(uri, text)
    assert await lsp.actions(uri, lsp.whole(text), only=[types.CodeActionKind.Source]) == []
    lsp.close(uri)


async def test_hover_explains_the_rule_the_evidence_and_the_fixes(lsp):
    from intro_lint.check.catalogue import load_catalogue

    uri = lsp.uri("jeff-hover.txt")
    text = lsp.example("jeff-becky.txt")
    found = {d.code: d for d in await lsp.open(uri, text)}
    hover = await lsp.hover(uri, found["vague-ask"].range.start)
    assert hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    why = " ".join(load_catalogue()["vague-ask"].why.split())
    assert "**vague-ask** (warning)" in value and why.split(".")[0].replace(
        "'", ""
    ) in value.replace("'", "")
    assert "**Why it fired**" in value and "open-ended: anyone" in value
    # the learned decision's odds and the passage that decided it, so the writer can disagree
    assert re.search(r"- model: vague-ask 0\.\d\d \(fires at 0\.\d\d\)", value)
    assert re.search(r'- passage: "[^"]+" \(\d\.\d\d\)', value)
    assert "Replace the open question with one specific request" in value
    assert "**no-attachment** (error)" in value  # every finding under the cursor
    assert await lsp.hover(uri, types.Position(line=0, character=0)) is None
    lsp.close(uri)
