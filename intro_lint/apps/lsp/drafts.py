"""Lint one snapshot of a buffer (in the worker thread) into a Result the features share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from intro_lint.apps.lsp.buffers import kind_of, not_text, too_large
from intro_lint.apps.lsp.convert import PositionMap, diagnostic, notice
from intro_lint.apps.lsp.mime import body_is_blank, is_saved_message, place, placement, read_saved
from intro_lint.apps.lsp.options import Options
from intro_lint.check.catalogue import RuleSpec
from intro_lint.errors import InputError, IntroLintError
from intro_lint.linter import linter_for
from intro_lint.model import Finding, Message
from intro_lint.read.decode import normalise
from intro_lint.read.message import read_text

INFO = types.DiagnosticSeverity.Information


@dataclass(frozen=True)
class Snapshot:
    """A buffer as it was when a lint started."""

    uri: str
    path: str
    language_id: str | None
    text: str
    version: int | None
    folder: Path


@dataclass
class Result:
    """What one lint found in one version of a buffer, with the positions to report it."""

    snapshot: Snapshot
    positions: PositionMap
    message: Message | None = None
    findings: tuple[Finding, ...] = ()
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    notices: tuple[types.Diagnostic, ...] = ()
    problem: str | None = None  # a configuration error worth a log line
    ignore_at: int | None = None  # where "ignore RULE" comments go; None: no edits in this buffer

    @property
    def version(self) -> int | None:
        return self.snapshot.version

    def diagnostics(self) -> list[types.Diagnostic]:
        uri = self.snapshot.uri
        found = [diagnostic(f, self.rules.get(f.rule), self.positions, uri) for f in self.findings]
        return [*self.notices, *found]


def lint_buffer(options: Options, snap: Snapshot, encoding: str | None) -> Result:
    """Findings for the snapshot, or one notice when it is too large, binary, or misconfigured."""
    try:
        settings = options.settings_for(snap.folder)
        oversize = too_large(snap.text, settings.max_bytes)
        if oversize:  # checked first: no copy or scan of a huge buffer
            return _notice(snap, encoding, "too-large", oversize, INFO)
        binary = not_text(snap.text)
        if binary:
            return _notice(snap, encoding, "not-text", binary, INFO)
        linter = linter_for(settings)
    except IntroLintError as exc:
        result = _notice(
            snap, encoding, "config-error", f"intro-lint: {exc}", types.DiagnosticSeverity.Error
        )
        result.problem = str(exc)
        return result
    kind = kind_of(snap.language_id, snap.path, snap.text)
    text = normalise(snap.text)
    if kind == "email" and is_saved_message(snap.path, text):
        saved = _lint_saved(linter, snap, text, settings.max_bytes, encoding)
        if saved is not None:
            return saved
    message = read_text(text, snap.path, kind)
    result = Result(snap, PositionMap(message.text, encoding), message)
    result.ignore_at = body_line_start(message.text, message.body.start)
    if message.text.strip():
        result.findings, result.rules = _findings(linter, message), linter.rules
    return result


def _lint_saved(linter, snap: Snapshot, text: str, max_bytes: int, encoding) -> Result | None:
    """A saved email, read as `check` reads it; findings placed back on the buffer (mime.py).

    None when `check` would not read the buffer as an email, or a compose buffer (not `.eml`)
    has MIME it cannot read yet: it is then read as a compose buffer.
    """
    if body_is_blank(text):  # a message still being written: nothing to say yet
        return Result(snap, PositionMap(text, encoding))
    try:
        message = read_saved(text, snap.path, max_bytes)
    except InputError as exc:
        if not snap.path.lower().endswith(".eml"):
            return None
        return _notice(snap, encoding, "not-read", f"intro-lint: {exc}", INFO)
    if message is None:
        return None
    where = placement(text, message.text)
    result = Result(snap, PositionMap(text, encoding), message, rules=linter.rules)
    result.findings = place(_findings(linter, message), where)
    at = where.offset(message.body.start)
    result.ignore_at = None if at is None else body_line_start(text, at)
    return result


def _findings(linter, message: Message) -> tuple[Finding, ...]:
    return tuple(linter.findings(next(linter.analyse_many([message]))))


def body_line_start(text: str, body_start: int) -> int:
    """Where a line above the body's first line goes (the ignore comment)."""
    return text.rfind("\n", 0, min(body_start, len(text))) + 1


def _notice(snap: Snapshot, encoding: str | None, code: str, text: str, severity) -> Result:
    positions = PositionMap("" if code == "too-large" else normalise(snap.text), encoding)
    return Result(snap, positions, notices=(notice(code, text, severity),))
