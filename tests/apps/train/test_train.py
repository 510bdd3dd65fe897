"""`intro-lint train` via its entry point: reproducible, usable from config, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT / "corpus" / "train.jsonl"


def _small_corpus(tmp_path: Path, n: int = 80) -> Path:
    """The first n records of the training corpus: both verdicts, annotations, several sources."""
    lines = TRAIN.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_corpus_and_seed_give_the_same_bytes(cli, tmp_path):
    corpus = _small_corpus(tmp_path)
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        done = cli("train", str(corpus), "--out", str(out))
        assert done.returncode == 0, done.stderr.decode()
    assert _files(first) == _files(second)
    info = json.loads((first / "model.json").read_text(encoding="utf-8"))["info"]
    assert info["messages"] == 80 and info["corpora"][0]["path"].endswith("small.jsonl")


def test_a_trained_folder_is_what_check_uses_when_config_names_it(cli, tmp_path):
    corpus = _small_corpus(tmp_path)
    assert cli("train", str(corpus), "--out", str(tmp_path / "mine")).returncode == 0
    (tmp_path / ".intro-lint.toml").write_text('model = "mine"\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Hi Dana,\n\nAny leads on jobs?\n\nJo", encoding="utf-8")
    shown = cli("config", "show", cwd=tmp_path)
    assert str(tmp_path / "mine") in shown.stdout.decode()
    out = cli("check", "--format", "json", "d.txt", cwd=tmp_path)
    assert out.returncode in (0, 1), out.stderr.decode()
    assert json.loads(out.stdout)["reports"][0]["error"] is None


def test_cross_validation_prints_the_table_and_writes_its_numbers(cli, tmp_path):
    corpus = _small_corpus(tmp_path)
    cv = tmp_path / "cv.json"
    out = cli("train", str(corpus), "--out", str(tmp_path / "m"), "--cv", "3", "--cv-out", str(cv))
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode()
    assert "grouped 3-fold cross-validation over 80 messages" in text
    numbers = json.loads(cv.read_text(encoding="utf-8"))
    assert len(numbers["per_fold"]) == 3 and sum(f["messages"] for f in numbers["per_fold"]) == 80


def test_a_corpus_that_is_not_json_lines_is_exit_2_naming_the_file(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\x01 not json\n")
    out = cli("train", str(bad), "--out", str(tmp_path / "m"))
    assert out.returncode == 2 and "bad.jsonl" in out.stderr.decode()
    assert not (tmp_path / "m").exists()


def test_a_record_without_a_label_for_a_rule_is_exit_2(cli, tmp_path):
    rec = {"id": "x1", "text": "Hi,\n\nHelp?\n\nJo", "labels": {"vague-ask": True}}
    path = tmp_path / "short.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = cli("train", str(path), "--out", str(tmp_path / "m"))
    assert out.returncode == 2
    assert "short.jsonl" in out.stderr.decode() and "no label for" in out.stderr.decode()
