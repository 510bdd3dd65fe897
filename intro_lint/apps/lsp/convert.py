"""Code-point offsets <-> LSP positions (UTF-16 unless negotiated), and findings -> Diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lsprotocol import types

from intro_lint.check.catalogue import RuleSpec
from intro_lint.model import Finding
from intro_lint.positions import LineIndex

SOURCE = "intro-lint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def _utf16(chars: str) -> int:
    return len(chars.encode("utf-16-le", "surrogatepass")) // 2


def _utf8(chars: str) -> int:
    return len(chars.encode("utf-8", "surrogatepass"))


UNITS: dict[str, Callable[[str], int]] = {"utf-16": _utf16, "utf-8": _utf8, "utf-32": len}


def units_for(encoding: object) -> Callable[[str], int]:
    """The unit counter of a negotiated position encoding (a str or PositionEncodingKind)."""
    name = getattr(encoding, "value", encoding)  # PositionEncodingKind is a str Enum
    return UNITS.get(str(name or "utf-16"), _utf16)


class PositionMap:
    """One text's line starts: code-point offsets to client positions and back.

    The text is the linted, newline-normalised text; "\\r\\n" and "\\n" are one line break each
    in LSP too, so lines and columns match the editor's buffer whatever its line endings.
    """

    def __init__(self, text: str, encoding: str | None = "utf-16"):
        self.text = text
        self.index = LineIndex(text)
        self.units = units_for(encoding)

    def _line(self, number: int) -> tuple[int, str]:
        start = self.index.starts[number]
        end = self.text.find("\n", start)
        return start, self.text[start:] if end == -1 else self.text[start:end]

    def position(self, offset: int) -> types.Position:
        line, column = self.index.line_col(offset)
        start = self.index.starts[line - 1]
        return types.Position(
            line=line - 1, character=self.units(self.text[start : start + column - 1])
        )

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position; past a line's end means the line's end."""
        if position.line >= len(self.index.starts):
            return len(self.text)
        start, line = self._line(max(position.line, 0))
        return start + column_offset(line, position.character, self.units)


def column_offset(line: str, character: int, units: Callable[[str], int]) -> int:
    """The code points of `line` before a column in client units, clamped to the line's length.

    A column inside a character (between the two UTF-16 halves of an emoji) means the start of
    that character, so a client's odd position never splits one.
    """
    used = 0
    for n, char in enumerate(line):
        used += units(char)
        if used > character:
            return n
    return len(line)


def rule_href(spec: RuleSpec | None) -> str | None:
    """A file:// URI of the rule's TOML file (its explanation), when it has one."""
    if spec is None or not spec.path:
        return None
    return Path(spec.path).resolve().as_uri()


def diagnostic(
    finding: Finding, spec: RuleSpec | None, positions: PositionMap, uri: str
) -> types.Diagnostic:
    """A finding as an LSP Diagnostic: code = rule id, evidence as related information."""
    span = positions.range(finding.start, finding.end)
    href = rule_href(spec)
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=span), message=line
        )
        for line in finding.evidence
    ]
    return types.Diagnostic(
        range=span,
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.rule,
        source=SOURCE,
        code_description=types.CodeDescription(href=href) if href else None,
        related_information=related or None,
        data={"rule": finding.rule, "explain": f"intro-lint explain {finding.rule}"},
    )


def notice(code: str, message: str, severity: types.DiagnosticSeverity) -> types.Diagnostic:
    """A diagnostic about the buffer as a whole (too large, not text, bad configuration)."""
    origin = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=origin, end=origin),
        message=message,
        severity=severity,
        code=code,
        source=SOURCE,
    )
