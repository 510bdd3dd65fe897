"""The command line, through its installed entry point, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
DRAFTS = Path(__file__).resolve().parents[1] / "drafts"  # shared by the cli and grade tests
GOOD = (DRAFTS / "good.txt").read_text(encoding="utf-8")  # a request done well
BAD = (DRAFTS / "bad.txt").read_text(encoding="utf-8")  # a blast, urgent and vague


def test_check_text_output_and_exit_code(cli):
    out = cli("check", str(EXAMPLES / "jeff-becky.txt"))
    assert out.returncode == 1
    lines = out.stdout.decode().splitlines()
    assert any(
        line.startswith(f"{EXAMPLES / 'jeff-becky.txt'}:3:") and " vague-ask " in line
        for line in lines
    )
    assert any("fix (" in line for line in lines)
    assert "score" in lines[-1] and "grade" in lines[-1]


def test_clean_draft_exits_zero(cli, tmp_path):
    draft = tmp_path / "good.txt"
    draft.write_text(GOOD)
    out = cli("check", str(draft))
    assert out.returncode == 0, out.stdout.decode()
    assert "score 100/100" in out.stdout.decode()


def test_json_schema_shape(cli):
    out = cli(
        "check",
        "--format",
        "json",
        str(EXAMPLES / "jeff-becky.txt"),
        str(EXAMPLES / "jeff-becky-rewrite.eml"),
    )
    doc = json.loads(out.stdout)
    assert doc["version"] == 1 and len(doc["reports"]) == 2
    bad, good = doc["reports"]
    assert set(bad) >= {"path", "score", "grade", "subscores", "metrics", "findings"}
    f = bad["findings"][0]
    assert set(f) >= {
        "rule",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "evidence",
        "fixes",
    }
    text = (EXAMPLES / "jeff-becky.txt").read_text(encoding="utf-8")
    assert 0 <= f["start"] <= f["end"] <= len(text)
    assert good["findings"] == [] and good["score"] == 100


def test_one_bad_file_does_not_sink_the_batch(cli, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text("a" * 2000)
    (tmp_path / "bad.eml").write_bytes(
        b"Content-Type: multipart/mixed; boundary=zz\n\nno parts here\n"
    )
    (tmp_path / "ok.txt").write_text(BAD)
    args = ["check", "--max-bytes", "1000", "--format", "json"]
    names = ["binary.txt", "empty.txt", "big.txt", "bad.eml", "missing.txt", "ok.txt"]
    out = cli(*args, *[str(tmp_path / n) for n in names])
    assert out.returncode == 2
    err = out.stderr.decode()
    assert "Traceback" not in err
    for name in names[:-1]:
        assert any(name in line for line in err.splitlines()), name
    reports = json.loads(out.stdout)["reports"]
    assert [Path(r["path"]).name for r in reports] == names
    assert reports[-1]["error"] is None and reports[-1]["findings"]
    assert all(r["error"] for r in reports[:-1])


def test_stdin_and_python_dash_m(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "intro_lint", "check", "--format", "json", "-"],
        input=BAD.encode(),
        capture_output=True,
    )
    assert out.returncode == 1
    report = json.loads(out.stdout)["reports"][0]
    assert report["path"] == "-" and {"generic-blast", "self-centered"} <= {
        f["rule"] for f in report["findings"]
    }


def test_select_ignore_and_fail_on(cli):
    path = str(EXAMPLES / "jeff-becky.txt")
    only = json.loads(cli("check", "--format", "json", "--select", "vague-ask", path).stdout)
    assert {f["rule"] for f in only["reports"][0]["findings"]} == {"vague-ask"}
    rest = json.loads(
        cli("check", "--format", "json", "--ignore", "vague-ask,long-silence", path).stdout
    )
    assert not {"vague-ask", "long-silence"} & {f["rule"] for f in rest["reports"][0]["findings"]}
    assert cli("check", "--fail-on", "error", "--select", "vague-ask", path).returncode == 0
    assert cli("check", "--fail-on", "error", "--select", "no-attachment", path).returncode == 1
    bad = cli("check", "--select", "no-such-rule", path)
    assert bad.returncode == 2 and b"no-such-rule" in bad.stderr


def test_rule_set_flag_changes_the_rubric_and_names_the_built_ins(cli):
    path = str(EXAMPLES / "jeff-becky.txt")
    plain = json.loads(cli("check", "--format", "json", path).stdout)["reports"][0]
    strict = json.loads(cli("check", "--format", "json", "--rule-set", "job-search", path).stdout)[
        "reports"
    ][0]
    assert "no-attachment" in {f["rule"] for f in plain["findings"]}
    assert strict["score"] < plain["score"]  # job-search weighs missing materials twice as much
    bad = cli("check", "--rule-set", "nope", path)
    assert bad.returncode == 2 and b"built-in rule-sets: first-contact, job-search" in bad.stderr


def test_inline_suppression(cli, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("<!-- intro-lint: ignore[vague-ask] we know -->\n" + BAD)
    rules = {
        f["rule"]
        for f in json.loads(cli("check", "--format", "json", str(draft)).stdout)["reports"][0][
            "findings"
        ]
    }
    assert "vague-ask" not in rules and "generic-blast" in rules


def test_fix_fills_greeting_and_keeps_the_rest(cli, tmp_path):
    draft = tmp_path / "d.eml"
    body = (
        "Hi there,\n\nCould you introduce me to Ana Ruiz at Plume about the data lead role? "
        "Resume: jo.example/cv\n\nJo\n"
    )
    draft.write_text(
        f"From: Jo <jo@example.org>\nTo: Dana Smith <dana@example.org>\nSubject: intro\n\n{body}"
    )
    diff = cli("check", "--diff", str(draft))
    assert b"-Hi there," in diff.stdout and b"+Hi Dana," in diff.stdout
    txt = tmp_path / "d.txt"
    txt.write_text("Subject: intro\n\n" + body)
    before = txt.read_text()
    cli("check", "--fix", str(txt))
    assert txt.read_text() == before  # no To header in a .txt: nothing safe to fill, nothing lost
    cli("check", "--fix", "--unsafe-fixes", str(txt))
    after = txt.read_text()
    assert "Could you introduce me to Ana Ruiz at Plume" in after and len(after) > len(before)
    assert "[" in after  # scaffolds carry placeholders


def test_fix_keeps_crlf_line_breaks_and_the_files_mode(cli, tmp_path):
    body = (
        "Hi there,\n\nCould you introduce me to Ana Ruiz at Plume about the data lead role?\n\nJo\n"
    )
    txt = tmp_path / "d.txt"
    txt.write_bytes(("Subject: intro\n\n" + body).replace("\n", "\r\n").encode())
    txt.chmod(0o640)
    cli("check", "--fix", "--unsafe-fixes", str(txt))
    after = txt.read_bytes()
    assert len(after) > len(body) and after.count(b"\n") == after.count(b"\r\n")
    assert (txt.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


def test_explain_rules_and_schema(cli):
    explain = cli("explain", "not-forwardable").stdout.decode()
    assert "forward" in explain and "Source:" in explain and "Fix (" in explain
    assert cli("explain", "nope").returncode == 2
    listed = cli("rules").stdout.decode().splitlines()
    assert len(listed) == 8 and listed[0].split()[0] == "asks-without-giving"
    schema = json.loads(cli("schema").stdout)
    assert "reports" in schema["properties"]


def test_parse_shows_the_model(cli):
    out = cli("parse", str(EXAMPLES / "jeff-becky.txt")).stdout.decode()
    assert "asks:" in out and "[intro]" in out and "gap mentions: It’s been a while" in out
    assert "beneficiary=Becky" in out


def test_rules_test_runs_a_users_rule_folder(cli, tmp_path):
    rule = tmp_path / "apology.toml"
    rule.write_text(
        'kind = "phrase"\nmessage = "Apologises"\nwhy = "x"\nsource = "ours"\n[params]\n'
        'phrases = ["sorry to bother you"]\n[examples]\nfail = ["Sorry to bother you, Jo."]\n'
        'pass = ["Hello Jo."]\n'
    )
    ok = cli("rules", "test", str(tmp_path))
    assert ok.returncode == 0 and b"2 passed, 0 failed" in ok.stdout
    rule.write_text(
        rule.read_text().replace('pass = ["Hello Jo."]', 'pass = ["Sorry to bother you again."]')
    )
    bad = cli("rules", "test", str(tmp_path))
    assert bad.returncode == 1 and b"fired on a pass example" in bad.stdout
    rule.write_text(rule.read_text().replace('kind = "phrase"', 'kind = "phrase"\ncolour = "red"'))
    broken = cli("rules", "test", str(tmp_path))
    assert broken.returncode == 2 and b"apology.toml: rule apology: field colour" in broken.stderr


def test_project_config_and_config_show(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.intro-lint]\nignore = ["vague-ask", "no-attachment"]\nfail-on = "error"\n'
    )
    sub = tmp_path / "drafts"
    sub.mkdir()
    (sub / "d.txt").write_text(BAD)
    out = cli("check", "--format", "json", "d.txt", cwd=sub)
    rules = {f["rule"] for f in json.loads(out.stdout)["reports"][0]["findings"]}
    assert "vague-ask" not in rules and out.returncode == 0
    shown = cli("config", "show", cwd=sub, env={"INTRO_LINT_FAIL_ON": "warning"}).stdout.decode()
    assert "project file" in shown and "INTRO_LINT_FAIL_ON" in shown
    (tmp_path / "pyproject.toml").write_text('[tool.intro-lint]\nfail-on = "loud"\n')
    broken = cli("check", "d.txt", cwd=sub)
    assert (
        broken.returncode == 2
        and b"fail-on" in broken.stderr
        and b"pyproject.toml" in broken.stderr
    )


def test_eval_reports_precision_and_recall(cli, tmp_path, label_ids):
    corpus = tmp_path / "c.jsonl"
    labels = dict.fromkeys(sorted(label_ids), False)
    recs = [
        {
            "id": "a",
            "text": BAD,
            "attachments": [],
            "verdict": "bad",
            "labels": {**labels, "generic-blast": True},
        },
        {"id": "b", "text": GOOD, "attachments": [], "verdict": "good", "labels": labels},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in recs))
    done = cli("eval", str(corpus), "--min-auc", "0.9")
    out = done.stdout.decode()
    assert "generic-blast            1   0   0  1.00  1.00  1.00" in out
    assert "good messages with any finding: 0/1" in out
    assert "score AUC (a good message scores above a bad one): 1.000" in out
    assert done.returncode == 0


def test_eval_fails_when_a_rule_misses_the_kappa_it_is_asked_for(cli, tmp_path, label_ids):
    corpus = tmp_path / "c.jsonl"
    labels = dict.fromkeys(sorted(label_ids), False)
    rec = {"id": "a", "text": BAD, "attachments": [], "verdict": "bad", "labels": labels}
    good = {**rec, "id": "b", "text": GOOD, "verdict": "good"}  # BAD is labelled clean: all FPs
    corpus.write_text(json.dumps(rec) + "\n" + json.dumps(good) + "\n")
    assert cli("eval", str(corpus)).returncode == 0
    assert cli("eval", str(corpus), "--min-kappa", "0.5").returncode == 1
    assert cli("eval", str(corpus), "--max-good-flagged", "0").returncode == 0


def test_eval_stops_at_the_first_bad_line(cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": GOOD, "labels": {}}) + "\n\n{broken\n[1]\n")
    out = cli("eval", str(corpus))
    assert out.returncode == 2
    why = "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    assert out.stderr.decode() == f"intro-lint: {corpus}: line 3: not a labelled record ({why})\n"
