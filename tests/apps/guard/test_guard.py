"""The pre-send guard: bytes in equal bytes out, refusals send nothing, a real neomutt in front."""

from __future__ import annotations

import base64
import email
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from email import policy
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from intro_lint.apps.guard import command, overrides
from intro_lint.apps.guard.arguments import GuardUsageError, parse_arguments
from intro_lint.apps.guard.command import guard_command

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "data"
DOCS = HERE.parents[2] / "docs" / "guard.md"
FAKE_SENDMAIL = FIXTURES / "fake_sendmail.py"
GUARD = [sys.executable, "-m", "intro_lint.apps.guard.command"]

# A small PDF whose bytes cover what a careless pipeline would mangle: high bytes, NUL, CR, CRLF.
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    b"2 0 obj << /Length 12 >>\nstream\n"
    b"\x00\x01\x02\xff\xfe\r\n\r\x80\x81\x9d\n\nendstream endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
HEADERS = [
    b"From: Jeff Morgan <jeff@example.com>",
    b"To: Bob Chen <bob@example.org>",
    b"Subject: One intro, if you are up for it",
    b"Date: Mon, 12 Jan 2026 09:30:00 -0500",
    b"Message-ID: <guard-test@example.com>",
    b"MIME-Version: 1.0",
]


def plain_message(body: bytes, extra: Sequence[bytes] = (), nl: bytes = b"\n") -> bytes:
    """A single-part 8-bit UTF-8 message; `extra` header lines go after From/To/Subject."""
    head = [
        *HEADERS[:3],
        *extra,
        *HEADERS[3:],
        b"Content-Type: text/plain; charset=utf-8",
        b"Content-Transfer-Encoding: 8bit",
    ]
    return nl.join([*head, b""]) + nl + body.replace(b"\n", nl)


def pdf_message(body: bytes, transfer: str = "base64", nl: bytes = b"\n") -> bytes:
    """multipart/mixed: an 8-bit UTF-8 text part and the PDF, base64-encoded or raw ("binary")."""
    payload = base64.encodebytes(PDF).replace(b"\n", nl) if transfer == "base64" else PDF + nl
    lines = [
        *HEADERS,
        b'Content-Type: multipart/mixed; boundary="=_guard"',
        b"",
        b"--=_guard",
        b"Content-Type: text/plain; charset=utf-8",
        b"Content-Transfer-Encoding: 8bit",
        b"",
        *body.replace(b"\n", nl).split(nl),
        b"--=_guard",
        b'Content-Type: application/pdf; name="Becky Alvarez - Resume.pdf"',
        b'Content-Disposition: attachment; filename="Becky Alvarez - Resume.pdf"',
        b"Content-Transfer-Encoding: " + transfer.encode(),
        b"",
    ]
    return nl.join(lines) + nl + payload + b"--=_guard--" + nl


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


GOOD = fixture("good-body.txt")
BAD = fixture("bad-body.txt")


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The env without INTRO_LINT_* settings or the user's config, plus the fake's out folder."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("INTRO_LINT_") and k != "XDG_CONFIG_HOME"
    }
    (tmp_path / "home").mkdir(exist_ok=True)
    env.update(HOME=str(tmp_path / "home"), NO_COLOR="1", FAKE_SENDMAIL_OUT=str(tmp_path / "sent"))
    env.update(extra)
    return env


def executable(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def fake_sendmail(tmp_path: Path) -> str:
    """One executable, as sendmail is: a client's flags go right after its name."""
    py, script = shlex.quote(sys.executable), shlex.quote(str(FAKE_SENDMAIL))
    return executable(tmp_path / "sendmail.sh", f'#!/bin/sh\nexec {py} {script} "$@"\n')


def run_guard(
    tmp_path: Path, message: bytes, *options: str, command: list[str] | None = None, **env: str
) -> subprocess.CompletedProcess:
    """The guard as a real process, in front of the fake sendmail; cwd is tmp_path."""
    command = (
        command if command is not None else [fake_sendmail(tmp_path), "-oi", "bob@example.org"]
    )
    return subprocess.run(
        [*GUARD, *options, "--", *command],
        input=message,
        capture_output=True,
        cwd=tmp_path,
        env=clean_env(tmp_path, **env),
        timeout=300,
    )


def sent(tmp_path: Path) -> bytes | None:
    """The bytes the fake sendmail received, or None when it never ran."""
    path = tmp_path / "sent" / "message.eml"
    return path.read_bytes() if path.exists() else None


def sent_argv(tmp_path: Path) -> list[str]:
    return json.loads((tmp_path / "sent" / "argv.json").read_text(encoding="utf-8"))


# --- passing on, byte for byte -----------------------------------------------------------------


def test_a_good_request_with_a_pdf_and_an_8bit_body_arrives_byte_for_byte(tmp_path):
    message = pdf_message(GOOD)
    done = run_guard(tmp_path, message)
    assert done.returncode == 0, done.stderr.decode()
    assert sent(tmp_path) == message
    assert sent_argv(tmp_path) == ["-oi", "bob@example.org"]
    assert done.stderr == b""


@pytest.mark.parametrize("nl", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_raw_binary_part_and_crlf_lines_pass_untouched(tmp_path, nl):
    message = pdf_message(GOOD, transfer="binary", nl=nl)
    assert b"\x00" in message and b"\xff" in message
    done = run_guard(tmp_path, message)
    assert done.returncode == 0, done.stderr.decode()
    assert sent(tmp_path) == message


def test_a_message_that_asks_for_nothing_passes_untouched(tmp_path):
    message = fixture("not-a-request.eml")
    done = run_guard(tmp_path, message)
    assert done.returncode == 0, done.stderr.decode()
    assert sent(tmp_path) == message


@pytest.mark.parametrize(
    "message",
    [
        plain_message(b"\n"),
        b"\n".join(
            [
                *HEADERS,
                b"Content-Type: application/pdf",
                b"Content-Transfer-Encoding: base64",
                b"",
                base64.encodebytes(PDF),
            ]
        ),
    ],
    ids=["empty-body", "attachment-only"],
)
def test_a_message_with_no_text_passes_untouched(tmp_path, message):
    done = run_guard(tmp_path, message)
    assert done.returncode == 0, done.stderr.decode()
    assert sent(tmp_path) == message


# --- holding back --------------------------------------------------------------------------------


def test_a_bad_draft_is_held_back_with_its_findings_and_fixes(tmp_path):
    done = run_guard(tmp_path, plain_message(BAD))
    err = done.stderr.decode()
    assert done.returncode == command.EXIT_HELD == 1
    assert sent(tmp_path) is None
    assert "held back, the message was NOT sent: 1 finding at or above error" in err
    assert "draft:3:91: error no-attachment" in err
    assert "fix (suggestion): Attach or link your resume" in err
    assert "warning vague-ask" in err  # every finding is shown, not only those that hold it back
    assert "X-Intro-Lint: skip" in err and "INTRO_LINT_SKIP=1" in err
    assert done.stdout == b""


def test_fail_on_warning_holds_back_what_the_default_lets_through(tmp_path):
    message = fixture("warnings-only.eml")
    assert run_guard(tmp_path, message).returncode == 0
    assert sent(tmp_path) == message
    shutil.rmtree(tmp_path / "sent")
    done = run_guard(tmp_path, message, "--fail-on", "warning")
    assert done.returncode == 1
    assert sent(tmp_path) is None
    assert "warning vague-ask" in done.stderr.decode()


# --- overrides -----------------------------------------------------------------------------------


@pytest.mark.parametrize("nl", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_the_skip_header_sends_a_bad_draft_and_only_its_lines_are_removed(tmp_path, nl):
    ours = [b"X-Intro-Lint: skip", b"x-intro-lint:", b"   SKIP  "]  # two fields, one of them folded
    message = plain_message(
        BAD + b"\nX-Intro-Lint: skip\n",
        extra=[ours[0], b"Cc: Ana <ana@example.org>,", b"\tLi <li@example.org>", *ours[1:]],
        nl=nl,
    )
    done = run_guard(tmp_path, message)
    assert done.returncode == 0, done.stderr.decode()
    expected = message
    for line in ours:
        expected = expected.replace(line + nl, b"", 1)
    assert sent(tmp_path) == expected
    assert b"\tLi <li@example.org>" + nl in expected and expected.endswith(
        b"X-Intro-Lint: skip" + nl
    )


def test_another_value_of_the_header_is_no_override_and_stays(tmp_path):
    message = plain_message(BAD, extra=[b"X-Intro-Lint: skp"])
    done = run_guard(tmp_path, message)
    assert done.returncode == 1
    assert sent(tmp_path) is None
    assert "ignoring 'X-Intro-Lint: skp'" in done.stderr.decode()


def test_intro_lint_skip_in_the_environment_sends_the_bytes_unchanged(tmp_path):
    message = pdf_message(BAD, transfer="binary")
    done = run_guard(tmp_path, message, INTRO_LINT_SKIP="1")
    assert done.returncode == 0, done.stderr.decode()
    assert sent(tmp_path) == message


def test_skipping_works_even_when_the_config_is_broken(tmp_path):
    (tmp_path / ".intro-lint.toml").write_text('fial-on = "error"\n', encoding="utf-8")
    message = plain_message(BAD)
    assert run_guard(tmp_path, message, INTRO_LINT_SKIP="yes").returncode == 0
    assert sent(tmp_path) == message


# --- refusing when intro-lint itself cannot check -------------------------------------------------


def test_a_broken_config_refuses_and_sends_nothing(tmp_path):
    (tmp_path / ".intro-lint.toml").write_text('fial-on = "error"\n', encoding="utf-8")
    done = run_guard(tmp_path, pdf_message(GOOD))
    err = done.stderr.decode()
    assert done.returncode == command.EXIT_NOT_CHECKED == 2
    assert sent(tmp_path) is None
    assert ".intro-lint.toml" in err and "fial-on" in err and "the message was NOT sent" in err


def test_an_unknown_rule_id_in_the_config_refuses(tmp_path):
    (tmp_path / ".intro-lint.toml").write_text('ignore = ["vauge-ask"]\n', encoding="utf-8")
    done = run_guard(tmp_path, fixture("not-a-request.eml"))
    assert done.returncode == 2
    assert sent(tmp_path) is None
    assert "vauge-ask" in done.stderr.decode()


@pytest.mark.parametrize(
    "message, problem",
    [
        (b"", "no message on standard input"),
        (b"Hi Bob, could you introduce me to Priya?\n", "does not look like an email message"),
        (plain_message(BAD).replace(b"charset=utf-8", b"charset=x-made-up"), "unknown charset"),
    ],
    ids=["empty", "no-headers", "bad-charset"],
)
def test_an_unreadable_message_refuses_and_sends_nothing(tmp_path, message, problem):
    done = run_guard(tmp_path, message)
    err = done.stderr.decode()
    assert done.returncode == 2
    assert sent(tmp_path) is None
    assert problem in err and "the message was NOT sent" in err


def test_a_crash_inside_the_guard_refuses_and_sends_nothing(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(command, "judge", boom)
    monkeypatch.chdir(tmp_path)
    args = ["--", fake_sendmail(tmp_path)]
    result = CliRunner().invoke(
        guard_command, args, input=plain_message(BAD), env=clean_env(tmp_path)
    )
    assert result.exit_code == 2
    assert sent(tmp_path) is None
    assert "internal error (RuntimeError: a bug); the message was NOT sent" in result.stderr
    assert "Traceback" in result.stderr


def test_usage_errors_refuse_before_reading_anything(tmp_path):
    for options in (["--fail-on", "info"], ["--fial-on", "error"]):
        done = run_guard(tmp_path, plain_message(GOOD), *options)
        assert done.returncode == 2
        assert "the message was NOT sent" in done.stderr.decode()
    assert run_guard(tmp_path, plain_message(GOOD), command=[]).returncode == 2
    assert sent(tmp_path) is None


# --- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [0, 1, 75])
def test_the_commands_exit_status_is_the_guards(tmp_path, status):
    done = run_guard(
        tmp_path,
        fixture("not-a-request.eml"),
        INTRO_LINT_SKIP="1",
        FAKE_SENDMAIL_STATUS=str(status),
    )
    assert done.returncode == status
    assert sent(tmp_path) == fixture("not-a-request.eml")


def test_a_command_that_cannot_be_started_is_a_clear_127(tmp_path):
    done = run_guard(
        tmp_path,
        plain_message(GOOD),
        command=[str(tmp_path / "no-such-sendmail"), "-oi"],
        INTRO_LINT_SKIP="1",
    )
    assert done.returncode == 127
    assert "no-such-sendmail" in done.stderr.decode() and "NOT sent" in done.stderr.decode()


def test_a_command_that_is_not_executable_is_126(tmp_path):
    script = tmp_path / "sendmail"
    script.write_text("#!/bin/sh\ncat >/dev/null\n", encoding="utf-8")
    done = run_guard(tmp_path, plain_message(GOOD), command=[str(script)], INTRO_LINT_SKIP="1")
    assert done.returncode == 126


def test_a_clients_sendmail_flags_before_the_dashes_go_to_the_command(tmp_path):
    options = ["-B8BITMIME", "-f", "jeff@example.com", "--fail-on", "warning", "-N", "failure"]
    done = run_guard(tmp_path, fixture("not-a-request.eml"), *options, INTRO_LINT_SKIP="1")
    assert done.returncode == 0, done.stderr.decode()
    assert sent_argv(tmp_path) == [
        "-B8BITMIME",
        "-f",
        "jeff@example.com",
        "-N",
        "failure",
        "-oi",
        "bob@example.org",
    ]


@pytest.mark.parametrize(
    "args, command, flags, fail_on",
    [
        (
            ["--", "/usr/sbin/sendmail", "-oem", "-oi"],
            ["/usr/sbin/sendmail", "-oem", "-oi"],
            [],
            "error",
        ),
        (
            ["--fail-on=warning", "--", "sendmail", "--", "a@b"],
            ["sendmail", "--", "a@b"],
            [],
            "warning",
        ),
        (
            ["-B8BITMIME", "-f", "j@x", "--", "sendmail", "-oi", "a@b"],
            ["sendmail", "-oi", "a@b"],
            ["-B8BITMIME", "-f", "j@x"],
            "error",
        ),
        # no "--": the command starts at the first plain word, and neomutt's own "--" stays in it
        (
            ["/usr/sbin/sendmail", "-oi", "-f", "j@x", "--", "a@b"],
            ["/usr/sbin/sendmail", "-oi", "-f", "j@x", "--", "a@b"],
            [],
            "error",
        ),
    ],
)
def test_arguments(args, command, flags, fail_on):
    got = parse_arguments(args)
    assert (list(got.command), list(got.client_flags), got.fail_on) == (command, flags, fail_on)
    assert got.argv == [command[0], *flags, *command[1:]]


@pytest.mark.parametrize(
    "args",
    [[], ["--"], ["--fail-on"], ["--fail-on", "never", "--", "x"], ["--fial-on=error", "--", "x"]],
)
def test_bad_arguments(args):
    with pytest.raises(GuardUsageError):
        parse_arguments(args)


def test_registered_under_a_group_it_still_sees_the_dashes(tmp_path, monkeypatch):
    group = click.Group("intro-lint", context_settings={"help_option_names": ["-h", "--help"]})
    group.add_command(guard_command)
    monkeypatch.chdir(tmp_path)
    args = [
        "guard",
        "-f",
        "jeff@example.com",
        "--",
        fake_sendmail(tmp_path),
        "-oi",
        "bob@example.org",
    ]
    message = plain_message(BAD)
    result = CliRunner().invoke(
        group, args, input=message, env=clean_env(tmp_path, INTRO_LINT_SKIP="1")
    )
    assert result.exit_code == 0, result.output
    assert sent(tmp_path) == message
    assert sent_argv(tmp_path) == ["-f", "jeff@example.com", "-oi", "bob@example.org"]
    assert "Usage: intro-lint guard" in CliRunner().invoke(group, ["guard", "-h"]).output


# --- header fields, read from bytes ---------------------------------------------------------------


def test_only_top_level_header_fields_count():
    inner = b"X-Intro-Lint: skip\n"
    message = b"From x@y Mon Jan  1 00:00:00 2026\nTo: a@b\nSubject: hi\n\n" + inner
    assert [f.name for f in overrides.header_fields(message)] == ["To", "Subject"]
    assert overrides.skip_fields(message) == []
    # the stdlib ends the header here
    broken = b"To: a@b\nnot a header line\nX-Intro-Lint: skip\n\nbody\n"
    assert overrides.skip_fields(broken) == []


def test_strip_fields_cuts_exactly_the_fields():
    message = b"To: a@b\r\nX-Intro-Lint: skip\r\n  \r\nSubject: x\r\n\r\nX-Intro-Lint: skip\r\n"
    fields = overrides.skip_fields(message)
    assert (
        overrides.strip_fields(message, fields)
        == b"To: a@b\r\nSubject: x\r\n\r\nX-Intro-Lint: skip\r\n"
    )
    last = b"To: a@b\nX-Intro-Lint: Skip"  # no line break at the very end
    assert overrides.strip_fields(last, overrides.skip_fields(last)) == b"To: a@b\n"


@pytest.mark.parametrize(
    "value, skip",
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        ("on", True),
        ("0", False),
        ("", False),
        ("no", False),
        ("2", False),
    ],
)
def test_env_skip(value, skip):
    assert overrides.env_skip({"INTRO_LINT_SKIP": value}) is skip


# --- the git send-email hook from docs/guard.md ---------------------------------------------------


def run_hook(tmp_path: Path, message: bytes, **env: str) -> subprocess.CompletedProcess:
    path = tmp_path / "0001-intro.patch"
    path.write_bytes(message)
    bin_dir = str(Path(sys.executable).parent)
    full = clean_env(tmp_path, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), **env)
    return subprocess.run(
        ["sh", str(FIXTURES / "sendemail-validate"), str(path)],
        capture_output=True,
        cwd=tmp_path,
        env=full,
        timeout=300,
    )


def test_the_sendemail_validate_hook_stops_a_bad_draft_and_lets_a_good_one_go(tmp_path):
    bad = run_hook(tmp_path, b"From 1234 Mon Sep 17 00:00:00 2001\n" + plain_message(BAD))
    assert bad.returncode == 1
    assert b"error no-attachment" in bad.stdout
    assert run_hook(tmp_path, pdf_message(GOOD)).returncode == 0
    assert run_hook(tmp_path, plain_message(BAD), INTRO_LINT_SKIP="1").returncode == 0


def test_the_docs_show_the_hook_that_is_tested():
    assert (FIXTURES / "sendemail-validate").read_text(encoding="utf-8") in DOCS.read_text(
        encoding="utf-8"
    )


# --- a real client: Debian's neomutt in batch mode ------------------------------------------------

needs_neomutt = pytest.mark.skipif(
    shutil.which("neomutt") is None,
    reason="neomutt is not installed (bash .ci/setup-guard-deps installs it)",
)


def neomutt_send(
    tmp_path: Path, body: bytes, attach: bool, extra_rc: str = ""
) -> subprocess.CompletedProcess:
    """`neomutt -n -F muttrc -s SUBJECT [-a resume.pdf] -- bob@example.org < body`, the guard as
    its sendmail.

    neomutt splits $sendmail at spaces, without quoting, so the guard and the store script are
    small wrappers in tmp_path (whose path has no spaces) around the real, quoted paths.
    """
    py = shlex.quote(sys.executable)
    guard_sh = executable(
        tmp_path / "guard.sh", f'#!/bin/sh\nexec {py} -m intro_lint.apps.guard.command "$@"\n'
    )
    store_sh = fake_sendmail(tmp_path)
    assert " " not in guard_sh + store_sh, "neomutt cannot quote paths with spaces"
    rc = (FIXTURES / "muttrc.in").read_text(encoding="utf-8")
    rc = (
        rc.replace("@GUARD@", guard_sh)
        .replace("@STORE@", store_sh)
        .replace("@TMPDIR@", str(tmp_path))
    )
    (tmp_path / "muttrc").write_text(rc + extra_rc, encoding="utf-8")
    (tmp_path / "body.txt").write_bytes(body)
    (tmp_path / "resume.pdf").write_bytes(PDF)
    env = clean_env(tmp_path, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("MAIL", None)
    attach_args = ["-a", "resume.pdf"] if attach else []
    with (tmp_path / "body.txt").open("rb") as stdin:
        return subprocess.run(
            [
                "neomutt",
                "-n",
                "-F",
                "muttrc",
                "-s",
                "One intro, if you are up for it",
                *attach_args,
                "--",
                "bob@example.org",
            ],
            stdin=stdin,
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=300,
        )


@needs_neomutt
def test_neomutt_bad_draft_is_held_back(tmp_path):
    done = neomutt_send(tmp_path, BAD, attach=False)
    output = (done.stdout + done.stderr).decode()
    assert done.returncode != 0, output
    assert sent(tmp_path) is None
    assert "error no-attachment" in output and "the message was NOT sent" in output


@needs_neomutt
def test_neomutt_good_draft_arrives_with_its_pdf_intact(tmp_path):
    done = neomutt_send(tmp_path, GOOD, attach=True)
    assert done.returncode == 0, (done.stdout + done.stderr).decode()
    stored = email.message_from_bytes(sent(tmp_path), policy=policy.default)
    pdfs = [
        part for part in stored.iter_attachments() if part.get_content_type() == "application/pdf"
    ]
    assert [part.get_filename() for part in pdfs] == ["resume.pdf"]
    assert pdfs[0].get_payload(decode=True) == PDF
    assert "Café Olé" in stored.get_body(preferencelist=("plain",)).get_content()
    # neomutt's -f and -B8BITMIME came before the guard's "--"; they reach the command before its
    # own flags
    assert sent_argv(tmp_path) == [
        "-B8BITMIME",
        "-f",
        "jeff@example.com",
        "-oem",
        "-oi",
        "bob@example.org",
    ]


@needs_neomutt
@pytest.mark.parametrize("override", ["my_hdr X-Intro-Lint: skip", "setenv INTRO_LINT_SKIP 1"])
def test_neomutt_can_send_a_bad_draft_on_purpose_without_the_header(tmp_path, override):
    done = neomutt_send(tmp_path, BAD, attach=False, extra_rc=override + "\n")
    assert done.returncode == 0, (done.stdout + done.stderr).decode()
    stored = sent(tmp_path)
    assert b"X-Intro-Lint" not in stored and b"Subject: One intro" in stored
    assert (
        "A friend of mine, Becky"
        in email.message_from_bytes(stored, policy=policy.default).get_body().get_content()
    )


def test_an_endless_standard_input_is_refused_not_read_forever(tmp_path):
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [*GUARD, "--", fake_sendmail(tmp_path)],
            stdin=zero,
            capture_output=True,
            cwd=tmp_path,
            env=clean_env(tmp_path),
            timeout=300,  # hang guard
        )
    err = done.stderr.decode()
    assert done.returncode == 2 and sent(tmp_path) is None
    assert f"over {command.MAX_MESSAGE_BYTES:,} bytes" in err and "NOT sent" in err


def test_a_closed_standard_input_is_no_message(tmp_path):
    done = subprocess.run(
        [*GUARD, "--", fake_sendmail(tmp_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=300,
    )
    closed = subprocess.run(
        ["sh", "-c", 'exec "$0" "$@" <&-', *GUARD, "--", fake_sendmail(tmp_path)],
        capture_output=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=300,
    )
    for run in (done, closed):
        assert run.returncode == 2 and sent(tmp_path) is None
        assert b"no message on standard input" in run.stderr and b"Traceback" not in run.stderr
