"""`--fix` writes exactly the diff `--diff` prints, on every example and corpus draft."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def drafts() -> dict[str, str]:
    """name -> text of every .txt/.md example and every corpus/dev.jsonl message."""
    out = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))}
    out |= {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "examples").glob("*.md"))
        if p.name != "README.md"
    }
    for line in (ROOT / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[f"{record['id']}.txt"] = record["text"]
    return out


def split_files(diff: str) -> dict[str, list[str]]:
    """Each file's lines of a multi-file unified diff, by the path after `+++ b/`."""
    files: dict[str, list[str]] = {}
    current = None
    for line in diff.splitlines(keepends=True):
        if line.startswith("+++ b/"):
            current = files.setdefault(line[6:].rstrip("\n"), [])
        elif current is not None and not line.startswith("--- a/"):
            current.append(line)
    return files


def patch(original: str, lines: list[str]) -> str:
    """Apply one file's hunks to its text, checking every context and removed line."""
    old = original.splitlines(keepends=True)
    out: list[str] = []
    at = 0
    for i, line in enumerate(lines):
        m = HUNK.match(line)
        if not m:
            continue
        start = int(m[1]) - (0 if m[2] == "0" else 1)
        out += old[at:start]
        at = start
        prev = ""
        for body in lines[i + 1 :]:
            if body.startswith("@@"):
                break
            if body.startswith("\\"):  # "\ No newline at end of file" for the line before
                if prev and prev in " +":
                    out[-1] = out[-1].rstrip("\n")
                continue
            prev = body[0]
            if prev in " -":
                assert old[at].rstrip("\n") == body[1:].rstrip("\n"), (old[at], body)
                at += 1
            if prev in " +":
                out.append(body[1:])
    return "".join(out + old[at:])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("fix-diff")
    for name, text in drafts().items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("level", [(), ("--unsafe-fixes",)])
def test_fix_writes_what_diff_printed(cli, tmp_path, folder, level):
    names = sorted(p.name for p in folder.iterdir())
    work = tmp_path / "w"
    work.mkdir()
    for name in names:
        (work / name).write_bytes((folder / name).read_bytes())
    shown = cli("check", "--diff", *level, *names, cwd=work)
    assert shown.returncode in (0, 1), shown.stderr.decode()
    diffs = split_files(shown.stdout.decode("utf-8"))
    if level:
        assert len(diffs) > len(names) // 2  # the scaffolds touch most drafts
    unchanged = {n: (work / n).read_bytes() for n in names}
    assert unchanged == {n: (folder / n).read_bytes() for n in names}  # --diff wrote nothing
    done = cli("check", "--fix", *level, *names, cwd=work)
    assert done.returncode in (0, 1), done.stderr.decode()
    for name in names:
        before = (folder / name).read_text(encoding="utf-8")
        expected = patch(before, diffs[name]) if name in diffs else before
        assert (work / name).read_text(encoding="utf-8") == expected, name


def test_no_fix_to_offer_is_said_on_stdout_for_diff_and_on_stderr_for_fix(cli, tmp_path):
    draft = tmp_path / "plain.txt"
    draft.write_text("Hi Ann,\n\nThanks again for the lunch last week.\n\nJo\n", encoding="utf-8")
    shown = cli("check", "--diff", str(draft))
    assert shown.stdout.decode().strip() == "no fixes available"
    done = cli("check", "--fix", str(draft))
    assert "no fixes available" in done.stderr.decode()
    assert (
        draft.read_text(encoding="utf-8")
        == "Hi Ann,\n\nThanks again for the lunch last week.\n\nJo\n"
    )


def test_the_diff_goes_to_stdout_and_nothing_else_does(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text((ROOT / "examples" / "jeff-becky.txt").read_text(encoding="utf-8"))
    shown = cli("check", "--diff", "--unsafe-fixes", str(draft))
    out = shown.stdout.decode()
    assert out.startswith(f"--- a/{draft}\n+++ b/{draft}\n@@ ")
    assert "score" not in out and shown.stderr == b""


def test_fix_keeps_the_files_encoding_bom_and_mixed_line_breaks(cli, tmp_path):
    text = (ROOT / "examples" / "jeff-becky.txt").read_text(encoding="utf-8")
    lines = text.replace("’", "'").replace("Jeff", "Jöff").split("\n")
    mixed = "\r\n".join(lines[:3]) + "\n" + "\n".join(lines[3:])  # CRLF at the top, LF below
    drafts = {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "latin.txt": mixed.encode("cp1252"),
    }
    for name, data in drafts.items():
        (tmp_path / name).write_bytes(data)
    cli("check", "--fix", "--unsafe-fixes", *drafts, cwd=tmp_path)
    for name, data in drafts.items():
        after = (tmp_path / name).read_bytes()
        assert after != data and after[:2] == data[:2], name
    assert (tmp_path / "bom.txt").read_bytes().decode("utf-8-sig").startswith(text.split("\n")[0])
    assert "--- note to forward ---" in (tmp_path / "utf16.txt").read_bytes().decode("utf-16")
    latin = (tmp_path / "latin.txt").read_bytes().decode("cp1252")
    # the lines the fixes left alone keep their own breaks: CRLF above, LF below
    assert latin.startswith("Hey Bob,\r\n\r\nIt's been a while.") and "Becky" in latin
    assert latin.endswith("--- end of note ---\n\nThanks,\nJöff\n")
