"""Who each clause is about, from the dependency parse: the writer or the reader."""

from __future__ import annotations

from dataclasses import dataclass

from intro_lint.analyse.sentences import Sentence

SELF = {"i", "we", "me", "my", "our"}
READER = {"you", "your"}


@dataclass(frozen=True)
class Focus:
    self_clauses: int
    reader_clauses: int

    @property
    def self_share(self) -> float:
        total = self.self_clauses + self.reader_clauses
        return self.self_clauses / total if total else 0.0


def clause_focus(sents: tuple[Sentence, ...]) -> Focus:
    """Count clause subjects (nsubj of verbs) that are the writer versus the reader."""
    me = you = 0
    for sent in sents:
        for tok in sent.span:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
                word = tok.lower_
                if word in SELF:
                    me += 1
                elif word in READER:
                    you += 1
    return Focus(me, you)
