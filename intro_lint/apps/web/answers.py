"""What the page asks and what it gets back: a draft in, its report with UTF-16 offsets out."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from intro_lint.check.kinds.mission import UNFILLED_RX
from intro_lint.linter import Linter
from intro_lint.model import Attachment, Message, Report
from intro_lint.read.message import read_text

# Offsets the page gets are UTF-16 code units, as JavaScript strings count them, into the text
# the page sent (line breaks as "\n", which is what a browser's textarea holds).


class Draft(BaseModel):
    """One lint request: the draft, optional To and Subject, what an opened .eml had attached."""

    model_config = ConfigDict(extra="forbid")

    text: str
    to: str = Field(default="", max_length=500)
    subject: str = Field(default="", max_length=500)
    attachments: list[Attachment] = Field(default_factory=list, max_length=50)
    client: str = Field(default="", max_length=64)  # a tab's id: its older queued lints are dropped
    seq: int = 0


class WebEdit(BaseModel):
    start: int
    end: int
    text: str


class WebFix(BaseModel):
    title: str
    safety: str
    edits: list[WebEdit]


class WebFinding(BaseModel):
    rule: str
    severity: str
    message: str
    why: str
    source: str
    evidence: list[str]
    start: int
    end: int
    placeholder: bool  # the finding is a leftover [placeholder] to fill in
    fixes: list[WebFix]


class Forwardable(BaseModel):
    """The note the engine found that the connector could forward as it stands, if any."""

    text: str
    start: int
    end: int
    self_contained: bool
    problems: list[str]


class Answer(BaseModel):
    seq: int
    stale: bool = False
    score: int = 0
    grade: str = "-"
    subscores: dict[str, int] = Field(default_factory=dict)
    findings: list[WebFinding] = Field(default_factory=list)
    forwardable: Forwardable | None = None
    is_request: bool = False


def message_of(draft: Draft) -> Message:
    """The draft as the engine reads an editor buffer, with its To, Subject and attachments."""
    message = read_text(draft.text, "draft.txt")
    headers = {k: v.strip() for k, v in (("To", draft.to), ("Subject", draft.subject)) if v.strip()}
    return message.model_copy(
        update={
            "headers": headers,
            "subject": headers.get("Subject"),
            "attachments": tuple(draft.attachments),
        }
    )


class Units:
    """Code-point offsets of one text -> UTF-16 code units."""

    def __init__(self, text: str):
        self.at = [0]
        for ch in text:
            self.at.append(self.at[-1] + (2 if ord(ch) > 0xFFFF else 1))

    def __call__(self, offset: int) -> int:
        return self.at[max(0, min(offset, len(self.at) - 1))]


def answer(linter: Linter, draft: Draft) -> Answer:
    """Lint the draft once: the report, each finding's explanation, the forwardable note."""
    message = message_of(draft)
    analysis = next(linter.analyse_many([message]))
    report: Report = linter.report(analysis)
    text, units = message.text, Units(message.text)
    findings = [
        WebFinding(
            rule=f.rule,
            severity=f.severity,
            message=f.message,
            why=" ".join(linter.rules[f.rule].why.split()) if f.rule in linter.rules else "",
            source=linter.rules[f.rule].source if f.rule in linter.rules else "",
            evidence=list(f.evidence),
            start=units(f.start),
            end=units(f.end),
            placeholder=UNFILLED_RX.fullmatch(text[f.start : f.end]) is not None,
            fixes=[
                WebFix(
                    title=x.title,
                    safety=x.safety,
                    edits=[
                        WebEdit(start=units(e.start), end=units(e.end), text=e.text)
                        for e in x.edits
                    ],
                )
                for x in f.fixes
            ],
        )
        for f in report.findings
    ]
    blurb = analysis.blurb
    note = None
    if blurb is not None:
        note = Forwardable(
            text=text[blurb.start : blurb.end].strip(),
            start=units(blurb.start),
            end=units(blurb.end),
            self_contained=blurb.self_contained,
            problems=list(blurb.problems),
        )
    return Answer(
        seq=draft.seq,
        score=report.score,
        grade=report.grade,
        subscores=report.subscores,
        findings=findings,
        forwardable=note,
        is_request=bool(analysis.asks),
    )
