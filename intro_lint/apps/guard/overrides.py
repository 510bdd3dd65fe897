"""Sending anyway: the `X-Intro-Lint: skip` header fields of the raw message and INTRO_LINT_SKIP."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SKIP_HEADER = "X-Intro-Lint"
SKIP_VALUE = "skip"
SKIP_ENV = "INTRO_LINT_SKIP"
SKIP_ENV_TRUE = frozenset({"1", "true", "yes", "on"})
_LINE = re.compile(rb"[^\n]*\n|[^\n]+")
_FIELD_NAME = re.compile(rb"([\x21-\x39\x3b-\x7e]+):")  # the stdlib parser's field names


def env_skip(env: Mapping[str, str]) -> bool:
    """INTRO_LINT_SKIP=1 (or true, yes, on) sends without checking."""
    return env.get(SKIP_ENV, "").strip().lower() in SKIP_ENV_TRUE


@dataclass(frozen=True)
class Field:
    """A header field of the raw message: its name and bytes [start, end), folded lines included."""

    name: str
    start: int
    end: int

    def value(self, data: bytes) -> str:
        raw = data[self.start : self.end].split(b":", 1)[1]
        return " ".join(raw.decode("latin-1").split())


def header_fields(data: bytes) -> list[Field]:
    """The top-level header fields, read from the bytes as they are (nothing decoded or rewritten).

    As in the stdlib parser, the block ends at the first line that is neither a field nor a folded
    continuation line (normally the empty line); a leading mbox "From " line is passed over.
    """
    fields: list[Field] = []
    for match in _LINE.finditer(data):
        line, start = match.group(), match.start()
        if start == 0 and line.startswith(b"From "):
            continue
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] = Field(fields[-1].name, fields[-1].start, match.end())
            continue
        name = _FIELD_NAME.match(line)
        if name is None:
            break
        fields.append(Field(name.group(1).decode("ascii"), start, match.end()))
    return fields


def skip_fields(data: bytes) -> list[Field]:
    """The `X-Intro-Lint: skip` fields (name and value in any case)."""
    return [f for f in header_fields(data) if _is_ours(f) and f.value(data).lower() == SKIP_VALUE]


def other_override_values(data: bytes) -> list[str]:
    """Values of X-Intro-Lint fields that are not `skip`: left in place, worth a warning."""
    return [
        f.value(data)
        for f in header_fields(data)
        if _is_ours(f) and f.value(data).lower() != SKIP_VALUE
    ]


def _is_ours(field: Field) -> bool:
    return field.name.lower() == SKIP_HEADER.lower()


def strip_fields(data: bytes, fields: Sequence[Field]) -> bytes:
    """The bytes with exactly these fields' lines cut out; every other byte stays as it was."""
    out, pos = [], 0
    for field in sorted(fields, key=lambda f: f.start):
        out.append(data[pos : field.start])
        pos = field.end
    out.append(data[pos:])
    return b"".join(out)
