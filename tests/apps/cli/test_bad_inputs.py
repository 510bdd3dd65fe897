"""Bad inputs to check, grade and guard: one line naming the file, exit 2, no traceback, no hang."""

from __future__ import annotations

import csv
import importlib.util
import os
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intro_lint.apps.cli.main import main as intro_lint_main

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"  # shared by the cli and grade tests
GOOD = (DRAFTS / "good.txt").read_text(encoding="utf-8")  # a request done well
BAD = (DRAFTS / "bad.txt").read_text(encoding="utf-8")  # a blast, urgent and vague
HANG_GUARD = 120  # seconds: only so that a regression fails instead of blocking the suite
IS_ROOT = os.name == "posix" and os.geteuid() == 0
HAS_HTML = importlib.util.find_spec("intro_lint.apps.grade.html") is not None
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def environment(tmp_path: Path) -> dict[str, str]:
    """No user file, no cache and no colour from the machine running the tests."""
    return {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }


def run(tmp_path: Path, *args: str, stdin=None) -> subprocess.CompletedProcess:
    """The installed entry point as a user runs it, in tmp_path."""
    exe = Path(sys.executable).parent / "intro-lint"
    return subprocess.run(
        [str(exe), *args],
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=environment(tmp_path),
        timeout=HANG_GUARD,
    )


def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    """The command in this process (so that a test can patch it): exit code and stderr."""
    monkeypatch.chdir(tmp_path)
    names = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "NO_COLOR")
    env = {name: environment(tmp_path)[name] for name in names}
    result = CliRunner().invoke(intro_lint_main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def one_line(stderr: str | bytes) -> str:
    """The only line on standard error (anything else fails the test)."""
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def deny(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Reading `target` fails as it does for a user without read permission (root reads all)."""
    real_open, real_read_text = os.open, pathlib.Path.read_text

    def guarded_open(path, *args, **kwargs):
        if os.path.abspath(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def guarded_read_text(self, *args, **kwargs):
        if os.path.abspath(self) == str(target):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_text", guarded_read_text)


# --- named pipes, devices, endless standard input ------------------------------------------------


@needs_fifo
def test_check_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "draft.txt")
    out = run(tmp_path, "check", "draft.txt")
    assert out.returncode == 2
    line = one_line(out.stderr)
    assert line.startswith("intro-lint: draft.txt: ") and "named pipe" in line


def test_check_refuses_a_device(tmp_path):
    out = run(tmp_path, "check", "/dev/null")
    assert out.returncode == 2 and "/dev/null: is a device" in one_line(out.stderr)


def test_endless_standard_input_stops_at_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        out = run(tmp_path, "check", "-", stdin=zero)
    assert out.returncode == 2
    line = one_line(out.stderr)
    assert line.startswith("intro-lint: -: ") and "over the limit of 1,000,000 bytes" in line
    assert "max-bytes" in line


def test_standard_input_over_a_smaller_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        out = run(tmp_path, "check", "--max-bytes", "1000", "-", stdin=zero)
    assert out.returncode == 2 and "over the limit of 1,000 bytes" in one_line(out.stderr)


@pytest.mark.parametrize("command", ["check", "parse"])
def test_a_closed_standard_input_is_one_clear_line(tmp_path, command):
    exe = Path(sys.executable).parent / "intro-lint"
    out = subprocess.run(
        ["sh", "-c", f'exec "{exe}" {command} - <&-'],
        capture_output=True,
        cwd=tmp_path,
        env=environment(tmp_path),
        timeout=HANG_GUARD,
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr.decode()
    assert "-: standard input is closed" in one_line(out.stderr)


def test_the_language_server_with_standard_input_closed_says_so(tmp_path):
    exe = Path(sys.executable).parent / "intro-lint"
    out = subprocess.run(
        ["sh", "-c", f'exec "{exe}" lsp <&-'],
        capture_output=True,
        cwd=tmp_path,
        env=environment(tmp_path),
        timeout=HANG_GUARD,
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr.decode()
    assert "standard input or output is closed" in one_line(out.stderr)


@needs_fifo
def test_grade_reports_a_named_pipe_in_a_folder_and_grades_the_rest(tmp_path):
    (tmp_path / "class" / "ana").mkdir(parents=True)
    (tmp_path / "class" / "ana" / "draft.txt").write_text(GOOD)
    (tmp_path / "class" / "bo.txt").write_text(BAD)
    os.mkfifo(tmp_path / "class" / "pipe.txt")
    out = run(tmp_path, "grade", "class", "--out", "report.csv")
    assert out.returncode == 2, out.stderr.decode()
    with open(tmp_path / "report.csv", newline="", encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"ana/draft.txt", "bo.txt", "pipe.txt"}
    assert rows["ana/draft.txt"]["score"] and rows["bo.txt"]["score"]
    assert "named pipe" in rows["pipe.txt"]["error"] and rows["pipe.txt"]["score"] == ""
    assert "intro-lint: pipe.txt: is a named pipe (FIFO)" in out.stderr.decode()
    assert "graded 2 of 3 drafts (1 failed)" in out.stderr.decode()


@needs_fifo
def test_grade_refuses_a_named_pipe_given_as_input_or_baseline(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.csv")
    out = run(tmp_path, "grade", "pipe.csv", "ok.txt", "--out", "r.csv")
    assert out.returncode == 2 and "intro-lint: pipe.csv: is a named pipe" in out.stderr.decode()
    os.mkfifo(tmp_path / "old.json")
    out = run(tmp_path, "grade", "ok.txt", "--out", "r.csv", "--baseline", "old.json")
    assert out.returncode == 2
    assert one_line(out.stderr) == (
        "intro-lint: old.json: is a named pipe (FIFO), not a regular file"
    )


# --- configuration files that cannot be read ---------------------------------------------------


@pytest.mark.parametrize("which", ["project", "user"])
def test_a_settings_path_that_is_a_folder_is_one_line(tmp_path, which):
    (tmp_path / "good.txt").write_text(GOOD)
    folder = (
        tmp_path / ".intro-lint.toml"
        if which == "project"
        else tmp_path / "config" / "intro-lint" / "config.toml"
    )
    folder.mkdir(parents=True)
    shown = ".intro-lint.toml" if which == "project" else "config/intro-lint/config.toml"
    for args in (["check", "good.txt"], ["grade", "good.txt", "--out", "r.csv"]):
        out = run(tmp_path, *args)
        assert out.returncode == 2
        assert one_line(out.stderr) == f"intro-lint: {shown}: is a directory, not a settings file"


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode (the next test patches)")
def test_an_unreadable_project_file_is_one_line(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / ".intro-lint.toml").write_text("max-bytes = 5000\n")
    (tmp_path / ".intro-lint.toml").chmod(0)
    out = run(tmp_path, "check", "good.txt")
    assert out.returncode == 2
    assert (
        one_line(out.stderr)
        == "intro-lint: .intro-lint.toml: cannot read the file: Permission denied"
    )


@pytest.mark.parametrize("which", ["project", "user"])
def test_a_settings_file_denied_to_the_user_is_one_line(tmp_path, monkeypatch, which):
    (tmp_path / "good.txt").write_text(GOOD)
    path = (
        tmp_path / ".intro-lint.toml"
        if which == "project"
        else tmp_path / "config" / "intro-lint" / "config.toml"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("max-bytes = 5000\n")
    deny(monkeypatch, path)
    code, stderr = invoke(tmp_path, monkeypatch, "check", "good.txt")
    shown = path.relative_to(tmp_path)
    assert code == 2
    assert one_line(stderr) == f"intro-lint: {shown}: cannot read the file: Permission denied"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "max-bytes = 1000000000000000000000000000000\n",
            "field max-bytes: must be a positive integer of at most 1,000,000,000 "
            "(got 1000000000000000000000000000000)",
        ),
        ('fail-on = "info"\nselect = [\n', "line 2: not valid TOML"),
        ('max-bytes = "big"\n', "field max-bytes: must be a positive integer (got 'big')"),
        ("colour = true\n", "field colour: not a setting (did you mean color?)"),
        (b"fail-on = '\xff'\n", "not UTF-8 text"),
    ],
)
def test_a_bad_project_file_is_one_line_for_check_and_grade(tmp_path, text, expected):
    (tmp_path / "good.txt").write_text(GOOD)
    data = text if isinstance(text, bytes) else text.encode()
    (tmp_path / ".intro-lint.toml").write_bytes(data)
    for args in (["check", "good.txt"], ["grade", "good.txt", "--out", "r.csv"]):
        out = run(tmp_path, *args)
        assert out.returncode == 2, args
        line = one_line(out.stderr)
        assert line.startswith("intro-lint: .intro-lint.toml: ") and expected in line, line
    assert not (tmp_path / "r.csv").exists()


def test_a_huge_max_bytes_elsewhere_is_one_line(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out = run(tmp_path, "check", "--max-bytes", str(10**30), "good.txt")
    assert out.returncode == 2
    assert one_line(out.stderr).startswith("intro-lint: command line: option --max-bytes: ")
    env_out = subprocess.run(
        [str(Path(sys.executable).parent / "intro-lint"), "check", "good.txt"],
        capture_output=True,
        cwd=tmp_path,
        env={**environment(tmp_path), "INTRO_LINT_MAX_BYTES": str(10**30)},
        timeout=HANG_GUARD,
    )
    assert env_out.returncode == 2
    assert "environment: INTRO_LINT_MAX_BYTES: must be" in one_line(env_out.stderr)


def test_the_guard_refuses_with_one_line_on_a_huge_max_bytes(tmp_path):
    (tmp_path / ".intro-lint.toml").write_text(f"max-bytes = {10**30}\n")
    message = b"Subject: Intro\nFrom: a@example.org\n\n" + GOOD.encode()
    out = subprocess.run(
        [str(Path(sys.executable).parent / "intro-lint"), "guard", "--", "true"],
        input=message,
        capture_output=True,
        cwd=tmp_path,
        env=environment(tmp_path),
        timeout=HANG_GUARD,
    )
    assert out.returncode == 2
    line = one_line(out.stderr)
    assert ".intro-lint.toml: field max-bytes: must be a positive integer of at most" in line
    assert "NOT sent" in line


# --- drafts that cannot be read ---------------------------------------------------------------


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode (the next test patches)")
def test_an_unreadable_draft_is_one_line(tmp_path):
    (tmp_path / "secret.txt").write_text(GOOD)
    (tmp_path / "secret.txt").chmod(0)
    out = run(tmp_path, "check", "secret.txt")
    assert out.returncode == 2
    assert one_line(out.stderr) == "intro-lint: secret.txt: cannot read the file: permission denied"


def test_a_draft_denied_to_the_user_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text(GOOD)
    deny(monkeypatch, tmp_path / "secret.txt")
    code, stderr = invoke(tmp_path, monkeypatch, "check", "secret.txt")
    assert code == 2
    assert one_line(stderr) == "intro-lint: secret.txt: cannot read the file: permission denied"


# --- where grade writes its report ----------------------------------------------------------------


def class_folder(root: Path) -> Path:
    (root / "ana").mkdir(parents=True)
    (root / "ana" / "draft.txt").write_text(GOOD)
    (root / "bo.md").write_text(BAD)
    return root


@pytest.mark.parametrize(
    ("inputs", "out"),
    [
        (["class.csv"], "class.csv"),
        (["class.csv"], "./sub/../class.csv"),
        (["class.csv"], str(Path("{tmp}") / "class.csv")),
        (["class.csv"], "link.csv"),
        (["class.csv"], "hard.csv"),
        (["class", "class.csv"], "class.csv"),
    ],
)
def test_grade_refuses_to_write_over_an_input(tmp_path, inputs, out):
    (tmp_path / "sub").mkdir()
    class_folder(tmp_path / "class")
    table = "id,text\n1,Hi Ana. Would you have 20 minutes for a call next week?\n"
    (tmp_path / "class.csv").write_text(table)
    (tmp_path / "link.csv").symlink_to("class.csv")
    os.link(tmp_path / "class.csv", tmp_path / "hard.csv")
    out = out.replace("{tmp}", str(tmp_path))
    result = run(tmp_path, "grade", *inputs, "--out", out)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert line.startswith(f"intro-lint: --out {out}: is the input class.csv; "), line
    assert (tmp_path / "class.csv").read_text() == table  # untouched
    assert "graded" not in result.stderr.decode()


def test_grade_refuses_to_write_over_its_baseline(tmp_path):
    class_folder(tmp_path / "class")
    assert run(tmp_path, "grade", "class", "--out", "round1.json").returncode == 0
    before = (tmp_path / "round1.json").read_bytes()
    out = run(tmp_path, "grade", "class", "--out", "round1.json", "--baseline", "round1.json")
    assert out.returncode == 2
    assert one_line(out.stderr).startswith(
        "intro-lint: --out round1.json: is the --baseline report round1.json; "
    )
    assert (tmp_path / "round1.json").read_bytes() == before


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_grade_refuses_a_report_that_is_a_draft_of_an_input_folder(tmp_path, link):
    class_folder(tmp_path / "class")
    draft = tmp_path / "class" / "ana" / "draft.txt"
    if link == "symlink":
        (tmp_path / "r.csv").symlink_to(draft)
    else:
        os.link(draft, tmp_path / "r.csv")
    out = run(tmp_path, "grade", "class", "--out", "r.csv")
    assert out.returncode == 2
    assert one_line(out.stderr) == (
        "intro-lint: --out r.csv: is the same file as the draft ana/draft.txt of the input "
        "folder class (choose another report file)"
    )
    assert draft.read_text() == GOOD


@pytest.mark.parametrize(
    "name", ["report.csv", "report.json", "ana/report.csv", *(["report.html"] if HAS_HTML else [])]
)
def test_a_report_inside_the_graded_folder_is_never_graded_next_run(tmp_path, name):
    folder = class_folder(tmp_path / "class")
    first = run(tmp_path, "grade", "class", "--out", f"class/{name}")
    second = run(tmp_path, "grade", "class", "--out", f"class/{name}")
    assert first.returncode == second.returncode == 0, second.stderr.decode()
    assert "graded 2 of 2 drafts" in first.stderr.decode()
    assert "graded 2 of 2 drafts" in second.stderr.decode()
    assert (folder / name).is_file()
    assert not [p for p in folder.rglob("*.tmp")]  # the atomic write leaves no temp file behind
