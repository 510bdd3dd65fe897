"""pytest-lsp fixtures: a real `python -m intro_lint.apps.lsp` process per test module; helpers."""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

# Tests mark themselves with `pytestmark = pytest.mark.asyncio(loop_scope="module")`: pytest-asyncio
# runs in strict mode here and the server fixture below lives for one test module.

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
WAIT_SECONDS = 120
# No user config file and no INTRO_LINT_* variables may leak into the server under test.
NO_USER_CONFIG = tempfile.mkdtemp(prefix="intro-lint-lsp-xdg-")
SERVER_ENV = {k: v for k, v in os.environ.items() if not k.startswith("INTRO_LINT_")}
SERVER_ENV.update(XDG_CONFIG_HOME=NO_USER_CONFIG, NO_COLOR="1")


def record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    """Like pytest-lsp's own handler, but keeps the version and every publish in order."""
    client.diagnostics[params.uri] = params.diagnostics
    client.published[params.uri] = params
    client.history.append(params)


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: record_diagnostics})
    client.published, client.history = {}, []
    return client


CONFIG = ClientServerConfig(
    server_command=[sys.executable, "-m", "intro_lint.apps.lsp"],
    client_factory=make_client,
    server_env=SERVER_ENV,
)


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def client(lsp_client: LanguageClient, request):
    """The test module's INIT_OPTIONS, if any, go to the server as initializationOptions."""
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            initialization_options=getattr(request.module, "INIT_OPTIONS", None),
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture(scope="module")
def lsp(client, tmp_path_factory):
    return Session(client, tmp_path_factory.mktemp("drafts"))


def example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


class Session:
    """Open, change and query documents; await diagnostics by document version, not by sleeping."""

    root, env = ROOT, SERVER_ENV  # for tests that run the CLI beside the server

    def __init__(self, client: LanguageClient, folder: Path):
        self.client = client
        self.folder = folder
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.by_version: dict[tuple[str, int], str] = {}  # every text sent, by (uri, version)

    def uri(self, name: str, folder: Path | None = None) -> str:
        return ((folder or self.folder) / name).as_uri()

    async def open(
        self, uri: str, text: str, language_id: str = "plaintext"
    ) -> list[types.Diagnostic]:
        self.versions[uri], self.texts[uri] = 1, text
        self.by_version[uri, 1] = text
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id=language_id, version=1, text=text
                )
            )
        )
        return await self.diagnostics(uri, 1)

    def replace(self, uri: str, text: str) -> int:
        """Send the whole new text; returns the new version."""
        return self._change(uri, text, types.TextDocumentContentChangeWholeDocument(text=text))

    def insert(self, uri: str, offset: int, new: str) -> int:
        """An incremental change: insert `new` at a code-point offset; returns the new version."""
        return self.edit(uri, offset, offset, new)

    def edit(self, uri: str, start: int, end: int, new: str) -> int:
        """An incremental change: code points [start, end) become `new`; returns the new version."""
        text = self.texts[uri]
        span = types.Range(start=position_at(text, start), end=position_at(text, end))
        change = types.TextDocumentContentChangePartial(range=span, text=new)
        return self._change(uri, text[:start] + new + text[end:], change)

    def _change(self, uri: str, text: str, change) -> int:
        self.versions[uri] += 1
        self.texts[uri] = text
        self.by_version[uri, self.versions[uri]] = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[change],
            )
        )
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    def publish_count(self) -> int:
        return len(self.client.history)

    async def diagnostics(self, uri: str, version: int, after: int = -1) -> list[types.Diagnostic]:
        """The diagnostics published for `version` (and after publish number `after`, if given)."""
        async with asyncio.timeout(WAIT_SECONDS):
            while True:
                got = [p for p in self.client.history[after + 1 :] if p.uri == uri]
                if got and got[-1].version == version:
                    return list(got[-1].diagnostics)
                await self.client.wait_for_notification(PUBLISH)

    async def actions(
        self, uri: str, span: types.Range, diagnostics=(), only=None
    ) -> list[types.CodeAction]:
        context = types.CodeActionContext(diagnostics=list(diagnostics), only=only)
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=span, context=context
            )
        )
        return list(result or [])

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=position
            )
        )


# --- UTF-16 positions, computed independently of the server's own conversion ---------------------

# LSP's line breaks, and only these: U+2028, U+0085 and form feed are ordinary characters.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines_of(text: str) -> list[tuple[int, str]]:
    """Each line's start offset and its text without the line break, as LSP counts lines."""
    lines, start = [], 0
    for brk in LINE_BREAK.finditer(text):
        lines.append((start, text[start : brk.start()]))
        start = brk.end()
    return [*lines, (start, text[start:])]


def units(chars: str) -> int:
    return len(chars.encode("utf-16-le", "surrogatepass")) // 2


def position_at(text: str, offset: int) -> types.Position:
    lines = lines_of(text)
    line = max(n for n, (start, _) in enumerate(lines) if start <= offset)
    start = lines[line][0]
    return types.Position(line=line, character=units(text[start:offset]))


def offset_at(text: str, position: types.Position) -> int:
    lines = lines_of(text)
    if position.line >= len(lines):
        return len(text)
    start, line = lines[position.line]
    used = 0
    for n, char in enumerate(line):
        if used >= position.character:
            return start + n
        used += units(char)
    return start + len(line)


def inside(text: str, span: types.Range) -> bool:
    """Whether a range lies within the text: existing lines, columns within each line, in order."""
    lines = lines_of(text)
    ends = (span.start, span.end)
    if any(p.line >= len(lines) or p.character > units(lines[p.line][1]) for p in ends):
        return False
    return (span.start.line, span.start.character) <= (span.end.line, span.end.character)


def text_in(text: str, span: types.Range) -> str:
    return text[offset_at(text, span.start) : offset_at(text, span.end)]


def apply_edit(text: str, uri: str, edit: types.WorkspaceEdit) -> str:
    """Apply a WorkspaceEdit's TextEdits for `uri` to `text`, last edit first."""
    edits = sorted(
        edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    )
    for e in edits:
        text = (
            text[: offset_at(text, e.range.start)]
            + e.new_text
            + text[offset_at(text, e.range.end) :]
        )
    return text


def whole(text: str) -> types.Range:
    return types.Range(start=types.Position(line=0, character=0), end=position_at(text, len(text)))


def codes(diagnostics) -> set[str]:
    return {d.code for d in diagnostics}


for _helper in (example, position_at, offset_at, text_in, apply_edit, whole, codes, inside):
    setattr(
        Session, _helper.__name__, staticmethod(_helper)
    )  # tests reach helpers as lsp.text_in(...)
