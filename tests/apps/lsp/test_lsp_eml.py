"""Saved .eml buffers: the editor lints what `intro-lint check` lints, placed on the buffer."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SAVED = sorted(EXAMPLES.glob("*.eml"))
HEADERS = (
    "From: Jo <jo@example.org>\nTo: Becky <becky@example.org>\nSubject: Hello\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
)


def check_rules(lsp, *paths) -> dict[str, set[str]]:
    """Each file's rules as the real `intro-lint check --format json` reports them."""
    run = subprocess.run(
        [sys.executable, "-m", "intro_lint", "check", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=lsp.root,
        env=lsp.env,
    )
    assert run.returncode in (0, 1), run.stderr
    reports = json.loads(run.stdout)["reports"]
    return {r["path"]: {f["rule"] for f in r["findings"]} for r in reports}


@pytest.fixture(scope="module")
def encoded(lsp):
    path = lsp.folder / "encoded.eml"
    body = base64.encodebytes(lsp.example("jeff-becky.txt").encode("utf-8")).decode("ascii")
    path.write_text(f"{HEADERS}Content-Transfer-Encoding: base64\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plain(lsp):
    path = lsp.folder / "plain.eml"
    text = lsp.example("jeff-becky.txt")
    path.write_text(f"{HEADERS}Content-Transfer-Encoding: 8bit\n\n{text}", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(lsp, encoded, plain):
    return check_rules(lsp, *SAVED, encoded, plain)


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.name)
async def test_editor_and_check_find_the_same_rules(lsp, expected, path):
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    found = await lsp.open(uri, text, language_id="mail")
    assert lsp.codes(found) == expected[str(path)]
    assert all(lsp.inside(text, d.range) for d in found)
    lsp.close(uri)


async def test_quoted_printable_findings_sit_on_their_encoded_words(lsp, expected):
    path = EXAMPLES / "reply-with-history.eml"
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    found = await lsp.open(uri, text)
    assert len(found) == 5 and lsp.codes(found) == expected[str(path)]
    for d in found:
        flagged = lsp.text_in(text, d.range).replace("=\n", "").rstrip()  # a span may take "\n\n"
        assert flagged == "Any intros to people at your company or anywhere else would really help."
    actions = await lsp.actions(uri, found[0].range, found)
    assert [a.title for a in actions if a.edit] == []  # an encoded body takes no edits
    hover = await lsp.hover(uri, found[0].range.start)
    assert hover is not None and "vague-ask" in hover.contents.value
    lsp.close(uri)


async def test_base64_findings_go_to_the_first_body_line(lsp, expected, encoded):
    text = encoded.read_text(encoding="utf-8")
    found = await lsp.open(encoded.as_uri(), text)
    assert lsp.codes(found) == expected[str(encoded)] != set()
    first_line = text.split("\n").index("") + 1
    assert {(d.range.start.line, d.range.end.line) for d in found} == {(first_line, first_line)}
    lsp.close(encoded.as_uri())


async def test_unencoded_eml_keeps_exact_positions_and_edits(lsp, expected, plain):
    text = plain.read_text(encoding="utf-8")
    found = await lsp.open(plain.as_uri(), text)
    assert lsp.codes(found) == expected[str(plain)] != set()
    vague = next(d for d in found if d.code == "vague-ask")
    assert "knew anyone who might be hiring" in lsp.text_in(text, vague.range)
    actions = await lsp.actions(plain.as_uri(), vague.range, [vague])
    ignore = next(a for a in actions if a.title == "Ignore vague-ask in this draft")
    fixed = lsp.apply_edit(text, plain.as_uri(), ignore.edit)
    assert fixed == text.replace("\n\n", "\n\n<!-- intro-lint: ignore[vague-ask] -->\n", 1)
    lsp.close(plain.as_uri())


async def test_malformed_eml_gets_one_notice_naming_the_problem(lsp):
    uri = lsp.uri("broken.eml")
    text = (
        "From: Jo <jo@example.org>\nTo: Sam <sam@example.org>\nContent-Type: multipart/mixed\n\nHi"
    )
    found = await lsp.open(uri, text)
    assert [d.code for d in found] == ["not-read"] and "malformed MIME" in found[0].message
    lsp.close(uri)
