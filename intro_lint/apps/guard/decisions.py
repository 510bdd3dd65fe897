"""The pre-send guard's decisions: its arguments, the skip overrides, the verdict and the hand-off."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from intro_lint.settings.fields import Settings
from intro_lint.errors import InputError
from intro_lint.linter import Linter
from intro_lint.read.message import read_bytes
from intro_lint.model import SEVERITY_RANK, LocatedFinding, Message, Report

# Exit statuses of `intro-lint guard` (docs/guard.md explains each). A guard that cannot check a
# message refuses with 2, the project's usage/config/input status, not 75 (EX_TEMPFAIL): mutt and
# neomutt show 75 as "Deferred.", which reads as "queued, will go later", and sendmail callers may
# retry a 75 on their own; neither is true here, the message is still only in the client.
EXIT_HELD = 1
EXIT_NOT_CHECKED = 2
EXIT_CANNOT_EXECUTE = 126
EXIT_NOT_FOUND = 127

FAIL_ON_CHOICES = ("error", "warning")
SKIP_HEADER = "X-Intro-Lint"
SKIP_VALUE = "skip"
SKIP_ENV = "INTRO_LINT_SKIP"
SKIP_ENV_TRUE = frozenset({"1", "true", "yes", "on"})
LABEL = "draft"  # reports name the draft so, not the made-up path the message is parsed under
_PARSE_AS = "message.eml"  # a ".eml" name makes read_bytes parse the bytes as an email
# read_bytes' words for a message with no text at all: nothing to lint, so no request to hold back
NO_TEXT_PROBLEMS = frozenset({
    "the message body is empty",
    "malformed MIME message: no text/plain or text/html body part",
})
_LINE = re.compile(rb"[^\n]*\n|[^\n]+")
_FIELD_NAME = re.compile(rb"([\x21-\x39\x3b-\x7e]+):")  # the stdlib parser's field names


class GuardUsageError(Exception):
    """The guard's own arguments are wrong; nothing was read or sent."""


# --- arguments -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invocation:
    """What `intro-lint guard ARGS` asks for.

    `client_flags` are sendmail options that a mail client put before the `--` (neomutt and mutt
    insert -B8BITMIME, -f ADDRESS, -N and -R there); they are handed on to the command.
    """

    command: tuple[str, ...] = ()
    fail_on: str = "error"
    client_flags: tuple[str, ...] = ()
    help: bool = False

    @property
    def argv(self) -> list[str]:
        """The command line to run: the command's name, the client's flags, then its own arguments."""
        return [self.command[0], *self.client_flags, *self.command[1:]]


def parse_arguments(args: Sequence[str], help_names: Sequence[str] = ("--help",)) -> Invocation:
    """`[--fail-on LEVEL] [CLIENT FLAGS] -- COMMAND [ARGS...]`, or the command at the first plain word.

    Parsed by hand: click drops a `--` that follows an unknown option, and a client's flags come
    just there. A single-dash flag of two characters takes the next plain word as its value
    (`-f jeff@example.com`); every client flag goes on to the command verbatim, in order.
    """
    fail_on, flags, i = "error", [], 0
    while i < len(args):
        token = args[i]
        if token == "--":
            return _invocation(args[i + 1:], fail_on, flags)
        if token in help_names:
            return Invocation(help=True)
        if token == "--fail-on" or token.startswith("--fail-on="):
            fail_on, i = _fail_on(args, i)
        elif token.startswith("--"):
            raise GuardUsageError(f"no such option: {token}")
        elif token.startswith("-") and token != "-":
            flags.append(token)
            if len(token) == 2 and i + 1 < len(args) and not args[i + 1].startswith("-"):
                i += 1
                flags.append(args[i])
        else:
            return _invocation(args[i:], fail_on, flags)
        i += 1
    return _invocation((), fail_on, flags)


def _fail_on(args: Sequence[str], i: int) -> tuple[str, int]:
    token = args[i]
    if "=" in token:
        value = token.split("=", 1)[1]
    elif i + 1 < len(args):
        value, i = args[i + 1], i + 1
    else:
        raise GuardUsageError("option --fail-on needs a value: error or warning")
    if value not in FAIL_ON_CHOICES:
        raise GuardUsageError(f"--fail-on must be error or warning, not {value!r}")
    return value, i


def _invocation(command: Sequence[str], fail_on: str, flags: list[str]) -> Invocation:
    if not command:
        raise GuardUsageError("no command to hand the message to: put it after --, "
                              "e.g. intro-lint guard -- /usr/sbin/sendmail -oi")
    return Invocation(command=tuple(command), fail_on=fail_on, client_flags=tuple(flags))


# --- overrides -----------------------------------------------------------------------------------


def env_skip(env: Mapping[str, str]) -> bool:
    """INTRO_LINT_SKIP=1 (or true, yes, on) sends without checking."""
    return env.get(SKIP_ENV, "").strip().lower() in SKIP_ENV_TRUE


@dataclass(frozen=True)
class Field:
    """One header field of the raw message: its name and its bytes [start, end), folded lines included."""

    name: str
    start: int
    end: int

    def value(self, data: bytes) -> str:
        raw = data[self.start:self.end].split(b":", 1)[1]
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
    return [f.value(data) for f in header_fields(data) if _is_ours(f) and f.value(data).lower() != SKIP_VALUE]


def _is_ours(field: Field) -> bool:
    return field.name.lower() == SKIP_HEADER.lower()


def strip_fields(data: bytes, fields: Sequence[Field]) -> bytes:
    """The bytes with exactly these fields' lines cut out; every other byte stays as it was."""
    out, pos = [], 0
    for field in sorted(fields, key=lambda f: f.start):
        out.append(data[pos:field.start])
        pos = field.end
    out.append(data[pos:])
    return b"".join(out)


# --- the verdict ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """Send or hold back, and why; `report` is None when there was no request to lint."""

    send: bool
    reason: str
    report: Report | None = None
    failing: tuple[LocatedFinding, ...] = ()


def linter_for(settings: Settings) -> Linter:
    """The rules and pipeline the settings ask for (one definition, in lint.py)."""
    from intro_lint.linter import linter_for as shared

    return shared(settings)


def read_message(data: bytes, max_bytes: int) -> Message | None:
    """The message to lint, or None when it holds no text; InputError when it cannot be read.

    max-bytes limits the text that is linted, not the whole message: attachments make up most of
    a mail's size and are never read as text, and a guard must not hold back every large attachment.
    """
    try:
        message = read_bytes(data, _PARSE_AS, max_bytes=max(len(data), 1))
    except InputError as exc:
        if exc.problem in NO_TEXT_PROBLEMS:
            return None
        raise InputError(LABEL, exc.problem) from None
    size = len(message.text.encode("utf-8"))
    if size > max_bytes:
        raise InputError(LABEL, f"its text is {size:,} bytes, over the limit of {max_bytes:,} bytes "
                                "(configurable via max-bytes)")
    return message


def judge(message: Message, linter: Linter, fail_on: str) -> Verdict:
    """Hold back a request with a finding at or above `fail_on`; anything else may go."""
    analysis = next(linter.analyse_many([message]))
    if not analysis.asks:
        return Verdict(send=True, reason="not a request")
    report = linter.report(analysis).model_copy(update={"path": LABEL})
    floor = SEVERITY_RANK[fail_on]
    failing = tuple(f for f in report.findings if SEVERITY_RANK[f.severity] >= floor)
    return Verdict(send=not failing, reason="held back" if failing else "clean", report=report, failing=failing)


# --- the hand-off --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """The command's exit status (128+N when signal N ended it), or why it could not be started."""

    status: int
    problem: str | None = None


def deliver(argv: Sequence[str], payload: bytes) -> Delivery:
    """Run the command with exactly `payload` on its standard input; its output goes where ours goes."""
    try:
        done = subprocess.run(list(argv), input=payload, check=False)
    except FileNotFoundError:
        return Delivery(EXIT_NOT_FOUND, f"cannot run {argv[0]!r}: no such command")
    except PermissionError:
        return Delivery(EXIT_CANNOT_EXECUTE, f"cannot run {argv[0]!r}: permission denied")
    except OSError as exc:
        return Delivery(EXIT_CANNOT_EXECUTE, f"cannot run {argv[0]!r}: {exc.strerror or exc}")
    code = done.returncode
    return Delivery(128 - code if code < 0 else code)
