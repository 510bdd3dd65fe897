"""Document sync by the protocol's own rules: LSP lines and columns, not pygls's str.splitlines."""

from __future__ import annotations

import re
from urllib.parse import unquote

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol, lsp_method

from intro_lint.apps.lsp.convert import column_offset, units_for

# LSP's line breaks are "\r\n", "\r" and "\n" only. pygls 2.1 splits lines with
# str.splitlines(), which also breaks at U+2028, U+2029, U+0085, form feed, vertical tab and
# \x1c-\x1e, and clamps a column past the last line's end to one character short of it: its copy
# of a buffer holding such characters drifts from the editor's after incremental edits.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Each line's start and end offsets, the end before its line break."""
    spans, start = [], 0
    for brk in LINE_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def offset_of(text: str, spans: list[tuple[int, int]], position: types.Position, units) -> int:
    """A client position as a code-point offset; past the last line means the end of the text."""
    if position.line >= len(spans):
        return len(text)
    start, end = spans[position.line]
    return start + column_offset(text[start:end], position.character, units)


def apply_change(text: str, change: types.TextDocumentContentChangeEvent, encoding) -> str:
    """The text after one content change (a ranged edit, or the whole new text)."""
    if not isinstance(change, types.TextDocumentContentChangePartial):
        return change.text
    spans, units = line_spans(text), units_for(encoding)
    start = offset_of(text, spans, change.range.start, units)
    end = offset_of(text, spans, change.range.end, units)
    start, end = min(start, end), max(start, end)
    return text[:start] + change.text + text[end:]


class SyncProtocol(LanguageServerProtocol):
    """pygls's protocol, with didChange applied by apply_change and stored as a whole text."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        doc = self.workspace.text_documents.get(unquote(params.text_document.uri))
        if doc is not None:
            text, encoding = doc.source, self.workspace.position_encoding
            for change in params.content_changes:
                text = apply_change(text, change, encoding)
            whole = types.TextDocumentContentChangeWholeDocument(text=text)
            self.workspace.update_text_document(params.text_document, whole)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None
