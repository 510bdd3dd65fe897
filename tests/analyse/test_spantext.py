"""Span text sliced from the remembered draft text equals spaCy's own Span.text."""

from intro_lint.analyse.analysis import analysable_text, analyse
from intro_lint.analyse.spantext import text_of
from intro_lint.read.message import read_text

DRAFT = "Hi Dana,\n\nHope the move to Lisbon went well!  Could you introduce me to Priya Shah at Stripe?\n\n- Sam\n"


def test_sentences_and_entities_match_spacy_after_analysis(linter):
    message = read_text(DRAFT, "draft.txt")
    doc = linter.nlp(analysable_text(message))
    analysis = analyse(message, doc)
    spans = [*analysis.doc.sents, *analysis.doc.ents]
    assert spans and [text_of(s) for s in spans] == [s.text for s in spans]


def test_a_doc_never_analysed_is_read_from_its_tokens(linter):
    first, second = linter.nlp("One sentence here. Another one."), linter.nlp("A different text. With two parts.")
    analyse(read_text(DRAFT, "draft.txt"), linter.nlp(analysable_text(read_text(DRAFT, "draft.txt"))))
    assert [text_of(s) for s in first.sents] == ["One sentence here.", "Another one."]
    assert [text_of(s) for s in second.sents] == ["A different text.", "With two parts."]
