"""Lint one snapshot of a buffer (in the worker thread) into a Result the features share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from intro_lint.apps.lsp.buffers import kind_of, not_text, too_large
from intro_lint.apps.lsp.convert import PositionMap, diagnostic, notice
from intro_lint.apps.lsp.options import Options
from intro_lint.check.catalogue import RuleSpec
from intro_lint.errors import IntroLintError
from intro_lint.linter import linter_for
from intro_lint.model import Finding, Message
from intro_lint.read.decode import normalise
from intro_lint.read.message import read_text


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
            return _notice(
                snap, encoding, "too-large", oversize, types.DiagnosticSeverity.Information
            )
        binary = not_text(snap.text)
        if binary:
            return _notice(snap, encoding, "not-text", binary, types.DiagnosticSeverity.Information)
        linter = linter_for(settings)
    except IntroLintError as exc:
        result = _notice(
            snap, encoding, "config-error", f"intro-lint: {exc}", types.DiagnosticSeverity.Error
        )
        result.problem = str(exc)
        return result
    message = read_text(snap.text, snap.path, kind_of(snap.language_id, snap.path, snap.text))
    positions = PositionMap(message.text, encoding)
    if not message.text.strip():
        return Result(snap, positions, message)
    analysis = next(linter.analyse_many([message]))
    found = tuple(linter.findings(analysis))
    return Result(snap, positions, message, found, linter.rules)


def _notice(snap: Snapshot, encoding: str | None, code: str, text: str, severity) -> Result:
    positions = PositionMap("" if code == "too-large" else normalise(snap.text), encoding)
    return Result(snap, positions, notices=(notice(code, text, severity),))
