"""The one JSONL reader: each line's record or its problem; eval stops at the first one."""

from __future__ import annotations

import io
import json

import pytest

from intro_lint.errors import InputError
from intro_lint.read.corpus import json_lines, read_corpus

RECORD = {"id": "a", "text": "Hi Jo,\n\nCould you call me?\n\nAl", "labels": {}}


def test_each_non_blank_line_is_a_value_or_a_problem():
    data = b'{"id": 1}\n\n  \n[1]\n{broken\n\xef\xbb\xbf{"bom": true}\n\xff\n'
    lines = list(json_lines(io.BytesIO(data)))
    assert [line.number for line in lines] == [1, 4, 5, 6, 7]
    assert [line.value for line in lines] == [{"id": 1}, [1], None, {"bom": True}, None]
    assert isinstance(lines[2].problem, json.JSONDecodeError)
    assert isinstance(lines[4].problem, UnicodeDecodeError)
    assert lines[0].problem is None


def test_a_line_separator_inside_a_string_stays_in_its_record():
    data = json.dumps({"text": "one\u2028two"}, ensure_ascii=False).encode() + b"\n"
    (line,) = json_lines(io.BytesIO(data))
    assert line.value == {"text": "one\u2028two"}


def test_read_corpus_returns_the_records(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(RECORD) + "\r\n\n" + json.dumps({**RECORD, "id": "b"}) + "\n")
    assert [r["id"] for r in read_corpus(str(path))] == ["a", "b"]


@pytest.mark.parametrize(
    "line, why",
    [
        ("{broken", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ('{"id": "x", "text": "t"}', "'labels'"),
        ("[1]", "list indices must be integers or slices, not str"),
    ],
)
def test_read_corpus_stops_at_the_first_bad_line(tmp_path, line, why):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(RECORD) + "\n\n" + line + "\n{also broken\n")
    with pytest.raises(InputError) as caught:
        read_corpus(str(path))
    assert str(caught.value) == f"{path}: line 3: not a labelled record ({why})"


def test_an_unreadable_corpus(tmp_path):
    with pytest.raises(InputError, match="cannot read corpus: .*No such file"):
        read_corpus(str(tmp_path / "missing.jsonl"))
