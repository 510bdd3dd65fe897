"""Tests for intro_lint.read.message: files, bytes, stdin and editor buffers into a Message."""

from __future__ import annotations

import base64
import importlib.util
import io
import os
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intro_lint.errors import InputError
from intro_lint.model import Message, Span
from intro_lint.read.htmltext import html_to_text
from intro_lint.read.message import read_bytes, read_many, read_path, read_text
from intro_lint.read.suppressions import find_suppressions

DATA = Path(__file__).parents[1] / "data"
EXAMPLES = Path(__file__).parents[2] / "examples"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def cut(msg: Message, span: Span | None) -> str | None:
    return None if span is None else msg.text[span.start : span.end]


def body(msg: Message) -> str:
    return msg.text[msg.body.start : msg.body.end]


def error_for(call, *args, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return str(info.value)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def eml_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes()


def new_mail(subject: str = "Intro") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Jeff Morgan <jeff@example.com>"
    msg["To"] = "Bob Chen <bob@example.org>"
    msg["Subject"] = subject
    return msg


# --- hand-written .eml fixtures ------------------------------------------------------------------


def test_quoted_printable_with_non_ascii_names():
    msg = read_path(str(DATA / "qp-nonascii-name.eml"))
    assert msg.kind == "email"
    assert msg.headers == {
        "From": "José Martínez <jose@example.com>",
        "To": "Bob Chen <bob@example.org>",
        "Subject": "Intro to Zoë",
        "Date": "Tue, 06 Jan 2026 09:15:00 -0500",
        "Message-ID": "<qp-1@example.com>",
    }
    assert msg.subject == "Intro to Zoë"
    assert body(msg) == (
        "Hi Bob,\n\nZoë Laurent runs growth at Tidepool and wants to meet the payments team at "
        "Northwind. Could you forward her note?\n\nThanks,\nJosé"
    )


def test_base64_body_is_decoded():
    msg = read_path(str(DATA / "base64-body.eml"))
    assert msg.text == (
        "Hi Priya,\n\nThank you for the call on Tuesday. Zoë’s deck is attached.\n\nBest,\nJosé\n"
    )
    assert body(msg) == msg.text.rstrip()
    assert msg.attachments == ()


def test_html_only_mail_becomes_readable_text():
    msg = read_path(str(DATA / "html-only.eml"))
    assert msg.text == (
        "Hi Sam,\n\nCongrats on the launch — the pricing page is sharp.\n\n"
        "Would you introduce me to Lee at Harbor & Co?\n"
        "I'll send a two-line note you can forward.\n\n"
        "Thanks,\nDana"
    )
    assert "track()" not in msg.text and "margin" not in msg.text


def test_multipart_alternative_prefers_plain():
    msg = read_path(str(DATA / "alternative.eml"))
    assert body(msg) == "Hi Sam,\n\nThis is the plain part.\n\nDana"


def test_pdf_attachment_is_listed_with_its_decoded_size():
    msg = read_path(str(DATA / "pdf-attachment.eml"))
    assert [(a.filename, a.content_type, a.size) for a in msg.attachments] == [
        ("Becky Alvarez - Resume.pdf", "application/pdf", len(PDF))
    ]


def test_inline_logo_referenced_by_html_is_not_an_attachment():
    msg = read_path(str(DATA / "inline-logo.eml"))
    assert [a.filename for a in msg.attachments] == ["growth-chart.png"]
    assert body(msg) == "Hi Sam, the one-pager is attached.\n\nDana"


def test_gmail_reply_splits_body_signature_and_history():
    msg = read_path(str(DATA / "gmail-reply.eml"))
    assert (
        body(msg)
        == "Hi Bob,\n\nThanks for the quick reply. I'll send the note for Priya tomorrow.\n\nJeff"
    )
    assert cut(msg, msg.signature) == "-- \nJeff Morgan\nMorgan & Field Advisory"
    assert [cut(msg, q) for q in msg.quoted] == [
        "On Mon, Jan 5, 2026 at 10:02 AM Bob Chen <bob@example.org>\nwrote:\n\n"
        "> Happy to help, Jeff. Send me a note I can forward.\n>\n> Bob"
    ]


def test_outlook_reply_drops_the_original_message():
    msg = read_path(str(DATA / "outlook-reply.eml"))
    assert body(msg) == "Tom,\n\nYes, I can be a reference for Marcus. Friday at 2pm works.\n\nAna"
    assert cut(msg, msg.quoted[0]).startswith("-----Original Message-----\nFrom: Tom Becker")


def test_forwarded_rfc822_part_is_an_attachment_named_after_its_subject():
    msg = read_path(str(DATA / "forwarded-rfc822.eml"))
    assert body(msg) == "Bob, Becky's note is attached as she sent it.\n\nJeff"
    (attachment,) = msg.attachments
    assert (attachment.filename, attachment.content_type) == (
        "Note for Priya.eml",
        "message/rfc822",
    )
    assert attachment.size > 100


def test_latin1_charset_body():
    msg = read_path(str(DATA / "latin1.eml"))
    assert msg.subject == "Café on Friday"
    assert body(msg) == "Hi Tom,\n\nMeet Renée at the café on Friday?\n\nAna"


def test_malformed_mime_names_the_file():
    path = str(DATA / "malformed.eml")
    message = error_for(read_path, path)
    problem = (
        "malformed MIME message: a multipart boundary never appears in its body (multipart/mixed)"
    )
    assert message == f"{path}: {problem}"


def test_binary_and_empty_fixtures():
    binary, empty = str(DATA / "binary.txt"), str(DATA / "empty.txt")
    problem = (
        "looks like a binary file (it contains NUL bytes); if it is UTF-16 text, save it as UTF-8"
    )
    assert error_for(read_path, binary) == f"{binary}: {problem}"
    assert error_for(read_path, empty) == f"{empty}: file is empty"


# --- MIME built with the stdlib ------------------------------------------------------------------


def test_full_client_layout_only_real_attachments(tmp_path):
    msg = new_mail()
    msg.set_content("Hi Bob,\n\nBecky's resume is attached.\n\nJeff\n")
    msg.add_alternative(
        '<p>Hi Bob,</p><p>Resume attached.</p><img src="cid:logo@x">', subtype="html"
    )
    msg.get_payload()[1].add_related(PNG, "image", "png", cid="<logo@x>", filename="logo.png")
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="Becky Resume.pdf")
    parsed = read_path(write(tmp_path, "draft.eml", eml_bytes(msg)))
    assert body(parsed) == "Hi Bob,\n\nBecky's resume is attached.\n\nJeff"
    assert [(a.filename, a.size) for a in parsed.attachments] == [("Becky Resume.pdf", len(PDF))]


def test_unreferenced_inline_image_is_an_attachment(tmp_path):
    msg = new_mail()
    msg.set_content("<p>See the chart.</p>", subtype="html")
    msg.add_related(PNG, "image", "png", cid="<chart@x>")
    parsed = read_path(write(tmp_path, "draft.eml", eml_bytes(msg)))
    assert [(a.filename, a.content_type) for a in parsed.attachments] == [
        ("attachment.png", "image/png")
    ]


def test_forward_as_attachment_built_with_the_stdlib(tmp_path):
    inner = new_mail("Becky's note for Priya")
    inner.set_content("Priya, I lead FP&A at Lumen Health.\n")
    msg = new_mail("Fwd")
    msg.set_content("See attached.\n")
    msg.add_attachment(inner)
    parsed = read_path(write(tmp_path, "fwd.eml", eml_bytes(msg)))
    assert [a.filename for a in parsed.attachments] == ["Becky's note for Priya.eml"]


def test_base64_and_crlf_built_with_the_stdlib(tmp_path):
    msg = new_mail("Zoë")
    msg.set_content("Hi Bob,\r\nZoë says hi.\r\n-- \r\nJeff\r\n", cte="base64")
    parsed = read_path(
        write(tmp_path, "b64.eml", msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    )
    assert parsed.text == "Hi Bob,\nZoë says hi.\n-- \nJeff\n"
    assert body(parsed) == "Hi Bob,\nZoë says hi."
    assert cut(parsed, parsed.signature) == "-- \nJeff"


def test_html_reply_quote_becomes_quoted_history(tmp_path):
    msg = new_mail("Re: hi")
    msg.set_content(
        '<div dir="ltr">Sounds good.<div><br></div><div>Jeff</div></div><div class="gmail_quote">'
        '<div class="gmail_attr">'
        "On Mon, Jan 5, 2026 at 10:02 AM Bob &lt;bob@example.org&gt; wrote:<br>"
        "</div><blockquote><div>Send me a note.</div></blockquote></div>",
        subtype="html",
    )
    parsed = read_path(write(tmp_path, "reply.eml", eml_bytes(msg)))
    assert body(parsed) == "Sounds good.\n\nJeff"
    assert [cut(parsed, q) for q in parsed.quoted] == [
        "On Mon, Jan 5, 2026 at 10:02 AM Bob <bob@example.org> wrote:\n\n> Send me a note."
    ]


def test_undeclared_charset_with_utf8_bytes_is_read_as_utf8(tmp_path):
    raw = "Subject: x\nContent-Type: text/plain\n\nZoë\n".encode()
    assert read_path(write(tmp_path, "a.eml", raw)).text == "Zoë\n"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (
            b"Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nhi\n",
            "the text/plain part declares an unknown charset 'x-klingon'",
        ),
        (
            b"Subject: x\nContent-Type: text/plain; charset=utf-8\n\nbad \xff byte\n",
            "the text/plain part is not valid utf-8 (its declared charset)",
        ),
        (
            b"Subject: x\nContent-Type: text/plain\n\nbad \xff byte\n",
            "the text/plain part declares no charset but holds other bytes, "
            "and is not UTF-8 either",
        ),
        (
            b"Subject: x\nContent-Type: text/plain; charset=us-ascii\n\nbad \xff byte\n",
            "the text/plain part declares us-ascii but holds other bytes, and is not UTF-8 either",
        ),
        (
            b"Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
            b"!!!notbase64@@\n",
            "malformed MIME message: base64 content is truncated or corrupt (text/plain)",
        ),
        (
            b"Subject: x\nContent-Type: multipart/mixed\n\n--XX\n\nhi\n",
            "malformed MIME message: a multipart part has no boundary (multipart/mixed)",
        ),
        (b"Subject: x\nContent-Type: text/plain\n\n   \n", "the message body is empty"),
        (
            b"Hello Bob, this is a draft, not a message.\n",
            "does not look like an email message (it does not start with headers)",
        ),
        (PDF, "looks like a PDF document, not a text or email draft"),
    ],
)
def test_bad_email_bytes(tmp_path, raw, problem):
    path = write(tmp_path, "bad.eml", raw)
    assert error_for(read_path, path) == f"{path}: {problem}"


def test_email_with_no_body_part(tmp_path):
    msg = new_mail()
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="r.pdf")
    path = write(tmp_path, "only-attachment.eml", eml_bytes(msg))
    assert error_for(read_path, path) == (
        f"{path}: malformed MIME message: no text/plain or text/html body part"
    )


# --- text and Markdown files ---------------------------------------------------------------------


def test_text_file_is_read_whole_with_crlf_normalised(tmp_path):
    msg = read_path(write(tmp_path, "d.txt", b"Hi Bob,\r\nThanks.\r\nJeff\r\n"))
    assert (msg.kind, msg.text, body(msg)) == (
        "text",
        "Hi Bob,\nThanks.\nJeff\n",
        "Hi Bob,\nThanks.\nJeff",
    )
    assert msg.headers == {} and msg.attachments == ()


def test_subject_line_in_a_text_draft(tmp_path):
    msg = read_path(write(tmp_path, "d.txt", b"Subject: Intro to Priya\n\nHi Bob,\nThanks.\n"))
    assert msg.subject == "Intro to Priya"
    assert msg.text.startswith("Subject: Intro to Priya\n\n")
    assert body(msg) == "Hi Bob,\nThanks."


def test_markdown_by_extension(tmp_path):
    for name in ("d.md", "d.markdown", "D.MD"):
        msg = read_path(write(tmp_path, name, b"# Note\n\n> Becky led FP&A.\n"))
        assert msg.kind == "markdown"
        assert body(msg) == "# Note\n\n> Becky led FP&A."


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\xef\xbb\xbfHi Bob", "Hi Bob"),
        ("Hi Zoë".encode("utf-16"), "Hi Zoë"),
        ("Hi Zoë".encode("utf-32"), "Hi Zoë"),
        (b"caf\xe9 \x93quoted\x94\n", "café “quoted”\n"),
    ],
)
def test_encodings(tmp_path, raw, text):
    assert read_path(write(tmp_path, "d.txt", raw)).text == text


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (
            b"caf\xe9\x07 bell\n",
            "is not valid UTF-8 (byte 0xe9 at offset 3) and holds control "
            "characters, so it is not Windows-1252/Latin-1 text either; save it as UTF-8",
        ),
        (
            b"caf\xe9 \x81\n",
            "is not valid UTF-8 (byte 0xe9 at offset 3) nor Windows-1252; save it as UTF-8",
        ),
        (b"\xff\xfeH\x00\x00\xd8", "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
        (
            bytes(range(1, 32)) * 3,
            "looks like a binary file (mostly control characters), not a text draft",
        ),
        (b"\x89PNG\r\n\x1a\nrest", "looks like a PNG image, not a text or email draft"),
        (b" \n\t \r\n", "file is empty"),
    ],
)
def test_bad_text_bytes(tmp_path, raw, problem):
    path = write(tmp_path, "d.txt", raw)
    assert error_for(read_path, path) == f"{path}: {problem}"


def test_oversize_file_says_size_limit_and_setting(tmp_path):
    path = write(tmp_path, "big.txt", b"x" * 2048)
    assert error_for(read_path, path, max_bytes=1000) == (
        f"{path}: file is 2,048 bytes, over the limit of 1,000 bytes (configurable via max-bytes)"
    )
    assert "over the limit of 1,000 bytes" in error_for(
        read_bytes, b"x" * 2048, "-", max_bytes=1000
    )


def test_missing_path_and_directory(tmp_path):
    missing = str(tmp_path / "nope.txt")
    assert error_for(read_path, missing) == f"{missing}: no such file"
    assert error_for(read_path, str(tmp_path)) == f"{tmp_path}: is a directory, not a draft file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", b"hi")
    os.chmod(path, 0)
    assert error_for(read_path, path) == f"{path}: cannot read the file: permission denied"


# --- stdin sniffing and editor buffers -----------------------------------------------------------


def test_stdin_with_headers_is_email():
    data = b"From: Jeff <jeff@example.com>\nTo: Bob <bob@example.org>\nSubject: Hi\n\nHi Bob\n"
    msg = read_bytes(data, "-")
    assert (msg.kind, msg.subject, msg.text) == ("email", "Hi", "Hi Bob\n")


def test_stdin_without_headers_is_text():
    assert read_bytes(b"Hi Bob,\nThanks: Jeff\n", "-").kind == "text"
    only_subject = read_bytes(b"Subject: Hi\n\nHi Bob\n", "-")
    assert (only_subject.kind, only_subject.subject, body(only_subject)) == ("text", "Hi", "Hi Bob")


def test_mail_buffer_keeps_editor_positions():
    text = (
        "From: Jeff <jeff@example.com>\n"
        "To: =?utf-8?q?Zo=C3=AB?= <z@example.org>\nSubject: Intro\n\n"
        "Hi Zoë,\nThanks.\n-- \nJeff\n"
    )
    msg = read_text(text, "/tmp/neomutt-1", kind="email")
    assert msg.text == text
    assert msg.headers == {
        "From": "Jeff <jeff@example.com>",
        "To": "Zoë <z@example.org>",
        "Subject": "Intro",
    }
    assert msg.body.start == text.index("Hi Zoë")
    assert body(msg) == "Hi Zoë,\nThanks."
    assert cut(msg, msg.signature) == "-- \nJeff"


def test_mail_buffer_without_headers_is_all_body():
    msg = read_text("Hi Bob,\n\nThanks.\n", kind="email")
    assert (msg.headers, msg.body) == ({}, Span(start=0, end=16))


def test_empty_editor_buffer_is_fine():
    msg = read_text("", "untitled.md", kind="markdown")
    assert (msg.text, msg.body, msg.path) == ("", Span(start=0, end=0), "untitled.md")


def test_read_text_rejects_an_unknown_kind():
    with pytest.raises(ValueError):
        read_text("hi", kind="docx")


# --- suppressions and HTML -----------------------------------------------------------------------


def test_suppressions():
    text = (
        "Hi <!-- intro-lint: ignore[vague-ask, long-silence] we met last week -->\n"
        "<!--intro-lint:ignore-all-->\n<!-- intro-lint: ignore[ * ] -->\n"
        "<!-- intro-lint:  ignore  [x] -->"
        "<!-- not ours -->"
    )
    found = find_suppressions(text)
    assert [(s.rules, s.reason) for s in found] == [
        (("vague-ask", "long-silence"), "we met last week"),
        (("*",), ""),
        (("*",), ""),
        (("x",), ""),
    ]
    assert text[found[0].span.start : found[0].span.end] == (
        "<!-- intro-lint: ignore[vague-ask, long-silence] we met last week -->"
    )
    msg = read_text(text)
    assert msg.suppressions == found and msg.text == text


def test_html_keeps_intro_lint_comments_and_decodes_entities():
    html = "<p>Caf&eacute; &amp; tea<!-- intro-lint: ignore[self-centered] --></p><!-- other -->"
    assert html_to_text(html) == "Café & tea<!--intro-lint: ignore[self-centered]-->"
    assert find_suppressions(html_to_text(html))[0].rules == ("self-centered",)


def test_html_lists_breaks_and_tables():
    html = (
        "<div>a<br>b</div><div><br></div><ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>x</td><td>y</td></tr></table>"
    )
    assert html_to_text(html) == "a\nb\n\n- one\n- two\n\nx y"


# --- examples and robustness ---------------------------------------------------------------------


DRAFTS = sorted(
    p for p in EXAMPLES.glob("*") if p.suffix in {".txt", ".md", ".eml"} and p.stem != "README"
)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_examples_read_cleanly(path):
    msg = read_path(str(path))
    assert body(msg).strip()


def test_examples_readme_has_a_line_per_draft():
    readme = (EXAMPLES / "README.md").read_text()
    for path in DRAFTS:
        assert re.search(rf"^\| `{re.escape(path.name)}` \|.*\| (good|bad) \|$", readme, re.M), (
            path.name
        )


def test_example_emails_match_their_generator(tmp_path):
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for made in tmp_path.glob("*.eml"):
        assert made.read_bytes() == (EXAMPLES / made.name).read_bytes(), made.name
    assert {p.name for p in tmp_path.glob("*.eml")} == {p.name for p in EXAMPLES.glob("*.eml")}


def test_rewrite_example_carries_a_valid_pdf_resume():
    msg = read_path(str(EXAMPLES / "jeff-becky-rewrite.eml"))
    assert [a.content_type for a in msg.attachments] == ["application/pdf"]
    from email import message_from_bytes, policy

    mail = message_from_bytes(
        (EXAMPLES / "jeff-becky-rewrite.eml").read_bytes(), policy=policy.default
    )
    pdf = next(mail.iter_attachments()).get_content()
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.rstrip().endswith(b"%%EOF")
    xref_at = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))
    assert pdf[xref_at:].startswith(b"xref")
    offsets = [int(m.group(1)) for m in re.finditer(rb"(\d{10}) 00000 n", pdf)]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(f"{number} 0 obj".encode())


@settings(deadline=None, max_examples=200)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".eml", "-"]))
def test_any_bytes_give_a_message_or_an_input_error(data, suffix):
    path = "-" if suffix == "-" else f"draft{suffix}"
    try:
        msg = read_bytes(data, path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return
    assert 0 <= msg.body.start <= msg.body.end <= len(msg.text)


@settings(deadline=None, max_examples=100)
@given(
    st.lists(
        st.sampled_from(
            [
                b"From: a@b.c\n",
                b"Subject: =?utf-8?q?x?=\n",
                b"Content-Type: multipart/mixed; boundary=B\n",
                b"Content-Type: text/html\n",
                b"Content-Transfer-Encoding: base64\n",
                b"\n",
                b"--B\n",
                b"--B--\n",
                b"<p>hi</p>\n",
                b"aGVsbG8=\n",
                b"Content-Type: message/rfc822\n",
                b"\xff\xfe\n",
                b"> q\n",
            ]
        ),
        max_size=20,
    )
)
def test_mime_like_bytes_give_a_message_or_an_input_error(chunks):
    try:
        read_bytes(b"".join(chunks), "fuzz.eml")
    except InputError:
        pass


# --- special files and endless input -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_opening_it(tmp_path):
    pipe = str(tmp_path / "draft.txt")
    os.mkfifo(pipe)  # opening it would wait for a writer that never comes
    assert error_for(read_path, pipe) == f"{pipe}: is a named pipe (FIFO), not a regular file"


def test_a_device_is_refused_without_reading_it():
    assert error_for(read_path, "/dev/zero") == "/dev/zero: is a device, not a regular file"


def test_a_file_denied_to_the_user_is_one_input_error(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"Hi Ana,\n\nA question.\n")
    real = os.open

    def denied(name, *args, **kwargs):
        if os.fspath(name) == path:
            raise PermissionError(13, "Permission denied", name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # as chmod 000 does for anyone but root
    assert error_for(read_path, path) == f"{path}: cannot read the file: permission denied"


class Endless(io.RawIOBase):
    """A stream that never ends (like /dev/zero) and counts the bytes asked of it."""

    def __init__(self):
        self.given = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_endless_standard_input_stops_just_past_the_limit():
    stream = Endless()
    (item,) = read_many(["-"], 1000, io.BufferedReader(stream, buffer_size=64))
    assert isinstance(item, InputError) and item.path == "-"
    assert item.problem == (
        "standard input is over the limit of 1,000 bytes (configurable via max-bytes)"
    )
    assert stream.given <= 1000 + 64 + 1


def test_standard_input_within_the_limit_is_read_whole():
    (item,) = read_many(["-"], 1000, io.BytesIO(b"Hi Ana,\n\nWould you have 20 minutes?\n"))
    assert isinstance(item, Message) and item.text.startswith("Hi Ana")
