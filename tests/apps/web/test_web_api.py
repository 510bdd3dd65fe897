"""The page's API on a real server process: check's findings, bounded inputs, a room's files."""

from __future__ import annotations

import email
import json
import re
import threading
from email import policy
from pathlib import Path

import pytest
from webserver import start_server, stop_server

from intro_lint.read.message import read_text

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
ASK = "Hi Sam,\n\nCould you introduce me to [name] at Lumen about the design role? 😀 Ünï\n\nJo\n"

WITH_NOTE = (
    "Hi Dmitri,\n\nThanks for offering to connect me with Harriet. Below is a note you can forward "
    "as is.\n\n---\nHi Harriet,\n\nI'm Sana Mirza, co-founder of Lumen Ledger "
    "(lumenledger.example). We help hospitals reconcile supplier invoices. I'd like to meet "
    "because your work with Corvid Clinics is exactly where we see demand. Would you be open to "
    "25 minutes "
    "in the next few weeks?\n\nThanks,\nSana\n"
)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "name", ["jeff-becky.txt", "reconnect-give-first.txt", "cold-placeholder.txt"]
)
def test_the_page_gets_the_same_score_and_findings_as_check(served, linter, name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    status, got = served.json("/api/lint", {"text": text})
    want = linter.lint([read_text(text, "draft.txt")])[0]
    assert status == 200
    assert (got["score"], got["grade"], got["subscores"]) == (
        want.score,
        want.grade,
        want.subscores,
    )
    assert [(f["rule"], f["severity"], f["start"], f["end"]) for f in got["findings"]] == [
        (f.rule, f.severity, utf16(text, f.start), utf16(text, f.end)) for f in want.findings
    ]
    for f in got["findings"]:
        assert f["why"] and "\n" not in f["why"] and f["source"]


def test_offsets_are_utf16_units_and_placeholders_are_marked(served):
    status, got = served.json("/api/lint", {"text": ASK, "to": "Sam Lee <sam@example.org>"})
    assert status == 200
    blanks = [f for f in got["findings"] if f["placeholder"]]
    assert blanks and all(f["severity"] == "error" for f in blanks)
    js = ASK.encode("utf-16-le")  # what a JavaScript string holds
    assert {js[2 * f["start"] : 2 * f["end"]].decode("utf-16-le") for f in blanks} == {"[name]"}
    after = [f for f in got["findings"] if f["start"] > ASK.index("😀")]
    for f in after:  # past the emoji (two UTF-16 units) the offsets still land on the same words
        assert f["end"] <= len(js) // 2


def test_the_to_field_names_the_reader(served):
    text = "Hello,\n\nCould you introduce me to someone at Lumen?\n\nJo\n"
    _, bare = served.json("/api/lint", {"text": text})
    _, named = served.json("/api/lint", {"text": text, "to": "Bob Chen <bob@example.org>"})
    greet = [
        x for f in named["findings"] for x in f["fixes"] if x["safety"] == "safe" and x["edits"]
    ]
    assert greet and greet[0]["edits"][0]["text"].startswith("Hello Bob,")
    assert not [x for f in bare["findings"] for x in f["fixes"] if "Bob" in json.dumps(x)]


def test_the_forwardable_note_is_shown_or_said_to_be_missing(served):
    _, with_note = served.json("/api/lint", {"text": WITH_NOTE})
    _, without = served.json("/api/lint", {"text": ASK})
    assert without["forwardable"] is None and without["is_request"]
    note = with_note["forwardable"]
    assert note and note["self_contained"] and note["text"] in WITH_NOTE
    assert "Hi Harriet," in note["text"] and "Dmitri" not in note["text"]


def test_an_opened_eml_gives_its_text_headers_and_attachments(served):
    data = (EXAMPLES / "jeff-becky-rewrite.eml").read_bytes()
    status, got = served.json(
        "/api/read", raw=data, headers={"X-File-Name": "a/../../jeff.eml", "Content-Type": "x"}
    )
    assert status == 200
    assert got["to"] and got["subject"] and got["text"].strip()
    assert got["attachments"], "the rewrite carries Becky's resume"
    _, linted = served.json(
        "/api/lint", {"text": got["text"], "to": got["to"], "attachments": got["attachments"]}
    )
    _, bare = served.json("/api/lint", {"text": got["text"], "to": got["to"]})
    rules = lambda a: {f["rule"] for f in a["findings"]}  # noqa: E731
    assert "no-attachment" not in rules(linted) and linted["score"] >= bare["score"]


@pytest.mark.parametrize(
    ("path", "body", "headers", "status", "says"),
    [
        ("/api/lint", b"{bad", {}, 422, "not valid JSON"),
        ("/api/lint", b'{"text": 5}', {}, 422, "text"),
        ("/api/lint", b'{"text": "x", "evil": 1}', {}, 422, "evil"),
        ("/api/lint", json.dumps({"text": "a" * 1_500_000}).encode(), {}, 413, "over the limit"),
        ("/api/lint", b"x" * 3_000_000, {}, 413, "over the limit"),
        ("/api/read", b"%PDF-1.4\x00\x01\x02binary", {"X-File-Name": "cv.txt"}, 422, "PDF"),
        ("/api/read", b"\x00\x01\x02\xff" * 64, {"X-File-Name": "cv.txt"}, 422, "binary"),
        ("/api/read", b"hello", {"X-File-Name": "cv.pdf"}, 415, ".txt, .md or .eml"),
        ("/api/read", b"", {"X-File-Name": "empty.txt"}, 422, "empty"),
        ("/api/join", b'{"name": "Ana", "code": "WRONG1"}', {}, 403, "code"),
        ("/api/submit", b'{"name": "A", "code": "NO", "text": "Hi"}', {}, 403, "code"),
    ],
    ids=["malformed-json", "wrong-type", "unknown-field", "huge-paste", "huge-body", "pdf-upload",
         "binary-upload", "wrong-kind", "empty-upload", "wrong-code-join", "wrong-code-submit"],
)  # fmt: skip
def test_bad_requests_get_a_clear_4xx_and_the_server_keeps_serving(
    served, path, body, headers, status, says
):
    got, _, data = served.call(path, raw=body, headers=headers)
    assert got == status
    assert says in json.loads(data)["detail"]
    assert served.json("/api/lint", {"text": ASK})[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/instructor",
        "/instructor?token=wrong",
        "/instructor/report?token=",
        "/instructor/report.csv",
    ],
)
def test_without_the_token_nobody_sees_the_class(served, path):
    status, _, data = served.call(path, method="GET")
    assert status == 403 and b"Bob" not in data


@pytest.mark.parametrize(
    "path", ["/static/../app.py", "/static/index.html", "/static/%2e%2e%2fapp.py"]
)
def test_no_path_from_the_client_reaches_the_file_system(served, path):
    status, _, data = served.call(path, method="GET")
    assert status == 404 and b"import" not in data


def test_the_page_and_its_files_come_from_the_server_with_a_strict_policy(served):
    status, headers, page = served.call("/", method="GET")
    assert status == 200 and b'<script src="/static/app.js"' in page
    assert "script-src 'self'" in headers["content-security-policy"]
    fetched = re.compile(rb"""(?:src|href)=["']?(?:https?:)?//|url\(["']?(?:https?:)?//|@import""")
    assert not fetched.search(page)  # nothing from a CDN or anywhere else
    for name in ("app.js", "app.css", "icon.svg"):
        status, _, data = served.call(f"/static/{name}", method="GET")
        assert status == 200 and not fetched.search(data) and b'fetch("http' not in data


def test_another_host_name_is_refused_on_loopback(served):
    status, _, _ = served.call("/api/info", method="GET", headers={"Host": "evil.example"})
    assert status == 400


def test_concurrent_submissions_each_land_in_their_own_file(served):
    names = [f"Participant {n:02d}" for n in range(24)] + ["Ana López"] * 4 + ["../../etc/passwd"]
    results: list[int] = []

    def send(name: str, n: int):
        body = {
            "name": name,
            "code": served.code.lower(),
            "text": f"Hi Sam,\n\nDraft {n} by {name}.\n",
        }
        results.append(served.json("/api/submit", body)[0])

    threads = [threading.Thread(target=send, args=(name, n)) for n, name in enumerate(names)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * len(names)
    files = sorted(served.folder.glob("*.eml"))
    assert all(p.parent == served.folder for p in files)
    kept: dict[str, list[str]] = {}
    for path in files:
        mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        kept.setdefault(mail["X-Intro-Lint-Participant"], []).append(mail.get_content())
    for n, name in enumerate(names):
        assert f"Draft {n} by {name}.\n" in "".join(kept[name])
    assert len(kept["Ana López"]) == 4  # the same name four times: four files, none overwritten
    assert not list(served.folder.glob(".*"))  # no temporary file left behind


def test_the_instructor_sees_the_class_report_and_its_csv(served):
    body = {
        "name": "Bob Report",
        "code": served.code,
        "text": (EXAMPLES / "jeff-becky.txt").read_text(),
    }
    assert served.json("/api/submit", body)[0] == 200
    status, _, page = served.call(f"/instructor?token={served.token}", method="GET")
    assert status == 200 and served.code.encode() in page
    status, _, report = served.call(f"/instructor/report?token={served.token}", method="GET")
    assert status == 200 and b"Workshop grading report" in report
    status, headers, table = served.call(
        f"/instructor/report.csv?token={served.token}", method="GET"
    )
    assert status == 200 and "attachment" in headers["content-disposition"]
    assert any("bob-report" in line for line in table.decode().splitlines()[1:])


def test_join_is_rate_limited_and_answers_again_later(served):
    statuses = [served.json("/api/join", {"name": "X", "code": "AAAAAA"})[0] for _ in range(15)]
    assert statuses[0] == 403 and 429 in statuses


def test_ctrl_c_stops_the_server_cleanly(tmp_path):
    server = start_server(tmp_path / "room", tmp_path)
    assert server.json("/api/info") == (200, {"workshop": True, "max_bytes": 1_000_000})
    assert stop_server(server) == 0
    assert server.lines[-1] == "intro-lint serve: stopped"
