"""`intro-lint grade` end to end: inputs, formats, exit status, cache, baseline, progress bar."""

from __future__ import annotations

import csv
import importlib.util
import json
import mailbox
import os
import pty
import re
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from intro_lint.apps.cli.main import main as intro_lint_main
from intro_lint.apps.grade.command import grade_command

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOOD = (
    "Hi Elena,\n\nYour panel at Commerce Summit on returns fraud stuck with me. Would you be open "
    "to a 20-minute call about how you chose the first signals for your model? Glad to share what "
    "we learned about size-related returns if that's useful to you.\n\nThanks,\nMarcus\n"
)
GOOD_TOO = (  # a second good draft, not a copy of the first (copies are flagged as one template)
    "Hi Ana,\n\nCongratulations on the Lisbon launch. Would you have 20 minutes next week to tell "
    "me how you priced the pilot? Happy to share our survey data on boutique gyms in return.\n\n"
    "Thanks,\nRobin\n"
)
BAD = (
    "Dear friends and colleagues,\n\n"
    "I need a job as soon as possible. Let me know if you hear of anything!\n\nCarla\n"
)
SUMMARY = re.compile(
    r"graded (\d+) of (\d+) drafts.*: (\d+) parsed, (\d+) parses from cache, (\d+) reports reused"
)


@pytest.fixture
def grade(tmp_path):
    """Run the command in-process with its own cache folder; returns (exit code, stdout, stderr)."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}

    def run(*args: str):
        result = CliRunner().invoke(grade_command, list(args), env=env, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def parse_summary(stderr: str) -> tuple[int, ...]:
    match = SUMMARY.search(stderr)
    assert match, stderr
    return tuple(int(n) for n in match.groups())


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def class_folder(root: Path) -> Path:
    for student, text in (("alice", GOOD), ("bob", BAD), ("chen", GOOD_TOO)):
        (root / student).mkdir(parents=True)
        (root / student / "draft.txt").write_text(text)
    (root / "bob" / "scan.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (root / "chen" / "empty.md").write_bytes(b"")
    return root


def test_folder_with_bad_files_writes_error_rows_and_exits_2(grade, tmp_path):
    out = tmp_path / "class.csv"
    code, stdout, stderr = grade(str(class_folder(tmp_path / "class")), "--out", str(out))
    assert code == 2 and stdout == ""
    rows = read_csv(out)
    assert [(r["id"], r["student"]) for r in rows] == [
        ("alice/draft.txt", "alice"),
        ("bob/draft.txt", "bob"),
        ("bob/scan.txt", "bob"),
        ("chen/draft.txt", "chen"),
        ("chen/empty.md", "chen"),
    ]
    assert [bool(r["error"]) for r in rows] == [False, False, True, False, True]
    assert rows[0]["score"] == "100" and rows[0]["grade"] == "A" and rows[0]["rules"] == ""
    assert int(rows[1]["score"]) < 60 and "vague-ask" in rows[1]["rules"].split(";")
    assert rows[2]["score"] == "" and "binary" in rows[2]["error"]
    assert "intro-lint: bob/scan.txt:" in stderr and "intro-lint: chen/empty.md:" in stderr
    assert parse_summary(stderr)[:2] == (3, 5) and "(2 failed)" in stderr


def test_csv_columns(grade, tmp_path):
    out = tmp_path / "class.csv"
    code, _, _ = grade(str(CORPUS / "heldout.jsonl"), "--out", str(out))
    assert code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:4] == ["id", "student", "score", "grade"]
    assert header[-5:] == ["rules", "duplicate_group", "baseline", "change", "error"]
    assert {
        "relationship",
        "ask",
        "materials",
        "forwardability",
        "reciprocity",
        "personalisation",
    } <= set(header)


def test_jsonl_labels_give_the_same_calibration_as_eval(grade, tmp_path):
    out = tmp_path / "class.json"
    code, _, stderr = grade(str(CORPUS / "heldout.jsonl"), "--out", str(out))
    assert code == 0, stderr
    doc = json.loads(out.read_text())
    assert doc["version"] == 1 and doc["summary"]["labelled"] is True
    assert len(doc["reports"]) == len(doc["drafts"]) == doc["summary"]["drafts"] == 48
    ours = {s["rule"]: (s["tp"], s["fp"], s["fn"]) for s in doc["summary"]["rules"]}
    table = CliRunner().invoke(intro_lint_main, ["eval", str(CORPUS / "heldout.jsonl")]).stdout
    theirs = {
        m[0]: tuple(map(int, m[1:]))
        for m in re.findall(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s", table, re.M)
    }
    assert ours == theirs


def test_csv_input_with_labels(grade, tmp_path):
    source = tmp_path / "class.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "student", "text", "vague-ask", "generic-blast"])
        writer.writerow(["c1", "Ana", BAD, "yes", "yes"])
        writer.writerow(["c2", "Bo", GOOD, "no", "no"])
    out = tmp_path / "report.json"
    code, _, stderr = grade(str(source), "--out", str(out))
    assert code == 0, stderr
    doc = json.loads(out.read_text())
    assert [(d["id"], d["student"]) for d in doc["drafts"]] == [("c1", "Ana"), ("c2", "Bo")]
    stats = {s["rule"]: s for s in doc["summary"]["rules"]}
    assert stats["vague-ask"]["tp"] == 1 and stats["vague-ask"]["precision"] == 1.0
    assert stats["long-silence"]["tp"] is None  # no labels for it in this file


def test_mbox_input(grade, tmp_path):
    source = tmp_path / "round1.mbox"
    box = mailbox.mbox(str(source))
    for name, text in (("Ana Ruiz", BAD), ("Bo Li", GOOD)):
        msg = EmailMessage()
        msg["From"] = f"{name} <{name.split()[0].lower()}@example.org>"
        msg["To"] = "instructor@example.org"
        msg["Subject"] = "My draft"
        msg.set_content(text)
        box.add(msg)
    box.flush()
    box.close()
    out = tmp_path / "report.csv"
    code, _, stderr = grade(str(source), "--out", str(out))
    assert code == 0, stderr
    rows = read_csv(out)
    assert [(r["id"], r["student"]) for r in rows] == [
        ("round1.mbox#1", "Ana Ruiz"),
        ("round1.mbox#2", "Bo Li"),
    ]
    assert int(rows[0]["score"]) < int(rows[1]["score"]) == 100


def test_regrade_reads_the_cache_even_after_a_rubric_change(grade, tmp_path):
    inputs = [str(CORPUS / "heldout.jsonl"), str(class_folder(tmp_path / "class"))]
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert parse_summary(grade(*inputs, "--out", str(first))[2]) == (51, 53, 51, 0, 0)
    assert parse_summary(grade(*inputs, "--out", str(second))[2]) == (
        51,
        53,
        0,
        0,
        51,
    )  # whole reports reused
    assert first.read_text() == second.read_text()
    code, _, stderr = grade(*inputs, "--out", str(tmp_path / "third.json"), "--ignore", "vague-ask")
    assert parse_summary(stderr) == (
        51,
        53,
        0,
        51,
        0,
    )  # a new rubric: analysed again, parsed docs reused
    third = json.loads((tmp_path / "third.json").read_text())
    assert "vague-ask" not in {s["rule"] for s in third["summary"]["rules"]}


def test_rule_set_flag_grades_with_the_instructors_rubric(grade, tmp_path):
    folder = str(class_folder(tmp_path / "class"))
    plain, strict = tmp_path / "plain.csv", tmp_path / "strict.csv"
    grade(folder, "--out", str(plain))
    grade(folder, "--out", str(strict), "--rule-set", "first-contact")
    scores = {r["id"]: r["score"] for r in read_csv(plain)}
    assert {r["id"]: r["score"] for r in read_csv(strict)} != scores
    code, _, stderr = grade(folder, "--out", str(strict), "--rule-set", "no-such-set")
    assert code == 2 and "built-in rule-sets: first-contact, job-search" in stderr


def test_no_cache_parses_everything_and_writes_nothing(grade, tmp_path):
    out = tmp_path / "x.json"
    grade(str(CORPUS / "heldout.jsonl"), "--out", str(out))
    _, _, stderr = grade(str(CORPUS / "heldout.jsonl"), "--out", str(out), "--no-cache")
    assert parse_summary(stderr) == (48, 48, 48, 0, 0)
    cache_files = list((tmp_path / "cache" / "intro-lint").rglob("*.spacy"))
    assert len(cache_files) == 48  # from the first run only


def test_baseline_change_column(grade, tmp_path):
    folder = class_folder(tmp_path / "class")
    round1 = tmp_path / "round1.json"
    assert grade(str(folder), "--out", str(round1))[0] == 2
    (folder / "bob" / "draft.txt").write_text(  # bob rewrites his own draft (not a copy of alice's)
        "Hi Rosa,\n\nI loved your write-up on warehouse slotting at Parcelway. Would you have 15 "
        "minutes this week to tell me which metric you tracked first? I'd be glad to send you our "
        "pick-path data in return.\n\nBest,\nBob\n"
    )
    (folder / "dana").mkdir()
    (folder / "dana" / "draft.txt").write_text(BAD)
    out = tmp_path / "round2.csv"
    code, _, stderr = grade(str(folder), "--out", str(out), "--baseline", str(round1))
    assert code == 2, stderr
    rows = {r["id"]: r for r in read_csv(out)}
    before = {d["id"]: d["score"] for d in json.loads(round1.read_text())["drafts"]}
    bob = rows["bob/draft.txt"]
    assert (
        bob["baseline"] == str(before["bob/draft.txt"])
        and int(bob["change"]) == 100 - before["bob/draft.txt"] > 0
    )
    assert rows["alice/draft.txt"]["change"] == "0"
    assert rows["dana/draft.txt"]["baseline"] == "" and rows["bob/scan.txt"]["change"] == ""


def test_bad_baseline_is_a_usage_error(grade, tmp_path):
    (tmp_path / "old.json").write_text("[]")
    code, _, stderr = grade(
        str(CORPUS / "heldout.jsonl"),
        "--out",
        str(tmp_path / "x.csv"),
        "--baseline",
        str(tmp_path / "old.json"),
    )
    assert code == 2 and "old.json" in stderr and "not a `grade --out .json` report" in stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--out", "report.txt"], "unknown report format '.txt'"),
        (["--out", "report"], "use a name ending in .csv, .json or .html"),
        (["--out", "no-such-dir/report.csv"], "the folder does not exist"),
        (
            ["--out", "r.csv", "--scheduler", "tcp://127.0.0.1:8786"],
            "--scheduler needs --engine dask",
        ),
        (["--out", "r.csv", "--select", "no-such-rule"], "unknown rule id 'no-such-rule'"),
    ],
)
def test_usage_errors_exit_2_before_grading(grade, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = grade(str(CORPUS / "heldout.jsonl"), *args)
    assert code == 2 and message in stderr and stdout == ""
    assert "graded" not in stderr


def test_missing_and_unknown_inputs_are_error_rows(grade, tmp_path):
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "ok.txt").write_text(GOOD)
    out = tmp_path / "r.csv"
    code, _, _ = grade(
        str(tmp_path / "nope"),
        str(tmp_path / "slides.pdf"),
        str(tmp_path / "ok.txt"),
        "--out",
        str(out),
    )
    rows = read_csv(out)
    assert code == 2 and [bool(r["error"]) for r in rows] == [True, True, False]


def test_dask_engine_without_dask_says_what_to_install(grade, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("dask", "distributed") else real(name, *a),
    )
    code, _, stderr = grade(
        str(CORPUS / "heldout.jsonl"), "--out", str(tmp_path / "r.csv"), "--engine", "dask"
    )
    assert code == 2 and "pip install 'intro-lint[dask]'" in stderr and "graded" not in stderr


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask is not installed")
def test_dask_engine_missing_from_the_build(grade, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "intro_lint.apps.grade.dask_executor", None)
    code, _, stderr = grade(
        str(CORPUS / "heldout.jsonl"), "--out", str(tmp_path / "r.csv"), "--engine", "dask"
    )
    assert code == 2 and "--engine dask is not available in this build" in stderr


def test_html_without_the_renderer_is_a_clear_error_before_grading(grade, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "intro_lint.apps.grade.html", None)
    code, _, stderr = grade(str(CORPUS / "heldout.jsonl"), "--out", str(tmp_path / "r.html"))
    assert code == 2 and "HTML report is not available" in stderr and "graded" not in stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("intro_lint.apps.grade.html") is None, reason="no HTML report yet"
)
def test_html_report_is_written(grade, tmp_path):
    out = tmp_path / "class.html"
    code, stdout, stderr = grade(str(class_folder(tmp_path / "class")), "--out", str(out))
    assert code == 2 and stdout == "" and "graded 3 of 5 drafts" in stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


@pytest.mark.skipif(
    importlib.util.find_spec("intro_lint.apps.grade.near_copies") is None,
    reason="no duplicates module yet",
)
def test_copies_of_one_template_share_a_duplicate_group(grade, tmp_path):
    template = (
        "Hi {0},\n\nI'm reaching out to my network because I am looking for my next role in "
        "product management. If you know of any openings or anyone who might be hiring, I would "
        "really appreciate an introduction. Thanks so much for any help you can give me.\n\nBest,\n"
        "{1}\n"
    )
    folder = tmp_path / "class"
    for student, (reader, sender) in {
        "ana": ("Priya", "Ana"),
        "bo": ("Tom", "Bo"),
        "cy": ("Lena", "Cy"),
    }.items():
        (folder / student).mkdir(parents=True)
        (folder / student / "draft.txt").write_text(template.format(reader, sender))
    (folder / "dee").mkdir()
    (folder / "dee" / "draft.txt").write_text(GOOD)
    out = tmp_path / "r.csv"
    assert grade(str(folder), "--out", str(out))[0] == 0
    groups = {r["student"]: r["duplicate_group"] for r in read_csv(out)}
    assert groups["ana"] == groups["bo"] == groups["cy"] != "" and groups["dee"] == ""


def test_grades_without_the_duplicates_module(grade, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "intro_lint.apps.grade.near_copies", None)
    out = tmp_path / "r.json"
    code, _, stderr = grade(str(CORPUS / "heldout.jsonl"), "--out", str(out))
    assert code == 0 and json.loads(out.read_text())["duplicates"] == []


# --- as a real process ----------------------------------------------------------------------------


def run_module(*args: str, tmp_path: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "intro_lint.apps.grade.command", *args],
        env=env,
        timeout=600,
        **{"capture_output": True, **kwargs},
    )


def test_jobs_2_keeps_input_order_and_gives_the_same_reports(grade, tmp_path):
    inputs = [
        str(CORPUS / "heldout.jsonl"),
        str(CORPUS / "heldout2.jsonl"),
    ]  # 98 drafts: two processes
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert grade(*inputs, "--out", str(one), "--no-cache")[0] == 0
    proc = run_module(*inputs, "--out", str(two), "--no-cache", "--jobs", "2", tmp_path=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b"", proc.stderr.decode()
    assert parse_summary(proc.stderr.decode()) == (98, 98, 98, 0, 0)
    assert "grading" not in proc.stderr.decode()  # no progress bar when stderr is not a terminal
    records = [
        json.loads(line)["id"]
        for path in inputs
        for line in Path(path).read_text().splitlines()
        if line.strip()
    ]
    assert [d["id"] for d in json.loads(two.read_text())["drafts"]] == records
    assert one.read_text() == two.read_text()


def test_progress_bar_on_a_terminal_unless_quiet(tmp_path):
    args = [str(class_folder(tmp_path / "class")), "--out", str(tmp_path / "r.csv")]
    shown = on_terminal(args, tmp_path)
    assert "grading" in shown and "graded 3 of 5 drafts" in shown
    assert "grading" not in on_terminal([*args, "--quiet"], tmp_path)


def on_terminal(args: list[str], tmp_path: Path) -> str:
    """Run with stderr on a pseudo-terminal; return what it printed there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "intro_lint.apps.grade.command", *args],
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=600) == 2
    return b"".join(chunks).decode(errors="replace")
