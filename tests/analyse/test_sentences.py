"""Sentences slice their text once and know where it starts in Message.text."""

import json
from pathlib import Path

import pytest

from intro_lint.analyse.analysis import analysable_text, analyse
from intro_lint.read.message import read_text

DRAFT = (
    "Subject: Lisbon\n\nHi Dana,\n\nHope the move to Lisbon went well!  "
    "Could you introduce me to Priya Shah at Stripe?\n\n- Sam\n"
)
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "heldout2.jsonl"


@pytest.fixture(scope="module")
def analysed(linter):
    def run(text: str):
        message = read_text(text, "draft.txt")
        return message, analyse(message, linter.nlp(analysable_text(message)))

    return run


def test_sentence_text_is_spacys_and_its_offsets_point_into_the_message(analysed):
    message, analysis = analysed(DRAFT)
    assert message.body.start > 0  # the subject line is not parsed: offsets are shifted
    texts = [s.text for s in analysis.sents]
    assert texts == [s.span.text for s in analysis.sents]
    assert any("Could you introduce me" in t for t in texts)
    for sent in analysis.sents:
        assert message.text[sent.start : sent.end] == sent.text


def test_entity_text_and_token_offsets_inside_a_sentence(analysed):
    _, analysis = analysed(DRAFT)
    ask = next(s for s in analysis.sents if "introduce" in s.text)
    assert [ask.part(e) for e in ask.span.ents] == [e.text for e in ask.span.ents]
    assert "Priya Shah" in [ask.part(e) for e in ask.span.ents]
    for tok in ask.span:
        assert ask.text[ask.offset(tok) :].startswith(tok.text)


def test_asks_and_gives_point_at_their_sentences_on_real_drafts(analysed):
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:20]:
        message, analysis = analysed(json.loads(line)["text"])
        for item in (*analysis.asks, *analysis.gives):
            assert message.text[item.start : item.end].strip() == item.text
