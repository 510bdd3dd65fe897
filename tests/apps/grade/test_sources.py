"""Reading drafts: folders, JSONL, CSV, mbox; bad items become error items, never exceptions."""

from __future__ import annotations

import json
import mailbox
import os
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from intro_lint.apps.grade import sources
from intro_lint.apps.grade.records import label_columns
from intro_lint.apps.grade.sources import count_items
from intro_lint.check.catalogue import load_catalogue

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"  # shared by the cli and grade tests
GOOD = (DRAFTS / "good.txt").read_text(encoding="utf-8")  # a request done well
BAD = (DRAFTS / "bad.txt").read_text(encoding="utf-8")  # a blast, urgent and vague
LABELS = {"vague-ask": True, "generic-blast": True, "self-centered": True, "no-attachment": False}


COLUMNS = label_columns(load_catalogue())


def iter_items(inputs, max_bytes=sources.DEFAULT_MAX_BYTES, label_ids=COLUMNS):
    """sources.iter_items with the built-in rules' label columns."""
    return sources.iter_items(inputs, max_bytes, label_ids=label_ids)


def class_folder(root):
    """alice/ and bob/ with drafts, a draft on top, a binary and an empty file, noise to skip."""
    (root / "alice").mkdir(parents=True)
    (root / "bob" / "round1").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "alice" / "draft.txt").write_text(GOOD)
    (root / "alice" / "notes.md").write_text(BAD)
    (root / "bob" / "round1" / "draft.eml").write_bytes(eml(BAD, attachments=["resume.pdf"]))
    (root / "bob" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "bob" / "empty.txt").write_bytes(b"")
    (root / "top.txt").write_text(GOOD)
    (root / "alice" / "draft.docx").write_bytes(b"PK\x03\x04")  # not a draft suffix: skipped
    (root / ".git" / "x.txt").write_text(GOOD)  # hidden folder: skipped
    return root


def eml(text: str, attachments=(), sender: str = "Ana Ruiz <ana@example.org>") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "reader@example.org"
    msg["Subject"] = "Hello"
    msg.set_content(text)
    for name in attachments:
        msg.add_attachment(b"%PDF-1.4\n", maintype="application", subtype="pdf", filename=name)
    return bytes(msg)


def test_folder_ids_students_order_and_error_items(tmp_path):
    items = list(iter_items([str(class_folder(tmp_path / "class"))]))
    assert [i.id for i in items] == [
        "alice/draft.txt",
        "alice/notes.md",
        "bob/empty.txt",
        "bob/photo.txt",
        "bob/round1/draft.eml",
        "top.txt",
    ]
    assert [i.index for i in items] == list(range(6))
    assert [i.student for i in items] == ["alice", "alice", "bob", "bob", "bob", None]
    by_id = {i.id: i for i in items}
    assert "empty" in by_id["bob/empty.txt"].error and by_id["bob/empty.txt"].message is None
    assert "PNG" in by_id["bob/photo.txt"].error
    assert by_id["alice/notes.md"].message.kind == "markdown"
    assert [a.filename for a in by_id["bob/round1/draft.eml"].message.attachments] == ["resume.pdf"]
    assert all(i.error is None for i in items if i.id not in ("bob/empty.txt", "bob/photo.txt"))


def test_items_stream(tmp_path):
    path = tmp_path / "class.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": GOOD}) + "\n" for n in range(3)))
    stream = iter_items([str(path)])
    assert isinstance(stream, Iterator)
    assert next(stream).id == "d0"


def test_jsonl_labels_top_level_or_nested_attachments_subject(tmp_path):
    path = tmp_path / "class.jsonl"
    records = [
        {"id": "a", "text": BAD, "student": "Ana", "labels": LABELS},
        {"id": "b", "text": BAD, "subject": "Resume attached", "attachments": ["cv.pdf"], **LABELS},
        {"id": "c", "text": GOOD},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    a, b, c = iter_items([str(path)])
    assert a.labels == LABELS and a.student == "Ana" and a.message.path == "a.eml"
    assert b.labels == LABELS and b.message.subject == "Resume attached"
    assert [x.filename for x in b.message.attachments] == ["cv.pdf"]
    assert c.labels is None and c.error is None


def test_jsonl_bad_lines_become_error_items(tmp_path):
    path = tmp_path / "class.jsonl"
    path.write_text(
        "\n".join(
            [
                "{not json",
                json.dumps(["a list"]),
                json.dumps({"id": "no-text"}),
                json.dumps({"id": "bad-label", "text": BAD, "vague-ask": "maybe"}),
                json.dumps({"id": "bad-subject", "text": BAD, "subject": "two\nlines"}),
                json.dumps({"id": "ok", "text": GOOD}),
            ]
        )
        + "\n"
    )
    items = list(iter_items([str(path)]))
    assert [i.id for i in items] == [
        "class.jsonl:1",
        "class.jsonl:2",
        "no-text",
        "bad-label",
        "bad-subject",
        "ok",
    ]
    assert [bool(i.error) for i in items] == [True] * 5 + [False]
    why = "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    assert items[0].error == f"not a JSON record: {why}"
    assert items[1].error == "not a JSON object"
    assert "maybe" in items[3].error and "vague-ask" in items[3].error


def test_label_columns_are_the_loaded_rules_ids_and_aliases(tmp_path):
    rules = load_catalogue()
    renamed = rules["vague-ask"].model_copy(update={"aliases": ["fuzzy-ask"]})
    columns = label_columns({**rules, "vague-ask": renamed})
    assert columns == {*rules, "fuzzy-ask"}
    path = tmp_path / "class.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BAD, "fuzzy-ask": True, "made-up": True}) + "\n")
    (item,) = iter_items([str(path)], label_ids=columns)
    assert item.labels == {"fuzzy-ask": True}
    (item,) = iter_items([str(path)], label_ids=())
    assert item.labels is None


def test_csv_labels_as_words_and_numbers(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes(
        "\ufeffid,student,text,attachments,vague-ask,generic-blast,no-attachment\n"
        f'c1,Ana,"{BAD}",,yes,1,TRUE\n'
        f'c2,Bo,"{GOOD}",cv.pdf;deck.pdf,no,0,false\n'
        f'c3,Cy,"{GOOD}",,,,\n'.encode()
    )
    c1, c2, c3 = iter_items([str(path)])
    assert c1.labels == {"vague-ask": True, "generic-blast": True, "no-attachment": True}
    assert c2.labels == {"vague-ask": False, "generic-blast": False, "no-attachment": False}
    assert [a.filename for a in c2.message.attachments] == ["cv.pdf", "deck.pdf"]
    assert c3.labels is None and c1.student == "Ana" and c1.message.text.startswith("Dear friends")


def test_csv_without_text_column_is_one_error(tmp_path):
    path = tmp_path / "class.csv"
    path.write_text("id,body\nx,hello\n")
    (item,) = iter_items([str(path)])
    assert item.id == "class.csv" and "text" in item.error


def test_mbox_ids_students_attachments(tmp_path):
    path = tmp_path / "class.mbox"
    box = mailbox.mbox(str(path))
    box.add(eml(BAD, sender='"Ana Ruiz" <ana@example.org>'))
    box.add(eml(GOOD, attachments=["resume.pdf"], sender="bo@example.org"))
    box.add(
        b"From: Cy <cy@example.org>\nContent-Type: multipart/mixed; boundary=zz\n\nno parts here\n"
    )
    box.flush()
    box.close()
    items = list(iter_items([str(path)]))
    assert [i.id for i in items] == ["class.mbox#1", "class.mbox#2", "class.mbox#3"]
    assert [i.student for i in items] == ["Ana Ruiz", "bo@example.org", "Cy"]
    assert items[0].message.kind == "email" and items[0].message.path == "class.mbox#1.eml"
    assert [a.filename for a in items[1].message.attachments] == ["resume.pdf"]
    assert items[2].message is None and "MIME" in items[2].error


def test_mbox_without_suffix_is_sniffed(tmp_path):
    path = tmp_path / "Inbox"
    box = mailbox.mbox(str(path))
    box.add(eml(GOOD))
    box.flush()
    box.close()
    assert [i.id for i in iter_items([str(path)])] == ["Inbox#1"]


def test_bad_inputs_are_one_error_item_each_and_the_rest_goes_on(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "one.txt").write_text(GOOD)
    inputs = [str(tmp_path / n) for n in ("missing", "notes.pdf", "empty-folder", "one.txt")]
    items = list(iter_items(inputs))
    assert [i.index for i in items] == [0, 1, 2, 3]
    assert "no such file" in items[0].error
    assert "unknown input type" in items[1].error
    assert "no drafts found" in items[2].error
    assert items[3].error is None and items[3].id == inputs[3]


def test_duplicate_ids_are_error_items(tmp_path):
    path = tmp_path / "class.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": GOOD}) + "\n" + json.dumps({"id": "x", "text": BAD}) + "\n"
    )
    first, second = iter_items([str(path)])
    assert first.error is None and "duplicate id" in second.error


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 20)
    (item,) = iter_items([str(tmp_path)], max_bytes=1000)
    assert "over the limit" in item.error


def test_count_items(tmp_path):
    class_folder(tmp_path / "class")
    path = tmp_path / "class.csv"
    path.write_text(f'id,text\na,"{GOOD}"\nb,"{BAD}"\n')
    assert count_items([str(tmp_path / "class"), str(path), str(tmp_path / "missing")]) == 6 + 2 + 1


def test_an_unexpected_failure_while_reading_is_an_error_item(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(BAD)

    def read_path(path, max_bytes):
        if path.endswith("a.txt"):
            raise RuntimeError("odd")
        return real(path, max_bytes)

    real = sources.read_path
    monkeypatch.setattr(sources, "read_path", read_path)
    a, b = iter_items([str(tmp_path)])
    assert "RuntimeError: odd" in a.error and b.error is None


def test_numeric_ids_are_strings(tmp_path):
    path = tmp_path / "class.jsonl"
    path.write_text(
        json.dumps({"id": 0, "text": GOOD}) + "\n" + json.dumps({"id": 7, "text": BAD}) + "\n"
    )
    assert [i.id for i in iter_items([str(path)])] == ["0", "7"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_an_error_item_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "b.txt")  # opening it would block the whole run
    (tmp_path / "c.txt").write_text(BAD)
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = list(iter_items([str(tmp_path), str(tmp_path / "pipe.jsonl")]))
    assert [i.id for i in items] == ["a.txt", "b.txt", "c.txt", str(tmp_path / "pipe.jsonl")]
    assert [i.error for i in items] == [
        None,
        "is a named pipe (FIFO), not a regular file",
        None,
        "is a named pipe (FIFO), not a regular file",
    ]
    assert count_items([str(tmp_path / "pipe.jsonl")]) == 1
