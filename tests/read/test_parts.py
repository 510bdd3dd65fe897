"""Tests for intro_lint.read.parts: newest message, quoted history and signature."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from intro_lint.model import Span
from intro_lint.read.parts import MAX_SIGNATURE_LINES, split


def parts_text(text: str, **kwargs) -> tuple[str, list[str], str | None]:
    parts = split(text, **kwargs)
    sig = parts.signature
    return (
        text[parts.body.start : parts.body.end],
        [text[q.start : q.end] for q in parts.quoted],
        None if sig is None else text[sig.start : sig.end],
    )


def test_plain_draft_is_all_body_with_trailing_whitespace_trimmed():
    text = "Hi Bob,\n\nCould you introduce me to Priya?\n\nThanks,\nJeff\n\n  \n"
    assert parts_text(text) == (
        "Hi Bob,\n\nCould you introduce me to Priya?\n\nThanks,\nJeff",
        [],
        None,
    )


def test_empty_text():
    assert split("") == (Span(start=0, end=0), (), None)


def test_gmail_attribution_on_one_line():
    text = (
        "Sounds good.\n\nOn Mon, Jan 5, 2026 at 10:02 AM Bob Chen <bob@example.org> wrote:\n> Hi\n"
    )
    assert parts_text(text) == (
        "Sounds good.",
        ["On Mon, Jan 5, 2026 at 10:02 AM Bob Chen <bob@example.org> wrote:\n> Hi"],
        None,
    )


def test_gmail_attribution_wrapped_over_two_lines():
    text = (
        "Sounds good.\n\n"
        "On Mon, Jan 5, 2026 at 10:02 AM Bob Chen\n<bob@example.org> wrote:\n\n> Hi\n"
    )
    body, quoted, _ = parts_text(text)
    assert body == "Sounds good."
    assert quoted == ["On Mon, Jan 5, 2026 at 10:02 AM Bob Chen\n<bob@example.org> wrote:\n\n> Hi"]


def test_gmail_attribution_with_wrote_alone_on_second_line():
    text = "Yes.\nOn Tue, 6 Jan 2026, Bob Chen <bob@example.org>\nwrote:\n> Hi\n"
    assert parts_text(text)[:2] == (
        "Yes.",
        ["On Tue, 6 Jan 2026, Bob Chen <bob@example.org>\nwrote:\n> Hi"],
    )


def test_sentence_starting_with_on_is_not_an_attribution():
    text = "On Monday I met Becky.\nShe is great.\n"
    assert parts_text(text) == ("On Monday I met Becky.\nShe is great.", [], None)


def test_quoted_history_below_a_signature():
    text = (
        "Thanks!\nJeff\n\n-- \nJeff Morgan\nAcme\n\n"
        "On Mon, Jan 5, 2026 at 9:00 AM Bob wrote:\n> Hi\n"
    )
    assert parts_text(text) == (
        "Thanks!\nJeff",
        ["On Mon, Jan 5, 2026 at 9:00 AM Bob wrote:\n> Hi"],
        "-- \nJeff Morgan\nAcme",
    )


def test_outlook_original_message():
    text = "Friday works.\n\nAna\n\n-----Original Message-----\nFrom: Tom\nSent: Wed\n\nOld text\n"
    assert parts_text(text) == (
        "Friday works.\n\nAna",
        ["-----Original Message-----\nFrom: Tom\nSent: Wed\n\nOld text"],
        None,
    )


def test_outlook_header_block_with_rule_above():
    text = (
        "Friday works.\n\n________________________________\n"
        "From: Tom Becker <tom@example.org>\nSent: Wednesday, January 7, 2026 4:10 PM\n"
        "To: Ana Silva\nSubject: Reference\n\nOld text\n"
    )
    body, quoted, _ = parts_text(text)
    assert body == "Friday works."
    assert quoted[0].startswith("________________________________\nFrom: Tom Becker")
    assert quoted[0].endswith("Old text")


def test_outlook_header_block_with_bold_markers_and_date():
    text = "Done.\n\n*From:* Tom Becker\n*Date:* Wed, Jan 7\n*Subject:* x\n\nOld\n"
    assert parts_text(text)[:2] == (
        "Done.",
        ["*From:* Tom Becker\n*Date:* Wed, Jan 7\n*Subject:* x\n\nOld"],
    )


def test_quoted_run_at_the_end_with_wrote_line():
    text = "Will do.\n\nBob Chen wrote:\n> Send me a note.\n>\n> Bob\n\n"
    assert parts_text(text) == ("Will do.", ["Bob Chen wrote:\n> Send me a note.\n>\n> Bob"], None)


def test_quoted_run_at_the_end_without_attribution():
    assert parts_text("Will do.\n> Send me a note.\n") == ("Will do.", ["> Send me a note."], None)


def test_quoted_blurb_in_the_middle_stays_in_the_body():
    text = (
        "Hi Bob,\n\nHere is a note you can forward to Priya:\n\n"
        "> Becky Alvarez led FP&A at Lumen Health through its IPO.\n"
        "> She would like 20 minutes about the VP of Finance role.\n\n"
        "Thanks,\nJeff\n"
    )
    assert parts_text(text) == (text.rstrip(), [], None)


def test_markdown_keeps_a_trailing_blockquote():
    text = "Note for Priya:\n\n> Becky led FP&A at Lumen Health.\n"
    assert parts_text(text, quote_tail=False) == (text.rstrip(), [], None)


def test_signature_dash_dash_space():
    text = "Hi Bob,\nThanks.\n-- \nJeff Morgan\n+1 555 0100\n"
    assert parts_text(text) == ("Hi Bob,\nThanks.", [], "-- \nJeff Morgan\n+1 555 0100")


def test_signature_bare_dash_dash():
    assert parts_text("Thanks.\n--\nJeff\n") == ("Thanks.", [], "--\nJeff")


def test_bare_dash_dash_followed_by_a_long_text_is_a_divider():
    rest = "".join(f"line {i}\n" for i in range(MAX_SIGNATURE_LINES + 1))
    text = "Intro.\n--\n" + rest
    assert parts_text(text) == (text.rstrip(), [], None)


def test_dashes_inside_a_line_are_not_a_signature():
    text = "Becky -- our former CFO -- is great.\n--- \nmore\n"
    assert parts_text(text) == (text.rstrip(), [], None)


def test_last_signature_delimiter_wins():
    text = "Hi\n-- \nnot a sig? it is body text\n-- \nJeff\n"
    assert parts_text(text) == ("Hi\n-- \nnot a sig? it is body text", [], "-- \nJeff")


def test_forwarded_block_stays_in_the_body():
    text = (
        "Bob, Becky's note is below.\n\nJeff\n\n"
        "---------- Forwarded message ---------\n"
        "From: Becky Alvarez <becky@example.net>\nDate: Mon, Jan 5, 2026 at 8:00 AM\n"
        "Subject: Note for Priya\nTo: Jeff\n\n"
        "Priya, I lead FP&A at Lumen Health.\n\nOn Sun, Jan 4, 2026 Jeff wrote:\n> Send it\n"
    )
    assert parts_text(text) == (text.rstrip(), [], None)


def test_signature_above_a_forwarded_block_overlaps_the_body():
    text = (
        "See below.\n-- \nJeff\n\n"
        "Begin forwarded message:\n\nFrom: Becky\nDate: Mon\n\nHi\n-- \nBecky\n"
    )
    body, quoted, sig = parts_text(text)
    assert body == text.rstrip()
    assert quoted == []
    assert sig == "-- \nJeff"


def test_forward_inside_quoted_history_is_quoted():
    text = (
        "Thanks!\n\nOn Mon, Jan 5, 2026 at 9:00 AM Bob wrote:\n> ok\n>\n"
        "> ---------- Forwarded message ---------\n> From: Priya\n"
    )
    body, quoted, _ = parts_text(text)
    assert body == "Thanks!"
    assert quoted[0].startswith("On Mon, Jan 5")


def test_region_start_and_stop():
    text = "Subject: hi\n\nHello\n-- \nJ\nTRAILING"
    stop = text.index("TRAILING")
    parts = split(text, start=13, stop=stop)
    assert text[parts.body.start : parts.body.end] == "Hello"
    assert text[parts.signature.start : parts.signature.end] == "-- \nJ"


def test_only_quoted_text_leaves_an_empty_body():
    assert split("> old\n> text\n") == (Span(start=0, end=0), (Span(start=0, end=12),), None)


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab >-_\n:OnFromSent12 wrote")), max_size=200))
def test_spans_are_ordered_and_inside_the_text(text):
    parts = split(text)
    spans = [parts.body, *parts.quoted] + ([parts.signature] if parts.signature else [])
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
    for quoted in parts.quoted:
        assert quoted.start >= parts.body.end
