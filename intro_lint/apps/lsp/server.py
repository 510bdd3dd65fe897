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
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from intro_lint import __version__
from intro_lint.apps.lsp.actions import FIX_ALL, QUICKFIX, code_actions
from intro_lint.apps.lsp.documents import SyncProtocol
from intro_lint.apps.lsp.drafts import Result, Snapshot, lint_buffer
from intro_lint.apps.lsp.hover import hover
from intro_lint.apps.lsp.options import SECTIONS, Options
from intro_lint.apps.lsp.schedule import Latest
from intro_lint.errors import IntroLintError

SHOW_CONFIG = "intro-lint.showConfig"


class IntroLintServer(LanguageServer):
    """A LanguageServer with one lint thread, the latest Result per document, and settings."""

    def __init__(self) -> None:
        super().__init__(
            "intro-lint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=SyncProtocol,
        )
        self.options = Options()
        self.results: dict[str, Result] = {}
        # the lint under way per document, shared by the publisher and by hover/code actions
        self.inflight: dict[str, tuple[Snapshot, int, asyncio.Future]] = {}
        self.generation = 0  # bumped by every settings change: older results are stale
        self.latest = Latest(self.lint_and_publish)
        # One thread: spaCy parses one draft at a time; Latest keeps at most one waiting job
        # per document.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intro-lint")
        self.logged: set[str] = set()

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def snapshot(self, uri: str) -> Snapshot | None:
        doc = self.workspace.text_documents.get(unquote(uri))  # pygls keys documents unquoted
        if doc is None:
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Snapshot(
            uri, path or uri, doc.language_id, doc.source, doc.version, self.folder_of(uri)
        )

    def is_current(self, snap: Snapshot, generation: int) -> bool:
        """Whether the document still holds this text and the settings are unchanged."""
        now = self.snapshot(snap.uri)
        return now is not None and generation == self.generation and same_text(now, snap)

    async def result_for(self, snap: Snapshot) -> Result:
        """The Result for a snapshot: cached, the lint of it already under way, or a new lint."""
        cached = self.results.get(snap.uri)
        if cached is not None and same_text(cached.snapshot, snap):
            return cached
        running = self.inflight.get(snap.uri)
        if running is not None and running[1] == self.generation and running[0] == snap:
            return await asyncio.shield(running[2])
        generation = self.generation
        future = asyncio.get_running_loop().run_in_executor(
            self.worker, lint_buffer, self.options, snap, self.workspace.position_encoding
        )
        self.inflight[snap.uri] = (snap, generation, future)
        try:
            result = await asyncio.shield(future)  # a cancelled waiter leaves it to the others
        finally:
            if self.inflight.get(snap.uri, (None, None, None))[2] is future:
                del self.inflight[snap.uri]
        if self.is_current(snap, generation):
            self.results[snap.uri] = result
        return result

    async def lint_and_publish(self, uri: str) -> None:
        """Lint the current text; publish unless the document changed meanwhile (then it reruns)."""
        try:
            snap, generation = self.snapshot(uri), self.generation
            if snap is None:
                return
            result = await self.result_for(snap)
            if not self.is_current(snap, generation):
                return
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
        return None if snap is None else await self.result_for(snap)

    def log_problem(self, result: Result) -> None:
        if result.problem and result.problem not in self.logged:
            self.logged.add(result.problem)
            self.log(f"intro-lint: {result.problem}", types.MessageType.Error)

    def folder_of(self, uri: object) -> Path:
        """A document URI's folder; the workspace root (or the cwd) for anything else."""
        path = to_fs_path(uri) if isinstance(uri, str) and uri.startswith("file:") else None
        return Path(path).parent if path else (self.options.root or Path.cwd())

    def settings_text(self, folder: Path) -> str:
        """`intro-lint config show` for the folder, editor settings included, or the error."""
        try:
            return self.options.show(folder)
        except IntroLintError as exc:
            return f"intro-lint: {exc}"

    def configure(self, raw: object) -> None:
        ignored = self.options.configure(raw)
        self.generation += 1
        self.results.clear()
        folder = self.folder_of(None)
        self.log(f"intro-lint: settings for {folder} (config show):\n{self.settings_text(folder)}")
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


def same_text(a: Snapshot, b: Snapshot) -> bool:
    return (a.version, a.text) == (b.version, b.text)


def guarded(fn):
    """Catch and log a notification handler's exception: one bad buffer never stops the server."""

    @functools.wraps(fn)
    async def run_async(ls, params):
        try:
            return await fn(ls, params)
        except Exception:
            report(ls, fn)

    @functools.wraps(fn)
    def run(ls, params):
        try:
            return fn(ls, params)
        except Exception:
            report(ls, fn)

    return run_async if inspect.iscoroutinefunction(fn) else run


def answered(fn):
    """A request handler's exception is logged and answered as an error, never as a silent null."""

    @functools.wraps(fn)
    async def run(ls, params):
        try:
            return await fn(ls, params)
        except Exception as exc:
            report(ls, fn)
            raise JsonRpcInternalError(f"intro-lint: {fn.__name__} failed: {exc}") from None

    return run


def report(ls: IntroLintServer, fn) -> None:
    ls.log(f"intro-lint: {fn.__name__} failed:\n{traceback.format_exc()}", types.MessageType.Error)


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
    for doc in list(ls.workspace.text_documents.values()):
        ls.latest.request(doc.uri)  # the client's URI: the workspace keys them unquoted


def _can_pull_configuration(ls: IntroLintServer) -> bool:
    workspace = ls.client_capabilities.workspace
    return bool(workspace and workspace.configuration)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[QUICKFIX, FIX_ALL], resolve_provider=False),
)
@answered
async def code_action(
    ls: IntroLintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    result = await ls.current_result(params.text_document.uri)
    return code_actions(result, params) if result is not None else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
@answered
async def on_hover(ls: IntroLintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current_result(params.text_document.uri)
    return hover(result, params.position) if result is not None else None


@server.command(SHOW_CONFIG)
def show_config(ls: IntroLintServer, *args: object) -> str:
    """`config show` for a document's folder (the first argument, its URI) or the workspace."""
    text = ls.settings_text(ls.folder_of(args[0] if args else None))
    ls.log(text)
    return text


def serve_stdio() -> None:
    """Serve on stdin/stdout; anything else printed goes to stderr, never into the protocol."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
