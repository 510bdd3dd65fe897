"""The pygls server: document sync, published diagnostics, code actions, hover, client settings."""

from __future__ import annotations

import asyncio
import functools
import inspect
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from intro_lint import __version__
from intro_lint.apps.lsp.actions import FIX_ALL, QUICKFIX, code_actions
from intro_lint.apps.lsp.drafts import Result, Snapshot, lint_buffer
from intro_lint.apps.lsp.hover import hover
from intro_lint.apps.lsp.options import SECTIONS, Options
from intro_lint.apps.lsp.schedule import Latest


class IntroLintServer(LanguageServer):
    """A LanguageServer with one lint thread, the latest Result per document, and settings."""

    def __init__(self) -> None:
        super().__init__(
            "intro-lint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.options = Options()
        self.results: dict[str, Result] = {}
        self.latest = Latest(self.lint_and_publish)
        # One thread: spaCy parses one draft at a time; Latest keeps at most one waiting job
        # per document.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intro-lint")
        self.logged: set[str] = set()

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def snapshot(self, uri: str) -> Snapshot | None:
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        folder = Path(path).parent if path else (self.options.root or Path.cwd())
        return Snapshot(uri, path or uri, doc.language_id, doc.source, doc.version, folder)

    async def run_lint(self, snap: Snapshot) -> Result:
        encoding = self.workspace.position_encoding
        return await asyncio.get_running_loop().run_in_executor(
            self.worker, lint_buffer, self.options, snap, encoding
        )

    async def lint_and_publish(self, uri: str) -> None:
        """Lint the current text; publish unless the document changed meanwhile (then it reruns)."""
        try:
            snap = self.snapshot(uri)
            if snap is None:
                return
            result = await self.run_lint(snap)
            current = self.snapshot(uri)
            if current is None or current.version != snap.version:
                return
            self.results[uri] = result
            self.log_problem(result)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=result.diagnostics(), version=snap.version
                )
            )
        except Exception:
            self.log(
                f"intro-lint: linting {uri} failed:\n{traceback.format_exc()}",
                types.MessageType.Error,
            )

    async def current_result(self, uri: str) -> Result | None:
        """The Result for the document's current version, linting it now if need be."""
        snap = self.snapshot(uri)
        if snap is None:
            return None
        cached = self.results.get(uri)
        if (
            cached is not None
            and cached.version == snap.version
            and cached.snapshot.text == snap.text
        ):
            return cached
        result = await self.run_lint(snap)
        self.results[uri] = result
        return result

    def log_problem(self, result: Result) -> None:
        if result.problem and result.problem not in self.logged:
            self.logged.add(result.problem)
            self.log(f"intro-lint: {result.problem}", types.MessageType.Error)

    def configure(self, raw: object) -> None:
        ignored = self.options.configure(raw)
        if ignored:
            self.log(
                f"intro-lint: ignoring unknown settings: {', '.join(map(str, ignored))}",
                types.MessageType.Warning,
            )

    async def warm(self) -> None:
        """Load the pipeline and textstat before the first draft arrives."""
        started = time.perf_counter()
        folder = self.options.root or Path.cwd()
        name = await asyncio.get_running_loop().run_in_executor(
            self.worker, self.options.warm, folder
        )
        self.log(
            f"intro-lint {__version__}: pipeline {name} ready in "
            f"{time.perf_counter() - started:.2f} s"
        )


def guarded(fn):
    """Catch and log a handler's exception: one bad buffer or request never stops the server."""

    def report(ls: IntroLintServer) -> None:
        ls.log(
            f"intro-lint: {fn.__name__} failed:\n{traceback.format_exc()}", types.MessageType.Error
        )

    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def run_async(ls, params):
            try:
                return await fn(ls, params)
            except Exception:
                report(ls)
                return None

        return run_async

    @functools.wraps(fn)
    def run(ls, params):
        try:
            return fn(ls, params)
        except Exception:
            report(ls)
            return None

    return run


def root_of(params: types.InitializeParams) -> Path | None:
    folders = params.workspace_folders or []
    uri = folders[0].uri if folders else params.root_uri
    path = to_fs_path(uri) if uri else params.root_path
    return Path(path) if path else None


server = IntroLintServer()


@server.feature(types.INITIALIZE)
@guarded
def initialize(ls: IntroLintServer, params: types.InitializeParams) -> None:
    ls.options.root = root_of(params)
    ls.configure(params.initialization_options)


@server.feature(types.INITIALIZED)
@guarded
async def initialized(ls: IntroLintServer, params: types.InitializedParams) -> None:
    try:
        await ls.warm()
    except Exception as exc:  # a bad project file or pipeline: each draft's lint will say so
        ls.log(f"intro-lint: warm-up failed: {exc}", types.MessageType.Warning)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guarded
def did_open(ls: IntroLintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.latest.request(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guarded
def did_change(ls: IntroLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.latest.request(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
@guarded
def did_save(ls: IntroLintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.latest.request(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guarded
def did_close(ls: IntroLintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.latest.forget(uri)
    ls.results.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
@guarded
async def did_change_configuration(
    ls: IntroLintServer, params: types.DidChangeConfigurationParams
) -> None:
    settings = params.settings
    if settings is None and _can_pull_configuration(ls):
        pulled = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTIONS[0])])
        )
        settings = pulled[0] if pulled else None
    ls.configure(settings)
    ls.results.clear()
    for uri in list(ls.workspace.text_documents):
        ls.latest.request(uri)


def _can_pull_configuration(ls: IntroLintServer) -> bool:
    workspace = ls.client_capabilities.workspace
    return bool(workspace and workspace.configuration)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[QUICKFIX, FIX_ALL], resolve_provider=False),
)
@guarded
async def code_action(
    ls: IntroLintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    result = await ls.current_result(params.text_document.uri)
    return code_actions(result, params) if result is not None else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
@guarded
async def on_hover(ls: IntroLintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current_result(params.text_document.uri)
    return hover(result, params.position) if result is not None else None


def serve_stdio() -> None:
    """Serve on stdin/stdout; anything else printed goes to stderr, never into the protocol."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
