"""Document sync: ranged edits counted in LSP lines (\\n, \\r\\n, \\r only) and UTF-16 columns."""

from __future__ import annotations

import pytest
from lsprotocol import types

from intro_lint.apps.lsp.documents import apply_change


def edit(line: int, character: int, end_line: int, end_character: int, text: str):
    span = types.Range(
        start=types.Position(line=line, character=character),
        end=types.Position(line=end_line, character=end_character),
    )
    return types.TextDocumentContentChangePartial(range=span, text=text)


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1e"])
def test_characters_python_splits_lines_at_are_not_line_breaks(odd):
    text = f"one{odd}two\nthree"
    assert apply_change(text, edit(1, 0, 1, 0, "X"), "utf-16") == f"one{odd}two\nXthree"


def test_crlf_and_lone_cr_are_one_line_break_each():
    text = "a\r\nb\rc\nd"
    assert apply_change(text, edit(2, 1, 3, 0, "|"), "utf-16") == "a\r\nb\rc|d"


def test_utf16_columns_count_astral_characters_twice():
    text = "\U0001f600e\u0301\u200dx"
    assert apply_change(text, edit(0, 2, 0, 4, ""), "utf-16") == "\U0001f600\u200dx"
    assert apply_change(text, edit(0, 1, 0, 1, "!"), "utf-8") == "!\U0001f600e\u0301\u200dx"


def test_a_column_inside_a_character_means_its_start():
    assert apply_change("\U0001f600b", edit(0, 1, 0, 1, "!"), "utf-16") == "!\U0001f600b"


def test_positions_past_a_line_or_the_text_are_clamped():
    text = "abc\ndef"
    assert apply_change(text, edit(0, 99, 0, 99, "!"), "utf-16") == "abc!\ndef"
    assert apply_change(text, edit(1, 99, 1, 99, "!"), "utf-16") == "abc\ndef!"
    assert apply_change(text, edit(7, 0, 9, 0, "!"), "utf-16") == "abc\ndef!"


def test_a_whole_document_change_replaces_the_text():
    change = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_change("old", change, "utf-16") == "new"
