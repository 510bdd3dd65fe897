"""The guard's arguments: `[--fail-on LEVEL] [CLIENT FLAGS] -- COMMAND [ARGS...]`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FAIL_ON_CHOICES = ("error", "warning")


class GuardUsageError(Exception):
    """The guard's own arguments are wrong; nothing was read or sent."""


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
        """The command line to run: the command's name, the client's flags, its own arguments."""
        return [self.command[0], *self.client_flags, *self.command[1:]]


def parse_arguments(args: Sequence[str], help_names: Sequence[str] = ("--help",)) -> Invocation:
    """`[--fail-on LEVEL] [CLIENT FLAGS] -- COMMAND [ARGS...]`, or COMMAND at the first plain word.

    Parsed by hand: click drops a `--` that follows an unknown option, and a client's flags come
    just there. A single-dash flag of two characters takes the next plain word as its value
    (`-f jeff@example.com`); every client flag goes on to the command verbatim, in order.
    """
    fail_on, flags, i = "error", [], 0
    while i < len(args):
        token = args[i]
        if token == "--":
            return _invocation(args[i + 1 :], fail_on, flags)
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
        raise GuardUsageError(
            "no command to hand the message to: put it after --, "
            "e.g. intro-lint guard -- /usr/sbin/sendmail -oi"
        )
    return Invocation(command=tuple(command), fail_on=fail_on, client_flags=tuple(flags))
