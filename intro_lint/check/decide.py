"""A rule's learned decision: the model's probability against the rule's threshold, as evidence."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from intro_lint.check.kinds.hit import Hit

if TYPE_CHECKING:
    from intro_lint.analyse.analysis import Analysis
    from intro_lint.analyse.judge.judgment import Judgment
    from intro_lint.check.catalogue import Decision

QUOTE = 140  # characters of a passage quoted in evidence


def threshold(decision: Decision, judgment: Judgment) -> float:
    """The rule's own number, or the one training chose for the head ("tuned")."""
    if decision.threshold == "tuned":
        return judgment.model.thresholds[decision.head]
    return float(decision.threshold)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE else flat[: QUOTE - 1] + "…"


def _where(a: Analysis, judgment: Judgment, head: str, hits: list[Hit]) -> Hit:
    """Where the finding sits: the written check's span if it found one, else the top passage."""
    top = judgment.top(head)
    if hits:
        return hits[0]
    if top is not None:
        greeting = a.layout.greeting
        at_greeting = greeting is not None and top[0].start == greeting.start
        return Hit(top[0].start, top[0].end, (), {"greeting": True} if at_greeting else {})
    body = a.message.body
    return Hit(body.start, body.start + len(a.text[body.start : body.end].split("\n", 1)[0]))


def decide(a: Analysis, decision: Decision, hits: list[Hit]) -> list[Hit]:
    """The findings of a rule with a learned decision; certain hits stand on their own."""
    judgment = a.judgment
    if judgment is None:
        return hits
    p, t = judgment.message_p[decision.head], threshold(decision, judgment)
    said = [f"model: {decision.head} {p:.2f} (fires at {t:.2f})"]
    top = judgment.top(decision.head)
    if top is not None:
        said.append(f'passage: "{_quote(top[0].text)}" ({top[1]:.2f})')
    certain = [h for h in hits if h.data.get("certain")]
    if certain:  # the code saw it for itself; the model's view is shown only when it agrees
        shown = said if p >= t else []
        return [replace(h, evidence=(*shown, *h.evidence), confidence=1.0) for h in certain]
    if p < t:
        return []
    hit = _where(a, judgment, decision.head, hits)
    return [replace(hit, evidence=(*said, *hit.evidence), confidence=round(p, 4))]
