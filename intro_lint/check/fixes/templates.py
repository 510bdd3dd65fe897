"""Turn a rule's fix templates into concrete edits for one hit."""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING, Literal

from intro_lint.analyse.analysis import Analysis
from intro_lint.check.fixes.scaffold import OPENING, forwardable_blurb
from intro_lint.check.kinds.hit import Hit
from intro_lint.model import Edit, Fix
from intro_lint.read.mail import header_name

if TYPE_CHECKING:  # for annotations only: the catalogue imports Action from this module
    from intro_lint.check.catalogue import FixTemplate, RuleSpec


def voice(a: Analysis) -> dict[str, str]:
    """What a template's $who, $whose and $Whose become: the writer, or the person asked for."""
    who = a.parties.beneficiary
    return {
        "who": who or "me",
        "whose": f"{who}'s" if who else "my",
        "Whose": f"{who}'s" if who else "My",
    }


def _sentence_end(a: Analysis, at: int) -> int:
    """The end of the sentence holding offset `at` (an insertion never splits a sentence)."""
    for s in a.sents:
        end = s.start + len(s.text.rstrip())
        if s.start <= at <= end:
            return max(end, at)
    return at


def _after_ask(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    anchor = _sentence_end(a, a.asks[0].end if a.asks else hit.end)
    return (Edit(start=anchor, end=anchor, text=text),)


def _fill_greeting(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    g, name = a.layout.greeting, header_name(a.message.headers.get("To"))
    if not name:
        return ()
    if g is None:
        s = a.message.body.start
        return (Edit(start=s, end=s, text=f"Hi {name},\n\n"),)
    line = a.message.text[g.start : g.end]
    word = line.split()[0].rstrip(",!:")
    end_char = line[-1] if line[-1] in ",!:" else ","
    return (Edit(start=g.start, end=g.end, text=f"{word} {name}{end_char}"),)


def _after_greeting(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    s = a.sents[0].start if a.sents else a.layout.core[0]
    return (Edit(start=s, end=s, text=text),)


def _replace_ask(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    return (Edit(start=hit.start, end=hit.end, text=text),)


def blurb_anchor(a: Analysis) -> tuple[int, str]:
    """Where a block goes: after the last paragraph before the sign-off, and what must follow it
    so that a blank line parts it from the sign-off."""
    text, start, end = a.message.text, a.layout.core[0], a.layout.core[1]
    anchor = start + len(text[start:end].rstrip())
    rest = text[anchor:]
    return anchor, "\n" if rest.startswith("\n") and not rest.startswith("\n\n") else ""


def _blurb(a: Analysis, hit: Hit, text: str) -> tuple[Edit, ...]:
    if a.blurb is not None or OPENING in a.message.text:
        return ()  # the draft has a note already: it needs filling in, not a second one
    anchor, tail = blurb_anchor(a)
    return (Edit(start=anchor, end=anchor, text="\n\n" + forwardable_blurb(a) + tail),)


ACTIONS = {
    "insert-after-ask": _after_ask,
    "fill-greeting": _fill_greeting,
    "insert-after-greeting": _after_greeting,
    "replace-ask": _replace_ask,
    "insert-blurb": _blurb,
}
# what a rule's fix template may ask for: an edit from ACTIONS, or "none" (a suggestion only)
Action = Literal[("none", *ACTIONS)]  # type: ignore[misc]


def _one(a: Analysis, tpl: FixTemplate, hit: Hit) -> Fix | None:
    if tpl.action == "none" or tpl.safety == "suggestion":
        return Fix(title=tpl.title, safety="suggestion")
    if tpl.action == "fill-greeting" and not hit.data.get("greeting"):
        return None
    text = Template(tpl.text).safe_substitute(voice(a))
    if text.strip() and text.strip() in a.message.text:
        return None  # the scaffold is in the draft already (inserted by an earlier --fix)
    edits = ACTIONS[tpl.action](a, hit, text)
    return Fix(title=tpl.title, safety=tpl.safety, edits=edits) if edits else None


FILL_IN = Fix(title="Fill in the placeholder, or delete it", safety="suggestion")


def build_fixes(a: Analysis, rule: RuleSpec, hit: Hit) -> tuple[Fix, ...]:
    if hit.data.get("severity") == "error":  # a leftover placeholder: only the writer can fill it
        return (FILL_IN,)
    return tuple(f for f in (_one(a, t, hit) for t in rule.fixes) if f is not None)
