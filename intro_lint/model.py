"""Plain pydantic values that flow one way: Message -> Finding -> Report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "error"]
Safety = Literal["safe", "unsafe", "suggestion"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Half-open character range [start, end) into Message.text."""

    start: int
    end: int


class Attachment(Frozen):
    filename: str
    content_type: str
    size: int


class Suppression(Frozen):
    """An inline `<!-- intro-lint: ignore[rule] reason -->` comment."""

    rules: tuple[str, ...]
    reason: str = ""
    span: Span


class Message(Frozen):
    """A draft as read from its source; every offset points into `text`."""

    path: str
    kind: Literal["text", "markdown", "email"]
    text: str
    body: Span  # the newest message only: no quoted history, no signature
    subject: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    quoted: tuple[Span, ...] = ()
    signature: Span | None = None


class Edit(Frozen):
    """Replace text[start:end] with `text`; an insertion has start == end."""

    start: int
    end: int
    text: str


class Fix(Frozen):
    title: str
    safety: Safety
    edits: tuple[Edit, ...] = ()


class Finding(Frozen):
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    evidence: tuple[str, ...] = ()
    fixes: tuple[Fix, ...] = ()
    confidence: float | None = None  # the learned decision's probability; None for a written rule


class LocatedFinding(Finding):
    """A finding with 1-based line/column, computed once at the edge."""

    line: int
    column: int


class Report(Frozen):
    path: str
    score: int
    grade: str
    subscores: dict[str, int]
    metrics: dict[str, float]
    findings: tuple[LocatedFinding, ...] = ()
    error: str | None = None


class Output(Frozen):
    """The versioned JSON document printed by `--format json`."""

    version: Literal[1] = 1
    reports: tuple[Report, ...] = ()
