"""The materials detector: links, 'attached' claims and the real attachments of a saved email."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intro_lint.read.message import read_bytes, read_text


@pytest.fixture(scope="module")
def analyse(linter):
    def run(message):
        return next(linter.analyse_many([message]))

    return run


def draft(body: str) -> str:
    return f"Hi Jo,\n\n{body}\n\nThanks,\nAl\n"


def text_draft(body: str):
    return read_text(draft(body), "draft.txt")


def eml(body: str, *attachments: tuple[str, bytes]) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Al Kim <al@kim.example>"
    mail["To"] = "Jo Park <jo@park.example>"
    mail["Subject"] = "Intro to Priya?"
    mail.set_content(draft(body))
    for name, data in attachments:
        mail.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return mail.as_bytes()


def test_url_and_bare_domain_links(analyse):
    analysis = analyse(
        text_draft(
            "My resume is at https://al-kim.example/resume and my portfolio "
            "at al-kim.example/work for the role."
        )
    )
    m = analysis.materials
    assert m.links == ("https://al-kim.example/resume", "al-kim.example/work")
    assert m.mentioned == ("resume", "portfolio")
    assert m.attached == ()
    assert m.says_attached is None
    assert m.present


def test_www_link_and_markdown_style_link_placeholder(analyse):
    assert analyse(text_draft("See www.tidewell.example for more.")).materials.links == (
        "www.tidewell.example",
    )
    body = "Here is the deck: [Deck link]. Could you forward it to Priya?"
    m = analyse(text_draft(body)).materials
    assert m.links == ("[Deck link]",)
    assert m.mentioned == ("deck",)


def test_attached_claim_without_an_attachment(analyse):
    text = draft("I've attached my CV and the job description.")
    m = analyse(read_text(text, "draft.txt")).materials
    assert m.says_attached is not None
    start, end = m.says_attached
    assert text[start:end] == "I've attached"
    assert m.mentioned == ("cv", "job description")
    assert m.attached == ()
    assert not m.present


def test_mentioned_material_alone_is_not_present(analyse):
    body = "Could you introduce me to Priya? I can send my deck if helpful."
    m = analyse(text_draft(body)).materials
    assert m.mentioned == ("deck",)
    assert (m.links, m.attached, m.says_attached) == ((), (), None)
    assert not m.present


def test_real_attachment_of_a_saved_email(analyse):
    data = eml(
        "We're raising our seed round. I've attached the deck. "
        "Could you introduce me to Priya Shah?",
        ("tidewell-deck.pdf", b"%PDF-1.4 test"),
    )
    message = read_bytes(data, "draft.eml")
    analysis = analyse(message)
    m = analysis.materials
    assert m.attached == ("tidewell-deck.pdf",)
    assert m.present
    start, end = m.says_attached
    assert analysis.text[start:end] == "I've attached"
    assert m.mentioned == ("deck",)


def test_saved_email_without_attachments(analyse):
    data = eml("I've attached the deck. Could you introduce me to Priya Shah?")
    message = read_bytes(data, "x.eml")
    m = analyse(message).materials
    assert m.attached == ()
    assert m.says_attached is not None
    assert not m.present


def test_every_real_attachment_is_listed(analyse):
    data = eml("Both files are attached.", ("cv.pdf", b"%PDF-1.4 a"), ("letter.pdf", b"%PDF-1.4 b"))
    assert analyse(read_bytes(data, "two.eml")).materials.attached == ("cv.pdf", "letter.pdf")


@pytest.mark.xfail(
    reason="the bare-domain pattern's path part takes in '.', so a link that ends a sentence "
    "keeps the full stop",
    strict=True,
)
def test_link_at_the_end_of_a_sentence_drops_the_full_stop(analyse):
    m = analyse(text_draft("My portfolio is at al-kim.example/work.")).materials
    assert m.links == ("al-kim.example/work",)


@pytest.mark.xfail(
    reason="the bare-domain pattern has no look-behind for '@', so the domain of an email "
    "address counts as a link to materials",
    strict=True,
)
def test_email_address_is_not_a_link(analyse):
    m = analyse(text_draft("Email me at al@kim.example if easier.")).materials
    assert m.links == ()
