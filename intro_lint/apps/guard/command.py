"""`intro-lint guard -- SENDMAIL...`: lint outgoing mail, then send it unchanged or hold it back."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

import click

from intro_lint.apps.guard import overrides
from intro_lint.apps.guard.arguments import GuardUsageError, Invocation, parse_arguments
from intro_lint.apps.guard.delivery import deliver
from intro_lint.apps.guard.verdict import Verdict, judge, read_message
from intro_lint.errors import EXIT_ERROR, EXIT_FINDINGS, IntroLintError
from intro_lint.linter import linter_for
from intro_lint.report.text import render
from intro_lint.settings.layers import load_settings

# Exit statuses of `intro-lint guard` (docs/guard.md explains each). A guard that cannot check a
# message refuses with 2, the project's usage/config/input status, not 75 (EX_TEMPFAIL): mutt and
# neomutt show 75 as "Deferred.", which reads as "queued, will go later", and sendmail callers may
# retry a 75 on their own; neither is true here, the message is still only in the client.
EXIT_HELD = EXIT_FINDINGS
EXIT_NOT_CHECKED = EXIT_ERROR

# The whole mail the guard will hold in memory: far above what mail servers accept (tens of MB),
# so only a runaway stream (`guard < /dev/zero`) meets it. max-bytes limits the checked text.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024

PROG = "intro-lint guard"
NOT_SENT = "the message was NOT sent"
HOW_TO_OVERRIDE = (
    f"{PROG}: to send it as it is, add the header 'X-Intro-Lint: skip' "
    "(removed before sending) or set INTRO_LINT_SKIP=1"
)


def _say(line: str) -> None:
    click.echo(f"{PROG}: {line}", err=True)


class GuardCommand(click.Command):
    """Hands raw arguments to parse_arguments: a client's sendmail flags defeat click's parser."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            invocation = parse_arguments(args, ctx.help_option_names)
        except GuardUsageError as exc:
            raise click.UsageError(f"{exc} ({NOT_SENT})", ctx) from None
        if invocation.help:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        ctx.params = {"invocation": invocation}
        ctx.args = []
        return []


@click.command(
    "guard",
    cls=GuardCommand,
    short_help="Check a message before sendmail sends it.",
    options_metavar="[--fail-on error|warning]",
    params=[
        click.Option(
            ["--fail-on"],
            type=click.Choice(["error", "warning"]),
            default="error",
            show_default=True,
            expose_value=False,
            help="Hold back a request with a finding at or above this severity.",
        ),
        click.Argument(["command"], nargs=-1, metavar="-- COMMAND [ARGS]...", expose_value=False),
    ],
)
def guard_command(invocation: Invocation) -> None:
    """Check the message on standard input; send it unchanged with COMMAND, or hold it back.

    Set it as your mail client's sendmail, e.g. in neomutt:

    \b
        set sendmail="intro-lint guard -- /usr/sbin/sendmail -oem -oi"

    \b
    Exit status:
      COMMAND's own   the message was handed to COMMAND
      1               held back by findings
      2               not checked (bad config, unreadable message, internal error)
      126, 127        COMMAND could not be started
    The guard's own refusals (1, 2, 126, 127) send nothing and say so on stderr.
    To send a held-back message as it is: the header 'X-Intro-Lint: skip'
    (removed before sending) or INTRO_LINT_SKIP=1. See docs/guard.md.
    """
    raise click.exceptions.Exit(run(invocation, os.environ))


def run(invocation: Invocation, env: Mapping[str, str]) -> int:
    """Read, decide, and send or refuse; the exit status."""
    try:
        data = _read_stdin()
    except OSError as exc:
        _say(f"cannot read the message from standard input: {exc}; {NOT_SENT}")
        return EXIT_NOT_CHECKED
    if len(data) > MAX_MESSAGE_BYTES:
        _say(
            f"the message on standard input is over {MAX_MESSAGE_BYTES:,} bytes, more than any "
            f"mail server accepts; {NOT_SENT}"
        )
        return EXIT_NOT_CHECKED
    if not data.strip():
        _say(f"no message on standard input; {NOT_SENT}")
        return EXIT_NOT_CHECKED
    skips = overrides.skip_fields(data)
    if skips:
        return _send(invocation, overrides.strip_fields(data, skips))
    if overrides.env_skip(env):
        return _send(invocation, data)
    for value in overrides.other_override_values(data):
        _say(f"ignoring 'X-Intro-Lint: {value}' (the only value is 'skip'); checking the message")
    verdict = _verdict(data, invocation.fail_on)
    if verdict is None:
        return EXIT_NOT_CHECKED
    if not verdict.send:
        _hold(verdict, invocation.fail_on)
        return EXIT_HELD
    return _send(invocation, data)


def _read_stdin() -> bytes:
    """At most MAX_MESSAGE_BYTES + 1 bytes of standard input; none when it is closed."""
    if sys.stdin is None:
        return b""
    return sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)


def _verdict(data: bytes, fail_on: str) -> Verdict | None:
    """The guard's verdict, or None after saying on stderr why the message could not be checked."""
    try:
        settings, _ = load_settings({}, Path.cwd())
        message = read_message(data, settings.max_bytes)
        if message is None:
            return Verdict(send=True, reason="no text to check")
        return judge(message, linter_for(settings), fail_on)
    except IntroLintError as exc:
        _say(f"cannot check the message: {exc}; {NOT_SENT}")
    except Exception as exc:  # a bug must hold the message back, never send it unchecked
        _say(f"internal error ({type(exc).__name__}: {exc}); {NOT_SENT}")
        click.echo(traceback.format_exc(), err=True, nl=False)
    except KeyboardInterrupt:
        _say(f"interrupted; {NOT_SENT}")
    return None


def _hold(verdict: Verdict, fail_on: str) -> None:
    count = len(verdict.failing)
    noun = "finding" if count == 1 else "findings"
    _say(f"held back, {NOT_SENT}: {count} {noun} at or above {fail_on} (--fail-on {fail_on})")
    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    click.echo(render([verdict.report], {}, color=color), err=True, nl=False)
    click.echo(HOW_TO_OVERRIDE, err=True)


def _send(invocation: Invocation, payload: bytes) -> int:
    done = deliver(invocation.argv, payload)
    if done.problem:
        _say(f"{done.problem}; {NOT_SENT} (your mail client still has it)")
    return done.status


if __name__ == "__main__":
    guard_command(prog_name=PROG)
